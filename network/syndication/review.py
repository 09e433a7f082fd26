"""The "Statement review" workflow that imported statements go through."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

WORKFLOW_NAME = "Statement review"
TASK_NAME = "Moderators check a partner statement"
MODERATORS = "Moderators"


@transaction.atomic
def statement_review_workflow() -> Workflow:
    """The workflow, created on first use: one approval task for the Moderators group
    (Wagtail's own migrations create that group)."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        return workflow
    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME, active=True).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([moderators])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow
