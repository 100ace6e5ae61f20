"""An archive written before the layering (tests/data/archive-before-layering.zip: the finished demo,
exported by the code of commit 33f0332) still imports: its rule values, kept then in
elections.electionsettings and members.attendancesettings, land in congress.RulesSettings, and every
sealed round verifies against its digest."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from congress import rules
from congress.backup import upgrade_rows
from congress.models import RulesSettings
from elections import backup as elections_backup
from elections.models import ElectionSettings, Round
from handover.archive import MANIFEST
from handover.backup import BACKUP_FILE, BackupError, restore_archive

pytestmark = pytest.mark.django_db

OLD_ARCHIVE = Path(__file__).resolve().parent.parent / "data" / "archive-before-layering.zip"


def _edited(data: bytes, edit) -> bytes:
    """Return the archive with backup.json changed by ``edit`` and SHA256SUMS made to match."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        files = {name: source.read(name) for name in source.namelist()}
        folder = next(iter(files)).split("/", 1)[0]
        backup = json.loads(files[f"{folder}/{BACKUP_FILE}"])
        edit(backup)
        files[f"{folder}/{BACKUP_FILE}"] = json.dumps(backup, ensure_ascii=False).encode()
        sums = "".join(
            f"{hashlib.sha256(content).hexdigest()}  {name.split('/', 1)[1]}\n"
            for name, content in files.items()
            if not name.endswith(MANIFEST) and not name.endswith("/")
        )
        files[f"{folder}/{MANIFEST}"] = sums.encode()
        for name, content in files.items():
            target.writestr(name, content)
    return out.getvalue()


def _rows(backup: dict, label: str) -> list[dict]:
    return [row for row in backup["rows"] if row["model"] == label]


def test_the_old_archive_has_the_old_rows():
    backup = json.loads(zipfile.ZipFile(OLD_ARCHIVE).read(f"thai-binh-lhh-2025/{BACKUP_FILE}"))
    assert len(_rows(backup, "members.attendancesettings")) == 1
    assert "surplus_cap_percent" in _rows(backup, "elections.electionsettings")[0]["fields"]
    assert not _rows(backup, "congress.rulessettings")


def test_the_archive_before_the_layering_imports_and_its_sealed_rounds_verify():
    restored = restore_archive(OLD_ARCHIVE.read_bytes(), slug="ho-so-cu")
    congress = restored.congress
    assert restored.sealed_rounds == 4
    sealed = Round.objects.filter(election__congress=congress, sealed_at__isnull=False)
    assert sealed.count() == 4
    for rnd in sealed:
        assert elections_backup.seal_problem(rnd) is None
    assert RulesSettings.objects.get(congress=congress).as_rules() == rules.Settings()
    assert ElectionSettings.objects.get(congress=congress).passes_required == 2


def _change_rules(backup):
    _rows(backup, "elections.electionsettings")[0]["fields"].update(surplus_rounding="ceil", max_chi_uy_seats=5)
    _rows(backup, "members.attendancesettings")[0]["fields"].update(quorum_numerator=3, quorum_denominator=4)


def test_changed_rule_values_of_an_old_archive_come_back_in_rules_settings():
    def edit(backup):
        _change_rules(backup)
        for row in _rows(backup, "elections.round"):
            row["fields"]["sealed_at"] = None  # a seal covers the settings: see the next test

    restored = restore_archive(_edited(OLD_ARCHIVE.read_bytes(), edit), slug="ho-so-cu-doi")
    row = RulesSettings.objects.get(congress=restored.congress)
    assert (row.surplus_rounding, row.max_chi_uy_seats, row.quorum) == ("ceil", 5, (3, 4))
    assert ElectionSettings.objects.get(congress=restored.congress).passes_required == 2


def test_the_seal_check_reads_the_restored_rule_values():
    with pytest.raises(BackupError, match="khác kết quả đã niêm phong"):
        restore_archive(_edited(OLD_ARCHIVE.read_bytes(), _change_rules), slug="ho-so-cu-sua")
    assert not RulesSettings.objects.filter(congress__slug="ho-so-cu-sua").exists()


def test_upgrade_rows_merges_the_two_old_rows_after_the_congress_and_leaves_new_archives_alone():
    congress = {"model": "congress.congress", "pk": 7, "fields": {}}
    quorum = {"model": "members.attendancesettings", "pk": 1, "fields": {"congress": 7, "quorum_numerator": 1}}
    election = {"model": "elections.electionsettings", "pk": 2, "fields": {"congress": 7, "passes_required": 1}}
    election["fields"]["bi_thu_max_rounds"] = 2
    upgraded = upgrade_rows([congress, quorum, election])
    assert [r["model"] for r in upgraded] == [
        "congress.congress",
        "congress.rulessettings",
        "elections.electionsettings",
    ]
    assert upgraded[1]["fields"] == {"congress": 7, "quorum_numerator": 1, "bi_thu_max_rounds": 2}
    assert upgraded[2]["fields"] == {"congress": 7, "passes_required": 1}
    today = [congress, {"model": "congress.rulessettings", "pk": 3, "fields": {"congress": 7}}]
    assert upgrade_rows(today) == today
