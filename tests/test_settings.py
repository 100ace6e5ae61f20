"""Deployment settings: `check --deploy` is clean with production variables."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from config.settings import env_bool, env_int

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_variables(tmp_path):
    env = {
        **os.environ,
        "DATA_DIR": str(tmp_path),
        "HTTPS": "true",
        "SECRET_KEY": "k" * 20 + "-production-secret-key-for-the-check-0123456789",
        "ALLOWED_HOSTS": "daihoi.example.org",
        "DEBUG": "",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_warns_without_https(tmp_path):
    """The check is meaningful: without the production variables it complains."""
    env = {**os.environ, "DATA_DIR": str(tmp_path), "HTTPS": "", "DEBUG": ""}
    env.pop("DATABASE_URL", None)
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stderr + result.stdout


def test_a_local_secret_key_is_generated_outside_the_repository(tmp_path):
    env = {**os.environ, "DATA_DIR": str(tmp_path)}
    env.pop("SECRET_KEY", None)
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)",
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    key = (tmp_path / "secret_key").read_text().strip()
    assert result.stdout.strip() == key
    assert len(key) >= 50


@pytest.mark.django_db
def test_sqlite_is_tuned_for_several_writers(settings):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


@pytest.mark.parametrize("value", ["ture", "maybe", "2", "enabled"])
def test_an_unknown_boolean_stops_the_start(tmp_path, value):
    """HTTPS=ture must fail loudly instead of quietly serving without the TLS settings."""
    env = {**os.environ, "DATA_DIR": str(tmp_path), "HTTPS": value}
    env.pop("DATABASE_URL", None)
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert f"HTTPS={value!r}" in result.stderr


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("Yes", True), ("1", True), ("off", False), ("", None)],
)
def test_known_booleans_are_read(monkeypatch, value, expected):
    monkeypatch.setenv("SOME_FLAG", value)
    assert env_bool("SOME_FLAG", default=None) is expected


def test_an_unknown_number_stops_the_start(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER='ten'"):
        env_int("SOME_NUMBER", 3)
