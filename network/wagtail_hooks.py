"""Admin registration of the network's snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network.models import Organisation, Topic


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "short_name", "website"]
    list_filter = ["locale"]
    search_fields = ["name", "short_name", "native_name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    list_filter = ["locale"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, TopicViewSet)
    menu_icon = "site"
    menu_label = _("Network")
    menu_name = "network"


register_snippet(NetworkViewSetGroup)
