"""Each language tree has one index per section."""

from campaigns.models import CampaignIndexPage, CountryIndexPage, PrisonerIndexPage
from network.models import StatementIndexPage
from tests.conftest import translate_page


def test_a_home_page_takes_one_index_of_each_kind(site_tree):
    for model in (CampaignIndexPage, PrisonerIndexPage, StatementIndexPage, CountryIndexPage):
        assert not model.can_create_at(site_tree.home)


def test_a_translated_home_page_takes_its_own_indexes(site_tree, french):
    french_home = translate_page(site_tree.home, french)
    assert CampaignIndexPage.can_create_at(french_home)
    translate_page(site_tree.campaigns, french)
    french_home.refresh_from_db()
    assert not CampaignIndexPage.can_create_at(french_home)
