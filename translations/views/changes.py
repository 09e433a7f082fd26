"""The "What changed in the source" page: the segments a translator must revisit after
a sync, with the old and new source text and what they had written before."""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail_localize.models import Translation

from translations.changes import source_changes


class TranslationChangesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translations/admin/translation_changes.html"
    page_title = gettext_lazy("What changed in the source")
    header_icon = "doc-empty-inverse"

    def dispatch(self, request, translation_id):
        self.translation = get_object_or_404(
            Translation.objects.select_related(
                "source", "source__locale", "source__specific_content_type", "target_locale"
            ),
            pk=translation_id,
        )
        try:
            self.target = self.translation.get_target_instance()
        except ObjectDoesNotExist as error:
            raise Http404 from error
        # Pages only: snippets have no per-locale edit permission to check here.
        if (
            not isinstance(self.target, Page)
            or not self.target.permissions_for_user(request.user).can_edit()
        ):
            # A real 403 with a reason, where Wagtail would send the user to the dashboard.
            return TemplateResponse(
                request,
                "translations/admin/forbidden.html",
                {
                    "page_title": self.page_title,
                    "message": _(
                        "Only people who can edit the %(language)s translation can see "
                        "what changed in its source."
                    )
                    % {"language": self.translation.target_locale.get_display_name()},
                },
                status=403,
            )
        return super().dispatch(request, translation_id)

    def get_page_subtitle(self):
        return self.target.get_admin_display_title()

    def get_editor_url(self):
        # For a page under translation, wagtail-localize's editor replaces Wagtail's.
        return reverse("wagtailadmin_pages:edit", args=[self.target.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.get_editor_url(), "label": self.target.get_admin_display_title()},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        source = self.translation.source
        source_page = self.target.get_translation_or_none(source.locale)
        return super().get_context_data(
            translation=self.translation,
            target=self.target,
            source_page=source_page,
            # A source published after the last sync has changes this list cannot show yet.
            source_changed_since_sync=bool(
                source_page
                and source_page.last_published_at
                and source_page.last_published_at > source.last_updated_at
            ),
            can_sync=self.request.user.has_perm("wagtail_localize.submit_translation"),
            sync_url=reverse("wagtail_localize:update_translations", args=[source.pk]),
            changes=source_changes(self.translation),
            editor_url=self.get_editor_url(),
            **kwargs,
        )


urlpatterns = [
    path(
        "changes/<int:translation_id>/",
        TranslationChangesView.as_view(),
        name="translation_changes",
    ),
]
