"""Integration with real parts: fixture feeds served on 127.0.0.1, the broker (Redis
when REDIS_URL is set, the embedded transport otherwise) and a real Celery worker
process sharing the test database."""

import time

import pytest
from wagtail.models import Locale, Revision

from network.models import FeedSource, StatementPage
from network.tasks import poll_feed, queue_due_feeds
from tests import factories
from tests.conftest import translate_page
from tests.workers import celery_worker

from .feed_server import FeedServer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_beat_task_queues_due_sources_and_a_worker_imports_them(tmp_path, site_tree, french):
    russian = Locale.objects.get(language_code="ru")
    for locale in (french, russian):
        translate_page(site_tree.home, locale)
        translate_page(site_tree.statements, locale)
    with (
        FeedServer() as server,
        celery_worker(tmp_path / "worker.log", share_database=True, SYNDICATION_ALLOW_LOOPBACK="1"),
    ):
        sources = [
            factories.FeedSourceFactory(
                url=server.serve(f"/{name}", name),
                statement_index=site_tree.statements,
                locale=Locale.objects.get(language_code=language),
            )
            for name, language in [
                ("posle-atom.xml", "ru"),
                ("rsd-rss2.xml", "ru"),
                ("essf-spip-rss.xml", "en"),
            ]
        ]
        queued = queue_due_feeds()  # what beat runs every minute
        assert sorted(queued) == sorted(source.pk for source in sources)
        assert queue_due_feeds() == []  # claimed: not queued twice
        imported = StatementPage.objects.filter(feed_items__source__in=sources)
        deadline = time.monotonic() + 120
        while imported.count() < 16 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert imported.count() == 16  # 6 from Posle, 5 from RSD, 5 from ESSF
        revisions = Revision.objects.count()
        # Polling again: every partner answers 304, nothing is written.
        again = [poll_feed.delay(source.pk).get(timeout=120) for source in sources]
    assert all(result["not_modified"] and not result["outcomes"] for result in again)
    assert imported.count() == 16
    assert Revision.objects.count() == revisions
    for source in sources:
        for page in imported.filter(feed_items__source=source):
            assert page.publisher.translation_key == source.organisation.translation_key
            assert page.original_url.startswith("https://")
            assert page.first_published_on and page.original_language
    assert not FeedSource.objects.filter(consecutive_failures__gt=0).exists()
    assert set(imported.values_list("locale__language_code", flat=True)) == {"en", "fr", "ru"}
