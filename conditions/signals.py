"""Every conditions section is under medical review from the moment it is created."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import ConditionIndexPage

MEDICAL_REVIEW_WORKFLOW = "Medical review"


def medical_review_workflow():
    """The active workflow built on a medical review task ("Medical review" by name first), or None."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Workflow

    from .models import MedicalReviewTask

    task_type = ContentType.objects.get_for_model(MedicalReviewTask)
    workflows = Workflow.objects.filter(active=True, workflow_tasks__task__content_type=task_type).distinct()
    return workflows.filter(name=MEDICAL_REVIEW_WORKFLOW).first() or workflows.order_by("pk").first()


def assign_medical_review(index_page):
    """Put the medical review workflow on a conditions section that has no workflow of its own."""
    from wagtail.models import WorkflowPage

    workflow = medical_review_workflow()
    if workflow is not None and not WorkflowPage.objects.filter(page=index_page).exists():
        WorkflowPage.objects.create(page=index_page, workflow=workflow)


@receiver(post_save, sender=ConditionIndexPage)
def condition_index_created(sender, instance, created, raw=False, **kwargs):
    """The data migration covers sections that existed then; this covers every one created later."""
    if created and not raw:
        assign_medical_review(instance)
