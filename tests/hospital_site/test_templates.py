"""The site runs under a strict Content-Security-Policy: no inline script or style anywhere."""

import re
from pathlib import Path

from django.conf import settings

from tests.conftest import soup

TEMPLATE_DIRS = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("*/templates")]
INLINE_STYLE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
ALLOWED_SCRIPT = re.compile(r"\bsrc=|type=\"application/(ld\+)?json\"", re.IGNORECASE)


def template_files():
    for directory in TEMPLATE_DIRS:
        yield from (p for p in directory.rglob("*") if p.suffix in {".html", ".txt", ".xml"})


def test_templates_exist_to_scan():
    assert len(list(template_files())) >= 5


def test_no_template_has_inline_style_or_inline_script():
    offenders = []
    for path in template_files():
        text = path.read_text()
        if INLINE_STYLE.search(text):
            offenders.append(f"{path}: style attribute")
        offenders += [f"{path}: {tag}" for tag in SCRIPT_TAG.findall(text) if not ALLOWED_SCRIPT.search(tag)]
    assert offenders == []


def test_rendered_home_page_has_no_inline_style_or_script(client, home_page, site_settings):
    page = soup(client.get("/"))

    assert page.select("[style]") == []
    inline_scripts = [s for s in page.find_all("script") if not s.get("src") and s.get("type") != "application/ld+json"]
    assert inline_scripts == []
