"""The parent's site in Spanish: /es/ addresses, the English / Español link, hreflang, search and the directory.

The Spanish pages here are made as a translator makes them (wagtail-localize,
then an approval), from the test ALL page; "ES: …" marks text a test does not
need in real Spanish.
"""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from base.models import SiteSettings
from providers.models import Specialty
from tests.conftest import soup
from tests.providers import factories
from tests.spanish import spanish, spanish_twin

ALL_URL = "/conditions/acute-lymphoblastic-leukemia/"
SPANISH_ALL_URL = "/es" + ALL_URL

WORDS = {
    "Home": "Inicio",
    "home": "inicio",
    "Conditions A–Z": "Enfermedades de la A a la Z",
    "Acute Lymphoblastic Leukemia": "Leucemia linfoblástica aguda",
    "acute lymphocytic leukemia, ALL": "leucemia linfocítica aguda, LLA",
    "ALL is the most common leukemia in children.": "La LLA es la leucemia más común en los niños.",
    "A cancer of the blood.": "Es un cáncer de la sangre que empieza en la médula de los huesos.",
    "Bone pain": "Dolor de huesos",
    "Severe nosebleeds": "Sangrado fuerte de la nariz",
    "Shortness of breath": "Le falta el aire",
    "Symptoms": "Síntomas",
    "Doctors don't know why they happen.": "Los médicos no saben por qué pasan estos cambios en la médula ósea.",
    "A trusted source": "A trusted source (en inglés)",  # the source is in English: its title stays English
}


@pytest.fixture
def spanish_all(all_condition, site_settings):
    """The ALL page with its live, approved Spanish version (and the Spanish home and index)."""
    site_settings.cancer_center_name_es = "Centro de Cáncer de Prueba"
    site_settings.save()
    return spanish_twin(all_condition, WORDS)


def links(response, rel="alternate"):
    return {link["hreflang"]: link["href"] for link in soup(response).select(f'link[rel="{rel}"][hreflang]')}


def switch(response):
    return soup(response).select_one(".language-switch a")


# --- Addresses and languages -------------------------------------------------------------------


def test_english_stays_where_it_is_and_browser_language_never_redirects(client, spanish_all):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")

    assert response.status_code == 200
    assert soup(response).html["lang"] == "en"
    assert "Accept-Language" not in response.get("Vary", "")
    assert response["Content-Language"] == "en"


