"""A provider's profile: who they are, where they work, how to call, and what search engines read."""

import json

import pytest

from tests.conftest import soup
from tests.providers import factories


@pytest.fixture
def lopez(home_page, site_settings, all_page):
    clinic = factories.location(
        "Main Campus",
        zip_code="90806",
        phone="(562) 555-0100",
        accessibility_notes="Free parking in the visitor structure.",
    )
    torrance = factories.location("Torrance Clinic", zip_code="90505", city="Torrance", phone="(310) 555-0101")
    provider = factories.provider(
        "Maria",
        "Lopez",
        credentials="MD, PhD",
        specialties=[factories.hem_onc(), factories.cardiology()],
        conditions=[all_page],
        languages=["en", "es"],
        locations=[clinic, torrance],
        offers_telehealth=True,
        min_age=0,
        max_age=21,
        bio="Dr. Lopez cares for children with leukemia.\n\nShe speaks Spanish with families.",
        education="MD, Example University, 2005\nFellowship, Example Children's, 2011",
        board_certifications="Pediatric Hematology-Oncology",
    )
    # A per-location number and a location not taking new patients.
    link = provider.provider_locations.get(location=torrance)
    link.phone = "(310) 555-0199"
    link.accepting_new_patients = False
    link.save()
    return provider


def profile(client, provider):
    response = client.get(f"/find-a-doctor/{provider.slug}/")
    assert response.status_code == 200
    return soup(response)


def test_profile_shows_name_specialties_languages_and_status(client, lopez):
    page = profile(client, lopez)
    text = page.get_text(" ", strip=True)

    assert page.select_one("h1").get_text(strip=True) == "Maria Lopez, MD, PhD"
    assert len(page.select("h1")) == 1
    assert "Pediatric Hematology-Oncology · Pediatric Cardiology" in text
    assert "Accepting new patients" in text
    assert "Offers video visits" in text
    assert "Sees patients from birth to 21 years" in text
    assert "Speaks English, Spanish" in text
    assert "Dr. Lopez cares for children with leukemia." in text
    assert "Fellowship, Example Children's, 2011" in text
    assert "National Provider Identifier (NPI): " + lopez.npi in text


def test_call_to_make_an_appointment_is_a_tappable_number(client, lopez):
    call = profile(client, lopez).select_one(".profile__call")

    assert "Call to make an appointment" in call.get_text()
    assert call.select_one("a")["href"] == "tel:+15625550100"


def test_each_location_has_address_phone_and_directions(client, lopez):
    cards = profile(client, lopez).select(".location-card")

    assert [c.select_one("h3").get_text(strip=True) for c in cards] == ["Main Campus", "Torrance Clinic"]
    main, torrance = cards
    assert "2801 Atlantic Avenue" in main.select_one("address").get_text()
    assert "Long Beach, CA 90806" in main.select_one("address").get_text()
    assert "Free parking" in main.get_text()
    assert torrance.select_one('a[href^="tel:"]')["href"] == "tel:+13105550199"
    assert "Not taking new patients here" in torrance.get_text()
    directions = main.select_one("a.button--secondary")
    assert directions["href"].startswith("https://www.google.com/maps/dir/?api=1&destination=2801+Atlantic+Avenue")
    # A link, not an embedded resource: nothing on the page loads from another host.
    assert not profile(client, lopez).select("iframe, img[src^='http'], script[src^='http']")


def test_conditions_treated_link_to_their_condition_pages(client, lopez, all_page):
    links = profile(client, lopez).select(".condition-links a")

    assert [(a.get_text(strip=True), a["href"]) for a in links] == [
        ("Acute Lymphoblastic Leukemia", "/conditions/acute-lymphoblastic-leukemia/")
    ]


def test_unpublished_condition_pages_are_not_linked(client, lopez, all_page):
    all_page.unpublish()

    assert profile(client, lopez).select(".condition-links a") == []


