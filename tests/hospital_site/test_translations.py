"""The Spanish catalog: every string the site shows is translated, and the committed .mo is the .po compiled."""

import gettext
import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

CATALOG = Path(settings.LOCALE_PATHS[0]) / "es" / "LC_MESSAGES"


def po_entries():
    return polib.pofile(str(CATALOG / "django.po"))


def test_every_message_has_a_spanish_translation():
    po = po_entries()

    assert len(po) > 200
    assert [entry.msgid for entry in po if not entry.translated()] == []
    assert [entry.msgid for entry in po if "fuzzy" in entry.flags] == []


def test_the_committed_mo_file_is_the_po_file_compiled():
    """Committed so `make run` needs no GNU gettext; `make messages` rebuilds both.

    Both ways: every .po translation is in the .mo, and the .mo holds nothing else (a message
    removed from the .po but left in a stale .mo would still be shown). File times are not
    compared: git does not keep them, so a fresh checkout may give the .mo the older one.
    """
    with (CATALOG / "django.mo").open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog  # the msgid → msgstr table gettext reads

    expected = {"": catalog.get("")}  # the header, which the .mo keeps under the empty msgid
    for entry in po_entries():
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            expected.update({(key, n): text for n, text in sorted(entry.msgstr_plural.items())})
        else:
            expected[key] = entry.msgstr
    assert {key: text for key, text in catalog.items() if key not in expected} == {}, "only in the .mo"
    assert {key: text for key, text in expected.items() if catalog.get(key) != text} == {}, "differs from the .po"


def test_the_po_file_passes_gnu_gettexts_format_check(tmp_path):
    """Placeholders such as %(name)s must be the same in English and Spanish, or a page would fail to render."""
    if shutil.which("msgfmt") is None:
        message = "GNU gettext (msgfmt) is not installed: apt-get install gettext (.ci/gettext.sh)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", str(tmp_path / "django.mo"), str(CATALOG / "django.po")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_urgency_words_parents_read_are_in_spanish():
    from conditions.choices import Urgency

    with translation.override("es"):
        assert str(Urgency.EMERGENCY.badge) == "Emergencia: llame al 911"
        assert str(Urgency.URGENT.heading) == "Llame hoy al médico de su hijo si su hijo tiene"
        assert "No espere" in str(Urgency.EMERGENCY.advice)
    assert str(Urgency.EMERGENCY.badge) == "Emergency: call 911"
