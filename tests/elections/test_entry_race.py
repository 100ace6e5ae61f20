"""Clerks saving ballots at the same moment: nothing lost, nothing counted twice.

The unique constraint on live entries (round, pass, serial) and the row lock
on the round (SELECT … FOR UPDATE on PostgreSQL; BEGIN IMMEDIATE on SQLite)
decide; the losers get a clear message.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import OperationalError, connection

from congress.models import CongressRole
from elections import services
from elections.exceptions import ElectionError
from elections.models import BallotEntry, JournalEntry
from tests.conftest import make_user
from tests.elections.conftest import build_roll, frozen_election

Role = CongressRole.Role
GIVEN = ["An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hải", "Hạnh", "Khoa", "Lan"]
FAMILY = ["Nguyễn Văn", "Trần Thị", "Lê Văn", "Phạm Thị"]
NAMES = [f"{family} {given}" for family in FAMILY for given in GIVEN]  # 40 official members


def _waiting(call):
    # As in tests/members/test_checkin_race.py: the in-memory SQLite test database answers
    # "table is locked" at once where the hall's file database (WAL, IMMEDIATE, busy timeout)
    # waits; emulate the wait there only. On PostgreSQL any such error fails the test.
    for _ in range(500):
        try:
            return call()
        except OperationalError as exc:
            if connection.vendor != "sqlite" or "locked" not in str(exc):
                raise
            time.sleep(0.01)
    raise AssertionError("still locked after 5 s")


def _run_clerks(clerks, work):
    barrier = threading.Barrier(len(clerks))
    outcomes: list[tuple[str, object]] = []
    lock = threading.Lock()

    def run(user):
        try:
            barrier.wait()
            for item in work(user):
                try:
                    entry = _waiting(lambda item=item: item())
                    result = ("saved", entry.serial)
                except ElectionError as exc:
                    result = ("refused", str(exc))
                with lock:
                    outcomes.append(result)
        except BaseException as exc:  # noqa: BLE001 - any other error fails the test
            with lock:
                outcomes.append(("error", exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(user,)) for user in clerks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return outcomes


@pytest.fixture
def race(congress, users):
    build_roll(congress, names=NAMES)
    rnd = frozen_election(congress, users[Role.SECRETARIAT], NAMES[:4], approval_yes=30)
    clerks = [users[Role.COUNTING_BOARD]] + [make_user(f"kiemphieu{i}", congress, Role.COUNTING_BOARD) for i in (2, 3)]
    return rnd, clerks


@pytest.mark.django_db(transaction=True)
def test_three_clerks_saving_the_same_serials_count_each_ballot_once(race):
    rnd, clerks = race

    def work(user):
        for serial in range(1, 21):
            yield lambda serial=serial: services.enter_ballot(
                rnd, user, pass_number=1, serial=serial, marks={"crossed": [4]}
            )

    outcomes = _run_clerks(clerks, work)
    assert not [o for o in outcomes if o[0] == "error"], outcomes
    saved = sorted(serial for kind, serial in outcomes if kind == "saved")
    refused = [message for kind, message in outcomes if kind == "refused"]
    assert saved == list(range(1, 21))
    assert len(refused) == 40 and all("đã được nhập ở lượt 1" in m for m in refused)
    live = BallotEntry.objects.filter(round=rnd, pass_number=1, voided_at__isnull=True)
    assert sorted(live.values_list("serial", flat=True)) == list(range(1, 21))
    assert JournalEntry.objects.filter(action="elections.ballot.entered").count() == 20


@pytest.mark.django_db(transaction=True)
def test_three_clerks_saving_different_serials_lose_nothing(race):
    rnd, clerks = race

    def work(user):
        offset = clerks.index(user) * 10
        for serial in range(offset + 1, offset + 11):
            yield lambda serial=serial: services.enter_ballot(
                rnd, user, pass_number=1, serial=serial, marks={"crossed": [3]}
            )

    outcomes = _run_clerks(clerks, work)
    assert [kind for kind, _ in outcomes] == ["saved"] * 30, outcomes
    assert BallotEntry.objects.filter(round=rnd).count() == 30
    assert services.next_serial(rnd, 1) == 31
