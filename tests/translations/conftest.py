"""Translators' set-up: the roles, a translator and a reviewer for French, and an
English statement submitted for translation into French."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from tests import factories
from translations.roles import ensure_roles, reviewers_group_name, translators_group_name

STATEMENT_PARAGRAPHS = (
    "On 26 July 2023 the FSB detained Boris Kagarlitsky.",
    "We disagree with him deeply.",
    "We call for his release.",
)
# The statement's strings as a French translator writes them.
FRENCH = {
    "Why solidarity with Boris Kagarlitsky": "Pourquoi être solidaires de Boris Kagarlitsky",
    "Despite deep disagreements, he deserves solidarity.": (
        "Malgré de profonds désaccords, il mérite notre solidarité."
    ),
    STATEMENT_PARAGRAPHS[0]: "Le 26 juillet 2023, le FSB a arrêté Boris Kagarlitsky.",
    STATEMENT_PARAGRAPHS[1]: "Nous sommes en profond désaccord avec lui.",
    STATEMENT_PARAGRAPHS[2]: "Nous demandons sa libération.",
}


def make_user(username, *group_names):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="password"
    )
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


def statement_body(*texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]


@pytest.fixture
def roles(french_tree):
    """Groups and permissions, made once the French tree exists (as in production,
    where the command runs again after a language's home page is translated)."""
    return ensure_roles()


@pytest.fixture
def french_translator(roles):
    return make_user("traductrice", translators_group_name("fr"))


@pytest.fixture
def french_reviewer(roles):
    return make_user("relectrice", reviewers_group_name("fr"))


@pytest.fixture
def editor(roles):
    return make_user("editor", "Editors")


@pytest.fixture
def english_statement(site_tree):
    page = factories.StatementPageFactory(
        parent=site_tree.statements,
        title="Why solidarity with Boris Kagarlitsky",
        slug="why-solidarity",
        summary="Despite deep disagreements, he deserves solidarity.",
        body=statement_body(*STATEMENT_PARAGRAPHS),
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def start_translation(page, locale, user=None):
    """What an editor's "Translate this page" does: a Translation and a draft page."""
    TranslationCreator(user=user, target_locales=[locale]).create_translations(page)
    source = TranslationSource.objects.get_for_instance(page)
    translation = Translation.objects.get(source=source, target_locale=locale)
    target = page.get_translation(locale).specific
    return SimpleNamespace(translation=translation, page=target, source=source)


@pytest.fixture
def french_statement(english_statement, french_tree, french):
    return start_translation(english_statement, french)
