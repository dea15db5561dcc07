"""Two ways of one rule, timed side by side: is the faster second definition still worth keeping?

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/two_ways.py

The site keeps two places where one rule is written twice for speed:

- **Find a Doctor's order.** ``ProviderFilterSet.qs`` is django-filter's answer:
  every match in one ``ORDER BY relevance | distance, last_name, first_name, id``.
  ``providers/results.py`` finds the same page without sorting every match. Timed
  here: ``CappedPaginator`` over each, page 1 (and page 40 by name), loaded.
- **Site search's doctors.** ``first_doctors_sql`` writes the ORM query out as SQL,
  because Django compiled it slower than PostgreSQL ran it. Timed here: that SQL,
  the same query through the ORM, and ``providers/results.py`` (what site search
  uses above ``SMALL_DIRECTORY`` doctors), each giving the first five and the count.

Each directory size runs in its own process and schema (as bench/provider_search.py,
whose scratch database and ``--keep``/``--reuse`` this shares). The ways of one
search take turns in each round, first and last alternating, and the sizes take
turns too, so a noisy machine slows each way alike. Prints p50/p95 per way and
the ratio of each way to the first one listed. Asserts nothing.
"""

import os
import statistics
import sys
import time

import provider_search
from provider_search import Child, percentile, scratch_database

FIND_A_DOCTOR = [
    ("condition word", "q=leukemia"),
    ("lay synonym", "q=blood+cancer+doctor"),
    ("name", "q=nguyen"),
    ("near 90806, 25 mi", "near=90806&radius=25"),
    ("everything at once", "q=blood+cancer&language=es&accepting=yes&near=90806&radius=50"),
    ("page 40 by name", "sort=last_name&page=40"),
]
SITE_SEARCH = ["leukemia", "blood cancer", "lukemia", "Nguyen"]
FIND_A_DOCTOR_WAYS = ["results.py", "filterset.qs"]
SITE_SEARCH_WAYS = ["SQL", "ORM", "results.py"]


