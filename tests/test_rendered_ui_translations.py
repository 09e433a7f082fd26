"""No English left in the French and Russian interface.

Every page type is rendered in French and in Russian, with its content written in
that language, and the text a reader sees (text, ``aria-label``, ``title``,
``placeholder``, ``alt``, the meta description) is searched for the English of every
message of the UI catalogue that has a different translation. Dates, numbers and
country names must come out localised. Two checks on the templates themselves catch
what rendering cannot: English typed into a template without a translation tag, and
a message of the public templates that is missing from a catalogue.
"""

import ast
import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType
from django.utils import timezone
from django.utils.translation.template import templatize
from wagtail.models import Locale

from campaigns.models import CampaignIndexPage, PrisonerCharge, PrisonerIndexPage
from network.models import StatementIndexPage, StatementTopic
from search import views as search_views
from tests import factories
from tests.conftest import translate_page
from tests.factories import timeline_event

BASE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = BASE_DIR / "locale"
DETAINED_ON = datetime.date(2023, 7, 25)

# Content of the French and Russian trees: what a translator would have written.
CONTENT = {
    "fr": {
        "home": "Solidarité avec les prisonniers politiques",
        "intro": "<p>Un réseau international de groupes de gauche et anti-guerre.</p>",
        "campaigns": "Campagnes",
        "prisoners": "Prisonniers",
        "statements": "Déclarations",
        "countries": "Pays",
        "campaign": "Libérez Boris Kagarlitsky",
        "campaign_summary": "Libérez-le, libérez-les tous.",
        "petition": "Nous demandons sa libération immédiate.",
        "petition_target": "la procureure générale",
        "won_campaign": "Libérez les syndicalistes",
        "prisoner": "Boris Kagarlitsky",
        "prisoner_summary": "Sociologue, rédacteur en chef de Rabkor.",
        "region": "république des Komis",
        "place": "colonie pénitentiaire no 7",
        "sentence": "cinq ans de colonie pénitentiaire",
        "detention": "Arrêté à Moscou par le FSB.",
        "transfer": "Transféré à Syktyvkar.",
        "hearing": "Audience en appel.",
        "charge": "Apologie du terrorisme",
        "letter_rules": "<p>Écrivez en russe, sans parler de l’affaire.</p>",
        "other_prisoner": "Maria Ponomarenko",
        "statement": "Solidarité avec Boris Kagarlitsky",
        "statement_summary": "Le Mouvement socialiste russe partage le point de vue de Posle.",
        "paragraph": "<p>Nous appelons à une campagne internationale.</p>",
        "quote": "La solidarité n’a pas de frontières.",
        "authors": "Collectif Posle",
        "topic": "Répression",
        "other_statement": "Pour une campagne internationale",
        "country_intro": "<p>Les prisonniers politiques en Russie.</p>",
        "description": "Une campagne pour Boris Kagarlitsky et tous les prisonniers politiques.",
    },
    "ru": {
        "home": "Солидарность с политзаключёнными",
        "intro": "<p>Международная сеть левых и антивоенных групп.</p>",
        "campaigns": "Кампании",
        "prisoners": "Заключённые",
        "statements": "Заявления",
        "countries": "Страны",
        "campaign": "Свободу Борису Кагарлицкому",
        "campaign_summary": "Свободу ему и всем политзаключённым.",
        "petition": "Мы требуем его немедленного освобождения.",
        "petition_target": "генеральному прокурору",
        "won_campaign": "Свободу профсоюзным активистам",
        "prisoner": "Борис Кагарлицкий",
        "prisoner_summary": "Социолог, главный редактор «Рабкора».",
        "region": "Республика Коми",
        "place": "исправительная колония № 7",
        "sentence": "пять лет колонии",
        "detention": "Задержан ФСБ в Москве.",
        "transfer": "Этапирован в Сыктывкар.",
        "hearing": "Заседание апелляционного суда.",
        "charge": "Оправдание терроризма",
        "letter_rules": "<p>Пишите по-русски, не обсуждайте дело.</p>",
        "other_prisoner": "Мария Пономаренко",
        "statement": "Солидарность с Борисом Кагарлицким",
        "statement_summary": "Российское социалистическое движение разделяет позицию «После».",
        "paragraph": "<p>Мы призываем к международной кампании.</p>",
        "quote": "У солидарности нет границ.",
        "authors": "Коллектив «После»",
        "topic": "Репрессии",
        "other_statement": "За международную кампанию",
        "country_intro": "<p>Политзаключённые в России.</p>",
        "description": "Кампания за Бориса Кагарлицкого и всех политзаключённых.",
    },
}
LANGUAGES = list(CONTENT)


