"""Editors see each feed's health, poll it now, pause and resume it; people running
`manage.py syndicate` by hand get progress and a summary."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from network.models import FeedSource
from tests import factories

from .feed_server import FeedServer


@pytest.fixture
def feed_server():
    with FeedServer() as server:
        yield server


@pytest.fixture(autouse=True)
def allow_loopback(settings):
    settings.SYNDICATION_ALLOW_LOOPBACK = True


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "x"))
    return client


def test_syndicate_polls_every_source_and_sums_up(feed_server, site_tree):
    good = factories.FeedSourceFactory(
        url=feed_server.serve("/rsd.xml", "rsd-rss2.xml"),
        statement_index=site_tree.statements,
        locale=Locale.objects.get(language_code="en"),
    )
    factories.FeedSourceFactory(
        url=feed_server.url("/missing.xml"), statement_index=site_tree.statements
    )
    output = io.StringIO()
    call_command("syndicate", "--all", stdout=output)
    text = output.getvalue()
    assert "[############------------] 1/2" in text
    assert "5 new" in text
    assert "failed: The partner's server answered 404" in text
    assert text.strip().endswith("5 new, 0 updated, 0 unchanged, 1 failed")
    output = io.StringIO()
    call_command("syndicate", "--source", str(good.pk), stdout=output)
    assert "not modified" in output.getvalue()


def test_syndicate_names_an_unknown_source(db):
    with pytest.raises(CommandError, match="No feed source with id 999"):
        call_command("syndicate", "--source", "999", stdout=io.StringIO())


def test_feed_sources_listing_shows_health(admin_client, site_tree):
    factories.FeedSourceFactory(
        statement_index=site_tree.statements, consecutive_failures=3, last_error="Timed out."
    )
    html = admin_client.get("/admin/snippets/network/feedsource/").content.decode()
    assert "Failing" in html


def test_pause_and_resume_ask_first_and_then_act(admin_client, site_tree):
    source = factories.FeedSourceFactory(statement_index=site_tree.statements)
    url = f"/admin/snippets/network/feedsource/toggle/{source.pk}/"
    assert "Stop polling this feed" in admin_client.get(url).content.decode()
    source.refresh_from_db()
    assert source.is_active
    admin_client.post(url)
    source.refresh_from_db()
    assert not source.is_active
    assert source not in FeedSource.objects.due()
    admin_client.post(url)
    source.refresh_from_db()
    assert source.is_active and source in FeedSource.objects.due()


def test_edit_page_shows_recent_items_and_errors(admin_client, site_tree, feed_server):
    from network.syndication.poll import poll_source

    source = factories.FeedSourceFactory(
        url=feed_server.serve("/rsd.xml", "rsd-rss2.xml"),
        statement_index=site_tree.statements,
    )
    poll_source(source.pk)
    html = admin_client.get(f"/admin/snippets/network/feedsource/edit/{source.pk}/").content
    html = html.decode()
    assert "Recent items" in html and "Working" in html
    assert html.count("/admin/pages/") >= 5  # each item links to its statement


def test_dashboard_counts_statements_waiting_and_failing_feeds(admin_client, site_tree):
    factories.FeedSourceFactory(
        statement_index=site_tree.statements,
        consecutive_failures=2,
        last_error="The partner's server answered 500 Internal Server Error.",
    )
    html = admin_client.get("/admin/").content.decode()
    assert "Partner feeds" in html
    assert "answered 500 Internal Server Error" in html
    assert "0 statements from partner feeds are waiting for review." in html


def test_editors_without_permission_cannot_poll(client, django_user_model, site_tree):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    source = factories.FeedSourceFactory(statement_index=site_tree.statements)
    response = client.post(f"/admin/snippets/network/feedsource/poll/{source.pk}/")
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/admin/" in response["Location"]


def test_benchmark_prints_its_figures_and_keeps_nothing(db, site_tree):
    from wagtail.models import Page

    pages_before = Page.objects.count()
    output = io.StringIO()
    call_command("benchmark_syndication", "--items", "6", "--sources", "2", stdout=output)
    text = output.getvalue()
    assert "items: 6 across 2 sources" in text
    assert "items/s" in text and "pipeline overhead over bare page creation" in text
    assert "queries for an unchanged (304) poll: 2" in text
    assert Page.objects.count() == pages_before
    assert not FeedSource.objects.exists()
