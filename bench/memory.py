"""Resident memory of each gunicorn worker over 10,000 mixed requests.

    .venv/bin/python bench/memory.py http://127.0.0.1:8076 8076

Sends a fixed, seeded mix — cached pages (home, A–Z, the ALL page), Find a
Doctor searches with varied words, filters and pages (mostly rendered, since
each combination is new), and provider profiles — on 4 connections, and
samples every worker's RSS from /proc every 1,000 requests. Prints the table,
the largest worker, and each worker's growth over the last 5,000 requests.
Asserts nothing. bench/memory.sh starts the server and the database for it.
"""

import http.client
import os
import random
import sys
import threading
from pathlib import Path
from urllib.parse import urlencode, urlsplit

TOTAL = int(os.environ.get("BENCH_REQUESTS", "10000"))
CONNECTIONS = 4
WORDS = ["leukemia", "lukemia", "nguyen", "blood cancer", "heart", "lopez", "all", "garcia", "sickle", "kim"]
WORDS += ["asthma", "oncology", "hematology", "smith", "patel", "doctor", "tumor", "brain", "kidney", "pain"]


def worker_pids(port):
    """(master, [workers]) of the gunicorn bound to ``port``, read from /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if "gunicorn" in cmdline and f"127.0.0.1:{port}" in cmdline:
            found[int(entry.name)] = ppid
    masters = [pid for pid, ppid in found.items() if ppid not in found]
    return masters[0], sorted(pid for pid, ppid in found.items() if ppid == masters[0])


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def profile_slugs():
    import psycopg2

    with psycopg2.connect(os.environ["DATABASE_URL"]) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT slug FROM providers_provider WHERE active ORDER BY id LIMIT 2000")
        return [row[0] for row in cursor.fetchall()]


def request_mix(count, slugs):
    rng = random.Random(7)
    paths = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.4:
            paths.append(
                rng.choice(["/", "/conditions/", "/conditions/acute-lymphoblastic-leukemia/", "/find-a-doctor/"])
            )
        elif kind < 0.7:
            params = {"q": rng.choice(WORDS), "page": rng.randint(1, 5)}
            if rng.random() < 0.3:
                params["language"] = rng.choice(["es", "vi", "zh"])
            if rng.random() < 0.2:
                params.update(near="90806", radius=rng.choice([10, 25, 50]))
            paths.append("/find-a-doctor/?" + urlencode(params))
        else:
            paths.append(f"/find-a-doctor/{rng.choice(slugs)}/")
    return paths


def main():
    base, port = sys.argv[1], int(sys.argv[2])
    host = urlsplit(base).netloc
    _master, workers = worker_pids(port)
    paths = request_mix(TOTAL, profile_slugs())
    done = 0
    lock = threading.Lock()
    samples = [(0, [rss_mb(pid) for pid in workers])]
    errors = []

    def run(share):
        nonlocal done
        connection = http.client.HTTPConnection(host, timeout=60)
        for path in share:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append((response.status, path))
            with lock:
                done += 1
                if done % 1000 == 0:
                    samples.append((done, [rss_mb(pid) for pid in workers]))
        connection.close()

    threads = [threading.Thread(target=run, args=(paths[n::CONNECTIONS],)) for n in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    print(f"{'requests':>9}  " + "  ".join(f"worker {pid:>7} MB" for pid in workers))
    for count, values in samples:
        print(f"{count:>9}  " + "  ".join(f"{value:>17.1f}" for value in values))
    halfway = min(samples, key=lambda sample: abs(sample[0] - TOTAL // 2))[1]
    final = samples[-1][1]
    print(f"\nlargest worker after {samples[-1][0]:,} requests: {max(final):.1f} MB (target < 150 MB)")
    print(
        "growth over the last half: "
        + ", ".join(f"{end - mid:+.1f} MB" for mid, end in zip(halfway, final, strict=True))
    )
    if errors:
        print(f"{len(errors)} non-200 responses, e.g. {errors[:3]}")


if __name__ == "__main__":
    main()
