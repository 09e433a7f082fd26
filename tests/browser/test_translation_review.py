"""Issue 4 end to end in Chromium: a French translator translates a statement in
wagtail-localize's editor and submits it, a French reviewer approves it from the
dashboard, and readers see it in French; the translator cannot edit the English page."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from tests.translations import conftest as translators
from tests.translations.conftest import STATEMENT_PARAGRAPHS

pytestmark = pytest.mark.browser

# The translators' fixtures, shared with the test-client tests of tests/translations/.
roles = translators.roles
french_translator = translators.french_translator
french_reviewer = translators.french_reviewer
english_statement = translators.english_statement
french_statement = translators.french_statement

FRENCH_TITLE = "Pourquoi être solidaires de Boris Kagarlitsky"
FRENCH_CALL = "Nous demandons sa libération."


def translate_segment(editor, source_text, translation):
    """Through the React editor: the segment's "Translate" button, type, "Save"."""
    # The segment's own list item: its source text, but not the field's heading.
    segment = (
        editor.get_by_role("listitem")
        .filter(
            has=editor.get_by_role("paragraph").filter(
                has_text=re.compile(f"^{re.escape(source_text)}$")
            )
        )
        .filter(has_not=editor.get_by_role("heading"))
    )
    segment.get_by_role("button", name="Translate").click()
    segment.get_by_role("textbox").fill(translation)
    segment.get_by_role("button", name="Save").click()
    # Saved: the segment shows the translation and offers to edit it.
    expect(segment.get_by_role("button", name="Edit")).to_be_visible()
    expect(segment).to_contain_text(translation)


def test_a_french_translation_is_translated_submitted_reviewed_and_published(
    browser_pages,
    log_in,
    french_statement,
    english_statement,
    french_translator,
    french_reviewer,
):
    editor_url = f"/admin/pages/{french_statement.page.pk}/edit/"
    public_url = french_statement.page.get_url()
    assert public_url.startswith("/fr/")

    translator = browser_pages.open()
    log_in(translator, french_translator.username)

    # The English original is out of the French translator's reach: Wagtail sends them
    # back to the dashboard with its permission message, and no editing form.
    english_editor_url = f"/admin/pages/{english_statement.pk}/edit/"
    translator.goto(english_editor_url)
    expect(translator.get_by_role("status")).to_contain_text(
        "you do not have permission to access this area"
    )
    expect(translator).not_to_have_url(re.compile(re.escape(english_editor_url)))
    expect(translator.get_by_role("button", name=re.compile("Save draft|Publish"))).to_have_count(0)

    translator.goto(editor_url)
    translate_segment(translator, english_statement.title, FRENCH_TITLE)
    translate_segment(translator, STATEMENT_PARAGRAPHS[-1], FRENCH_CALL)
    translator.get_by_role("button", name="Submit for review").click()
    expect(translator.get_by_role("status")).to_contain_text("submitted for review")

    reader = browser_pages.open()
    assert reader.goto(public_url).status == 404, "published before review"

    reviewer = browser_pages.open()
    log_in(reviewer, french_reviewer.username)
    reviewer.goto("/admin/")
    awaiting = reviewer.get_by_role("region", name="Awaiting your review")
    row = awaiting.get_by_role("row").filter(has_text=FRENCH_TITLE)
    row.get_by_role("button", name="Actions").click()
    with reviewer.expect_navigation():
        row.get_by_role("button", name="Approve and publish").click()
    expect(reviewer.get_by_role("row").filter(has_text=FRENCH_TITLE)).to_have_count(0)

    assert reader.goto(public_url).status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text(FRENCH_TITLE)
    expect(reader.get_by_text(FRENCH_CALL)).to_be_visible()
    expect(reader.get_by_text(STATEMENT_PARAGRAPHS[-1])).to_have_count(0)

    # Published by the reviewer's approval, not by the translator.
    page = french_statement.page
    page.refresh_from_db()
    assert page.live
    state = WorkflowState.objects.for_instance(page).get()
    assert (state.status, state.requested_by) == (WorkflowState.STATUS_APPROVED, french_translator)
    assert state.task_states.get().finished_by == french_reviewer
