"""A view-restricted page is not named in any public list."""

import pytest
from wagtail.models import PageViewRestriction

from tests import factories

LISTS = {
    "campaigns": factories.CampaignPageFactory,
    "prisoners": factories.PrisonerPageFactory,
    "statements": factories.StatementPageFactory,
}


@pytest.mark.parametrize("section", LISTS)
def test_private_pages_are_left_out_of_lists(client, site_tree, section):
    index = getattr(site_tree, section)
    public = LISTS[section](parent=index, title="Visible to everyone")
    private = LISTS[section](parent=index, title="Known only to the family")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    html = client.get(index.url).content.decode()
    assert public.title in html
    assert private.title not in html
