"""The translation screens work under the admin's Content-Security-Policy, in a real browser."""

import pytest

from tests.conditions.staff import PASSWORD, staff_user
from tests.e2e.test_content_security_policy import LISTEN_FOR_VIOLATIONS, visit


@pytest.fixture
def translator_and_pages(site_with_demo_content):
    """A translator (an editor) and the ids the screens need, made before the browser starts."""
    from wagtail_localize.models import TranslationSource

    from conditions.models import ConditionPage

    staff_user("tomas", "Editors", "Tomás", "Traductor")
    english = ConditionPage.objects.english().get(slug="acute-lymphoblastic-leukemia")
    spanish = ConditionPage.objects.in_language("es").get(slug="acute-lymphoblastic-leukemia")
    return TranslationSource.objects.get(object_id=english.translation_key).pk, spanish.pk


def test_translator_uses_the_translation_screens_with_no_csp_violation(live_server, translator_and_pages, browser):
    source, spanish = translator_and_pages
    context = browser.new_context()
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("tomas")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/admin/")
    found = []
    for name, url in {
        "dashboard (Spanish pages to update)": "/admin/",
        "the translation editor": f"/admin/pages/{spanish}/edit/",
        "sync translated pages": f"/admin/localize/update/{source}/",
        "submit for medical review": f"/admin/translations/{spanish}/submit/",
    }.items():
        violations, console = visit(page, live_server.url + url)
        found += [f"{name}: {violation}" for violation in violations]
        found += [f"{name}: {message}" for message in console if "Content Security Policy" in message]
    # The translation editor is a React app: it must actually have drawn the English beside the Spanish.
    page.goto(live_server.url + f"/admin/pages/{spanish}/edit/")
    page.wait_for_selector("text=Leucemia linfoblástica aguda")
    # In the header's "More" menu (closed until opened, so looked up by its address).
    submit_button = page.locator(f"a[href='/admin/translations/{spanish}/submit/']").count()
    context.close()

    assert found == [], "\n".join(found)
    assert submit_button >= 1
