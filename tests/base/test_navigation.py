"""Site administrators edit the header menu and footer links in the admin; parents see them on every page."""

from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from base.models import NavigationSettings
from tests.conftest import soup


def menu(response):
    return [(a.get_text(strip=True), a["href"]) for a in soup(response).select("nav.main-nav a")]


def footer_links(response):
    return [(a.get_text(strip=True), a["href"]) for a in soup(response).select(".site-footer__links a")]


def add_section(home_page, title, slug, live=True, show_in_menus=True):
    page = Page(title=title, slug=slug, show_in_menus=show_in_menus)
    home_page.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.unpublish()
    return page


def link(page=None, url="", text=""):
    return {"link_page": page.pk if page else "", "link_url": url, "text": text}


def post_navigation(client, header=(), footer=()):
    navigation = NavigationSettings.load()
    url = reverse("wagtailsettings:edit", args=["base", "navigationsettings", navigation.pk])
    data = nested_form_data(
        {"header_links": inline_formset(list(header)), "footer_links": inline_formset(list(footer))}
    )
    return client.post(url, data)


def test_empty_menu_lists_sections_shown_in_menus_then_find_a_doctor(client, home_page, site_settings):
    add_section(home_page, "Conditions A–Z", "conditions")
    add_section(home_page, "Hidden", "hidden", show_in_menus=False)

    assert menu(client.get("/")) == [("Conditions A–Z", "/conditions/"), ("Find a Doctor", "/find-a-doctor/")]


def test_administrator_sets_header_menu_and_footer_links_in_the_admin(admin_client, home_page, site_settings):
    conditions = add_section(home_page, "Conditions A–Z", "conditions")
    draft = add_section(home_page, "Coming soon", "coming-soon", live=False)
    admin_client.get("/")  # the default menu is now cached; saving the settings must refresh it

    response = post_navigation(
        admin_client,
        header=[
            link(url="/find-a-doctor/", text="Find a Doctor"),
            link(page=conditions, text="Conditions"),
            link(page=draft),
        ],
        footer=[link(url="https://example.org/careers", text="Careers")],
    )

    assert response.status_code == 302
    page = admin_client.get("/")
    # In the editor's order; the draft page is left out until it is published.
    assert menu(page) == [("Find a Doctor", "/find-a-doctor/"), ("Conditions", "/conditions/")]
    assert footer_links(page) == [("Careers", "https://example.org/careers")]


def test_a_link_needs_a_page_or_a_url_and_a_url_needs_text(admin_client, home_page, site_settings):
    response = post_navigation(admin_client, header=[link(), link(url="/somewhere/")])

    assert response.status_code == 200
    assert NavigationSettings.load().header_links.count() == 0
    assert "Pick a page or type a URL" in response.content.decode()
    assert "Type the text parents see" in response.content.decode()


def test_renamed_menu_page_shows_its_new_title_at_once(client, home_page, site_settings):
    conditions = add_section(home_page, "Conditions", "conditions")
    client.get("/")

    conditions.title = "Conditions A–Z"
    conditions.save_revision().publish()

    assert ("Conditions A–Z", "/conditions/") in menu(client.get("/"))


def test_parents_see_a_changed_menu_at_once_even_on_cached_pages(admin_client, home_page, site_settings):
    parent = Client()  # anonymous: served from the page cache
    add_section(home_page, "Conditions A–Z", "conditions")
    assert ("Find a Doctor", "/find-a-doctor/") in menu(parent.get("/"))

    post_navigation(admin_client, header=[link(url="/conditions/", text="Conditions")])

    assert menu(parent.get("/")) == [("Conditions", "/conditions/")]
