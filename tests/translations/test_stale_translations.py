"""When the English source of a translated statement changes, a sync keeps the French
text of every unchanged segment, lists the changed one with its old and new English
text and the French written before, and publishes nothing."""

from types import SimpleNamespace

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils.html import escape
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from tests import factories
from tests.translations.conftest import (
    FRENCH,
    STATEMENT_PARAGRAPHS,
    make_user,
    start_translation,
)
from translations.changes import source_changes, word_diff
from translations.review import save_translation_draft
from translations.roles import translators_group_name
from translations.views.sync import SyncTranslationsView

CHANGED_PARAGRAPH = "We disagree with many of his views, deeply."


def french_paragraphs(page):
    return [child.value.source for child in page.body]


def french_translations_by_source_text(translation):
    """The French text of each segment of the current source, None where there is none."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .select_related("string")
        .annotate_translation(translation.target_locale)
        .order_by("order")
    )
    return {segment.string.data: segment.translation for segment in segments}


def sync_url(source):
    return f"/admin/localize/update/{source.pk}/"


@pytest.fixture
def published_french(french_statement):
    """Every segment translated into French, and the French page published."""
    translation = french_statement.translation
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        assert segment.string.data in FRENCH, f"no French for {segment.string.data!r}"
        StringTranslation.from_text(
            segment.string, translation.target_locale, segment.context, FRENCH[segment.string.data]
        )
    translation.save_target(publish=False)
    page = french_statement.page
    page.refresh_from_db()
    page.get_latest_revision().publish()
    page.refresh_from_db()
    return SimpleNamespace(**vars(french_statement), live_revision_id=page.live_revision_id)


@pytest.fixture
def edited_source(published_french, english_statement):
    """An editor rewrites the second paragraph of the English statement and publishes
    it; the paragraph keeps its block, as in the page editor."""
    body = [dict(block) for block in english_statement.body.raw_data]
    body[1]["value"] = f"<p>{CHANGED_PARAGRAPH}</p>"
    english_statement.body = body
    english_statement.save_revision().publish()
    return published_french


@pytest.fixture
def synced(edited_source, editor, client, django_capture_on_commit_callbacks):
    """An editor syncs the translations, asking to publish them at once. On-commit
    callbacks run, so a publication deferred to the commit would happen here."""
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(edited_source.source), {"publish_translations": "on"})
    assert response.status_code == 302, response.content[:500]
    translation = Translation.objects.select_related(
        "source", "source__specific_content_type", "target_locale"
    ).get(pk=edited_source.translation.pk)
    return SimpleNamespace(**{**vars(edited_source), "translation": translation})


def test_our_sync_view_answers_at_wagtail_localize_address(db):
    match = resolve("/admin/localize/update/1/")
    assert match.url_name == "translations_sync"
    assert match.func.view_class is SyncTranslationsView
    # wagtail-localize's own links (page listing buttons, editor) lead to it.
    assert reverse("wagtail_localize:update_translations", args=[1]) == (
        "/admin/localize/update/1/"
    )


def test_sync_form_of_a_page_offers_no_publishing(french_statement, editor, client):
    client.force_login(editor)
    response = client.get(sync_url(french_statement.source))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="publish_translations"' not in content
    assert "Publish immediately" not in content
    assert "Syncing does not publish the translations." in content


def test_sync_form_of_a_snippet_is_wagtail_localize_own(editor, client):
    """Organisations have no drafts: their sync still offers to publish at once."""
    organisation = factories.OrganisationFactory()
    source, _created = TranslationSource.get_or_create_from_instance(organisation)
    client.force_login(editor)
    response = client.get(sync_url(source))
    assert response.status_code == 200
    assert 'name="publish_translations"' in response.content.decode()


def test_unchanged_segments_keep_their_french_text(synced):
    by_source_text = french_translations_by_source_text(synced.translation)
    print("French per English segment after sync:", by_source_text)
    for english, french in FRENCH.items():
        if english == STATEMENT_PARAGRAPHS[1]:
            continue
        assert by_source_text[english] == french
    assert by_source_text[CHANGED_PARAGRAPH] is None
    assert STATEMENT_PARAGRAPHS[1] not in by_source_text

    # The translator saves a draft: French wherever the French still applies, and the
    # new English paragraph (wagtail-localize's fallback) where the text changed.
    save_translation_draft(synced.translation, None)
    draft = Page.objects.get(pk=synced.page.pk).specific.get_latest_revision_as_object()
    print("French draft after sync:", draft.title, french_paragraphs(draft))
    assert draft.title == FRENCH["Why solidarity with Boris Kagarlitsky"]
    assert french_paragraphs(draft) == [
        f"<p>{FRENCH[STATEMENT_PARAGRAPHS[0]]}</p>",
        f"<p>{CHANGED_PARAGRAPH}</p>",
        f"<p>{FRENCH[STATEMENT_PARAGRAPHS[2]]}</p>",
    ]


def test_only_the_changed_paragraph_needs_work(synced, django_assert_num_queries):
    with django_assert_num_queries(2):
        changes = source_changes(synced.translation)
    print(
        "to translate:",
        [
            (s.label, s.old_source, s.new_source, s.previous_translation)
            for s in changes.to_translate
        ],
        "kept:",
        changes.translated_count,
    )
    assert [
        (s.label, s.old_source, s.new_source, s.previous_translation) for s in changes.changed
    ] == [("Text", STATEMENT_PARAGRAPHS[1], CHANGED_PARAGRAPH, FRENCH[STATEMENT_PARAGRAPHS[1]])]
    assert changes.new == []
    assert changes.translated_count == len(FRENCH) - 1


def test_posting_publish_anyway_publishes_nothing(synced):
    page = Page.objects.get(pk=synced.page.pk).specific
    assert page.live_revision_id == synced.live_revision_id
    assert french_paragraphs(page) == [f"<p>{FRENCH[text]}</p>" for text in STATEMENT_PARAGRAPHS]
    assert not page.has_unpublished_changes
    assert page.get_latest_revision().pk == synced.live_revision_id


def test_a_draft_saved_after_sync_does_not_reach_readers(synced, client):
    """wagtail-localize's save_target(publish=False) would write the draft into the live
    page's row; saving a translation draft must not change what readers see."""
    save_translation_draft(synced.translation, None)
    page = Page.objects.get(pk=synced.page.pk).specific
    assert page.live_revision_id == synced.live_revision_id
    assert page.has_unpublished_changes
    public = client.get(page.get_url()).content.decode()
    assert escape(FRENCH[STATEMENT_PARAGRAPHS[1]]) in public
    assert CHANGED_PARAGRAPH not in public


