"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "network/blocks/quote.html"
        label = _("Quote")
        description = _("A quotation with the person or group it comes from")


class SourceLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    url = blocks.URLBlock(label=_("Address"))
    published_on = blocks.DateBlock(required=False, label=_("Published on"))

    class Meta:
        icon = "link"
        template = "network/blocks/source_link.html"
        label = _("Source")
        description = _("A published source that backs a fact on this page")


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    image = ImageBlock(label=_("Image"), template="network/blocks/image.html")
    quote = QuoteBlock()

    class Meta:
        label = _("Body")


class SourcesBlock(blocks.StreamBlock):
    source = SourceLinkBlock()

    class Meta:
        label = _("Sources")