def test_spanish_pages_say_they_are_spanish(client, spanish_all):
    for url in ["/es/", "/es/conditions/", SPANISH_ALL_URL, "/es/find-a-doctor/", "/es/search/?q=leucemia"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert soup(response).html["lang"] == "es", url
        assert response["Content-Language"] == "es", url
        assert "Accept-Language" not in response.get("Vary", ""), url


def test_the_spanish_all_page_reads_in_spanish(client, spanish_all):
    page = soup(client.get(SPANISH_ALL_URL))

    assert page.h1.get_text(strip=True) == "Leucemia linfoblástica aguda"
    assert page.select_one("#call-911-heading").get_text(strip=True) == "Llame al 911 ahora si su hijo tiene:"
    assert "Sangrado fuerte de la nariz" in page.select_one("#call-911").get_text()
    assert "Emergencia: llame al 911" in page.get_text()
    assert "Centro de Cáncer de Prueba" in page.get_text()


def test_twin_links_go_both_ways(client, spanish_all):
    english = client.get(ALL_URL)
    spanish_page = client.get(SPANISH_ALL_URL)

    assert switch(english)["href"] == SPANISH_ALL_URL
    assert switch(english).get_text() == "Español"
    assert switch(english)["lang"] == "es"
    assert switch(spanish_page)["href"] == ALL_URL
    assert switch(spanish_page).get_text() == "English"


def test_hreflang_alternates_are_absolute_both_ways_with_x_default(client, spanish_all):
    expected = {
        "en": "http://localhost" + ALL_URL,
        "es": "http://localhost" + SPANISH_ALL_URL,
        "x-default": "http://localhost" + ALL_URL,
    }
    assert links(client.get(ALL_URL)) == expected
    assert links(client.get(SPANISH_ALL_URL)) == expected
    assert links(client.get("/find-a-doctor/?language=es"))["es"] == "http://localhost/es/find-a-doctor/?language=es"


def test_a_page_without_spanish_links_to_the_spanish_home_which_says_so(client, spanish_all, index):
    from tests.conditions.factories import condition_page

    condition_page(index, "Hemophilia")

    english = client.get("/conditions/hemophilia/")
    assert links(english) == {}
    target = switch(english)["href"]
    assert target == "/es/?en=%2Fconditions%2Fhemophilia%2F"

    home = soup(client.get(target))
    note = home.select_one(".not-translated")
    assert "todavía no está en español" in note.get_text()
    assert note.a["href"] == "/conditions/hemophilia/"
    assert note.a["hreflang"] == "en"


@pytest.mark.parametrize("value", ["//evil.example/", "https://evil.example/", "/\\evil", "java\nscript:"])
def test_the_not_translated_note_never_links_elsewhere(client, spanish_all, value):
    response = client.get("/es/", {"en": value})

    assert response.status_code == 200
    assert soup(response).select_one(".not-translated") is None


def test_spanish_index_lists_english_only_pages_as_not_yet_in_spanish(client, spanish_all, index):
    from tests.conditions.factories import condition_page

    condition_page(index, "Hemophilia")

    page = soup(client.get("/es/conditions/"))

    assert [a.get_text(strip=True) for a in page.select(".condition-list__title a")] == ["Leucemia linfoblástica aguda"]
    not_yet = page.select_one(".not-yet-translated")
    assert "Todavía no están en español" in not_yet.get_text()
    item = not_yet.select_one("li")
    assert item["lang"] == "en"
    assert item.a["href"] == "/conditions/hemophilia/"


def test_a_spanish_address_without_a_spanish_page_is_a_spanish_404_linking_to_english(client, spanish_all, index):
    from tests.conditions.factories import condition_page

    condition_page(index, "Hemophilia")

    response = client.get("/es/conditions/hemophilia/")

    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == "es"
    assert page.select_one(".not-translated a")["href"] == "/conditions/hemophilia/"


def test_no_english_page_is_served_at_spanish_addresses_before_spanish_exists(client, all_condition):
    for url in ["/es/", "/es/conditions/", SPANISH_ALL_URL]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert soup(response).html["lang"] == "es"


def test_json_ld_says_the_language(client, spanish_all):
    def data(url):
        return json.loads(soup(client.get(url)).select_one('script[type="application/ld+json"]').string)

    assert data(ALL_URL)["inLanguage"] == "en-US"
    assert data(SPANISH_ALL_URL)["inLanguage"] == "es-US"
    assert data(SPANISH_ALL_URL)["about"]["name"] == "Leucemia linfoblástica aguda"


def test_a_spanish_profiles_json_ld_says_the_page_is_in_spanish(client, spanish_speaking_doctor):
    url = "/es" + spanish_speaking_doctor.get_absolute_url()
    page = json.loads(soup(client.get(url)).select_one('script[type="application/ld+json"]').string)

    assert (page["@type"], page["inLanguage"]) == ("ProfilePage", "es-US")
    assert page["url"] == page["mainEntity"]["url"] == "http://testserver" + url
    assert page["mainEntity"]["medicalSpecialty"] == ["Hematología y oncología pediátrica"]
    assert page["mainEntity"]["knowsLanguage"] == ["en", "es"]


def test_sitemap_lists_both_languages_with_alternates(client, spanish_all):
    xml = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://localhost/es/conditions/acute-lymphoblastic-leukemia/</loc>" in xml
    assert "<loc>http://localhost/conditions/acute-lymphoblastic-leukemia/</loc>" in xml
    entry = re.search(r"<url><loc>http://localhost/es/conditions/acute-lymphoblastic-leukemia/</loc>.*?</url>", xml)
    alternates = set(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry.group(0)))
    assert alternates == {
        ("en", "http://localhost/conditions/acute-lymphoblastic-leukemia/"),
        ("es", "http://localhost/es/conditions/acute-lymphoblastic-leukemia/"),
        ("x-default", "http://localhost/conditions/acute-lymphoblastic-leukemia/"),
    }


