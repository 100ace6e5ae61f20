"""Two clerks check in the same member at the same moment: one record, no error."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import OperationalError, connection

from members import services
from members.models import Attendance
from tests.members.factories import member, session


@pytest.mark.django_db(transaction=True)
def test_two_clerks_checking_in_the_same_member_make_one_record(congress, users):
    sess = session(congress)
    cm = member(congress, "Phạm Văn Hòa")
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def check_in_waiting(user):
        # The test database is SQLite in memory with a shared cache, where a second writer gets
        # "table is locked" at once instead of waiting; the hall's file database (WAL, BEGIN
        # IMMEDIATE, 20 s busy timeout) waits. Emulate that wait here, and only there: on
        # PostgreSQL any error fails the test.
        for _ in range(200):
            try:
                return services.check_in(cm, sess, user)
            except OperationalError as exc:
                if connection.vendor != "sqlite" or "locked" not in str(exc):
                    raise
                time.sleep(0.01)
        raise AssertionError("still locked after 2 s")

    def clerk(user):
        try:
            barrier.wait()
            check_in_waiting(user)
        except BaseException as exc:  # noqa: BLE001 - any error fails the test below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=clerk, args=(users[role],)) for role in ("secretariat", "presidium")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors, errors
    assert Attendance.objects.filter(congress_member=cm, session=sess).count() == 1
    assert Attendance.objects.get().state == Attendance.State.PRESENT
