"""Submitting a translation for review from wagtail-localize's editor."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail_localize.models import Translation

from translations.review import submit_translation_for_review


@require_POST
def submit_for_review(request, translation_id):
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    target = translation.get_target_instance()
    if not isinstance(target, Page):
        raise PermissionDenied
    if not target.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    try:
        page = submit_translation_for_review(translation, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be saved: %(errors)s")
            % {"errors": "; ".join(error.messages)},
        )
    else:
        messages.success(
            request,
            _("“%(title)s” was submitted for review by the %(language)s reviewers.")
            % {"title": page.title, "language": translation.target_locale.get_display_name()},
        )
    return redirect("wagtailadmin_pages:edit", target.pk)


urlpatterns = [
    path("submit/<int:translation_id>/", submit_for_review, name="submit_for_review"),
]
