"""iCalendar (RFC 5545) feeds of upcoming hearings, so readers and partner groups can
follow court dates in the calendar app they already use.

The text is written here rather than with a library: a feed of all-day events needs
only a handful of properties, and the rules that matter (CRLF line ends, folding at
75 octets without splitting a character, escaping, a stable UID per hearing) are few.
The tests read every feed back with the ``icalendar`` library.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from campaigns.blocks import DatePrecision, EventKind

HEARING_KINDS = (EventKind.HEARING, EventKind.APPEAL)
# Calendar apps that honour it poll this often (RFC 7986 REFRESH-INTERVAL).
REFRESH_INTERVAL = "PT6H"
MAX_LINE_OCTETS = 75


@dataclass(frozen=True)
class Hearing:
    prisoner: object  # a PrisonerPage
    event: object  # a TimelineEventValue
    block_id: str

    @property
    def date(self) -> datetime.date:
        return self.event["date"]


def upcoming_hearings(prisoners, today: datetime.date) -> list["Hearing"]:
    """Hearings and appeal hearings on ``today`` or later, soonest first.

    Only events known to the day: a hearing known only as "March 2026" cannot be put
    on a calendar without inventing a date."""
    hearings = []
    for prisoner in prisoners:
        for child in prisoner.timeline:
            event = child.value
            if (
                event["kind"] in HEARING_KINDS
                and event["precision"] == DatePrecision.DAY
                and event["date"] >= today
            ):
                hearings.append(Hearing(prisoner, event, child.id or _fallback_id(prisoner, event)))
    return sorted(hearings, key=lambda hearing: (hearing.date, hearing.prisoner.title))


def _fallback_id(prisoner, event) -> str:
    # Blocks saved by Wagtail always carry an id; this only covers raw, unsaved data.
    key = f"{prisoner.translation_key}|{event['date']}|{event['kind']}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


# RFC 5545 text -------------------------------------------------------------------


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets (RFC 5545 §3.1), never in
    the middle of a UTF-8 character; continuation lines start with one space."""
    if len(line.encode()) <= MAX_LINE_OCTETS:
        return line
    parts, current, size, limit = [], [], 0, MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, MAX_LINE_OCTETS - 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def utc_stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def hearing_lines(hearing: Hearing, request, host: str) -> list[str]:
    prisoner, event = hearing.prisoner, hearing.event
    url = prisoner.get_full_url(request)
    summary = _("%(event)s: %(name)s") % {"event": event.kind_label, "name": prisoner.title}
    description = "\n\n".join(part for part in (event["description"], url) if part)
    stamp = prisoner.last_published_at or timezone.now()
    return [
        "BEGIN:VEVENT",
        f"UID:hearing-{hearing.block_id}@{host}",
        f"DTSTAMP:{utc_stamp(stamp)}",
        f"DTSTART;VALUE=DATE:{hearing.date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{hearing.date + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL;VALUE=URI:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def hearings_calendar(hearings, *, title: str, request) -> str:
    """The whole VCALENDAR text, CRLF-terminated, in the active language."""
    host = request.get_host().split(":")[0]
    language = get_language() or settings.LANGUAGE_CODE
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{escape_text(settings.WAGTAIL_SITE_NAME)}//Hearings//{language.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(title)}",
        f"X-WR-CALNAME:{escape_text(title)}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH_INTERVAL}",
        f"X-PUBLISHED-TTL:{REFRESH_INTERVAL}",
    ]
    for hearing in hearings:
        lines.extend(hearing_lines(hearing, request, host))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def hearings_calendar_response(request, prisoners, *, title: str, filename: str) -> HttpResponse:
    hearings = upcoming_hearings(prisoners, timezone.localdate())
    response = HttpResponse(
        hearings_calendar(hearings, title=title, request=request).encode(),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
