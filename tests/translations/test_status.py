"""The translation status overview: states, filters, counts, and its query budget."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from tests import factories
from tests.conftest import translate_page
from tests.translations.conftest import start_translation
from translations import status
from translations.review import send_to_review
from translations.status import translation_matrix

STATUS_QUERY_BUDGET = 22


def cell(page, locale):
    rows = translation_matrix(locales=[locale])
    (row,) = [row for row in rows if row.translation_key == page.translation_key]
    return row.cells[locale.pk]


def test_each_state_as_the_translation_moves_on(french_statement, english_statement, french):
    german = Locale.objects.get(language_code="de")
    assert cell(english_statement, german).state == status.MISSING
    assert cell(english_statement, Locale.objects.get(language_code="en")).state == status.SOURCE

    french_cell = cell(english_statement, french)
    assert french_cell.state == status.IN_PROGRESS
    assert (french_cell.segments_total, french_cell.segments_translated) == (5, 0)

    send_to_review(french_statement.page, None)
    assert cell(english_statement, french).state == status.IN_REVIEW

    french_statement.page.current_workflow_state.cancel()
    french_statement.page.get_latest_revision().publish()
    # Published, but its strings were never translated: still work to do.
    assert cell(english_statement, french).state == status.IN_PROGRESS

    for segment in french_statement.source.stringsegment_set.select_related("string", "context"):
        segment.string.translations.create(
            locale=french, context=segment.context, data=f"FR {segment.string.data}"
        )
    assert cell(english_statement, french).state == status.UP_TO_DATE

    english_statement.title = "A new title"
    english_statement.save_revision().publish()
    assert cell(english_statement, french).state == status.STALE

    french_statement.source.update_from_db()  # "Sync translated pages"
    synced = cell(english_statement, french)
    assert synced.state == status.IN_PROGRESS
    assert synced.segments_missing == 1  # the new title only


def test_view_filters_and_counts(
    client, french_statement, english_statement, french_translator, french
):
    client.force_login(french_translator)
    url = reverse("translations:status")
    html = client.get(url).content.decode()
    # The translator's own language comes first.
    assert html.index('data-locale="fr"') < html.index('data-locale="de"')

    only_french = client.get(url, {"locale": "fr", "state": "in_progress"}).content.decode()
    assert "Why solidarity with Boris Kagarlitsky" in only_french
    assert 'data-locale="de"' not in only_french

    # The listed pages go to translators' own tools in one PO file.
    export_link = reverse("translations:po_export") + f"?locale=fr&amp;page={english_statement.pk}"
    assert export_link in only_french
    export_form = client.get(export_link.replace("&amp;", "&"))
    assert export_form.status_code == 200
    assert english_statement.title in export_form.content.decode()

    nothing = client.get(url, {"locale": "fr", "state": "stale"}).content.decode()
    assert "Why solidarity with Boris Kagarlitsky" not in nothing
    assert "No page matches these filters." in nothing

    page_type = client.get(url, {"page_type": "999999"})
    assert page_type.status_code == 200  # an unknown value is ignored, not a 500


def test_dashboard_panel_shows_the_users_languages_only(
    client, french_statement, french_translator
):
    client.force_login(french_translator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Translation work in your languages" in html
    panel = html[html.index("translation-work-heading") :]
    assert "French" in panel
    assert "German" not in panel


def add_statements(site_tree, numbers):
    """English statements with French translations in every state and Russian copies
    of some: cells of all kinds across the 7 locales (only pages that are translated
    get a published revision, which keeps the 100-page case quick)."""
    french = Locale.objects.get(language_code="fr")
    russian = Locale.objects.get(language_code="ru")
    publisher = factories.OrganisationFactory()
    for number in numbers:
        statement = factories.StatementPageFactory(
            parent=site_tree.statements,
            title=f"Statement {number}",
            slug=f"statement-{number}",
            publisher=publisher,
        )
        if number % 10 == 0:
            statement.save_revision().publish()
            work = start_translation(statement, french)
            if number % 20 == 0:
                send_to_review(work.page, None)
        elif number % 5 == 1:
            statement.save_revision().publish()
            translate_page(statement, french)
            if number % 10 == 1:
                translate_page(statement, russian)


def status_view_queries(client):
    url = reverse("translations:status")
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert 'data-state="in_review"' in response.content.decode()
    return len(queries)


def test_query_count_does_not_grow_with_pages(client, site_tree, french_tree, django_user_model):
    russian = Locale.objects.get(language_code="ru")
    for page in vars(site_tree).values():
        translate_page(page, russian)
    client.force_login(
        django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    )
    add_statements(site_tree, range(10))
    with_10 = status_view_queries(client)
    add_statements(site_tree, range(10, 100))
    with_100 = status_view_queries(client)
    print(f"\nstatus view, 7 locales: {with_10} queries at 10 pages, {with_100} at 100")
    assert with_10 == with_100
    assert with_100 <= STATUS_QUERY_BUDGET


def test_the_source_page_editor_shows_each_translations_state(
    client, french_statement, english_statement, editor
):
    send_to_review(french_statement.page, None)
    client.force_login(editor)
    english_editor = client.get(reverse("wagtailadmin_pages:edit", args=[english_statement.pk]))
    html = english_editor.content.decode()
    assert "Translations of this page" in html
    assert 'data-locale="fr" data-state="in_review"' in html
    assert 'data-locale="de" data-state="missing"' in html
    # The translation's own editor shows its source instead.
    french_editor = client.get(reverse("wagtailadmin_pages:edit", args=[french_statement.page.pk]))
    french_html = french_editor.content.decode()
    assert "Translations of this page" not in french_html
    assert "Translated from the English version" in french_html
