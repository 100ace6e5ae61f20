"""The counting rules of a cell congress, in pure Python (no ORM, no floats in decisions).

Every count the app shows or prints is decided here. Each rule names the
article it implements; the sources and their confidence tags ([V] verified,
[S] secondary, [B] believed) are in shared/design/election-rules.md. Rules
tagged [B] take their value from :class:`Settings`, whose defaults are the
believed values (module ``settings``), so a congress can change them.

Decisions use integers only: "more than half of the base" is ``2 * votes > base``.
Percentages exist for display and are computed last (hundredths, round half up).

Pure Python, standard library only: no Django, no app of this project
(``tests/rules/test_purity.py`` keeps it so). Each chapter is a module; this
package re-exports their public names, so callers write ``from congress import
rules`` and ``rules.compute_base(...)``.

Overview, in the order of a congress (module in brackets):

1. [``base``] :func:`compute_base` — the base (mẫu số) of QĐ 190 Art. 30(2) and who may vote.
2. [``setup``] :func:`check_election_setup`, :func:`check_one_ballot` — which elections a cell
   holds, how many seats, in which order (QĐ 294; QĐ 244 Art. 19(9)).
3. [``lists``] :func:`surplus_bounds`, :func:`check_candidate_list`,
   :func:`check_committee_proposal`, :func:`outside_nominee_approved` — the
   election list (QĐ 190 Art. 14, Art. 8).
4. [``ballots``] :func:`ballot_form`, :func:`judge_ballot` — one ballot: valid or not, and for whom
   (QĐ 244 Art. 17, QĐ 190 Art. 30(1)).
5. [``tally``] :func:`tally`, :func:`check_totals` — the count and the arithmetic that blocks sign-off.
6. [``results``] :func:`compute_result`, :func:`round_outcome`, :func:`rank_alternates` — who is
   elected, ties at the cut-off, shortfalls and the next round (Art. 30; QĐ 294).
7. [``seal``] :func:`canonical_json`, :func:`digest` — the bytes and SHA-256 that seal a result.

Two styles of failure, used consistently:

* ``check_*`` functions return a list of :class:`Problem` (Vietnamese message,
  a code, blocking or a warning): these are facts about the congress that the
  users must fix or acknowledge, shown next to the field.
* :class:`RuleError` (a ``ValueError``) is raised for input that cannot
  describe a real congress (negative counts, a candidate number that is not on
  the ballot, no seats): a bug or a data-entry slip, never a voter's act.
  :func:`raise_for_problems` turns blocking problems into a ``RuleError`` for
  services that must refuse.

Worked example E2 (election-rules.md §5): 11 official members convened, one
exempted and absent, one absent without reason, so the base is 10 and 6 votes
are needed; 9 ballots, all valid; chi ủy of 3 from 4.

>>> members = [MemberFacts(Status.OFFICIAL, present=True, attended=True)] * 9 + [
...     MemberFacts(Status.OFFICIAL, exempted=True), MemberFacts(Status.OFFICIAL)]
>>> base = compute_base(members)
>>> (base.base, base.threshold, base.official_present)
(10, 6, 9)
>>> settings = Settings()
>>> check_candidate_list(ElectionKind.CHI_UY, 3, [Candidate(k, k) for k in "ABCD"], settings)
[]
>>> ballot_form(4, 3)
<BallotForm.STRIKE_OUT: 'strike_out'>
>>> result = compute_result({"A": 9, "B": 8, "C": 6, "D": 4}, base.base, 3, settings)
>>> result.elected
('A', 'B', 'C')
>>> [(c.key, c.percent, c.eligible) for c in result.candidates]
[('A', '90,00', True), ('B', '80,00', True), ('C', '60,00', True), ('D', '40,00', False)]
>>> result.needs_next_round
False

The percentages are of the base (10), not of the 9 ballots.
"""

from __future__ import annotations

from congress.rules.ballots import BallotForm, BallotMarks, InvalidReason, Mark, Verdict, ballot_form, judge_ballot
from congress.rules.base import (
    Base,
    CandidateKey,
    ElectionKind,
    MemberFacts,
    Problem,
    ProblemCode,
    RuleError,
    Severity,
    Status,
    compute_base,
    more_than_half,
    quorum_required,
    raise_for_problems,
    threshold,
)
from congress.rules.lists import (
    Candidate,
    SurplusBounds,
    check_candidate_list,
    check_committee_proposal,
    max_surplus,
    outside_nominee_approved,
    surplus_bounds,
)
from congress.rules.results import (
    CandidateResult,
    NextRound,
    NextRoundReason,
    Result,
    RoundOutcome,
    bi_thu_round_outcome,
    compute_result,
    rank_alternates,
    round_outcome,
)
from congress.rules.seal import canonical_json, digest
from congress.rules.settings import Rounding, Settings, TieRule, elects_chi_uy
from congress.rules.setup import check_election_setup, check_one_ballot
from congress.rules.tally import Totals, check_totals, percent_hundredths, percent_of_base, tally

__all__ = [
    "BallotForm",
    "BallotMarks",
    "Base",
    "Candidate",
    "CandidateKey",
    "CandidateResult",
    "ElectionKind",
    "InvalidReason",
    "Mark",
    "MemberFacts",
    "NextRound",
    "NextRoundReason",
    "Problem",
    "ProblemCode",
    "Result",
    "RoundOutcome",
    "Rounding",
    "RuleError",
    "Settings",
    "Severity",
    "Status",
    "SurplusBounds",
    "TieRule",
    "Totals",
    "Verdict",
    "ballot_form",
    "bi_thu_round_outcome",
    "canonical_json",
    "check_candidate_list",
    "check_committee_proposal",
    "check_election_setup",
    "check_one_ballot",
    "check_totals",
    "compute_base",
    "compute_result",
    "digest",
    "elects_chi_uy",
    "judge_ballot",
    "max_surplus",
    "more_than_half",
    "outside_nominee_approved",
    "percent_hundredths",
    "percent_of_base",
    "quorum_required",
    "raise_for_problems",
    "rank_alternates",
    "round_outcome",
    "surplus_bounds",
    "tally",
    "threshold",
]
