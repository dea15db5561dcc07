"""Two languages: English at the site's own addresses, Spanish under /es/ (docs/spanish.md).

The language of a page is decided by its address and nothing else. A parent who
opens ``/`` gets English even if their browser asks for Spanish, and a link
shared from ``/es/…`` opens in Spanish for everyone. So no response varies on
``Accept-Language`` or a cookie, and a shared cache (Varnish, a CDN) keeps one
copy per address.
"""

from django.conf import settings
from django.utils import translation

SPANISH = "es"


def reverse_in_each_language(url_name):
    """``reverse(url_name)`` in each of the site's languages: ``["/search/", "/es/search/"]``."""
    from django.urls import reverse

    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths.append(reverse(url_name))
    return paths


def language_of_path(path):
    """The language an address is in: "es" for /es/…, else the default (English)."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def current_language():
    """The active language, reduced to a code in LANGUAGES ("es", "en")."""
    return translation.get_supported_language_variant(translation.get_language() or settings.LANGUAGE_CODE)


def is_spanish():
    return current_language() == SPANISH


class LanguageFromPathMiddleware:
    """Activate the language of the request's address for the request, and say it in ``Content-Language``.

    Django's ``LocaleMiddleware`` would do the same for our ``i18n_patterns``
    (``prefix_default_language=False``), but adds ``Vary: Accept-Language`` to
    every English response, which would make a shared cache keep a copy per
    browser language for pages that never change with it. The language is
    restored afterwards, so nothing after the response (or the next test in the
    same thread) runs in the previous request's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of_path(request.path_info)
        previous = translation.get_language()
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            if previous:
                translation.activate(previous)
            else:
                translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        return response


class Translated(str):
    """Text in a known language: ``lang`` is the language it is in, ``fallback`` is True for
    English shown on a Spanish page because the Spanish is still blank (mark it ``lang="en"``)."""

    lang = "en"
    fallback = False

    def __new__(cls, value, lang="en", fallback=False):
        text = super().__new__(cls, value or "")
        text.lang = lang
        text.fallback = fallback
        return text


def localized(instance, field_name, language=None):
    """``instance.<field>_es`` on a Spanish page when it has words, else the English field.

    Directory rows and site settings keep their Spanish words in ``_es`` columns
    beside the English ones (docs/spanish.md says why not django-modeltranslation).
    """
    language = language or current_language()
    english = getattr(instance, field_name, "") or ""
    if language == SPANISH:
        spanish = getattr(instance, f"{field_name}_es", "") or ""
        if _has_words(spanish):
            return Translated(spanish, SPANISH)
        return Translated(english, "en", fallback=bool(english))
    return Translated(english, "en")


def _has_words(value):
    import re

    from django.utils.html import strip_tags

    return bool(re.search(r"\w", strip_tags(str(value))))


# --- Pages in two languages ------------------------------------------------------------------


def locale_codes(request=None):
    """``{locale id: language code}`` for every Wagtail locale, from the site cache (no query per page view)."""
    from wagtail.models import Locale

    from . import cache

    return cache.get_or_set(
        request,
        ["locale-codes"],
        lambda: dict(Locale.all_objects.values_list("pk", "language_code")),
        keep_in_process=True,
    )


def locale_id(language, request=None):
    """The id of the Wagtail locale for ``language``, or None when there is none."""
    return next((pk for pk, code in locale_codes(request).items() if code == language), None)


def page_language(page, request=None):
    """The language code of a page's locale ("en", "es")."""
    return locale_codes(request).get(page.locale_id, settings.LANGUAGE_CODE)


class PageLink(str):
    """A page's path that also knows the page's title (``page_twins`` keeps both in one cached value)."""

    title = ""

    def __new__(cls, url, title=""):
        link = super().__new__(cls, url)
        link.title = title
        return link

    def __reduce__(self):
        return (PageLink, (str(self), self.title))


