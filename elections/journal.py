"""The election journal: one helper to append a record, inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from elections.models import Election, JournalEntry, Round


def record(
    congress,
    actor,
    action: str,
    *,
    election: Election | None = None,
    round: Round | None = None,
    summary: str = "",
    before: Any = None,
    after: Any = None,
) -> JournalEntry:
    """Append ``action`` (a dotted name such as "elections.ballot.entered") to the journal.

    Call it inside the transaction of the change it records: the change and its
    record are kept or lost together.
    """
    if round is not None and election is None:
        election = round.election
    return JournalEntry.objects.create(
        congress=congress,
        election=election,
        round=round,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        summary=str(summary)[:300],
        before=before,
        after=after,
    )
