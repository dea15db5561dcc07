"""Every public page is light and self-contained: no other host, hashed static files, a small condition page."""

import gzip
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

from tests.conftest import soup
from tests.helpers import run_django, run_manage
from tests.public_pages import ALL_PAGE_URL, public_pages

# What a parent on a phone downloads for the ALL page before any image: gzip'd HTML and CSS.
CONDITION_PAGE_BUDGET = 60_000
# Attributes that make the browser fetch something while loading the page (links in content are fine).
FETCHED = [
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
]
# rel values that do not fetch anything: where this page lives, for search engines.
NOT_FETCHED_RELS = {"canonical", "alternate"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)


@pytest.fixture
def demo_site(site):
    call_command("load_demo_content", verbosity=0)


def fetched_urls(page):
    """Every URL the browser would fetch to show ``page`` (a BeautifulSoup document)."""
    urls = []
    for tag, attribute in FETCHED:
        for element in page.find_all(tag, attrs={attribute: True}):
            if tag == "link" and NOT_FETCHED_RELS.intersection(element.get("rel") or []):
                continue
            value = element[attribute]
            candidates = [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in attribute else [value]
            urls += [url for url in candidates if url]
    return urls


def is_other_host(url):
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.hostname not in {"testserver", "localhost", "127.0.0.1"}


def stylesheets(page):
    return [link["href"] for link in page.find_all("link", rel="stylesheet")]


def static_file(url):
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, f"{url} is not a static file"
    return Path(path).read_bytes()


def test_no_page_loads_anything_from_another_host(client, demo_site):
    offenders = []
    stylesheet_urls = set()
    for name, url in public_pages().items():
        page = soup(client.get(url))
        offenders += [f"{name}: {fetched}" for fetched in fetched_urls(page) if is_other_host(fetched)]
        stylesheet_urls.update(stylesheets(page))
    for css in sorted(stylesheet_urls):
        for match in CSS_URL.finditer(static_file(css).decode()):
            reference = match.group(1) or match.group(2)
            if is_other_host(reference) or reference.startswith("//"):
                offenders.append(f"{css}: {reference}")

    assert offenders == []
    assert {"/static/css/site.css", "/static/css/conditions.css"} <= stylesheet_urls


def test_the_check_catches_a_font_from_another_host():
    """The rule above is only worth having if it sees what a CDN link looks like."""
    page = soup_of(
        '<link rel="stylesheet" href="https://fonts.example.com/css">'
        '<img srcset="/a.jpg 1x, //cdn.example.com/b.jpg 2x">'
        '<link rel="canonical" href="https://www.example.org/"><a href="https://www.cancer.gov/">NCI</a>'
    )

    assert [url for url in fetched_urls(page) if is_other_host(url)] == [
        "https://fonts.example.com/css",
        "//cdn.example.com/b.jpg",
    ]


def soup_of(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def test_the_all_page_weighs_under_60_kb_gzipped_without_images(client, demo_site):
    response = client.get(ALL_PAGE_URL)
    page = soup(response)

    weight = len(gzip.compress(response.content))
    weight += sum(len(gzip.compress(static_file(css))) for css in stylesheets(page))

    assert page.find("h1").get_text(strip=True) == "Acute Lymphoblastic Leukemia"
    assert weight < CONDITION_PAGE_BUDGET, f"{weight} bytes"


def test_production_serves_hashed_static_files_with_a_long_cache_lifetime(tmp_path):
    env = {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "www.example.org",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    collected = run_manage(["collectstatic", "--noinput", "--verbosity", "0"], "hospital_site.settings.production", env)
    assert collected.returncode == 0, collected.stderr
    code = (
        "from django.templatetags.static import static\n"
        "from django.test import Client\n"
        "url = static('css/site.css')\n"
        "response = Client().get(url, HTTP_HOST='www.example.org', HTTP_X_FORWARDED_PROTO='https',\n"
        "    HTTP_ACCEPT_ENCODING='gzip')\n"
        "print('|'.join([url, str(response.status_code), response['Cache-Control'],\n"
        "    response.get('Content-Encoding', '')]))\n"
    )

    result = run_django(code, "hospital_site.settings.production", env)

    assert result.returncode == 0, result.stderr
    url, status, cache_control, encoding = result.stdout.strip().splitlines()[-1].split("|")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)
    assert status == "200"
    assert "immutable" in cache_control
    assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= 365 * 24 * 3600
    assert encoding == "gzip"


def test_every_page_a_search_engine_may_list_has_a_title_and_a_description(client, demo_site):
    missing = []
    for name, url in public_pages().items():
        page = soup(client.get(url))
        if name.startswith("404"):
            continue
        description = page.select_one("meta[name=description]")
        if not page.title.get_text(strip=True) or not (description and description["content"].strip()):
            missing.append(name)

    assert missing == []
