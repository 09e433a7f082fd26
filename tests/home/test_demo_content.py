"""The demo site: built from the seed facts, translated through wagtail-localize,
and the same after a second run."""

import io
import re

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from campaigns.models import PrisonerPage
from network.models import Organisation, StatementPage, Topic

PUBLIC_URLS = [
    "/en/",
    "/fr/",
    "/ru/",
    "/en/campaigns/",
    "/en/prisoners/",
    "/en/statements/",
    "/en/countries/",
    "/en/countries/ru/",
    "/en/prisoners/boris-kagarlitsky/",
    "/fr/prisoners/boris-kagarlitsky/",
    "/ru/statements/why-solidarity-with-boris-kagarlitsky/",
    "/fr/campaigns/free-boris-kagarlitsky/",
]


def snapshot():
    return {
        "pages": Page.objects.count(),
        "organisations": Organisation.objects.count(),
        "topics": Topic.objects.count(),
        "translations": Translation.objects.count(),
        "revisions": Revision.objects.count(),
        "tree": list(Page.objects.order_by("path").values_list("path", "slug", "locale_id")),
    }


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=io.StringIO())

    def test_running_it_twice_leaves_the_same_tree(self):
        first = snapshot()
        call_command("load_demo_content", stdout=io.StringIO())
        self.assertEqual(snapshot(), first)
        # 4 organisations in English, and the 3 real ones also in French and Russian.
        self.assertEqual(first["organisations"], 4 + 3 * 2)
        self.assertEqual(first["pages"], 36)

    def test_real_case_is_built_from_the_seed_facts(self):
        prisoner = PrisonerPage.objects.get(locale__language_code="en", slug="boris-kagarlitsky")
        self.assertEqual(prisoner.native_name, "Борис Кагарлицкий")
        self.assertEqual(prisoner.status, "detained")
        self.assertEqual(str(prisoner.detained_on), "2023-07-26")
        self.assertIn("Kagarlizki", prisoner.other_spellings)
        statement = StatementPage.objects.get(
            locale__language_code="en", slug="why-solidarity-with-boris-kagarlitsky"
        )
        self.assertEqual(statement.publisher.short_name, "RSD")
        self.assertEqual(statement.shares_view_of.short_name, "Posle")
        self.assertEqual(str(statement.first_published_on), "2023-07-31")
        self.assertEqual(statement.republications.get().organisation.short_name, "ESSF")

    def test_translations_are_made_through_wagtail_localize(self):
        french = PrisonerPage.objects.get(locale__language_code="fr", slug="boris-kagarlitsky")
        russian = StatementPage.objects.get(locale__language_code="ru")
        self.assertTrue(
            Translation.objects.filter(
                source__object_id=french.translation_key, target_locale__language_code="fr"
            ).exists()
        )
        self.assertTrue(french.live and russian.live)
        self.assertEqual(
            russian.title, "Россия: почему важно выразить солидарность с Борисом Кагарлицким"
        )
        # The translated statement points at the organisations' own translations.
        self.assertEqual(russian.publisher.locale.language_code, "ru")
        self.assertEqual(russian.publisher.name, "Российское социалистическое движение")

    def test_fictional_examples_are_marked_as_such(self):
        examples = PrisonerPage.objects.exclude(slug="boris-kagarlitsky")
        self.assertTrue(examples.exists())
        for page in examples:
            self.assertIn("(fictional)", page.title)
            self.assertIn("Fictional example", page.summary)

    def test_every_public_section_answers(self):
        for url in PUBLIC_URLS:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_admin_accepts_the_printed_login(self):
        output = io.StringIO()
        call_command("ensure_admin", stdout=output)
        username, password = re.search(r"Admin login: (\S+) / (\S+)", output.getvalue()).groups()
        again = io.StringIO()
        call_command("ensure_admin", stdout=again)
        self.assertEqual(again.getvalue(), output.getvalue())
        response = self.client.post("/admin/login/", {"username": username, "password": password})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.get("/admin/").status_code, 200)
