"""Campaigns: what the network asks for, for whom, and who stands behind it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from network.blocks import BodyBlock
from network.feeds import statement_feed_response
from network.localization import localized_pages
from network.models import BasePage, SectionIndexPage, StatementPage
from network.routing import outside_restricted_sections


class CampaignStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    WON = "won", _("Won")
    ENDED = "ended", _("Ended")


class CampaignIndexPage(SectionIndexPage):
    subpage_types = ["campaigns.CampaignPage"]
    template = "campaigns/pages/campaign_index_page.html"

    class Meta:
        verbose_name = _("campaign index")

    def get_context(self, request, *args, **kwargs):
        # The filters stand on these models, so they are imported when first needed.
        from campaigns.filters import CampaignFilterForm
        from network.filters import filtered_listing

        context = super().get_context(request, *args, **kwargs)
        listing = filtered_listing(
            request,
            campaigns_for_listing(self),
            CampaignFilterForm,
            self.items_per_page,
            self.locale_id,
        )
        context["listing"] = listing
        context["campaigns"] = listing.page
        return context


def campaigns_for_listing(index_page):
    return (
        CampaignPage.objects.child_of(index_page)
        .live()
        .filter(outside_restricted_sections())
        .select_related("image")
        .order_by("-started_on", "-pk")
    )


class CampaignPage(RoutablePageMixin, BasePage):
    summary = models.TextField(_("summary"), help_text=_("What the campaign asks for."))
    image = models.ForeignKey(
        "network.NetworkImage",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.ACTIVE
    )
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("text"), blank=True)
    petition_text = models.TextField(
        _("petition"), blank=True, help_text=_("Leave empty if the campaign has no petition.")
    )
    petition_target = models.CharField(
        _("addressed to"), max_length=255, blank=True, help_text=_("Who the petition asks.")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("started_on"), FieldPanel("ended_on")]),
        FieldPanel("countries"),
        FieldPanel("body"),
        InlinePanel("prisoners", label=_("Prisoners")),
        InlinePanel("endorsements", label=_("Endorsed by")),
        MultiFieldPanel(
            [FieldPanel("petition_text"), FieldPanel("petition_target")], heading=_("Petition")
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("image"),
        SynchronizedField("countries", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("started_on", overridable=False),
        SynchronizedField("ended_on", overridable=False),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types: list[str] = []
    select_related_for_serving = ("image",)
    template = "campaigns/pages/campaign_page.html"

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("A campaign cannot end before it starts.")})

    @path("feed/", name="rss")
    def rss_feed(self, request):
        return statement_feed_response(request, self, statements_linked_to_campaign(self), "rss")

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return statement_feed_response(request, self, statements_linked_to_campaign(self), "atom")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaign_prisoners"] = localized_pages(
            [link.prisoner for link in self.prisoners.select_related("prisoner")], self.locale_id
        )
        context["endorsers"] = [
            link.organisation for link in self.endorsements.select_related("organisation")
        ]
        context["updates"] = statements_linked_to_campaign(self)
        return context


def statements_linked_to_campaign(campaign):
    """Published statements in the campaign's language that are linked to any
    translation of it (links from a translation point at the source page)."""
    return (
        StatementPage.objects.live()
        .filter(
            locale_id=campaign.locale_id,
            campaign_links__campaign__translation_key=campaign.translation_key,
        )
        .select_related("publisher")
        .order_by("-first_published_on", "-pk")
        .distinct()
    )


class CampaignPrisoner(Orderable):
    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="prisoners")
    prisoner = models.ForeignKey(
        "campaigns.PrisonerPage",
        verbose_name=_("prisoner"),
        on_delete=models.CASCADE,
        related_name="campaign_links",
    )

    panels = [FieldPanel("prisoner")]

    class Meta(Orderable.Meta):
        verbose_name = _("prisoner")


class CampaignEndorsement(TranslatableMixin, Orderable):
    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="endorsements")
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="endorsements",
    )

    panels = [FieldPanel("organisation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("endorsement")
