"""wagtail-localize's per-translation views, limited to the translator's languages.

For a snippet (an organisation, a topic) wagtail-localize checks only the model
permission before letting someone write strings into a translation, so a French
translator could change the German one. These wrappers check the translation's
language first, then hand over to wagtail-localize's own view.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

from network.models.roles import is_locale_bound, locale_ids_of_user


def for_translators_of_its_language(view):
    @wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(
            Translation.objects.only("target_locale_id"), pk=translation_id
        )
        if is_locale_bound(request.user) and (
            translation.target_locale_id not in locale_ids_of_user(request.user)
        ):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded


GUARDED_VIEWS = [
    ("strings/<int:string_segment_id>/edit/", edit_translation.edit_string_translation),
    ("overrides/<int:overridable_segment_id>/edit/", edit_translation.edit_override),
    ("pofile/download/", edit_translation.download_pofile),
    ("pofile/upload/", edit_translation.upload_pofile),
    ("machine_translate/", edit_translation.machine_translate),
    ("preview/", edit_translation.preview_translation),
    ("preview/<str:mode>/", edit_translation.preview_translation),
    ("disable/", edit_translation.stop_translation),
]

# Registered at wagtail-localize's own addresses, ahead of its patterns.
urlpatterns = [
    path(
        f"localize/translate/<int:translation_id>/{route}",
        for_translators_of_its_language(view),
        name=f"translations_guard_{number}",
    )
    for number, (route, view) in enumerate(GUARDED_VIEWS)
]