class QuerySetPages:
    """``filterset.qs`` as ``CappedPaginator`` reads a ``SearchResults``: a capped count and slices."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count_upto(self, limit):
        return self.queryset[:limit].count()

    def __getitem__(self, window):
        return list(self.queryset[window])


def child(size):
    """Set up one size, then answer ``fad WAY QUERYSTRING`` and ``site WAY QUERY`` lines with milliseconds."""
    provider_search.prepare(size)
    from django.db.models import Count, Window
    from django.http import QueryDict

    from providers.choices import SortOrder
    from providers.filters import ProviderFilterSet
    from providers.models import Provider, search_terms
    from providers.results import SearchResults
    from providers.views import MAX_COUNTED, RESULTS_PER_PAGE, CappedPaginator, counting_limit, page_number
    from search.site_search import MAX_PROVIDERS, doctors_listing, first_doctors_sql, search_data, vocabulary_for

    def find_a_doctor(way, querystring):
        data = QueryDict(querystring)
        filterset = ProviderFilterSet(data, queryset=Provider.objects.for_listing())
        pages = filterset.results() if way == "results.py" else QuerySetPages(filterset.qs)
        paginator = CappedPaginator(pages, RESULTS_PER_PAGE, limit=counting_limit(len(filterset.active_filters)))
        page = paginator.page(page_number(data.get("page"), paginator.num_pages))
        return [provider.pk for provider in page.object_list]

    def site_search(way, query):
        terms = search_terms(query)
        vocabulary = vocabulary_for(terms, search_data())
        limit = MAX_COUNTED + 1
        if way == "SQL":
            found = list(Provider.objects.raw(*first_doctors_sql(terms, vocabulary)))
            return [p.pk for p in found], min(found[0].matching, limit) if found else 0
        matches = Provider.objects.active().search(query, vocabulary=vocabulary)
        if way == "ORM":
            ranked = (
                doctors_listing()
                .search(query, vocabulary=vocabulary)
                .annotate(matching=Window(Count("pk")))
                .order_by("-relevance", "last_name", "first_name", "pk")
            )
            found = list(ranked[:MAX_PROVIDERS])
            return [p.pk for p in found], min(found[0].matching, limit) if found else 0
        results = SearchResults(matches, doctors_listing(), sort=SortOrder.RELEVANCE, terms=terms)
        found = results[:MAX_PROVIDERS]
        count = len(found) if len(found) < MAX_PROVIDERS else results.count_upto(limit)
        return [p.pk for p in found], count

    print("ready", flush=True)
    answers = {}
    for line in sys.stdin:
        kind, _, rest = line.rstrip("\n").partition(" ")
        if kind == "quit":
            break
        way, _, argument = rest.partition(" ")
        run = find_a_doctor if kind == "fad" else site_search
        start = time.perf_counter()
        answer = run(way, argument)
        elapsed = (time.perf_counter() - start) * 1000
        # Both ways must give the same answer, or the comparison means nothing.
        key = (kind, argument)
        if answers.setdefault(key, answer) != answer:
            print(f"error: {way} disagrees on {kind} {argument!r}: {answer} != {answers[key]}", flush=True)
            continue
        print(f"{elapsed:.3f}", flush=True)


def time_ways(children, kind, cases, ways, repeats):
    """{(label, size, way): [ms, ...]}: per round, every size in turn, every way in turn."""
    timings = {}
    for label, argument in cases:
        for child in children:
            for way in ways:
                child.ask(f"{kind} {way}", argument)  # warm-up
        for round_number in range(repeats):
            sizes = children if round_number % 2 == 0 else list(reversed(children))
            for child in sizes:
                order = ways if round_number % 2 == 0 else list(reversed(ways))
                for way in order:
                    timings.setdefault((label, child.size, way), []).append(child.ask(f"{kind} {way}", argument))
    return timings


def print_table(title, cases, sizes, ways, timings):
    def size_label(size):
        return f"{size // 1000}k" if size >= 1000 else str(size)

    labels = [label for label, _argument in cases]
    width = max(len(label) for label in labels) + 2
    print()
    print(title)
    header = "search".ljust(width) + "size".rjust(6)
    header += "".join(f"{way + ' p50/p95':>22}" for way in ways)
    header += "".join(f"{way + '/' + ways[0]:>20}" for way in ways[1:])
    print(header)
    print("-" * len(header))
    for label in labels:
        for size in sizes:
            row = label.ljust(width) + size_label(size).rjust(6)
            p50 = {}
            for way in ways:
                values = timings[(label, size, way)]
                p50[way] = statistics.median(values)
                row += f"{p50[way]:>12.1f} /{percentile(values, 0.95):>7.1f}"
            row += "".join(f"{p50[way] / p50[ways[0]]:>19.2f}x" for way in ways[1:])
            print(row)


def main():
    args = provider_search.parse_args(__doc__, repeats=20, sizes="1000,100000")
    if args.child:
        child(args.child)
        return
    server_url = os.environ.get("DATABASE_URL", "")
    if not server_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres.")
    sizes = sorted(int(size) for size in args.sizes.split(","))
    name = os.environ.get("BENCH_DATABASE_NAME", "bench_providers")
    database_url = scratch_database(server_url, name, sizes, reuse=args.reuse)
    print(f"Scratch database {name}: one schema and one process per size, setting up…", flush=True)
    children = []
    try:
        children = [Child(size, database_url, script=__file__) for size in sizes]
        for process in children:
            process.wait_ready()
        fad = time_ways(children, "fad", FIND_A_DOCTOR, FIND_A_DOCTOR_WAYS, args.repeats)
        site_cases = [(query, query) for query in SITE_SEARCH]
        site = time_ways(children, "site", site_cases, SITE_SEARCH_WAYS, args.repeats)
        print_table("Find a Doctor: one page of results, ms", FIND_A_DOCTOR, sizes, FIND_A_DOCTOR_WAYS, fad)
        print_table("Site search: the first five doctors and the count, ms", site_cases, sizes, SITE_SEARCH_WAYS, site)
        print(f"\n{args.repeats} timed calls per way, search and size, after one warm-up; the ways take turns.")
    finally:
        for process in children:
            process.stop()
        if not args.keep:
            provider_search.drop_database(server_url, name)


if __name__ == "__main__":
    main()
