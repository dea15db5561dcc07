"""Real servers to break on purpose: a throwaway PostgreSQL cluster, a throwaway Redis, the app under gunicorn.

Each runs in a temporary folder on a loopback port and is stopped by the test that
started it. A binary that is missing skips the test with a message naming it; under
CI (``CI=true``) it fails instead, so a fault test can never silently not run there.
Ports come from the operating system unless ``FAULT_TEST_PORTS`` lists some to use
(``FAULT_TEST_PORTS=55440,56390,8190``), for machines where each user has a range.
Under pytest-xdist each worker takes its own share of that list (worker ``gwN`` of
``W`` takes every W-th port from the N-th), so two workers never reach for one port.
"""

import glob
import http.cookiejar
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests import helpers
from tests.helpers import PROJECT_ROOT, SCRUBBED, run_manage

PRODUCTION = "hospital_site.settings.production"


def ports_for_this_worker(listed, worker, workers):
    """This pytest-xdist worker's share of the FAULT_TEST_PORTS list (all of it when not under xdist)."""
    ports = [int(port) for port in listed.split(",") if port.strip()]
    if not worker.startswith("gw") or workers < 2:
        return ports
    return ports[int(worker.removeprefix("gw")) :: workers]


_ports_given = ports_for_this_worker(
    os.environ.get("FAULT_TEST_PORTS", ""),
    os.environ.get("PYTEST_XDIST_WORKER", ""),
    int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")),
)


def need(binary, how_to_install):
    """The path of ``binary``, or skip (fail under CI) saying which package provides it."""
    if binary.startswith("/"):
        found = sorted(glob.glob(binary))
        path = found[-1] if found else None
    else:
        path = shutil.which(binary)
    if path:
        return path
    message = f"{binary} not found: this fault test was NOT run. Install it with: {how_to_install}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def free_port():
    """A loopback port a server can listen on now: the next free one of FAULT_TEST_PORTS, or one the OS picks."""
    while _ports_given:
        port = _ports_given.pop(0)
        with socket.socket() as probe:
            try:
                # Binding, not connecting: a port can also be taken by another program's outgoing connection.
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def started_on_a_free_port(server, attempts=3):
    """``server.start()``; if its port was taken in the meantime (it exits at once), again on another."""
    for attempt in range(attempts):
        try:
            server.start()
            return
        except ServerExited:
            if attempt == attempts - 1:
                raise
            server.port = free_port()


class ServerExited(AssertionError):
    """A server process ended while we waited for it to answer."""


def wait_until(check, timeout=30, what="the server"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"Gave up waiting for {what} after {timeout} s")


