"""Responsive images from Wagtail renditions that stay valid HTML for any upload."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter, FormatOperation, Picture
from wagtail.images.templatetags.wagtailimages_tags import get_renditions_or_not_found

register = template.Library()


@register.simple_tag
def responsive_picture(image, spec, sizes=""):
    """Wagtail's ``{% picture %}`` (one ``<source>`` per format, ``srcset`` of widths),
    minus the candidates that repeat a width: renditions never enlarge, so an original
    smaller than the widths asked for gives the same width twice, which browsers may
    ignore and the HTML checker rejects. ``sizes`` only goes with several widths."""
    if not image:
        return ""
    renditions = get_renditions_or_not_found(image, Filter.expand_spec(spec))
    kept, seen = {}, set()
    for filter_spec, rendition in renditions.items():
        image_format = next(
            (name for name in FormatOperation.supported_formats if f"format-{name}" in filter_spec),
            "",
        )
        if (image_format, rendition.width) not in seen:
            seen.add((image_format, rendition.width))
            kept[filter_spec] = rendition
    formats = {image_format for image_format, _width in seen}
    attrs = {"sizes": sizes} if sizes and len(kept) > len(formats) else {}
    return mark_safe(Picture(kept, attrs).__html__())  # noqa: S308 - Wagtail escapes attributes
