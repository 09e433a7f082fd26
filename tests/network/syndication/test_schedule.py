"""The next poll honours the feed's hints within the editor's bounds, and backs off."""

import datetime

from network.models import FeedSource
from network.syndication.schedule import interval_after_failure, interval_after_success

HOUR = datetime.timedelta(hours=1)


def source(**fields):
    defaults = {
        "poll_interval_minutes": 60,
        "min_interval_minutes": 15,
        "max_interval_minutes": 24 * 60,
    }
    return FeedSource(**{**defaults, **fields})


def test_without_hints_the_editors_interval_is_used():
    assert interval_after_success(source()) == HOUR


def test_rss_ttl_and_max_age_are_honoured_within_bounds():
    assert interval_after_success(source(), ttl_minutes=120) == 2 * HOUR
    assert interval_after_success(source(), max_age_seconds=300) == datetime.timedelta(minutes=15)
    assert interval_after_success(source(), ttl_minutes=60 * 48) == 24 * HOUR


def test_failures_back_off_exponentially_up_to_a_day():
    waits = [interval_after_failure(source(), n) for n in range(1, 8)]
    assert waits == [HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 16 * HOUR, 24 * HOUR, 24 * HOUR]


def test_retry_after_is_honoured_when_longer_but_never_past_a_day():
    assert interval_after_failure(source(), 1, retry_after_seconds=3 * 3600) == 3 * HOUR
    assert interval_after_failure(source(), 1, retry_after_seconds=60) == HOUR
    assert interval_after_failure(source(), 1, retry_after_seconds=10**7) == 24 * HOUR
