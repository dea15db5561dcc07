"""Find a Doctor search latency at 1,000, 10,000 and 100,000 providers on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/provider_search.py

DATABASE_URL names the PostgreSQL server to use (its database is only used to
create and drop the scratch one). The script creates a scratch database
(``bench_providers``, or $BENCH_DATABASE_NAME), migrates it, loads the demo
content, then grows the directory with ``generate_demo_providers`` to each size
and times typical searches through the real view (URL routing, FilterSet,
queries, templates), printing p50/p95 per size side by side and the 100k/1k
ratios. It prints numbers; it asserts nothing. The scratch database is dropped
at the end unless --keep is given.

Options: --repeats N (default 30), --sizes 1000,10000,100000, --keep.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

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
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--keep", action="store_true", help="Keep the scratch database afterwards.")
    return parser.parse_args()


def _run_on_server(server_url, statements):
    import psycopg2

    connection = psycopg2.connect(server_url)
    connection.autocommit = True  # CREATE/DROP DATABASE cannot run in a transaction
    try:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        connection.close()


def scratch_database(server_url, name):
    """Create (or recreate) the scratch database; return its URL."""
    _run_on_server(server_url, [f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'])
    return urlunparse(urlparse(server_url)._replace(path=f"/{name}"))


def drop_database(server_url, name):
    _run_on_server(server_url, [f'DROP DATABASE IF EXISTS "{name}"'])


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def time_searches(client, repeats):
    """{label: (p50 ms, p95 ms, queries)} for every search."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = {}
    for label, url in SEARCHES:
        client.get(url)  # warm caches and renditions, as a live server would be
        timings = []
        for _ in range(repeats):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        results[label] = (statistics.median(timings), percentile(timings, 0.95), len(queries))
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
    server_url = os.environ.get("DATABASE_URL", "")
    if not server_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit(
            "Set DATABASE_URL to a PostgreSQL server, for example postgres://postgres@127.0.0.1:5432/postgres. "
            "The benchmark creates and drops its own scratch database there."
        )
    sizes = sorted(int(size) for size in args.sizes.split(","))
    name = os.environ.get("BENCH_DATABASE_NAME", "bench_providers")
    os.environ["DATABASE_URL"] = scratch_database(server_url, name)
    # Test settings: DEBUG off (no query log), demo content allowed, "testserver" allowed.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hospital_site.settings.test")
    # Time the search itself: with the page cache on, every repeat would be a cache hit.
    os.environ.setdefault("PAGE_CACHE_ENABLED", "false")
    os.environ.setdefault("DEMO_ADMIN_PASSWORD", "bench-only-not-a-real-password")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    try:
        print(f"Scratch database {name}: migrating and loading demo content…", flush=True)
        call_command("migrate", verbosity=0)
        call_command("load_demo_content", verbosity=0)
        client = Client()
        results = {}
        for size in sizes:
            started = time.perf_counter()
            call_command("generate_demo_providers", count=size, verbosity=0)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            print(f"{size:,} providers generated in {time.perf_counter() - started:.0f}s; timing searches…", flush=True)
            results[size] = time_searches(client, args.repeats)
        print_table(sizes, results)
        print(f"{args.repeats} timed requests per search through the view (templates included), after one warm-up.")
    finally:
        connection.close()
        if not args.keep:
            drop_database(server_url, name)


if __name__ == "__main__":
    main()
