"""The congress minutes and the resolution as DOCX, for the secretariat to edit in Word.

Same snapshot, same content and headings as the PDF (documents/pdf/prose.html): the
Party-format header as a borderless two-column table, title and summary, the blocks,
the signatures and "Nơi nhận". Fonts are named "Times New Roman" (what Word has; the
PDF uses its metric twin, Liberation Serif), A4 with the margins of 36-HD/VPTW.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .pdf import margins_mm
from .snapshots import BlockKind, ProseSnapshot, Signature

FONT = "Times New Roman"


def _font(run, size: float = 14, bold: bool = False, italic: bool = False, underline: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    # Word picks the font per script: name it for every script, or Vietnamese may fall back.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _para(container, text: str = "", *, size: float = 14, bold=False, italic=False, align=None, indent=False):
    paragraph = container.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(3)
    fmt.space_before = Pt(0)
    if indent:
        fmt.first_line_indent = Mm(10)
    if text:
        _font(paragraph.add_run(text), size=size, bold=bold, italic=italic)
    return paragraph


def _cell_lines(cell, lines, **style) -> None:
    """Write ``lines`` into a table cell (the first reuses the cell's empty paragraph)."""
    first = True
    for text in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        _font(paragraph.add_run(text), **style)


def _header(document, doc: ProseSnapshot) -> None:
    h = doc.header
    grid = document.add_table(rows=2, cols=2)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    left, right = grid.rows[0].cells
    if h.upper_committee:
        _cell_lines(left, [h.upper_committee_caps], size=14)
        _cell_lines_append(left, h.issuing_body_caps, size=14, bold=True)
    else:
        _cell_lines(left, h.issuing_body_caps, size=14, bold=True)
    _cell_lines_append(left, ["*"], size=14)
    _cell_lines(right, ["ĐẢNG CỘNG SẢN VIỆT NAM"], size=15, bold=True)
    right.paragraphs[0].runs[0].font.underline = True
    number, date = grid.rows[1].cells
    _cell_lines(number, [h.number_text or ""], size=14)
    _cell_lines(date, [h.place_date_text], size=14, italic=True)
    for row in grid.rows:
        row.cells[0].width = Mm(90)
        row.cells[1].width = Mm(80)


def _cell_lines_append(cell, lines, **style) -> None:
    for text in lines:
        paragraph = cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        _font(paragraph.add_run(text), **style)


def _signature(cell, signature: Signature | None) -> None:
    if signature is None:
        return
    _cell_lines(cell, signature.authority_caps, size=14, bold=True)
    for _ in range(4):
        _cell_lines_append(cell, [""], size=14)
    _cell_lines_append(cell, [signature.name_text], size=14, bold=True)


def _table(document, block) -> None:
    grid = document.add_table(rows=1, cols=len(block.header))
    grid.style = "Table Grid"
    for cell, caption in zip(grid.rows[0].cells, block.header, strict=True):
        _cell_lines(cell, [caption], size=13, bold=True)
    for row in block.cells:
        cells = grid.add_row().cells
        for cell, (text, centred) in zip(cells, row, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
            paragraph.paragraph_format.space_after = Pt(0)
            _font(paragraph.add_run(text), size=13)
    for i, width in enumerate(block.widths):
        if width:
            for row in grid.rows:
                row.cells[i].width = Mm(width)
    _para(document, size=6)


def render_docx(doc: ProseSnapshot) -> bytes:
    """Return the DOCX bytes of a prose document (minutes, resolution, report)."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, right, bottom, left = margins_mm()
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    document.core_properties.title = " ".join([doc.title_caps, *doc.summary_text])
    document.core_properties.language = "vi-VN"

    _header(document, doc)
    if doc.draft_mark:
        _para(document, doc.draft_mark_caps, size=13, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(document, doc.title_caps, size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for line in doc.summary_text:
        _para(document, line, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(document, "-----", size=14, align=WD_ALIGN_PARAGRAPH.CENTER)

    for block in doc.blocks:
        if block.kind == BlockKind.HEADING:
            _para(document, block.text, bold=True, indent=True)
        elif block.kind == BlockKind.SUBHEADING:
            _para(document, block.text, bold=True, italic=True, indent=True)
        elif block.kind == BlockKind.ITEM:
            p = _para(document, block.text, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
            p.paragraph_format.left_indent = Mm(10)
        elif block.kind == BlockKind.CENTER:
            _para(document, block.text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif block.kind == BlockKind.TABLE:
            _table(document, block)
        else:
            _para(document, block.text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)

    signoff = document.add_table(rows=1, cols=2)
    left_cell, right_cell = signoff.rows[0].cells
    if doc.left_signature is not None:
        _signature(left_cell, doc.left_signature)
    elif doc.recipients:
        _recipients(left_cell, doc.recipients)
    _signature(right_cell, doc.signature)
    if doc.left_signature is not None and doc.recipients:
        _para(document, size=6)
        label = _para(document, "Nơi nhận:", size=12, bold=True, italic=True)
        label.paragraph_format.space_after = Pt(0)
        for line in doc.recipients:
            p = _para(document, f"- {line}", size=11)
            p.paragraph_format.space_after = Pt(0)

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _recipients(cell, recipients) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    _font(paragraph.add_run("Nơi nhận:"), size=12, bold=True, italic=True)
    for line in recipients:
        p = cell.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        _font(p.add_run(f"- {line}"), size=11)