def body(text):
    return [
        {"type": "paragraph", "value": text["paragraph"]},
        {"type": "quote", "value": {"text": text["quote"], "attribution": "Posle"}},
    ]


def kagarlitsky_timeline(text):
    hearing_on = timezone.localdate() + datetime.timedelta(days=30)
    return [
        timeline_event(DETAINED_ON, "detention", text["detention"]),
        timeline_event(datetime.date(2023, 8, 1), "transfer", text["transfer"], "month"),
        timeline_event(hearing_on, "hearing", text["hearing"]),
    ]


def english_prisoner_fields():
    """The English source texts, which the translations replace."""
    return {
        "summary": "Sociologist, editor of Rabkor.",
        "region": "Komi Republic",
        "place_of_detention": "Penal colony no. 7",
        "sentence": "Five years in a penal colony",
        "letter_rules": "<p>Write in Russian; do not discuss the case.</p>",
        "timeline": kagarlitsky_timeline(
            {"detention": "Detained.", "transfer": "Moved.", "hearing": "Appeal."}
        ),
    }


def english_campaign_fields():
    return {
        "title": "Free Boris Kagarlitsky",
        "summary": "Free him, free them all.",
        "petition_text": "We ask for his immediate release.",
        "petition_target": "the Prosecutor General",
        "body": body({"paragraph": "<p>We call for a campaign.</p>", "quote": "Solidarity."}),
    }


def english_statement_fields():
    return {
        "title": "Solidarity with Boris Kagarlitsky",
        "summary": "RSD shares the view of Posle.",
        "authors": "Posle collective",
        "body": body({"paragraph": "<p>We call for a campaign.</p>", "quote": "Solidarity."}),
    }


