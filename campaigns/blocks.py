"""The dated timeline of a prisoner's case."""

import calendar
import datetime

from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks


class EventKind:
    EARLIER_REPRESSION = "earlier_repression"
    DETENTION = "detention"
    HOUSE_ARREST = "house_arrest"
    TRANSFER = "transfer"
    SEARCH = "search"
    HEARING = "hearing"
    VERDICT = "verdict"
    APPEAL = "appeal"
    RELEASE = "release"
    OTHER = "other"

    CHOICES = [
        (EARLIER_REPRESSION, _("Earlier repression")),
        (DETENTION, _("Detention")),
        (HOUSE_ARREST, _("House arrest")),
        (TRANSFER, _("Transfer")),
        (SEARCH, pgettext_lazy("timeline event", "Search")),
        (HEARING, _("Hearing")),
        (VERDICT, _("Verdict")),
        (APPEAL, _("Appeal")),
        (RELEASE, _("Release")),
        (OTHER, _("Other")),
    ]


class DatePrecision:
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"

    CHOICES = [
        (DAY, _("Exact day")),
        (MONTH, _("Month only")),
        (YEAR, _("Year only")),
        (DECADE, _("Decade only")),
    ]


class TimelineEventValue(blocks.StructValue):
    @property
    def sort_date(self) -> datetime.date:
        """An event known only to the month sorts after the days of that month, and so on:
        "July 2023: transferred" comes after "26 July 2023: detained"."""
        day = self["date"]
        precision = self["precision"]
        if precision == DatePrecision.MONTH:
            return day.replace(day=calendar.monthrange(day.year, day.month)[1])
        if precision == DatePrecision.YEAR:
            return datetime.date(day.year, 12, 31)
        if precision == DatePrecision.DECADE:
            return datetime.date(day.year - day.year % 10 + 9, 12, 31)
        return day

    @property
    def display_date(self) -> str:
        day = self["date"]
        precision = self["precision"]
        if precision == DatePrecision.MONTH:
            return formats.date_format(day, "YEAR_MONTH_FORMAT")
        if precision == DatePrecision.YEAR:
            return str(day.year)
        if precision == DatePrecision.DECADE:
            return _("%(decade)ss") % {"decade": day.year - day.year % 10}
        return formats.date_format(day, "DATE_FORMAT")

    @property
    def kind_label(self) -> str:
        return dict(EventKind.CHOICES).get(self["kind"], "")


class TimelineEventBlock(blocks.StructBlock):
    date = blocks.DateBlock(
        label=_("Date"),
        help_text=_("For an event known only to the month or year, pick its first day."),
    )
    precision = blocks.ChoiceBlock(
        choices=DatePrecision.CHOICES, default=DatePrecision.DAY, label=_("Date known to")
    )
    kind = blocks.ChoiceBlock(choices=EventKind.CHOICES, label=_("What happened"))
    description = blocks.TextBlock(label=_("Description"))
    source_url = blocks.URLBlock(required=False, label=_("Source"))

    class Meta:
        icon = "date"
        label = _("Event")
        value_class = TimelineEventValue
        template = "campaigns/blocks/timeline_event.html"
        description = _("A dated step of the case: detention, transfer, hearing, verdict…")


class TimelineBlock(blocks.StreamBlock):
    event = TimelineEventBlock()

    class Meta:
        label = _("Timeline")
