"""The translation status overview, and starting a missing translation from it."""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page, get_page_models
from wagtail_localize.operations import TranslationCreator

from network.models.roles import locale_ids_of_user
from translations import status
from translations.permissions import may_start_translation, may_translate_into

ROWS_PER_PAGE = 50


def locales_own_first(user):
    """Every locale, the user's own first (in code order within each part)."""
    own = locale_ids_of_user(user)
    locales = list(Locale.objects.order_by("language_code"))
    return sorted(locales, key=lambda locale: (locale.pk not in own, locale.language_code))


def page_type_choices():
    models = [model for model in get_page_models() if model is not Page]
    content_types = ContentType.objects.get_for_models(*models)
    return sorted(
        ((str(content_types[model].pk), model._meta.verbose_name.capitalize()) for model in models),
        key=lambda choice: choice[1],
    )


class StatusFilterForm(forms.Form):
    locale = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    page_type = forms.ChoiceField(label=gettext_lazy("Page type"), required=False)
    state = forms.ChoiceField(label=gettext_lazy("State"), required=False)
    q = forms.CharField(label=gettext_lazy("Title contains"), required=False, max_length=200)
    key = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["locale"].choices = everything + [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]
        self.fields["page_type"].choices = everything + page_type_choices()
        self.fields["state"].choices = everything + [
            (state, status.STATE_LABELS[state]) for state in status.WORK_STATES
        ]


def _filtered_pages(data):
    pages = Page.objects.filter(depth__gt=1)
    if data.get("page_type"):
        pages = pages.filter(content_type_id=int(data["page_type"]))
    if data.get("q"):
        pages = pages.filter(title__icontains=data["q"])
    if data.get("key"):
        pages = pages.filter(translation_key=data["key"])
    return pages


def translation_status(request):
    locales = locales_own_first(request.user)
    form = StatusFilterForm(request.GET or None, locales=locales)
    data = form.cleaned_data if form.is_valid() else {}
    shown = [
        locale
        for locale in locales
        if not data.get("locale") or locale.language_code == data["locale"]
    ]
    rows = status.translation_matrix(_filtered_pages(data), locales=locales)
    counts = status.counts_per_locale(rows, [locale.pk for locale in locales])
    if data.get("state"):
        rows = [
            row
            for row in rows
            if any(row.cells[locale.pk].state == data["state"] for locale in shown)
        ]
    page_of_rows = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("p"))
    own = locale_ids_of_user(request.user)
    return render(
        request,
        "translations/admin/status.html",
        {
            "form": form,
            "locales": shown,
            "own_locale_ids": own,
            "counts": [
                (locale, [(state, counts[locale.pk][state]) for state in status.WORK_STATES])
                for locale in locales
            ],
            "work_states": [(state, status.STATE_LABELS[state]) for state in status.WORK_STATES],
            "rows": [
                (row, [(locale, row.cells[locale.pk]) for locale in shown]) for row in page_of_rows
            ],
            "page_of_rows": page_of_rows,
            "row_count": len(rows),
            "may_start": {
                locale.pk for locale in locales if may_translate_into(request.user, locale)
            },
            "query_without_page": _without(request.GET, "p"),
            "po_export_query": _po_export_query(page_of_rows, shown),
        },
    )


def _po_export_query(rows, shown_locales):
    """The PO export of the listed pages, when one language is shown."""
    if len(shown_locales) != 1:
        return ""
    (locale,) = shown_locales
    pages = [row.source.pk for row in rows if row.cells[locale.pk].state != status.SOURCE]
    if not pages:
        return ""
    query = QueryDict(mutable=True)
    query["locale"] = locale.language_code
    query.setlist("page", [str(pk) for pk in pages])
    return query.urlencode()


def _without(query, name):
    query = query.copy()
    query.pop(name, None)
    return query.urlencode()


@require_POST
def start_translation(request, page_id, language_code):
    """Create the draft translation of a page into one language, as wagtail-localize's
    "Translate this page" does, and open it in the translation editor."""
    page = get_object_or_404(Page, pk=page_id).specific
    locale = get_object_or_404(Locale, language_code=language_code)
    if not may_start_translation(request.user, page, locale):
        raise PermissionDenied
    if page.has_translation(locale):
        messages.info(request, _("This page already exists in that language."))
    else:
        TranslationCreator(user=request.user, target_locales=[locale]).create_translations(page)
        messages.success(
            request,
            _("A draft of “%(title)s” in %(language)s is ready to translate.")
            % {"title": page.title, "language": locale.get_display_name()},
        )
    target = page.get_translation(locale)
    if not target.permissions_for_user(request.user).can_edit():
        return redirect(reverse("translations:status"))
    return redirect("wagtailadmin_pages:edit", target.pk)


urlpatterns = [
    path("", translation_status, name="status"),
    path(
        "start/<int:page_id>/<str:language_code>/",
        start_translation,
        name="start_translation",
    ),
]
