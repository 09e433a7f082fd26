"""One poll of one partner feed: fetch, parse, ingest each item, record the source's
health. Never raises for a partner's fault: the error is written on the source in
words an editor understands."""

import logging
from dataclasses import asdict, dataclass, field

from django.db.models import F
from django.utils import timezone

from network.models import FeedSource
from network.syndication.fetch import FetchError, fetch_feed
from network.syndication.ingest import ingest_item
from network.syndication.parse import NotAFeedError, parse_feed
from network.syndication.schedule import interval_after_failure, interval_after_success

logger = logging.getLogger(__name__)


@dataclass
class PollSummary:
    source_id: int
    not_modified: bool = False
    error: str = ""
    outcomes: dict = field(default_factory=dict)
    failed_items: int = 0

    def count(self, outcome):
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def as_dict(self):
        return asdict(self)


def poll_source(source_id: int) -> PollSummary:
    source = FeedSource.objects.select_related("locale", "organisation").get(pk=source_id)
    summary = PollSummary(source_id=source_id)
    now = timezone.now()
    try:
        answer = fetch_feed(source.url, etag=source.etag, last_modified=source.last_modified)
        if answer.not_modified:
            summary.not_modified = True
            record_success(source, now, answer, ttl_minutes=None, warnings=None)
            return summary
        feed = parse_feed(
            answer.body, url=answer.url, fallback_language=source.locale.language_code, now=now
        )
    except FetchError as error:
        summary.error = str(error)
        record_failure(source, now, summary.error, retry_after=error.retry_after)
        return summary
    except NotAFeedError as error:
        summary.error = str(error)
        if error.suggested_feed_url:
            summary.error += f" Its feed may be at {error.suggested_feed_url}"
        record_failure(source, now, summary.error)
        return summary

    warnings = list(feed.warnings)
    for item in feed.items:
        try:
            summary.count(ingest_item(source, item, now=now))
        except Exception:  # one bad item must not stop the others
            logger.exception("Could not import %s from feed source %s", item.key, source_id)
            summary.failed_items += 1
            warnings.append(f"Could not import “{item.title}”; it will be tried again.")
    record_success(source, now, answer, ttl_minutes=feed.ttl_minutes, warnings=warnings)
    return summary


def record_success(source, now, answer, *, ttl_minutes, warnings):
    """Only the source's health fields are written (a 304 costs nothing more)."""
    interval = interval_after_success(
        source, ttl_minutes=ttl_minutes, max_age_seconds=answer.max_age
    )
    changes = {
        "last_polled_at": now,
        "last_success_at": now,
        "next_poll_at": now + interval,
        "consecutive_failures": 0,
        "last_error": "",
        "etag": answer.etag or source.etag,
        "last_modified": answer.last_modified or source.last_modified,
    }
    if warnings is not None:
        changes["last_warnings"] = "\n".join(warnings)
    FeedSource.objects.filter(pk=source.pk).update(**changes)


def record_failure(source, now, message, retry_after=None):
    failures = source.consecutive_failures + 1
    interval = interval_after_failure(source, failures, retry_after_seconds=retry_after)
    FeedSource.objects.filter(pk=source.pk).update(
        last_polled_at=now,
        next_poll_at=now + interval,
        consecutive_failures=F("consecutive_failures") + 1,
        last_error=message,
    )
