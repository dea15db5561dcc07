"""A parent landing on the home page sees who we are and a number they can tap."""

from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from tests.conftest import soup


def settings_url(site_settings):
    return reverse("wagtailsettings:edit", args=["base", "sitesettings", site_settings.pk])


def test_parent_sees_hospital_name_and_tappable_phone(client, home_page, site_settings):
    response = client.get("/")

    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Test Children's Hospital"
    header_call = page.select_one(".site-header__phone a")
    assert header_call["href"] == "tel:+15629335437"
    assert "(562) 933-5437" in header_call.get_text()
    cancer_call = page.select_one("main a[href='tel:+15627285000']")
    assert "(562) 728-5000" in cancer_call.get_text()


def test_every_page_has_lang_viewport_skip_link_landmarks_and_one_h1(client, home_page, site_settings):
    page = soup(client.get("/"))

    assert page.html["lang"] == "en"
    assert "width=device-width" in page.find("meta", attrs={"name": "viewport"})["content"]
    skip = page.select_one("a.skip-link")
    assert skip["href"] == "#main" and page.find(id="main").name == "main"
    assert page.find("header") and page.find("footer") and page.find("main")
    assert len(page.find_all("h1")) == 1


def test_footer_shows_address_disclaimer_and_emergency_notice(client, home_page, site_settings):
    site_settings.emergency_notice = "Call 911 right away in an emergency."
    site_settings.medical_disclaimer = "<p>This is general information from our team.</p>"
    site_settings.save()

    footer = soup(client.get("/")).find("footer")

    text = footer.get_text(" ", strip=True)
    assert "1 Hospital Way" in text and "Long Beach, CA 90806" in text
    assert "Call 911 right away in an emergency." in text
    assert "This is general information from our team." in text


def test_editor_changes_phone_in_admin_and_the_page_follows(admin_client, home_page, site_settings):
    url = settings_url(site_settings)
    form = admin_client.get(url)
    assert form.status_code == 200

    response = admin_client.post(
        url,
        {
            "hospital_name": "Renamed Children's Hospital",
            "main_phone": "562-555-0199",
            "cancer_center_name": site_settings.cancer_center_name,
            "cancer_center_phone": site_settings.cancer_center_phone,
            "street_address": site_settings.street_address,
            "city": site_settings.city,
            "state": site_settings.state,
            "postal_code": site_settings.postal_code,
            "emergency_notice": site_settings.emergency_notice,
            "medical_disclaimer": rich_text("<p>Ask your doctor.</p>"),
            "language_taglines-count": 0,
        },
    )
    assert response.status_code == 302

    page = soup(admin_client.get("/"))
    assert page.h1.get_text(strip=True) == "Renamed Children's Hospital"
    header_call = page.select_one(".site-header__phone a")
    assert header_call["href"] == "tel:+15625550199"
    assert "(562) 555-0199" in header_call.get_text()


def test_admin_rejects_a_phone_number_that_cannot_be_dialled(admin_client, home_page, site_settings):
    response = admin_client.post(
        settings_url(site_settings),
        {
            "hospital_name": "Test Children's Hospital",
            "main_phone": "call us maybe",
            "emergency_notice": "Call 911.",
            "medical_disclaimer": rich_text("<p>Ask your doctor.</p>"),
            "language_taglines-count": 0,
        },
    )

    assert response.status_code == 200
    assert "Enter a real phone number with its area code" in response.content.decode()
    site_settings.refresh_from_db()
    assert site_settings.main_phone == "(562) 933-5437"
