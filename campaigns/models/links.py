"""Links from statements (network layer) to the prisoners and campaigns they concern.

They live here, not on the statement model, because the network layer knows nothing
of campaigns; the statement editor still shows them as inline panels.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class StatementPrisonerLink(Orderable):
    statement = ParentalKey(
        "network.StatementPage", on_delete=models.CASCADE, related_name="prisoner_links"
    )
    prisoner = models.ForeignKey(
        "campaigns.PrisonerPage",
        verbose_name=_("prisoner"),
        on_delete=models.CASCADE,
        related_name="statement_links",
    )
    suggested = models.BooleanField(
        _("suggested, not confirmed"),
        default=False,
        help_text=_("Set when the link was found automatically; untick once checked."),
    )

    panels = [FieldPanel("prisoner"), FieldPanel("suggested")]

    class Meta(Orderable.Meta):
        verbose_name = _("prisoner")


class StatementCampaignLink(Orderable):
    statement = ParentalKey(
        "network.StatementPage", on_delete=models.CASCADE, related_name="campaign_links"
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="statement_links",
    )

    panels = [FieldPanel("campaign")]

    class Meta(Orderable.Meta):
        verbose_name = _("campaign")
