"""Machine translation through a LibreTranslate server (a fake one on 127.0.0.1 that
speaks its HTTP API): an editor translates one page into several languages at once,
each as a draft in review; human work is kept; a failing service changes nothing."""

import json
import urllib.request

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale, Page, Revision, WorkflowState
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from network.settings.machine_translation import machine_translator_setting
from tests.conftest import translate_page
from tests.translations.conftest import STATEMENT_PARAGRAPHS, make_user
from tests.translations.fake_libretranslate import FakeLibreTranslate
from translations.machine import DONE, FAILED, UNCHANGED, machine_translate_page
from translations.review import WORKFLOW_NAME
from translations.roles import reviewers_group_name

TITLE = "Why solidarity with Boris Kagarlitsky"
SUMMARY = "Despite deep disagreements, he deserves solidarity."


@pytest.fixture
def libretranslate():
    server = FakeLibreTranslate().start()
    yield server
    server.stop()


def libretranslate_settings(server, api_key=""):
    return override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR=machine_translator_setting(
            {
                "MACHINE_TRANSLATION": "libretranslate",
                "LIBRETRANSLATE_URL": server.url,
                "LIBRETRANSLATE_API_KEY": api_key,
            }
        )
    )


@pytest.fixture
def machine_translation(libretranslate):
    with libretranslate_settings(libretranslate):
        yield libretranslate


def locales(*codes):
    return [Locale.objects.get(language_code=code) for code in codes]


def latest_draft(page, locale):
    return page.get_translation(locale).specific.get_latest_revision_as_object()


def body_html(page) -> str:
    return "".join(str(block.value) for block in page.body)


def nothing_exists_for(page, locale):
    """No page, translation or translated string in ``locale`` came from ``page``."""
    assert page.get_translation_or_none(locale) is None
    assert not Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=locale
    ).exists()
    assert not StringTranslation.objects.filter(
        locale=locale, context__object_id=page.translation_key
    ).exists()


# Machine translation itself


def test_one_page_into_three_languages_makes_three_drafts_in_review(
    english_statement, editor, machine_translation
):
    results = machine_translate_page(english_statement, locales("fr", "ru", "de"), editor)

    assert [(r.locale.language_code, r.status) for r in results] == [
        ("fr", DONE),
        ("ru", DONE),
        ("de", DONE),
    ]
    requests = machine_translation.translation_requests()
    # One request per language, each with every string of the page once.
    assert [r["params"]["target"] for r in requests] == ["fr", "ru", "de"]
    strings = StringSegment.objects.filter(source__object_id=english_statement.translation_key)
    for request in requests:
        assert request["params"]["source"] == "en"
        assert request["params"]["format"] == "html"
        assert sorted(request["params"]["q"]) == sorted(
            {segment.string.data for segment in strings.select_related("string")}
        )
    print(
        f"\n{len(requests)} requests to LibreTranslate, "
        f"{[len(r['params']['q']) for r in requests]} strings each; "
        f"{[r.strings_translated for r in results]} strings filled per language"
    )

    for result in results:
        code = result.locale.language_code
        page = english_statement.get_translation(result.locale).specific
        assert result.page.pk == page.pk
        assert not page.live, "a machine translation must not publish itself"
        state = page.current_workflow_state
        assert state.workflow.name == WORKFLOW_NAME
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        draft = page.get_latest_revision_as_object()
        assert draft.title == f"[{code}] {TITLE}"
        assert draft.summary == f"[{code}] {SUMMARY}"
        for paragraph in STATEMENT_PARAGRAPHS:
            assert f"<p>[{code}] {paragraph}</p>" in body_html(draft)
        machine = StringTranslation.objects.filter(
            locale=result.locale, context__object_id=english_statement.translation_key
        )
        assert machine.count() == result.strings_translated
        assert set(machine.values_list("translation_type", "tool_name")) == {
            ("machine", "LibreTranslate")
        }

    # Russian and German had no page tree: like "Translate this page", the machine
    # translation copied the parents as aliases of the English ones, not as new content.
    for locale in locales("ru", "de"):
        parent = english_statement.get_translation(locale).get_parent()
        assert parent.alias_of_id == english_statement.get_parent().pk


