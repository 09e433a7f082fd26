"""One factory per model, used by the tests and by the demo content command."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from campaigns import models as campaign_models
from home.models import HomePage
from network import models as network_models


def default_locale():
    return Locale.get_default()


class LocalizedFactory(DjangoModelFactory):
    """Snippets belong to a locale; the default one unless told otherwise."""

    locale = factory.LazyFunction(default_locale)

    class Meta:
        abstract = True


class ImageFactory(wagtail_factories.ImageFactory):
    description = factory.Sequence(lambda n: f"Image {n}")

    class Meta:
        model = network_models.NetworkImage


class OrganisationFactory(LocalizedFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    short_name = factory.Sequence(lambda n: f"ORG{n}")

    class Meta:
        model = network_models.Organisation


class TopicFactory(LocalizedFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = network_models.Topic


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Solidarity Network"
    slug = "home"

    class Meta:
        model = HomePage


class IndexPageFactory(wagtail_factories.PageFactory):
    show_in_menus = True

    class Meta:
        abstract = True


class CampaignIndexPageFactory(IndexPageFactory):
    title = "Campaigns"
    slug = "campaigns"

    class Meta:
        model = campaign_models.CampaignIndexPage


class PrisonerIndexPageFactory(IndexPageFactory):
    title = "Prisoners"
    slug = "prisoners"

    class Meta:
        model = campaign_models.PrisonerIndexPage


class StatementIndexPageFactory(IndexPageFactory):
    title = "Statements"
    slug = "statements"

    class Meta:
        model = network_models.StatementIndexPage


class CountryIndexPageFactory(IndexPageFactory):
    title = "Countries"
    slug = "countries"

    class Meta:
        model = campaign_models.CountryIndexPage


class CountryPageFactory(wagtail_factories.PageFactory):
    country = "RU"
    # Title and slug are derived from the country on save.
    title = factory.LazyAttribute(lambda page: str(page.country))
    slug = factory.LazyAttribute(lambda page: str(page.country).lower())

    class Meta:
        model = campaign_models.CountryPage


def timeline_event(date, kind, description, precision="day", source_url=""):
    """One timeline entry in StreamField's raw form."""
    if isinstance(date, datetime.date):
        date = date.isoformat()
    return {
        "type": "event",
        "value": {
            "date": date,
            "precision": precision,
            "kind": kind,
            "description": description,
            "source_url": source_url,
        },
    }


class PrisonerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Prisoner {n}")
    slug = factory.Sequence(lambda n: f"prisoner-{n}")
    country = "RU"
    summary = "A person held for what they said."
    timeline = factory.LazyFunction(
        lambda: [timeline_event("2023-07-26", "detention", "Detained.")]
    )

    class Meta:
        model = campaign_models.PrisonerPage


class PrisonerChargeFactory(DjangoModelFactory):
    prisoner = factory.SubFactory(PrisonerPageFactory)
    description = "Justification of terrorism"

    class Meta:
        model = campaign_models.PrisonerCharge


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Campaign {n}")
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    summary = "Free them all."
    started_on = datetime.date(2023, 7, 31)
    countries = ["RU"]

    class Meta:
        model = campaign_models.CampaignPage


class CampaignPrisonerFactory(DjangoModelFactory):
    campaign = factory.SubFactory(CampaignPageFactory)
    prisoner = factory.SubFactory(PrisonerPageFactory)

    class Meta:
        model = campaign_models.CampaignPrisoner


class CampaignEndorsementFactory(DjangoModelFactory):
    campaign = factory.SubFactory(CampaignPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)

    class Meta:
        model = campaign_models.CampaignEndorsement


class StatementPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Statement {n}")
    slug = factory.Sequence(lambda n: f"statement-{n}")
    publisher = factory.SubFactory(OrganisationFactory)
    first_published_on = datetime.date(2023, 7, 31)
    original_language = "en"
    original_url = factory.Sequence(lambda n: f"https://partner.example.org/statements/{n}/")
    countries = ["RU"]

    class Meta:
        model = network_models.StatementPage


class StatementCoSignerFactory(DjangoModelFactory):
    statement = factory.SubFactory(StatementPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)

    class Meta:
        model = network_models.StatementCoSigner


class StatementRepublicationFactory(DjangoModelFactory):
    statement = factory.SubFactory(StatementPageFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    republished_on = datetime.date(2023, 8, 1)

    class Meta:
        model = network_models.StatementRepublication


class StatementTopicFactory(DjangoModelFactory):
    statement = factory.SubFactory(StatementPageFactory)
    topic = factory.SubFactory(TopicFactory)

    class Meta:
        model = network_models.StatementTopic


class StatementPrisonerLinkFactory(DjangoModelFactory):
    statement = factory.SubFactory(StatementPageFactory)
    prisoner = factory.SubFactory(PrisonerPageFactory)

    class Meta:
        model = campaign_models.StatementPrisonerLink


class StatementCampaignLinkFactory(DjangoModelFactory):
    statement = factory.SubFactory(StatementPageFactory)
    campaign = factory.SubFactory(CampaignPageFactory)

    class Meta:
        model = campaign_models.StatementCampaignLink


class FeedSourceFactory(DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    url = factory.Sequence(lambda n: f"http://127.0.0.1:9/feed-{n}.xml")
    locale = factory.LazyFunction(default_locale)
    trust = network_models.FeedSource.Trust.REVIEW

    class Meta:
        model = network_models.FeedSource
