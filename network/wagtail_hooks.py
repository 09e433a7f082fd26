"""Admin registration of the network's snippets, feed sources and dashboard panel."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network import admin_views
from network.admin_panels import FeedsDashboardPanel, FeedSourceHealthPanel
from network.models import FeedSource, Organisation, Topic
from network.permissions import LocaleScopedPermissionPolicy

for _model in (Organisation, Topic):
    register_permission_policy(_model, LocaleScopedPermissionPolicy(_model))


@hooks.register("before_edit_snippet")
def refuse_snippets_of_other_locales(request, instance):
    """Wagtail's snippet editor (and wagtail-localize's, which replaces it for
    translations) checks the model permission only; check the instance's locale."""
    policy = policy_registry.get_by_type(type(instance))
    if not policy.user_has_permission_for_instance(request.user, "change", instance):
        raise PermissionDenied


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "short_name", "website"]
    list_filter = ["locale"]
    search_fields = ["name", "short_name", "native_name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    list_filter = ["locale"]


class FeedSourceViewSet(SnippetViewSet):
    model = FeedSource
    icon = "download"
    menu_label = _("Partner feeds")
    list_display = [
        "organisation",
        "url",
        Column("health", label=_("Health"), accessor="get_health_display"),
        DateColumn("last_success_at", label=_("Last success")),
        Column("consecutive_failures", label=_("Failures in a row")),
        DateColumn("next_poll_at", label=_("Next poll")),
    ]
    list_filter = ["is_active", "trust"]
    panels = [
        FieldPanel("organisation"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("locale"), FieldPanel("statement_index")]),
        FieldRowPanel([FieldPanel("trust"), FieldPanel("is_active")]),
        MultiFieldPanel(
            [
                FieldPanel("poll_interval_minutes"),
                FieldRowPanel(
                    [FieldPanel("min_interval_minutes"), FieldPanel("max_interval_minutes")]
                ),
            ],
            heading=_("Schedule"),
        ),
        FeedSourceHealthPanel(heading=_("Health and recent items")),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("poll/<int:pk>/", admin_views.poll_now, name="poll"),
            path("toggle/<int:pk>/", admin_views.toggle_active, name="toggle"),
        ]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, TopicViewSet, FeedSourceViewSet)
    menu_icon = "site"
    menu_label = _("Network")
    menu_name = "network"


register_snippet(NetworkViewSetGroup)


@hooks.register("construct_homepage_panels")
def add_feeds_panel(request, panels):
    panels.append(FeedsDashboardPanel())
