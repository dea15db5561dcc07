"""Seed the language list and create the "Directory editors" group.

Directory editors can sign in to the Wagtail admin and manage providers,
specialties, locations and languages, and choose or upload provider photos.
They get no page permissions, so they cannot edit the site's pages.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from providers.choices import DEFAULT_LANGUAGES

GROUP_NAME = "Directory editors"
DIRECTORY_MODELS = ["provider", "specialty", "location", "language"]
IMAGE_PERMISSIONS = ["add_image", "choose_image"]


def seed_languages(apps, schema_editor):
    Language = apps.get_model("providers", "Language")
    for code, name, native_name in DEFAULT_LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name, "native_name": native_name})


def create_directory_editors(apps, schema_editor):
    # Permissions are normally created after all migrations run; a fresh
    # database needs them now, so create them for the apps involved.
    for label in ["providers", "wagtailimages"]:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    codenames = [f"{action}_{model}" for model in DIRECTORY_MODELS for action in ("add", "change", "delete", "view")]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="providers", codename__in=codenames),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    root = Collection.objects.filter(depth=1).first()
    if root is not None:
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailimages", codename__in=IMAGE_PERMISSIONS
        ):
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def remove_directory_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0002_search_text_trigram_index"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        # After Wagtail's own data migrations that grant "choose" permissions to
        # existing groups, so this group gets only what is listed here.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(seed_languages, migrations.RunPython.noop),
        migrations.RunPython(create_directory_editors, remove_directory_editors),
    ]
