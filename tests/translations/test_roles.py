"""Groups per role and locale, what each may do, through the admin views."""

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from tests import factories
from tests.conftest import translate_page
from tests.translations.test_review_flow import assert_refused
from translations.roles import ensure_roles, reviewers_group_name, translators_group_name


def test_setup_roles_is_idempotent(french_tree, capsys):
    call_command("setup_roles")
    first = capsys.readouterr().out
    assert "Created group Translators (fr)" in first
    assert "Created group Translation reviewers (fa)" in first
    call_command("setup_roles")
    second = capsys.readouterr().out
    assert "Created group" not in second
    assert "Permissions added: 0" in second


def test_page_permissions_follow_the_locale_tree(roles, french_tree, site_tree):
    def codenames(group_name):
        return {
            (grant.page_id, grant.permission.codename)
            for grant in GroupPagePermission.objects.filter(group__name=group_name)
        }

    french_home = french_tree.home.pk
    assert codenames(translators_group_name("fr")) == {
        (french_home, "add_page"),
        (french_home, "change_page"),
    }
    assert (french_home, "publish_page") in codenames(reviewers_group_name("fr"))
    assert not any(page == site_tree.home.pk for page, _ in codenames(reviewers_group_name("fr")))


def test_a_new_language_tree_gets_its_roles_permissions(roles, site_tree):
    german = Locale.objects.get(language_code="de")
    assert not GroupPagePermission.objects.filter(group__name=translators_group_name("de"))
    german_home = translate_page(site_tree.home, german)
    granted = GroupPagePermission.objects.filter(group__name=translators_group_name("de"))
    assert {grant.page_id for grant in granted} == {german_home.pk}


def test_translator_edits_only_their_languages_organisations(
    client, roles, french_translator, french, english
):
    english_rsd = factories.OrganisationFactory(locale=english, name="Russian Socialist Movement")
    french_rsd = english_rsd.copy_for_translation(french)
    french_rsd.name = "Mouvement socialiste russe"
    french_rsd.save()
    client.force_login(french_translator)

    def edit_url(organisation):
        return reverse("wagtailsnippets_network_organisation:edit", args=[organisation.pk])

    assert client.get(edit_url(french_rsd)).status_code == 200
    assert_refused(client.get(edit_url(english_rsd)))
    response = client.post(edit_url(english_rsd), {"name": "Changed by the wrong person"})
    assert_refused(response)
    english_rsd.refresh_from_db()
    assert english_rsd.name == "Russian Socialist Movement"


def test_translator_cannot_publish(client, french_statement, french_translator):
    """The page is in their tree, but publishing is the reviewers' job."""
    client.force_login(french_translator)
    page = french_statement.page
    assert page.permissions_for_user(french_translator).can_edit()
    assert not page.permissions_for_user(french_translator).can_publish()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])  # wagtail-localize's editor
    response = client.post(url, {"action": "publish"})
    assert_refused(response)
    page.refresh_from_db()
    assert not page.live


def test_ensure_roles_keeps_permissions_granted_by_hand(roles, french_tree):
    group = Group.objects.get(name=translators_group_name("fr"))
    extra = Permission.objects.get(codename="add_image")
    group.permissions.add(extra)
    ensure_roles()
    assert group.permissions.filter(pk=extra.pk).exists()


def test_translator_cannot_write_strings_into_another_languages_organisation(
    client, roles, french_translator, english, french
):
    """wagtail-localize checks only the model permission for snippets; the language is
    checked first."""
    organisation = factories.OrganisationFactory(locale=english, name="Posle Media")
    german = Locale.objects.get(language_code="de")
    TranslationCreator(user=None, target_locales=[german, french]).create_translations(organisation)
    client.force_login(french_translator)
    for locale, allowed in ((german, False), (french, True)):
        work = Translation.objects.get(
            source__object_id=organisation.translation_key, target_locale=locale
        )
        segment = StringSegment.objects.filter(source=work.source).first()
        url = reverse("wagtail_localize:edit_string_translation", args=[work.pk, segment.pk])
        response = client.put(
            url,
            data=encode_multipart(BOUNDARY, {"value": "Posle Médias"}),
            content_type=MULTIPART_CONTENT,
        )
        written = StringTranslation.objects.filter(locale=locale, data="Posle Médias").exists()
        if allowed:
            assert response.status_code in (200, 201)
            assert written
        else:
            assert_refused(response)
            assert not written
