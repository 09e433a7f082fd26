"""The read-only Wagtail API v2 for partner sites (``/api/v2/pages/``).

Only pages: Wagtail's pages endpoint already limits itself to live pages that no view
restriction covers. Images and documents are left out on purpose: the images endpoint
would list every upload, including a prisoner's photo that an editor hid at the
family's request, and documents may sit in private collections.
Page types choose what they expose with ``api_fields``; no field names a user.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, also telling when each page was last published, so a
    partner site can poll for changes."""

    # "owner" and "latest_revision" are never listed here: they name editors.
    meta_fields = [*PagesAPIViewSet.meta_fields, "last_published_at"]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
