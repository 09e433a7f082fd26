"""The review step every translation goes through before readers see it."""

from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from network.models import LocaleRole
from network.models.roles import locale_ids_of_user


class TranslationReviewTask(Task):
    """Approved by the reviewers of the page's own locale.

    One task serves every language: a French translation waits for "Translation
    reviewers (fr)", a Russian one for "Translation reviewers (ru)". Reviewers are
    found through their group's ``LocaleRole``, so adding a language needs no new
    workflow.
    """

    def user_can_review(self, obj, user) -> bool:
        if user.is_superuser:
            return True
        locale_id = getattr(obj, "locale_id", None)
        return locale_id in locale_ids_of_user(user, roles=(LocaleRole.REVIEWER,))

    def user_can_access_editor(self, obj, user):
        return self.user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_review(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not self.user_can_review(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve and publish"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        locale_ids = locale_ids_of_user(user, roles=(LocaleRole.REVIEWER,))
        if not locale_ids:
            return TaskState.objects.none()
        page_ids = (
            Page.objects.filter(locale_id__in=locale_ids)
            .annotate(id_text=Cast("id", models.CharField()))
            .values("id_text")
        )
        return states.filter(workflow_state__object_id__in=page_ids)

    @classmethod
    def get_description(cls):
        return _("Reviewers of the translation's language approve it before it is published")

    class Meta:
        verbose_name = _("translation review task")
        verbose_name_plural = _("translation review tasks")
