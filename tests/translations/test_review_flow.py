"""A French translator translates a statement in wagtail-localize's editor and submits
it; only a French reviewer can approve it, and only then do readers see it."""

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment

from tests import factories
from tests.conftest import translate_page
from tests.translations.conftest import (
    FRENCH,
    make_user,
    start_translation,
    statement_body,
)
from translations.review import WORKFLOW_NAME
from translations.roles import reviewers_group_name

RUSSIAN_SOURCE = {
    "Почему мы солидарны с Борисом Кагарлицким": "Pourquoi être solidaires de Boris Kagarlitsky",
    "Мы требуем его освобождения.": "Nous demandons sa libération.",
}


def assert_refused(response):
    """Wagtail answers a forbidden admin page with 403, or by sending the user back to
    the dashboard with a "no permission" message."""
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")
        assert "permission" in str(list(response.wsgi_request._messages)).lower()
    else:
        assert response.status_code == 403


def put_translation(client, translation, segment, text):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, data=encode_multipart(BOUNDARY, {"value": text}), content_type=MULTIPART_CONTENT
    )


def translate_in_editor(client, translation, strings):
    """What the translator does segment by segment in wagtail-localize's editor."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        if segment.string.data in strings:
            response = put_translation(client, translation, segment, strings[segment.string.data])
            assert response.status_code in (200, 201), response.content


@pytest.fixture
def russian_statement(french_tree, site_tree, french):
    """A statement that arrived in Russian (as from a partner feed), with no English."""
    russian = Locale.objects.get(language_code="ru")
    russian_tree = {name: translate_page(page, russian) for name, page in vars(site_tree).items()}
    page = factories.StatementPageFactory(
        parent=russian_tree["statements"],
        locale=russian,
        publisher=factories.OrganisationFactory(locale=russian),
        title="Почему мы солидарны с Борисом Кагарлицким",
        slug="pochemu",
        original_language="ru",
        body=statement_body("Мы требуем его освобождения."),
    )
    page.save_revision().publish()
    return start_translation(page, french)


@pytest.mark.parametrize("source_language", ["en", "ru"])
def test_translator_submits_and_reviewer_publishes(
    client, request, source_language, french_translator, french_reviewer
):
    work = request.getfixturevalue(
        "french_statement" if source_language == "en" else "russian_statement"
    )
    strings = FRENCH if source_language == "en" else RUSSIAN_SOURCE
    edit_url = reverse("wagtailadmin_pages:edit", args=[work.page.pk])

    client.force_login(french_translator)
    editor = client.get(edit_url)
    assert editor.status_code == 200
    html = editor.content.decode()
    assert "js-translation-editor" in html
    assert "Submit for review" in html

    translate_in_editor(client, work.translation, strings)
    response = client.post(
        reverse("translations:submit_for_review", args=[work.translation.pk]), follow=True
    )
    assert "submitted for review" in response.content.decode()

    work.page.refresh_from_db()
    assert not work.page.live, "a translation must not publish itself"
    draft = work.page.get_latest_revision_as_object()
    assert draft.title == "Pourquoi être solidaires de Boris Kagarlitsky"
    state = work.page.current_workflow_state
    assert state.workflow.name == WORKFLOW_NAME
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # Neither the translator nor a reviewer of another language can approve it.
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[work.page.pk, "approve", task_state.pk]
    )
    for outsider in (french_translator, make_user("reviewer-de", reviewers_group_name("de"))):
        client.force_login(outsider)
        assert_refused(client.post(approve_url))
        task_state.refresh_from_db()
        work.page.refresh_from_db()
        assert task_state.status == task_state.STATUS_IN_PROGRESS
        assert not work.page.live

    client.force_login(french_reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Pourquoi être solidaires de Boris Kagarlitsky" in dashboard  # awaiting review
    response = client.post(approve_url)
    assert response.status_code in (200, 302)
    work.page.refresh_from_db()
    assert work.page.live

    client.logout()
    public = client.get(work.page.url)
    assert public.status_code == 200
    assert "Nous demandons sa libération." in public.content.decode()


def test_french_translator_cannot_edit_other_languages(
    client, french_statement, english_statement, french_translator
):
    client.force_login(french_translator)
    assert_refused(client.get(reverse("wagtailadmin_pages:edit", args=[english_statement.pk])))
    # Starting a German translation is not theirs to do either...
    german = Locale.objects.get(language_code="de")
    url = reverse("translations:start_translation", args=[english_statement.pk, "de"])
    assert_refused(client.post(url))
    assert not english_statement.has_translation(german)
    # ...nor writing strings into someone else's translation.
    german_work = start_translation(english_statement, german)
    segment = StringSegment.objects.filter(source=german_work.source).first()
    assert_refused(put_translation(client, german_work.translation, segment, "Hallo"))
    # Their own language's page opens in the editor, with the review button.
    french_edit = client.get(reverse("wagtailadmin_pages:edit", args=[french_statement.page.pk]))
    assert french_edit.status_code == 200


def test_translator_starts_a_missing_translation_into_their_language(
    client, english_statement, french_tree, french_translator, french
):
    client.force_login(french_translator)
    url = reverse("translations:start_translation", args=[english_statement.pk, "fr"])
    response = client.post(url)
    french_page = english_statement.get_translation(french)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[french_page.pk])
    assert not french_page.live


def test_changes_requested_go_back_to_the_translator(
    client, french_statement, french_translator, french_reviewer, french
):
    submit_url = reverse("translations:submit_for_review", args=[french_statement.translation.pk])
    client.force_login(french_translator)
    client.post(submit_url)
    page = french_statement.page
    task_state = page.current_workflow_state.current_task_state

    client.force_login(french_reviewer)
    reject_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]
    )
    client.post(reject_url, {"comment": "Le deuxième paragraphe manque."})
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not page.live

    client.force_login(french_translator)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "the reviewers asked for changes" in editor
    client.post(submit_url)
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
