"""PO files for translators' own tools: export, import, round trip, refusals, the admin
views and the management command."""

import re
import shutil
import subprocess
import uuid

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests import factories
from tests.translations.conftest import make_user, statement_body
from translations.po_files import POExportError, POImportError, export_po, import_po
from translations.roles import translators_group_name

TRANSLATIONS = {
    "Why solidarity with Boris Kagarlitsky": "Pourquoi être solidaires de Boris Kagarlitski",
    "On 26 July 2023 the FSB detained Boris Kagarlitsky.": (
        "Le 26 juillet 2023, le FSB a arrêté Boris Kagarlitski."
    ),
    "We disagree with him deeply.": "Nous sommes en profond désaccord avec lui.",
}


@pytest.fixture
def german(db):
    return Locale.objects.get(language_code="de")


@pytest.fixture
def second_statement(site_tree):
    """A page whose strings hold a percent sign, a newline and a repeated sentence."""
    page = factories.StatementPageFactory(
        parent=site_tree.statements,
        title="100% behind political prisoners",
        slug="behind-prisoners",
        summary="Free them all.",
        body=[
            ("paragraph", "<p>Free them.</p><p>Free them.</p>"),
            ("paragraph", "<p>Letters reach 80% of prisoners\nwithin a month.</p>"),
        ],
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def french_source_statement(french_tree, french):
    """A statement written in French, to be translated into English."""
    page = factories.StatementPageFactory(
        parent=french_tree.statements,
        publisher=factories.OrganisationFactory(locale=french),
        original_language="fr",
        title="Solidarité internationale",
        slug="solidarite",
        summary="Pour tous les prisonniers politiques.",
        body=statement_body("Libérez-les tous."),
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def msgfmt(text, tmp_path):
    """msgfmt's verdict on a PO file: (exit code, messages)."""
    assert shutil.which("msgfmt"), "msgfmt (gettext) must be installed"
    path = tmp_path / "checked.po"
    path.write_text(text, encoding="utf-8")
    run = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return run.returncode, run.stderr


def translated(text, translations):
    """The file as a translator's tool would return it, with some strings translated."""
    po = polib.pofile(text)
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    return str(po)


def without_creation_date(text):
    return re.sub(r'^"POT-Creation-Date: .*\n', "", text, flags=re.MULTILINE)


def snapshot():
    """Everything an import could change: translated strings, revisions, pages,
    translations."""
    return (
        list(StringTranslation.objects.order_by("pk").values()),
        list(Revision.objects.order_by("pk").values("pk", "object_id", "content")),
        list(Page.objects.order_by("pk").values("pk", "live", "latest_revision_id", "title")),
        list(Translation.objects.order_by("pk").values()),
    )


def assert_refused(content, locale, user, *words):
    before = snapshot()
    with pytest.raises(POImportError) as refusal:
        import_po(content, locale, user)
    message = str(refusal.value)
    print("refused:", message)
    for word in words:
        assert word in message
    assert snapshot() == before
    return message


def english_page(french_statement):
    return french_statement.source.get_source_instance()


# Round trip


def test_round_trip_changes_nothing(french_statement, french, french_translator):
    page = english_page(french_statement)
    # A translation made in the editor that ends with a newline its source lacks:
    # msgfmt would refuse it as it is, so the file carries it without the newline.
    segment = StringSegment.objects.select_related("string").get(
        source=french_statement.source, string__data="We call for his release."
    )
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=french,
        context=segment.context,
        data="Nous appelons à sa libération.\n",
        translation_type="manual",
    )

    first = str(export_po([page], french))
    result = import_po(translated(first, TRANSLATIONS), french, french_translator)
    counts = [(p.added, p.changed, p.unchanged, p.untranslated) for p in result.pages]
    print("first import (added, changed, unchanged, untranslated):", counts)
    assert counts == [(3, 0, 1, 1)]
    imported = StringTranslation.objects.filter(tool_name="PO file")
    assert imported.count() == 3
    assert set(imported.values_list("translation_type", "last_translated_by")) == {
        ("manual", french_translator.pk)
    }
    assert french_statement.translation.get_progress() == (5, 4)

    exported = str(export_po([page], french))
    rows, revisions, pages, translations = snapshot()
    result = import_po(exported, french, french_translator)
    again = str(export_po([page], french))

    counts = [(p.added, p.changed, p.unchanged, p.untranslated) for p in result.pages]
    print("round trip import:", counts, f"{len(again.splitlines())} lines")
    assert counts == [(0, 0, 4, 1)]
    assert snapshot() == (rows, revisions, pages, translations)
    assert without_creation_date(again) == without_creation_date(exported)
    # The draft is not published: the translator submits it from the editor.
    french_statement.page.refresh_from_db()
    assert not french_statement.page.live


# msgfmt


def test_exported_files_pass_msgfmt(
    french_statement, second_statement, french, tmp_path, french_translator
):
    page = english_page(french_statement)
    import_po(
        translated(
            str(export_po([page], french)), {"We disagree with him deeply.": "100 % d'accord"}
        ),
        french,
        french_translator,
    )
    one = str(export_po([page], french))
    batch = export_po([page, second_statement], french)

    code, errors = msgfmt(one, tmp_path)
    print("one page:", code, errors.strip() or "no message")
    assert code == 0, errors
    code, errors = msgfmt(str(batch), tmp_path)
    print("batch of two:", code, errors.strip() or "no message", f"{len(batch)} entries")
    assert code == 0, errors

    assert {"Language", "X-Translation-" + str(french_statement.translation.uuid)} <= set(
        batch.metadata
    )
    assert batch.metadata["Language"] == "fr"
    assert len([key for key in batch.metadata if key.startswith("X-Translation-")]) == 2
    msgids = [entry.msgid for entry in batch]
    assert "Letters reach 80% of prisoners\nwithin a month." in msgids
    assert msgids.count("Free them.") == 1  # twice in one field: one entry
    keys = [(entry.msgctxt, entry.msgid) for entry in batch]
    assert len(keys) == len(set(keys))
    # The page that had no French translation got one, as a draft.
    french_draft = second_statement.get_translation(french)
    assert not french_draft.live
    assert Translation.objects.filter(
        source__object_id=second_statement.translation_key, target_locale=french
    ).exists()


def test_a_page_already_in_the_target_language_is_refused(french_statement, french):
    with pytest.raises(POExportError) as refusal:
        export_po([french_statement.page], french)
    print("refused:", refusal.value)
    assert "already in French" in str(refusal.value)


# Refusals


def test_wrong_locale_is_refused(french_statement, french, german, editor):
    content = str(export_po([english_page(french_statement)], french))
    assert_refused(translated(content, TRANSLATIONS), german, editor, "“fr”", "German")


def test_stale_source_is_refused(french_statement, french, french_translator):
    page = english_page(french_statement)
    content = translated(str(export_po([page], french)), TRANSLATIONS)

    page.body = statement_body(
        "On 26 July 2023 the FSB detained Boris Kagarlitsky.",
        "We disagree with him on many things.",
        "We call for his release.",
    )
    page.save_revision().publish()
    french_statement.source.update_from_db()  # what "Sync translated pages" does

    assert_refused(content, french, french_translator, "has changed since", page.title)


def test_changed_msgid_is_refused(french_statement, french, french_translator):
    content = translated(str(export_po([english_page(french_statement)], french)), TRANSLATIONS)
    content = content.replace('msgid "We disagree with him deeply."', 'msgid "We agree."')
    assert_refused(content, french, french_translator, "We agree.", "no longer matches")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'msgid "x"\nmsgstr "y"\nthis is not a PO file\n', ["not a valid PO file", "line 3"]),
        (b"\xff\xfe\x00garbage", ["not a valid PO file"]),
        (b'msgid ""\nmsgstr "Language: fr\\n"\n\nmsgid "x"\nmsgstr "y"\n', ["not exported"]),
        (b"", ["does not say which language"]),
    ],
    ids=["syntax-error", "binary", "foreign-po", "empty"],
)
def test_malformed_po_is_refused(french_statement, french, french_translator, content, words):
    assert_refused(content, french, french_translator, *words)


