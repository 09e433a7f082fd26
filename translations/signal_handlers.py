"""When a language's home page is first made, its translators and reviewers get
their permissions on the new tree (``setup_roles`` could not grant them before)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page

from network.models import LocaleRole
from translations.roles import grant_locale_tree, locale_home


@receiver(post_save)
def grant_roles_on_new_locale_home(sender, instance, created, **kwargs):
    if not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    home = locale_home(instance.locale)
    if home is None or home.pk != instance.pk:
        return
    for role in LocaleRole.objects.filter(locale_id=instance.locale_id).select_related("group"):
        grant_locale_tree(role, instance)
