"""Imports point down the layers (README, Architecture): a module may import its own app, any app of a
lower layer, and nothing above. Every import counts, also those inside functions; migrations are
history and are not read.

    demo                              the demo congress: drives everything
    handover                          archive, backup, export/import: reads documents and every domain
    hall, documents, api, audit       screens and outputs over the domains (apart from each other)
    elections                         lists, rounds, count, seal
    proceedings                       programme, texts, approvals, bodies, votes, speeches
    members                           roll, attendance, frozen bases
    congress                          the kernel: congress, roles, access, rule settings, congress/rules/
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Bottom to top; an app may import the apps of its own rank and of every lower one.
RANK = {
    "congress": 0,
    "members": 1,
    "proceedings": 2,
    "elections": 3,
    "hall": 4,
    "documents": 4,
    "api": 4,
    "audit": 4,
    "handover": 5,
    "demo": 6,
}
#: Apps on the same rank that must not import each other (each is an output of the domains).
SIBLINGS_APART = {"hall", "documents", "api", "audit"}

#: Recorded decisions, each with its reason. (module, imported app)
ALLOWED = {
    # QĐ 190 Art. 8: no member of the vote-counting board may be on an election list. The board is
    # adopted by a show of hands (proceedings) after the lists exist (elections); the check reads
    # the lists where the board is set. Moving the adoption into elections would distort the vote.
    ("proceedings.services.bodies", "elections"),
}


def _modules():
    for app in RANK:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield app, ".".join(path.relative_to(ROOT).with_suffix("").parts), path


def _imported_apps(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in RANK:
                yield node.lineno, top


def violations() -> list[str]:
    found = []
    for app, module, path in _modules():
        for lineno, target in _imported_apps(path):
            if target == app or (module, target) in ALLOWED:
                continue
            upward = RANK[target] > RANK[app]
            sideways = RANK[target] == RANK[app] and {app, target} <= SIBLINGS_APART
            if upward or sideways:
                found.append(f"{path.relative_to(ROOT)}:{lineno}: {app} imports {target}")
    return found


def test_imports_point_down_the_layers():
    assert violations() == []


def test_every_allowed_exception_is_still_needed():
    """An exception that no import uses any more is deleted from the list, not kept 'just in case'."""
    used = {
        (module, target) for app, module, path in _modules() for _line, target in _imported_apps(path) if target != app
    }
    assert ALLOWED <= used


def test_every_app_is_ranked():
    """A new app gets its place in the layers when it is added (config is the project, not an app)."""
    apps = {p.parent.name for p in ROOT.glob("*/apps.py")}
    assert apps == set(RANK)


def test_the_check_catches_an_upward_import(tmp_path, monkeypatch):
    """The test can fail: a kernel module importing elections is reported, even inside a function."""
    fake_root = tmp_path
    (fake_root / "congress").mkdir()
    (fake_root / "congress" / "bad.py").write_text("def f():\n    from elections import services\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", fake_root)
    assert violations() == ["congress/bad.py:2: congress imports elections"]
