"""wagtail-localize's "Sync translated pages" without its "Publish immediately" option.

Publishing from the sync would put every translation live with the source's new text
in place of the changed segments, and without review. For a page, the sync here only
refreshes the source's segments and the drafts' view restrictions: translators then
see what changed, update their draft, and submit it to their language's reviewers.
Snippets have no drafts, so their sync keeps wagtail-localize's behaviour.
"""

from django.utils.functional import cached_property
from wagtail.models import Page
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)


class SyncPageTranslationsForm(UpdateTranslationsForm):
    """The sync form of a page source: machine translation if configured, no publishing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["publish_translations"]

    def clean(self):
        cleaned_data = super().clean()
        # Whatever was posted: the parent view reads this key and publishes when true.
        cleaned_data["publish_translations"] = False
        return cleaned_data


class SyncTranslationsView(UpdateTranslationsView):
    template_name = "translations/admin/sync_translations.html"

    @cached_property
    def is_page_source(self):
        return issubclass(self.object.specific_content_type.model_class(), Page)

    def get_form(self):
        if not self.is_page_source:
            return super().get_form()
        if self.request.method == "POST":
            return SyncPageTranslationsForm(self.request.POST)
        return SyncPageTranslationsForm()

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_page_source=self.is_page_source, **kwargs)
