"""Read-only admin panels about partner feeds."""

from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from network.models import FeedItem, FeedSource
from network.syndication.review import WORKFLOW_NAME

RECENT_ITEMS = 20
HELD_CHANGES_SHOWN = 10


class FeedSourceHealthPanel(Panel):
    """Health, recent items and held changes of one source, on its edit page."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "network/admin/feed_source_health_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            source = self.instance
            context["source"] = source
            context["items"] = (
                list(source.items.select_related("statement")[:RECENT_ITEMS]) if source.pk else []
            )
            return context


class FeedsDashboardPanel(Component):
    """On the admin home page: failing feeds and statements waiting for review."""

    name = "feeds"
    order = 110
    template_name = "network/admin/feeds_dashboard_panel.html"

    def get_context_data(self, parent_context):
        return {
            "failing_sources": list(FeedSource.objects.failing().select_related("organisation")),
            "held_changes": list(
                FeedItem.objects.filter(status=FeedItem.Status.CHANGE_HELD)
                .select_related("source__organisation")
                .order_by("-last_seen_at")[:HELD_CHANGES_SHOWN]
            ),
            "waiting_for_review": WorkflowState.objects.active()
            .filter(workflow__name=WORKFLOW_NAME)
            .count(),
        }