def test_a_reviewer_publishes_the_machine_draft(
    client, english_statement, editor, french_reviewer, machine_translation
):
    (result,) = machine_translate_page(english_statement, locales("fr"), editor)
    page = result.page
    task_state = page.current_workflow_state.current_task_state
    client.force_login(french_reviewer)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.title == f"[fr] {TITLE}"


def test_human_translations_are_kept_and_only_the_rest_goes_to_the_service(
    english_statement, french_statement, editor, french_translator, french, machine_translation
):
    title_segment = StringSegment.objects.get(source=french_statement.source, string__data=TITLE)
    human = StringTranslation.objects.create(
        translation_of=title_segment.string,
        context=title_segment.context,
        locale=french,
        data="Pourquoi être solidaires de Boris Kagarlitsky",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        last_translated_by=french_translator,
    )
    revisions_before = Revision.objects.for_instance(french_statement.page).count()

    (result,) = machine_translate_page(english_statement, [french], editor)

    assert result.status == DONE
    (request,) = machine_translation.translation_requests()
    assert TITLE not in request["params"]["q"]
    assert len(request["params"]["q"]) == result.strings_translated == 4
    draft = latest_draft(english_statement, french)
    assert draft.title == "Pourquoi être solidaires de Boris Kagarlitsky"
    assert draft.summary == f"[fr] {SUMMARY}"
    human.refresh_from_db()
    assert human.translation_type == "manual"
    assert human.data == "Pourquoi être solidaires de Boris Kagarlitsky"
    # The existing draft was saved once more, and sent to review.
    assert Revision.objects.for_instance(french_statement.page).count() == revisions_before + 1
    assert french_statement.page.current_workflow_state.workflow.name == WORKFLOW_NAME

    # Once everything is translated there is nothing to ask the service.
    (again,) = machine_translate_page(english_statement, [french], editor)
    assert again.status == UNCHANGED
    assert len(machine_translation.translation_requests()) == 1
    print(f"\nsent {len(request['params']['q'])} of 5 strings; second run: {again.message}")


def test_a_page_in_the_language_edited_by_hand_is_left_alone(
    english_statement, french_tree, editor, french, machine_translation
):
    by_hand = translate_page(english_statement, french)  # a copy, not a wagtail-localize one
    (result,) = machine_translate_page(english_statement, [french], editor)
    assert result.status == FAILED
    assert "edited by hand" in result.message
    assert machine_translation.translation_requests() == []
    by_hand.refresh_from_db()
    assert by_hand.title == TITLE and by_hand.current_workflow_state is None


# When the service fails


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        ("http-500", "answered with an error (HTTP 500): Cannot translate text"),
        ("unreachable", "LibreTranslate could not be reached"),
        ("nonsense", "not a usable translation"),
    ],
)
def test_a_failing_service_changes_nothing(
    failure, expected, english_statement, french_tree, editor, machine_translation
):
    french, german = locales("fr", "de")
    if failure == "http-500":
        machine_translation.fail_with = 500
    elif failure == "unreachable":
        machine_translation.stop()
    else:
        machine_translation.nonsense = True
    pages_before = Page.objects.count()

    results = machine_translate_page(english_statement, [french, german], editor)

    for result in results:
        assert result.status == FAILED
        assert expected in result.message
        assert "nothing was changed" in result.message
        nothing_exists_for(english_statement, result.locale)
    # Not even the German parents were copied.
    assert Page.objects.count() == pages_before
    assert not WorkflowState.objects.exists()
    print(f"\n{failure}: {results[0].message}")


