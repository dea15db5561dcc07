"""The site's own models (home page, site settings, navigation) move here from ``hospital_site``.

They were created by hospital_site's migrations 0001-0004, under that app label.
Nothing about them changes but their label: the state is created here as it was
there (hospital_site 0005 dropped it from that app's state), and the database
keeps every row: the tables are renamed, and the content types are relabelled, so
the home page's page type, revisions, log entries, search index entries and the
permissions granted on these models (Site administrators' change rights) all
follow. Reversible, so ``deploy/migrate_a_copy.py`` can roll back past it.
"""

import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

import base.phone

MOVED = ["homepage", "sitesettings", "navigationsettings", "headerlink", "footerlink"]


def relabel_content_types(old_label, new_label):
    def relabel(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label=old_label, model__in=MOVED).update(app_label=new_label)

    return relabel


def rename_table(model):
    return migrations.RunSQL(
        f"ALTER TABLE hospital_site_{model} RENAME TO base_{model}",
        reverse_sql=f"ALTER TABLE base_{model} RENAME TO hospital_site_{model}",
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("hospital_site", "0005_models_moved_to_base"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                *[rename_table(model) for model in MOVED],
                migrations.RunPython(
                    relabel_content_types("hospital_site", "base"),
                    relabel_content_types("base", "hospital_site"),
                ),
            ],
            state_operations=[
                migrations.CreateModel(
                    name="HomePage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        (
                            "intro",
                            models.TextField(
                                blank=True,
                                help_text="One or two short sentences shown under the hospital name. Plain words a worried parent can read fast.",
                                max_length=400,
                            ),
                        ),
                        (
                            "body",
                            wagtail.fields.RichTextField(
                                blank=True, help_text="Optional longer text below the main links."
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "home page",
                    },
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="NavigationSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "navigation",
                        "verbose_name_plural": "navigation",
                    },
                ),
                migrations.CreateModel(
                    name="SiteSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("hospital_name", models.CharField(default="Children's Hospital", max_length=120)),
                        (
                            "main_phone",
                            models.CharField(
                                blank=True,
                                help_text="Shown in the header of every page as a tap-to-call link.",
                                max_length=32,
                                validators=[base.phone.validate_phone],
                                verbose_name="main phone",
                            ),
                        ),
                        ("cancer_center_name", models.CharField(blank=True, max_length=160)),
                        (
                            "cancer_center_phone",
                            models.CharField(
                                blank=True,
                                help_text="The number parents call for appointments about cancer and blood disorders.",
                                max_length=32,
                                validators=[base.phone.validate_phone],
                                verbose_name="cancer center phone",
                            ),
                        ),
                        ("street_address", models.CharField(blank=True, max_length=200)),
                        ("city", models.CharField(blank=True, max_length=100)),
                        ("state", models.CharField(blank=True, help_text="Two letters, for example CA.", max_length=2)),
                        ("postal_code", models.CharField(blank=True, max_length=10, verbose_name="ZIP code")),
                        (
                            "emergency_notice",
                            models.TextField(
                                default="If you think your child has a medical emergency, call 911 now or go to the nearest emergency room.",
                                help_text="Shown on every page. Tell parents to call 911 in an emergency.",
                                max_length=300,
                            ),
                        ),
                        (
                            "medical_disclaimer",
                            wagtail.fields.RichTextField(
                                default="<p>The health information on this website is for learning only. It does not take the place of advice from your child's doctor or care team. Always ask your child's doctor if you have questions about a medical condition.</p>",
                                help_text="Shown in the footer and on every condition page.",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "site settings",
                        "verbose_name_plural": "site settings",
                    },
                ),
                migrations.CreateModel(
                    name="HeaderLink",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        (
                            "link_url",
                            models.CharField(
                                blank=True,
                                help_text="For a link that is not a page, for example /find-a-doctor/ or https://…",
                                max_length=500,
                                verbose_name="URL",
                            ),
                        ),
                        (
                            "text",
                            models.CharField(
                                blank=True, help_text="Leave empty to use the page's title.", max_length=60
                            ),
                        ),
                        (
                            "link_page",
                            models.ForeignKey(
                                blank=True,
                                help_text="Pick a page of this site, or type a URL below.",
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="page",
                            ),
                        ),
                        (
                            "setting",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="header_links",
                                to="base.navigationsettings",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="FooterLink",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        (
                            "link_url",
                            models.CharField(
                                blank=True,
                                help_text="For a link that is not a page, for example /find-a-doctor/ or https://…",
                                max_length=500,
                                verbose_name="URL",
                            ),
                        ),
                        (
                            "text",
                            models.CharField(
                                blank=True, help_text="Leave empty to use the page's title.", max_length=60
                            ),
                        ),
                        (
                            "link_page",
                            models.ForeignKey(
                                blank=True,
                                help_text="Pick a page of this site, or type a URL below.",
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="page",
                            ),
                        ),
                        (
                            "setting",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="footer_links",
                                to="base.navigationsettings",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
            ],
        ),
    ]
