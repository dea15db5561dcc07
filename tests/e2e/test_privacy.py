"""In a real browser, a public page asks nothing of any other host: no fonts, scripts, trackers or maps."""

from urllib.parse import urlsplit

import pytest

from tests.public_pages import public_pages


def requests_while_visiting(context, origin, urls):
    """Every request the browser makes while loading ``urls``; other hosts are refused, never reached."""
    seen = []
    context.on("request", lambda request: seen.append(request.url))
    context.route(lambda url: not url.startswith(origin + "/"), lambda route: route.abort())
    page = context.new_page()
    for url in urls:
        page.goto(origin + url)
        page.wait_for_load_state("load")
    return seen, page


def elsewhere(origin, requested):
    return [url for url in requested if urlsplit(url).scheme != "data" and not url.startswith(origin + "/")]


@pytest.fixture
def urls(site_with_demo_content):
    """Read before the browser starts: a query under Playwright's event loop leaves a connection open."""
    return list(public_pages().values())


def test_public_pages_request_nothing_from_another_host(live_server, urls, browser):
    context = browser.new_context()
    requested, _ = requests_while_visiting(context, live_server.url, urls)
    context.close()

    assert elsewhere(live_server.url, requested) == []
    # The pages, their stylesheets and icons were all seen: the recorder works.
    assert any(url.endswith(".css") for url in requested)
    assert len(requested) > len(urls)


def test_the_recorder_sees_a_request_to_another_host(live_server, site_with_demo_content, browser):
    """The check above is only worth having if an image from elsewhere would show up in it."""
    context = browser.new_context(bypass_csp=True)
    requested, page = requests_while_visiting(context, live_server.url, ["/"])
    with page.expect_event("requestfailed"):  # refused by the route above
        page.evaluate(
            """() => { const img = document.createElement("img");
            img.src = "https://tracker.example.com/pixel.gif"; document.body.append(img); }"""
        )
    context.close()

    assert elsewhere(live_server.url, requested) == ["https://tracker.example.com/pixel.gif"]
