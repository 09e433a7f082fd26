"""Editors can only build a sane tree: each page type goes where it belongs."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    CountryIndexPage,
    CountryPage,
    PrisonerIndexPage,
    PrisonerPage,
)
from home.models import HomePage
from network.models import StatementIndexPage, StatementPage

INDEXES = [CampaignIndexPage, PrisonerIndexPage, StatementIndexPage, CountryIndexPage]
CHILD_OF = {
    CampaignPage: CampaignIndexPage,
    PrisonerPage: PrisonerIndexPage,
    StatementPage: StatementIndexPage,
    CountryPage: CountryIndexPage,
}
ALL_TYPES = [HomePage, *INDEXES, *CHILD_OF]


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        for model in ALL_TYPES:
            self.assertCanNotCreateAt(model, HomePage)

    def test_section_indexes_sit_under_a_home_page_only(self):
        for index in INDEXES:
            self.assertCanCreateAt(HomePage, index)
            self.assertCanNotCreateAt(Page, index)
            for other in ALL_TYPES:
                if other is not HomePage:
                    self.assertCanNotCreateAt(other, index)

    def test_content_pages_sit_under_their_own_index_only(self):
        for model, index in CHILD_OF.items():
            self.assertCanCreateAt(index, model)
            self.assertCanNotCreateAt(Page, model)
            self.assertCanNotCreateAt(HomePage, model)
            for other_index in INDEXES:
                if other_index is not index:
                    self.assertCanNotCreateAt(other_index, model)

    def test_content_pages_have_no_children(self):
        for model in CHILD_OF:
            for other in ALL_TYPES:
                self.assertCanNotCreateAt(model, other)

    def test_home_allows_exactly_the_four_sections(self):
        self.assertAllowedSubpageTypes(HomePage, set(INDEXES))
