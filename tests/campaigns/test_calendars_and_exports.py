"""Readers follow hearings in their calendar app and reuse the prisoner list as open
data: only future hearings, only published public pages, in the reader's language."""

import csv
import datetime
import io
import json

import icalendar
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from campaigns.calendars import fold
from tests import factories
from tests.conftest import count_queries, translate_page
from tests.factories import timeline_event

PAST = datetime.date(2001, 3, 14)
FAR_FUTURE = datetime.date(2999, 6, 1)


def hearing_timeline(*hearings):
    return [timeline_event("2020-01-10", "detention", "Detained."), *hearings]


@pytest.fixture
def boris(site_tree):
    return factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        title="Boris Kagarlitsky",
        slug="boris-kagarlitsky",
        native_name="Борис Кагарлицкий",
        country="RU",
        timeline=hearing_timeline(
            timeline_event(PAST, "hearing", "First hearing, long ago."),
            timeline_event(FAR_FUTURE, "hearing", "Hearing at the Moscow City Court."),
            timeline_event(FAR_FUTURE + datetime.timedelta(days=30), "appeal", "Appeal."),
            # Known only to the month: cannot go on a calendar without inventing a day.
            timeline_event("2999-09-01", "hearing", "Some time in September.", "month"),
        ),
    )


@pytest.fixture
def belarus_prisoner(site_tree):
    return factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        title="Ales Bialiatski",
        slug="ales-bialiatski",
        country="BY",
        timeline=hearing_timeline(timeline_event(FAR_FUTURE, "hearing", "Hearing in Minsk.")),
    )


@pytest.fixture
def hidden_prisoners(site_tree):
    """A draft and a view-restricted profile, both with a future hearing."""
    draft = factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        title="Draft Person",
        live=False,
        timeline=hearing_timeline(timeline_event(FAR_FUTURE, "hearing", "Secret.")),
    )
    private = factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        title="Private Person",
        timeline=hearing_timeline(timeline_event(FAR_FUTURE, "hearing", "Secret.")),
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    return draft, private


def read_calendar(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, calendar.walk("VEVENT")


def summaries(events):
    return sorted(str(event["SUMMARY"]) for event in events)


# iCalendar -------------------------------------------------------------------------


def test_feed_of_all_hearings_has_only_future_day_precise_hearings(
    client, boris, belarus_prisoner, hidden_prisoners
):
    calendar, events = read_calendar(client.get("/en/prisoners/hearings.ics"))

    assert str(calendar["X-WR-CALNAME"]) == "Upcoming hearings"
    assert summaries(events) == [
        "Appeal: Boris Kagarlitsky",
        "Hearing: Ales Bialiatski",
        "Hearing: Boris Kagarlitsky",
    ]
    boris_hearing = next(e for e in events if e["SUMMARY"] == "Hearing: Boris Kagarlitsky")
    assert boris_hearing["DTSTART"].dt == FAR_FUTURE  # an all-day DATE, not a datetime
    assert boris_hearing["DTEND"].dt == FAR_FUTURE + datetime.timedelta(days=1)
    assert str(boris_hearing["URL"]) == "http://testserver/en/prisoners/boris-kagarlitsky/"
    assert "Moscow City Court" in str(boris_hearing["DESCRIPTION"])
    assert all(event["DTSTART"].dt >= timezone.localdate() for event in events)


def test_hearing_today_is_upcoming_and_yesterday_is_not(client, site_tree):
    today = timezone.localdate()
    factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        title="Today",
        timeline=hearing_timeline(
            timeline_event(today - datetime.timedelta(days=1), "hearing", "Yesterday."),
            timeline_event(today, "hearing", "Today."),
        ),
    )
    _calendar, events = read_calendar(client.get("/en/prisoners/hearings.ics"))
    assert [event["DTSTART"].dt for event in events] == [today]


