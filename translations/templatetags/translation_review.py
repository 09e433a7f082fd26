"""What the translation editor shows about review: where the translation comes from,
where it stands, and the button that sends it to the language's reviewers."""

from django import template
from wagtail.models import Locale, Page

from translations import status

register = template.Library()


def synced_source_revision(translation):
    """The source page's revision the translation's strings were last taken from."""
    source = translation.source
    page = source.get_source_instance()
    return (
        page.revisions.filter(created_at__lte=source.last_updated_at)
        .order_by("-created_at", "-pk")
        .first()
    )


@register.simple_tag(takes_context=True)
def translation_review(context, translation):
    request = context["request"]
    target = translation.get_target_instance()
    if not isinstance(target, Page):
        return None
    source_page = translation.source.get_source_instance()
    rows = status.translation_matrix(
        Page.objects.filter(pk=target.pk), locales=[translation.target_locale]
    )
    cell = rows[0].cells[translation.target_locale_id]
    workflow_state = target.current_workflow_state
    return {
        "cell": cell,
        "target": target,
        "source_page": source_page,
        "source_locale": translation.source.locale,
        "source_revision": synced_source_revision(translation),
        "source_republished": bool(
            source_page.last_published_at
            and source_page.last_published_at > translation.source.last_updated_at
        ),
        "workflow_state": workflow_state,
        "task_name": workflow_state.current_task_state.task.name
        if workflow_state and workflow_state.current_task_state
        else "",
        "can_submit": target.permissions_for_user(request.user).can_edit(),
    }


@register.simple_tag
def translation_states(page):
    """For a page translations are made from: each other language and where its
    translation stands. None for a page that is itself a translation."""
    if page is None or not page.pk or page.is_root():
        return None
    locales = list(Locale.objects.order_by("language_code"))
    (row,) = status.translation_matrix(Page.objects.filter(pk=page.pk), locales=locales)
    if row.source.pk != page.pk:
        return None
    return [(locale, row.cells[locale.pk]) for locale in locales if locale.pk != page.locale_id]
