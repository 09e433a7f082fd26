"""The home page of each language tree."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from campaigns.models import CampaignPage, CampaignStatus, PrisonerPage
from network.models import BasePage, StatementPage
from network.routing import find_live_descendant

LATEST_COUNT = 3


class HomePage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "campaigns.CampaignIndexPage",
        "campaigns.PrisonerIndexPage",
        "campaigns.CountryIndexPage",
        "network.StatementIndexPage",
    ]
    template = "home/pages/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        if path_components:
            page = find_live_descendant(self, path_components)
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        in_this_tree = {"locale_id": self.locale_id}
        context["active_campaigns"] = list(
            CampaignPage.objects.live()
            .filter(status=CampaignStatus.ACTIVE, **in_this_tree)
            .order_by("-started_on")[:LATEST_COUNT]
        )
        context["latest_prisoners"] = list(
            PrisonerPage.objects.live()
            .filter(**in_this_tree)
            .order_by("-detained_on", "title")[:LATEST_COUNT]
        )
        context["latest_statements"] = list(
            StatementPage.objects.live()
            .filter(**in_this_tree)
            .select_related("publisher")
            .order_by("-first_published_on")[:LATEST_COUNT]
        )
        return context
