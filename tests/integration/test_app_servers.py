"""App servers are stateless: an editor signed in on one is signed in on every other (docs/deployment.md).

Real servers: a throwaway PostgreSQL and gunicorn processes with production settings,
each with a cache folder of its own (as separate hosts without Redis would have), so
nothing but the database and the environment file is shared. HAProxy may send each
of an editor's requests to a different server; sessions live in the database, and
what they hold is signed with ``SECRET_KEY``, which must be the same everywhere.
"""

import http.cookies
import secrets
import urllib.parse

from tests.faults import PRODUCTION, AppServer, prepare_site, production_env
from tests.helpers import run_manage

EDITOR = ("editor", "editor-" + "x" * 16)


class Browser:
    """An editor's browser that HAProxy may send to any server: one set of cookies, kept by hand because
    production cookies are ``Secure`` and these servers speak plain HTTP, as behind a TLS proxy."""

    def __init__(self):
        self.cookies = {}

    def request(self, app, path, data=None):
        base = f"http://127.0.0.1:{app.port}"
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        body = None
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}).encode()
            headers.update({"Origin": base, "Referer": base + path})
        status, response_headers, text = app.get(path, data=body, headers=headers)
        for header in response_headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return status, response_headers, text

    def sign_in(self, app):
        self.request(app, "/admin/login/")
        status = self.request(app, "/admin/login/", {"username": EDITOR[0], "password": EDITOR[1]})[0]
        assert status == 302 and "sessionid" in self.cookies, f"signing in answered {status}"


def signed_in(browser, app):
    """Whether ``app`` shows this browser the admin's dashboard (else it sends them to the sign-in page)."""
    status, headers, text = browser.request(app, "/admin/")
    if status == 302:
        assert "/admin/login/" in headers["Location"]
        return False
    assert status == 200
    return "/admin/logout/" in text


def test_an_editor_signed_in_on_one_app_server_works_on_another(postgres, tmp_path):
    env = production_env(tmp_path, postgres.url, RATELIMIT_ENABLE="false")
    prepare_site(env)
    code = (
        "from django.contrib.auth import get_user_model\n"
        f"get_user_model().objects.create_superuser({EDITOR[0]!r}, 'editor@example.org', {EDITOR[1]!r})\n"
    )
    created = run_manage(["shell", "-v", "0", "-c", code], PRODUCTION, env)
    assert created.returncode == 0, created.stderr
    apps = []
    try:
        for name in ("app1", "app2"):
            (tmp_path / name).mkdir()
            apps.append(AppServer({**env, "CACHE_DIR": str(tmp_path / name / "cache")}, tmp_path / name))
        app1, app2 = apps
        editor = Browser()

        editor.sign_in(app1)

        assert signed_in(editor, app1)
        assert signed_in(editor, app2), "the session made on app1 is read on app2"
        # A form posted to app2 with the CSRF token app1 set, as after HAProxy picks another server.
        session = editor.cookies["sessionid"]
        status = editor.request(app2, "/admin/logout/", {})[0]
        assert status == 302, f"signing out on app2 answered {status}"
        # Even with the old cookie (a second tab), app1 no longer knows the session app2 ended.
        editor.cookies["sessionid"] = session
        assert not signed_in(editor, app1), "signing out on app2 signs out everywhere"

        # The same environment file matters: a server with another SECRET_KEY does not know the editor.
        editor.sign_in(app1)
        (tmp_path / "other").mkdir()
        other = AppServer({**env, "SECRET_KEY": secrets.token_urlsafe(64)}, tmp_path / "other")
        apps.append(other)
        assert not signed_in(editor, other)
        for app in apps:
            log = app.log()
            assert "Internal Server Error" not in log, log
    finally:
        for app in apps:
            app.stop()
