"""Run Django in a separate process, for behaviour that depends on start-up settings."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Never inherited by a child process: each test says what the child gets.
SCRUBBED = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}


def run_django(code, settings_module, env=None, timeout=120):
    """Run ``code`` after ``django.setup()`` in a fresh interpreter; returns CompletedProcess."""
    base_env = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
    base_env.update({"DJANGO_SETTINGS_MODULE": settings_module, "PYTHONPATH": str(PROJECT_ROOT)})
    base_env.update(env or {})
    script = "import django\ndjango.setup()\n" + code
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env=base_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def production_env(scratch, database_url=None, **extra):
    """Environment for production settings with a database and a file cache of the test's own.

    ``database_url`` defaults to a SQLite file in ``scratch``; Redis is never used
    unless ``extra`` says so.
    """
    env = {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "www.example.org",
        "DATABASE_URL": database_url or f"sqlite:///{scratch / 'db.sqlite3'}",
        "CACHE_DIR": str(scratch / "cache"),
        "REDIS_URL": "",
    }
    env.update(extra)
    return env


def run_manage(args, settings_module, env=None, timeout=180):
    """Run ``manage.py ARGS`` under the given settings; returns CompletedProcess."""
    base_env = {k: v for k, v in os.environ.items() if k not in SCRUBBED}
    base_env.update({"DJANGO_SETTINGS_MODULE": settings_module})
    base_env.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=base_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def browser_form_data(response, selector="form[data-edit-form]"):
    """What a browser would post from the form in ``response`` as it was rendered, untouched.

    Text, hidden and number inputs, ticked checkboxes and radios, selected options
    and textareas; one list per name, as Django's test client posts lists.
    """
    return form_data_from_html(response.content, selector)


def form_data_from_html(html, selector="form[data-edit-form]"):
    """``browser_form_data`` for a page's HTML (bench/cluster.py posts an admin form over HTTP with it)."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").select_one(selector)
    data = {}
    for element in form.select("input[name], select[name], textarea[name]"):
        name = element["name"]
        if element.name == "textarea":
            values = [element.text.removeprefix("\n")]
        elif element.name == "select":
            values = [option.get("value", option.text) for option in element.select("option[selected]")]
        elif element.get("type") in ("checkbox", "radio"):
            values = [element.get("value", "on")] if element.has_attr("checked") else []
        elif element.get("type") in ("submit", "button", "file", "image", "reset"):
            values = []
        else:
            values = [element.get("value", "")]
        if values:
            data.setdefault(name, []).extend(values)
    return data
