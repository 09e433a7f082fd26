"""Polling partner feeds end to end: a real HTTP server on 127.0.0.1 serves the
fixture feeds; statements appear in the right language with their provenance."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale, Revision, WorkflowState

from campaigns.models import StatementPrisonerLink
from network.models import FeedItem, FeedSource, StatementPage
from network.syndication.poll import poll_source
from tests import factories
from tests.conftest import translate_page

from .feed_server import FeedServer


@pytest.fixture
def feed_server():
    with FeedServer() as server:
        yield server


@pytest.fixture
def statement_lists(site_tree, french):
    """The English statement list and its French and Russian translations."""
    russian = Locale.objects.get(language_code="ru")
    for locale in (french, russian):
        translate_page(site_tree.home, locale)
        translate_page(site_tree.statements, locale)
    return site_tree.statements


@pytest.fixture(autouse=True)
def allow_loopback(settings):
    settings.SYNDICATION_ALLOW_LOOPBACK = True


def make_source(feed_server, statement_lists, fixture, *, language="en", **fields):
    organisation = fields.pop("organisation", None) or factories.OrganisationFactory()
    return factories.FeedSourceFactory(
        url=feed_server.serve(f"/{fixture}", fixture),
        organisation=organisation,
        statement_index=statement_lists,
        locale=Locale.objects.get(language_code=language),
        **fields,
    )


def statements_of(source):
    return StatementPage.objects.filter(feed_items__source=source)


def test_posle_atom_lands_in_russian_and_english_with_provenance(feed_server, statement_lists):
    posle = factories.OrganisationFactory(name="Posle Media", short_name="Posle")
    source = make_source(
        feed_server, statement_lists, "posle-atom.xml", language="ru", organisation=posle
    )
    summary = poll_source(source.pk)
    assert summary.error == ""
    assert summary.outcomes == {"new": 6}
    pages = statements_of(source)
    languages = sorted(pages.values_list("locale__language_code", flat=True))
    assert languages == ["en", "en", "en", "ru", "ru", "ru"]
    for page in pages:
        assert page.publisher.translation_key == posle.translation_key
        assert page.original_url.startswith("https://posle.example.org/")
        assert page.first_published_on is not None
        assert not page.live  # drafts for review
        assert "<script" not in str(page.get_latest_revision().content)
    states = WorkflowState.objects.active().filter(workflow__name="Statement review")
    assert states.count() == 6


def test_rsd_and_essf_feeds(feed_server, statement_lists):
    rsd = make_source(feed_server, statement_lists, "rsd-rss2.xml", language="ru")
    essf = make_source(feed_server, statement_lists, "essf-spip-rss.xml", language="en")
    assert poll_source(rsd.pk).outcomes == {"new": 5}
    assert set(statements_of(rsd).values_list("locale__language_code", flat=True)) == {"ru"}
    assert poll_source(essf.pk).outcomes == {"new": 5}
    essf_languages = sorted(statements_of(essf).values_list("locale__language_code", flat=True))
    assert essf_languages == ["en", "en", "fr", "fr", "fr"]
    republished = statements_of(essf).get(original_url__endswith="article67801")
    assert republished.first_published_on == datetime.date(2023, 8, 1)


def test_a_second_poll_answered_304_writes_no_page_and_no_revision(feed_server, statement_lists):
    source = make_source(feed_server, statement_lists, "rsd-rss2.xml", language="ru")
    poll_source(source.pk)
    pages, revisions = StatementPage.objects.count(), Revision.objects.count()
    summary = poll_source(source.pk)
    assert summary.not_modified
    assert (StatementPage.objects.count(), Revision.objects.count()) == (pages, revisions)
    source.refresh_from_db()
    assert source.health == "ok" and source.etag


def test_changed_entry_becomes_a_new_revision_and_nothing_is_deleted(feed_server, statement_lists):
    source = make_source(feed_server, statement_lists, "updated-entry-before.xml")
    first = poll_source(source.pk)
    before = {page.pk: page.latest_revision_id for page in statements_of(source)}
    feed_server.serve("/updated-entry-before.xml", "updated-entry-after.xml")
    second = poll_source(source.pk)
    assert second.outcomes == {"new": 1, "updated": 1, "unchanged": 1}
    after = {page.pk: page.latest_revision_id for page in statements_of(source)}
    assert set(before) <= set(after)  # the item missing from the feed is still there
    assert len(after) == first.outcomes["new"] + 1
    changed = [pk for pk in before if before[pk] != after[pk]]
    assert len(changed) == 1


def test_an_editors_work_is_not_overwritten(
    feed_server, statement_lists, django_user_model, client
):
    editor = django_user_model.objects.create_user("editor")
    source = make_source(feed_server, statement_lists, "updated-entry-before.xml")
    poll_source(source.pk)
    for page in statements_of(source):
        edited = page.get_latest_revision_as_object()
        edited.summary = "Checked and shortened by our editor."
        edited.save_revision(user=editor)
    feed_server.serve("/updated-entry-before.xml", "updated-entry-after.xml")
    summary = poll_source(source.pk)
    assert summary.outcomes.get("held") == 1 and "updated" not in summary.outcomes
    held = FeedItem.objects.get(source=source, status=FeedItem.Status.CHANGE_HELD)
    assert held.held_change["title"]
    page = held.statement
    assert page.get_latest_revision().user == editor
    editor.is_superuser = True
    editor.save()
    client.force_login(editor)
    dashboard = client.get("/admin/").content.decode()
    assert "after an editor had worked on them" in dashboard
    assert f"/admin/pages/{page.pk}/edit/" in dashboard
    assert page.get_latest_revision_as_object().summary == "Checked and shortened by our editor."


def test_a_deleted_statement_never_comes_back(feed_server, statement_lists):
    source = make_source(feed_server, statement_lists, "rsd-rss2.xml", language="ru")
    poll_source(source.pk)
    victim = statements_of(source).first()
    key = victim.feed_items.get().key
    victim.delete()
    FeedSource.objects.filter(pk=source.pk).update(etag="")  # force a full answer
    summary = poll_source(source.pk)
    assert summary.outcomes.get("new", 0) == 0
    assert FeedItem.objects.get(source=source, key=key).status == FeedItem.Status.REJECTED
    assert statements_of(source).count() == 4


def test_a_trusted_source_publishes_directly(feed_server, statement_lists, client):
    source = make_source(
        feed_server,
        statement_lists,
        "essf-spip-rss.xml",
        trust=FeedSource.Trust.PUBLISH,
    )
    poll_source(source.pk)
    page = statements_of(source).get(original_url__endswith="article67801")
    assert page.live
    assert client.get(page.url).status_code == 200


def test_a_named_prisoner_is_suggested(feed_server, statement_lists, site_tree):
    prisoner = factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        title="Boris Kagarlitsky",
        other_spellings="Boris Kagarlitski\nKagarlitsky",
    )
    source = make_source(
        feed_server, statement_lists, "essf-spip-rss.xml", trust=FeedSource.Trust.PUBLISH
    )
    poll_source(source.pk)
    page = statements_of(source).get(original_url__endswith="article67801")
    link = StatementPrisonerLink.objects.get(statement=page)
    assert link.prisoner == prisoner and link.suggested


def test_a_web_page_instead_of_a_feed_is_reported_and_polled_later(feed_server, statement_lists):
    source = make_source(feed_server, statement_lists, "not-a-feed.html")
    summary = poll_source(source.pk)
    source.refresh_from_db()
    assert "not a feed" in source.last_error
    assert source.health == "failing" and source.consecutive_failures == 1
    assert source.next_poll_at > timezone.now() + datetime.timedelta(minutes=30)
    assert summary.error and not statements_of(source).exists()


def test_an_unreachable_server_backs_off_exponentially(statement_lists):
    source = factories.FeedSourceFactory(
        url="http://127.0.0.1:9/nothing-listens-here.xml",
        statement_index=statement_lists,
        poll_interval_minutes=60,
    )
    waits = []
    for _ in range(7):
        before = timezone.now()
        poll_source(source.pk)
        source.refresh_from_db()
        waits.append(round((source.next_poll_at - before).total_seconds() / 3600, 1))
    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0, 24.0, 24.0]
    assert source.last_error


def test_a_statement_rejected_in_review_is_not_updated_again(
    feed_server, statement_lists, django_user_model
):
    moderator = django_user_model.objects.create_superuser("moderator", "m@example.org", "x")
    source = make_source(feed_server, statement_lists, "updated-entry-before.xml")
    poll_source(source.pk)
    for page in statements_of(source):
        state = page.current_workflow_state
        state.current_task_state.task.specific.on_action(
            state.current_task_state, moderator, "reject"
        )
    assert (
        FeedItem.objects.filter(source=source).exclude(status=FeedItem.Status.REJECTED).count() == 0
    )
    feed_server.serve("/updated-entry-before.xml", "updated-entry-after.xml")
    summary = poll_source(source.pk)
    assert summary.outcomes.get("updated", 0) == 0
    assert summary.outcomes.get("new") == 1  # a genuinely new item still arrives
