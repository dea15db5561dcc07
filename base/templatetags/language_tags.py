"""The English / Español link, hreflang alternates and words in the page's language.

``{% language_switch %}`` and ``{% hreflang_links %}`` read the twin of the page
being shown from the site cache (``base.i18n.page_twins``): no query per page
view. A page without a twin in the other language links to that language's
home page, which then says the page is not translated yet.
"""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join

from base import i18n

register = template.Library()

# What the link says, in the language it leads to (so a parent who reads only that language finds it).
SWITCH_LABELS = {"en": "English", "es": "Español"}
# Names a translation's source page in the Spanish home's "not yet in Spanish" message.
NOT_TRANSLATED_PARAMETER = "en"
# What a translator types after a source's title that stays in English (docs/editor-guide.md).
IN_ENGLISH_NOTE = "(en inglés)"


def _other_language(language):
    return "en" if language == i18n.SPANISH else i18n.SPANISH


def _home_path(language):
    return "/es/" if language == i18n.SPANISH else "/"


def alternates(context):
    """``({language: path}, has_twin)`` for what is being shown: a Wagtail page, or a view under both languages."""
    request = context.get("request")
    page = context.get("page")
    language = i18n.current_language()
    if page is not None and getattr(page, "translation_key", None) is not None and getattr(page, "pk", None):
        paths = dict(i18n.page_twins(request).get(str(page.translation_key), {}))
        return paths, _other_language(language) in paths
    if request is None or getattr(request, "resolver_match", None) is None:
        return {}, False
    path = request.get_full_path()
    return {code: i18n.path_in_language(path, code) for code, _name in settings.LANGUAGES}, True


@register.inclusion_tag("tags/language_switch.html", takes_context=True)
def language_switch(context):
    """The visible link to the same page in the other language (or that language's home page, with a note)."""
    language = i18n.current_language()
    other = _other_language(language)
    paths, has_twin = alternates(context)
    if has_twin:
        url = paths[other]
    else:
        request = context.get("request")
        here = request.path if request is not None else ""
        url = _home_path(other)
        if other == i18n.SPANISH and here:
            url += "?" + urlencode({NOT_TRANSLATED_PARAMETER: here})
    return {"url": url, "language": other, "label": SWITCH_LABELS[other], "has_twin": has_twin}


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for each language the page exists in, and x-default (English).

    Absolute addresses, both ways, as search engines require; nothing for a page
    that exists in one language only.
    """
    request = context.get("request")
    paths, has_twin = alternates(context)
    if not has_twin or request is None:
        return ""
    root = i18n.site_root_url(request)
    links = [(code, root + paths[code]) for code, _name in settings.LANGUAGES if code in paths]
    if "en" in paths:
        links.append(("x-default", root + paths["en"]))
    return format_html_join("\n", '<link rel="alternate" hreflang="{}" href="{}">', links)


@register.filter
def tr(instance, field_name):
    """``{{ specialty|tr:"name" }}``: the field in the page's language (``base.i18n.localized``)."""
    if instance is None:
        return ""
    return i18n.localized(instance, field_name)


@register.simple_tag
def lang_attr(value):
    """`` lang="en"`` for English words shown on a Spanish page (``tr`` fell back), else nothing."""
    if getattr(value, "fallback", False):
        return format_html(' lang="{}"', value.lang)
    return ""


@register.simple_tag
def in_english(text):
    """``<span lang="en">…</span>`` on a Spanish page, for words that have no translation (a doctor's own text)."""
    if i18n.is_spanish() and text:
        return format_html('<span lang="en">{}</span>', text)
    return text


@register.simple_tag
def lang_en_attr():
    """`` lang="en"`` on a Spanish page, for an element whose words are English (a doctor's biography)."""
    return format_html(' lang="{}"', "en") if i18n.is_spanish() else ""


@register.simple_tag
def tr_text(instance, field_name):
    """``{% tr_text specialty "name" %}``: the field in the page's language, inside ``<span lang="en">`` only
    when it is English shown on a Spanish page (nothing extra otherwise, so English pages read as before)."""
    value = i18n.localized(instance, field_name) if instance is not None else ""
    if getattr(value, "fallback", False):
        return format_html('<span lang="{}">{}</span>', value.lang, value)
    return value


@register.simple_tag
def source_title(title):
    """A source's title. On a Spanish page, a title kept in English with "(en inglés)" after it (the
    translator's convention) is marked ``lang="en"``, and the note, which is Spanish, is left outside."""
    title = str(title or "").rstrip()
    if i18n.is_spanish() and title.endswith(IN_ENGLISH_NOTE) and title != IN_ENGLISH_NOTE:
        return format_html(
            '<span lang="en">{}</span> {}', title.removesuffix(IN_ENGLISH_NOTE).rstrip(), IN_ENGLISH_NOTE
        )
    return title
