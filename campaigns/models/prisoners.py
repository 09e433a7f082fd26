"""Prisoner profiles: who is held, where, on what charges, and how to write to them."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from campaigns import calendars, exports
from campaigns.blocks import EventKind, TimelineBlock
from network.blocks import BodyBlock, SourcesBlock
from network.languages import LANGUAGE_CHOICES, language_name
from network.models import BasePage, SectionIndexPage, StatementPage
from network.routing import outside_restricted_sections

from .campaigns import CampaignPage


class PrisonerStatus(models.TextChoices):
    DETAINED = "detained", _("In detention")
    HOUSE_ARREST = "house_arrest", _("Under house arrest")
    SENTENCED = "sentenced", _("Sentenced")
    RELEASED = "released", _("Released")


# Which timeline events change a prisoner's status, and to what.
STATUS_AFTER_EVENT = {
    EventKind.DETENTION: PrisonerStatus.DETAINED,
    EventKind.HOUSE_ARREST: PrisonerStatus.HOUSE_ARREST,
    EventKind.VERDICT: PrisonerStatus.SENTENCED,
    EventKind.RELEASE: PrisonerStatus.RELEASED,
}
DEPRIVED_OF_LIBERTY = {
    PrisonerStatus.DETAINED,
    PrisonerStatus.HOUSE_ARREST,
    PrisonerStatus.SENTENCED,
}


class PrisonerIndexPage(RoutablePageMixin, SectionIndexPage):
    subpage_types = ["campaigns.PrisonerPage"]
    items_per_page = 24
    template = "campaigns/pages/prisoner_index_page.html"

    class Meta:
        verbose_name = _("prisoner index")

    # Follow and reuse: /en/prisoners/hearings.ics and /en/prisoners/export.csv, each
    # for one country with ?country=RU. network/urls.py routes dotted names here.

    def public_prisoners(self, country=None):
        """Live prisoner pages under this index that anyone may see."""
        prisoners = PrisonerPage.objects.child_of(self).live().public().order_by("title")
        return prisoners.filter(country=country) if country else prisoners

    @path("hearings.ics/", name="hearings")
    def hearings_calendar(self, request):
        try:
            country = exports.country_from_request(request)
        except exports.InvalidCountry as error:
            return exports.invalid_country_response(str(error))
        if country:
            title = gettext("Upcoming hearings: %(place)s") % {"place": countries.name(country)}
        else:
            title = gettext("Upcoming hearings")
        return calendars.hearings_calendar_response(
            request,
            self.public_prisoners(country),
            title=title,
            filename=f"hearings-{(country or 'all').lower()}.ics",
        )

    @path("export.csv/", name="export_csv")
    def export_csv(self, request):
        return self.export(request, exports.csv_response)

    @path("export.json/", name="export_json")
    def export_json(self, request):
        return self.export(request, exports.json_response)

    def export(self, request, respond):
        try:
            country = exports.country_from_request(request)
        except exports.InvalidCountry as error:
            return exports.invalid_country_response(str(error))
        prisoners = self.public_prisoners(country).prefetch_related("charges")
        return respond(exports.prisoner_rows(prisoners, request), country=country)

    def get_context(self, request, *args, **kwargs):
        # The filters stand on these models, so they are imported when first needed.
        from campaigns.filters import PrisonerFilterForm
        from network.filters import filtered_listing

        context = super().get_context(request, *args, **kwargs)
        listing = filtered_listing(
            request,
            prisoners_for_listing(self),
            PrisonerFilterForm,
            self.items_per_page,
            self.locale_id,
        )
        context["listing"] = listing
        context["prisoners"] = listing.page
        return context


def prisoners_for_listing(index_page):
    return (
        PrisonerPage.objects.child_of(index_page)
        .live()
        .filter(outside_restricted_sections())
        .select_related("photo")
        .order_by("title")
    )


class PrisonerPage(RoutablePageMixin, BasePage):
    """A political prisoner's profile.

    Detention and release dates and the current status are derived from the dated
    timeline when it records them, so the profile never contradicts its own history.
    """

    native_name = models.CharField(_("name in native script"), max_length=255, blank=True)
    native_language = models.CharField(
        _("language of the name in native script"),
        max_length=7,
        choices=LANGUAGE_CHOICES,
        blank=True,
        help_text=_("So that screen readers pronounce it in the right language."),
    )
    other_spellings = models.TextField(
        _("other spellings of the name"),
        blank=True,
        help_text=_("One per line: transliterations and spellings used in the press."),
    )
    photo = models.ForeignKey(
        "network.NetworkImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hide_photo = models.BooleanField(
        _("do not show the photo"),
        default=False,
        help_text=_("For example when the family asks, or showing it could endanger someone."),
    )
    country = CountryField(_("country"))
    region = models.CharField(_("region or city"), max_length=255, blank=True)
    summary = models.TextField(_("who they are"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("more about the case"), blank=True)

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PrisonerStatus.choices,
        default=PrisonerStatus.DETAINED,
        help_text=_(
            "Set from the timeline whenever it has a detention, house arrest, verdict or "
            "release event."
        ),
    )
    detained_on = models.DateField(_("detained on"), null=True, blank=True, editable=False)
    released_on = models.DateField(_("released on"), null=True, blank=True, editable=False)
    place_of_detention = models.CharField(_("place of detention"), max_length=255, blank=True)
    sentence = models.CharField(_("sentence"), max_length=255, blank=True)
    timeline = StreamField(TimelineBlock(), verbose_name=_("timeline"), blank=True)

    postal_address = models.TextField(
        _("postal address for letters"),
        blank=True,
        help_text=_("Exactly as it must be written on the envelope."),
    )
    letter_language = models.CharField(
        _("letters must be written in"), max_length=7, choices=LANGUAGE_CHOICES, blank=True
    )
    letter_rules = RichTextField(
        _("rules for letters"), blank=True, features=["bold", "italic", "ul", "link"]
    )
    sources = StreamField(SourcesBlock(), verbose_name=_("sources"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("native_name"), FieldPanel("native_language")]),
                FieldPanel("other_spellings"),
                FieldRowPanel([FieldPanel("photo"), FieldPanel("hide_photo")]),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldPanel("summary"),
            ],
            heading=_("Person"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("place_of_detention"),
                InlinePanel("charges", label=_("Charges")),
                FieldPanel("sentence"),
                FieldPanel("timeline"),
            ],
            heading=_("Case"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("postal_address"),
                FieldPanel("letter_language"),
                FieldPanel("letter_rules"),
            ],
            heading=_("Writing to them"),
        ),
        FieldPanel("body"),
        FieldPanel("sources"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("native_name"),
        index.SearchField("other_spellings"),
        index.SearchField("summary"),
        index.SearchField("place_of_detention"),
        index.FilterField("country"),
        index.FilterField("status"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("native_name", overridable=False),
        SynchronizedField("native_language", overridable=False),
        SynchronizedField("other_spellings", overridable=False),
        SynchronizedField("photo"),
        SynchronizedField("hide_photo", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("postal_address", overridable=False),
        SynchronizedField("letter_language", overridable=False),
    ]
    parent_page_types = ["campaigns.PrisonerIndexPage"]
    subpage_types: list[str] = []
    select_related_for_serving = ("photo",)
    template = "campaigns/pages/prisoner_page.html"

    # What partner sites read through the API (/api/v2/pages/?type=campaigns.PrisonerPage).
    # The photo is left out: an editor may hide it at the family's request.
    api_fields = [
        APIField("native_name"),
        APIField("native_language"),
        APIField("other_spellings"),
        APIField("country"),
        APIField("region"),
        APIField("summary"),
        APIField("status"),
        APIField("detained_on"),
        APIField("released_on"),
        APIField("place_of_detention"),
        APIField("sentence"),
        APIField("charges"),
        APIField("timeline"),
        APIField("postal_address"),
        APIField("letter_language"),
        APIField("letter_rules"),
        APIField("body"),
        APIField("sources"),
    ]

    class Meta:
        verbose_name = _("prisoner")
        verbose_name_plural = _("prisoners")

    @path("hearings.ics/", name="hearings")
    def hearings_calendar(self, request):
        return calendars.hearings_calendar_response(
            request,
            [self],
            title=gettext("Upcoming hearings: %(name)s") % {"name": self.title},
            filename=f"hearings-{self.slug}.ics",
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        context["days_in_detention"] = self.days_in_detention(today)
        context["next_hearing"] = self.next_hearing(today)
        context["timeline"] = self.timeline_events()
        context["charges"] = list(self.charges.all())
        context["campaigns"] = list(
            CampaignPage.objects.live()
            .filter(
                locale_id=self.locale_id, prisoners__prisoner__translation_key=self.translation_key
            )
            .distinct()
        )
        context["statements"] = list(
            StatementPage.objects.live()
            .filter(
                locale_id=self.locale_id,
                prisoner_links__prisoner__translation_key=self.translation_key,
            )
            .select_related("publisher")
            .order_by("-first_published_on")
            .distinct()
        )
        return context

    # Derived values -------------------------------------------------------------

    def timeline_events(self):
        """The timeline's events in date order (the editor's order breaks ties)."""
        return sorted((child.value for child in self.timeline), key=lambda e: e.sort_date)

    def derive_from_timeline(self) -> None:
        """Set status and detention dates from what the timeline records."""
        detained_on = released_on = None
        for event in self.timeline_events():
            kind = event["kind"]
            if kind in (EventKind.DETENTION, EventKind.HOUSE_ARREST):
                if detained_on is None or released_on is not None:
                    detained_on, released_on = event["date"], None
            elif kind == EventKind.RELEASE and detained_on is not None:
                released_on = event["date"]
            if kind in STATUS_AFTER_EVENT:
                self.status = STATUS_AFTER_EVENT[kind]
        self.detained_on, self.released_on = detained_on, released_on

    def full_clean(self, *args, **kwargs):
        self.derive_from_timeline()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.derive_from_timeline()
        super().save(*args, **kwargs)

    @property
    def is_deprived_of_liberty(self) -> bool:
        return self.status in DEPRIVED_OF_LIBERTY

    def days_in_detention(self, today: datetime.date | None = None) -> int | None:
        """Days from detention to release, or to today while they are still held."""
        if self.detained_on is None:
            return None
        end = self.released_on or today or timezone.localdate()
        return max((end - self.detained_on).days, 0)

    def next_hearing(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        hearings = [
            event
            for event in self.timeline_events()
            if event["kind"] in (EventKind.HEARING, EventKind.APPEAL) and event["date"] >= today
        ]
        return hearings[0] if hearings else None

    @property
    def spellings(self) -> list[str]:
        return [line.strip() for line in self.other_spellings.splitlines() if line.strip()]

    @property
    def letter_language_name(self) -> str:
        return language_name(self.letter_language) if self.letter_language else ""

    @property
    def visible_photo(self):
        return None if self.hide_photo else self.photo


class PrisonerCharge(TranslatableMixin, Orderable):
    prisoner = ParentalKey(PrisonerPage, on_delete=models.CASCADE, related_name="charges")
    article = models.CharField(
        _("article"),
        max_length=100,
        blank=True,
        help_text=_("Article of the criminal code, for example: Article 205.2"),
    )
    description = models.CharField(_("charge"), max_length=255)
    maximum_sentence_years = models.PositiveSmallIntegerField(
        _("maximum sentence (years)"), null=True, blank=True
    )

    api_fields = [
        APIField("article"),
        APIField("description"),
        APIField("maximum_sentence_years"),
    ]
    panels = [
        FieldPanel("article"),
        FieldPanel("description"),
        FieldPanel("maximum_sentence_years"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("charge")
        verbose_name_plural = _("charges")

    def __str__(self) -> str:
        return self.description
