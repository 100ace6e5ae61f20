"""Templates are code: every one loads, and none has a line over 120 characters."""

from pathlib import Path

import pytest
from django.template import engines

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
FILES = sorted(TEMPLATES.rglob("*.html"))
LIMIT = 120


def test_there_are_templates_to_check():
    assert len(FILES) > 50


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_template_loads(path):
    engines["django"].get_template(str(path.relative_to(TEMPLATES)))


def test_no_line_over_120_characters():
    long = [
        f"{path.relative_to(TEMPLATES)}:{number} ({len(line)})"
        for path in FILES
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > LIMIT
    ]
    assert not long, f"Template lines over {LIMIT} characters: {long}"
