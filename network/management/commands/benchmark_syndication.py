"""Benchmark of the feed pipeline against Wagtail's own page creation.

Serves generated feeds from a local HTTP server (127.0.0.1 only), polls them through
the real pipeline (fetch, parse, sanitise, ingest, review workflow) and, on the same
data, creates the same pages with Wagtail alone. Everything happens in a transaction
that is rolled back: the database is left as it was.
"""

import time
import warnings

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from wagtail.models import Page

from network.models import StatementPage
from network.syndication.parse import parse_feed
from network.syndication.poll import poll_source
from network.syndication.review import statement_review_workflow
from tests import factories
from tests.network.syndication.feed_server import FeedServer, generated_rss


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Measure feed ingestion against bare Wagtail page creation (nothing is kept)."

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, default=200, help="items in all (N)")
        parser.add_argument("--sources", type=int, default=4, help="feed sources (M)")

    def handle(self, *args, items, sources, **options):
        # With DEBUG on every query is logged; past 9,000 Django warns on each one.
        warnings.filterwarnings("ignore", message="Limit for query logging exceeded")
        per_source = max(items // sources, 1)
        try:
            with override_settings(SYNDICATION_ALLOW_LOOPBACK=True), transaction.atomic():
                self.run(per_source, sources)
                raise Rollback
        except Rollback:
            pass

    def run(self, per_source, source_count):
        root = Page.get_first_root_node()
        home = factories.HomePageFactory(parent=root, slug="benchmark-home")
        pipeline_index = factories.StatementIndexPageFactory(parent=home, slug="pipeline")
        bare_index = factories.StatementIndexPageFactory(
            parent=factories.HomePageFactory(parent=root, slug="benchmark-bare"), slug="bare"
        )
        total = per_source * source_count
        with FeedServer() as server:
            feeds = [generated_rss(per_source, prefix=f"s{n}") for n in range(source_count)]
            sources = [
                factories.FeedSourceFactory(
                    url=server.serve_bytes(f"/feed-{n}.xml", body),
                    statement_index=pipeline_index,
                )
                for n, body in enumerate(feeds)
            ]

            started = time.perf_counter()
            for source in sources:
                poll_source(source.pk)
            pipeline_seconds = time.perf_counter() - started

            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                unchanged = poll_source(sources[0].pk)
            assert unchanged.not_modified

        workflow = statement_review_workflow()
        now = timezone.now()
        parsed = [
            item
            for body in feeds
            for item in parse_feed(
                body, url="https://partner.example.org/", fallback_language="en", now=now
            ).items
        ]
        started = time.perf_counter()
        for item in parsed:
            page = StatementPage(
                title=item.title,
                slug=item.key.rsplit("/", 2)[-2] + "-" + item.key.rsplit("/", 1)[-1],
                live=False,
                original_url=item.link,
                body=[{"type": "paragraph", "value": item.content_html}],
            )
            bare_index.add_child(instance=page)
            page.save_revision()
            # The same end state as an imported statement: a draft submitted for review.
            workflow.start(page, user=None)
        bare_seconds = time.perf_counter() - started

        self.stdout.write(f"items: {total} across {source_count} sources ({connection.vendor})")
        self.stdout.write(
            f"pipeline:     {pipeline_seconds:7.2f} s  {total / pipeline_seconds:7.1f} items/s"
        )
        self.stdout.write(
            f"Wagtail alone:{bare_seconds:7.2f} s  {total / bare_seconds:7.1f} items/s"
            "  (draft page, revision, review workflow started)"
        )
        overhead = (pipeline_seconds / bare_seconds - 1) * 100
        self.stdout.write(f"pipeline overhead over bare page creation: {overhead:+.0f}%")
        self.stdout.write(f"queries for an unchanged (304) poll: {len(queries)}")
