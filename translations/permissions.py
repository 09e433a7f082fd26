"""Who may start a translation into which language."""

from network.models.roles import locale_ids_of_user


def may_translate_into(user, locale) -> bool:
    """Editors start translations into any language; translators and reviewers only
    into their own."""
    if user.is_superuser or user.has_perm("wagtail_localize.submit_translation"):
        return True
    return locale.pk in locale_ids_of_user(user)


def may_start_translation(user, page, locale) -> bool:
    """As ``may_translate_into``, and only from a published page unless the user may
    edit the draft (a translator must not copy someone's unpublished work)."""
    if not may_translate_into(user, locale):
        return False
    return page.live or page.permissions_for_user(user).can_edit()
