"""Export a PO file of pages for one language, and import it back with the translations
made in the translator's own tool."""

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale, Page

from network.models.roles import is_locale_bound, locale_ids_of_user
from translations.po_files import (
    POExportError,
    POImportError,
    export_filename,
    export_po,
    import_po,
    import_summary,
)

TEMPLATE = "translations/admin/po_file_form.html"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
EDIT_BUTTONS = 5


def locales_user_may_choose(user):
    """A translator or reviewer sees only their own languages; others see every one."""
    locales = Locale.objects.order_by("language_code")
    if is_locale_bound(user):
        locales = locales.filter(pk__in=locale_ids_of_user(user))
    return locales


def _initial_locale(request, locales):
    wanted = request.GET.get("locale")
    own = locale_ids_of_user(request.user)
    for locale in locales:
        if locale.language_code == wanted:
            return locale
    return next((locale for locale in locales if locale.pk in own), None)


class LocaleField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_display_name()


class ExportForm(forms.Form):
    locale = LocaleField(
        queryset=Locale.objects.none(),
        to_field_name="language_code",
        empty_label=None,
        label=gettext_lazy("Translate into"),
    )
    pages = forms.ModelMultipleChoiceField(
        queryset=Page.objects.filter(depth__gt=1),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Pages"),
    )
    add_page = forms.ModelChoiceField(
        queryset=Page.objects.filter(depth__gt=1),
        required=False,
        widget=AdminPageChooser(),
        label=gettext_lazy("Add a page"),
        help_text=gettext_lazy("The pages in the language they are translated from."),
    )

    def __init__(self, *args, user, preselected, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].queryset = locales_user_may_choose(user)
        # Only the pages brought by the link are listed; more come through the chooser.
        self.fields["pages"].widget.choices = [
            (page.pk, f"{page.get_admin_display_title()} ({page.locale.get_display_name()})")
            for page in preselected
        ]
        if not preselected:
            self.fields["pages"].widget = forms.MultipleHiddenInput()

    def clean(self):
        data = super().clean()
        pages = list(data.get("pages") or [])
        if data.get("add_page"):
            pages.append(data["add_page"])
        if not pages:
            raise forms.ValidationError(_("Choose at least one page to export."))
        data["all_pages"] = pages
        return data


class ImportForm(forms.Form):
    locale = LocaleField(
        queryset=Locale.objects.none(),
        to_field_name="language_code",
        empty_label=None,
        label=gettext_lazy("Language of the translations"),
    )
    file = forms.FileField(
        label=gettext_lazy("PO file"),
        help_text=gettext_lazy("A file exported from this site, with your translations."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].queryset = locales_user_may_choose(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("This file is too large (at most %(size)d MB).")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload


def _preselected_pages(request):
    ids = [value for value in request.GET.getlist("page") if value.isdigit()]
    return list(
        Page.objects.filter(pk__in=ids, depth__gt=1).select_related("locale").order_by("path")
    )


def _render(request, form, **context):
    return render(request, TEMPLATE, {"form": form, **context})


def export_view(request):
    locales = locales_user_may_choose(request.user)
    preselected = _preselected_pages(request)
    form = ExportForm(
        request.POST or None,
        user=request.user,
        preselected=preselected,
        initial={"locale": _initial_locale(request, locales), "pages": preselected},
    )
    if request.method == "POST" and form.is_valid():
        pages, locale = form.cleaned_data["all_pages"], form.cleaned_data["locale"]
        try:
            po = export_po(pages, locale, user=request.user)
        except POExportError as error:
            messages.error(request, str(error))
        else:
            response = HttpResponse(
                str(po).encode("utf-8"), content_type="text/x-gettext-translation; charset=utf-8"
            )
            response["Content-Disposition"] = content_disposition_header(
                True, export_filename(pages, locale)
            )
            return response
    return _render(
        request,
        form,
        title=_("Export a PO file"),
        intro=_(
            "Download the strings of one or several pages for one language, with the "
            "translations made so far, to translate them in your own tool. Pages not "
            "yet translated into that language get a draft translation."
        ),
        action_url=request.get_full_path(),
        submit_label=_("Download the PO file"),
        other_url=reverse("translations:po_import"),
        other_label=_("Import a PO file"),
    )


def import_view(request):
    locales = locales_user_may_choose(request.user)
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        initial={"locale": _initial_locale(request, locales)},
    )
    if request.method == "POST" and form.is_valid():
        locale = form.cleaned_data["locale"]
        try:
            result = import_po(form.cleaned_data["file"].read(), locale, request.user)
        except POImportError as error:
            messages.error(request, _("Nothing was imported. %(reason)s") % {"reason": error})
        else:
            lines = [
                _("The %(language)s translations were imported.")
                % {"language": locale.get_display_name()},
                *import_summary(result),
                _("Review them in the editor, then submit each page for review."),
            ]
            messages.success(
                request,
                " ".join(lines),
                buttons=[
                    messages.button(
                        reverse("wagtailadmin_pages:edit", args=[page.page.pk]),
                        _("Edit “%(title)s”") % {"title": page.page.get_admin_display_title()},
                    )
                    for page in result.pages[:EDIT_BUTTONS]
                ],
            )
            return redirect(reverse("translations:po_import") + f"?locale={locale.language_code}")
    return _render(
        request,
        form,
        title=_("Import a PO file"),
        intro=_(
            "Upload a PO file exported from this site. Its translations appear in the "
            "translation editor of each page; nothing is published, and an empty "
            "translation leaves a string as it was. A file is refused as a whole if it "
            "is for another language, or if a page changed since it was exported."
        ),
        action_url=request.get_full_path(),
        submit_label=_("Import"),
        other_url=reverse("translations:po_export"),
        other_label=_("Export a PO file"),
    )


urlpatterns = [
    path("export/", export_view, name="po_export"),
    path("import/", import_view, name="po_import"),
]
