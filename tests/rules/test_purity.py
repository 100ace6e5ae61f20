"""The rule book stays pure: standard library only, no Django, no app of this project.

Every module of ``congress/rules`` is parsed (imports inside functions included);
an import is allowed only from the standard library or from ``congress.rules`` itself.
The package re-exports every public name of its chapters, so ``rules.X`` works for all of them.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import pkgutil
import sys
import types
from pathlib import Path

import pytest

from congress import rules

PACKAGE = Path(rules.__file__).parent
CHAPTERS = sorted(m.name for m in pkgutil.iter_modules([str(PACKAGE)]))


def imported_modules(source: str) -> list[str]:
    """Return every module the source imports, anywhere in it (relative imports as ``.name``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append("." * node.level + (node.module or ""))
    return found


def forbidden(modules: list[str]) -> list[str]:
    """Return the imports that are neither the standard library nor the rule book itself."""
    bad = []
    for name in modules:
        if name.startswith(".") or name == "congress.rules" or name.startswith("congress.rules."):
            continue
        if name.split(".")[0] in sys.stdlib_module_names:
            continue
        bad.append(name)
    return bad


def test_the_chapters_are_the_expected_ones():
    assert CHAPTERS == ["ballots", "base", "lists", "results", "seal", "settings", "setup", "tally"]


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_module_of_the_rule_book_imports_django_or_an_app(path):
    assert forbidden(imported_modules(path.read_text(encoding="utf-8"))) == []


def test_the_scan_finds_imports_that_break_the_rule():
    source = (
        "import json\nfrom django.db import models\n"
        "def f():\n    from elections import services\n    import members.models\n"
        "from congress.rules.base import Base\nfrom . import seal\nfrom congress import access\n"
    )
    assert sorted(forbidden(imported_modules(source))) == ["congress", "django.db", "elections", "members.models"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_package_re_exports_every_public_name_of_each_chapter(chapter):
    module = importlib.import_module(f"congress.rules.{chapter}")
    public = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and getattr(value, "__module__", module.__name__) == module.__name__
    }
    missing = sorted(name for name in public if getattr(rules, name, None) is not getattr(module, name))
    assert missing == []
    assert public <= set(rules.__all__)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_has_a_docstring_and_its_doctests_pass(chapter):
    module = importlib.import_module(f"congress.rules.{chapter}")
    assert (module.__doc__ or "").strip()
    assert doctest.testmod(module).failed == 0
