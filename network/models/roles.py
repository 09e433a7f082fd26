"""Which locale a group of users works in, and in what role.

Wagtail scopes page permissions to a part of the tree, but knows nothing of
locales for snippets, workflows or the translators' own views. A ``LocaleRole``
records, for a group such as "Translators (fr)", the locale and the role, so that
every one of those checks asks the same question in the same way.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class LocaleRole(models.Model):
    TRANSLATOR = "translator"
    REVIEWER = "reviewer"
    ROLE_CHOICES = [
        (TRANSLATOR, _("Translator")),
        (REVIEWER, _("Translation reviewer")),
    ]

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="locale_role")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=ROLE_CHOICES)

    class Meta:
        verbose_name = _("locale role")
        verbose_name_plural = _("locale roles")
        unique_together = [("locale", "role")]

    def __str__(self):
        return f"{self.get_role_display()} ({self.locale.language_code})"


def locale_ids_of_user(user, roles=(LocaleRole.TRANSLATOR, LocaleRole.REVIEWER)) -> set[int]:
    """The locales the user works in through their groups, cached on the user object
    for the request (checks run once per row in admin listings)."""
    cache = user.__dict__.setdefault("_locale_ids_by_roles", {})
    key = tuple(sorted(roles))
    if key not in cache:
        if not user.is_authenticated:
            cache[key] = set()
        else:
            cache[key] = set(
                LocaleRole.objects.filter(group__user=user, role__in=roles).values_list(
                    "locale_id", flat=True
                )
            )
    return cache[key]


def is_locale_bound(user) -> bool:
    """True for a user whose only roles are per-locale ones (a translator or a
    reviewer who is not also an editor, moderator or superuser): their work is
    limited to their locales."""
    if user.is_superuser:
        return False
    if not locale_ids_of_user(user):
        return False
    return not user.groups.filter(locale_role__isnull=True).exists()
