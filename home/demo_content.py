"""The demo site: the Kagarlitsky case from ``fixtures/seed-facts.json`` and a few
clearly fictional examples, in English with French and Russian translations made
through wagtail-localize.

Every step finds what an earlier run made before creating anything, so running it
twice leaves the same tree; pages that already exist are left as editors left them.
"""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.operations import TranslationCreator

from campaigns.models import CampaignPage, CountryPage, PrisonerPage
from home.demo_translations import DEMO_TRANSLATIONS
from home.models import HomePage
from network.models import FeedSource, Organisation, StatementPage, Topic
from network.syndication.review import statement_review_workflow
from tests import factories
from translations.roles import ensure_roles

SEED_FACTS = Path(__file__).parent / "fixtures" / "seed-facts.json"
TRANSLATED_LANGUAGES = ["fr", "ru"]
FICTIONAL = "Fictional example, not a real person or case: it shows how the site works."


def load_seed_facts() -> dict:
    return json.loads(SEED_FACTS.read_text(encoding="utf-8"))


def paragraphs(*texts):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def child_page(parent, model, slug, factory, **fields):
    """The child of ``parent`` with this slug, created with ``factory`` if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = factory(parent=parent, slug=slug, **fields)
    page.save_revision().publish()
    return page, True


def organisation(locale, short_name, **fields):
    found = Organisation.objects.filter(locale=locale, short_name=short_name).first()
    return found or factories.OrganisationFactory(locale=locale, short_name=short_name, **fields)


def topic(locale, slug, name):
    found = Topic.objects.filter(locale=locale, slug=slug).first()
    return found or factories.TopicFactory(locale=locale, slug=slug, name=name)


class DemoContent:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.english = Locale.objects.get(language_code="en")
        self.facts = load_seed_facts()

    def say(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    @transaction.atomic
    def build(self):
        home = self.home_page()
        indexes = self.index_pages(home)
        organisations = self.organisations()
        topics = self.topics()
        russia = self.country_page(indexes["countries"], "RU")
        prisoner = self.kagarlitsky(indexes["prisoners"])
        campaign = self.campaign(indexes["campaigns"], prisoner, organisations)
        statement = self.statement(indexes["statements"], organisations, topics, prisoner, campaign)
        self.fictional_examples(indexes, organisations)
        for page in [home, *indexes.values(), russia, prisoner, campaign, statement]:
            self.translate(page)
        self.feed_sources(indexes["statements"], organisations)
        ensure_roles()
        self.say("Groups for editors, moderators, translators and reviewers are in place.")
        return home

    # The tree ---------------------------------------------------------------------

    def home_page(self):
        root = Page.get_first_root_node()
        existing = HomePage.objects.filter(locale=self.english, depth=2).first()
        if existing is None:
            # Wagtail's own "Welcome" page holds the slug "home" on a fresh install.
            Page.objects.filter(depth=2, slug="home").exclude(
                content_type__model="homepage"
            ).delete()
            existing = factories.HomePageFactory(
                parent=root,
                title="Solidarity with political prisoners",
                intro=(
                    "<p>We are an international network of left and anti-war groups. We "
                    "campaign for people jailed for what they said, wrote or organised, keep a "
                    "profile of each of them, and republish statements from partner groups "
                    "with their original attribution.</p>"
                ),
            )
            existing.save_revision().publish()
            self.say("Created the home page.")
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
                "root_page": existing,
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )
        return existing

    def index_pages(self, home):
        specs = {
            "campaigns": (
                factories.CampaignIndexPageFactory,
                "Campaigns",
                "<p>What we are asking for, and for whom.</p>",
            ),
            "prisoners": (
                factories.PrisonerIndexPageFactory,
                "Political prisoners",
                "<p>People held for their political activity: the state of each case and how "
                "to write to them.</p>",
            ),
            "statements": (
                factories.StatementIndexPageFactory,
                "Statements",
                "<p>Texts from partner groups, republished with the name of the group that "
                "published them first.</p>",
            ),
            "countries": (
                factories.CountryIndexPageFactory,
                "Countries",
                "<p>Campaigns, prisoners and statements, country by country.</p>",
            ),
        }
        pages = {}
        for slug, (factory, title, intro) in specs.items():
            model = factory._meta.model
            pages[slug], _created = child_page(home, model, slug, factory, title=title, intro=intro)
        return pages

    def organisations(self):
        found = {}
        for facts in self.facts["organisations"]:
            found[facts["key"]] = organisation(
                self.english,
                facts["short_name"],
                name=facts["name"],
                native_name=facts.get("native_name", ""),
                countries=[facts["country"]] if "country" in facts else [],
                languages=", ".join(facts["languages"]),
                website=f"https://{facts['key']}.example.org/",
                description=ORGANISATION_DESCRIPTIONS[facts["key"]],
            )
        found["example"] = organisation(
            self.english,
            "ESC",
            name="Example Solidarity Committee (fictional)",
            languages="en",
            description=f"<p>{FICTIONAL}</p>",
        )
        return found

    def topics(self):
        return [
            topic(self.english, name.replace(" ", "-"), name.capitalize())
            for name in self.facts["statement"]["topics"]
        ]

    def country_page(self, countries_index, code, intro=""):
        page, _created = child_page(
            countries_index,
            CountryPage,
            code.lower(),
            factories.CountryPageFactory,
            country=code,
            intro=intro or f"<p>{COUNTRY_INTRO}</p>",
        )
        return page

    # The real case --------------------------------------------------------------------

    def kagarlitsky(self, prisoners_index):
        facts = self.facts["prisoner"]
        page, created = child_page(
            prisoners_index,
            PrisonerPage,
            "boris-kagarlitsky",
            factories.PrisonerPageFactory,
            title=facts["name"],
            native_name=facts["native_name"],
            native_language="ru",
            other_spellings="\n".join(facts["other_spellings"]),
            country=facts["country"],
            region=facts["home_city"],
            summary=(
                "Left-wing theorist, activist and commentator. Since February 2022 he has "
                "publicly condemned the Russian invasion of Ukraine from inside Russia."
            ),
            listing_summary="Left-wing theorist held on a charge of justifying terrorism.",
            place_of_detention="Pre-trial detention centre, Syktyvkar (Komi Republic)",
            timeline=[
                factories.timeline_event(
                    "1980-01-01",
                    "earlier_repression",
                    "Member of the underground young socialists group, repressed by the KGB.",
                    precision="decade",
                ),
                factories.timeline_event("2023-07-26", "detention", "Detained by the FSB."),
                factories.timeline_event(
                    "2023-07-01",
                    "transfer",
                    "Transferred from Moscow to a pre-trial detention centre in Syktyvkar, "
                    "Komi Republic. Custody was set until at least late September 2023.",
                    precision="month",
                ),
                factories.timeline_event(
                    "2023-07-01",
                    "search",
                    "Colleagues from the Rabkor YouTube channel were searched and questioned "
                    "in Moscow, Yekaterinburg and Penza.",
                    precision="month",
                ),
            ],
        )
        if created:
            factories.PrisonerChargeFactory(
                prisoner=page,
                description=facts["charge"].capitalize(),
                maximum_sentence_years=facts["maximum_sentence_years"],
            )
            page.save_revision().publish()
        return page

    def campaign(self, campaigns_index, prisoner, organisations):
        facts = self.facts["campaign"]
        page, created = child_page(
            campaigns_index,
            CampaignPage,
            "free-boris-kagarlitsky",
            factories.CampaignPageFactory,
            title=facts["title"],
            summary=(
                "We call for the release of Boris Kagarlitsky and of everyone jailed in "
                "Russia for opposing the war."
            ),
            countries=facts["countries"],
            started_on=datetime.date.fromisoformat(facts["started"]),
            body=paragraphs(
                "Boris Kagarlitsky was detained by the FSB on 26 July 2023 and faces up to "
                "seven years in prison for justification of terrorism.",
                "He is one of many. Write to the prisoners, share their cases, and ask your "
                "organisation to endorse this campaign.",
            ),
        )
        if created:
            factories.CampaignPrisonerFactory(campaign=page, prisoner=prisoner)
            for key in facts["endorsed_by"]:
                factories.CampaignEndorsementFactory(campaign=page, organisation=organisations[key])
            page.save_revision().publish()
        return page

    def statement(self, statements_index, organisations, topics, prisoner, campaign):
        facts = self.facts["statement"]
        page, created = child_page(
            statements_index,
            StatementPage,
            "why-solidarity-with-boris-kagarlitsky",
            factories.StatementPageFactory,
            title=facts["title"],
            publisher=organisations[facts["publisher"]],
            shares_view_of=organisations[facts["shares_view_of"]],
            first_published_on=datetime.date.fromisoformat(facts["first_published"]),
            original_language=facts["original_language"],
            original_url="https://rsd.example.org/2023/07/solidarity-with-boris-kagarlitsky/",
            countries=facts["countries"],
            summary=(
                "The Russian Socialist Movement shares the Posle collective's view: despite "
                "deep disagreements, Boris Kagarlitsky deserves the solidarity of everyone "
                "who opposes the war."
            ),
            body=paragraphs(
                "On 26 July 2023 the FSB detained Boris Kagarlitsky. He is charged with "
                "justification of terrorism, which carries up to seven years in prison, and "
                "has been moved to a pre-trial detention centre in Syktyvkar.",
                "We disagree with him deeply, above all about his support for the annexation "
                "of Crimea in 2014. That does not change what this prosecution is: the "
                "punishment of a man who spoke against the war from inside Russia.",
                "We call for an international campaign for his release and for the release "
                "of all political prisoners in Russia.",
            ),
        )
        if created:
            factories.StatementRepublicationFactory(
                statement=page,
                organisation=organisations[facts["republished_by"]],
                republished_on=datetime.date.fromisoformat(facts["republished_on"]),
                url="https://essf.example.org/spip.php?article67801",
            )
            for item in topics:
                factories.StatementTopicFactory(statement=page, topic=item)
            factories.StatementPrisonerLinkFactory(statement=page, prisoner=prisoner)
            factories.StatementCampaignLinkFactory(statement=page, campaign=campaign)
            page.save_revision().publish()
        return page

    # Fictional examples, so that browsing by country has something to show -----------

    def fictional_examples(self, indexes, organisations):
        for code in ("BY", "TR", "IR"):
            self.country_page(indexes["countries"], code)
        held, _ = child_page(
            indexes["prisoners"],
            PrisonerPage,
            "example-alex-example",
            factories.PrisonerPageFactory,
            title="Alex Example (fictional)",
            country="BY",
            summary=f"A trade unionist. {FICTIONAL}",
            listing_summary=FICTIONAL,
            place_of_detention="Example detention centre No. 1",
            postal_address="Example detention centre No. 1\nExample Street 1\n000000 Example City",
            letter_language="ru",
            letter_rules=(
                "<ul><li>Letters are read by the prison censor: keep to personal news.</li>"
                "<li>Write your return address on the envelope.</li></ul>"
            ),
            timeline=[
                factories.timeline_event("2024-03-12", "detention", "Detained at home."),
                factories.timeline_event("2027-02-15", "hearing", "Next court hearing."),
            ],
        )
        child_page(
            indexes["prisoners"],
            PrisonerPage,
            "example-sam-sample",
            factories.PrisonerPageFactory,
            title="Sam Sample (fictional)",
            country="TR",
            summary=f"A student journalist. {FICTIONAL}",
            listing_summary=FICTIONAL,
            sentence="Three years (fictional)",
            timeline=[
                factories.timeline_event("2022-05-03", "detention", "Detained after a protest."),
                factories.timeline_event("2023-01-20", "verdict", "Sentenced."),
            ],
        )
        child_page(
            indexes["prisoners"],
            PrisonerPage,
            "example-noor-placeholder",
            factories.PrisonerPageFactory,
            title="Noor Placeholder (fictional)",
            country="IR",
            summary=f"A teacher and union member. {FICTIONAL}",
            listing_summary=FICTIONAL,
            timeline=[
                factories.timeline_event("2021-09-01", "detention", "Detained."),
                factories.timeline_event("2024-02-10", "release", "Released on bail."),
            ],
        )
        campaign, created = child_page(
            indexes["campaigns"],
            CampaignPage,
            "example-free-alex-example",
            factories.CampaignPageFactory,
            title="Free Alex Example (fictional example)",
            summary=FICTIONAL,
            listing_summary=FICTIONAL,
            countries=["BY"],
            started_on=datetime.date(2024, 3, 20),
        )
        if created:
            factories.CampaignPrisonerFactory(campaign=campaign, prisoner=held)
            factories.CampaignEndorsementFactory(
                campaign=campaign, organisation=organisations["example"]
            )
            campaign.save_revision().publish()
        statement, created = child_page(
            indexes["statements"],
            StatementPage,
            "example-solidarity-with-trade-unionists",
            factories.StatementPageFactory,
            title="Solidarity with imprisoned trade unionists (fictional example)",
            summary=FICTIONAL,
            listing_summary=FICTIONAL,
            publisher=organisations["example"],
            first_published_on=datetime.date(2024, 3, 21),
            original_url="https://example.org/statements/trade-unionists/",
            countries=["BY"],
            body=paragraphs(FICTIONAL),
        )
        if created:
            factories.StatementPrisonerLinkFactory(statement=statement, prisoner=held)
            factories.StatementCampaignLinkFactory(statement=statement, campaign=campaign)
            statement.save_revision().publish()

    # Partner feeds ----------------------------------------------------------------------

    def feed_sources(self, english_statements, organisations):
        """The three partners' sample feeds, served by this site at /demo-feeds/, polled
        as drafts for review so that a newcomer sees statements arrive."""
        statement_review_workflow()
        russian = Locale.objects.get(language_code="ru")
        russian_statements = english_statements.get_translation(russian)
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        for key, file_name, index in [
            ("posle", "posle-atom.xml", russian_statements),
            ("rsd", "rsd-rss2.xml", russian_statements),
            ("essf", "essf-spip-rss.xml", english_statements),
        ]:
            FeedSource.objects.update_or_create(
                organisation=organisations[key],
                statement_index=index,
                defaults={
                    "url": f"{base_url}/demo-feeds/{file_name}",
                    "locale": index.locale,
                    "trust": FeedSource.Trust.REVIEW,
                    "poll_interval_minutes": 60,
                },
            )

    # Translations ----------------------------------------------------------------------

    def translate(self, page):
        """Translate a page (and the snippets it refers to) through wagtail-localize,
        filling its strings from DEMO_TRANSLATIONS as a translator's PO file would."""
        locales = [
            locale
            for locale in Locale.objects.filter(language_code__in=TRANSLATED_LANGUAGES)
            if not page.has_translation(locale)
        ]
        if not locales:
            return
        creator = TranslationCreator(user=None, target_locales=locales)
        creator.create_translations(page)
        for translations in creator.mappings.values():
            for translation in translations:
                strings = DEMO_TRANSLATIONS[translation.target_locale.language_code]
                po = translation.export_po()
                for entry in po:
                    entry.msgstr = strings.get(entry.msgid, "")
                translation.import_po(po, tool_name="demo content")
                publish_translation(translation)
        codes = ", ".join(locale.language_code for locale in locales)
        self.say(f"Translated “{page.title}” into {codes}.")


def publish_translation(translation):
    """Save the translated object and publish it now.

    ``save_target(publish=True)`` defers a page's publication to the end of the
    transaction with the page as it was then, which would undo the child counts of
    pages translated earlier in the same transaction; publishing the fresh latest
    revision ourselves avoids that.
    """
    instance = translation.source.get_source_instance()
    if not isinstance(instance, Page):
        translation.save_target(publish=True)
        return
    translation.save_target(publish=False)
    translated = instance.get_translation(translation.target_locale)
    translated.get_latest_revision().publish()


ORGANISATION_DESCRIPTIONS = {
    "essf": "<p>A network hub that republishes partner statements and sends newsletters in "
    "English and French.</p>",
    "rsd": "<p>A socialist organisation in Russia.</p>",
    "posle": "<p>A collective and media outlet.</p>",
}
COUNTRY_INTRO = "Campaigns, prisoner profiles and statements about this country."
