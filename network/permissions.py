"""Model permissions narrowed to a translator's or reviewer's own locales.

Wagtail scopes page permissions by the page tree but snippet permissions only by
model. Someone who is only a "Translators (fr)" member may change the French
translations of organisations and topics, not the English or Russian ones.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from network.models.roles import is_locale_bound, locale_ids_of_user


class LocaleScopedPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if is_locale_bound(user):
            return instance.locale_id in locale_ids_of_user(user)
        return True

    def instances_user_has_permission_for(self, user, action):
        instances = super().instances_user_has_permission_for(user, action)
        if is_locale_bound(user):
            return instances.filter(locale_id__in=locale_ids_of_user(user))
        return instances
