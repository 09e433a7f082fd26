"""The abstract page every page type of the site is built on."""

from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from network.localization import language_code_of_locale
from network.routing import may_be_restricted


class BasePage(Page):
    """Listing and social fields, and the translation rules every page shares.

    The slug is synchronised, not translated: a page keeps one address in every
    language (``/en/prisoners/boris-kagarlitsky/``, ``/fr/prisoners/boris-kagarlitsky/``),
    so links shared across languages and partner sites stay stable.
    """

    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        help_text=_("One or two sentences shown in lists and link previews."),
    )

    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]
    promote_panels = [*Page.promote_panels, FieldPanel("listing_summary")]
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]
    # Relations the page's own template reads, loaded with the page when it is served.
    select_related_for_serving: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        # Wagtail serves the default language's page at /fa/… when no Persian
        # translation exists. A page wrapped in another language's interface would
        # be marked with the wrong language; send the reader to the page's own address.
        if language_code_of_locale(self.locale_id) != translation.get_language():
            return redirect(self.get_url(request))
        return super().serve(request, *args, **kwargs)

    def get_view_restrictions(self):
        if not may_be_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def description(self) -> str:
        """What a search engine or link preview should show for this page."""
        return self.search_description or self.listing_summary


class SectionIndexPage(BasePage):
    """One section of a language tree (campaigns, prisoners, statements, countries):
    a short introduction above a paginated list of its children."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    items_per_page = 20

    class Meta:
        abstract = True

    def paginate(self, request, items):
        """The page of ``items`` asked for in ``?page=``; a bad number gives the
        nearest valid page rather than an error."""
        return Paginator(items, self.items_per_page).get_page(request.GET.get("page"))
