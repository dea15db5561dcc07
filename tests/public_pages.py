"""Every kind of page the public sees, as `make run` shows it, for checks that must cover them all.

Used by the HTML checker, the no-other-host rule, the page-weight budget and
the axe-core runs, so a new page type is added to every check at once.
"""

ALL_PAGE_URL = "/conditions/acute-lymphoblastic-leukemia/"
NO_MATCH = "zzqxv"

STATIC_PAGES = {
    "home": "/",
    "conditions index": "/conditions/",
    "condition page": ALL_PAGE_URL,
    "find a doctor results": "/find-a-doctor/?condition=acute-lymphoblastic-leukemia",
    "find a doctor empty state": f"/find-a-doctor/?q={NO_MATCH}",
    "search results": "/search/?q=leukemia",
    "search with no results": f"/search/?q={NO_MATCH}",
    "search before typing": "/search/",
    "404": "/no-such-page/",
    # The same page types in Spanish (docs/spanish.md).
    "home (Spanish)": "/es/",
    "conditions index (Spanish)": "/es/conditions/",
    "condition page (Spanish)": "/es" + ALL_PAGE_URL,
    "find a doctor results (Spanish)": "/es/find-a-doctor/?condition=acute-lymphoblastic-leukemia&language=es",
    "search results (Spanish)": "/es/search/?q=leucemia",
    "search with no results (Spanish)": f"/es/search/?q={NO_MATCH}",
    "404 (Spanish)": "/es/no-such-page/",
    "language help (Spanish)": "/es/language-assistance/",
}


def public_pages():
    """{page type: URL} over the demo content; needs the database (the profile is a demo doctor's)."""
    from providers.models import Provider

    doctor = Provider.objects.active().filter(conditions__slug="acute-lymphoblastic-leukemia").order_by("pk").first()
    return {
        **STATIC_PAGES,
        "profile": doctor.get_absolute_url(),
        "profile (Spanish)": "/es" + doctor.get_absolute_url(),
    }
