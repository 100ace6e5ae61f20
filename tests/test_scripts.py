"""The set-up scripts: what ./run installs, and the private PostgreSQL cluster of ./test."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["api", "audit", "config", "congress", "documents", "elections", "members"]
# Installed by requirements-dev.txt only: the running app must never import them.
DEV_ONLY = ["pytest", "playwright", "schemathesis", "hypothesis", "ruff", "polib", "requests", "yaml", "xdist"]


def _requirements(name: str) -> list[str]:
    lines = (ROOT / name).read_text().splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_every_dependency_is_pinned():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in _requirements(name):
            if line.startswith("-r "):
                continue
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][A-Za-z0-9.]*", line), f"{name}: {line} is not pinned"


def test_the_app_requirements_hold_no_test_or_lint_tool():
    runtime = {line.split("==")[0].lower() for line in _requirements("requirements.txt")}
    for tool in ("pytest", "pytest-django", "playwright", "schemathesis", "hypothesis", "ruff", "polib", "requests"):
        assert tool not in runtime
    assert _requirements("requirements-dev.txt")[0] == "-r requirements.txt"


def test_the_app_imports_without_the_dev_packages():
    """Every module of the app (not the tests, not the scripts) imports with the dev-only packages hidden."""
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    )
    program = textwrap.dedent(
        f"""
        import importlib, importlib.abc, sys
        class Hide(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {DEV_ONLY!r}:
                    raise ImportError(f"dev-only package imported by the app: {{name}}")
        sys.meta_path.insert(0, Hide())
        import django
        django.setup()
        for module in {modules!r}:
            importlib.import_module(module.removesuffix(".__init__"))
        print("imported", len({modules!r}))
        """
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith("imported")


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("pg_virtualenv"), reason="needs root and pg_virtualenv")
@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="checked once, in the SQLite run")
def test_the_throwaway_cluster_is_private_to_each_run():
    """A 15/regress cluster left by a killed run, and two runs at once, do not stop scripts/with-postgres."""
    version = sorted(os.listdir("/usr/lib/postgresql"), key=int)[-1]
    stale = Path(f"/etc/postgresql/{version}/regress")
    made_stale = False
    if not stale.exists():
        subprocess.run(["pg_createcluster", version, "regress"], check=True, capture_output=True)
        made_stale = True
    try:
        query = ["sh", "-c", 'psql "$DATABASE_URL" -Atc "select current_setting(\'port\')"']

        def run(_):
            return subprocess.run(
                ["scripts/with-postgres", "--", *query], cwd=ROOT, capture_output=True, text=True, timeout=120
            )

        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(run, range(2)))
        for result in results:
            assert result.returncode == 0, result.stdout + result.stderr
        ports = {line for result in results for line in result.stdout.splitlines() if line.isdigit()}
        assert len(ports) == 2, ports  # two clusters, one each
        assert stale.exists()  # the stale cluster is left alone
    finally:
        if made_stale:
            subprocess.run(["pg_dropcluster", version, "regress"], check=False, capture_output=True)
