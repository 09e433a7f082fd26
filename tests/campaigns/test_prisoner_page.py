"""Prisoner profiles: derived status and dates, days in detention, where to write."""

import datetime

import pytest
import time_machine

from campaigns.models import PrisonerStatus
from tests import factories
from tests.factories import timeline_event


@pytest.fixture
def kagarlitsky(site_tree):
    prisoner = factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        title="Boris Kagarlitsky",
        slug="boris-kagarlitsky",
        native_name="Борис Кагарлицкий",
        native_language="ru",
        place_of_detention="Pre-trial detention centre, Syktyvkar",
        timeline=[
            timeline_event("1980-01-01", "earlier_repression", "Repressed by the KGB.", "decade"),
            timeline_event("2023-07-26", "detention", "Detained by the FSB."),
            timeline_event("2023-07-01", "transfer", "Transferred to Syktyvkar.", "month"),
        ],
    )
    factories.PrisonerChargeFactory(
        prisoner=prisoner, description="Justification of terrorism", maximum_sentence_years=7
    )
    return prisoner


def test_status_and_detention_date_come_from_the_timeline(kagarlitsky):
    assert kagarlitsky.status == PrisonerStatus.DETAINED
    assert kagarlitsky.detained_on == datetime.date(2023, 7, 26)
    assert kagarlitsky.released_on is None


def test_a_release_and_a_verdict_change_the_status(site_tree):
    released = factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        timeline=[
            timeline_event("2021-09-01", "detention", "Detained."),
            timeline_event("2022-01-10", "verdict", "Sentenced."),
            timeline_event("2024-02-10", "release", "Released."),
        ],
    )
    assert released.status == PrisonerStatus.RELEASED
    assert released.days_in_detention(today=datetime.date(2030, 1, 1)) == 892
    sentenced = factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        timeline=[
            timeline_event("2022-05-03", "detention", "Detained."),
            timeline_event("2023-01-20", "verdict", "Sentenced."),
        ],
    )
    assert sentenced.status == PrisonerStatus.SENTENCED


def test_events_known_only_to_the_month_sort_after_the_days_of_that_month(kagarlitsky):
    kinds = [event["kind"] for event in kagarlitsky.timeline_events()]
    assert kinds == ["earlier_repression", "detention", "transfer"]


@time_machine.travel(datetime.datetime(2023, 8, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_profile_shows_days_in_detention_for_today(client, kagarlitsky):
    response = client.get("/en/prisoners/boris-kagarlitsky/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "6 days" in html
    assert "since 26 July 2023" in html
    assert "In detention" in html
    assert "Justification of terrorism" in html
    assert "up to 7 years in prison" in html
    assert "Pre-trial detention centre, Syktyvkar" in html
    assert "1980s" in html and "July 2023" in html
    assert '<p class="native-name" lang="ru">Борис Кагарлицкий</p>' in html


@time_machine.travel(datetime.datetime(2024, 7, 26, 12, tzinfo=datetime.UTC), tick=False)
def test_days_in_detention_keep_counting(client, kagarlitsky):
    html = client.get("/en/prisoners/boris-kagarlitsky/").content.decode()
    assert "366 days" in html


@time_machine.travel(datetime.datetime(2027, 1, 10, tzinfo=datetime.UTC), tick=False)
def test_next_hearing_is_the_first_one_still_to_come(client, site_tree):
    factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        slug="with-hearings",
        timeline=[
            timeline_event("2026-03-12", "detention", "Detained."),
            timeline_event("2026-12-01", "hearing", "Hearing on custody."),
            timeline_event("2027-02-15", "hearing", "Trial opens."),
            timeline_event("2027-04-01", "hearing", "Second day of trial."),
        ],
    )
    html = client.get("/en/prisoners/with-hearings/").content.decode()
    assert "Next hearing" in html
    assert "15 February 2027: Trial opens." in html


def test_where_to_write_shows_address_language_and_rules(client, site_tree):
    factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        slug="write-to-me",
        postal_address="Detention centre No. 1\nExample Street 1",
        letter_language="ru",
        letter_rules="<p>Keep to personal news.</p>",
    )
    html = client.get("/en/prisoners/write-to-me/").content.decode()
    assert "Detention centre No. 1<br>Example Street 1" in html
    assert "Letters must be written in Russian." in html
    assert "Keep to personal news." in html


def test_without_a_confirmed_address_the_profile_says_so(client, kagarlitsky):
    html = client.get("/en/prisoners/boris-kagarlitsky/").content.decode()
    assert "We do not have a confirmed address for letters yet." in html


def test_a_hidden_photo_is_not_shown(client, site_tree):
    photo = factories.ImageFactory(credit="A photographer")
    factories.PrisonerPageFactory(
        parent=site_tree.prisoners, slug="hidden", photo=photo, hide_photo=True
    )
    factories.PrisonerPageFactory(parent=site_tree.prisoners, slug="shown", photo=photo)
    assert "A photographer" not in client.get("/en/prisoners/hidden/").content.decode()
    assert "Photo: A photographer" in client.get("/en/prisoners/shown/").content.decode()
