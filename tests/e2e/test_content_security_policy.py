"""In a real browser, the public pages break no rule of their strict Content-Security-Policy."""

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


def test_public_pages_load_with_no_csp_violation_or_console_error(live_server, site_with_demo_content, browser):
    urls = {"ALL page": ALL_PAGE_URL, "search": "/search/?q=leukemia", **public_pages()}
    context = browser.new_context()
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    page = context.new_page()
    found = []
    for name, url in urls.items():
        response = page.request.get(live_server.url + url)
        assert "'unsafe-inline'" not in response.headers["content-security-policy"], name
        violations, console = visit(page, live_server.url + url)
        found += [f"{name}: {message}" for message in violations + console if "404" not in message or name != "404"]
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
