"""Find a Doctor and site search latency at 1,000, 10,000 and 100,000 providers on PostgreSQL, interleaved.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/provider_search.py

DATABASE_URL names the PostgreSQL server to use (its database is only used to
create and drop the scratch one). The script creates a scratch database
(``bench_providers``, or $BENCH_DATABASE_NAME) with one schema per directory
size, and starts one process per size that migrates its schema, loads the demo
content and grows the directory with ``generate_demo_providers``. Then it
times typical searches through the real view (URL routing, FilterSet, queries,
templates), one request at a time in each process in turn, so every size sees
the same machine load — on a shared machine that matters more than anything
else. It prints p50/p95 per size side by side and the largest/smallest ratios.
It asserts nothing. The scratch database is dropped at the end unless --keep
is given.

Options: --repeats N (default 30), --sizes 1000,10000,100000, --keep, --reuse.

--reuse uses a scratch database kept by an earlier --keep run instead of
building it again (generating 100,000 providers takes several minutes): each
schema is migrated (so a new migration's indexes are built) and analyzed, and a
size whose schema is missing or holds fewer providers is set up as usual.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEARCHES = [
    ("browse, no filters", "/find-a-doctor/"),
    ("name", "/find-a-doctor/?q=nguyen"),
    ("condition word", "/find-a-doctor/?q=leukemia"),
    ("abbreviation ALL", "/find-a-doctor/?q=ALL"),
    ("typo (lukemia)", "/find-a-doctor/?q=lukemia"),
    ("lay synonym", "/find-a-doctor/?q=blood+cancer+doctor"),
    ("ALL page link", "/find-a-doctor/?condition=acute-lymphoblastic-leukemia"),
    ("Spanish + accepting", "/find-a-doctor/?language=es&accepting=yes"),
    ("near 90806, 25 mi", "/find-a-doctor/?near=90806&radius=25"),
    ("everything at once", "/find-a-doctor/?q=blood+cancer&language=es&accepting=yes&near=90806&radius=50"),
    ("page 40 by name", "/find-a-doctor/?sort=last_name&page=40"),
    # Site search shows the first five doctors and how many match, next to the condition pages.
    ("site search: leukemia", "/search/?q=leukemia"),
    ("site search: ALL", "/search/?q=ALL"),
    ("site search: typo", "/search/?q=lukemia"),
    ("site search: lay words", "/search/?q=blood+cancer"),
    ("site search: surname", "/search/?q=Nguyen"),
    # The FHIR API (docs/fhir.md) over the same directory, 20 resources a page as Find a Doctor.
    ("FHIR: read a Practitioner", "/fhir/r4/Practitioner/1"),
    ("FHIR: Practitioner family name", "/fhir/r4/Practitioner?family=nguyen"),
    (
        "FHIR: hem-onc PractitionerRoles",
        "/fhir/r4/PractitionerRole?specialty=http://nucc.org/provider-taxonomy|2080P0207X",
    ),
    ("FHIR: roles near 90806, 25 mi", "/fhir/r4/PractitionerRole?location.near=33.8045|-118.1876|25|[mi_us]"),
    (
        "FHIR: hem-onc + plan + 10 mi + _include",
        "/fhir/r4/PractitionerRole?specialty=http://nucc.org/provider-taxonomy|2080P0207X"
        "&location.near=33.8045|-118.1876|10|[mi_us]&network=Organization/network-1"
        "&_include=PractitionerRole:location&_include=PractitionerRole:practitioner",
    ),
    (
        "FHIR: _has (Practitioner by role)",
        "/fhir/r4/Practitioner?_has:PractitionerRole:practitioner:specialty=2080P0207X",
    ),
    (
        "FHIR: Location near + _revinclude",
        "/fhir/r4/Location?near=33.8045|-118.1876|5|[mi_us]&_revinclude=PractitionerRole:location",
    ),
    ("FHIR: count every role (_summary=count)", "/fhir/r4/PractitionerRole?_summary=count"),
]


def parse_args(description=__doc__, repeats=30, sizes="1000,10000,100000"):
    """The options every size-by-size benchmark here takes (bench/two_ways.py too)."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=repeats)
    parser.add_argument("--sizes", default=sizes)
    parser.add_argument("--keep", action="store_true", help="Keep the scratch database afterwards.")
    parser.add_argument("--reuse", action="store_true", help="Reuse a scratch database kept with --keep.")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    return parser.parse_args()


def _run_on_server(server_url, statements, database=None):
    import psycopg2

    url = urlunparse(urlparse(server_url)._replace(path=f"/{database}")) if database else server_url
    connection = psycopg2.connect(url)
    connection.autocommit = True  # CREATE/DROP DATABASE cannot run in a transaction
    try:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        connection.close()


