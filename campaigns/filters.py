"""Filters for the prisoner and campaign lists (see ``network.filters`` for how
parameters are read and what happens to one that cannot be used).

A prisoner is linked to an organisation when the organisation endorses one of the
prisoner's campaigns or published one of the statements about the prisoner: the two
relations the prisoner's own profile shows. Links are matched by translation key,
because wagtail-localize leaves links in a translation pointing at the source page.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from network.filters import (
    FilterChoiceField,
    ListingFilterForm,
    codes_in,
    country_choices,
    in_reader_locale,
    organisation_label,
    sort_key,
)
from network.models import Organisation, StatementPage

from .models import CampaignPage, CampaignStatus, PrisonerPage, PrisonerStatus


def status_choices(status_class, values):
    """The statuses among ``values``, in the order the status list gives them."""
    return [(status.value, status.label) for status in status_class if status.value in values]


# Prisoners ---------------------------------------------------------------------------


class PrisonerFilterForm(ListingFilterForm):
    country = FilterChoiceField(label=_("Country"), empty_label=_("All countries"), upper_case=True)
    status = FilterChoiceField(label=_("Status"), empty_label=_("Any status"))
    organisation = FilterChoiceField(
        label=_("Organisation"), empty_label=_("All organisations"), coerce=int
    )

    def set_choices(self):
        facets = list(self.items.order_by().values_list("country", "status").distinct())
        self.fields["country"].set_choices(country_choices({str(row[0]) for row in facets}))
        self.fields["status"].set_choices(
            status_choices(PrisonerStatus, {row[1] for row in facets})
        )
        organisations = in_reader_locale(
            Organisation.objects.filter(
                translation_key__in=organisations_linked_to_prisoners(self.items, self.locale_id)
            ),
            self.locale_id,
        )
        self.organisation_keys = {org.pk: org.translation_key for org in organisations.values()}
        self.fields["organisation"].set_choices(
            sorted(
                ((str(org.pk), organisation_label(org)) for org in organisations.values()),
                key=lambda choice: sort_key(choice[1]),
            )
        )

    def apply(self, items, filters):
        organisation = filters.pop("organisation", None)
        return filter_prisoners(
            items,
            **filters,
            organisation_key=self.organisation_keys.get(organisation),
            locale_id=self.locale_id,
        )


def campaigns_for_prisoners(prisoner_keys, locale_id):
    return CampaignPage.objects.live().filter(
        locale_id=locale_id, prisoners__prisoner__translation_key__in=prisoner_keys
    )


def statements_about_prisoners(prisoner_keys, locale_id):
    return StatementPage.objects.live().filter(
        locale_id=locale_id, prisoner_links__prisoner__translation_key__in=prisoner_keys
    )


def organisations_linked_to_prisoners(prisoners, locale_id):
    """Translation keys of the organisations linked to any of ``prisoners`` (a subquery)."""
    keys = prisoners.order_by().values("translation_key")
    return Organisation.objects.filter(
        Q(endorsements__campaign__in=campaigns_for_prisoners(keys, locale_id).values("pk"))
        | Q(published_statements__in=statements_about_prisoners(keys, locale_id).values("pk"))
    ).values("translation_key")


def filter_prisoners(prisoners, *, country="", status="", organisation_key=None, locale_id=None):
    """Prisoners held by ``country``, with ``status``, for whom the organisation with
    ``organisation_key`` endorses a campaign or published a statement (in ``locale_id``)."""
    if country:
        prisoners = prisoners.filter(country=country)
    if status:
        prisoners = prisoners.filter(status=status)
    if organisation_key:
        campaigns = CampaignPage.objects.live().filter(
            locale_id=locale_id, endorsements__organisation__translation_key=organisation_key
        )
        statements = StatementPage.objects.live().filter(
            locale_id=locale_id, publisher__translation_key=organisation_key
        )
        linked = PrisonerPage.objects.filter(
            Q(campaign_links__campaign__in=campaigns.values("pk"))
            | Q(statement_links__statement__in=statements.values("pk"))
        )
        prisoners = prisoners.filter(translation_key__in=linked.values("translation_key"))
    return prisoners


# Campaigns ---------------------------------------------------------------------------


class CampaignFilterForm(ListingFilterForm):
    country = FilterChoiceField(label=_("Country"), empty_label=_("All countries"), upper_case=True)
    status = FilterChoiceField(label=_("Status"), empty_label=_("Any status"))

    def set_choices(self):
        facets = list(self.items.order_by().values_list("countries", "status").distinct())
        self.fields["country"].set_choices(country_choices(codes_in(row[0] for row in facets)))
        self.fields["status"].set_choices(
            status_choices(CampaignStatus, {row[1] for row in facets})
        )

    def apply(self, items, filters):
        return filter_campaigns(items, **filters)


def filter_campaigns(campaigns, *, country="", status=""):
    """Campaigns concerning ``country`` with ``status``."""
    if country:
        campaigns = campaigns.filter(countries__contains=country)
    if status:
        campaigns = campaigns.filter(status=status)
    return campaigns
