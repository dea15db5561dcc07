"""Run Django in a separate process, for behaviour that depends on start-up settings."""

import os
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