def test_truncated_file_is_refused(french_statement, french, french_translator):
    content = translated(str(export_po([english_page(french_statement)], french)), TRANSLATIONS)
    cut = content[: content.index("We disagree with him deeply.") + 10]
    assert_refused(cut, french, french_translator, "not a valid PO file", "syntax error")


def test_unknown_translation_is_refused(french_statement, french, french_translator):
    content = translated(str(export_po([english_page(french_statement)], french)), TRANSLATIONS)
    content = content.replace(str(french_statement.translation.uuid), str(uuid.uuid4()))
    assert_refused(content, french, french_translator, "does not exist")


def test_translation_into_another_language_is_refused(
    english_statement, french_tree, german, editor
):
    content = str(export_po([english_statement], german, user=editor))
    content = content.replace('"Language: de\\n"', '"Language: fr\\n"')
    french = Locale.objects.get(language_code="fr")
    assert_refused(content, french, editor, "into German, not French")


def test_french_translator_cannot_import_into_german(
    english_statement, french_tree, german, editor, french_translator
):
    content = translated(str(export_po([english_statement], german, user=editor)), TRANSLATIONS)
    assert_refused(content, german, french_translator, "You may not edit", "German")


def test_translator_cannot_import_a_page_he_may_not_edit(french_statement, french, roles):
    """A German translator has no French pages, even with a French file."""
    german_translator = make_user("uebersetzer", translators_group_name("de"))
    content = translated(str(export_po([english_page(french_statement)], french)), TRANSLATIONS)
    assert_refused(content, french, german_translator, "You may not edit", "French")


