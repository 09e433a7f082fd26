"""Admin actions on feed sources: poll now, pause, resume. Each asks for confirmation
on GET and acts on POST, like Wagtail's own delete and unpublish views."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from network.models import FeedSource
from network.tasks import poll_feed


def _source_for_change(request, pk):
    if not request.user.has_perm("network.change_feedsource"):
        raise PermissionDenied
    return get_object_or_404(FeedSource.objects.select_related("organisation"), pk=pk)


def _confirm(request, source, *, title, question, action_label):
    return TemplateResponse(
        request,
        "network/admin/feed_source_action.html",
        {
            "source": source,
            "title": title,
            "question": question,
            "action_label": action_label,
            "cancel_url": reverse("wagtailsnippets_network_feedsource:list"),
        },
    )


@require_http_methods(["GET", "POST"])
def poll_now(request, pk):
    source = _source_for_change(request, pk)
    if request.method == "GET":
        return _confirm(
            request,
            source,
            title=_("Poll %(source)s now") % {"source": source.organisation},
            question=_("Fetch %(url)s now instead of at its next scheduled time?")
            % {"url": source.url},
            action_label=_("Poll now"),
        )
    poll_feed.delay(source.pk)
    messages.success(
        request,
        _("Polling %(source)s: new statements will appear in a moment.")
        % {"source": source.organisation},
    )
    return redirect("wagtailsnippets_network_feedsource:edit", source.pk)


@require_http_methods(["GET", "POST"])
def toggle_active(request, pk):
    source = _source_for_change(request, pk)
    if request.method == "GET":
        if source.is_active:
            title, label = _("Pause %(source)s"), _("Pause")
            question = _("Stop polling this feed until you resume it?")
        else:
            title, label = _("Resume %(source)s"), _("Resume")
            question = _("Start polling this feed again?")
        return _confirm(
            request,
            source,
            title=title % {"source": source.organisation},
            question=question,
            action_label=label,
        )
    source.is_active = not source.is_active
    if source.is_active:
        source.next_poll_at = None  # due at once
    source.save(update_fields=["is_active", "next_poll_at"])
    messages.success(
        request,
        _("Polling resumed.") if source.is_active else _("Polling paused."),
    )
    return redirect("wagtailsnippets_network_feedsource:list")
