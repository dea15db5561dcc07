"""Directory editors manage insurance plans and networks, as they manage providers and locations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Directory editors"
MODELS = ["insuranceplan", "network"]


CODENAMES = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations run; an existing database needs them now.
    app_config = apps.get_app_config("providers")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).first()
    if group is None:
        return
    Permission = apps.get_model("auth", "Permission")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="providers", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).first()
    if group is None:
        return
    Permission = apps.get_model("auth", "Permission")
    group.permissions.remove(*Permission.objects.filter(content_type__app_label="providers", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0005_insurance_plans_and_networks"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
