"""Break parts of `make cluster` under load and show what parents would have seen (bench/cluster.sh runs this).

wrk drives the ALL page, Find a Doctor, a profile and site search through HAProxy
(half of the requests a site search nobody made before, so they reach an app server
and its database instead of Varnish) while one part of the cluster is killed,
stopped or changed; then the run checks what must be true afterwards. One row per
run, a table at the end:

    scenario   what is broken                     requests  failed  p99  check
    app        SIGKILL app1, start it again        …         0       …    app1 back in HAProxy
    …

Every load run is bounded (CLUSTER_BENCH_SECONDS, default 8 s per run) and sends
traffic to 127.0.0.1 only. `--strict` exits non-zero if any row failed (CI does not
run this script: tests/cluster imports the scenarios and fails on a failed row).
Scenarios: app, replica, primary, redis, varnish, rolling, worker, publish, flood,
scale; all by default, or name some.
"""

import argparse
import http.cookies
import json
import os
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the admin form is read as the tests read it (tests/helpers.py)
CLUSTER = ROOT / "deploy" / "cluster" / "cluster.sh"
PYTHON = ROOT / ".venv" / "bin" / "python"
DIR = Path(os.environ.get("CLUSTER_DIR", "/tmp/hospital-cluster"))
BASE = int(os.environ.get("CLUSTER_PORT_BASE", "8400"))
PUBLIC = f"http://127.0.0.1:{BASE}"
APPS = f"http://127.0.0.1:{BASE + 1}"
SECONDS = float(os.environ.get("CLUSTER_BENCH_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("CLUSTER_BENCH_CONNECTIONS", "8"))
LUA = ROOT / "bench" / "cluster.lua"
ALL_PATH = "/conditions/acute-lymphoblastic-leukemia/"
FAD_PATH = "/find-a-doctor/?condition=acute-lymphoblastic-leukemia"
SEARCH_PATH = "/search/?q=leukemia"
EDITOR = ("bench-editor", "bench-editor-" + "x" * 12)


def varnish_url(number):
    return f"http://127.0.0.1:{BASE + 10 + number}"


def app_url(number):
    return f"http://127.0.0.1:{BASE + 20 + number}"


def cluster(*args, check=True):
    """deploy/cluster/cluster.sh with these arguments; returns its stdout."""
    result = subprocess.run(["bash", str(CLUSTER), *args], capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise RuntimeError(f"cluster.sh {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def manage(code):
    """Run Python in the app servers' environment (production settings, through PgBouncer)."""
    command = f"source '{DIR}/env' && cd '{ROOT}' && exec '{PYTHON}' manage.py shell -v 0 -c \"$CODE\""
    result = subprocess.run(
        ["bash", "-c", command], env={**os.environ, "CODE": code}, capture_output=True, text=True, timeout=120
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    return result.stdout.strip()


def get(url, headers=None, timeout=10):
    """(status, headers, body) without raising on HTTP errors."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def wait_for(check, timeout, step=0.1):
    """Seconds until check() was true, or None if it never was within timeout."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return time.monotonic() - start
        time.sleep(step)
    return None


@dataclass
class Load:
    """One bounded wrk run and what it counted."""

    requests: int = 0
    failed: int = 0
    rps: float = 0.0
    p99_ms: float = 0.0
    raw: str = ""


def parse_wrk(out):
    def ms(label):
        found = re.search(r"^\s*" + re.escape(label) + r"\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not found:
            return 0.0
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    if not re.search(r"(\d+) requests in", out):
        raise RuntimeError(f"wrk said: {out[-500:]}")
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failed = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return Load(requests, failed, rps, ms("99%"), out)


def load(base_url, seconds, during=(), fresh=True, flood=False, paths=None):
    """wrk for ``seconds`` against ``base_url``; ``during`` is [(at_seconds, action)] run meanwhile, in order."""
    env = {
        **os.environ,
        "CLUSTER_PATHS": " ".join(paths or default_paths()),
        "CLUSTER_FRESH": "1" if fresh else "0",
        "CLUSTER_FLOOD": ALL_PATH if flood else "",
    }
    command = [
        "wrk",
        "-t2",
        f"-c{CONNECTIONS}",
        f"-d{round(seconds)}s",
        "--timeout",
        "15s",
        "--latency",
        "-s",
        str(LUA),
    ]
    process = subprocess.Popen(
        [*command, base_url], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    start = time.monotonic()
    errors = []
    for at, action in during:
        time.sleep(max(0.0, at - (time.monotonic() - start)))
        try:
            action()
        except Exception as error:  # noqa: BLE001 - reported in the table, the load run goes on
            errors.append(f"{getattr(action, '__name__', 'action')}: {error}")
    out, _ = process.communicate(timeout=seconds + 60)
    result = parse_wrk(out)
    if errors:
        raise RuntimeError("; ".join(errors))
    return result


_paths = None


def default_paths():
    global _paths
    if _paths is None:
        profile = manage(
            "from providers.models import Provider\n"
            "print(Provider.objects.filter(active=True).order_by('pk').first().get_absolute_url())"
        ).splitlines()[-1]
        _paths = [ALL_PATH, FAD_PATH, profile, SEARCH_PATH]
    return _paths


def database_of(base_url=APPS):
    """Which database answered a fresh search (X-Database)."""
    _status, headers, _body = get(f"{base_url}/search/?q=leukemia+{secrets.randbelow(10**9)}")
    return headers.get("X-Database")


def haproxy_state(server):
    """HAProxy's status for apps/<server> (UP, DOWN, MAINT, DRAIN, …)."""
    for line in cluster("admin", "show stat").splitlines():
        parts = line.split(",")
        if len(parts) > 17 and parts[0] == "apps" and parts[1] == server:
            return parts[17]
    return "?"


@dataclass
class Row:
    scenario: str
    broken: str
    load: Load = field(default_factory=Load)
    checks: list = field(default_factory=list)
    ok: bool = True

    def check(self, passed, text):
        self.checks.append(("" if passed else "FAILED: ") + text)
        self.ok = self.ok and bool(passed)


# --- Scenarios ----------------------------------------------------------------------------------


def scenario_app():
    row = Row("app", "SIGKILL app1 at 2 s, start it at 4 s")
    row.load = load(PUBLIC, SECONDS, [(2, lambda: cluster("kill", "app1")), (4, lambda: cluster("start", "app1"))])
    rejoined = wait_for(lambda: haproxy_state("app1") == "UP", 20)
    row.check(row.load.failed == 0, f"{row.load.failed} failed requests")
    row.check(
        rejoined is not None, "app1 back in HAProxy by itself" + (f" ({rejoined:.1f} s after)" if rejoined else "")
    )
    return row


def scenario_replica():
    row = Row("replica", "stop the replica at 2 s, start it at 5 s")
    seen = {}

    def stop():
        cluster("stop", "replica")

    def sample():
        seen["during"] = {database_of() for _ in range(4)}

    row.load = load(PUBLIC, SECONDS, [(2, stop), (3.5, sample), (5, lambda: cluster("start", "replica"))])
    back = wait_for(lambda: database_of() == "replica", 30, step=0.5)
    row.check(row.load.failed == 0, f"{row.load.failed} failed requests")
    row.check(seen.get("during") == {"primary"}, f"reads on the primary while it was down ({seen.get('during')})")
    row.check(
        back is not None, "caught up and reading from the replica again" + (f" {back:.1f} s after" if back else "")
    )
    return row


def replica_view():
    """What base.replica thinks of the replica, from a fresh process (for a failed check's message)."""
    try:
        return manage(
            "import time\nfrom base import replica\nreplica.replica_ready(); time.sleep(1.5)\n"
            "print(replica.replica_ready(), vars(replica._health), replica.change_position())"
        ).splitlines()[-1]
    except RuntimeError as error:
        return str(error)[-300:]


def scenario_primary():
    row = Row("primary", "stop the primary at 2 s, start it at 5 s (no failover)")
    seen = {}

    def sample():
        seen["health"] = get(app_url(1) + "/healthz")[0]
        seen["reads"] = {database_of() for _ in range(3)}

    row.load = load(
        PUBLIC,
        SECONDS,
        [(2, lambda: cluster("stop", "primary")), (3.5, sample), (5, lambda: cluster("start", "primary"))],
    )
    row.check(
        row.load.failed == 0, f"{row.load.failed} failed requests: parents' pages came from the replica and the caches"
    )
    row.check(
        seen.get("health") == 503 and seen.get("reads") == {"replica"},
        f"meanwhile /healthz {seen.get('health')}, reads {seen.get('reads')}",
    )
    name = f"Back Childrens Hospital {secrets.token_hex(3)}"
    written = wait_for(lambda: _try_rename(name), 30, step=1)
    row.check(written is not None, "writes work again once it is back")
    return row


def _try_rename(name):
    try:
        set_hospital_name(name)
    except RuntimeError:
        return False
    return True


def hospital_name(url):
    found = re.search(r"<title>[^<]*?([^<|–—-]*Hospital[^<]*)</title>", get(url + "/")[2])
    return found.group(1).strip() if found else ""


def set_hospital_name(name):
    manage(f"from base.models import SiteSettings\nrow = SiteSettings.load()\nrow.hospital_name = {name!r}\nrow.save()")


def scenario_redis():
    row = Row("redis", "SIGKILL Redis at 2 s; rename the hospital; start Redis at 5 s")
    name = f"Renamed Childrens Hospital {secrets.token_hex(3)}"
    row.load = load(
        PUBLIC,
        SECONDS,
        [
            (2, lambda: cluster("kill", "redis")),
            (3, lambda: set_hospital_name(name)),
            (5, lambda: cluster("start", "redis")),
        ],
    )
    everywhere = [PUBLIC, varnish_url(1), varnish_url(2), app_url(1), app_url(2)]
    fresh = wait_for(lambda: all(name in get(url + "/")[2] for url in everywhere), 15, step=0.5)
    row.check(row.load.failed == 0, f"{row.load.failed} failed requests (no 500s)")
    row.check(fresh is not None, "the change made during the outage is what every Varnish and app server serves")
    cached = wait_for(lambda: get(app_url(1) + "/")[1].get("X-Page-Cache") == "hit", 20, step=0.5)
    row.check(cached is not None, "the page cache is used again")
    return row


def scenario_varnish():
    row = Row("varnish", "stop varnish1 at 2 s, start it at 5 s")
    row.load = load(
        PUBLIC, SECONDS, [(2, lambda: cluster("stop", "varnish1")), (5, lambda: cluster("start", "varnish1"))]
    )
    row.check(row.load.failed == 0, f"{row.load.failed} failed requests: varnish2 served")
    return row


def scenario_rolling():
    row = Row("rolling", "rolling restart of app1 then app2 (HAProxy drain)")

    def restart_both():
        cluster("restart-app", "app1")
        cluster("restart-app", "app2")

    row.load = load(PUBLIC, max(SECONDS, 14), [(1, restart_both)])
    row.check(row.load.failed == 0, f"{row.load.failed} failed requests")
    up = wait_for(lambda: haproxy_state("app1") == "UP" and haproxy_state("app2") == "UP", 20)
    row.check(up is not None, "both back in HAProxy")
    return row


def pending_tasks():
    return int(
        manage(
            "from django_tasks_db.models import DBTaskResult\nprint(DBTaskResult.objects.ready().count())"
        ).splitlines()[-1]
    )


def every_target():
    """Where a parent's request can be answered from: each Varnish, each app server, and HAProxy in front."""
    return {
        "varnish1": varnish_url(1),
        "varnish2": varnish_url(2),
        "app1": app_url(1),
        "app2": app_url(2),
        "haproxy": PUBLIC,
    }


def scenario_worker():
    row = Row("worker", "stop the task worker; rename a specialty's lay words; search them; start the worker")
    word = f"zzword{secrets.token_hex(3)}"
    path = f"/find-a-doctor/?q={word}"
    cluster("stop", "worker")
    manage(
        "from providers.models import Specialty\n"
        "s = Specialty.objects.get(name='Pediatric Hematology-Oncology')\n"
        f"s.synonyms = s.synonyms.split(', zzword')[0] + ', {word}'\n"
        "s.save()"
    )

    def found(url):
        status, _headers, text = get(url + path)
        return status == 200 and "No doctors" not in text

    waiting = pending_tasks()
    row.check(waiting > 0, f"{waiting} task(s) waiting while the worker is away")
    # Parents search for the new word meanwhile: nobody has it yet, and every cache on the way keeps that
    # (three views: the page cache first learns which parameters the page reads).
    early = [name for name, url in every_target().items() for _view in range(3) if found(url)]
    row.check(not early, "no doctor has the new word yet" if not early else f"found early on {sorted(set(early))}")
    row.load = load(PUBLIC, min(SECONDS, 4))
    cluster("start", "worker")
    done = wait_for(lambda: pending_tasks() == 0, 30, step=0.5)
    row.check(done is not None, "all of them run once it is back" + (f" ({done:.1f} s)" if done else ""))
    code = (
        f"from providers.models import Provider as P\nprint(P.objects.filter(search_text__contains=' {word} ').count())"
    )
    count = int(manage(code).splitlines()[-1])
    row.check(count > 0, f"{count} doctors' search text has the new words")

    # What parents see: the searches cached while the worker was away were dropped when its work finished.
    def stale():
        return sorted(name for name, url in every_target().items() if not found(url))

    after = wait_for(lambda: not stale(), 10, step=0.2)
    row.check(
        after is not None,
        f"the search cached meanwhile finds them on every Varnish and app server ({after:.1f} s later)"
        if after is not None
        else f"still 'No doctors' on {stale()}",
    )
    return row


class Editor:
    """An editor's browser against one app server: cookies by hand (the session cookie is Secure)."""

    def __init__(self, base_url):
        self.base = base_url
        self.cookies = {}

    def request(self, path, data=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            headers.update({"Origin": self.base, "Referer": self.base + path})
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        opener = urllib.request.build_opener(_NoRedirects)
        try:
            response = opener.open(request, timeout=30)
            status, headers_out, text = response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            status, headers_out, text = error.code, error.headers, error.read().decode()
        for header in headers_out.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(header)
            for key, morsel in cookie.items():
                self.cookies[key] = morsel.value
        return status, text

    def sign_in(self):
        self.request("/admin/login/")
        status, _ = self.request(
            "/admin/login/",
            {
                "username": EDITOR[0],
                "password": EDITOR[1],
                "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
                "next": "/admin/",
            },
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"signing in answered {status}")

    def publish(self, page_id, field_name, value):
        from tests.helpers import form_data_from_html

        status, html = self.request(f"/admin/pages/{page_id}/edit/")
        if status != 200:
            raise RuntimeError(f"edit page answered {status}")
        data = form_data_from_html(html)
        data[field_name] = [value]
        data["action-publish"] = ["action-publish"]
        status, html = self.request(f"/admin/pages/{page_id}/edit/", data)
        if status != 302:
            errors = re.findall(r'class="error-message"[^>]*>([^<]*)', html)
            raise RuntimeError(f"publishing answered {status} {errors[:3]}")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def ensure_editor():
    manage(
        "from django.contrib.auth import get_user_model\n"
        "User = get_user_model()\n"
        f"user = User.objects.filter(username={EDITOR[0]!r}).first() or User(username={EDITOR[0]!r})\n"
        "user.is_superuser = user.is_staff = True\n"
        f"user.set_password({EDITOR[1]!r})\n"
        "user.save()"
    )


def home_page_id():
    code = "from wagtail.models import Site\nprint(Site.objects.get(is_default_site=True).root_page_id)"
    return int(manage(code).splitlines()[-1])


def publish_and_time(editor, page_id, label):
    """Publish a new introduction on the home page through app1's admin; seconds until it shows everywhere."""
    marker = f"Updated {label} {secrets.token_hex(4)}: we are open."
    editor.publish(page_id, "intro", marker)
    published = time.monotonic()
    targets = every_target()
    seen = {}

    def watch(name, url):
        # Each target polled on its own, so one slow answer does not delay the others' measurement.
        while time.monotonic() - published < 10:
            if marker in get(url + "/")[2]:
                seen[name] = time.monotonic() - published
                return
            time.sleep(0.02)

    watchers = [threading.Thread(target=watch, args=item) for item in targets.items()]
    for watcher in watchers:
        watcher.start()
    # Meanwhile the editor, still signed in, sees their own change at once (the primary, not a replica).
    own = marker in editor.request("/")[1]
    for watcher in watchers:
        watcher.join()
    return own, seen, targets


def replica_sql(sql):
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(BASE + 42), "-U", "postgres", "-d", "hospital", "-tAc", sql],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def scenario_publish():
    row = Row("publish", "publish the home page in app1's admin, under load; again with replica replay paused")
    ensure_editor()
    page_id = home_page_id()
    editor = Editor(app_url(1))
    editor.sign_in()
    for _url in (varnish_url(1), varnish_url(2)):
        get(_url + "/")  # both Varnish hold the page before the change
    results = {}

    def publish(label):
        def action():
            results[label] = publish_and_time(editor, page_id, label)

        action.__name__ = f"publish ({label})"
        return action

    def paused():
        replica_sql("SELECT pg_wal_replay_pause()")
        try:
            publish("replay paused")()
        finally:
            replica_sql("SELECT pg_wal_replay_resume()")

    row.load = load(PUBLIC, SECONDS, [(1, publish("replica replaying")), (4, paused)])
    row.check(row.load.failed == 0, f"{row.load.failed} failed requests")
    for label, (own, seen, targets) in results.items():
        worst = max(seen.values()) if len(seen) == len(targets) else None
        row.check(own, f"{label}: the editor saw their change at once")
        row.check(
            worst is not None and worst <= 1.0,
            f"{label}: on every Varnish and app server within {worst:.2f} s"
            if worst is not None
            else f"{label}: not everywhere ({sorted(seen)})",
        )
    return row


def redis_cli(*args):
    return subprocess.run(["redis-cli", "-p", str(BASE + 51), *args], capture_output=True, text=True).stdout.strip()


def page_entries():
    keys = redis_cli("--scan", "--pattern", "*site-cache:*:page:*").splitlines()
    return len(keys)


def varnish_objects(number):
    out = subprocess.run(
        ["varnishstat", "-n", str(DIR / f"varnish{number}-work"), "-1", "-f", "MAIN.n_object"],
        capture_output=True,
        text=True,
    ).stdout
    found = re.search(r"MAIN\.n_object\s+(\d+)", out)
    return int(found.group(1)) if found else -1


def scenario_flood():
    row = Row("flood", f"{ALL_PATH}?r=<random> as fast as wrk can")
    for url in (PUBLIC, varnish_url(1), varnish_url(2), APPS):
        get(url + ALL_PATH)
    before = (page_entries(), varnish_objects(1), varnish_objects(2))
    row.load = load(PUBLIC, min(SECONDS, 6), flood=True)
    after = (page_entries(), varnish_objects(1), varnish_objects(2))
    row.check(row.load.failed == 0, f"{row.load.failed} failed requests")
    row.check(after[0] - before[0] <= 2, f"page cache entries {before[0]} → {after[0]}")
    row.check(
        after[1] - before[1] <= 2 and after[2] - before[2] <= 2,
        f"Varnish objects {before[1]}+{before[2]} → {after[1]}+{after[2]}",
    )
    row.check(get(APPS + ALL_PATH)[1].get("X-Page-Cache") == "hit", "the real page is still in the page cache")
    memory = redis_cli("info", "memory")
    used = re.search(r"used_memory:(\d+)", memory)
    limit = re.search(r"maxmemory:(\d+)", memory)
    row.check(
        used and limit and int(used.group(1)) <= int(limit.group(1)),
        f"Redis {int(used.group(1)) // 1024} KB of a bounded {int(limit.group(1)) // 1048576} MB",
    )
    return row


def scenario_scale():
    """Uncached searches straight to the app servers (no Varnish): one server against two, interleaved."""
    row = Row("scale", "fresh searches, app servers only: one server against two, interleaved")
    results = {1: [], 2: []}
    seconds = min(SECONDS, 6)
    try:
        for _round in range(2):
            for servers in (1, 2):
                cluster("admin", f"set server apps/app2 state {'maint' if servers == 1 else 'ready'}")
                time.sleep(1.5)
                results[servers].append(load(APPS, seconds, paths=[SEARCH_PATH], fresh=True))
    finally:
        cluster("admin", "set server apps/app2 state ready")
    summary = {}
    for servers, runs in results.items():
        summary[servers] = (
            sum(r.rps for r in runs) / len(runs),
            max(r.p99_ms for r in runs),
            sum(r.failed for r in runs),
        )
    ratio = summary[2][0] / summary[1][0] if summary[1][0] else 0
    row.load = Load(
        sum(r.requests for runs in results.values() for r in runs), summary[1][2] + summary[2][2], 0, summary[2][1]
    )
    row.checks.append(
        f"one server {summary[1][0]:.0f} req/s p99 {summary[1][1]:.0f} ms; "
        f"two {summary[2][0]:.0f} req/s p99 {summary[2][1]:.0f} ms; ×{ratio:.2f} "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    row.check(row.load.failed == 0, f"{row.load.failed} failed requests")
    return row


SCENARIOS = {
    "app": scenario_app,
    "replica": scenario_replica,
    "primary": scenario_primary,
    "redis": scenario_redis,
    "varnish": scenario_varnish,
    "rolling": scenario_rolling,
    "worker": scenario_worker,
    "publish": scenario_publish,
    "flood": scenario_flood,
    "scale": scenario_scale,
}


def run(names):
    rows = []
    for name in names:
        print(f"== {name}", file=sys.stderr, flush=True)
        try:
            rows.append(SCENARIOS[name]())
        except Exception as error:  # noqa: BLE001 - a scenario that could not run is a failed row
            row = Row(name, "(could not run)")
            row.check(False, str(error)[-400:])
            rows.append(row)
        print(json.dumps({"scenario": name, "ok": rows[-1].ok, "checks": rows[-1].checks}), file=sys.stderr, flush=True)
    return rows


def table(rows):
    lines = [
        "| scenario | what was broken | requests | failed | p99 | checks |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.scenario} | {row.broken} | {row.load.requests} | {row.load.failed} | {row.load.p99_ms:.0f} ms | "
            + "; ".join(row.checks)
            + " |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="*", default=list(SCENARIOS))
    parser.add_argument("--strict", action="store_true", help="exit 1 if any check failed")
    args = parser.parse_args()
    rows = run(args.scenarios or list(SCENARIOS))
    print(table(rows))
    if args.strict and not all(row.ok for row in rows):
        sys.exit(1)


if __name__ == "__main__":
    # The threads wrk and cluster.sh need are ours; nothing here imports Django.
    threading.current_thread().name = "bench-cluster"
    main()
