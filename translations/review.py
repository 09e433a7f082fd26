"""The "Translation review" workflow and submitting a translation to it."""

from django.db import transaction
from wagtail.models import Page, Workflow, WorkflowState, WorkflowTask
from wagtail_localize.models import TranslationLog

from translations.models import TranslationReviewTask

WORKFLOW_NAME = "Translation review"
TASK_NAME = "Reviewers of the language approve the translation"


@transaction.atomic
def translation_review_workflow() -> Workflow:
    """The workflow, created on first use with its single locale-aware task."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        return workflow
    task = TranslationReviewTask.objects.filter(name=TASK_NAME, active=True).first()
    if task is None:
        task = TranslationReviewTask.objects.create(name=TASK_NAME)
    workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def send_to_review(page, user):
    """Send the page's latest draft to its locale's reviewers. A translation sent back
    for changes resumes its review; one already waiting is restarted so that the
    reviewers approve what the translator submitted last."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return
    if state is not None:
        state.cancel(user=user)
    translation_review_workflow().start(page, user)


@transaction.atomic
def save_translation_draft(translation, user):
    """A new revision of the target page with the translated strings, leaving what
    readers see alone. Returns the target page.

    wagtail-localize's ``save_target(publish=False)`` also writes the translated
    fields into the page's own row, which is what a live page serves: a live
    translation would change before review. For a live page we save a revision
    only, as Wagtail's editor does.
    """
    target = translation.get_target_instance()
    if not (isinstance(target, Page) and target.live):
        translation.save_target(user=user, publish=False)
        return translation.get_target_instance().specific
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    revision = draft.save_revision(user=user)
    TranslationLog.objects.create(
        source=translation.source, locale=translation.target_locale, revision=revision
    )
    return draft


@transaction.atomic
def submit_translation_for_review(translation, user):
    """Write the translated strings into a draft of the target page (nothing goes live)
    and send that draft to review. Returns the target page."""
    page = save_translation_draft(translation, user)
    send_to_review(page, user)
    return page
