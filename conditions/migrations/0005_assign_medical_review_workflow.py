"""The "Medical review" workflow: a medical review task for the Medical reviewers group.

Assigned here to every conditions section (ConditionIndexPage) that exists;
sections created later get it from conditions.signals.
"""

from django.db import migrations

WORKFLOW_NAME = "Medical review"
TASK_NAME = "Medical review by a clinician"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    MedicalReviewTask = apps.get_model("conditions", "MedicalReviewTask")
    ConditionIndexPage = apps.get_model("conditions", "ConditionIndexPage")

    task_type, _ = ContentType.objects.get_or_create(app_label="conditions", model="medicalreviewtask")
    task = MedicalReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = MedicalReviewTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(Group.objects.get(name="Medical reviewers"))

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in ConditionIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("conditions", "MedicalReviewTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("conditions", "0004_medical_review_workflow"),
        ("hospital_site", "0003_staff_roles"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
