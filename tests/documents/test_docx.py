"""DOCX of the prose documents: same content and headings as the PDF, Times New Roman, A4."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Mm

from documents import samples
from documents.docx import render_docx


def texts(data: bytes) -> list[str]:
    document = Document(io.BytesIO(data))
    out = [p.text for p in document.paragraphs]
    for grid in document.tables:
        for row in grid.rows:
            for cell in row.cells:
                out.extend(p.text for p in cell.paragraphs)
    return out


def test_it_has_the_header_title_blocks_signature_and_recipients():
    doc = samples.resolution()
    lines = texts(render_docx(doc))
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH",
        "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI",
        "LẦN THỨ VI, NHIỆM KỲ 2025 – 2030",
        "*",
        "Số 01-NQ/ĐH",
        "Thái Bình, ngày 08 tháng 5 năm 2025",
        "NGHỊ QUYẾT",
        "QUYẾT NGHỊ:",
        "3. Kết quả bầu cử",
        "Phạm Thị Vân Anh",
        "90,00%",
        "T/M ĐOÀN CHỦ TỊCH ĐẠI HỘI",
        "Nguyễn Văn Hòa",
        "Nơi nhận:",
        "- Lưu hồ sơ Đại hội.",
    ):
        assert expected in lines, expected
    # the same blocks, in the same order, as the PDF prints them
    body = [line for line in lines if line in {b.text for b in doc.blocks if b.text}]
    assert body == [b.text for b in doc.blocks if b.text]


def test_fonts_and_page():
    document = Document(io.BytesIO(render_docx(samples.resolution())))
    section = document.sections[0]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    assert round(section.left_margin / Mm(1)) == 35
    fonts = {run.font.name for p in document.paragraphs for run in p.runs}
    assert fonts == {"Times New Roman"}
    title = next(p for p in document.paragraphs if p.text == "NGHỊ QUYẾT")
    assert all(run.font.bold for run in title.runs)
    date = document.tables[0].rows[1].cells[1].paragraphs[0]
    assert date.runs[0].font.italic
