"""Filters for the public lists, read from plain GET parameters so that a filtered list
is a URL a reader can share, and works without JavaScript.

Every choice offered is a value the list holds, named in the reader's language. A
parameter that cannot be used (an unknown country, a repeated parameter, ``year=abc``,
``page=999``) never stops the page: the page is served as usual (HTTP 200), the
problem is named above the list, and the list is filtered by the parameters that were
valid only.
"""

import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import ExtractYear
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from network.models import Organisation, StatementTopic, Topic

# Longer values are never valid choices; keep error messages short.
LONGEST_VALUE_SHOWN = 40


def sort_key(label) -> str:
    """Alphabetical order that puts "Égypte" with the E's."""
    decomposed = unicodedata.normalize("NFKD", str(label))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def country_choices(codes) -> list[tuple[str, str]]:
    """The countries among ``codes``, named in the active language, in alphabetical order."""
    known = {code for code in codes if code and code in all_countries}
    return sorted(
        ((code, all_countries.name(code)) for code in known), key=lambda c: sort_key(c[1])
    )


def codes_in(values) -> set[str]:
    """Country codes from the values of a multiple CountryField (``"RU,BY"`` or a list)."""
    codes = set()
    for value in values:
        if isinstance(value, str):
            value = value.split(",")
        codes.update(str(code).strip() for code in value or [] if str(code).strip())
    return codes


def in_reader_locale(objects, locale_id) -> dict:
    """One object per translation key: the one in ``locale_id`` when there is one."""
    chosen = {}
    for obj in objects:
        current = chosen.get(obj.translation_key)
        if current is None or obj.locale_id == locale_id:
            chosen[obj.translation_key] = obj
    return chosen


def organisation_label(organisation) -> str:
    name = organisation.name
    if organisation.short_name and organisation.short_name != name:
        return f"{name} ({organisation.short_name})"
    return name


class FilterChoiceField(forms.TypedChoiceField):
    """A choice among the values the list holds, with a message that says which value
    was not understood."""

    default_error_messages = {
        "invalid_choice": _("“%(value)s” is not one of the choices; it was ignored."),
    }

    def __init__(self, *, empty_label, upper_case=False, **kwargs):
        self.empty_label = empty_label
        self.upper_case = upper_case
        kwargs.setdefault("required", False)
        kwargs.setdefault("empty_value", "")
        super().__init__(**kwargs)

    def set_choices(self, choices):
        self.choices = [("", self.empty_label), *choices]

    def to_python(self, value):
        value = super().to_python(value).strip()
        if self.upper_case:
            value = value.upper()
        # A value this long is never a choice: shorten it for the message, and the
        # ellipsis keeps it from matching one.
        return Truncator(value).chars(LONGEST_VALUE_SHOWN)


class ListingFilterForm(forms.Form):
    """The filters of one list. Subclasses declare their fields, fill their choices in
    ``set_choices()`` and apply them in ``apply()``."""

    # Parameters the form reads besides its fields.
    other_parameters = ("page",)

    def __init__(self, data, items, locale_id):
        super().__init__(data, auto_id="filter-%s", use_required_attribute=False)
        self.items = items
        self.locale_id = locale_id
        self.set_choices()

    def set_choices(self) -> None:
        raise NotImplementedError

    def apply(self, items, filters):
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        for name in list(self.fields):
            if len(self.data.getlist(name)) > 1:
                self.add_error(name, gettext("Choose only one; this filter was ignored."))
        return cleaned

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"filter-{name}-error"

    @property
    def filters(self) -> dict:
        """The valid, non-empty filters: what the list is actually filtered by."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in self.fields and value not in ("", None)
        }

    @property
    def problems(self) -> list[str]:
        """One message per parameter that could not be used."""
        self.is_valid()
        return [
            f"{self.fields[name].label}: {message}"
            for name, messages in self.errors.items()
            if name in self.fields
            for message in messages
        ]

    @property
    def has_choices(self) -> bool:
        return any(len(field.choices) > 1 for field in self.fields.values())

    @property
    def is_filtered(self) -> bool:
        """Whether the reader asked for any filter, valid or not (to offer "clear")."""
        return any(self.data.get(name) for name in self.fields) or bool(self.problems)

    def query_string(self) -> str:
        """The valid filters as a query string, for page links."""
        return urlencode(
            [(name, self.fields[name].prepare_value(value)) for name, value in self.filters.items()]
        )


@dataclass
class FilteredListing:
    """What an index page shows: the form, one page of results and any problems."""

    form: ListingFilterForm
    page: Page
    problems: list[str] = field(default_factory=list)

    @property
    def query_prefix(self) -> str:
        """The filters to repeat in page links, ending in ``&`` when there are any."""
        query = self.form.query_string()
        return f"{query}&" if query else ""

    @property
    def is_filtered(self) -> bool:
        """Whether there is anything to clear: a filter or a parameter not used."""
        return self.form.is_filtered or bool(self.problems)


def page_of(items, per_page, requested) -> tuple[Page, str]:
    """The page asked for, or the nearest one with a message saying so."""
    paginator = Paginator(items, per_page)
    if not requested:
        return paginator.get_page(1), ""
    requested = requested.strip()
    if not requested.isdigit() or int(requested) < 1:
        page = paginator.get_page(1)
        shown = Truncator(requested).chars(LONGEST_VALUE_SHOWN)
        return page, gettext("“%(value)s” is not a page number; showing page 1.") % {"value": shown}
    page = paginator.get_page(requested)
    if page.number != int(requested):
        return page, gettext("There is no page %(asked)s; showing page %(shown)s.") % {
            "asked": int(requested),
            "shown": page.number,
        }
    return page, ""


def filtered_listing(request, items, form_class, per_page, locale_id) -> FilteredListing:
    """Filter ``items`` by the request's GET parameters and paginate the result."""
    form = form_class(request.GET, items, locale_id)
    problems = form.problems
    pages = request.GET.getlist("page")
    if len(pages) > 1:
        problems.append(gettext("Choose only one page; showing page 1."))
        pages = []
    page, message = page_of(form.apply(items, form.filters), per_page, pages[0] if pages else "")
    if message:
        problems.append(message)
    return FilteredListing(form=form, page=page, problems=problems)


