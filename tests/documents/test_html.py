"""The HTML preview (fast): same templates as the PDF, header lines, number line, captions."""

from __future__ import annotations

import dataclasses
import re

import pytest

from documents import samples
from documents.formatting import BLANK
from documents.pdf import FONT_FAMILY, document_html, render_html
from documents.snapshots import DocumentHeader


def text_of(html: str) -> str:
    body = html.split("<body>", 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip()


@pytest.mark.parametrize("kind", sorted(samples.SAMPLES))
def test_every_kind_has_the_party_header(kind):
    html = document_html(samples.SAMPLES[kind][1]())
    text = text_of(html)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH" in text
    assert "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH" in text
    assert "Thái Bình, ngày 08 tháng 5 năm 2025" in text
    assert '<div class="ph-star">*</div>' in html
    # the preview carries its own stylesheet, with the fonts served from /static/
    assert f'font-family: "{FONT_FAMILY}"' in html
    assert "/static/fonts/LiberationSerif-BoldItalic.ttf" in html
    assert "file://" not in html


def test_place_date_line_is_italic_and_number_line_has_no_colon():
    html = document_html(samples.count_minutes())
    assert '<td class="ph-right ph-date">Thái Bình, ngày 08 tháng 5 năm 2025</td>' in html
    assert '<td class="ph-left ph-number">Số 01-BB/ĐH</td>' in html
    css = html.split("<style>", 1)[1]
    assert re.search(r"\.ph-date \{[^}]*font-style: italic", css)


def test_unnumbered_document_prints_blank_number_and_undated_draft():
    header = DocumentHeader(
        upper_committee="",
        issuing_body_lines=("Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",),
        number=None,
        symbol="BC/CB",
        place="Thái Bình",
        date=None,
        year=2025,
    )
    doc = dataclasses.replace(samples.attendance(), header=header)
    html = document_html(doc)
    assert f"Số {BLANK}-BC/CB" in html
    assert f"Thái Bình, ngày {BLANK} tháng {BLANK} năm 2025" in html
    assert 'class="ph-upper"' not in html  # no upper committee line


def test_programme_has_no_number_line_when_no_symbol():
    text = text_of(document_html(samples.programme()))
    assert "Số " not in text.split("CHƯƠNG TRÌNH")[0]
    assert "I Phiên trù bị: Từ 8h00, ngày 08/5/2025 (sáng thứ Năm)" in text
    assert "20 Chào cờ (Quốc ca, Quốc tế ca) Đ/c Vân Anh" in text


def test_signature_and_recipients():
    html = document_html(samples.attendance())
    assert '<div class="sig-authority">T/M ĐOÀN CHỦ TỊCH ĐẠI HỘI</div>' in html
    assert '<div class="sig-name">Nguyễn Văn Hòa</div>' in html
    assert '<div class="recipients-label">Nơi nhận:</div>' in html
    assert "- Lưu hồ sơ Đại hội." in html


def test_names_are_escaped():
    doc = dataclasses.replace(samples.ballot(), candidates=("<b>Nguyễn Văn A</b>",))
    html = render_html(doc.template_name, {"doc": doc, "serial": "0001"})
    assert "&lt;b&gt;Nguyễn Văn A&lt;/b&gt;" in html