def test_wagtail_localize_own_sync_would_have_published(
    edited_source, editor, django_capture_on_commit_callbacks
):
    """The behaviour our view removes: the same request to wagtail-localize's view puts
    the French page live with the changed paragraph in English, unreviewed."""
    request = RequestFactory().post(sync_url(edited_source.source), {"publish_translations": "on"})
    request.user = editor
    request.session = {}
    request._messages = FallbackStorage(request)
    with django_capture_on_commit_callbacks(execute=True):
        response = UpdateTranslationsView.as_view()(
            request, translation_source_id=edited_source.source.pk
        )
    assert response.status_code == 302
    page = Page.objects.get(pk=edited_source.page.pk).specific
    assert page.live_revision_id != edited_source.live_revision_id
    assert f"<p>{CHANGED_PARAGRAPH}</p>" in french_paragraphs(page)


def test_french_translator_sees_what_changed(synced, french_translator, client):
    client.force_login(french_translator)
    url = reverse("translations:translation_changes", args=[synced.translation.pk])
    response = client.get(url)
    content = response.content.decode()
    assert response.status_code == 200
    assert escape(STATEMENT_PARAGRAPHS[1]) in content
    assert escape(FRENCH[STATEMENT_PARAGRAPHS[1]]) in content
    assert str(word_diff(STATEMENT_PARAGRAPHS[1], CHANGED_PARAGRAPH)) in content
    assert "<del>" in content and "<ins>" in content
    assert f"{len(FRENCH) - 1} segments keep their translation" in content
    assert "1 segment changed in the source" in content
    assert f'href="/admin/pages/{synced.page.pk}/edit/"' in content
    # The unchanged paragraphs are not listed as work to do.
    assert escape(FRENCH[STATEMENT_PARAGRAPHS[0]]) not in content


def test_before_the_sync_the_translator_is_told_the_source_changed(
    edited_source, french_translator, client
):
    client.force_login(french_translator)
    url = reverse("translations:translation_changes", args=[edited_source.translation.pk])
    content = client.get(url).content.decode()
    assert "published again after the last sync" in content
    # Translators cannot sync (editors can): no link they could not follow.
    assert sync_url(edited_source.source) not in content
    assert "Every segment of the source has a translation." in content


def test_someone_who_cannot_edit_the_french_page_is_refused(synced, roles, client):
    russian_translator = make_user("perevodchitsa", translators_group_name("ru"))
    client.force_login(russian_translator)
    url = reverse("translations:translation_changes", args=[synced.translation.pk])
    response = client.get(url)
    assert response.status_code == 403
    assert "Only people who can edit the French translation" in response.content.decode()
    assert escape(FRENCH[STATEMENT_PARAGRAPHS[1]]) not in response.content.decode()


def test_paragraphs_of_one_text_block_are_paired_with_their_old_text(
    site_tree, french_tree, french
):
    """Paragraphs of one rich-text block share a context: when several change (and
    move), each is paired with the old paragraph most like it; an added one is new."""
    page = factories.StatementPageFactory(
        parent=site_tree.statements,
        slug="call",
        body=[("paragraph", "<p>We call for his release.</p><p>Write to him in prison.</p>")],
    )
    page.save_revision().publish()
    started = start_translation(page, french)
    french_text = {
        "We call for his release.": "Nous demandons sa libération.",
        "Write to him in prison.": "Écrivez-lui en prison.",
    }
    for segment in StringSegment.objects.filter(source=started.source).select_related(
        "string", "context"
    ):
        text = french_text.get(segment.string.data, f"FR {segment.string.data}")
        StringTranslation.from_text(segment.string, french, segment.context, text)

    page.refresh_from_db()
    body = [dict(block) for block in page.body.raw_data]
    body[0]["value"] = (
        "<p>Write to him in the prison of Syktyvkar.</p>"
        "<p>We call for his immediate release.</p>"
        "<p>Sign the petition.</p>"
    )
    page.body = body
    page.save_revision().publish()
    started.source.update_from_db()

    changes = source_changes(started.translation)
    print("paired:", [(s.old_source, s.new_source) for s in changes.to_translate])
    assert [(s.new_source, s.old_source, s.previous_translation) for s in changes.changed] == [
        (
            "Write to him in the prison of Syktyvkar.",
            "Write to him in prison.",
            "Écrivez-lui en prison.",
        ),
        (
            "We call for his immediate release.",
            "We call for his release.",
            "Nous demandons sa libération.",
        ),
    ]
    assert [(s.label, s.new_source, s.old_source) for s in changes.new] == [
        ("Text", "Sign the petition.", None)
    ]


def test_word_diff_marks_removed_and_added_words():
    assert str(word_diff("We disagree <b>deeply</b>.", "We disagree strongly.")) == (
        "We disagree <del>&lt;b&gt;deeply&lt;/b&gt;.</del><ins>strongly.</ins>"
    )