def test_one_language_failing_does_not_stop_the_others(
    english_statement, french_tree, editor, machine_translation
):
    french, german, russian = locales("fr", "de", "ru")
    machine_translation.fail_with = 500
    machine_translation.fail_targets = {"de"}

    results = machine_translate_page(english_statement, [french, german, russian], editor)

    assert [r.status for r in results] == [DONE, FAILED, DONE]
    assert "German" in results[1].message and "HTTP 500" in results[1].message
    nothing_exists_for(english_statement, german)
    assert latest_draft(english_statement, russian).title == f"[ru] {TITLE}"


def test_a_failing_service_leaves_an_existing_draft_as_it_was(
    english_statement, french_statement, editor, french, machine_translation
):
    machine_translation.fail_with = 500
    revisions_before = Revision.objects.for_instance(french_statement.page).count()

    (result,) = machine_translate_page(english_statement, [french], editor)

    assert result.status == FAILED
    assert Revision.objects.for_instance(french_statement.page).count() == revisions_before
    assert not StringTranslation.objects.filter(locale=french).exists()
    assert french_statement.page.current_workflow_state is None


def test_the_api_key_reaches_the_server(english_statement, french_tree, editor):
    server = FakeLibreTranslate(api_key="s3cret").start()
    try:
        with libretranslate_settings(server, api_key="wrong"):
            (refused,) = machine_translate_page(english_statement, locales("fr"), editor)
        with libretranslate_settings(server, api_key="s3cret"):
            (accepted,) = machine_translate_page(english_statement, locales("fr"), editor)
    finally:
        server.stop()
    assert refused.status == FAILED
    assert "HTTP 403" in refused.message and "Invalid API key" in refused.message
    assert accepted.status == DONE
    assert [r["params"]["api_key"] for r in server.translation_requests()] == ["wrong", "s3cret"]


def test_the_fake_server_speaks_libretranslate(libretranslate):
    def call(method, path, payload=None):
        data = json.dumps(payload).encode() if payload is not None else None
        request = urllib.request.Request(
            libretranslate.url + path,
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read())

    languages = call("GET", "/languages")
    assert {language["code"] for language in languages} == {
        "en",
        "fr",
        "ru",
        "uk",
        "es",
        "de",
        "fa",
    }
    one = call("POST", "/translate", {"q": "Free him", "source": "en", "target": "fr"})
    assert one == {"translatedText": "[fr] Free him"}
    many = call(
        "POST",
        "/translate",
        {"q": ["<b>Free</b> him", "x"], "source": "en", "target": "de", "format": "html"},
    )
    assert many == {"translatedText": ["<b>[de] Free</b> [de] him", "[de] x"]}


# The admin view


def machine_translate_url(page):
    return reverse("translations:machine_translate", args=[page.pk])


def test_an_editor_machine_translates_from_the_admin(
    client, english_statement, french_statement, editor, french, machine_translation
):
    german = Locale.objects.get(language_code="de")
    client.force_login(editor)

    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[english_statement.pk]))
    assert machine_translate_url(english_statement) in edit_page.content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[english_statement.get_parent().pk]))
    assert machine_translate_url(english_statement) in listing.content.decode()

    form = client.get(machine_translate_url(english_statement))
    assert form.status_code == 200
    html = form.content.decode()
    choices = form.context["form"]["locales"]
    assert {choice.data["label"] for choice in choices} >= {
        "French (draft translation)",
        "German (no translation yet)",
    }
    assert "English" not in {str(choice.data["label"]).split(" (")[0] for choice in choices}
    assert len(choices) == 6
    assert "LibreTranslate" in html

    response = client.post(
        machine_translate_url(english_statement), {"locales": [french.pk, german.pk]}
    )
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[english_statement.pk])
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert len(shown) == 2
    assert shown[0].startswith("German: 5 strings machine-translated")
    assert shown[1].startswith("French: 5 strings machine-translated")
    for locale in (french, german):
        page = english_statement.get_translation(locale)
        assert not page.live
        assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    print("\n" + "\n".join(shown))


def test_published_translations_are_not_proposed_by_default(
    client, english_statement, french_tree, editor, french, machine_translation
):
    translate_page(english_statement, french)
    client.force_login(editor)
    form = client.get(machine_translate_url(english_statement)).context["form"]
    initial = set(form.initial["locales"])
    assert french.pk not in initial
    assert initial == set(
        Locale.objects.exclude(language_code__in=["en", "fr"]).values_list("pk", flat=True)
    )


