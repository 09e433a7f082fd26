"""When to poll a source next: its own hints within the editor's bounds, and an
exponential back-off (capped) while it fails."""

import datetime

from network.models.feeds import MAX_BACKOFF


def clamp_minutes(source, minutes: float) -> datetime.timedelta:
    bounded = min(max(minutes, source.min_interval_minutes), source.max_interval_minutes)
    return datetime.timedelta(minutes=bounded)


def interval_after_success(source, *, ttl_minutes=None, max_age_seconds=None):
    """The feed's own hint (RSS ttl, Cache-Control max-age) when it gives one, else the
    editor's interval; always within the editor's bounds."""
    hints = [m for m in (ttl_minutes, max_age_seconds and max_age_seconds / 60) if m]
    return clamp_minutes(source, max(hints) if hints else source.poll_interval_minutes)


def interval_after_failure(source, failures: int, *, retry_after_seconds=None):
    """Double the wait with each failure in a row, up to a day; a server's Retry-After
    is honoured when it asks for longer (still at most a day)."""
    backoff = datetime.timedelta(minutes=source.poll_interval_minutes) * 2 ** max(failures - 1, 0)
    if retry_after_seconds:
        backoff = max(backoff, datetime.timedelta(seconds=retry_after_seconds))
    return min(backoff, MAX_BACKOFF)
