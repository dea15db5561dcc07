"""Reading level of condition text, for editors writing for worried parents.

Uses ``textstat`` 0.7.3 (pyphen syllable counts, no network). Newer textstat
releases download NLTK's CMU dictionary at run time and fail offline.
"""

import textstat
from django.utils.translation import gettext as _

TARGET_GRADE = 6


def flesch_kincaid_grade(text):
    """The Flesch-Kincaid grade of ``text`` (US school grade), or None when there is no text to measure."""
    if not (text or "").strip():
        return None
    return round(max(textstat.flesch_kincaid_grade(text), 0.0), 1)


def reading_level(text):
    """A grade and a plain-words verdict for the editor: ``{"grade", "ok", "message", "target"}``."""
    grade = flesch_kincaid_grade(text)
    if grade is None:
        message = _("Add a summary and some body text to see how easy this page is to read.")
        ok = True
    elif grade <= TARGET_GRADE:
        message = _("Good: most parents can read this easily.")
        ok = True
    elif grade <= TARGET_GRADE + 2:
        message = _("A little hard for some parents. Split long sentences and use everyday words.")
        ok = False
    else:
        message = _("Hard to read for many parents. Use shorter sentences and everyday words.")
        ok = False
    return {"grade": grade, "ok": ok, "message": message, "target": TARGET_GRADE}
