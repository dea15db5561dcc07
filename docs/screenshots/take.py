"""Take the editor guide's screenshots from the real admin, with Playwright and Debian's Chromium.

Run against a development server with demo content and the two demo staff
users this script creates (never against production):

    export DATABASE_URL=sqlite:////tmp/screenshots.sqlite3
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo_content
    .venv/bin/python docs/screenshots/take.py --create-users
    .venv/bin/python manage.py runserver 127.0.0.1:8051 &
    .venv/bin/python docs/screenshots/take.py --base-url http://127.0.0.1:8051

The second run walks the journey (edit, submit, approve), so run it on a
fresh database. PNGs are written next to this file at 1280×800.
"""

import argparse
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PASSWORD = "correct-horse-battery-staple"
VIEWPORT = {"width": 1280, "height": 800}


def create_users():
    """An editor and a medical reviewer for the walk-through (development databases only)."""
    sys.path.insert(0, str(HERE.parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hospital_site.settings.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    if not settings.ALLOW_DEMO_CONTENT:
        raise SystemExit("Refusing to create demo users under these settings.")
    for username, group, first, last in [
        ("edna", "Editors", "Edna", "Editor"),
        ("rita", "Medical reviewers", "Rita", "Reyes"),
        ("dora", "Directory editors", "Dora", "Directory"),
    ]:
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@example.invalid"}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=group))


def shoot(page, name):
    page.screenshot(path=str(HERE / f"{name}.png"))
    print("wrote", name + ".png")


def open_actions(page):
    """Open the footer's action menu and let its animation finish before the picture."""
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.wait_for_timeout(600)


def sign_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/admin/")


def take(base):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        editor = browser.new_context(viewport=VIEWPORT).new_page()
        sign_in(editor, base, "edna")
        shoot(editor, "01-dashboard")

        editor.goto(base + "/admin/pages/search/?q=Acute+Lymphoblastic")
        editor.get_by_role("link", name="Acute Lymphoblastic Leukemia").first.click()
        editor.wait_for_url(re.compile(r"/edit/$"))
        edit_url = editor.url
        shoot(editor, "02-edit-condition-page")

        names = editor.locator("input[name^='body-0-value-symptoms-'][name$='-value-name']")
        count = names.count()
        last = f"body-0-value-symptoms-{count - 1}-value-description"
        add = editor.locator(f"xpath=//*[@name='{last}']/following::button[@data-streamfield-list-add][1]")
        add.scroll_into_view_if_needed()
        add.click()
        item = f"body-0-value-symptoms-{count}-value"
        editor.locator(f"[name='{item}-name']").fill("Small red spots on the skin")
        editor.locator(f"[name='{item}-urgency']").select_option("urgent")
        editor.locator(f"[name='{item}-description']").fill("Tiny spots that look like a rash and do not fade.")
        editor.locator(f"[name='{item}-name']").scroll_into_view_if_needed()
        shoot(editor, "03-add-symptom")

        editor.locator("[data-reading-level]").scroll_into_view_if_needed()
        shoot(editor, "04-reading-level")

        open_actions(editor)
        shoot(editor, "05-submit-for-review")
        editor.locator("button[name='action-submit']").click()
        editor.wait_for_url(re.compile(r"/admin/pages/\d+/$"))

        reviewer = browser.new_context(viewport=VIEWPORT).new_page()
        sign_in(reviewer, base, "rita")
        shoot(reviewer, "06-awaiting-your-review")
        reviewer.goto(edit_url)
        open_actions(reviewer)
        shoot(reviewer, "07-approve")
        reviewer.locator("button[data-workflow-action-name='approve']").first.click()
        reviewer.wait_for_url(re.compile(r"/admin/pages/\d+/$"))

        # Scheduling lives in the editor's status side panel.
        editor.goto(edit_url)
        editor.get_by_role("button", name=re.compile("Status", re.I)).first.click()
        editor.wait_for_timeout(500)
        shoot(editor, "08-schedule")

        directory = browser.new_context(viewport=VIEWPORT).new_page()
        sign_in(directory, base, "dora")
        directory.goto(base + "/admin/find-a-doctor/providers/new/")
        shoot(directory, "09-add-a-doctor")
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default="http://127.0.0.1:8051")
    parser.add_argument("--create-users", action="store_true")
    args = parser.parse_args()
    if args.create_users:
        create_users()
    else:
        take(args.base_url.rstrip("/"))


if __name__ == "__main__":
    main()
