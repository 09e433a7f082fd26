"""Shared set-up: a clean cache for every test and a small localized page tree."""

from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page, Site

from tests import factories


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """A request to /fr/… leaves French active in the thread; start each test afresh."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def french(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def site_tree(db):
    """Home page with the four section indexes, in English, served by the default site."""
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, slug="test-home")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "testserver", "port": 80, "root_page": home}
    )
    # Wagtail's own welcome page, made by its migrations.
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return SimpleNamespace(
        home=home,
        campaigns=factories.CampaignIndexPageFactory(parent=home),
        prisoners=factories.PrisonerIndexPageFactory(parent=home),
        statements=factories.StatementIndexPageFactory(parent=home),
        countries=factories.CountryIndexPageFactory(parent=home),
    )


def translate_page(page, locale):
    """A published translation of ``page`` (its parents must be translated already)."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


@pytest.fixture
def french_tree(site_tree, french):
    return SimpleNamespace(
        **{name: translate_page(page, french) for name, page in vars(site_tree).items()}
    )


def count_queries(client, url):
    """Queries made to serve ``url`` once caches are warm (a first request fills them)."""
    first = client.get(url)
    assert first.status_code == 200, (url, first.status_code)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)