def test_event_uid_stays_the_same_between_requests_and_languages(client, boris, french):
    _calendar, first = read_calendar(client.get("/en/prisoners/hearings.ics"))
    _calendar, second = read_calendar(client.get("/en/prisoners/hearings.ics"))
    for ancestor in boris.get_ancestors(inclusive=True).specific()[1:]:
        translate_page(ancestor, french)
    _calendar, in_french = read_calendar(client.get("/fr/prisoners/hearings.ics"))

    uids = sorted(str(event["UID"]) for event in first)
    assert len(set(uids)) == 2
    assert uids == sorted(str(event["UID"]) for event in second)
    assert uids == sorted(str(event["UID"]) for event in in_french)


def test_feed_in_french_has_french_summaries(client, boris, french):
    for ancestor in boris.get_ancestors(inclusive=True).specific()[1:]:
        translate_page(ancestor, french)
    _calendar, events = read_calendar(client.get("/fr/prisoners/hearings.ics"))
    # "Audience: …" or "Audience : …" once translators set French spacing.
    kinds = [summary.split(":")[0].strip() for summary in summaries(events)]
    assert kinds == ["Appel", "Audience"]
    assert all(summary.endswith(": Boris Kagarlitsky") for summary in summaries(events))
    assert all("/fr/prisoners/" in str(event["URL"]) for event in events)


def test_feed_per_country(client, boris, belarus_prisoner):
    calendar, events = read_calendar(client.get("/en/prisoners/hearings.ics?country=by"))
    assert str(calendar["X-WR-CALNAME"]) == "Upcoming hearings: Belarus"
    assert summaries(events) == ["Hearing: Ales Bialiatski"]


def test_unknown_country_is_a_clear_400(client, boris):
    response = client.get("/en/prisoners/hearings.ics?country=XX")
    assert response.status_code == 400
    assert "Unknown country code" in response.content.decode()


def test_feed_per_prisoner(client, boris, belarus_prisoner):
    calendar, events = read_calendar(client.get("/en/prisoners/boris-kagarlitsky/hearings.ics"))
    assert str(calendar["X-WR-CALNAME"]) == "Upcoming hearings: Boris Kagarlitsky"
    assert summaries(events) == ["Appeal: Boris Kagarlitsky", "Hearing: Boris Kagarlitsky"]


def test_no_feed_for_a_draft_or_private_prisoner(client, hidden_prisoners):
    draft, private = hidden_prisoners
    assert client.get(f"/en/prisoners/{draft.slug}/hearings.ics").status_code == 404
    response = client.get(f"/en/prisoners/{private.slug}/hearings.ics")
    assert response.status_code == 200
    assert b"BEGIN:VCALENDAR" not in response.content  # the password form instead
    assert b"Secret" not in response.content


def test_feed_lines_are_crlf_and_folded_at_75_octets(client, site_tree):
    long_description = "Заседание Московского городского суда по апелляции. " * 6
    factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        title="Long; name, with \\ specials",
        timeline=hearing_timeline(timeline_event(FAR_FUTURE, "hearing", long_description)),
    )
    response = client.get("/en/prisoners/hearings.ics")
    _calendar, events = read_calendar(response)

    lines = response.content.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    assert str(events[0]["SUMMARY"]) == "Hearing: Long; name, with \\ specials"
    assert str(events[0]["DESCRIPTION"]).startswith(long_description.strip())


def test_folding_never_splits_a_character():
    line = "DESCRIPTION:" + "ж" * 100
    folded = fold(line).encode()
    for part in folded.split(b"\r\n"):
        assert len(part) <= 75
        part.decode()  # raises if a two-byte character was cut
    assert folded.replace(b"\r\n ", b"").decode() == line


def test_prisoner_pages_link_their_calendars(client, boris):
    index = client.get("/en/prisoners/").content.decode()
    profile = client.get("/en/prisoners/boris-kagarlitsky/").content.decode()
    assert 'type="text/calendar"' in index and 'href="/en/prisoners/hearings.ics"' in index
    assert 'href="/en/prisoners/boris-kagarlitsky/hearings.ics"' in profile


