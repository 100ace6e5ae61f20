"""`./run` really serves the app: a fresh data folder, migrate, demo, gunicorn, the login page."""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="./run is checked once, on its default SQLite")
def test_run_serves_the_login_page_and_prints_the_demo_logins(tmp_path):
    port = _free_port()
    env = {**os.environ, "DATA_DIR": str(tmp_path), "PORT": str(port), "WORKERS": "1"}
    env.pop("DATABASE_URL", None)
    log = open(tmp_path / "run.log", "w+")
    process = subprocess.Popen(
        ["./run"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 180
        body = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5) as response:
                    body = response.read().decode()
                    status = response.status
                break
            except OSError:
                time.sleep(0.5)
        log.seek(0)
        output = log.read()
        assert body is not None, f"./run did not serve the login page:\n{output}"
        assert status == 200
        assert "Đăng nhập" in body
        for username in ("thuky", "chutich", "kiemphieu", "dangvien"):
            assert username in output
        # Static files come from whitenoise, with no CDN.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/vendor/htmx/htmx.min.js", timeout=5) as response:
            assert response.status == 200
        assert "cdn" not in body.lower()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