# Statements --------------------------------------------------------------------------


class StatementFilterForm(ListingFilterForm):
    country = FilterChoiceField(label=_("Country"), empty_label=_("All countries"), upper_case=True)
    publisher = FilterChoiceField(
        label=_("Published by"), empty_label=_("All organisations"), coerce=int
    )
    topic = FilterChoiceField(label=_("Topic"), empty_label=_("All topics"))
    year = FilterChoiceField(label=_("Year"), empty_label=_("All years"), coerce=int)

    def set_choices(self):
        # One query for countries, years and publishers: each publisher named in the
        # reader's language when it has a translation there, whichever translation the
        # statement points at.
        in_locale = Organisation.objects.filter(
            translation_key=OuterRef("publisher__translation_key"), locale_id=self.locale_id
        )
        facets = list(
            self.items.annotate(
                year=ExtractYear("first_published_on"),
                local_pk=Subquery(in_locale.values("pk")[:1]),
                local_name=Subquery(in_locale.values("name")[:1]),
            )
            .order_by()
            .values_list(
                "countries",
                "year",
                "publisher_id",
                "publisher__translation_key",
                "publisher__name",
                "publisher__short_name",
                "local_pk",
                "local_name",
            )
            .distinct()
        )
        self.fields["country"].set_choices(country_choices(codes_in(row[0] for row in facets)))
        years = sorted({row[1] for row in facets if row[1]}, reverse=True)
        self.fields["year"].set_choices([(str(year), str(year)) for year in years])
        publishers = {}
        rows = sorted((row for row in facets if row[2] is not None), key=lambda row: row[2])
        for _countries, _year, pk, key, name, short, local_pk, local_name in rows:
            publishers.setdefault(
                key,
                Organisation(
                    pk=local_pk or pk,
                    translation_key=key,
                    name=local_name or name,
                    short_name=short,
                ),
            )
        self.publisher_keys = {org.pk: org.translation_key for org in publishers.values()}
        self.fields["publisher"].set_choices(
            sorted(
                ((str(org.pk), organisation_label(org)) for org in publishers.values()),
                key=lambda choice: sort_key(choice[1]),
            )
        )
        # Topic slugs are the same in every language: the URL works in all of them.
        topics = in_reader_locale(
            Topic.objects.filter(
                slug__in=StatementTopic.objects.filter(
                    statement__in=self.items.order_by().values("pk")
                ).values("topic__slug")
            ),
            self.locale_id,
        )
        self.fields["topic"].set_choices(
            sorted(
                ((topic.slug, topic.name) for topic in topics.values()),
                key=lambda choice: sort_key(choice[1]),
            )
        )

    def apply(self, items, filters):
        return filter_statements(items, **filters, publisher_keys=self.publisher_keys)


def filter_statements(
    statements, *, country="", publisher=None, topic="", year=None, publisher_keys=None
):
    """Statements of ``country``, published first by ``publisher`` (an organisation's
    id; in any of its languages), filed under ``topic`` (a slug) and first published
    in ``year``."""
    if country:
        statements = statements.filter(countries__contains=country)
    if publisher is not None:
        key = (publisher_keys or {}).get(publisher)
        statements = statements.filter(
            Q(publisher__translation_key=key) if key else Q(publisher_id=publisher)
        )
    if topic:
        statements = statements.filter(
            pk__in=StatementTopic.objects.filter(topic__slug=topic).values("statement_id")
        )
    if year is not None:
        statements = statements.filter(first_published_on__year=year)
    return statements