# Admin views


def upload(content, name="file.po"):
    return SimpleUploadedFile(name, content.encode("utf-8"), "text/x-gettext-translation")


def test_french_translator_exports_and_imports_in_the_admin(
    client, french_statement, french, french_translator
):
    page = english_page(french_statement)
    client.force_login(french_translator)
    export_url = reverse("translations:po_export") + f"?page={page.pk}"

    form = client.get(export_url)
    assert form.status_code == 200
    languages = [str(locale) for locale in form.context["form"].fields["locale"].queryset]
    print("languages offered to the French translator:", languages)
    assert [locale.language_code for locale in form.context["form"].fields["locale"].queryset] == [
        "fr"
    ]
    assert page.title in form.content.decode()

    download = client.post(export_url, {"locale": "fr", "pages": [page.pk]})
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="why-solidarity-fr.po"'
    content = download.content.decode("utf-8")
    assert '"Language: fr\\n"' in content

    response = client.post(
        reverse("translations:po_import"),
        {"locale": "fr", "file": upload(translated(content, TRANSLATIONS))},
        follow=True,
    )
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    print("import message:", shown)
    assert response.status_code == 200
    assert any("3 added, 0 changed" in message for message in shown)
    assert StringTranslation.objects.filter(locale=french, tool_name="PO file").count() == 3


def test_french_translator_is_refused_english(
    client, french_source_statement, french_translator, editor
):
    english = Locale.objects.get(language_code="en")
    english_file = str(export_po([french_source_statement], english, user=editor))
    client.force_login(french_translator)
    before = snapshot()

    export = client.post(
        reverse("translations:po_export") + f"?page={french_source_statement.pk}",
        {"locale": "en", "pages": [french_source_statement.pk]},
    )
    assert export.status_code == 200
    assert "Content-Disposition" not in export
    assert "locale" in export.context["form"].errors

    form_refusal = client.post(
        reverse("translations:po_import"), {"locale": "en", "file": upload(english_file)}
    )
    assert "locale" in form_refusal.context["form"].errors

    refusal = client.post(
        reverse("translations:po_import"), {"locale": "fr", "file": upload(english_file)}
    )
    shown = [str(message) for message in get_messages(refusal.wsgi_request)]
    print("refusal message:", shown)
    assert refusal.status_code == 200
    assert any("Nothing was imported" in m and "not French" in m for m in shown)
    assert snapshot() == before


def test_editor_sees_every_language_and_exports_a_batch(
    client, french_statement, second_statement, editor
):
    client.force_login(editor)
    page = english_page(french_statement)
    url = reverse("translations:po_export") + f"?page={page.pk}&page={second_statement.pk}"
    form = client.get(url)
    assert form.context["form"].fields["locale"].queryset.count() == 7
    download = client.post(url, {"locale": "fr", "pages": [page.pk, second_statement.pk]})
    assert download["Content-Disposition"] == 'attachment; filename="batch-fr.po"'


# Management command


def test_command_exports_and_imports(french_statement, french, french_translator, tmp_path, capsys):
    page = english_page(french_statement)
    path = tmp_path / "statement-fr.po"
    call_command("translation_po", "export", "--locale", "fr", "--page", str(page.pk), "-o", path)
    path.write_text(translated(path.read_text(encoding="utf-8"), TRANSLATIONS), encoding="utf-8")
    call_command("translation_po", "import", "--locale", "fr", "--user", "traductrice", path)
    output = capsys.readouterr().out
    print(output)
    assert "Wrote 5 strings of 1 page(s)" in output
    assert "Added 3, changed 0, unchanged 0." in output

    with pytest.raises(CommandError, match="not German"):
        call_command("translation_po", "import", "--locale", "de", "--user", "traductrice", path)
