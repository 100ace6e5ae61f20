"""The handover archive: every ready document as PDF, the data as JSON, SHA-256 sums that match."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from congress.models import CongressRole
from documents.models import CongressRecord
from handover.archive import DATA_FILE, MANIFEST
from tests.members.factories import member

from ..documents.pdfcheck import full_text

pytestmark = pytest.mark.django_db


def unpack(data: bytes, slug: str) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        prefix = f"{slug}/"
        assert all(name.startswith(prefix) for name in archive.namelist())
        return {name[len(prefix) :]: archive.read(name) for name in archive.namelist()}


def check_manifest(files: dict[str, bytes]) -> dict[str, str]:
    sums = {}
    for line in files[MANIFEST].decode().splitlines():
        digest, path = line.split("  ", 1)
        sums[path] = digest
    assert set(sums) == set(files) - {MANIFEST}
    for path, digest in sums.items():
        assert hashlib.sha256(files[path]).hexdigest() == digest, path
    return sums


def test_export_command_writes_every_ready_document_and_the_data(congress, roll, tmp_path):
    CongressRecord.objects.create(congress=congress, upper_remarks="Ý kiến chỉ đạo.", numbers={"attendance": 2})
    out = tmp_path / "ho-so.zip"
    call_command("export_congress", congress.slug, str(out))
    files = unpack(out.read_bytes(), congress.slug)
    check_manifest(files)
    data = json.loads(files[DATA_FILE])
    assert data["congress"]["congress"]["title"] == congress.title
    assert len(data["members"]["members"]) == 12
    assert data["documents"]["record"]["upper_remarks"] == "Ý kiến chỉ đạo."
    ready = [d for d in data["documents_index"] if d["ready"]]
    # every ready document is in the archive, as the PDF the download button gives
    assert ready
    for doc in ready:
        for path in doc["files"]:
            assert path in files
    attendance = files["van-ban/bao-cao-tinh-hinh-dang-vien-tham-du-dai-hoi-a.pdf"]
    assert "Số 02-BC/ĐH" in full_text(attendance)


def test_a_document_not_ready_is_listed_with_the_reason_not_printed(congress, tmp_path):
    member(congress, "Nguyễn Văn An")
    out = tmp_path / "ho-so.zip"
    call_command("export_congress", congress.slug, str(out))
    files = unpack(out.read_bytes(), congress.slug)
    check_manifest(files)
    index = {d["ref"]: d for d in json.loads(files[DATA_FILE])["documents_index"]}
    assert index["attendance"]["ready"] is False
    assert "Chưa điểm danh" in index["attendance"]["missing"]
    assert not [p for p in files if p.startswith("van-ban/")]


def test_a_tampered_file_no_longer_matches(congress, roll, tmp_path):
    out = tmp_path / "ho-so.zip"
    call_command("export_congress", congress.slug, str(out))
    files = unpack(out.read_bytes(), congress.slug)
    files[DATA_FILE] = files[DATA_FILE].replace(b"Nguy", b"Nguy ", 1)
    with pytest.raises(AssertionError):
        check_manifest(files)


def test_download_button_gives_the_same_archive(client_for, congress, roll):
    response = client_for(CongressRole.Role.PRESIDIUM).get(reverse("handover:archive", args=[congress.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="ho-so-dai-hoi-dai-hoi-a-' in response["Content-Disposition"]
    check_manifest(unpack(response.content, congress.slug))


def test_unknown_congress(tmp_path):
    with pytest.raises(CommandError):
        call_command("export_congress", "khong-co", str(tmp_path / "x.zip"))
