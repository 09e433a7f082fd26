"""What translators are given to translate: text, segment by segment; never the
facts that must stay the same in every language."""

import datetime

from wagtail_localize.models import OverridableSegment, StringSegment, TranslationSource

from tests import factories
from tests.translations.conftest import start_translation, statement_body

# Fields whose value is the same in every language: a translator never sees them.
SYNCHRONISED = {
    "slug",
    "original_url",
    "first_published_on",
    "original_language",
    "countries",
    "country",
    "status",
    "started_on",
    "ended_on",
    "native_name",
    "native_language",
    "other_spellings",
    "postal_address",
    "letter_language",
    "hide_photo",
    "short_name",
    "website",
    "languages",
}


def fields_offered(instance):
    """The top-level fields of the segments wagtail-localize extracts for translators."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    strings = StringSegment.objects.filter(source=source).select_related("context", "string")
    overridable = OverridableSegment.objects.filter(source=source).select_related("context")
    return (
        [(segment.context.path, segment.string.data) for segment in strings],
        {segment.context.path.split(".")[0] for segment in overridable},
    )


def top_fields(paths):
    return {path.split(".")[0] for path, _text in paths}


def test_statement_text_is_offered_paragraph_by_paragraph(english_statement):
    strings, overridable = fields_offered(english_statement)
    assert top_fields(strings) == {"title", "summary", "body"}
    body = [text for path, text in strings if path.startswith("body.")]
    assert body == [
        "On 26 July 2023 the FSB detained Boris Kagarlitsky.",
        "We disagree with him deeply.",
        "We call for his release.",
    ]
    assert not (top_fields(strings) | overridable) & SYNCHRONISED


def test_prisoner_charges_and_timeline_are_translated_one_by_one(site_tree):
    prisoner = factories.PrisonerPageFactory(
        parent=site_tree.prisoners,
        native_name="Борис Кагарлицкий",
        timeline=[
            factories.timeline_event("2023-07-26", "detention", "Detained by the FSB."),
            factories.timeline_event("2023-08-01", "transfer", "Transferred to Syktyvkar."),
        ],
    )
    factories.PrisonerChargeFactory(
        prisoner=prisoner, article="205.2", description="Justification of terrorism"
    )
    prisoner.save_revision().publish()
    strings, overridable = fields_offered(prisoner)
    texts = [text for _path, text in strings]
    assert "Detained by the FSB." in texts
    assert "Transferred to Syktyvkar." in texts
    assert "Justification of terrorism" in texts
    assert "2023-07-26" not in " ".join(texts)  # dates stay as they are
    assert "Борис Кагарлицкий" not in texts
    assert not (top_fields(strings) | overridable) & SYNCHRONISED


def test_campaign_and_country_pages_keep_their_facts(site_tree):
    campaign = factories.CampaignPageFactory(
        parent=site_tree.campaigns, ended_on=datetime.date(2024, 1, 1)
    )
    country = factories.CountryPageFactory(parent=site_tree.countries, country="BY")
    for page in (campaign, country):
        strings, overridable = fields_offered(page)
        assert not (top_fields(strings) | overridable) & SYNCHRONISED
    assert "title" not in top_fields(fields_offered(country)[0])  # the country's own name


def test_organisation_name_and_description_only(english):
    organisation = factories.OrganisationFactory(
        locale=english,
        name="Russian Socialist Movement",
        short_name="RSD",
        website="https://rsd.example.org/",
        description="<p>A socialist organisation in Russia.</p>",
    )
    strings, overridable = fields_offered(organisation)
    assert top_fields(strings) == {"name", "description"}
    assert not overridable & SYNCHRONISED


def test_synchronised_facts_follow_the_source(english_statement, french_tree, french):
    work = start_translation(english_statement, french)
    english_statement.original_url = "https://rsd.example.org/corrected/"
    english_statement.countries = ["RU", "BY"]
    english_statement.save_revision().publish()
    work.source.update_from_db()
    work.translation.save_target(publish=False)
    french_page = english_statement.get_translation(french).specific
    assert french_page.original_url == "https://rsd.example.org/corrected/"
    assert sorted(str(code) for code in french_page.countries) == ["BY", "RU"]
    assert french_page.slug == english_statement.slug


def test_a_statement_body_from_a_feed_in_russian_is_a_source(site_tree, french_tree):
    """Any language can be the source (here Russian), with the same segments."""
    page = factories.StatementPageFactory(
        parent=site_tree.statements, body=statement_body("Свободу политзаключённым.")
    )
    strings, _overridable = fields_offered(page)
    assert "Свободу политзаключённым." in [text for _path, text in strings]