def build_english_site(tree):
    """Every page type, with the relations their templates show, in English."""
    posle = factories.OrganisationFactory(name="Posle", short_name="", languages="ru")
    rsd = factories.OrganisationFactory(name="RSD", short_name="", native_name="РСД")
    essf = factories.OrganisationFactory(name="ESSF", short_name="", website="https://essf.org/")
    prisoner = factories.PrisonerPageFactory(
        parent=tree.prisoners,
        slug="boris-kagarlitsky",
        title="Boris Kagarlitsky",
        native_name="Борис Кагарлицкий",
        native_language="ru",
        other_spellings="Kagarlitski\nKagarlitskiy",
        photo=factories.ImageFactory(description="Boris Kagarlitsky", credit="Posle"),
        postal_address="167000, Республика Коми, Сыктывкар",
        letter_language="ru",
        sources=[
            {
                "type": "source",
                "value": {
                    "title": "Posle.media",
                    "url": "https://posle.media/",
                    "published_on": "2023-07-26",
                },
            }
        ],
        **english_prisoner_fields(),
    )
    factories.PrisonerChargeFactory(
        prisoner=prisoner, article="205.2", description="Justification of terrorism"
    )
    factories.PrisonerPageFactory(parent=tree.prisoners, slug="maria-ponomarenko")
    campaign = factories.CampaignPageFactory(
        parent=tree.campaigns,
        slug="free-boris-kagarlitsky",
        image=factories.ImageFactory(description="Boris Kagarlitsky", credit="Posle"),
        **english_campaign_fields(),
    )
    factories.CampaignPageFactory(
        parent=tree.campaigns,
        slug="free-the-unionists",
        status="won",
        ended_on=datetime.date(2024, 3, 1),
    )
    factories.CampaignPrisonerFactory(campaign=campaign, prisoner=prisoner)
    factories.CampaignEndorsementFactory(campaign=campaign, organisation=essf)
    statement = factories.StatementPageFactory(
        parent=tree.statements,
        slug="solidarity-with-boris-kagarlitsky",
        publisher=rsd,
        shares_view_of=posle,
        original_language="ru",
        **english_statement_fields(),
    )
    factories.StatementCoSignerFactory(statement=statement, organisation=posle)
    factories.StatementRepublicationFactory(
        statement=statement, organisation=essf, url="https://essf.org/spip.php?article1"
    )
    factories.StatementTopicFactory(
        statement=statement, topic=factories.TopicFactory(name="Repression")
    )
    factories.StatementPrisonerLinkFactory(statement=statement, prisoner=prisoner)
    factories.StatementCampaignLinkFactory(statement=statement, campaign=campaign)
    factories.StatementPageFactory(
        parent=tree.statements,
        slug="for-an-international-campaign",
        publisher=None,
        first_published_on=datetime.date(2023, 8, 1),
    )
    factories.CountryPageFactory(parent=tree.countries, country="RU")
    # A country with nothing about it yet: its page shows the empty lists.
    factories.CountryPageFactory(parent=tree.countries, country="BY")


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate_site(tree, code):
    """Every page translated into ``code`` and its text rewritten in that language,
    as a translator leaves it once the translation is published."""
    locale = Locale.objects.get(language_code=code)
    text = CONTENT[code]
    pages = {}
    for english in tree.home.get_descendants(inclusive=True).specific().order_by("path"):
        pages[english.slug] = translate_page(english, locale)
    publish(pages[tree.home.slug], title=text["home"], intro=text["intro"])
    for section in ("campaigns", "prisoners", "statements", "countries"):
        publish(pages[section], title=text[section], intro=text["intro"])
    publish(pages["ru"], intro=text["country_intro"])
    publish(
        pages["free-boris-kagarlitsky"],
        title=text["campaign"],
        summary=text["campaign_summary"],
        search_description=text["description"],
        petition_text=text["petition"],
        petition_target=text["petition_target"],
        body=body(text),
    )
    publish(pages["free-the-unionists"], title=text["won_campaign"], summary=text["petition"])
    prisoner = publish(
        pages["boris-kagarlitsky"],
        title=text["prisoner"],
        summary=text["prisoner_summary"],
        region=text["region"],
        place_of_detention=text["place"],
        sentence=text["sentence"],
        letter_rules=text["letter_rules"],
        timeline=kagarlitsky_timeline(text),
    )
    PrisonerCharge.objects.filter(prisoner=prisoner).update(description=text["charge"])
    publish(
        pages["maria-ponomarenko"],
        title=text["other_prisoner"],
        summary=text["prisoner_summary"],
        timeline=kagarlitsky_timeline(text)[:1],
    )
    statement = publish(
        pages["solidarity-with-boris-kagarlitsky"],
        title=text["statement"],
        summary=text["statement_summary"],
        authors=text["authors"],
        body=body(text),
    )
    for link in StatementTopic.objects.filter(statement=statement).select_related("topic"):
        topic = link.topic.copy_for_translation(locale)
        topic.name = text["topic"]
        topic.save()
        StatementTopic.objects.filter(pk=link.pk).update(topic=topic)
    publish(pages["for-an-international-campaign"], title=text["other_statement"], body=body(text))
    return pages


@pytest.fixture
def reader_site(site_tree, monkeypatch):
    """The site in English, French and Russian, with one item per list page so that
    lists show their pagination."""
    for index in (CampaignIndexPage, PrisonerIndexPage, StatementIndexPage):
        monkeypatch.setattr(index, "items_per_page", 1)
    monkeypatch.setattr(search_views, "RESULTS_PER_PAGE", 1)
    build_english_site(site_tree)
    for code in LANGUAGES:
        translate_site(site_tree, code)
    return site_tree


PAGES = {
    "home": "/{lang}/",
    "campaign index": "/{lang}/campaigns/",
    "campaign index, second page": "/{lang}/campaigns/?page=2",
    "campaign": "/{lang}/campaigns/free-boris-kagarlitsky/",
    "prisoner index": "/{lang}/prisoners/",
    "prisoner": "/{lang}/prisoners/boris-kagarlitsky/",
    "statement index": "/{lang}/statements/",
    "statement": "/{lang}/statements/solidarity-with-boris-kagarlitsky/",
    "statement without publisher": "/{lang}/statements/for-an-international-campaign/",
    "country index": "/{lang}/countries/",
    "country": "/{lang}/countries/ru/",
    "country with nothing yet": "/{lang}/countries/by/",
    "search, empty": "/{lang}/search/",
    "search results": "/{lang}/search/?q=Kagarlitsky",
    "search results, second page": "/{lang}/search/?q=Kagarlitsky&page=2",
    "search, nothing found": "/{lang}/search/?q=zzzzqqq",
    "not found": "/{lang}/no-such-page/",
}


def render(client, url):
    response = client.get(url)
    expected = 404 if "no-such-page" in url else 200
    assert response.status_code == expected, (url, response.status_code)
    return response.content.decode()


