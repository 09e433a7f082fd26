"""How the campaigns app hears from the network layer below it."""

from django.dispatch import receiver

from network.localization import localized_pages
from network.signals import statement_page_context


@receiver(statement_page_context)
def add_linked_prisoners_and_campaigns(sender, page, request, **kwargs):
    """The prisoners and campaigns a statement is linked to, in the statement's language."""
    prisoners = [link.prisoner for link in page.prisoner_links.select_related("prisoner")]
    campaigns = [link.campaign for link in page.campaign_links.select_related("campaign")]
    return {
        "linked_prisoners": localized_pages(prisoners, page.locale_id),
        "linked_campaigns": localized_pages(campaigns, page.locale_id),
    }