def test_json_ld_describes_a_physician(client, lopez):
    script = profile(client, lopez).select_one('script[type="application/ld+json"]')
    page = json.loads(script.string)
    data = page["mainEntity"]

    assert page["@context"] == "https://schema.org"
    assert page["@type"] == "ProfilePage"
    assert page["inLanguage"] == "en-US"
    assert page["url"] == data["url"]
    assert data["@type"] == "Physician"
    assert data["knowsLanguage"] == ["en", "es"]  # BCP 47 tags, as schema.org asks
    assert data["name"] == "Maria Lopez, MD, PhD"
    assert data["usNPI"] == lopez.npi
    assert data["medicalSpecialty"] == ["Pediatric Hematology-Oncology", "Pediatric Cardiology"]
    assert data["isAcceptingNewPatients"] is True
    assert data["telephone"] == "+15625550100"
    assert data["url"] == "http://testserver/find-a-doctor/maria-lopez-md-phd/"
    assert data["hospitalAffiliation"] == {"@type": "Hospital", "name": "Test Children's Hospital"}
    assert data["address"][0] == {
        "@type": "PostalAddress",
        "name": "Main Campus",
        "streetAddress": "2801 Atlantic Avenue",
        "addressLocality": "Long Beach",
        "addressRegion": "CA",
        "postalCode": "90806",
        "addressCountry": "US",
    }


def test_json_ld_cannot_break_out_of_its_script(client, lopez):
    lopez.bio = "</script><script>alert(1)</script>"
    lopez.save()

    response = client.get(f"/find-a-doctor/{lopez.slug}/")

    assert b"</script><script>alert(1)" not in response.content
    data = json.loads(soup(response).select_one('script[type="application/ld+json"]').string)
    assert data["mainEntity"]["description"] == "</script><script>alert(1)</script>"


def test_demo_profiles_say_they_are_fictional(client, home_page, site_settings):
    demo = factories.provider("Demo", "Person", is_demo=True)

    assert "Demo profile — fictional" in profile(client, demo).get_text()


def test_real_profiles_carry_no_demo_label(client, lopez):
    assert "fictional" not in profile(client, lopez).get_text()


def test_inactive_provider_is_gone_with_a_link_back_to_search(client, lopez):
    lopez.active = False
    lopez.save()

    response = client.get(f"/find-a-doctor/{lopez.slug}/")
    page = soup(response)

    assert response.status_code == 404
    assert "Maria Lopez" not in page.get_text()
    assert page.select_one('main a[href="/find-a-doctor/"]')
    assert page.select_one('main a[href="tel:+15627285000"]')


def test_unknown_profile_is_a_friendly_404(client, home_page, site_settings):
    response = client.get("/find-a-doctor/nobody-here/")

    assert response.status_code == 404
    assert soup(response).select_one('main a[href="/find-a-doctor/"]')


def test_profile_photo_needs_alt_text(client, home_page, site_settings, photo):
    from django.core.exceptions import ValidationError

    provider = factories.provider("Photo", "Person")
    provider.photo = photo
    provider.photo_alt_text = ""
    with pytest.raises(ValidationError) as error:
        provider.full_clean()
    assert "photo_alt_text" in error.value.message_dict

    photo.description = "A smiling doctor in a blue coat"
    photo.save()
    provider.full_clean(exclude=["search_text"])
    provider.save()
    assert profile(client, provider).select_one(".profile__photo img")["alt"] == "A smiling doctor in a blue coat"


def test_profile_page_has_no_inline_style_or_script(client, lopez):
    page = profile(client, lopez)

    assert page.select("[style]") == []
    assert [s for s in page.select("script") if s.get("type") != "application/ld+json" and not s.get("src")] == []


def test_photo_is_a_picture_in_modern_formats_with_its_size_and_not_lazy_at_the_top(client, lopez, photo):
    provider = lopez
    provider.photo = photo
    provider.photo_alt_text = "A doctor"
    provider.save()

    picture = profile(client, provider).select_one(".profile__photo picture")

    assert [source["type"] for source in picture.select("source")] == ["image/avif", "image/webp"]
    img = picture.img
    assert (img["width"], img["height"]) == ("320", "320")
    assert not img.has_attr("loading")