# --- Site settings and the language-assistance notice ------------------------------------------


def test_spanish_pages_show_the_spanish_notices_and_mark_english_fallbacks(client, spanish_all):
    settings_row = SiteSettings.load()
    settings_row.emergency_notice_es = ""
    settings_row.save()

    footer = soup(client.get("/es/")).select_one(".site-footer")

    notice = footer.select_one(".site-footer__notice p")
    assert notice["lang"] == "en"
    assert "call 911" in notice.get_text()
    disclaimer = footer.select_one(".site-footer__disclaimer div")
    assert "lang" not in disclaimer.attrs
    assert "No reemplaza" in disclaimer.get_text()


def test_every_footer_links_to_free_language_help_in_both_languages(client, spanish_all):
    for url, path in [("/", "/language-assistance/"), (SPANISH_ALL_URL, "/es/language-assistance/")]:
        help_link = soup(client.get(url)).select_one(".site-footer__language-help")
        assert help_link.a["href"] == path
        other = help_link.select_one("span[lang]")
        assert other["lang"] in ("en", "es") and other["lang"] != soup(client.get(url)).html["lang"]


def test_language_help_page_shows_each_tagline_in_its_language(client, spanish_all):
    settings_row = SiteSettings.load()
    settings_row.language_assistance_es = "<p>La ayuda con el idioma es gratis.</p>"
    settings_row.language_taglines = [
        ("tagline", {"language": "vi", "language_name": "Tiếng Việt", "text": "CHÚ Ý: Có hỗ trợ ngôn ngữ miễn phí."})
    ]
    settings_row.save()

    page = soup(client.get("/es/language-assistance/"))

    assert page.h1.get_text() == "Ayuda gratis con el idioma"
    assert "La ayuda con el idioma es gratis." in page.get_text()
    assert page.select_one(".taglines li")["lang"] == "vi"


def test_the_hospital_name_in_english_is_marked_on_spanish_pages_until_it_has_a_spanish_name(client, spanish_all):
    def names(url):
        page = soup(client.get(url))
        return [page.select_one(selector) for selector in (".site-header__name", ".site-footer__name", ".hero h1")]

    assert [(name.get_text(strip=True), name.get("lang")) for name in names("/es/")] == [
        ("Test Children's Hospital", "en")
    ] * 3
    assert [name.get("lang") for name in names("/") if name] == [None] * 3, "English on an English page needs no mark"

    settings_row = SiteSettings.load()
    settings_row.hospital_name_es = "Hospital de Niños de Prueba"
    settings_row.save()

    assert [(name.get_text(strip=True), name.get("lang")) for name in names("/es/")] == [
        ("Hospital de Niños de Prueba", None)
    ] * 3


def test_a_source_kept_in_english_is_marked_and_its_note_is_spanish(client, spanish_all, all_condition):
    spanish_source = soup(client.get(SPANISH_ALL_URL)).select_one(".sources li")
    english_source = soup(client.get(ALL_URL)).select_one(".sources li")

    title = spanish_source.select_one("a [lang='en']")
    assert title.get_text() == "A trusted source"
    assert spanish_source.a.get_text() == "A trusted source (en inglés)"
    assert english_source.a.get_text() == "A trusted source" and not english_source.select("[lang]")


# --- Find a Doctor and profiles in Spanish -----------------------------------------------------


@pytest.fixture
def spanish_speaking_doctor(spanish_all, all_condition):
    specialty = factories.hem_onc()
    specialty.name_es = "Hematología y oncología pediátrica"
    specialty.synonyms_es = "cáncer de la sangre, médico del cáncer"
    specialty.save()
    return factories.provider(
        "Lucía",
        "Ramírez",
        languages=("en", "es"),
        conditions=[all_condition],
        bio="Dr. Ramírez cares for children with leukemia.",
    )


