#!/usr/bin/env python
"""Prove every migration runs forward on a copy of a database that holds the demo content.

1. Build a "live" database: migrate, load the demo content (pages, 40 demo
   doctors, settings, the admin user), fingerprint it.
2. Take it back to an older release: roll our apps back to ROLLBACK_TO (every
   later migration, data migrations included, must be reversible). The content
   must still be there.
3. Copy it, as the release procedure says (``CREATE DATABASE … TEMPLATE`` on
   PostgreSQL, a file copy on SQLite), and migrate the *copy* to the latest
   state. The content must be unchanged, ``migrate --check`` clean, and the ALL
   page and Find a Doctor must render with their content.
4. The original must still be at the older state: the copy took the risk.

With ``--from-ref REF`` step 1 runs the code of an older commit instead (checked
out into a temporary folder, same Python environment) and step 2 is skipped: the
copy of a database that release built is migrated by today's code. This is how a
change of layout (models moving between apps, as in the move to ``base``) is
proved to carry an existing database forward with its data.

ROLLBACK_TO is the oldest state that still holds the demo content: the tables
it lives in (home page, condition pages with their body, providers) come from
these first migrations. Every later migration of hospital_site, base, conditions and
providers — including ones added after this script was written — runs forward
over real rows.

    .venv/bin/python deploy/migrate_a_copy.py                       # SQLite files in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python deploy/migrate_a_copy.py --prefix h8b_mig  # scratch databases <prefix>_live, <prefix>_copy
    .venv/bin/python deploy/migrate_a_copy.py --from-ref fce6308    # the live database built by that commit

Prints what it did; exits non-zero on any failure.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT = Path(__file__).resolve().parent.parent
ROLLBACK_TO = [
    # Dependants first: each target unapplies the migrations that depend on the ones it removes.
    ("hospital_site", "0002_create_homepage"),
    ("conditions", "0002_condition_page_content"),
    ("providers", "0001_initial"),
]
RENDER_CHECK = """
from django.test import Client
client = Client()
for url, expected in [
    ("/conditions/acute-lymphoblastic-leukemia/", "Acute Lymphoblastic Leukemia"),
    ("/conditions/acute-lymphoblastic-leukemia/", "Call 911"),
    ("/find-a-doctor/?q=leukemia", "Demo profile"),
    ("/", "Find a Doctor"),
    ("/", "(562) 728-5000"),  # from the site settings row, wherever the migrations put it
]:
    response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200, (url, response.status_code)
    assert expected in body, (url, expected)
    print("   ", response.status_code, url, "shows", repr(expected))
