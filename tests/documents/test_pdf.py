"""Each document kind rendered to PDF once and read back with pypdf: header, title, figures
with their diacritics, embedded fonts (the bundled Liberation Serif under our family name),
A4, page count. The Party format: Hướng dẫn 36-HD/VPTW, election-rules.md §3.9."""

from __future__ import annotations

import dataclasses

import pytest
from django.test import override_settings

from documents import samples
from documents.pdf import document_pdf, layout, render_pdf_parts, snapshot_context
from documents.snapshots import CandidateResult, Outcome

from .pdfcheck import FAMILY, chunks, font_names, fonts_of, full_text, is_a4, overflowing_text, page_text, reader

HEADER = (
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH",
    "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI",
    "KHOA HỌC VÀ KỸ THUẬT TỈNH",
    "LẦN THỨ VI, NHIỆM KỲ 2025 – 2030",
    "Thái Bình, ngày 08 tháng 5 năm 2025",
)

# kind → (title, number line or None, pages, figures that must appear with their diacritics)
EXPECTED = {
    "programme": (
        "CHƯƠNG TRÌNH",
        None,
        2,
        ("Phiên trù bị: Từ 8h00, ngày 08/5/2025", "Phiên chính thức: Từ 14h00", "Ban Kiểm phiếu bàn giao phiếu bầu"),
    ),
    "rules": ("NỘI QUY", None, 2, ("Điều 1.", "Điều 6.", "T/M ĐOÀN CHỦ TỊCH ĐẠI HỘI", "Nguyễn Văn Hòa")),
    "regulation": (
        "QUY CHẾ LÀM VIỆC",
        None,
        3,
        ("I. QUY ĐỊNH CHUNG", "trên một nửa (trên 50%)", "VI. HIỆU LỰC CỦA QUY CHẾ", "không quá 5 phút"),
    ),
    "count-minutes": (
        "BIÊN BẢN KIỂM PHIẾU",
        "Số 01-BB/ĐH",
        3,
        (
            "Tổng số đảng viên chính thức được triệu tập: 11 đồng chí",
            "Đảng viên được miễn công tác và sinh hoạt đảng, vắng mặt: 1 đồng chí",
            "làm căn cứ tính kết quả bầu cử: 10 đồng chí",
            "có mặt khi bỏ phiếu: 9 đồng chí; vắng mặt: 2 đồng chí",
            "Số phiếu phát ra: 9 phiếu",
            "Số phiếu thu về: 9 phiếu",
            "Số phiếu hợp lệ: 9 phiếu",
            "Số phiếu không hợp lệ: 0 phiếu",
            "Phạm Thị Vân Anh 9 90,00%",
            "Nguyễn Văn Hòa 8 80,00%",
            "Vũ Thị Mai 6 60,00%",
            "Trần Đức Trình 4 40,00%",
            "Số trúng cử: 3/3 đồng chí",
            "16 giờ 05 phút, ngày 08 tháng 5 năm 2025",
            "TRƯỞNG BAN",
            "Lê Quang Huy",
            "Đặng Thị Thu",
            "Ngô Văn Khánh",
            "PHỤ LỤC",
            "Hai lượt nhập khớp nhau.",
        ),
    ),
    "attendance": (
        "BÁO CÁO",
        "Số 01-BC/ĐH",
        2,
        (
            "Tình hình đảng viên tham dự Đại hội",
            "Số đảng viên có mặt: 9 đồng chí, đạt 81,82%",
            "Phạm Ngọc Sơn – lý do: Được miễn công tác và sinh hoạt đảng",
            "Hoàng Minh Tuấn",
            "Đại hội đủ điều kiện để tiến hành",
            "Nơi nhận:",
        ),
    ),
}


