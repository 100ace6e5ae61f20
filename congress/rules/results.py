"""Results: eligibility, ranking, ties, shortfalls and what follows a round (QĐ 190 Art. 30; QĐ 294).

election-rules.md §3.3: more than half of the base is needed; ties at the cut-off
and shortfalls go to a next round; the bí thư is appointed after the third failed round.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from congress.rules.base import CandidateKey, ElectionKind, RuleError, _require_count, _require_seats, more_than_half
from congress.rules.seal import _plain
from congress.rules.settings import Settings
from congress.rules.tally import percent_of_base


class NextRoundReason(StrEnum):
    TIE = "tie"  # eligible candidates tied at the last seat(s): re-vote among them (§3.3 item 4 [B])
    SHORTFALL = "shortfall"  # fewer eligible than seats (§3.3 item 5)


@dataclass(frozen=True)
class CandidateResult:
    """One candidate's line in the result, in the caller's (ballot) order.

    ``rank``: competition rank by votes among all candidates (1, 2, 2, 4);
    ``eligible``: ``2 * votes > base`` (Art. 30(2)); ``tied``: tied at the cut-off
    and going to a re-vote.
    """

    key: CandidateKey
    votes: int
    percent: str
    eligible: bool
    elected: bool
    tied: bool
    rank: int


@dataclass(frozen=True)
class NextRound:
    """The proposal for the next round, for the presidium to put to the congress.

    ``congress_decides``: the congress votes (show of hands) whether to hold it,
    and may change the list within ``may_add_names``.
    """

    reason: NextRoundReason
    seats: int
    candidates: tuple[CandidateKey, ...]
    may_add_names: bool
    requires_majority: bool
    congress_decides: bool


@dataclass(frozen=True)
class Result:
    """The outcome of one ballot (one round).

    ``elected``: in order of votes, high to low (ties among the elected in the
    caller's order); ``vacancies``: seats left because too few were eligible;
    ``tied``: candidates going to a tie re-vote; ``tie_revote``: this round was
    itself a re-vote among tied candidates.
    """

    base: int
    seats: int
    candidates: tuple[CandidateResult, ...]
    elected: tuple[CandidateKey, ...]
    tied: tuple[CandidateKey, ...]
    vacancies: int
    next_round: NextRound | None
    tie_revote: bool = False

    @property
    def needs_next_round(self) -> bool:
        return self.next_round is not None

    @property
    def ranking(self) -> tuple[CandidateResult, ...]:
        """Candidates by votes, high to low; equal votes keep the caller's order (never age/seniority)."""
        return tuple(sorted(self.candidates, key=lambda c: -c.votes))

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON values (candidates in the caller's order), ready for :func:`digest`."""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


def compute_result(
    votes: Mapping[CandidateKey, int],
    base: int,
    seats: int,
    settings: Settings,
    *,
    tie_revote: bool = False,
) -> Result:
    """Decide who is elected from the votes per candidate (QĐ 190 Art. 30; §3.3, §4).

    ``votes`` maps each candidate to the valid ballots voting for them, in the
    caller's order (ballot order); that order is kept for display and for equal
    votes — it never decides anything, and age or seniority is never used.

    1. Eligible iff ``2 * votes > base`` (Art. 30(2) [S]); exactly half fails, and
       with base 0 nobody is eligible.
    2. Eligible candidates take the seats by votes, high to low ([S23], [B]).
    3. Tie at the cut-off ([B], ``tie_rule``): those strictly above the last seat's
       votes are elected; those tied with it go to a re-vote among the tied only,
       for the remaining seats. ``tie_revote=True`` marks this round as such a
       re-vote: the winner still needs > 50% unless
       ``tie_revote_requires_majority`` is off (then any vote ≥ 1 suffices), and
       a second tie is left to the congress.
    4. Shortfall: fewer eligible than seats → the seats stay vacant; the next
       round is proposed for them with the non-elected candidates, names added
       only if ``shortfall_allows_new_names``; the congress decides whether to
       hold it (§3.3 item 5).
    """
    _require_seats(seats)
    _require_count(base, "Mẫu số")
    if not votes:
        raise RuleError("Danh sách bầu cử chưa có người nào.")
    for k, v in votes.items():
        _require_count(v, f"Số phiếu bầu của {k}")
        if v > base:
            # Votes ≤ valid ≤ issued ≤ official present ≤ base: more is a data error.
            raise RuleError(f"Số phiếu bầu của {k} ({v}) nhiều hơn mẫu số ({base}).")
    majority = not tie_revote or settings.tie_revote_requires_majority
    keys = list(votes)

    def is_eligible(v: int) -> bool:
        return more_than_half(v, base) if majority else v >= 1

    eligible = sorted((k for k in keys if is_eligible(votes[k])), key=lambda k: -votes[k])
    tied: list[CandidateKey] = []
    if len(eligible) <= seats:
        elected = eligible
    else:
        cutoff = votes[eligible[seats - 1]]
        above = [k for k in eligible if votes[k] > cutoff]
        at_cutoff = [k for k in keys if k in eligible and votes[k] == cutoff]
        if len(above) + len(at_cutoff) == seats:  # the cut-off falls between two vote counts
            elected = above + at_cutoff
        else:
            elected, tied = above, at_cutoff
    vacancies = max(0, seats - len(eligible))
    elected_set, tied_set = set(elected), set(tied)
    next_round: NextRound | None = None
    if tied:
        next_round = NextRound(
            reason=NextRoundReason.TIE,
            seats=seats - len(elected),
            candidates=tuple(tied),
            may_add_names=False,
            requires_majority=settings.tie_revote_requires_majority,
            congress_decides=tie_revote,
        )
    elif vacancies:
        next_round = NextRound(
            reason=NextRoundReason.SHORTFALL,
            seats=vacancies,
            candidates=tuple(k for k in keys if k not in elected_set),
            may_add_names=settings.shortfall_allows_new_names,
            requires_majority=True,
            congress_decides=True,
        )
    lines = tuple(
        CandidateResult(
            key=k,
            votes=votes[k],
            percent=percent_of_base(votes[k], base),
            eligible=is_eligible(votes[k]),
            elected=k in elected_set,
            tied=k in tied_set,
            rank=1 + sum(1 for other in keys if votes[other] > votes[k]),
        )
        for k in keys
    )
    return Result(
        base=base,
        seats=seats,
        candidates=lines,
        elected=tuple(elected),
        tied=tuple(tied),
        vacancies=vacancies,
        next_round=next_round,
        tie_revote=tie_revote,
    )


def rank_alternates(result: Result) -> tuple[tuple[int, CandidateKey], ...]:
    """Return the elected alternate delegates as (order, key), by votes high to low.

    §3.6 [B]: this order is the order in which alternates replace absent official
    delegates. Equal votes share an order number (1, 2, 2, 4) — the app must show
    it; the rules give no tie-break (never age or seniority).
    """
    elected = [c for c in result.ranking if c.elected]
    return tuple((1 + sum(1 for o in elected if o.votes > c.votes), c.key) for c in elected)


class RoundOutcome(StrEnum):
    """What follows a round (§3.3 items 4–5; QĐ 294 for bí thư)."""

    COMPLETE = "complete"  # every seat filled
    TIE_REVOTE = "tie_revote"  # re-vote among the tied for the remaining seats
    NEXT_ROUND = "next_round"  # bí thư: vote again (before the last allowed round)
    CONGRESS_DECIDES = "congress_decides"  # the congress votes whether to go on, and on adding names
    UPPER_COMMITTEE_APPOINTS = "upper_committee_appoints"  # bí thư after the last failed round

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    RoundOutcome.COMPLETE: "Đã bầu đủ số lượng",
    RoundOutcome.TIE_REVOTE: "Bầu lại trong số những người có số phiếu bằng nhau",
    RoundOutcome.NEXT_ROUND: "Bầu lần tiếp theo",
    RoundOutcome.CONGRESS_DECIDES: "Đại hội biểu quyết có bầu tiếp hay không",
    RoundOutcome.UPPER_COMMITTEE_APPOINTS: "Cấp ủy cấp trên chỉ định bí thư chi bộ",
}


def round_outcome(kind: ElectionKind, round_number: int, result: Result, settings: Settings) -> RoundOutcome:
    """Return what follows round ``round_number`` (1-based) of an election.

    - All seats filled → COMPLETE.
    - bí thư not elected: rounds before ``bi_thu_max_rounds`` → NEXT_ROUND; the
      third failed round → UPPER_COMMITTEE_APPOINTS (QĐ 294 [S]: "bầu đến lần thứ ba
      mà không có đồng chí nào đủ số phiếu trúng cử bí thư chi bộ thì cấp ủy cấp
      trên … chỉ định"). There is no round after that.
    - A tie → TIE_REVOTE; a tie again in the re-vote → CONGRESS_DECIDES (§3.3 item 4 [B]).
    - A shortfall → CONGRESS_DECIDES (§3.3 item 5).
    """
    kind = ElectionKind(kind)
    _require_count(round_number, "Lần bầu")
    if round_number < 1:
        raise RuleError("Lần bầu phải từ 1 trở lên.")
    if kind == ElectionKind.BI_THU and round_number > settings.bi_thu_max_rounds:
        raise RuleError(
            f"Không bầu bí thư quá {settings.bi_thu_max_rounds} lần; sau lần thứ "
            f"{settings.bi_thu_max_rounds} cấp ủy cấp trên chỉ định (Quy định 294-QĐ/TW)."
        )
    if result.next_round is None:
        return RoundOutcome.COMPLETE
    if kind == ElectionKind.BI_THU:
        if round_number >= settings.bi_thu_max_rounds:
            return RoundOutcome.UPPER_COMMITTEE_APPOINTS
        return RoundOutcome.NEXT_ROUND
    if result.next_round.reason == NextRoundReason.TIE and not result.next_round.congress_decides:
        return RoundOutcome.TIE_REVOTE
    return RoundOutcome.CONGRESS_DECIDES


def bi_thu_round_outcome(round_number: int, result: Result, settings: Settings) -> RoundOutcome:
    """:func:`round_outcome` for the bí thư (QĐ 294: upper committee appoints after round 3)."""
    return round_outcome(ElectionKind.BI_THU, round_number, result, settings)
