"""Print a fingerprint of what the database holds, to compare two databases (a backup and its restore)."""

import hashlib
import json

from django.core.management.base import BaseCommand
from django.db import connection

# What editors and parents care about, read with plain SQL from columns that every
# migration state of this project has (the site settings table by either of the
# names it has had: hospital_site_sitesettings before base 0001, base_sitesettings
# after), so a database rolled back to an older
# migration can be compared with itself migrated forward again.
CONTENT_QUERIES = {
    "pages": "SELECT id, title, url_path, live, latest_revision_id FROM wagtailcore_page ORDER BY path",
    "revisions": "SELECT id, object_id, content FROM wagtailcore_revision ORDER BY id",
    "providers": "SELECT npi, first_name, last_name, slug, active FROM providers_provider ORDER BY npi",
    "site_settings": "SELECT hospital_name, main_phone, cancer_center_phone FROM {site_settings} ORDER BY id",
    "images": "SELECT id, title, file, width, height FROM wagtailimages_image ORDER BY id",
    "users": "SELECT username, is_staff, is_superuser FROM auth_user ORDER BY username",
}


def _digest(rows):
    text = json.dumps(rows, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _normalise(value):
    # Revision content is JSON: a dict on PostgreSQL (jsonb), a string on SQLite.
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def content_fingerprint():
    """Row counts and digests of pages (titles, latest revision), revisions, providers, settings, images, users."""
    result = {}
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        site_settings = "base_sitesettings" if "base_sitesettings" in tables else "hospital_site_sitesettings"
        for name, sql in CONTENT_QUERIES.items():
            cursor.execute(sql.format(site_settings=site_settings))
            rows = [[_normalise(value) for value in row] for row in cursor.fetchall()]
            result[name] = {"count": len(rows), "digest": _digest(rows)}
        # Each page's type by model name: a page that lost its type (say, a content type
        # left behind when models change app) shows here; the app label may change.
        cursor.execute(
            "SELECT p.title, p.url_path, ct.model FROM wagtailcore_page p"
            " LEFT JOIN django_content_type ct ON ct.id = p.content_type_id ORDER BY p.path",
        )
        result["page_titles"] = [f"{url_path} {title} ({model})" for title, url_path, model in cursor.fetchall()]
    return result


def table_fingerprint():
    """Every table: its row count and a digest of every row (order-independent)."""
    result = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from introspection
            rows = sorted(json.dumps([_normalise(v) for v in row], sort_keys=True, default=str) for row in cursor)
            result[table] = {"count": len(rows), "digest": _digest(rows)}
    return result


class Command(BaseCommand):
    help = (
        "Print a JSON fingerprint of the database: pages (titles and latest revision), revisions, providers, "
        "site settings, images and users, and with --tables every table's row count and digest. "
        "Two databases with the same fingerprint hold the same content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tables", action="store_true", help="Also fingerprint every table, row by row.")

    def handle(self, *args, **options):
        fingerprint = {"content": content_fingerprint()}
        if options["tables"]:
            fingerprint["tables"] = table_fingerprint()
        self.stdout.write(json.dumps(fingerprint, indent=1, sort_keys=True))
