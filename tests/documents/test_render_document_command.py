"""manage.py render_document: what the lead uses to look at each document."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from .pdfcheck import page_text, reader


@pytest.mark.parametrize(
    ("kind", "pages", "words"),
    [
        ("count-minutes", 3, "BIÊN BẢN KIỂM PHIẾU"),
        ("ballots-yes-no", 5, "Nguyễn Văn Hòa 0005"),
        ("dossier", 12, "CHƯƠNG TRÌNH"),
    ],
)
def test_render_document_writes_a_pdf(tmp_path, kind, pages, words):
    out = tmp_path / "out.pdf"
    call_command("render_document", kind, str(out), "--count", "5")
    data = out.read_bytes()
    r = reader(data)
    assert len(r.pages) == pages
    assert words in page_text(r, 0) or words in page_text(r, pages - 1)


def test_render_document_html_preview(tmp_path):
    out = tmp_path / "out.html"
    call_command("render_document", "programme", str(out), "--html")
    html = out.read_text(encoding="utf-8")
    assert "CHƯƠNG TRÌNH" in html and "<style>" in html


def test_unknown_kind_is_refused(tmp_path):
    with pytest.raises(CommandError):
        call_command("render_document", "nghi-quyet", str(tmp_path / "x.pdf"))