"""


class Failure(Exception):
    pass


def manage(database_url, *args, code=None, project=PROJECT):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "hospital_site.settings.dev"}
    env.setdefault("DEMO_ADMIN_PASSWORD", "migration-check-only")
    command = (
        [sys.executable, "manage.py", *args]
        if code is None
        else [sys.executable, "manage.py", "shell", "-v", "0", "-c", code]
    )
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise Failure(f"manage.py {' '.join(args) or 'shell'} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def content(database_url):
    return json.loads(manage(database_url, "content_fingerprint"))["content"]


def unapplied(database_url):
    plan = manage(database_url, "showmigrations", "--plan", "base", "hospital_site", "conditions", "providers")
    return [line.split("]", 1)[1].strip() for line in plan.splitlines() if line.startswith("[ ]")]


class SQLiteDatabases:
    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="migrate-a-copy-"))

    def url(self, name):
        return f"sqlite:///{self.folder / name}.sqlite3"

    def create(self, name):
        pass

    def copy(self, source, target):
        shutil.copyfile(self.folder / f"{source}.sqlite3", self.folder / f"{target}.sqlite3")

    def cleanup(self):
        shutil.rmtree(self.folder, ignore_errors=True)


class PostgresDatabases:
    def __init__(self, server_url, prefix):
        self.server_url, self.prefix, self.names = server_url, prefix, []

    def url(self, name):
        parts = urlsplit(self.server_url)
        return urlunsplit(parts._replace(path=f"/{self.prefix}_{name}"))

    def sql(self, statement, check=True):
        # Through the server's maintenance database: DATABASE_URL's own database need not exist.
        maintenance = urlunsplit(urlsplit(self.server_url)._replace(path="/postgres"))
        setting = "SET client_min_messages = warning"
        command = ["psql", maintenance, "-q", "-v", "ON_ERROR_STOP=1", "-c", setting, "-c", statement]
        subprocess.run(command, check=check)

    def create(self, name):
        self.names.append(name)
        self.sql(f'DROP DATABASE IF EXISTS "{self.prefix}_{name}" WITH (FORCE)')
        self.sql(f'CREATE DATABASE "{self.prefix}_{name}"')

    def copy(self, source, target):
        self.names.append(target)
        self.sql(f'DROP DATABASE IF EXISTS "{self.prefix}_{target}" WITH (FORCE)')
        # TEMPLATE needs the source to have no connections: every step runs in its own process.
        self.sql(f'CREATE DATABASE "{self.prefix}_{target}" TEMPLATE "{self.prefix}_{source}"')

    def cleanup(self):
        for name in self.names:
            self.sql(f'DROP DATABASE IF EXISTS "{self.prefix}_{name}" WITH (FORCE)', check=False)


def same(label, expected, actual):
    if expected != actual:
        changed = sorted(key for key in expected if expected[key] != actual.get(key))
        raise Failure(f"{label}: the content changed ({', '.join(changed)})")
    print(f"    {label}: content unchanged")


def checkout(ref):
    """The project's files at ``ref``, in a temporary folder (``git archive``: no worktree to clean up)."""
    folder = Path(tempfile.mkdtemp(prefix="migrate-a-copy-ref-"))
    archive = subprocess.run(["git", "archive", ref], cwd=PROJECT, capture_output=True)
    if archive.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise Failure(f"git archive {ref} failed (is it a commit of this clone?): {archive.stderr.decode().strip()}")
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def build_live(databases, from_ref):
    """The live database, with the demo content: built by today's code, or by the code at ``from_ref``."""
    live = databases.url("live")
    databases.create("live")
    if from_ref:
        print(f"== a live database with the demo content, built by the code at {from_ref}")
        old = checkout(from_ref)
        try:
            manage(live, "migrate", "--noinput", project=old)
            manage(live, "load_demo_content", project=old)
        finally:
            shutil.rmtree(old, ignore_errors=True)
    else:
        print("== a live database with the demo content, at the latest migrations")
        manage(live, "migrate", "--noinput")
        manage(live, "load_demo_content")
    latest = content(live)
    summary = ", ".join(f"{latest[k]['count']} {k}" for k in ("pages", "revisions", "providers", "users"))
    print(f"    {summary}")
    return live, latest


def check(databases, from_ref=None):
    live, latest = build_live(databases, from_ref)
    copy = databases.url("copy")

    if from_ref:
        pending = unapplied(live)
        print(f"    {len(pending)} migrations to run forward: {', '.join(pending) or 'none'}")
    else:
        print("== back to an older release: " + ", ".join(f"{app} {name}" for app, name in ROLLBACK_TO))
        for app, name in ROLLBACK_TO:
            manage(live, "migrate", app, name, "--noinput")
        pending = unapplied(live)
        if not pending:
            raise Failure("nothing was rolled back")
        print(f"    {len(pending)} migrations to run forward: {', '.join(pending)}")
        same("after rolling back", latest, content(live))

    print("== copy it, and migrate the copy to the latest state")
    databases.copy("live", "copy")
    manage(copy, "migrate", "--noinput")
    manage(copy, "migrate", "--check")
    same("after migrating the copy forward", latest, content(copy))
    print(manage(copy, code=RENDER_CHECK).rstrip())

    print("== the original was not touched")
    if unapplied(live) != pending:
        raise Failure("the original database changed while the copy was migrated")
    print(f"    still {len(pending)} migrations behind")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", default="migrate_a_copy", help="PostgreSQL: scratch database name prefix")
    parser.add_argument("--from-ref", help="build the live database with the code of this git commit instead")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith(("postgres://", "postgresql://")):
        databases = PostgresDatabases(database_url, args.prefix)
    else:
        databases = SQLiteDatabases()
    try:
        check(databases, args.from_ref)
    except (Failure, subprocess.CalledProcessError) as error:
        print(f"FAIL: {error}", file=sys.stderr)
        return 1
    finally:
        databases.cleanup()
    print("OK: every migration ran forward on a copy holding the demo content.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
