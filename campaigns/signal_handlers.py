"""How the campaigns app hears from the network layer below it."""

from django.dispatch import receiver

from network.localization import localized_pages
from network.signals import statement_ingested, statement_page_context

from .models import PrisonerPage, StatementPrisonerLink


@receiver(statement_page_context)
def add_linked_prisoners_and_campaigns(sender, page, request, **kwargs):
    """The prisoners and campaigns a statement is linked to, in the statement's language."""
    prisoners = [link.prisoner for link in page.prisoner_links.select_related("prisoner")]
    campaigns = [link.campaign for link in page.campaign_links.select_related("campaign")]
    return {
        "linked_prisoners": localized_pages(prisoners, page.locale_id),
        "linked_campaigns": localized_pages(campaigns, page.locale_id),
    }


@receiver(statement_ingested)
def suggest_prisoners_named_in_statement(sender, page, text, **kwargs):
    """Link a statement from a partner's feed to every prisoner it names, by any name
    or spelling on the profile, as a suggestion for the editor to confirm. Links are
    added to the page in memory; the ingest saves them with its revision."""
    already = {link.prisoner.translation_key for link in page.prisoner_links.all()}
    for prisoner in prisoners_named_in(text, page.locale_id):
        if prisoner.translation_key not in already:
            page.prisoner_links.add(StatementPrisonerLink(prisoner=prisoner, suggested=True))
            already.add(prisoner.translation_key)


def prisoners_named_in(text, locale_id):
    """Live prisoners whose name appears in ``text``; the profile in ``locale_id`` when
    there is one, else the profile in any language."""
    haystack = " ".join(text.casefold().split())
    found = {}
    for prisoner in PrisonerPage.objects.live().only(
        "title", "native_name", "other_spellings", "translation_key", "locale_id"
    ):
        names = [prisoner.title, prisoner.native_name, *prisoner.spellings]
        if any(name and " ".join(name.casefold().split()) in haystack for name in names):
            current = found.get(prisoner.translation_key)
            if current is None or prisoner.locale_id == locale_id:
                found[prisoner.translation_key] = prisoner
    return list(found.values())
