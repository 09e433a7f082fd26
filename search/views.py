"""Site search in the reader's language. Knows pages, not apps."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    promotions = []
    if query:
        locale = Locale.get_active()
        promotions = editors_picks(query, locale)
        pages = Page.objects.live().public().filter(locale=locale).specific()
        results = pages.exclude(pk__in=[page.pk for page in promotions]).search(query)
    page_of_results = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": page_of_results, "promotions": promotions},
    )


def editors_picks(query, locale):
    """Pages editors promoted for this query, in the reader's language. Read only:
    Wagtail's ``Query.get()`` would write a row for every new query a reader types."""
    picks = (
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query),
            page__live=True,
            page__locale=locale,
        )
        .select_related("page")
        .order_by("sort_order")
    )
    return [pick.page.specific for pick in picks]