# Open-data exports ---------------------------------------------------------------------


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheets need
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_export_per_country_in_english(client, boris, belarus_prisoner, hidden_prisoners):
    factories.PrisonerChargeFactory(
        prisoner=boris, article="Article 205.2", description="Justification of terrorism"
    )
    rows = read_csv(client.get("/en/prisoners/export.csv?country=RU"))

    assert [row["name"] for row in rows] == ["Boris Kagarlitsky"]
    row = rows[0]
    assert row["native_name"] == "Борис Кагарлицкий"
    assert (row["country"], row["country_name"]) == ("RU", "Russia")
    assert (row["status"], row["status_label"]) == ("detained", "In detention")
    assert row["detained_since"] == "2020-01-10"
    assert int(row["days_in_detention"]) == (timezone.localdate() - datetime.date(2020, 1, 10)).days
    assert row["charges"] == "Article 205.2: Justification of terrorism"
    assert row["url"] == "http://testserver/en/prisoners/boris-kagarlitsky/"


def test_exports_leave_out_drafts_and_private_pages(client, boris, hidden_prisoners):
    csv_names = [row["name"] for row in read_csv(client.get("/en/prisoners/export.csv"))]
    data = client.get("/en/prisoners/export.json").json()
    assert csv_names == ["Boris Kagarlitsky"]
    assert [row["name"] for row in data["prisoners"]] == ["Boris Kagarlitsky"]


def test_exports_in_french(client, boris, french):
    for ancestor in boris.get_ancestors(inclusive=True).specific()[1:]:
        translate_page(ancestor, french)
    response = client.get("/fr/prisoners/export.json?country=RU")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert (data["language"], data["country"], data["count"]) == ("fr", "RU", 1)
    prisoner = data["prisoners"][0]
    assert prisoner["status_label"] == "En détention"
    assert prisoner["country_name"] == "Russie"
    assert prisoner["url"] == "http://testserver/fr/prisoners/boris-kagarlitsky/"

    rows = read_csv(client.get("/fr/prisoners/export.csv?country=RU"))
    assert rows[0]["status_label"] == "En détention"


def test_export_with_unknown_country_is_a_clear_400(client, boris):
    response = client.get("/en/prisoners/export.json?country=Narnia")
    assert response.status_code == 400
    assert "Unknown country code" in response.content.decode()


# Query budgets ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/en/prisoners/hearings.ics",
        "/en/prisoners/hearings.ics?country=RU",
        "/en/prisoners/export.csv?country=RU",
        "/en/prisoners/export.json",
    ],
)
def test_query_count_does_not_grow_with_prisoners(client, site_tree, url):
    counts = {}
    for size in (2, 20):
        site_tree.prisoners.get_children().delete()
        for _ in range(size):
            prisoner = factories.PrisonerPageFactory(
                parent=site_tree.prisoners,
                timeline=hearing_timeline(timeline_event(FAR_FUTURE, "hearing", "Hearing.")),
            )
            factories.PrisonerChargeFactory(prisoner=prisoner)
            factories.PrisonerChargeFactory(prisoner=prisoner)
        counts[size] = count_queries(client, url)
    print(f"{url}: {counts[2]} queries with 2 prisoners, {counts[20]} with 20")
    assert counts[2] == counts[20], counts


def test_prisoner_feed_query_count_does_not_grow_with_hearings(client, site_tree):
    counts = {}
    for size in (2, 20):
        prisoner = factories.PrisonerPageFactory(
            parent=site_tree.prisoners,
            timeline=hearing_timeline(
                *(
                    timeline_event(FAR_FUTURE + datetime.timedelta(days=i), "hearing", "H.")
                    for i in range(size)
                )
            ),
        )
        counts[size] = count_queries(client, f"{prisoner.url}hearings.ics")
        prisoner.delete()
    print(f"prisoner feed: {counts[2]} queries with 2 hearings, {counts[20]} with 20")
    assert counts[2] == counts[20], counts


def test_export_links_follow_the_country_filter(client, site_tree):
    factories.PrisonerPageFactory(parent=site_tree.prisoners, country="RU")
    factories.PrisonerPageFactory(parent=site_tree.prisoners, country="BY")
    filtered = client.get(site_tree.prisoners.url, {"country": "BY"}).content.decode()
    assert "export.csv?country=BY" in filtered
    assert "export.json?country=BY" in filtered
    unfiltered = client.get(site_tree.prisoners.url).content.decode()
    assert "export.csv?" not in unfiltered
