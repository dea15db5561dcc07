"""Editors (and site administrators) translate pages into Spanish with wagtail-localize.

wagtail-localize's own migration gives its "Can submit translations" permission
to an "Editors" group only if the group already exists, which on a fresh database
it does not yet. Translators are editors: they save and submit, and a medical
reviewer's approval publishes (docs/spanish.md).
"""

from django.db import migrations

from ._staff_roles import EDITORS, SITE_ADMINISTRATORS, get_permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = get_permission(
        apps, "wagtail_localize", "translation", "submit_translation", "Can submit translations"
    )
    for group in Group.objects.filter(name__in=[EDITORS, SITE_ADMINISTRATORS]):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=[EDITORS, SITE_ADMINISTRATORS]):
        group.permissions.remove(*group.permissions.filter(codename="submit_translation"))


class Migration(migrations.Migration):
    dependencies = [
        ("hospital_site", "0005_models_moved_to_base"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