def page_twins(request=None):
    """``{translation_key: {language: path}}`` for every live page that is not an alias, from the site cache.

    Each path is a ``PageLink``, which also carries the page's title.

    One query per generation (any publish starts a new one): the language link,
    the hreflang alternates and the sitemap read it on every page view for free.
    An alias in another locale shows the English page's words, so it is never a twin.
    """
    from wagtail.models import Page

    from . import cache

    def build():
        codes = locale_codes(request)
        twins = {}
        pages = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True).select_related("locale")
        for page in pages.order_by("path"):
            url = page.get_url(request=None)
            if url:
                twins.setdefault(str(page.translation_key), {})[codes.get(page.locale_id)] = PageLink(url, page.title)
        return twins

    return cache.get_or_set(request, ["page-twins"], build, keep_in_process=True)


def twin_url(page, language, request=None):
    """The path of ``page``'s live twin in ``language``, or "" when it has none."""
    return page_twins(request).get(str(page.translation_key), {}).get(language, "")


def path_in_language(path, language):
    """A non-page address (Find a Doctor, search) in another language: the same view, with or without /es/."""
    from django.urls import translate_url

    return translate_url(path, language)


def local_url_in_language(url, language):
    """An address typed by staff ("/find-a-doctor/?q=x") in ``language``: the same page or view with or
    without /es/. Other sites' addresses, and addresses already in a language other than English, are
    left as typed; so are addresses outside the language patterns (documents, the admin)."""
    from urllib.parse import urlsplit

    from django.urls import translate_url

    parts = urlsplit(url)
    if (
        parts.scheme
        or parts.netloc
        or not url.startswith("/")
        or language_of_path(parts.path) != settings.LANGUAGE_CODE
    ):
        return url
    with translation.override(settings.LANGUAGE_CODE):  # typed as an English address: resolve it as one
        return translate_url(url, language)


def site_root_url(request):
    """The site's own base address ("https://www.example.org"), for absolute hreflang and sitemap links."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/")


def addresses_changed_by(page):
    """The proxy purge targets for a publish or unpublish of ``page``: its own language's addresses.

    A Spanish page changes what is under /es/, and the "Español" link of its
    English page. An English page changes every English address (the site's own
    top-level sections, Find a Doctor and search: never /es/…), the one Spanish
    page that shows its urgency levels and links to it, and the Spanish version
    of its parent: the Spanish A–Z lists the English pages it has no translation
    of, so an English-only page published, withdrawn or renamed changes it too.
    The sitemap lists both. Paths ending in "*" are prefixes (see deploy/varnish/default.vcl).
    """
    from django.urls import reverse
    from wagtail.models import Page

    own = _path_of(page)
    paths = {"/sitemap.xml"}
    twins = [twin for twin in page.get_translations().filter(alias_of__isnull=True) if twin.live]
    if page_language(page) == SPANISH:
        paths.add("/es/*")
        paths.update(filter(None, (_path_of(twin) for twin in twins)))
        return sorted(paths)
    with translation.override(settings.LANGUAGE_CODE):
        views = [reverse("search"), reverse("providers:search"), reverse("language_assistance")]
    paths.update(path + "*" for path in views)
    home = page if page.depth == 2 else page.get_ancestors().filter(depth=2).first()
    paths.add("/")
    if home is not None:
        for section in Page.objects.child_of(home).filter(alias_of__isnull=True):
            path = _path_of(section, live_only=False)
            if path and path != "/":
                paths.add(path + "*")
    if own:
        paths.add(own + "*" if own != "/" else own)
    for twin in twins:
        paths.add(_path_of(twin))
    # A Spanish A–Z index lists the English pages it has no translation of, under "Todavía no están en español".
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        spanish_parents = parent.get_translations().filter(locale_id=locale_id(SPANISH), alias_of__isnull=True)
        paths.update(_path_of(spanish_parent) for spanish_parent in spanish_parents)
    paths.update(_path_of(twin.get_parent()) for twin in twins)
    return sorted(path for path in paths if path)


def _path_of(page, live_only=True):
    from urllib.parse import urlsplit

    if page is None or (live_only and not page.live):
        return ""
    url = page.get_url()
    return urlsplit(url).path if url else ""