def listening(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class PostgresCluster:
    """initdb in a temp folder and pg_ctl on a free port, as .ci/postgres.sh does (as postgres when root)."""

    def __init__(self):
        initdb = need("/usr/lib/postgresql/*/bin/initdb", "apt-get install postgresql")
        self.bindir = Path(initdb).parent
        # Its own folder under /tmp: pytest's are private to the user running the tests, not to postgres.
        self.folder = Path(tempfile.mkdtemp(prefix="fault-test-pg-"))
        self.folder.chmod(0o777)
        self.data = self.folder / "data"
        self.port = free_port()
        self._as_owner([str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"])

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _as_owner(self, command):
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        try:
            self._as_owner(
                [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options]
                + ["-l", str(self.folder / "log"), "-w", "start"]
            )
        except AssertionError as error:
            log = (self.folder / "log").read_text()[-2000:] if (self.folder / "log").exists() else ""
            raise ServerExited(f"PostgreSQL on port {self.port} did not start: {error}\n{log}") from error

    def stop(self):
        self._as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"])

    def remove(self):
        """Stop if running, and delete the cluster."""
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def sql(self, statement):
        """Run one statement on this server (``pg_wal_replay_pause()`` on a replica, …) and return its first value."""
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres")
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(statement)
                return cursor.fetchone()[0] if cursor.description else None
        finally:
            connection.close()


class StreamingReplica(PostgresCluster):
    """A hot standby of ``primary`` on its own port: ``pg_basebackup -R`` (standby.signal, primary_conninfo)."""

    def __init__(self, primary):
        basebackup = need("/usr/lib/postgresql/*/bin/pg_basebackup", "apt-get install postgresql")
        self.bindir = Path(basebackup).parent
        self.folder = Path(tempfile.mkdtemp(prefix="fault-test-replica-"))
        self.folder.chmod(0o777)
        self.data = self.folder / "data"
        self.port = free_port()
        self._as_owner(
            [str(self.bindir / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"]
            + ["-D", str(self.data), "-R", "-X", "stream"]
        )


class RedisServer:
    """redis-server on a free port, saving to an append-only file so a restart keeps what was cached."""

    def __init__(self, folder):
        self.binary = need("redis-server", "apt-get install redis-server")
        self.folder = Path(folder)
        self.port = free_port()
        self.process = None
        self.log_path = self.folder / "redis.log"
        self._log = open(self.log_path, "a")  # noqa: SIM115 - closed in kill()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder)]
            + ["--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no"],
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        wait_until(lambda: self._answers(), what=f"redis-server (log: {self.log_path})")

    def _answers(self):
        if self.process.poll() is not None:
            raise ServerExited(f"redis-server on port {self.port} exited:\n{self.log_path.read_text()[-2000:]}")
        return listening(self.port)

    def kill(self):
        """As a crash: SIGKILL, no goodbye."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def remove(self):
        self.kill()
        self._log.close()


def production_env(tmp_path, database_url, **extra):
    """What `make serve` sets, with a database and a cache of the test's own."""
    return helpers.production_env(
        tmp_path,
        database_url,
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        **extra,
    )


def prepare_site(env):
    """Migrate, collect static files, and fill in the site settings as an administrator would."""
    for args in (["migrate", "--noinput", "-v", "0"], ["collectstatic", "--noinput", "-v", "0"]):
        result = run_manage(args, PRODUCTION, env, timeout=300)
        assert result.returncode == 0, result.stderr
    set_hospital_name(env, "Fault Test Hospital")


def set_hospital_name(env, name):
    """Save the site settings the way the admin does (post_save receivers and all), in another process."""
    code = (
        "from base.models import SiteSettings\n"
        "row = SiteSettings.load()\n"
        f"row.hospital_name = {name!r}\n"
        "row.main_phone = '(562) 933-5437'\n"
        "row.save()\n"
    )
    result = run_manage(["shell", "-v", "0", "-c", code], PRODUCTION, env)
    assert result.returncode == 0, result.stderr


class AppServer:
    """gunicorn with production settings, one worker (so one persistent database connection), in a child process."""

    def __init__(self, env, folder):
        self.port = free_port()
        self.log_path = Path(folder) / "gunicorn.log"
        self.child_env = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
        self.child_env.update(env)
        self._log = open(self.log_path, "a")  # noqa: SIM115 - closed in stop()
        self.cookies = http.cookiejar.CookieJar()
        self.process = None
        started_on_a_free_port(self)

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "hospital_site.wsgi:application"]
            + ["--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--timeout", "30"]
            + ["--forwarded-allow-ips", "127.0.0.1", "--access-logfile", "-"],
            cwd=PROJECT_ROOT,
            env=self.child_env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        wait_until(lambda: self._answers(), timeout=60, what=f"gunicorn (log: {self.log_path})")

    def _answers(self):
        if self.process.poll() is not None:
            raise ServerExited(f"gunicorn on port {self.port} exited:\n{self.log()[-3000:]}")
        try:
            self.get("/healthz")
        except OSError:
            return False
        return True

    def get(self, path, data=None, headers=None):
        """(status, headers, body text) for a request; never follows redirects, never raises on 4xx/5xx."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, headers=headers or {})
        opener = urllib.request.build_opener(_NoRedirects, urllib.request.HTTPCookieProcessor(self.cookies))
        try:
            with opener.open(request, timeout=20) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def log(self):
        self._log.flush()
        return self.log_path.read_text()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
