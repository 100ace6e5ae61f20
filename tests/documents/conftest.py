from __future__ import annotations

import pytest

from congress.models import Session
from members.models import Attendance
from tests.members.factories import attend, member, session


@pytest.fixture
def roll(congress):
    """E2's roll (election-rules.md §5): 11 official members, 1 exempted and absent, 1 absent
    without reason, 9 present at the official session; plus 1 probationary member, present."""
    official = session(congress, Session.Kind.OFFICIAL)
    names = [
        "Phạm Văn Hòa",
        "Nguyễn Thị Vân Anh",
        "Trần Đức Trình",
        "Vũ Thị Mai",
        "Đỗ Văn Làm",
        "Lê Quang Dũng",
        "Đặng Thị Lan",
        "Hoàng Thị Thu Hà",
        "Ngô Minh Tuấn",
    ]
    present = [member(congress, name) for name in names]
    for cm in present:
        attend(cm, official)
    exempted = member(congress, "Phạm Quốc Khánh", exempted=True)
    attend(exempted, official, Attendance.State.ABSENT_EXCUSED, reason="Được miễn sinh hoạt, đang điều trị")
    unexcused = member(congress, "Bùi Văn Tám")
    attend(unexcused, official, Attendance.State.ABSENT_UNEXCUSED)
    probationary = member(congress, "Bùi Thị Hương", status="probationary")
    attend(probationary, official)
    return {"session": official, "present": present, "exempted": exempted, "unexcused": unexcused}
