"""Every document of the demo congress renders, once the demo is taken to its end
(manage.py load_demo && manage.py finish_demo), and reads like the seed's originals."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from congress.models import Congress
from demo import loader as demo
from documents import registry
from documents.pdf import document_pdf
from handover.archive import DATA_FILE
from tests.handover.test_archive import check_manifest, unpack

from .pdfcheck import FAMILY, font_names, full_text, is_a4, page_text, reader

pytestmark = pytest.mark.django_db

HEADER = (
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH",
    "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI",
    "KHOA HỌC VÀ KỸ THUẬT TỈNH",
    "LẦN THỨ VI, NHIỆM KỲ 2025 – 2030",
    "Thái Bình, ngày 08 tháng 5 năm 2025",
)

# kind → (title, number line, pages, figures)
EXPECTED = {
    "programme": ("CHƯƠNG TRÌNH", None, 2, ("Phiên trù bị: Từ 8h00, ngày 08/5/2025 (sáng thứ Năm)",)),
    "rules": ("NỘI QUY", None, 2, ("Điều 6.", "T/M ĐOÀN CHỦ TỊCH ĐẠI HỘI")),
    "regulation": ("QUY CHẾ LÀM VIỆC", None, 3, ("VI- HIỆU LỰC CỦA QUY CHẾ",)),
    "attendance": ("BÁO CÁO", "Số 01-BC/ĐH", 2, ("Số đảng viên có mặt: 10 đồng chí, đạt 90,91%",)),
    "count-minutes": (
        "BIÊN BẢN KIỂM PHIẾU",
        "-BB/ĐH",
        3,
        ("Phạm Văn Hòa 9 100,00%", "Nguyễn Thị Vân Anh 8 88,89%", "Trần Đức Trình 7 77,78%", "PHỤ LỤC"),
    ),
    "election-minutes": ("BIÊN BẢN BẦU CỬ", "-BB/ĐH", 2, ("Đã bầu đủ số lượng.", "T/M BAN KIỂM PHIẾU")),
    "congress-minutes": (
        "BIÊN BẢN",
        "Số 02-BB/ĐH",
        4,
        (
            "Ban Kiểm phiếu: các đồng chí Lê Quang Dũng, Ngô Minh Tuấn",
            "Bầu Bí thư Chi bộ nhiệm kỳ 2025 – 2030",
            "Thông qua Nghị quyết Đại hội",
            "THƯ KÝ ĐẠI HỘI",
        ),
    ),
    "resolution": ("NGHỊ QUYẾT", "Số 01-NQ/ĐH", 3, ("QUYẾT NGHỊ:", "4. Kết quả bầu cử", "Hoàng Thị Thu Hà 8 88,89%")),
    "results-report": (
        "BÁO CÁO",
        "Số 03-BC/ĐH",
        2,
        ("Kính gửi: Đảng ủy các cơ quan Đảng tỉnh", "xem xét, chuẩn y kết quả bầu cử"),
    ),
}


@pytest.fixture(scope="module")
def finished(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", "--quiet-logins")
        call_command("finish_demo")
        congress = Congress.objects.get(slug=demo.DEMO_SLUG)
        entries = registry.entries(congress)
        pdfs = {entry.ref: (entry, document_pdf(entry.snapshot)) for entry in entries if entry.ready}
        yield congress, entries, pdfs
        call_command("flush", "--no-input")


def test_every_document_of_the_finished_demo_is_ready(finished):
    _congress, entries, _pdfs = finished
    assert [e.ref for e in entries if not e.ready] == []
    assert {e.kind.slug for e in entries} == set(EXPECTED)


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_each_document_prints_its_header_title_figures(finished, kind):
    _congress, _entries, pdfs = finished
    title, number, pages, figures = EXPECTED[kind]
    found = [data for ref, (entry, data) in pdfs.items() if entry.kind.slug == kind]
    assert found
    data = found[0]  # the first of its kind (the chi ủy for the minutes of each count)
    first = page_text(data, 0)
    for line in (*HEADER, title):
        assert line in first, line
    if number:
        assert number in first
    text = full_text(data)
    for figure in figures:
        assert figure in text, figure
    names = font_names(data)
    assert {FAMILY, f"{FAMILY}-Bold", f"{FAMILY}-Italic"} <= names
    assert all(name.startswith(FAMILY) for name in names)
    assert is_a4(data)
    assert len(reader(data).pages) == pages


def test_the_archive_of_the_finished_demo(finished, tmp_path):
    """The handover: every document as PDF (and DOCX), the data with each sealed digest, SHA-256 sums."""
    congress, entries, _pdfs = finished
    out = tmp_path / "ho-so.zip"
    call_command("export_congress", congress.slug, str(out))
    files = unpack(out.read_bytes(), congress.slug)
    check_manifest(files)
    pdfs = [p for p in files if p.endswith(".pdf")]
    assert len(pdfs) == len(entries)  # every document is ready, and each is in the archive
    data = json.loads(files[DATA_FILE])
    sealed = [r for e in data["elections"]["elections"] for r in e["rounds"]]
    assert sealed and all(len(r["digest"]) == 64 for r in sealed)
    assert data["elections"]["journal"][-1]["action"] == "elections.round.published"
