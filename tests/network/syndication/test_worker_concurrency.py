"""Exactly once, with real worker processes: two workers polling the same source at
once, and a worker killed with SIGKILL in the middle of an import and the task run
again, each leave exactly one statement per feed item."""

import signal
import time

import pytest
from django.db.models import Count

from network.models import FeedItem, StatementPage
from network.tasks import poll_feed
from tests import factories
from tests.workers import celery_worker

from .feed_server import FeedServer, generated_rss

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def wait_until(condition, timeout=120, every=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


def assert_one_statement_per_item(source, expected):
    items = FeedItem.objects.filter(source=source)
    assert items.count() == expected
    assert not items.filter(statement__isnull=True).exists()
    pages = StatementPage.objects.filter(feed_items__source=source)
    assert pages.count() == expected
    # No page is claimed by two items, no two pages for one link.
    duplicates = pages.values("original_url").annotate(n=Count("pk")).filter(n__gt=1)
    assert not duplicates.exists()


def test_two_workers_polling_the_same_source_at_once(tmp_path, site_tree):
    with FeedServer() as server:
        source = factories.FeedSourceFactory(
            url=server.serve_bytes("/many.xml", generated_rss(40)),
            statement_index=site_tree.statements,
        )
        environment = {"SYNDICATION_ALLOW_LOOPBACK": "1"}
        with (
            celery_worker(tmp_path / "a.log", share_database=True, **environment),
            celery_worker(tmp_path / "b.log", share_database=True, **environment),
        ):
            results = [poll_feed.delay(source.pk), poll_feed.delay(source.pk)]
            summaries = [result.get(timeout=180) for result in results]
    new = sum(summary["outcomes"].get("new", 0) for summary in summaries)
    assert new == 40
    assert_one_statement_per_item(source, 40)


def test_a_worker_killed_mid_import_and_the_task_run_again(tmp_path, site_tree):
    total = 150
    with FeedServer() as server:
        source = factories.FeedSourceFactory(
            url=server.serve_bytes("/many.xml", generated_rss(total, prefix="killed")),
            statement_index=site_tree.statements,
        )
        environment = {"SYNDICATION_ALLOW_LOOPBACK": "1"}
        items = FeedItem.objects.filter(source=source)
        with celery_worker(tmp_path / "first.log", share_database=True, **environment) as first:
            poll_feed.delay(source.pk)
            assert wait_until(lambda: items.count() >= 10), "the import never started"
            first.process.send_signal(signal.SIGKILL)
            first.process.wait()
        imported_before_the_kill = items.count()
        assert 0 < imported_before_the_kill < total
        with celery_worker(tmp_path / "second.log", share_database=True, **environment):
            # acks_late gives an unfinished task back to the broker; send it again as
            # well, so the test does not wait for the broker's visibility time-out.
            poll_feed.delay(source.pk).get(timeout=180)
            assert wait_until(lambda: items.filter(statement__isnull=False).count() == total)
    assert_one_statement_per_item(source, total)
    print(f"killed after {imported_before_the_kill} of {total} items; none lost or doubled")
