"""Builders for the congress tests."""

from __future__ import annotations

from congress.rules import MemberFacts, Status, compute_base
from members.models import BaseSnapshot, Member
from members.services import freeze_base
from tests.members.factories import attend, member, session


def e8_base():
    """Example E8 (election-rules.md §5): 12 official, 1 suspended, 1 exempted and absent → base 10;
    present: 9 official and 2 probationary."""
    members = (
        [MemberFacts(Status.OFFICIAL, present=True, attended=True)] * 9
        + [MemberFacts(Status.OFFICIAL)]  # absent without reason: stays in the base
        + [MemberFacts(Status.OFFICIAL, suspended=True)]
        + [MemberFacts(Status.OFFICIAL, exempted=True)]
        + [MemberFacts(Status.PROBATIONARY, present=True, attended=True)] * 2
    )
    return compute_base(members)


def fake_freeze(monkeypatch, base):
    """Make record_vote freeze ``base`` (an congress.rules.Base) instead of the live attendance."""
    calls = []

    def freeze(congress, user, session, reason):
        calls.append(reason)
        return BaseSnapshot.objects.create(
            congress=congress, session=session, created_by=user, reason=reason, data=base.as_dict(), voter_ids=[]
        )

    monkeypatch.setattr("proceedings.services.votes.freeze_base_for_vote", freeze)
    return calls


def empty_snapshot(congress):
    """A frozen base of an empty roll, for votes created directly in the database."""
    return freeze_base(congress, "thử nghiệm", None)


def build_e8_roll(congress) -> dict:
    """Example E8 as a roll: 12 official (9 present, 1 absent, 1 suspended, 1 exempted and absent),
    2 probationary present → base 10, 9 official members present. Returns the CongressMembers by name."""
    prep = session(congress)
    roll = {}
    for name in ["Phạm Văn Hòa", "Nguyễn Thị Vân Anh", "Trần Đức Trình", "Vũ Thị Mai", "Đỗ Văn Làm",
                 "Lê Quang Dũng", "Đặng Thị Lan", "Hoàng Thị Thu Hà", "Ngô Minh Tuấn"]:  # fmt: skip
        roll[name] = member(congress, name)
        attend(roll[name], prep)
    member(congress, "Trịnh Văn Vắng")
    member(congress, "Mai Văn Đình", suspended=True)
    member(congress, "Phạm Quốc Khánh", exempted=True)
    for name in ("Bùi Thị Hương", "Lý Văn Dự"):
        roll[name] = member(congress, name, status=Member.Status.PROBATIONARY)
        attend(roll[name], prep)
    return roll
