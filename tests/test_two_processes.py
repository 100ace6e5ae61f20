"""Two app processes (gunicorn) on one PostgreSQL, clients on both at once: consistent results.

Central deployment runs several stateless processes behind nginx. This starts two
gunicorn processes on the test database, has board clerks enter ballots through
the real entry page alternately on each, and checks that nothing is lost or
counted twice and that both processes show the same running totals.
PostgreSQL only (SQLite is one process's database in the hall).
"""

from __future__ import annotations

import importlib.util
import os
import re
import socket
import sys
import threading
from argparse import Namespace
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from elections.models import BallotEntry, JournalEntry

ROOT = Path(__file__).resolve().parent.parent
VOTERS = 30


def _loadtest():
    spec = importlib.util.spec_from_file_location("loadtest", ROOT / "scripts" / "loadtest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("loadtest", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_two_processes_on_one_postgresql_agree(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: the central deployment")
    loadtest = _loadtest()
    info = loadtest.prepare(VOTERS)
    # The tests hash with MD5 (conftest); the app processes know only the real hashers.
    hasher = PBKDF2PasswordHasher()
    password = hasher.encode(info["password"], hasher.salt(), iterations=1000)
    get_user_model().objects.filter(username__startswith="lt-").update(password=password)
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DATA_DIR": str(tmp_path),
        "DEBUG": "",
        "CONN_MAX_AGE": "0",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    ports = [_free_port(), _free_port()]
    loadtest.PYTHON = sys.executable
    servers = []
    try:
        for port in ports:
            servers.append(loadtest.start_server(env, port, workers=2))
        stats = loadtest.Stats()
        args = Namespace(board_think=0.0, max_requests=10_000)
        halls = [loadtest.Hall(f"http://127.0.0.1:{port}", info, args, stats) for port in ports]
        # Clerk i talks to process i % 2: both passes are entered through both processes at once.
        threads = [threading.Thread(target=halls[i % 2].clerk, args=(i,)) for i in range(loadtest.BOARD)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        acks = halls[0].acks + halls[1].acks
        assert not stats.errors, stats.samples
        assert len(acks) == 2 * VOTERS

        entries = BallotEntry.objects.filter(round_id=info["round"], voided_at__isnull=True)
        assert entries.count() == 2 * VOTERS
        assert set(entries.values_list("pass_number", "serial")) == {(a["pass"], a["serial"]) for a in acks}
        journal = JournalEntry.objects.filter(round_id=info["round"], action="elections.ballot.entered")
        assert journal.count() == 2 * VOTERS

        # Both processes show the same running totals to the board.
        totals = []
        for hall in halls:
            session = hall.login(info["board"][0])
            page = session.get(f"{hall.base}/c/{info['slug']}/elections/rounds/{info['round']}/pass/1/").text
            block = re.search(r'data-testid="running-totals">(.*?)</div>', page, re.S)
            totals.append(re.sub(r"\s+", " ", block.group(1)))
        assert totals[0] == totals[1]
        assert str(VOTERS) in totals[0]
    finally:
        for server in servers:
            loadtest.kill_group(server, loadtest.signal.SIGTERM)
