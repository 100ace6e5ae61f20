"""Builders for the congress tests."""

from __future__ import annotations

from types import SimpleNamespace

from elections.rules import MemberFacts, Status, compute_base


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
    """Make record_vote freeze ``base`` (an elections.rules.Base) instead of the live attendance."""
    calls = []

    def freeze(congress, user, session, reason):
        calls.append(reason)
        return SimpleNamespace(base=base, pk=None)

    monkeypatch.setattr("congress.services.freeze_base_for_vote", freeze)
    return calls