@pytest.fixture(scope="module")
def pdfs():
    return {kind: document_pdf(factory()) for kind, (_, factory) in samples.SAMPLES.items()}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_header_title_figures_pages(pdfs, kind):
    data = pdfs[kind]
    title, number, pages, figures = EXPECTED[kind]
    assert data.startswith(b"%PDF-")
    first = page_text(data, 0)
    for line in HEADER:
        assert line in first, line
    assert title in first
    if number:
        assert number in first
    else:
        assert "Số " not in first.split(title)[0]
    text = full_text(data)
    for figure in figures:
        assert figure in text, figure
    assert len(reader(data).pages) == pages
    assert is_a4(data)


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_fonts_are_the_bundled_faces_bold_title_italic_date(pdfs, kind):
    data = pdfs[kind]
    names = font_names(data)
    assert {FAMILY, f"{FAMILY}-Bold", f"{FAMILY}-Italic"} <= names
    assert all(name.startswith(FAMILY) for name in names), names  # nothing fell back to a system font
    title = EXPECTED[kind][0]
    assert fonts_of(data, title) == {f"{FAMILY}-Bold"}
    assert fonts_of(data, "ĐẢNG CỘNG SẢN VIỆT NAM") == {f"{FAMILY}-Bold"}
    assert fonts_of(data, "Thái Bình, ngày 08 tháng 5 năm 2025") == {f"{FAMILY}-Italic"}


def test_page_numbers_from_page_two(pdfs):
    data = pdfs["regulation"]  # no table, so a chunk "1" … can only be a page number
    assert "1" not in chunks(data, 0)
    assert "2" in chunks(data, 1)
    assert "3" in chunks(data, 2)


def test_recipients_label_is_bold_italic(pdfs):
    assert fonts_of(pdfs["attendance"], "Nơi nhận:", index=1) == {f"{FAMILY}-Bold-Italic"}


def test_digest_printed(pdfs):
    assert samples.count_minutes().digest in full_text(pdfs["count-minutes"]).replace(" ", "")


def test_count_minutes_without_journal_has_no_annex():
    data = document_pdf(samples.count_minutes(with_journal=False))
    assert "PHỤ LỤC" not in full_text(data)
    assert len(reader(data).pages) == 2


def test_long_names_and_long_title_wrap_without_overflow():
    long_names = (
        "Công Tằng Tôn Nữ Thị Hoàng Phương Khánh Ngọc Diệp Thủy Tiên Bảo Trâm",
        "Nguyễn Phước Vĩnh Thụy Hoàng Thượng Đế Quốc Bảo Long Thịnh Vượng",
        "Vũ Thị Mai",
        "Trần Đức Trình",
    )
    title = (
        "Ban Chấp hành Chi bộ (Chi ủy) Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Thái Bình, "
        "nhiệm kỳ 2025 – 2030, bầu bổ sung theo đề nghị của Đoàn Chủ tịch Đại hội"
    )
    doc = dataclasses.replace(
        samples.count_minutes(),
        election_title=title,
        summary_lines=(f"Bầu {title}",),
        candidates=tuple(
            CandidateResult(name=name, votes=votes, outcome=Outcome.ELECTED if votes > 5 else Outcome.NOT_ELECTED)
            for name, votes in zip(long_names, (9, 8, 6, 4), strict=True)
        ),
    )
    document = layout(doc.template_name, snapshot_context(doc))
    assert overflowing_text(document) == []
    data = document.write_pdf()
    text = full_text(data)
    for name in long_names:
        assert name in text
    assert f"Bầu {title}" in text
    # The wrapped names and title push the last paragraph and the signatures onto a
    # third page (they stay together), the annex follows: 4 pages, nothing cut off.
    assert len(reader(data).pages) == 4


@override_settings(DOCUMENT_MARGINS_MM=(20, 20, 20, 30))
def test_margins_come_from_settings():
    document = layout("documents/pdf/rules.html", snapshot_context(samples.rules()))
    page = document.pages[0]
    mm = 96 / 25.4
    assert round(page._page_box.margin_left / mm) == 30
    assert round(page._page_box.margin_top / mm) == 20


def test_default_margins_are_36_hd_vptw():
    page = layout("documents/pdf/rules.html", snapshot_context(samples.rules())).pages[0]._page_box
    mm = 96 / 25.4
    assert [round(v / mm) for v in (page.margin_top, page.margin_right, page.margin_bottom, page.margin_left)] == [
        25,
        15,
        25,
        35,
    ]


def test_parts_in_one_file_keep_their_own_page_numbers():
    parts = [(s.template_name, snapshot_context(s)) for s in (samples.programme(), samples.rules())]
    data = render_pdf_parts(parts)
    r = reader(data)
    assert len(r.pages) == 4
    assert "CHƯƠNG TRÌNH" in page_text(r, 0)
    assert "NỘI QUY" in page_text(r, 2)
    assert "2" in chunks(data, 3)
    assert "4" not in chunks(data, 3)
