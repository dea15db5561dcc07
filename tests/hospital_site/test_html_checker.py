"""Every public page type is valid HTML, by the Nu HTML Checker (the W3C validator, run offline).

The checker is the `vnu-jar` npm package, installed by `make tools` into the
git-ignored .tools folder, and needs Java. Without them this test is skipped
and says why; under CI (CI=true) a missing checker fails instead, so CI can
never pass without checking.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.text import slugify

from tests.public_pages import public_pages

VNU_JAR = Path(os.environ.get("VNU_JAR") or Path(settings.BASE_DIR) / ".tools/node_modules/vnu-jar/build/dist/vnu.jar")
JAVA = os.environ.get("JAVA") or shutil.which("java")


def checker_or_skip():
    """The command that runs the checker, or skip (fail under CI) with what to install."""
    missing = []
    if not JAVA:
        missing.append("java was not found (apt-get install openjdk-17-jre-headless)")
    if not VNU_JAR.exists():
        missing.append(f"{VNU_JAR} is missing (run `make tools`)")
    if missing:
        message = "Nu HTML Checker NOT run: " + "; ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return [JAVA, "-jar", str(VNU_JAR)]


CANARY = '<!DOCTYPE html><html lang="en"><title>canary</title><p id="twice">a</p><p id="twice">b</p></html>'


def test_every_public_page_type_is_valid_html(client, site, tmp_path):
    command = checker_or_skip()
    call_command("load_demo_content", verbosity=0)
    files = {}
    for name, url in public_pages().items():
        response = client.get(url)
        assert response.status_code in (200, 404), f"{name} ({url}) answered {response.status_code}"
        path = tmp_path / f"{slugify(name)}.html"
        path.write_bytes(response.content)
        files[path.name] = f"{name} ({url})"
    # A page with a known error proves the checker really ran and reports what it finds.
    (tmp_path / "canary.html").write_text(CANARY)

    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", "--stdout", *sorted(tmp_path.glob("*.html"))],
        capture_output=True,
        text=True,
        timeout=300,
    )

    errors = {}
    for message in json.loads(result.stdout)["messages"]:
        if message.get("type") in ("error", "non-document-error"):
            page = files.get(Path(message.get("url", "")).name, Path(message.get("url", "")).name)
            errors.setdefault(page, []).append(f"line {message.get('lastLine')}: {message.get('message')}")
    assert errors.pop("canary.html") == ["line 1: Duplicate ID “twice”."]
    report = [f"{page} {error}" for page, page_errors in errors.items() for error in page_errors]
    assert report == [], f"{len(report)} HTML error(s):\n" + "\n".join(report)
    assert len(files) == 19
