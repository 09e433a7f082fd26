"""Country pages: everything the site holds about one country, in one language."""

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail_localize.fields import SynchronizedField

from campaigns.world_map import world_map
from network.feeds import statement_feed_response
from network.models import BasePage, SectionIndexPage

COUNTRY_LIST_LIMIT = 50


class CountryIndexPage(SectionIndexPage):
    subpage_types = ["campaigns.CountryPage"]
    template = "campaigns/pages/country_index_page.html"

    class Meta:
        verbose_name = _("country index")

    def get_context(self, request, *args, **kwargs):
        # The listing stands on these models, so it is imported when first needed.
        from campaigns.countries_listing import country_summaries, detention_legend

        context = super().get_context(request, *args, **kwargs)
        summaries = country_summaries(self, request)
        context["countries"] = summaries
        context["world_map"] = world_map(summaries)
        context["detention_legend"] = detention_legend()
        return context


class CountryPage(RoutablePageMixin, BasePage):
    """One per country and language. Its title and address come from the ISO code:
    the title is the country's name in the page's language (from django-countries),
    the slug is the lower-case code (``/en/countries/ru/``)."""

    country = CountryField(_("country"))
    intro = RichTextField(
        _("introduction"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ul"]
    )

    content_panels = [FieldPanel("country"), FieldPanel("intro")]
    promote_panels = [FieldPanel("search_description"), FieldPanel("listing_summary")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("title", overridable=False),
        SynchronizedField("country", overridable=False),
    ]
    parent_page_types = ["campaigns.CountryIndexPage"]
    subpage_types: list[str] = []
    template = "campaigns/pages/country_page.html"

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def derive_title_and_slug(self) -> None:
        if not self.country:
            return
        self.slug = self.country.code.lower()
        language = self.locale.language_code if self.locale_id else translation.get_language()
        with translation.override(language):
            self.title = str(self.country.name)
        self.draft_title = self.title

    def full_clean(self, *args, **kwargs):
        self.derive_title_and_slug()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.derive_title_and_slug()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        duplicate = CountryPage.objects.filter(country=self.country)
        if self.locale_id:
            duplicate = duplicate.filter(locale_id=self.locale_id)
        if duplicate.exclude(pk=self.pk).exists():
            raise ValidationError({"country": _("This country already has a page.")})

    def get_context(self, request, *args, **kwargs):
        from campaigns import countries_listing as listing

        context = super().get_context(request, *args, **kwargs)
        context["campaigns"] = listing.newest(listing.country_campaigns(self), COUNTRY_LIST_LIMIT)
        context["prisoners"] = listing.newest(listing.country_prisoners(self), COUNTRY_LIST_LIMIT)
        context["statements"] = listing.newest(self.statements(), COUNTRY_LIST_LIMIT)
        return context

    def statements(self):
        """Live public statements naming this country, newest first (also the feeds)."""
        from campaigns.countries_listing import country_statements

        return country_statements(self)

    @path("feed/", name="rss")
    def rss_feed(self, request):
        return statement_feed_response(request, self, self.statements(), "rss")

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return statement_feed_response(request, self, self.statements(), "atom")
