"""The editor's journey: a symptom goes from an editor's draft, through a clinician's approval, to parents.

An editor signs in, adds a symptom to the ALL page and submits it for
medical review; parents do not see it yet. A medical reviewer signs in and
approves; now parents do, with the reviewer's name and today's date.
"""

import re

import pytest
from django.utils import timezone
from django.utils.dateformat import format as format_date

from tests.conditions.staff import PASSWORD, staff_user
from tests.e2e.conftest import assert_no_axe_violations

ALL_URL = "/conditions/acute-lymphoblastic-leukemia/"
NEW_SYMPTOM = "Small red spots on the skin"


def sign_in(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base_url + "/admin/")


@pytest.fixture
def all_page_id(site_with_demo_content):
    """The editor, the reviewer and the ALL page, made before the browser starts.

    Database work inside the test body would run in Playwright's context and
    open a connection that is never closed (see tests/e2e/conftest.py).
    """
    from conditions.models import ConditionPage

    staff_user("edna", "Editors", "Edna", "Editor")
    staff_user("rita", "Medical reviewers", "Rita", "Reyes")
    return ConditionPage.objects.english().get(url_path__endswith=ALL_URL).pk


@pytest.fixture
def contexts(browser):
    """Separate browser contexts (own cookies) for the editor, the reviewer and a parent, closed afterwards.

    Closing them ends their keep-alive connections, so the live server's request
    threads let go of their database connections before the test database is dropped.
    """
    opened = []

    def new_page(**options):
        context = browser.new_context(**options)
        opened.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield new_page
    for context in opened:
        context.close()


WATCH_FOR_EDITS = """
document.addEventListener("w-unsaved:watch-edits", () => {
    document.documentElement.dataset.watchingForEdits = "";
});
"""


def a_saved_autosave(response):
    """A background autosave request that Wagtail answered with a saved draft.

    The first one writes a draft revision; later ones overwrite that same
    revision, so its id is what the form must name from then on.
    """
    request = response.request
    return request.method == "POST" and "application/json" in (request.headers.get("accept") or "") and response.ok


def wait_for_the_page_listing(page):
    """After a workflow action Wagtail shows the page listing; if it stays on the editor, say what it was told."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    try:
        page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    except PlaywrightTimeoutError:
        pytest.fail(f"Still on {page.url}; the messages say: {page.locator('.messages').all_inner_texts()}")


def open_more_actions(page):
    """The footer's action menu: 'Submit for review', 'Approve' and friends live under the toggle."""
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_symptom_reaches_parents_only_after_medical_approval(live_server, all_page_id, contexts):
    edit_url = f"{live_server.url}/admin/pages/{all_page_id}/edit/"

    # The editor adds a symptom at the end of the symptom checklist and submits the page for review.
    editor = contexts(viewport={"width": 1280, "height": 900})
    sign_in(editor, live_server.url, "edna")
    editor.add_init_script(WATCH_FOR_EDITS)
    editor.goto(edit_url)
    # Wagtail notes the form as loaded two seconds after opening it; only edits after that are autosaved.
    editor.locator("html[data-watching-for-edits]").wait_for(state="attached")
    names = editor.locator("input[name^='body-0-value-symptoms-'][name$='-value-name']")
    count = names.count()
    last_description = f"body-0-value-symptoms-{count - 1}-value-description"
    editor.locator(f"xpath=//*[@name='{last_description}']/following::button[@data-streamfield-list-add][1]").click()
    new_item = f"body-0-value-symptoms-{count}-value"
    # Wagtail autosaves the draft in the background as the editor types; the editor is slow enough to let it.
    with editor.expect_response(a_saved_autosave) as autosaved:
        editor.locator(f"[name='{new_item}-name']").fill(NEW_SYMPTOM)
        editor.locator(f"[name='{new_item}-urgency']").select_option("urgent")
        editor.locator(f"[name='{new_item}-description']").fill("Tiny spots that look like a rash and do not fade.")
    draft = autosaved.value.json()
    assert draft["success"], draft
    # The editor's own autosaved draft is not "someone else's newer version" (base/edit_conflicts.py).
    editor.locator(f"input[name='autosaved_revision_id'][value='{draft['revision_id']}']").wait_for(state="attached")
    open_more_actions(editor)
    editor.locator("button[name='action-submit']").click()
    wait_for_the_page_listing(editor)
    assert "submitted" in editor.locator(".messages").inner_text().lower()

    # Before approval, parents still see the published page without the new symptom.
    parent = contexts(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    parent.goto(live_server.url + ALL_URL)
    assert parent.locator("#main").count() == 1
    assert NEW_SYMPTOM not in parent.locator("main").inner_text()

    # The medical reviewer approves from the page editor.
    reviewer = contexts(viewport={"width": 1280, "height": 900})
    sign_in(reviewer, live_server.url, "rita")
    assert "Acute Lymphoblastic Leukemia" in reviewer.locator("main").inner_text()  # "Awaiting your review"
    reviewer.goto(edit_url)
    open_more_actions(reviewer)
    reviewer.locator("button[data-workflow-action-name='approve']").first.click()
    wait_for_the_page_listing(reviewer)

    # Parents now see the symptom, and who reviewed the page today.
    parent.goto(live_server.url + ALL_URL)
    main = parent.locator("main").inner_text()
    assert NEW_SYMPTOM in main
    today = format_date(timezone.localdate(), "F j, Y")
    assert parent.locator(".review").first.inner_text().startswith(f"Medically reviewed by Rita Reyes on {today}")
    assert_no_axe_violations(parent)