def test_find_a_doctor_in_spanish_with_spanish_specialty_and_language_names(client, spanish_speaking_doctor):
    page = soup(client.get("/es/find-a-doctor/", {"language": "es"}))

    assert page.h1.get_text() == "Buscar un médico"
    card = page.select_one(".provider-card")
    assert "Hematología y oncología pediátrica" in card.get_text()
    assert "Habla" in card.get_text() and "español" in card.get_text()
    menu = {option["value"]: option.get_text() for option in page.select("#id_language option")}
    assert menu["es"] == "español"
    specialty_menu = [option.get_text() for option in page.select("#id_specialty option")]
    assert "Hematología y oncología pediátrica" in specialty_menu


@pytest.mark.parametrize("words", ["cáncer de la sangre", "cancer de la sangre", "leucemia", "hematologia"])
def test_spanish_lay_words_find_the_doctor(client, spanish_speaking_doctor, words):
    page = soup(client.get("/es/find-a-doctor/", {"q": words}))

    assert "Lucía Ramírez" in page.get_text(), words


def test_spanish_profile_marks_the_doctors_own_english_text(client, spanish_speaking_doctor):
    page = soup(client.get("/es" + spanish_speaking_doctor.get_absolute_url()))

    assert page.html["lang"] == "es"
    about = page.select_one("#about-heading").find_next("div")
    assert about["lang"] == "en"
    assert "cares for children" in about.get_text()
    treated = page.select_one(".condition-links a")
    assert treated["href"] == SPANISH_ALL_URL
    assert treated.get_text() == "Leucemia linfoblástica aguda"
    assert "lang" not in treated.attrs


def test_spanish_all_page_lists_the_doctors_who_treat_it(client, spanish_speaking_doctor):
    page = soup(client.get(SPANISH_ALL_URL))

    section = page.select_one(".doctors-who-treat")
    assert "Lucía Ramírez" in section.get_text()
    assert "Médicos que tratan" in section.get_text()


# --- Site search in Spanish ---------------------------------------------------------------------


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".search-result__title a")]


@pytest.mark.parametrize("query", ["leucemia", "Leucemia linfoblástica", "LLA", "lucemia", "médula", "medula"])
def test_spanish_search_finds_the_spanish_all_page(client, spanish_all, query):
    response = client.get("/es/search/", {"q": query})

    assert "Leucemia linfoblástica aguda" in titles(response), query
    assert "Acute Lymphoblastic Leukemia" not in titles(response)


def test_spanish_lay_words_find_the_condition(client, spanish_speaking_doctor, all_condition):
    all_condition.related_specialties.add(Specialty.objects.get(slug="pediatric-hematology-oncology"))
    all_condition.save()

    assert "Leucemia linfoblástica aguda" in titles(client.get("/es/search/", {"q": "cáncer de la sangre"}))


def test_a_plural_finds_the_page(client, spanish_all):
    """PostgreSQL's spanish configuration stems "leucemias"; elsewhere the spelling correction finds "leucemia"."""
    response = client.get("/es/search/", {"q": "leucemias"})

    assert "Leucemia linfoblástica aguda" in titles(response)
    if connection.vendor != "postgresql":
        assert "«leucemia»" in soup(response).get_text()


def test_english_search_still_finds_only_english_pages(client, spanish_all):
    found = titles(client.get("/search/", {"q": "leukemia"}))

    assert "Acute Lymphoblastic Leukemia" in found
    assert "Leucemia linfoblástica aguda" not in found


# --- Caching and query counts ------------------------------------------------------------------


def test_the_page_cache_keeps_languages_apart(client, spanish_all, settings):
    settings.PAGE_CACHE_ENABLED = True
    english_first = client.get(ALL_URL)
    spanish_after = client.get(SPANISH_ALL_URL)
    english_again = client.get(ALL_URL)

    assert english_again["X-Page-Cache"] == "hit"
    assert soup(english_again).html["lang"] == "en"
    assert soup(spanish_after).html["lang"] == "es"
    assert english_first.content == english_again.content
    assert client.get(SPANISH_ALL_URL)["X-Page-Cache"] == "hit"


SPANISH_QUERIES = {
    "/es/": 1,  # the "Where to start" cards, as in English
    "/es/conditions/": 2,  # the conditions, and the English pages not yet translated
    SPANISH_ALL_URL: 2,  # the page and its related specialties, as in English
}


