"""The groups people work in, and what each may do.

``ensure_roles()`` is idempotent: it creates what is missing and adds missing
permissions, and never removes a permission an administrator granted by hand.

- **Editors** and **Moderators** (made by Wagtail's own migrations) work in every
  language and may start translations.
- **Translators (xx)** may add and edit pages in the xx tree only, and edit the xx
  translations of organisations and topics. They cannot publish: their work goes
  through the "Translation review" workflow.
- **Translation reviewers (xx)** may also publish in the xx tree, and approve
  translations into xx.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Site

from network.models import LocaleRole
from translations.review import translation_review_workflow

EDITORS = "Editors"
MODERATORS = "Moderators"

TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
REVIEWER_PAGE_PERMISSIONS = (
    *TRANSLATOR_PAGE_PERMISSIONS,
    "publish_page",
    "lock_page",
    "unlock_page",
)
# Model permissions; the snippet views narrow them to the group's locale.
LOCALE_SNIPPET_PERMISSIONS = (
    "network.view_organisation",
    "network.change_organisation",
    "network.view_topic",
    "network.change_topic",
)
EDITOR_PERMISSIONS = (
    "wagtail_localize.submit_translation",
    "network.add_organisation",
    "network.change_organisation",
    "network.view_organisation",
    "network.add_topic",
    "network.change_topic",
    "network.view_topic",
)
ADMIN_ACCESS = "wagtailadmin.access_admin"


def translators_group_name(language_code: str) -> str:
    return f"Translators ({language_code})"


def reviewers_group_name(language_code: str) -> str:
    return f"Translation reviewers ({language_code})"


@dataclass
class RolesReport:
    groups_created: list[str] = field(default_factory=list)
    permissions_added: int = 0
    locales_without_tree: list[str] = field(default_factory=list)


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant(group: Group, dotted_names, report: RolesReport):
    wanted = [_permission(name) for name in dotted_names]
    missing = [p for p in wanted if not group.permissions.filter(pk=p.pk).exists()]
    group.permissions.add(*missing)
    report.permissions_added += len(missing)


def _grant_on_page(group: Group, page, codenames, report: RolesReport):
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        _obj, created = GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )
        report.permissions_added += int(created)


def _grant_image_choosing(group: Group, report: RolesReport):
    permission = _permission("wagtailimages.choose_image")
    _obj, created = GroupCollectionPermission.objects.get_or_create(
        group=group, collection=Collection.get_first_root_node(), permission=permission
    )
    report.permissions_added += int(created)


def _group(name: str, report: RolesReport) -> Group:
    group, created = Group.objects.get_or_create(name=name)
    if created:
        report.groups_created.append(name)
    return group


def locale_home(locale):
    """The root of the locale's page tree: the default site's home page in that
    language, or None while the home page has no translation into it."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale)


def grant_locale_tree(role: LocaleRole, home, report: RolesReport | None = None):
    """Give a locale role's group its permissions on the locale's page tree."""
    codenames = (
        TRANSLATOR_PAGE_PERMISSIONS
        if role.role == LocaleRole.TRANSLATOR
        else REVIEWER_PAGE_PERMISSIONS
    )
    _grant_on_page(role.group, home, codenames, report or RolesReport())


def _ensure_locale_role(locale, role, report: RolesReport) -> Group:
    name = (translators_group_name if role == LocaleRole.TRANSLATOR else reviewers_group_name)(
        locale.language_code
    )
    group = _group(name, report)
    locale_role, _created = LocaleRole.objects.update_or_create(
        locale=locale, role=role, defaults={"group": group}
    )
    _grant(group, (ADMIN_ACCESS, *LOCALE_SNIPPET_PERMISSIONS), report)
    _grant_image_choosing(group, report)
    home = locale_home(locale)
    if home is not None:
        grant_locale_tree(locale_role, home, report)
    return group


@transaction.atomic
def ensure_roles() -> RolesReport:
    """Create or complete every group, its locale role and its permissions, and the
    "Translation review" workflow."""
    report = RolesReport()
    for name in (EDITORS, MODERATORS):
        _grant(_group(name, report), (ADMIN_ACCESS, *EDITOR_PERMISSIONS), report)
    for locale in Locale.objects.order_by("language_code"):
        if locale_home(locale) is None:
            report.locales_without_tree.append(locale.language_code)
        _ensure_locale_role(locale, LocaleRole.TRANSLATOR, report)
        _ensure_locale_role(locale, LocaleRole.REVIEWER, report)
    translation_review_workflow()
    return report
