"""Celery tasks of the network layer. Tasks are thin: the work lives in plain
functions (``network.syndication``) that tests call directly."""

import datetime

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from network.models import FeedSource
from network.syndication.poll import poll_source

# A claimed source is not queued again for this long, so a slow poll is not doubled
# by the next beat tick; poll_source sets the real next poll time when it ends.
POLL_LEASE = datetime.timedelta(minutes=10)


@shared_task(bind=True, name="network.ping")
def ping(self, message: str) -> dict:
    """Answer from a worker: used to check that the broker, a worker and the result
    backend are wired together."""
    return {"reply": f"pong: {message}", "worker": self.request.hostname}


@shared_task(name="network.queue_due_feeds")
def queue_due_feeds() -> list[int]:
    """Run by beat every minute: one poll task per due source, so one slow partner
    never delays the others."""
    now = timezone.now()
    queued = []
    for source_id in FeedSource.objects.due(now).values_list("pk", flat=True):
        # Claim it: only the worker whose update matched queues the poll.
        claimed = (
            FeedSource.objects.due(now).filter(pk=source_id).update(next_poll_at=now + POLL_LEASE)
        )
        if claimed:
            poll_feed.delay(source_id)
            queued.append(source_id)
    return queued


@shared_task(
    name="network.poll_feed",
    # Acknowledged only when done: a worker killed mid-poll gives the task back to the
    # broker and another worker runs it again. That is safe because ingesting is
    # idempotent (one page per feed item, enforced by the database).
    acks_late=True,
    reject_on_worker_lost=True,
    # A database hiccup is worth another try; a partner's fault is not (it is recorded
    # on the source and the schedule backs off instead).
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def poll_feed(source_id: int) -> dict:
    return poll_source(source_id).as_dict()
