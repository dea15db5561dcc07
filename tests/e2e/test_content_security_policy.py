"""In a real browser, public pages break no rule of their strict Content-Security-Policy, nor the admin of its own."""

import pytest

from tests.conditions.staff import PASSWORD, staff_user
from tests.public_pages import ALL_PAGE_URL, public_pages

# Recorded by the page itself, so a violation is caught even when the browser prints nothing.
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


def visit(page, url):
    """Open ``url``; return what the browser reported: CSP violation events and console errors."""
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.goto(url)
    page.wait_for_load_state("load")
    return page.evaluate("window.__cspViolations"), console


@pytest.fixture
def urls(site_with_demo_content):
    """Read before the browser starts: a query under Playwright's event loop leaves a connection open."""
    return {"ALL page": ALL_PAGE_URL, "search": "/search/?q=leukemia", **public_pages()}


def test_public_pages_load_with_no_csp_violation_or_console_error(live_server, urls, browser):
    context = browser.new_context()
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    page = context.new_page()
    found = []
    for name, url in urls.items():
        response = page.request.get(live_server.url + url)
        assert "'unsafe-inline'" not in response.headers["content-security-policy"], name
        violations, console = visit(page, live_server.url + url)
        found += [
            f"{name}: {message}"
            for message in violations + console
            if "404" not in message or not name.startswith("404")
        ]
    context.close()

    assert found == [], "\n".join(found)


def test_a_blocked_inline_script_is_reported(live_server, site_with_demo_content, browser):
    """The check above can fail: an injected inline script is blocked and reported."""
    context = browser.new_context()
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    page = context.new_page()
    violations, _ = visit(page, live_server.url + ALL_PAGE_URL)
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__ran = true";
            document.body.append(script);
        }"""
    )
    ran = page.evaluate("window.__ran === true")
    violations = page.evaluate("window.__cspViolations")
    context.close()

    assert not ran
    assert any("script-src" in violation for violation in violations)


@pytest.fixture
def editor_and_page(site_with_demo_content):
    """An editor and the ALL page's id, made before the browser starts (see tests/e2e/conftest.py)."""
    from conditions.models import ConditionPage

    staff_user("edna", "Editors", "Edna", "Editor")
    return ConditionPage.objects.english().get(url_path__endswith=ALL_PAGE_URL).pk


def test_staff_use_the_admin_and_see_the_user_bar_with_no_csp_violation(live_server, editor_and_page, browser):
    context = browser.new_context()
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("edna")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/admin/")
    found = []
    for name, url in {
        "dashboard": "/admin/",
        "page editor": f"/admin/pages/{editor_and_page}/edit/",
        "page explorer": "/admin/pages/",
        "images": "/admin/images/",
        "documents": "/admin/documents/",
        "page history": f"/admin/pages/{editor_and_page}/history/",
        "the ALL page with the user bar": ALL_PAGE_URL,
    }.items():
        violations, _ = visit(page, live_server.url + url)
        found += [f"{name}: {violation}" for violation in violations]
    user_bar = page.locator("wagtail-userbar").count()
    context.close()

    assert user_bar == 1
    assert found == [], "\n".join(found)
