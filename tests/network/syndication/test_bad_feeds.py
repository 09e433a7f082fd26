"""Every bad feed ends with a readable error on its source or a sanitised statement;
nothing stored can run script or make a reader's browser contact another server."""

import json
import re

import pytest
from wagtail.models import Revision

from network.models import FeedSource, StatementPage
from network.syndication.poll import poll_source
from tests import factories

from .feed_server import FeedServer

DANGEROUS = re.compile(
    r"<script|<iframe|<object|<embed|<form|<style|<svg|<math|<meta|<base|\son\w+\s*=|"
    r"javascript:|vbscript:|data:|<img",
    re.IGNORECASE,
)


@pytest.fixture
def poll_fixture(site_tree, settings):
    settings.SYNDICATION_ALLOW_LOOPBACK = True
    with FeedServer() as server:

        def poll(fixture):
            source = factories.FeedSourceFactory(
                url=server.serve(f"/{fixture}", fixture),
                statement_index=site_tree.statements,
                trust=FeedSource.Trust.PUBLISH,
            )
            summary = poll_source(source.pk)
            source.refresh_from_db()
            return source, summary

        yield poll


def stored_html(source):
    """The rich text stored for the source's statements, live and in every revision.
    (Titles are plain text, escaped wherever they are shown.)"""
    pages = StatementPage.objects.filter(feed_items__source=source)
    revisions = Revision.page_revisions.filter(object_id__in=[str(p.pk) for p in pages])
    bodies = [page.body.raw_data for page in pages]
    bodies += [json.loads(revision.content["body"]) for revision in revisions]
    return [str(block["value"]) for body in bodies for block in body]


def test_script_injection_is_stored_clean_and_safe_text_is_kept(poll_fixture):
    source, summary = poll_fixture("script-injection.xml")
    assert summary.error == "" and summary.outcomes.get("new") == 8
    for html in stored_html(source):
        assert not DANGEROUS.search(html), DANGEROUS.search(html).group(0)
    everything = " ".join(stored_html(source))
    assert "SAFE-" in everything


@pytest.mark.parametrize(
    ("fixture", "pages"),
    [
        ("xxe.xml", None),
        ("billion-laughs.xml", None),
        ("empty-channel.xml", 0),
        ("broken-encoding.xml", 3),
        ("duplicate-guids.xml", 2),
        ("missing-guids.xml", 4),
    ],
)
def test_hostile_or_broken_feeds_never_crash_the_poll(poll_fixture, fixture, pages):
    source, summary = poll_fixture(fixture)
    created = StatementPage.objects.filter(feed_items__source=source)
    if pages is not None:
        assert created.count() == pages
    for page in created:
        assert "root:" not in page.title  # no /etc/passwd content
    assert source.last_polled_at is not None
    assert (source.health == "ok") == (summary.error == "")


def test_warnings_reach_the_source(poll_fixture):
    source, _summary = poll_fixture("duplicate-guids.xml")
    assert source.last_warnings
    source, _summary = poll_fixture("broken-encoding.xml")
    assert source.last_warnings
