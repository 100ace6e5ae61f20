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
    # makemessages writes into the locale folder above each source file, so it
    # runs on a copy of the sources: the check sees the code as it is now and
    # the real django.po is left alone.
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".*", "var", "tests", "static", "scripts", "__pycache__", "*.mo", "*.json"),
    )
    monkeypatch.setattr(settings, "LOCALE_PATHS", [copy / "locale"])
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["vi"], no_obsolete=True, verbosity=0)
    po = polib.pofile(str(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in po if not entry.translated()]
    assert not missing, f"Untranslated or fuzzy messages (makemessages -l vi, then translate): {missing}"


def test_the_translation_has_no_extraction_damage():
    po = polib.pofile(str(ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"))
    damaged = [entry.msgstr for entry in po if DAMAGED.search(entry.msgstr)]
    assert not damaged
