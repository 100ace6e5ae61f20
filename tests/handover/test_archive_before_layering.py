"""A handover archive written before the layering (tests/data, made by the code of 33f0332, when the
programme, texts, bodies, votes and speeches were models of the congress app) still imports: every
row comes back under today's apps, and its sealed rounds verify."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from congress import rules
from elections.models import Round
from handover.backup import BACKUP_FILE, MOVED_LABELS, restore_archive
from proceedings.models import Body, CongressText, ProgrammeItem, ShowOfHandsVote, Speech, TextVersion

pytestmark = pytest.mark.django_db

ARCHIVE = Path(__file__).resolve().parent.parent / "data" / "archive-before-layering.zip"


def _backup_rows() -> list[dict]:
    with zipfile.ZipFile(ARCHIVE) as archive:
        name = next(n for n in archive.namelist() if n.endswith(f"/{BACKUP_FILE}"))
        return json.loads(archive.read(name))["rows"]


def test_the_old_archive_holds_rows_under_the_old_labels():
    labels = Counter(row["model"] for row in _backup_rows())
    assert labels["congress.programmeitem"] > 0 and labels["congress.showofhandsvote"] > 0
    assert not any(label.startswith("proceedings.") for label in labels)
    assert set(MOVED_LABELS) >= {label for label in labels if label.startswith("congress.")} - {
        "congress.organisation",
        "congress.congress",
        "congress.session",
        "congress.congressrole",
    }


def test_the_old_archive_imports_with_its_proceedings():
    rows = Counter(row["model"] for row in _backup_rows())
    restored = restore_archive(ARCHIVE.read_bytes(), slug="truoc-phan-lop")
    congress = restored.congress
    assert ProgrammeItem.objects.filter(congress=congress).count() == rows["congress.programmeitem"]
    assert ShowOfHandsVote.objects.filter(congress=congress).count() == rows["congress.showofhandsvote"]
    assert Body.objects.filter(congress=congress).count() == rows["congress.body"]
    assert Speech.objects.filter(congress=congress).count() == rows["congress.speech"]
    assert CongressText.objects.filter(congress=congress).count() == rows["congress.congresstext"]
    assert TextVersion.objects.filter(text__congress=congress).count() == rows["congress.textversion"]
    assert Body.members.through.objects.filter(body__congress=congress).count() == rows["congress.body_members"]


def test_the_old_archives_sealed_rounds_verify():
    congress = restore_archive(ARCHIVE.read_bytes(), slug="truoc-phan-lop").congress
    sealed = list(Round.objects.filter(election__congress=congress, sealed_at__isnull=False))
    assert sealed
    for rnd in sealed:
        assert rules.digest(rnd.result) == rnd.digest