@pytest.mark.parametrize("url", SPANISH_QUERIES)
def test_spanish_pages_cost_a_pinned_number_of_queries(client, spanish_all, settings, url):
    settings.PAGE_CACHE_ENABLED = False
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)

    assert response.status_code == 200
    assert len(captured) == SPANISH_QUERIES[url], [query["sql"] for query in captured]


def test_a_spanish_publish_purges_spanish_addresses_and_the_english_twin(
    spanish_all, settings, django_capture_on_commit_callbacks
):
    from base.i18n import addresses_changed_by

    paths = addresses_changed_by(spanish_all)

    assert "/es/*" in paths
    assert ALL_URL in paths  # its "Español" link now goes to the Spanish page
    assert not [path for path in paths if path in ("/*", "/", "/conditions/*", "/find-a-doctor/*")]


def test_an_english_publish_purges_english_addresses_and_only_its_spanish_twin(spanish_all, all_condition):
    from base.i18n import addresses_changed_by

    paths = addresses_changed_by(all_condition)

    assert {"/", "/conditions/*", "/find-a-doctor/*", "/search/*", "/sitemap.xml"} <= set(paths)
    spanish_paths = [path for path in paths if path.startswith("/es")]
    assert sorted(spanish_paths) == ["/es/conditions/", SPANISH_ALL_URL]


def test_the_translators_submit_screen_is_in_the_admin(admin_client, spanish_all):
    response = admin_client.get(reverse("conditions_submit_translation", args=[spanish_all.pk]))

    assert response.status_code == 200
    assert "Submit for medical review" in response.content.decode()
    assert spanish_all.locale == spanish()


def spanish_queries(client, url):
    client.get(url)  # fills the site cache after the last change
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_spanish_find_a_doctor_and_profile_cost_what_the_english_ones_do(
    client, spanish_speaking_doctor, all_condition, settings
):
    from tests.integration.test_query_counts import PROFILE_QUERIES, SEARCH_QUERIES

    settings.PAGE_CACHE_ENABLED = False
    url = "/es/find-a-doctor/?q=leucemia&language=es"
    few = spanish_queries(client, url)
    clinics = [factories.location(f"Clínica {n}", phone=f"(562) 555-01{n:02d}") for n in range(3)]
    for number in range(30):
        factories.provider(
            "Pat", f"Doctor{number}", conditions=[all_condition], languages=["en", "es"], locations=clinics
        )

    assert spanish_queries(client, url) == few == SEARCH_QUERIES
    assert spanish_queries(client, "/es" + spanish_speaking_doctor.get_absolute_url()) == PROFILE_QUERIES


# /es/search/ queries, (SQLite, PostgreSQL), pinned like /search/'s (tests/search/test_site_search.py:
# QUERIES, the same on PostgreSQL). On SQLite, which has no Spanish stemmer, each Spanish condition search
# is two queries (the pages' words, matched in Python, then the pages found: ConditionPageQuerySet.text_search).
SPANISH_SEARCH_QUERIES = {
    "leucemia": (3, 2),  # conditions, doctors
    "lucemia": (4, 3),  # conditions as typed (none), as corrected to "leucemia", doctors
}


@pytest.mark.parametrize("query", SPANISH_SEARCH_QUERIES)
def test_spanish_search_costs_a_pinned_number_of_queries(client, spanish_speaking_doctor, settings, query):
    settings.PAGE_CACHE_ENABLED = False
    sqlite, postgresql = SPANISH_SEARCH_QUERIES[query]

    assert spanish_queries(client, f"/es/search/?q={query}") == (
        postgresql if connection.vendor == "postgresql" else sqlite
    )


def test_the_demo_spanish_all_page_costs_what_the_english_one_does(client, site, settings):
    """The whole Spanish ALL page (every block) costs the same as the English one."""
    from django.core.management import call_command

    from tests.integration.test_query_counts import CONDITION_QUERIES

    settings.PAGE_CACHE_ENABLED = False
    call_command("load_demo_content", verbosity=0)

    assert spanish_queries(client, SPANISH_ALL_URL) == CONDITION_QUERIES