def test_the_admin_view_reports_each_failure(
    client, english_statement, french_tree, editor, french, machine_translation
):
    machine_translation.fail_with = 500
    client.force_login(editor)
    response = client.post(machine_translate_url(english_statement), {"locales": [french.pk]})
    (message,) = get_messages(response.wsgi_request)
    assert message.level_tag == "error"
    assert "French: nothing was changed" in str(message) and "HTTP 500" in str(message)
    nothing_exists_for(english_statement, french)


def test_a_translator_without_submit_permission_is_refused(
    client, english_statement, french_translator, machine_translation
):
    client.force_login(french_translator)
    refused = client.get(machine_translate_url(english_statement))
    assert refused.status_code == 403
    assert "Only editors and moderators can machine-translate" in refused.content.decode()
    assert client.post(machine_translate_url(english_statement)).status_code == 403
    assert machine_translation.requests == []


def test_without_a_service_there_is_no_machine_translation(client, english_statement, editor):
    client.force_login(editor)
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None):
        # (LocaleMiddleware first tries the address under /en/, which is not found either.)
        missing = client.get(machine_translate_url(english_statement), follow=True)
        assert missing.status_code == 404
        edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[english_statement.pk]))
    assert edit_page.status_code == 200
    assert machine_translate_url(english_statement) not in edit_page.content.decode()


def test_a_german_reviewer_publishes_a_draft_in_a_tree_made_just_now(
    client, english_statement, editor, machine_translation
):
    """Approval goes by the reviewers' locale role, so it works in a German tree that
    the machine translation itself had to make."""
    (result,) = machine_translate_page(english_statement, locales("de"), editor)
    task_state = result.page.current_workflow_state.current_task_state
    client.force_login(make_user("pruefer", reviewers_group_name("de")))
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[result.page.pk, "approve", task_state.pk]
        )
    )
    assert response.status_code in (200, 302)
    result.page.refresh_from_db()
    assert result.page.live


# Settings: environment variables → WAGTAILLOCALIZE_MACHINE_TRANSLATOR


def test_machine_translation_is_off_by_default():
    assert machine_translator_setting({}) is None
    assert machine_translator_setting({"MACHINE_TRANSLATION": " "}) is None


def test_libretranslate_settings():
    setting = machine_translator_setting(
        {
            "MACHINE_TRANSLATION": "LibreTranslate",
            "LIBRETRANSLATE_URL": "http://127.0.0.1:5000/",
            "LIBRETRANSLATE_API_KEY": "k",
        }
    )
    assert setting == {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": "http://127.0.0.1:5000", "API_KEY": "k"},
    }
    without_key = machine_translator_setting(
        {"MACHINE_TRANSLATION": "libretranslate", "LIBRETRANSLATE_URL": "http://127.0.0.1:5000"}
    )
    assert without_key["OPTIONS"]["API_KEY"] == ""
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=setting):
        assert get_machine_translator().display_name == "LibreTranslate"


def test_deepl_settings():
    setting = machine_translator_setting({"MACHINE_TRANSLATION": "deepl", "DEEPL_API_KEY": "a:fx"})
    assert setting == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "a:fx"},
    }
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=setting):
        assert get_machine_translator().display_name == "DeepL"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"MACHINE_TRANSLATION": "libretranslate"}, "needs LIBRETRANSLATE_URL"),
        (
            {"MACHINE_TRANSLATION": "libretranslate", "LIBRETRANSLATE_URL": "127.0.0.1:5000"},
            "must start with http:// or https://",
        ),
        ({"MACHINE_TRANSLATION": "deepl"}, "needs DEEPL_API_KEY"),
        ({"MACHINE_TRANSLATION": "google"}, "'google' is not a known service"),
    ],
)
def test_a_half_configured_service_stops_start_up(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        machine_translator_setting(environ)
