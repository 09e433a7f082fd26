"""Addresses carry the language; the page says which language and direction it is in."""

import pytest

from tests import factories
from tests.conftest import translate_page


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"), ("ru", "/ru/"), ("fa", "/fa/"), ("ja", "/en/")],
)
def test_root_redirects_by_accept_language(client, site_tree, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_no_cookie_is_set_for_an_anonymous_reader(client, site_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr", follow=True)
    assert response.status_code == 200
    assert not response.cookies
    assert not client.cookies


def test_persian_pages_are_right_to_left(client, site_tree):
    html = client.get("/fa/search/").content.decode()
    assert '<html lang="fa" dir="rtl">' in html


def test_base_layout_has_skip_link_landmarks_and_language_switcher(client, site_tree, french):
    translate_page(site_tree.home, french)
    html = client.get("/en/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert 'aria-label="Languages"' in html
    assert 'href="/fr/" lang="fr" hreflang="fr"' in html
    assert 'href="/en/" lang="en" hreflang="en" dir="ltr" aria-current="true"' in html


def test_public_pages_load_nothing_from_other_hosts(client, site_tree):
    factories.PrisonerPageFactory(parent=site_tree.prisoners, slug="someone")
    html = client.get("/en/prisoners/someone/").content.decode()
    for attribute in ("src=", "<link"):
        for chunk in html.split(attribute)[1:]:
            # The hreflang links name this site's own pages by absolute address.
            value = chunk.split(">", 1)[0].replace("http://testserver/", "/")
            assert "http://" not in value and "https://" not in value and "//" not in value[:3]


def test_a_page_missing_in_a_language_sends_the_reader_to_the_one_that_exists(
    client, site_tree, french
):
    # No Persian home page yet: Wagtail would show the English one inside a Persian
    # interface, marked as Persian.
    response = client.get("/fa/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    translate_page(site_tree.home, french)
    assert client.get("/fr/").status_code == 200