def test_find_a_doctor_in_spanish_marks_the_names_still_in_english(client, spanish_speaking_doctor, index):
    """A condition with no Spanish page, and a specialty with no Spanish name, are English words on a Spanish page."""
    from tests.conditions.factories import condition_page

    hemophilia = condition_page(index, "Hemophilia")
    factories.provider("Ana", "Ruiz", conditions=[hemophilia], specialties=[factories.cardiology()])

    page = soup(client.get("/es/find-a-doctor/", {"condition": "hemophilia"}))

    options = {option.get_text(strip=True): option.get("lang") for option in page.select("#id_condition option")}
    assert options["Hemophilia"] == "en"
    assert options["Leucemia linfoblástica aguda"] is None
    specialties = {option.get_text(strip=True): option.get("lang") for option in page.select("#id_specialty option")}
    assert specialties["Hematología y oncología pediátrica"] is None
    assert specialties["Pediatric Cardiology"] == "en"
    chip = page.select_one(".active-filter__text [lang='en']")
    assert chip.get_text() == "Hemophilia"
    english = soup(client.get("/find-a-doctor/", {"condition": "hemophilia"}))
    assert not english.select("#id_condition option[lang], .active-filter__text [lang]")


def test_spanish_search_marks_a_doctors_specialty_still_in_english(client, spanish_speaking_doctor):
    factories.provider("Ana", "Ruiz", specialties=[factories.cardiology()])

    def specialty(query):
        aka = soup(client.get("/es/search/", {"q": query})).select_one(".search-result__aka")
        return aka.get_text(strip=True), aka.get("lang")

    assert specialty("Ruiz") == ("Pediatric Cardiology", "en")
    assert specialty("Ramírez") == ("Hematología y oncología pediátrica", None)


# --- Navigation typed by staff -----------------------------------------------------------------


def test_navigation_links_typed_as_addresses_stay_in_the_pages_language(client, spanish_all):
    from base.models import FooterLink, HeaderLink, NavigationSettings

    navigation = NavigationSettings.load()
    typed = [
        {"link_url": "/find-a-doctor/?language=es", "text": "Find a Doctor", "text_es": "Buscar un médico"},
        {"link_url": "/language-assistance/", "text": "Language help"},
        {"link_url": "https://www.example.org/help/", "text": "Partner"},
    ]
    for order, fields in enumerate(typed):
        HeaderLink.objects.create(setting=navigation, sort_order=order, **fields)
        FooterLink.objects.create(setting=navigation, sort_order=order, **fields)
    navigation.save()

    def links(url):
        page = soup(client.get(url))
        found = [page.select("nav.main-nav a"), page.select(".site-footer__links a")]
        return [[(a.get_text(strip=True), a["href"], a.get("lang")) for a in anchors] for anchors in found]

    assert (
        links("/es/")
        == [
            [
                ("Buscar un médico", "/es/find-a-doctor/?language=es", None),
                ("Language help", "/es/language-assistance/", "en"),  # no Spanish words yet: marked English
                ("Partner", "https://www.example.org/help/", "en"),
            ]
        ]
        * 2
    )
    assert links(SPANISH_ALL_URL) == links("/es/")
    assert (
        links("/")
        == [
            [
                ("Find a Doctor", "/find-a-doctor/?language=es", None),
                ("Language help", "/language-assistance/", None),
                ("Partner", "https://www.example.org/help/", None),
            ]
        ]
        * 2
    )


def test_an_address_typed_in_spanish_or_outside_the_languages_is_left_as_typed(db):
    from base.i18n import local_url_in_language

    assert local_url_in_language("/es/find-a-doctor/", "es") == "/es/find-a-doctor/"
    assert local_url_in_language("/documents/1/leaflet.pdf", "es") == "/documents/1/leaflet.pdf"
    assert local_url_in_language("//www.example.org/x/", "es") == "//www.example.org/x/"
    assert local_url_in_language("/conditions/?q=leu#list", "es") == "/es/conditions/?q=leu#list"
