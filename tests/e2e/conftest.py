"""Real-browser journeys: Playwright driving Debian's Chromium, checked with axe-core.

`playwright install` cannot download browsers here, so we drive the system
Chromium (apt-get install chromium). Where it is missing, every journey is
skipped with a reason that says so, and the run's summary repeats it
(tests/conftest.py, so that it is written under pytest-xdist too).
"""

import os

import pytest

from tests.chromium import CHROMIUM, CHROMIUM_FOUND, MISSING_REASON

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
            # Flushing after a live-server test would also drop the page tree the
            # migrations built; serialized rollback restores it for the next test.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
            if not CHROMIUM_FOUND:
                item.add_marker(pytest.mark.skip(reason=MISSING_REASON))


@pytest.fixture
def browser(live_server, monkeypatch):
    """A fresh Chromium for each test.

    Per test rather than per session: Playwright's sync API switches context
    (greenlets and a running event loop), and Django's per-context database
    connections must be the same before and after the browser runs so the
    test database can be restored between tests.
    """
    # Playwright's sync API keeps an event loop running in this thread; a test's
    # own ORM calls while the browser is open are still ordinary sync code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def _new_page(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.fixture
def phone_page(browser):
    """A phone-sized page (390×844, touch)."""
    context, page = _new_page(browser, PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context, page = _new_page(browser, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def site_with_demo_content(transactional_db):
    """The site as `make run` shows it: journeys walk the content parents will see."""
    from django.core.management import call_command

    call_command("load_demo_content", verbosity=0)


# axe ships WCAG 2.2's 24 px touch-target rule switched off; parents tap with a thumb, so turn it on.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


def axe_violations(page):
    """axe-core's violations on the page (WCAG 2.x A/AA rules and best practices), one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in results.response["violations"]
    ]


def assert_no_axe_violations(page):
    """Run axe-core on the page; fail on any violation."""
    violations = axe_violations(page)
    assert violations == [], f"axe found {len(violations)} violation(s) on {page.url}:\n" + "\n".join(violations)
