"""Site search in the reader's language, or in all languages. Knows pages, not apps."""

from functools import cache

from django.core.paginator import Paginator
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.utils import normalise_query_string

from network.languages import language_name

from .backends import clean_query, has_words, matching_entries, visible_entries, with_snippets
from .indexing import kind_of

RESULTS_PER_PAGE = 10
ALL_LANGUAGES = "all"


@cache
def page_kinds() -> dict:
    """{kind: page model} for every page type readers can filter by."""
    return {
        kind_of(model): model for model in get_page_models() if model._meta.model_name != "page"
    }


def search(request):
    query = clean_query(request.GET.get("q", ""))
    all_languages = request.GET.get("languages") == ALL_LANGUAGES
    kind = request.GET.get("type", "")
    locale = Locale.get_active()
    context = {
        "search_query": query,
        "all_languages": all_languages,
        "kind": "",
        "promotions": [],
        "kinds": [],
        "results": Paginator([], RESULTS_PER_PAGE).get_page(1),
        "message": "",
    }
    if kind and kind not in page_kinds():
        context["message"] = _("There is no such type of page; showing every type.")
        kind = ""
    if query and has_words(query):
        context.update(search_context(request, query, locale, all_languages, kind))
    return TemplateResponse(request, "search/search.html", context)


def search_context(request, query, locale, all_languages, kind):
    promotions = [
        page for page in editors_picks(query, locale) if kind in ("", kind_of(type(page)))
    ]
    entries = visible_entries().exclude(page_id__in=[page.pk for page in promotions])
    if not all_languages:
        entries = entries.filter(locale=locale)
    matches = matching_entries(query, entries)
    counts = dict(matches.order_by().values_list("kind").annotate(count=Count("pk")))
    if kind:
        matches = matches.filter(kind=kind)
    paginator = Paginator(matches, RESULTS_PER_PAGE)
    results = paginator.get_page(request.GET.get("page"))
    start = results.start_index() - 1 if paginator.count else 0
    results.object_list = with_snippets(matches[start : start + RESULTS_PER_PAGE], query)
    for entry in results.object_list:
        entry.kind_name = kind_name(entry.kind)
        if entry.locale_id != locale.pk:
            entry.language_code = entry.locale.language_code
            entry.language_name = language_name(entry.language_code)
    parameters = {"q": query, "languages": ALL_LANGUAGES if all_languages else "", "type": kind}
    return {
        "kind": kind,
        "promotions": promotions,
        "results": results,
        "kinds": [
            (name, page_kinds()[name]._meta.verbose_name_plural, count)
            for name, count in sorted(counts.items())
            if name in page_kinds()
        ],
        # The other parameters, kept by the page links and (without the type) by the
        # links to each type.
        "query_prefix": query_prefix(parameters),
        "query_prefix_without_type": query_prefix({**parameters, "type": ""}),
    }


def query_prefix(parameters) -> str:
    """``name=value&`` for each parameter that has a value, to put before another."""
    return "".join(f"{urlencode({name: value})}&" for name, value in parameters.items() if value)


def kind_name(kind):
    model = page_kinds().get(kind)
    return model._meta.verbose_name if model else ""


def editors_picks(query, locale):
    """Pages editors promoted for this query, in the reader's language. Read only:
    Wagtail's ``Query.get()`` would write a row for every new query a reader types."""
    picks = (
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query),
            page__in=Page.objects.live().public().values("pk"),
            page__locale=locale,
        )
        .select_related("page")
        .order_by("sort_order")
    )
    return [pick.page.specific for pick in picks]
