"""Statements: texts republished from partner groups, with their provenance."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from network.blocks import BodyBlock
from network.feeds import statement_feed_response
from network.languages import LANGUAGE_CHOICES, language_name
from network.routing import outside_restricted_sections
from network.signals import statement_page_context

from .base import BasePage, SectionIndexPage


class StatementIndexPage(RoutablePageMixin, SectionIndexPage):
    """The list of statements in one language, with its RSS and Atom feeds."""

    subpage_types = ["network.StatementPage"]
    template = "network/pages/statement_index_page.html"

    class Meta:
        verbose_name = _("statement index")

    def get_context(self, request, *args, **kwargs):
        # The filters stand on these models, so they are imported when first needed.
        from network.filters import StatementFilterForm, filtered_listing

        context = super().get_context(request, *args, **kwargs)
        listing = filtered_listing(
            request,
            statements_for_listing(self),
            StatementFilterForm,
            self.items_per_page,
            self.locale_id,
        )
        context["listing"] = listing
        context["statements"] = listing.page
        return context

    @path("feed/", name="rss")
    def rss_feed(self, request):
        return statement_feed_response(request, self, statements_for_listing(self), "rss")

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return statement_feed_response(request, self, statements_for_listing(self), "atom")


def statements_for_listing(index_page):
    """Published statements under an index, newest first, ready to render."""
    return (
        StatementPage.objects.child_of(index_page)
        .live()
        .filter(outside_restricted_sections())
        .select_related("publisher")
        .order_by("-first_published_on", "-pk")
    )


class StatementPage(BasePage):
    """A statement as its publisher wrote it, and where it came from.

    The provenance (who published it first, when, in which language, who shares its
    view, which sites it travelled through) is part of the content: readers are shown
    "by RSD (Date first published: 31 July 2023)" with a link to the original.
    Links to prisoners and campaigns are models of the campaigns app
    (``prisoner_links``, ``campaign_links``), which stands above this one.
    """

    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("text"), blank=True)
    publisher = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="published_statements",
        help_text=_("The organisation that published the statement first."),
    )
    authors = models.CharField(
        _("authors"), max_length=255, blank=True, help_text=_("Names of people who signed it.")
    )
    shares_view_of = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("shares the view of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An organisation whose position the statement takes up."),
    )
    original_url = models.URLField(_("original address"), blank=True, max_length=500)
    first_published_on = models.DateField(_("date first published"), null=True, blank=True)
    original_language = models.CharField(
        _("original language"), max_length=7, choices=LANGUAGE_CHOICES, blank=True
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                InlinePanel("co_signers", label=_("Co-signers")),
                FieldPanel("authors"),
                FieldPanel("shares_view_of"),
                InlinePanel("republications", label=_("Republished by")),
                FieldRowPanel([FieldPanel("first_published_on"), FieldPanel("original_language")]),
                FieldPanel("original_url"),
            ],
            heading=_("Provenance"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("countries"),
                InlinePanel("topics", label=_("Topics")),
                InlinePanel("campaign_links", label=_("Campaigns")),
                InlinePanel("prisoner_links", label=_("Prisoners")),
            ],
            heading=_("Filed under"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("authors"),
        index.FilterField("first_published_on"),
        index.RelatedFields("publisher", [index.SearchField("name")]),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("original_url", overridable=False),
        SynchronizedField("first_published_on", overridable=False),
        SynchronizedField("original_language", overridable=False),
        SynchronizedField("countries", overridable=False),
    ]
    parent_page_types = ["network.StatementIndexPage"]
    subpage_types: list[str] = []
    select_related_for_serving = ("publisher", "shares_view_of")
    template = "network/pages/statement_page.html"

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["co_signers"] = [
            link.organisation for link in self.co_signers.select_related("organisation")
        ]
        context["republications"] = list(self.republications.select_related("organisation"))
        context["topics"] = [link.topic for link in self.topics.select_related("topic")]
        for _receiver, extra in statement_page_context.send(
            sender=type(self), page=self, request=request
        ):
            context.update(extra or {})
        return context

    @property
    def original_language_name(self) -> str:
        return language_name(self.original_language) if self.original_language else ""


# The statement's inline lists are translatable models so that, in a translation,
# wagtail-localize points them at the organisation's and topic's own translations.


class StatementCoSigner(TranslatableMixin, Orderable):
    statement = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="co_signers")
    organisation = models.ForeignKey(
        "network.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE
    )

    panels = [FieldPanel("organisation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("co-signer")


class StatementRepublication(TranslatableMixin, Orderable):
    """One step of the chain a statement travelled through (RSD → ESSF)."""

    statement = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="republications")
    organisation = models.ForeignKey(
        "network.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE
    )
    url = models.URLField(_("address"), blank=True, max_length=500)
    republished_on = models.DateField(_("republished on"), null=True, blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("url"), FieldPanel("republished_on")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("republication")


class StatementTopic(TranslatableMixin, Orderable):
    statement = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey("network.Topic", verbose_name=_("topic"), on_delete=models.CASCADE)

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("topic")