def _database_exists(server_url, name):
    import psycopg2

    connection = psycopg2.connect(server_url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            return cursor.fetchone() is not None
    finally:
        connection.close()


def scratch_database(server_url, name, sizes, reuse=False):
    """Create (or recreate) the scratch database with a schema per size; return its URL.

    With ``reuse``, an existing database and its schemas are kept as they are.
    """
    if not (reuse and _database_exists(server_url, name)):
        _run_on_server(server_url, [f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'])
    # One pg_trgm for every schema (the migration's CREATE EXTENSION IF NOT EXISTS then does nothing).
    statements = ["CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"]
    statements += [f"CREATE SCHEMA IF NOT EXISTS {schema(size)}" for size in sizes]
    _run_on_server(server_url, statements, database=name)
    return urlunparse(urlparse(server_url)._replace(path=f"/{name}"))


def drop_database(server_url, name):
    _run_on_server(server_url, [f'DROP DATABASE IF EXISTS "{name}"'])


def schema(size):
    return f"size_{size}"


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def prepare(size):
    """Set up this process's schema with ``size`` providers (built once; reused when already there)."""
    # Test settings: DEBUG off (no query log), demo content allowed, "testserver" allowed.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hospital_site.settings.test")
    # Time the search itself: with the page cache on, every repeat would be a cache hit.
    os.environ.setdefault("PAGE_CACHE_ENABLED", "false")
    os.environ.setdefault("DEMO_ADMIN_PASSWORD", "bench-only-not-a-real-password")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from providers.models import Provider

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    if Provider.objects.count() < size:  # a new schema (or an unfinished one): build it
        call_command("load_demo_content", verbosity=0, stdout=sys.stderr)
        call_command("generate_demo_providers", count=size, verbosity=0, stdout=sys.stderr)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"{size:,} providers ready in {time.perf_counter() - started:.0f}s", file=sys.stderr, flush=True)


def child(size):
    """One directory size in its own schema: set up, then time requests the parent asks for.

    Reads ``time URL`` / ``queries URL`` lines on stdin; answers with one line on stdout.
    """
    prepare(size)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, url = line.strip().partition(" ")
        if command == "quit":
            break
        if command == "queries":
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            print(len(queries), flush=True)
            continue
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
        print(f"{elapsed:.3f}" if response.status_code == 200 else f"error {response.status_code}", flush=True)


class Child:
    """A running ``child()`` process for one size."""

    def __init__(self, size, database_url, script=__file__):
        options = quote(f"-c search_path={schema(size)},public")
        env = {**os.environ, "DATABASE_URL": f"{database_url}?options={options}"}
        self.size = size
        self.process = subprocess.Popen(
            [sys.executable, script, "--child", str(size)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, command, url):
        """Send one ``command url`` line; the answer is a number of milliseconds (or of queries)."""
        self.process.stdin.write(f"{command} {url}\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        if not answer or answer.startswith("error"):
            raise SystemExit(f"{url} at {self.size:,} providers: {answer or 'the process stopped'}")
        return float(answer)

    def wait_ready(self):
        for line in self.process.stdout:
            if line.strip() == "ready":
                return
        raise SystemExit(f"setting up {self.size:,} providers failed")

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.write("quit\n")
            self.process.stdin.close()
            self.process.wait(timeout=30)


def time_searches(children, repeats):
    """{size: {label: (p50 ms, p95 ms, queries)}}, each request sent to each size in turn."""
    results = {child.size: {} for child in children}
    for label, url in SEARCHES:
        timings = {child.size: [] for child in children}
        for child in children:
            child.ask("time", url)  # warm caches and renditions, as a live server would be
        for round_number in range(repeats):
            # Alternate who goes first, so neither size always follows the other.
            for child in children if round_number % 2 == 0 else reversed(children):
                timings[child.size].append(child.ask("time", url))
        for child in children:
            queries = int(child.ask("queries", url))
            values = timings[child.size]
            results[child.size][label] = (statistics.median(values), percentile(values, 0.95), queries)
    return results


def print_table(sizes, results):
    def size_label(size):
        return f"{size // 1000}k" if size >= 1000 else str(size)

    labels = [label for label, _url in SEARCHES]
    width = max(len(label) for label in labels) + 2
    header = "search".ljust(width) + "".join(f"{size_label(s) + ' p50/p95 ms':>22}" for s in sizes)
    ratio = len(sizes) > 1
    if ratio:
        header += f"{size_label(sizes[-1]) + '/' + size_label(sizes[0]) + ' p50 / p95':>22}"
    header += f"{'queries':>9}"
    print()
    print(header)
    print("-" * len(header))
    for label in labels:
        row = label.ljust(width)
        for size in sizes:
            p50, p95, _queries = results[size][label]
            row += f"{p50:>12.1f} /{p95:>7.1f}"
        if ratio:
            first, last = results[sizes[0]][label], results[sizes[-1]][label]
            row += f"{last[0] / first[0]:>13.1f}x /{last[1] / first[1]:>5.1f}x"
        row += f"{results[sizes[-1]][label][2]:>9}"
        print(row)
    print()


def main():
    args = parse_args()
    if args.child:
        child(args.child)
        return
    server_url = os.environ.get("DATABASE_URL", "")
    if not server_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit(
            "Set DATABASE_URL to a PostgreSQL server, for example postgres://postgres@127.0.0.1:5432/postgres. "
            "The benchmark creates and drops its own scratch database there."
        )
    sizes = sorted(int(size) for size in args.sizes.split(","))
    name = os.environ.get("BENCH_DATABASE_NAME", "bench_providers")
    database_url = scratch_database(server_url, name, sizes, reuse=args.reuse)
    print(f"Scratch database {name}: one schema and one process per size, setting up…", flush=True)
    children = []
    try:
        children = [Child(size, database_url) for size in sizes]
        for process in children:
            process.wait_ready()
        results = time_searches(children, args.repeats)
        print_table(sizes, results)
        print(
            f"{args.repeats} timed requests per search and size through the view (templates included), "
            "after one warm-up, the sizes taking turns."
        )
    finally:
        for process in children:
            process.stop()
        if not args.keep:
            drop_database(server_url, name)


if __name__ == "__main__":
    main()
