"""Totals: adding up the ballots, the arithmetic that blocks sign-off, and display percentages.

QĐ 190 Art. 30(1) (only valid ballots count); the checks of the count minutes
(election-rules.md §3.8). Percentages are for display only, never for a decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from congress.rules.ballots import InvalidReason, Verdict
from congress.rules.base import CandidateKey, Problem, ProblemCode, RuleError, _require_count, _require_seats


@dataclass(frozen=True)
class Totals:
    """The figures of one count minutes (biên bản kiểm phiếu), §3.8.

    ``official_present``: official members present who may vote (``Base.official_present``
    of the frozen base); ``votes``: per candidate key, in ballot order;
    ``invalid``: invalid ballots by reason.
    """

    official_present: int
    issued: int
    collected: int
    valid: int
    invalid: Mapping[InvalidReason, int]
    votes: Mapping[CandidateKey, int]
    seats: int

    @property
    def invalid_total(self) -> int:
        return sum(self.invalid.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "official_present": self.official_present,
            "issued": self.issued,
            "collected": self.collected,
            "valid": self.valid,
            "invalid": {str(r): n for r, n in self.invalid.items()},
            "invalid_total": self.invalid_total,
            "votes": [[k, v] for k, v in self.votes.items()],
            "seats": self.seats,
        }


def tally(
    verdicts: Iterable[Verdict],
    candidates: Sequence[CandidateKey],
    *,
    seats: int,
    issued: int,
    official_present: int,
) -> Totals:
    """Add up ballot-by-ballot verdicts (QĐ 190 Art. 30(1): only valid ballots count).

    Every verdict is one collected ballot. ``candidates`` are the keys in ballot
    order, so STT ``i`` is ``candidates[i - 1]``. Invalid ballots count in
    "collected" and contribute no votes; they do not change the base (§3.7).
    """
    _require_seats(seats)
    _require_count(issued, "Số phiếu phát ra")
    _require_count(official_present, "Số đảng viên chính thức có mặt")
    if len(set(candidates)) != len(candidates):
        raise RuleError("Danh sách bầu cử có người bị lặp lại.")
    counts = [0] * len(candidates)
    invalid: dict[InvalidReason, int] = {}
    collected = valid = 0
    for v in verdicts:
        collected += 1
        if not v.valid:
            assert v.reason is not None
            invalid[v.reason] = invalid.get(v.reason, 0) + 1
            continue
        valid += 1
        if len(set(v.votes)) != len(v.votes):
            raise RuleError("Một phiếu bầu không được tính hai lần cho cùng một người.")
        for stt in v.votes:
            if not 1 <= stt <= len(candidates):
                raise RuleError(f"Số thứ tự {stt} không có trong danh sách bầu cử.")
            counts[stt - 1] += 1
    invalid = {r: invalid[r] for r in InvalidReason if r in invalid}
    return Totals(
        official_present=official_present,
        issued=issued,
        collected=collected,
        valid=valid,
        invalid=invalid,
        votes=dict(zip(candidates, counts, strict=True)),
        seats=seats,
    )


def check_totals(totals: Totals, names: Mapping[CandidateKey, str] | None = None) -> list[Problem]:
    """Return the arithmetic errors that block signing the count minutes (product.md).

    collected ≤ issued ≤ official members present; valid + invalid = collected;
    each candidate's votes ≤ valid ballots; sum of votes ≤ valid × seats.
    ``names`` turns candidate keys into names in the messages.
    """
    problems: list[Problem] = []
    t = totals
    figures = [
        ("Số đảng viên chính thức có mặt", t.official_present),
        ("Số phiếu phát ra", t.issued),
        ("Số phiếu thu về", t.collected),
        ("Số phiếu hợp lệ", t.valid),
        ("Số lượng cần bầu", t.seats),
    ]
    figures += [(f"Số phiếu không hợp lệ ({InvalidReason(r).label.lower()})", n) for r, n in t.invalid.items()]
    figures += [(f"Số phiếu bầu của {_name(k, names)}", n) for k, n in t.votes.items()]
    for what, n in figures:
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            problems.append(Problem(ProblemCode.NEGATIVE_COUNT, f"{what} phải là số nguyên không âm ({n!r})."))
    if problems:
        return problems
    if t.collected > t.issued:
        problems.append(
            Problem(
                ProblemCode.COLLECTED_OVER_ISSUED,
                f"Số phiếu thu về ({t.collected}) nhiều hơn số phiếu phát ra ({t.issued}).",
            )
        )
    if t.issued > t.official_present:
        problems.append(
            Problem(
                ProblemCode.ISSUED_OVER_PRESENT,
                f"Số phiếu phát ra ({t.issued}) nhiều hơn số đảng viên chính thức có mặt được quyền bầu cử "
                f"({t.official_present}).",
            )
        )
    if t.valid + t.invalid_total != t.collected:
        problems.append(
            Problem(
                ProblemCode.VALID_PLUS_INVALID,
                f"Số phiếu hợp lệ ({t.valid}) cộng số phiếu không hợp lệ ({t.invalid_total}) không bằng số phiếu "
                f"thu về ({t.collected}).",
            )
        )
    for k, n in t.votes.items():
        if n > t.valid:
            problems.append(
                Problem(
                    ProblemCode.VOTES_OVER_VALID,
                    f"Số phiếu bầu của {_name(k, names)} ({n}) nhiều hơn số phiếu hợp lệ ({t.valid}).",
                )
            )
    total = sum(t.votes.values())
    if total > t.valid * t.seats:
        problems.append(
            Problem(
                ProblemCode.VOTES_SUM_OVER_CAPACITY,
                f"Tổng số phiếu bầu cho các ứng cử viên ({total}) nhiều hơn số phiếu hợp lệ nhân với số lượng "
                f"cần bầu ({t.valid} × {t.seats} = {t.valid * t.seats}).",
            )
        )
    return problems


def _name(key: CandidateKey, names: Mapping[CandidateKey, str] | None) -> str:
    if names and key in names:
        return f"đồng chí {names[key]}"
    return f"ứng cử viên {key}"


# ---------------------------------------------------------------------------
# Display percentages (never used in a decision)
# ---------------------------------------------------------------------------


def percent_hundredths(votes: int, base: int) -> int:
    """Return votes / base × 100 in hundredths of a percent, rounded half up (display only).

    6 of 9 → 6667 (66.666…); 1 of 8 → 1250. A base of 0 gives 0 (nobody can
    have votes then: votes ≤ present ≤ base).
    """
    _require_count(votes, "Số phiếu bầu")
    _require_count(base, "Mẫu số")
    if base == 0:
        if votes:
            raise RuleError("Không thể có phiếu bầu khi mẫu số bằng 0.")
        return 0
    return (2 * votes * 10000 + base) // (2 * base)


def percent_of_base(votes: int, base: int) -> str:
    """Return the percentage of the base as printed in Vietnamese minutes: "66,67" (no % sign).

    The count minutes give "tỷ lệ % so với đảng viên chính thức" [S23]: the base,
    not the ballots. Two decimals, decimal comma, rounded half up.
    """
    h = percent_hundredths(votes, base)
    return f"{h // 100},{h % 100:02d}"
