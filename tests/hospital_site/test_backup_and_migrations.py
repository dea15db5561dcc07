"""Backups restore, and migrations run forward over real content (docs/operations.md, "Releases and backups")."""

import json
import os
import shutil
import subprocess
import sys
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import migrations
from django.db.migrations.loader import MigrationLoader

from tests.helpers import PROJECT_ROOT

OUR_APPS = ("base", "hospital_site", "conditions", "providers")
DATABASE_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = DATABASE_URL.startswith(("postgres://", "postgresql://"))


def script_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(PYTHON=sys.executable, **extra)
    return env


def scratch_prefix(suffix):
    """Scratch database names next to this run's own database, so parallel runs and xdist workers never share one."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return f"{urlsplit(DATABASE_URL).path.lstrip('/') or 'postgres'}_{suffix}{'_' + worker if worker else ''}"


def test_every_data_migration_of_ours_can_be_reversed():
    """Rolling back a release must be possible: every RunPython/RunSQL says how to undo itself (noop if nothing)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    checked = 0
    for (app, name), migration in loader.disk_migrations.items():
        if app not in OUR_APPS:
            continue
        for operation in migration.operations:
            if isinstance(operation, migrations.RunPython):
                assert operation.reversible, f"{app}.{name}: RunPython({operation.code.__name__}) has no reverse_code"
                checked += 1
            if isinstance(operation, migrations.RunSQL):
                assert operation.reversible, f"{app}.{name}: RunSQL has no reverse_sql"
    assert checked >= 5


@pytest.mark.django_db
def test_content_fingerprint_changes_when_a_page_title_changes(home_page):
    def fingerprint():
        out = StringIO()
        call_command("content_fingerprint", "--tables", stdout=out)
        return json.loads(out.getvalue())

    before = fingerprint()
    home_page.title = "A different home"
    home_page.save()
    after = fingerprint()

    assert before["content"]["pages"]["digest"] != after["content"]["pages"]["digest"]
    assert before["content"]["pages"]["count"] == after["content"]["pages"]["count"]
    assert before["tables"]["wagtailcore_page"] != after["tables"]["wagtailcore_page"]
    assert before["tables"]["providers_provider"] == after["tables"]["providers_provider"]


def test_backup_restores_identically():
    """deploy/backup_roundtrip.sh: demo content and an image, pg_dump, drop, pg_restore, compare."""
    if not ON_POSTGRES:
        pytest.skip("backup round trip needs PostgreSQL: run with DATABASE_URL=postgres://… (CI does)")
    missing = [tool for tool in ("pg_dump", "pg_restore", "psql") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"backup round trip needs the PostgreSQL client tools; missing: {', '.join(missing)}")

    result = subprocess.run(
        ["bash", "deploy/backup_roundtrip.sh"],
        cwd=PROJECT_ROOT,
        env=script_env(BACKUP_SERVER_URL=DATABASE_URL, BACKUP_CHECK_DB=scratch_prefix("backup_check")),
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: backup restored identically (1 media files)" in result.stdout
    assert "providers 40" in result.stdout and "images 1" in result.stdout


def test_migrations_run_forward_on_a_copy_holding_the_demo_content():
    """deploy/migrate_a_copy.py, on this run's database engine (temporary SQLite files, or scratch PostgreSQL)."""
    extra = {"DATABASE_URL": DATABASE_URL} if ON_POSTGRES else {}
    result = subprocess.run(
        [sys.executable, "deploy/migrate_a_copy.py", "--prefix", scratch_prefix("migrate_copy")],
        cwd=PROJECT_ROOT,
        env=script_env(**extra),
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: every migration ran forward" in result.stdout
    assert "after migrating the copy forward: content unchanged" in result.stdout
    assert "200 /conditions/acute-lymphoblastic-leukemia/" in result.stdout


# The last commit before the ground modules moved from hospital_site into base (issue 13):
# its home page, site settings and navigation live in hospital_site_* tables under that app label.
BEFORE_THE_MOVE_TO_BASE = "fce6308332c8dfffe8447d212ee945d86b2d0df6"


def test_a_database_built_before_the_move_to_base_migrates_forward_with_its_content():
    """deploy/migrate_a_copy.py --from-ref: the old code builds the live database, today's code migrates a copy."""
    known = subprocess.run(["git", "cat-file", "-e", f"{BEFORE_THE_MOVE_TO_BASE}^{{commit}}"], cwd=PROJECT_ROOT)
    if known.returncode != 0:
        pytest.skip(f"this clone does not have commit {BEFORE_THE_MOVE_TO_BASE[:7]} (shallow?): the check was NOT run")
    extra = {"DATABASE_URL": DATABASE_URL} if ON_POSTGRES else {}
    result = subprocess.run(
        [
            sys.executable,
            "deploy/migrate_a_copy.py",
            "--prefix",
            scratch_prefix("from_ref"),
            "--from-ref",
            BEFORE_THE_MOVE_TO_BASE,
        ],
        cwd=PROJECT_ROOT,
        env=script_env(**extra),
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "hospital_site.0005_models_moved_to_base, base.0001_initial" in result.stdout
    assert "after migrating the copy forward: content unchanged" in result.stdout
    assert "200 / shows '(562) 728-5000'" in result.stdout
