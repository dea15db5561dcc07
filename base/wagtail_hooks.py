"""Admin and serving hooks for the site as a whole."""

from django.http import Http404
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .i18n import is_spanish


@hooks.register("before_serve_page")
def never_english_words_at_a_spanish_address(page, request, serve_args, serve_kwargs):
    """An alias page in the Spanish tree shows its English original's words: parents get a 404 instead.

    Wagtail and wagtail-localize can make such aliases (Create alias, "Convert to
    alias page", a locale synchronised from English); a Spanish page must be a
    translation a medical reviewer approved (docs/spanish.md).
    """
    if page.alias_of_id and is_spanish():
        raise Http404


@hooks.register("insert_editor_js")
def name_the_autosaved_draft_in_every_save():
    """After an autosave, "Save draft", "Submit" and "Publish" name the draft it wrote (base/edit_conflicts.py)."""
    return format_html('<script src="{}" defer></script>', static("js/autosaved-revision.js"))
