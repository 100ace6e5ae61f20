"""Helpers to read back the PDFs: text, fonts, page sizes (pypdf), overflow (WeasyPrint layout)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from weasyprint.formatting_structure import boxes

FAMILY = "DaiHoi-Serif"  # documents.pdf.FONT_FAMILY as WeasyPrint names it in the PDF
A4 = (595.28, 841.89)


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def squash(text: str) -> str:
    """Collapse whitespace (line breaks, NBSP) so that wrapped text compares as one line."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def page_text(data_or_reader, index: int = 0) -> str:
    r = data_or_reader if isinstance(data_or_reader, PdfReader) else reader(data_or_reader)
    return squash(r.pages[index].extract_text())


def full_text(data: bytes) -> str:
    return squash(" ".join(page.extract_text() for page in reader(data).pages))


def font_names(data: bytes) -> set[str]:
    """BaseFont names (subset tag removed) in every page's resources."""
    names = set()
    for page in reader(data).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            names.add(str(ref.get_object()["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return names


def fonts_of(data: bytes, needle: str, index: int = 0) -> set[str]:
    """Fonts of the text chunks on page ``index`` that are part of ``needle``."""
    found: set[str] = set()

    def visit(text, cm, tm, font, size):
        if font is not None and text.strip() and squash(text) in needle:
            found.add(str(font["/BaseFont"]).split("+", 1)[-1])

    reader(data).pages[index].extract_text(visitor_text=visit)
    return found


def page_sizes(data: bytes) -> set[tuple[float, float]]:
    return {(round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) for p in reader(data).pages}


def is_a4(data: bytes) -> bool:
    return all(abs(w - A4[0]) <= 1 and abs(h - A4[1]) <= 1 for w, h in page_sizes(data))


def overflowing_text(document) -> list[str]:
    """Text boxes of a laid-out weasyprint.Document that stick out of the page's content box."""
    out = []
    for page in document.pages:
        root = page._page_box
        right = root.content_box_x() + root.width + 0.5
        bottom = root.content_box_y() + root.height + 0.5
        stack = [root]
        while stack:
            box = stack.pop()
            if isinstance(box, boxes.TextBox):
                if box.position_x + box.width > right or box.position_y + box.height > bottom:
                    out.append(box.text)
            stack.extend(getattr(box, "children", ()))
    return out


def chunks(data: bytes, index: int = 0) -> list[str]:
    """The text chunks (one per text-showing operator run) on page ``index``."""
    out: list[str] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            out.append(squash(text))

    reader(data).pages[index].extract_text(visitor_text=visit)
    return out
