"""Publish an edit to the ALL page and time how long until the proxy serves it.

    DATABASE_URL=… CACHE_DIR=… FRONTEND_CACHE_URL=http://127.0.0.1:6081 \
        .venv/bin/python bench/publish_to_visible.py http://127.0.0.1:6081/conditions/acute-lymphoblastic-leukemia/

Run with the same DATABASE_URL and CACHE_DIR as the app servers, so the
publish reaches their page cache the way an editor's publish in the admin
would, and FRONTEND_CACHE_URL pointing at Varnish so Wagtail purges it.
Prints the seconds from "publish" to the first response carrying the new
words, for a few publishes. Asserts nothing.
"""

import os
import statistics
import sys
import time
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hospital_site.settings.dev")

import django  # noqa: E402

django.setup()

from conditions.models import ConditionPage  # noqa: E402

SLUG = "acute-lymphoblastic-leukemia"


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback URL from the command line
        return response.read().decode()


def publish_and_wait(url, timeout=10.0):
    page = ConditionPage.objects.get(slug=SLUG)
    marker = f"bench-{uuid.uuid4().hex[:12]}"
    fetch(url)  # make sure the old version is cached in the proxy
    page.search_description = marker
    started = time.perf_counter()
    page.save_revision().publish()
    while time.perf_counter() - started < timeout:
        if marker in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.005)
    return None


def main():
    url = sys.argv[1]
    times = [publish_and_wait(url) for _ in range(int(os.environ.get("BENCH_PUBLISHES", "5")))]
    seen = [t for t in times if t is not None]
    print("publish → visible through the proxy (seconds):", " ".join(f"{t:.3f}" if t else "never" for t in times))
    if seen:
        print(f"publish → visible: median {statistics.median(seen):.3f} s, worst {max(seen):.3f} s")
    if len(seen) < len(times):
        print("SOME PUBLISHES WERE NOT VISIBLE WITHIN 10 s")


if __name__ == "__main__":
    main()
