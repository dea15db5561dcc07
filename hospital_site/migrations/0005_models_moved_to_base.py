"""The home page, site settings and navigation now belong to the ``base`` app.

State only: their tables and rows stay where they are until base 0001 renames them.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("hospital_site", "0004_navigation_settings"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="footerlink",
                    name="link_page",
                ),
                migrations.RemoveField(
                    model_name="footerlink",
                    name="setting",
                ),
                migrations.RemoveField(
                    model_name="headerlink",
                    name="link_page",
                ),
                migrations.RemoveField(
                    model_name="headerlink",
                    name="setting",
                ),
                migrations.RemoveField(
                    model_name="homepage",
                    name="page_ptr",
                ),
                migrations.DeleteModel(
                    name="SiteSettings",
                ),
                migrations.DeleteModel(
                    name="FooterLink",
                ),
                migrations.DeleteModel(
                    name="HeaderLink",
                ),
                migrations.DeleteModel(
                    name="NavigationSettings",
                ),
                migrations.DeleteModel(
                    name="HomePage",
                ),
            ],
        ),
    ]
