"""Admin URLs of the translators' views, under ``/admin/translations/``."""

from django.urls import include, path

from translations.views import changes, machine, po_files, review, status

app_name = "translations"

urlpatterns = [
    path("", include(status.urlpatterns)),
    path("review/", include(review.urlpatterns)),
    path("po/", include(po_files.urlpatterns)),
    path("machine/", include(machine.urlpatterns)),
    path("", include(changes.urlpatterns)),
]
