"""Machine-translate one page into several languages at once, as drafts for review."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page

from translations.machine import DONE, FAILED, machine_translate_page, machine_translator

SUBMIT_PERMISSION = "wagtail_localize.submit_translation"


def machine_translation_configured() -> bool:
    return getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) is not None


def user_can_machine_translate(user) -> bool:
    return user.has_perm(SUBMIT_PERMISSION)


class LanguagesForm(forms.Form):
    locales = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Languages"),
        queryset=Locale.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Strings a person has already translated are kept. Each draft goes to the "
            "reviewers of its language and is published only when they approve it."
        ),
        error_messages={"required": gettext_lazy("Choose at least one language.")},
    )

    def __init__(self, page, *args, **kwargs):
        super().__init__(*args, **kwargs)
        translations = page.get_translations().filter(alias_of__isnull=True)
        live = set(translations.filter(live=True).values_list("locale_id", flat=True))
        drafts = set(translations.values_list("locale_id", flat=True)) - live
        field = self.fields["locales"]
        field.queryset = Locale.objects.exclude(pk=page.locale_id).order_by("language_code")
        field.label_from_instance = lambda locale: _language_label(locale, live, drafts)
        if not self.is_bound:
            self.initial["locales"] = [
                locale.pk for locale in field.queryset if locale.pk not in live
            ]


def _language_label(locale, live, drafts) -> str:
    if locale.pk in live:
        state = _("published translation")
    elif locale.pk in drafts:
        state = _("draft translation")
    else:
        state = _("no translation yet")
    return f"{locale.get_display_name()} ({state})"


class MachineTranslateView(WagtailAdminTemplateMixin, FormView):
    template_name = "translations/admin/machine_translate.html"
    form_class = LanguagesForm
    page_title = gettext_lazy("Machine translate")
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, *args, **kwargs):
        if not machine_translation_configured():
            raise Http404
        if not user_can_machine_translate(request.user):
            # A real 403 with a reason, where Wagtail would send the user to the dashboard.
            return TemplateResponse(
                request,
                "translations/admin/forbidden.html",
                {
                    "page_title": self.page_title,
                    "message": _(
                        "Only editors and moderators can machine-translate pages; "
                        "translators translate in the editor."
                    ),
                },
                status=403,
            )
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        if self.page.is_root() or self.page.alias_of_id:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "page": self.page}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=self.page,
            service=machine_translator().display_name,
            action_url=self.request.get_full_path(),
            submit_button_label=_("Machine translate"),
            submit_button_active_label=_("Translating…"),
            **kwargs,
        )

    def form_valid(self, form):
        locales = list(form.cleaned_data["locales"])
        for result in machine_translate_page(self.page, locales, self.request.user):
            if result.status == DONE:
                messages.success(self.request, result.message)
            elif result.status == FAILED:
                messages.error(self.request, result.message)
            else:
                messages.info(self.request, result.message)
        return redirect(
            get_valid_next_url_from_request(self.request)
            or reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        )


urlpatterns = [
    path("<int:page_id>/", MachineTranslateView.as_view(), name="machine_translate"),
]
