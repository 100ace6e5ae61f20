"""The Vietnamese translation is complete: every msgid in the code has a msgstr."""

import re
import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
DAMAGED = re.compile(r"[ƣƢ]|\bk (?=\d)")


def test_every_message_is_translated_into_vietnamese(tmp_path, monkeypatch):
    # Run makemessages against a copy, so the check sees the code as it is now.
    copy = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", copy)
    monkeypatch.setattr(settings, "LOCALE_PATHS", [copy])
    monkeypatch.chdir(ROOT)
    call_command(
        "makemessages",
        locale=["vi"],
        ignore_patterns=[".venv/*", "var/*", "tests/*", "static/*", "scripts/*"],
        no_obsolete=True,
        verbosity=0,
    )
    po = polib.pofile(str(copy / "vi" / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in po if not entry.translated()]
    assert not missing, f"Untranslated or fuzzy messages (makemessages -l vi, then translate): {missing}"


def test_the_translation_has_no_extraction_damage():
    po = polib.pofile(str(ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"))
    damaged = [entry.msgstr for entry in po if DAMAGED.search(entry.msgstr)]
    assert not damaged