# Reading the page as a reader sees it ---------------------------------------------

VISIBLE_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}


class VisibleText(HTMLParser):
    """The text and user-visible attributes of a page, leaving out what is marked as
    being in another language (``lang="en"`` on the switcher's "English", a name in
    its native script): that is meant to stay as it is."""

    def __init__(self, html, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.open = []  # (tag, language of its content)
        self.chunks = []
        self.feed(html)
        self.close()

    def _foreign(self, lang):
        return bool(lang) and lang.split("-")[0] != self.language

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang") or (self.open[-1][1] if self.open else None)
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, lang))
        if self._foreign(lang):
            return
        self.chunks += [attrs[name] for name in VISIBLE_ATTRIBUTES if attrs.get(name)]
        if tag == "meta" and attrs.get("name") == "description":
            self.chunks.append(attrs.get("content") or "")

    def handle_endtag(self, tag):
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position][0] == tag:
                del self.open[position:]
                return

    def handle_data(self, data):
        tag, lang = self.open[-1] if self.open else (None, None)
        if tag not in ("script", "style") and not self._foreign(lang):
            self.chunks.append(data)

    @property
    def text(self):
        # The site's name is a brand set per deployment (SITE_NAME), one for all languages.
        chunks = (" ".join(chunk.split()) for chunk in self.chunks)
        return "\n".join(c for c in chunks if c).replace(settings.WAGTAIL_SITE_NAME, "")


# The English a translated page must not show -------------------------------------

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
PUNCTUATION = " \t\n:;,.!?()[]“”\"'‘’«»—–-…·"


