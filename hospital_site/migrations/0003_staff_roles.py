"""Staff roles: Editors, Medical reviewers and Site administrators (Directory editors come from providers).

See hospital_site/migrations/_staff_roles.py for what each group may do, and docs/editor-guide.md.
"""

from django.db import migrations

from hospital_site.migrations._staff_roles import create_roles, remove_roles


class Migration(migrations.Migration):
    dependencies = [
        ("hospital_site", "0002_create_homepage"),
        ("conditions", "0004_medical_review_workflow"),
        ("providers", "0003_languages_and_directory_editors"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
