"""Fast search on PostgreSQL: the pg_trgm extension and GIN trigram indexes.

- ``search_text``: answers search's LIKE '% word%' matches from the index;
- ``first_name``, ``last_name``: find names that look like a misspelt word (``%``).

Every step does nothing on SQLite, where the same LIKE queries scan the table.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "providers_provider_search_trgm": "search_text",
    "providers_provider_first_name_trgm": "first_name",
    "providers_provider_last_name_trgm": "last_name",
}


class PostgresTrigramExtension(TrigramExtension):
    """TrigramExtension (already a no-op on other databases going forwards) that never drops the
    extension going backwards: site search may use pg_trgm too."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON providers_provider USING gin ({column} gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("providers", "0001_initial")]

    operations = [
        PostgresTrigramExtension(),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes, elidable=False),
    ]