def contains(text, words):
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def english_to_look_for(language):
    """{English words: the message they come from} for every message of the catalogue
    whose translation differs: each run of text between placeholders that has a word
    of three letters or more, unless the translators use it in that language too
    (French says "Page 2 sur 3" for "Page 2 of 3", and "ce site ne charge rien")."""
    catalogue = polib.pofile(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")
    entries = [entry for entry in catalogue if entry.msgid and not entry.obsolete]
    translations = {
        entry.msgid: " ".join([entry.msgstr, *entry.msgstr_plural.values()]).strip()
        for entry in entries
    }
    in_that_language = "\n".join(translations.values())
    found = {}
    for entry in entries:
        translated = translations[entry.msgid]
        if not translated or translated == entry.msgid:
            continue
        for english in filter(None, (entry.msgid, entry.msgid_plural)):
            for fragment in PLACEHOLDER.split(english):
                fragment = fragment.strip(PUNCTUATION)
                if (
                    len(fragment) >= 4
                    and re.search(r"[A-Za-z]{3}", fragment)
                    and not contains(in_that_language, fragment)
                ):
                    found[fragment] = entry.msgid
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_left_in_the_translated_interface(client, reader_site, language):
    english = english_to_look_for(language)
    assert len(english) > 100
    left = {}
    for name, url in PAGES.items():
        url = url.format(lang=language)
        html = render(client, url)
        # In the site's own layout and language (Django's bare 404 page is in English).
        assert f'<html lang="{language}"' in html, url
        text = VisibleText(html, language).text
        found = sorted(words for words in english if contains(text, words))
        if found:
            left[f"{name} ({url})"] = found
    print(f"{language}: {len(PAGES)} pages checked against {len(english)} English phrases")
    assert left == {}


EXPECTED_FORMATS = {
    # (address, what it must show): dates, the grouped number of days, country names
    "fr": [
        ("/fr/statements/solidarity-with-boris-kagarlitsky/", "31 juillet 2023"),
        ("/fr/statements/solidarity-with-boris-kagarlitsky/", "Russie"),
        ("/fr/statements/solidarity-with-boris-kagarlitsky/", "russe"),
        ("/fr/prisoners/boris-kagarlitsky/", "depuis le 25 juillet 2023"),
        ("/fr/prisoners/boris-kagarlitsky/", "août 2023"),
        ("/fr/prisoners/boris-kagarlitsky/", "{days} jours"),
        ("/fr/prisoners/boris-kagarlitsky/", "Russie"),
        ("/fr/countries/ru/", "<h1>Russie</h1>"),
        ("/fr/countries/", "Biélorussie"),
        ("/fr/campaigns/free-boris-kagarlitsky/", "depuis le 31 juillet 2023"),
    ],
    "ru": [
        ("/ru/statements/solidarity-with-boris-kagarlitsky/", "31 июля 2023"),
        ("/ru/statements/solidarity-with-boris-kagarlitsky/", "Россия"),
        ("/ru/statements/solidarity-with-boris-kagarlitsky/", "Русский"),
        ("/ru/prisoners/boris-kagarlitsky/", "25 июля 2023"),
        ("/ru/prisoners/boris-kagarlitsky/", "{days} д"),
        ("/ru/prisoners/boris-kagarlitsky/", "Россия"),
        ("/ru/countries/ru/", "<h1>Россия</h1>"),
        ("/ru/countries/", "Беларусь"),
        ("/ru/campaigns/free-boris-kagarlitsky/", "31 июля 2023"),
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_numbers_and_countries_are_localised(client, reader_site, language):
    days = (timezone.localdate() - DETAINED_ON).days
    assert days >= 1000  # so that the number shows its digit grouping
    grouped = f"{days:,}".replace(",", "\xa0")  # French and Russian: a no-break space
    missing = []
    for url, expected in EXPECTED_FORMATS[language]:
        expected = expected.format(days=grouped)
        if expected not in render(client, url):
            missing.append((url, expected))
    assert missing == []
    assert f"{days:,} days" in render(client, "/en/prisoners/boris-kagarlitsky/")


# The templates themselves ---------------------------------------------------------

PUBLIC_TEMPLATES = sorted(
    path
    for app in ("home", "campaigns", "network", "search")
    for path in (BASE_DIR / app / "templates").rglob("*.html")
    if "admin" not in path.relative_to(BASE_DIR / app / "templates").parts
)


def untranslatable_text(source: str) -> list[str]:
    """Words a template shows that no translation tag covers: the template with its
    tags, variables and translated blocks blanked out, read as HTML."""
    skeleton = []
    depth = 0  # inside {% blocktranslate %}, {% comment %} or a block filling an attribute
    for token in Lexer(source).tokenize():
        words = token.contents.split() if token.token_type == TokenType.BLOCK else [""]
        if words[0] in ("blocktranslate", "blocktrans", "comment") or words[1:] == ["body_class"]:
            depth += 1
        elif words[0] in ("endblocktranslate", "endblocktrans", "endcomment") or (
            words[0] == "endblock" and depth
        ):
            depth -= 1
        if token.token_type == TokenType.TEXT and not depth:
            skeleton.append(token.contents)
        else:
            skeleton.append(" ")
    chunks = (" ".join(chunk.split()) for chunk in VisibleText("".join(skeleton), "").chunks)
    return [chunk for chunk in chunks if re.search(r"[^\W\d_]{2,}", chunk)]


def test_the_template_check_finds_english_outside_translation_tags():
    source = """{% load i18n %}<p title="Hello">{% translate "Fine" %} Left behind</p>
    <img alt="{{ image.alt }}" src="x.png"><a aria-label="{% translate 'Pages' %}">·</a>
    {% blocktranslate %}Also fine {{ x }}{% endblocktranslate %}{# a comment #}"""
    assert untranslatable_text(source) == ["Hello", "Left behind"]


@pytest.mark.parametrize(
    "template", PUBLIC_TEMPLATES, ids=lambda path: str(path.relative_to(BASE_DIR))
)
def test_public_templates_have_no_text_outside_translation_tags(template):
    assert untranslatable_text(template.read_text()) == []


MESSAGE = re.compile(
    r"\b(npgettext|ngettext|pgettext|gettext)\(((?:\s*u?(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\s*,?)+)"
)
STRING = re.compile(r"u?('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")


def template_messages():
    """{(context, msgid)} of every translation tag in the public templates, read as
    makemessages reads them."""
    messages = set()
    for template in PUBLIC_TEMPLATES:
        for function, arguments in MESSAGE.findall(templatize(template.read_text())):
            strings = [ast.literal_eval(s) for s in STRING.findall(arguments)]
            context = strings.pop(0) if function.startswith(("pgettext", "npgettext")) else ""
            messages.add((context, strings[0]))
    return messages


@pytest.mark.parametrize("language", [c for c, _n in settings.LANGUAGES if c != "en"])
def test_every_message_of_the_public_templates_is_in_the_catalogue(language):
    catalogue = polib.pofile(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")
    translated = {
        (entry.msgctxt or "", entry.msgid)
        for entry in catalogue.translated_entries()
        if not entry.obsolete
    }
    messages = template_messages()
    assert len(messages) > 60
    assert sorted(messages - translated) == []
