"""Reconciling two independent entries of the same ballots (pure Python, no ORM).

Two board members enter every ballot, each blind to the other's pass. The
count may be confirmed only when, serial by serial, both passes read the same
marks and flags, and each pass holds exactly the ballots collected.

Example: pass 1 has serials 1–9, pass 2 has 1–9 but reads ballot 4 as
"2 crossed" where pass 1 read "2 5 crossed"; collected = 9. Then
``differences == [Difference(4, ...)]`` and ``agreed`` is False until one
of the two entries of ballot 4 is corrected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

Reading = Any  # what one pass read on one ballot: a hashable, comparable value (marks and flags)


@dataclass(frozen=True)
class Difference:
    serial: int
    first: Reading | None  # None: this pass has no entry for the serial
    second: Reading | None


@dataclass(frozen=True)
class Reconciliation:
    passes: int
    collected: int | None
    count_first: int
    count_second: int
    differences: tuple[Difference, ...] = ()
    problems: tuple[str, ...] = field(default=())

    @property
    def agreed(self) -> bool:
        return not self.differences and not self.problems


def reconcile(
    first: Mapping[int, Reading],
    second: Mapping[int, Reading],
    *,
    collected: int | None,
    passes: int = 2,
    messages: Mapping[str, str] | None = None,
) -> Reconciliation:
    """Compare two passes serial by serial; with ``passes == 1`` only the count is checked.

    ``first``/``second`` map a ballot serial to what that pass read. ``messages``
    gives the user-facing wording of the problems ("no_collected", "count_first",
    "count_second"), each formatted with ``count`` and ``collected``.
    """
    msgs = {
        "no_collected": "The number of ballots collected has not been recorded.",
        "count": "Pass {pass_number} holds {count} ballots; {collected} were collected.",
    }
    msgs.update(messages or {})
    problems: list[str] = []
    if collected is None:
        problems.append(msgs["no_collected"])
    else:
        counts = [(1, len(first))] + ([(2, len(second))] if passes == 2 else [])
        for pass_number, count in counts:
            if count != collected:
                problems.append(msgs["count"].format(pass_number=pass_number, count=count, collected=collected))
    differences: list[Difference] = []
    if passes == 2:
        for serial in sorted(set(first) | set(second)):
            a, b = first.get(serial), second.get(serial)
            if a != b:
                differences.append(Difference(serial, a, b))
    return Reconciliation(
        passes=passes,
        collected=collected,
        count_first=len(first),
        count_second=len(second),
        differences=tuple(differences),
        problems=tuple(problems),
    )
