"""Every conditions section is under medical review from the moment it is created; searches that read
Wagtail's index are dropped from the caches once a worker has updated it."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from modelsearch.tasks import insert_or_update_object_task

from base.cache import invalidate
from base.tasks import immediate

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


def search_paths():
    """What reads Wagtail's search index: site search in each language, and each conditions section (its ``?q=``)."""
    from base.cache import page_path
    from base.i18n import reverse_in_each_language

    paths = [path + "*" for path in reverse_in_each_language("search")]
    for index in ConditionIndexPage.objects.live().filter(alias_of__isnull=True):
        path = page_path(index)
        if path:
            paths.append(path + "*")
    return paths


@receiver(task_finished)
def search_index_updated(sender, task_result, **kwargs):
    """A worker updated Wagtail's search index for a live page, after the save that asked for it had committed.

    The save's own ``invalidate`` (a publish) came first, so a search made in
    between was rendered from the old index and cached (page cache and Varnish):
    drop those now. Pages that are not live are never found by a public search, and
    images, documents and the rest are searched in the admin only. With the
    immediate backend the index is updated inside the save, before its
    ``invalidate``, so there is nothing more to do.
    """
    if (
        task_result.task.module_path == insert_or_update_object_task.module_path
        and task_result.status == TaskResultStatus.SUCCESSFUL
        and not immediate(task_result.task)
        and _live_page(*task_result.args)
    ):
        invalidate(search_paths())


def _live_page(app_label, model_name, pk):
    from django.apps import apps
    from wagtail.models import Page

    model = apps.get_model(app_label, model_name)
    return issubclass(model, Page) and model.objects.filter(pk=pk, live=True).exists()
