"""The one rendering path: data snapshot → HTML template → PDF bytes (WeasyPrint).

Every printed document goes through :func:`render_pdf` (or :func:`render_pdf_parts`
for several documents in one file, or :mod:`documents.ballots` for N ballots);
:func:`render_html` gives the same HTML for an on-screen preview.

Fonts: Liberation Serif 2 (metric-compatible with Times New Roman, full Vietnamese
coverage; toolchain.md §3), bundled in ``static/fonts/`` and declared under the
unique family name :data:`FONT_FAMILY` for all four faces, so that a PDF can be
checked to embed them and nothing falls back to a system font. The files are found
with the staticfiles finders (no collectstatic, no network).

The stylesheet lives in ``templates/documents/pdf/document.css`` (a Django template,
for the margins and the font URLs). For PDFs it is parsed once per process into a
``weasyprint.CSS`` bound to one cached ``FontConfiguration`` and passed to ``render``
with that same ``FontConfiguration``: @font-face inside a ``CSS`` object is silently
ignored otherwise (toolchain.md §3, "Gotcha").
"""

from __future__ import annotations

import atexit
import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.templatetags.static import static
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

#: The family name the fonts are declared under (unique, to check the PDF embeds them).
FONT_FAMILY = "DaiHoi Serif"

#: (weight, style) → file under static/.
FONT_FILES: dict[tuple[str, str], str] = {
    ("normal", "normal"): "fonts/LiberationSerif-Regular.ttf",
    ("bold", "normal"): "fonts/LiberationSerif-Bold.ttf",
    ("normal", "italic"): "fonts/LiberationSerif-Italic.ttf",
    ("bold", "italic"): "fonts/LiberationSerif-BoldItalic.ttf",
}

#: Hướng dẫn 36-HD/VPTW front page, A4: top, right, bottom, left in mm (election-rules.md §3.9).
DEFAULT_MARGINS_MM = (25, 15, 25, 35)

CSS_TEMPLATE = "documents/pdf/document.css"


def font_path(relative: str) -> Path:
    """Return the file of a bundled font, found by the staticfiles finders."""
    found = finders.find(relative)
    if not found:
        raise ImproperlyConfigured(f"Font {relative} not found by the staticfiles finders.")
    return Path(found if isinstance(found, str) else found[0])


def margins_mm() -> tuple[float, float, float, float]:
    """``settings.DOCUMENT_MARGINS_MM`` (top, right, bottom, left), or the 36-HD/VPTW default."""
    margins = tuple(getattr(settings, "DOCUMENT_MARGINS_MM", DEFAULT_MARGINS_MM))
    if len(margins) != 4:
        raise ImproperlyConfigured("DOCUMENT_MARGINS_MM must be (top, right, bottom, left) in mm.")
    return margins  # type: ignore[return-value]


def _font_faces(for_browser: bool) -> list[dict[str, str]]:
    faces = []
    for (weight, style), relative in FONT_FILES.items():
        url = static(relative) if for_browser else font_path(relative).as_uri()
        faces.append({"weight": weight, "style": style, "url": url})
    return faces


def document_css(for_browser: bool = False) -> str:
    """The documents' stylesheet, with font URLs for WeasyPrint (file://) or a browser (/static/)."""
    return render_to_string(
        CSS_TEMPLATE,
        {"family": FONT_FAMILY, "faces": _font_faces(for_browser), "margins": margins_mm()},
    )


@functools.cache
def font_config():
    """The process's one FontConfiguration (fonts are loaded once, then reused)."""
    return FontConfiguration()


@functools.lru_cache(maxsize=4)
def _stylesheet(margins: tuple[float, ...]):
    return CSS(string=document_css(for_browser=False), font_config=font_config())


def _release() -> None:
    # Drop the cached FontConfiguration before the interpreter tears modules down:
    # its __del__ would otherwise fail noisily at exit.
    _stylesheet.cache_clear()
    font_config.cache_clear()


atexit.register(_release)


def stylesheet():
    """The parsed stylesheet for PDFs, cached per process (and per margins setting)."""
    return _stylesheet(margins_mm())


def _html_for_pdf(template_name: str, context: Mapping[str, Any]) -> str:
    return render_to_string(template_name, {**context, "inline_css": "", "for_pdf": True})


def render_html(template_name: str, context: Mapping[str, Any]) -> str:
    """Return the document as a standalone HTML page (the on-screen preview).

    Same template as the PDF, with the stylesheet inlined and the fonts served from
    /static/ (a browser ignores the @page rules, so there is no pagination).
    """
    return render_to_string(template_name, {**context, "inline_css": document_css(for_browser=True), "for_pdf": False})


def layout(template_name: str, context: Mapping[str, Any]):
    """Lay the document out with WeasyPrint and return the ``weasyprint.Document``."""
    html = HTML(string=_html_for_pdf(template_name, context), base_url=str(settings.BASE_DIR))
    return html.render(stylesheets=[stylesheet()], font_config=font_config())


def write_pdf(document) -> bytes:
    """Write a laid-out ``weasyprint.Document`` to PDF bytes (fonts subset and embedded)."""
    return document.write_pdf()


def render_pdf(template_name: str, context: Mapping[str, Any]) -> bytes:
    """Render ``template_name`` with ``context`` to the bytes of an A4 PDF."""
    return write_pdf(layout(template_name, context))


def render_pdf_parts(parts: Iterable[tuple[str, Mapping[str, Any]]]) -> bytes:
    """Render several documents into one PDF, each starting on a new page with its own
    page numbering (e.g. the programme, rules and regulation handed out together)."""
    documents = [layout(template_name, context) for template_name, context in parts]
    if not documents:
        raise ValueError("Nothing to render.")
    pages = [page for document in documents for page in document.pages]
    return write_pdf(documents[0].copy(pages))


def snapshot_context(snapshot: Any) -> dict[str, Any]:
    return {"doc": snapshot}


def document_pdf(snapshot: Any) -> bytes:
    """Render a snapshot (any class of :mod:`documents.snapshots` with ``template_name``)."""
    return render_pdf(snapshot.template_name, snapshot_context(snapshot))


def document_html(snapshot: Any) -> str:
    """The HTML preview of a snapshot."""
    return render_html(snapshot.template_name, snapshot_context(snapshot))
