"""What the site holds per country, counted for the country index and its map.

A country is listed when, in the reader's language, it has a live public country
page, or live public campaigns, prisoner profiles or statements naming it. All of it
is counted from one query (a UNION ALL of one narrow row per page), however many
countries and pages there are: campaigns and statements keep their countries as one
comma-separated column, so the codes are tallied here rather than grouped in SQL.
"""

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import BooleanField, CharField, ExpressionWrapper, F, Q, Value
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries.fields import Country

from network.models import StatementPage
from network.routing import outside_restricted_sections

from .models import CampaignPage, CampaignStatus, CountryPage, PrisonerPage
from .models.prisoners import DEPRIVED_OF_LIBERTY

# Shading of the map: (lowest number of people in detention, level), highest first.
DETENTION_LEVELS = [(20, 4), (5, 3), (1, 2), (0, 1)]

COUNTRY_PAGE, CAMPAIGN, PRISONER, STATEMENT = "country page", "campaign", "prisoner", "statement"


def published_in(model, locale_id, public: Q):
    return model.objects.live().filter(public, locale_id=locale_id)


def _rows(queryset, kind: str, codes_field: str, flag):
    """(kind, stored country codes, flag) for each page of the queryset."""
    return (
        queryset.order_by()
        .annotate(
            row_kind=Value(kind, output_field=CharField()),
            row_codes=F(codes_field),
            row_flag=ExpressionWrapper(flag, output_field=BooleanField()),
        )
        .values_list("row_kind", "row_codes", "row_flag")
    )


def content_rows(index_page, public: Q):
    """One row per live public page naming a country, in the index page's language.
    The flag marks active campaigns and people deprived of liberty (detained, under
    house arrest or sentenced)."""
    locale_id = index_page.locale_id
    always = Value(True)
    return _rows(
        CountryPage.objects.child_of(index_page).live().filter(public),
        COUNTRY_PAGE,
        "country",
        always,
    ).union(
        _rows(
            published_in(CampaignPage, locale_id, public),
            CAMPAIGN,
            "countries",
            Q(status=CampaignStatus.ACTIVE),
        ),
        _rows(
            published_in(PrisonerPage, locale_id, public),
            PRISONER,
            "country",
            Q(status__in=DEPRIVED_OF_LIBERTY),
        ),
        _rows(published_in(StatementPage, locale_id, public), STATEMENT, "countries", always),
        all=True,
    )


@dataclass
class Tally:
    """Per kind of content, how many pages name each country (and how many are flagged)."""

    pages: dict[str, Counter] = field(default_factory=dict)
    flagged: dict[str, Counter] = field(default_factory=dict)

    def add(self, kind: str, stored: str, flag) -> None:
        codes = [code for code in (stored or "").split(",") if code]
        self.pages.setdefault(kind, Counter()).update(codes)
        if flag:
            self.flagged.setdefault(kind, Counter()).update(codes)

    def count(self, kind: str, code: str, flagged: bool = False) -> int:
        return (self.flagged if flagged else self.pages).get(kind, Counter())[code]

    def codes(self) -> set[str]:
        return {code for counter in self.pages.values() for code in counter}


def tally(index_page) -> Tally:
    result = Tally()
    for kind, stored, flag in content_rows(index_page, outside_restricted_sections()):
        result.add(kind, stored, flag)
    return result


def detention_level(people: int) -> int:
    return next(level for lowest, level in DETENTION_LEVELS if people >= lowest)


def detention_legend() -> list[tuple[int, str]]:
    """The map's legend, lightest shade first: (level, label)."""
    ascending = sorted(DETENTION_LEVELS)
    legend = []
    for position, (lowest, level) in enumerate(ascending):
        if lowest == 0:
            label = _("No one known to be in detention")
        elif position + 1 == len(ascending):
            label = _("%(lowest)s or more people") % {"lowest": lowest}
        else:
            highest = ascending[position + 1][0] - 1
            label = _("%(lowest)s to %(highest)s people") % {"lowest": lowest, "highest": highest}
        legend.append((level, label))
    return legend


@dataclass
class CountrySummary:
    country: Country
    active_campaigns: int
    people_in_detention: int
    statements: int
    url: str = ""

    @property
    def code(self) -> str:
        return self.country.code

    @property
    def name(self) -> str:
        return str(self.country.name)  # in the active language, from django-countries

    @property
    def level(self) -> int:
        return detention_level(self.people_in_detention)

    @property
    def map_label(self) -> str:
        people = self.people_in_detention
        return ngettext(
            "%(country)s: %(people)s person in detention",
            "%(country)s: %(people)s people in detention",
            people,
        ) % {"country": self.name, "people": people}


def sort_key(name: str) -> str:
    """Alphabetical order that ignores accents (Égypte between Danemark and Finlande)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def country_summaries(index_page, request=None) -> list[CountrySummary]:
    """Every country with content in the index page's language, by localised name."""
    counted = tally(index_page)
    # A country page's slug is its lower-case code (see CountryPage.derive_title_and_slug).
    index_url = index_page.get_url(request)
    summaries = []
    for code in counted.codes():
        country = Country(code)
        if not country.name:  # a code django-countries does not know: nothing to show
            continue
        has_page = counted.count(COUNTRY_PAGE, code) > 0
        summaries.append(
            CountrySummary(
                country=country,
                active_campaigns=counted.count(CAMPAIGN, code, flagged=True),
                people_in_detention=counted.count(PRISONER, code, flagged=True),
                statements=counted.count(STATEMENT, code),
                url=f"{index_url}{code.lower()}/" if has_page else "",
            )
        )
    return sorted(summaries, key=lambda summary: sort_key(summary.name))


@dataclass
class Listing:
    """The newest items of one kind, and how many there are in all."""

    items: list
    count: int


def newest(queryset, limit: int) -> Listing:
    """The first ``limit`` items; a count query only when there may be more."""
    items = list(queryset[:limit])
    count = len(items) if len(items) < limit else queryset.count()
    return Listing(items=items, count=count)


def country_campaigns(country_page):
    return (
        published_in(CampaignPage, country_page.locale_id, outside_restricted_sections())
        .filter(countries__contains=country_page.country.code)
        .order_by(F("started_on").desc(), "-pk")
    )


def country_prisoners(country_page):
    return (
        published_in(PrisonerPage, country_page.locale_id, outside_restricted_sections())
        .filter(country=country_page.country.code)
        .order_by(F("detained_on").desc(nulls_last=True), "title")
    )


def country_statements(country_page):
    return (
        published_in(StatementPage, country_page.locale_id, outside_restricted_sections())
        .filter(countries__contains=country_page.country.code)
        .select_related("publisher")
        .order_by(F("first_published_on").desc(nulls_last=True), "-pk")
    )
