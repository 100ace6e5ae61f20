"""The counting rules of a cell congress, in pure Python (no ORM, no floats in decisions).

Every count the app shows or prints is decided here. Each rule names the
article it implements; the sources and their confidence tags ([V] verified,
[S] secondary, [B] believed) are in shared/design/election-rules.md. Rules
tagged [B] take their value from :class:`Settings`, whose defaults are the
believed values, so a congress can change them.

Decisions use integers only: "more than half of the base" is ``2 * votes > base``.
Percentages exist for display and are computed last (hundredths, round half up).

Overview, in the order of a congress:

1. :func:`compute_base` — the base (mẫu số) of QĐ 190 Art. 30(2) and who may vote.
2. :func:`check_election_setup`, :func:`check_one_ballot` — which elections a cell
   holds, how many seats, in which order (QĐ 294; QĐ 244 Art. 19(9)).
3. :func:`surplus_bounds`, :func:`check_candidate_list`,
   :func:`check_committee_proposal`, :func:`outside_nominee_approved` — the
   election list (QĐ 190 Art. 14, Art. 8).
4. :func:`ballot_form`, :func:`judge_ballot` — one ballot: valid or not, and for whom
   (QĐ 244 Art. 17, QĐ 190 Art. 30(1)).
5. :func:`tally`, :func:`check_totals` — the count and the arithmetic that blocks sign-off.
6. :func:`compute_result`, :func:`round_outcome`, :func:`rank_alternates` — who is
   elected, ties at the cut-off, shortfalls and the next round (Art. 30; QĐ 294).
7. :func:`canonical_json`, :func:`digest` — the bytes and SHA-256 that seal a result.

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

import dataclasses
import hashlib
import json
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from enum import Enum, StrEnum
from typing import Any

#: A candidate as the caller names it (a member's primary key, or a name in tests).
#: Kept to str | int so results serialise to canonical JSON unchanged.
CandidateKey = str | int


class Status(StrEnum):
    """A member's standing in the cell (Điều lệ Đảng Art. 3; QĐ 244 Art. 15(2))."""

    OFFICIAL = "official"  # đảng viên chính thức: votes, stands, is in the base
    PROBATIONARY = "probationary"  # đảng viên dự bị: attends, speaks, nominates; no vote
    TEMPORARY = "temporary"  # sinh hoạt tạm thời here from elsewhere: votes at home, not here


@dataclass(frozen=True)
class MemberFacts:
    """What the base rule needs to know about one member of the cell."""

    status: Status
    convened: bool = True
    temporary_elsewhere: bool = False  # giới thiệu sinh hoạt tạm thời ở đảng bộ khác
    exempted: bool = False  # miễn công tác và sinh hoạt đảng
    suspended: bool = False  # đình chỉ sinh hoạt đảng
    prosecuted: bool = False  # bị khởi tố, truy tố, tạm giam
    present: bool = False  # present now (at the session, vote or ballot being counted)
    attended: bool = False  # present at any time during the congress
    absence_reason_accepted: bool = False  # absence reason accepted by the convening committee


@dataclass(frozen=True)
class Base:
    """The itemised base (mẫu số) of every ">50%" decision, and who may vote now."""

    convened_official: int
    temporary_elsewhere: int
    exempted_absent: int
    suspended: int
    prosecuted: int
    absent_with_reason: int
    base: int
    threshold: int
    official_present: int
    probationary_present: int
    temporary_present: int
    quorum_required: int
    quorum_met: bool

    @property
    def excluded(self) -> int:
        return self.convened_official - self.base

    def as_dict(self) -> dict:
        return asdict(self)


def threshold(base: int) -> int:
    """Return T, the fewest votes that are more than half of ``base``: ⌊B/2⌋ + 1.

    QĐ 190 Art. 30(2): "quá một nửa". Base 10 → 6; base 9 → 5.
    """
    return base // 2 + 1


def more_than_half(votes: int, base: int) -> bool:
    """Return whether ``votes`` is more than half of ``base`` (exactly half is not).

    QĐ 190 Art. 30(2) for elections; Điều lệ Art. 9(5) with QĐ 24 item 9.3.2
    (kept by QĐ 294 [B]) for show-of-hands decisions. Integers only.
    """
    return 2 * votes > base


def quorum_required(base: int, numerator: int = 2, denominator: int = 3) -> int:
    """Return the official members who must attend: ⌈numerator/denominator × base⌉.

    [B] (election-rules.md §3.2, "Quorum"): two thirds is common practice, no
    primary text was found; a warning, not a block, and configurable.
    """
    return -(-base * numerator // denominator)


def compute_base(members: Iterable[MemberFacts], quorum: tuple[int, int] = (2, 3)) -> Base:
    """Compute the base of QĐ 190 Art. 30(2) (= QĐ 244 Art. 32(2)) for a members' congress.

    base = official members convened
           − introduced to temporary activity in another organisation
           − exempted from work and activity AND not present at the congress
             (an exempted member who attends stays in: "nếu đảng viên đó có mặt … thì vẫn tính")
           − suspended − prosecuted, indicted or detained
           − absent for the whole congress with a reason the convening committee accepted

    A member who fits several exclusions is counted once, in the first that
    applies in the article's order. Probationary members and members attached
    here temporarily are never in the base (Điều lệ Art. 3; QĐ 244 Art. 15(2)).
    An absence without an accepted reason, or for part of the congress only,
    keeps the member in the base.

    Example E1 (election-rules.md §5): 12 official convened; one exempted and
    absent, one temporarily elsewhere, one absent all congress with an accepted
    reason, one absent without reason → base 9, threshold 5, 8 present may vote.
    """
    convened = temporary = exempted_absent = suspended = prosecuted = absent_with_reason = 0
    official_present = probationary_present = temporary_present = 0
    for m in members:
        if m.status == Status.PROBATIONARY:
            probationary_present += m.present
            continue
        if m.status == Status.TEMPORARY:
            temporary_present += m.present
            continue
        if not m.convened:
            continue
        convened += 1
        if m.temporary_elsewhere:
            temporary += 1
        elif m.exempted and not m.attended and not m.present:
            exempted_absent += 1
        elif m.suspended:
            suspended += 1
        elif m.prosecuted:
            prosecuted += 1
        elif not m.attended and not m.present and m.absence_reason_accepted:
            absent_with_reason += 1
        elif m.present:
            # Only official members in the base may vote (Điều lệ Art. 3).
            official_present += 1
    base = convened - temporary - exempted_absent - suspended - prosecuted - absent_with_reason
    required = quorum_required(base, *quorum)
    return Base(
        convened_official=convened,
        temporary_elsewhere=temporary,
        exempted_absent=exempted_absent,
        suspended=suspended,
        prosecuted=prosecuted,
        absent_with_reason=absent_with_reason,
        base=base,
        threshold=threshold(base),
        official_present=official_present,
        probationary_present=probationary_present,
        temporary_present=temporary_present,
        quorum_required=required,
        quorum_met=official_present >= required,
    )


# ---------------------------------------------------------------------------
# Errors and problems
# ---------------------------------------------------------------------------


class Severity(StrEnum):
    """How a :class:`Problem` is treated: an error blocks, a warning is shown and acknowledged."""

    ERROR = "error"
    WARNING = "warning"


class ProblemCode(StrEnum):
    """Stable codes of the problems the ``check_*`` functions report (for the UI and tests)."""

    SEATS_NOT_POSITIVE = "seats_not_positive"
    CHI_UY_TOO_FEW_MEMBERS = "chi_uy_too_few_members"
    CHI_UY_TOO_MANY_SEATS = "chi_uy_too_many_seats"
    SINGLE_SEAT_ONLY = "single_seat_only"
    WRONG_ORDER = "wrong_order"
    ONE_BALLOT = "one_ballot"
    EMPTY_LIST = "empty_list"
    DUPLICATE_CANDIDATE = "duplicate_candidate"
    LIST_NOT_LONGER_THAN_SEATS = "list_not_longer_than_seats"
    LIST_SHORTER_THAN_SEATS = "list_shorter_than_seats"
    SURPLUS_TOO_LARGE = "surplus_too_large"
    PROPOSAL_SURPLUS_OUTSIDE_BAND = "proposal_surplus_outside_band"
    NOT_OFFICIAL_MEMBER = "not_official_member"
    ON_COUNTING_BOARD = "on_counting_board"
    OUTSIDE_NOMINEE_NOT_APPROVED = "outside_nominee_not_approved"
    NOT_CHI_UY_MEMBER = "not_chi_uy_member"
    TIE_LIST_MISMATCH = "tie_list_mismatch"
    NEW_NAMES_NOT_ALLOWED = "new_names_not_allowed"
    EX_OFFICIO_DELEGATE = "ex_officio_delegate"
    NEGATIVE_COUNT = "negative_count"
    COLLECTED_OVER_ISSUED = "collected_over_issued"
    ISSUED_OVER_PRESENT = "issued_over_present"
    VALID_PLUS_INVALID = "valid_plus_invalid"
    VOTES_OVER_VALID = "votes_over_valid"
    VOTES_SUM_OVER_CAPACITY = "votes_sum_over_capacity"


@dataclass(frozen=True)
class Problem:
    """A rule the data breaks, with a Vietnamese message for the users (printed as is)."""

    code: ProblemCode
    message: str
    severity: Severity = Severity.ERROR

    @property
    def blocking(self) -> bool:
        return self.severity == Severity.ERROR

    def __str__(self) -> str:
        return self.message


class RuleError(ValueError):
    """Input that cannot describe a real congress, or blocking problems a service refuses.

    The message is Vietnamese and may be shown to users. ``problems`` holds the
    blocking problems when raised by :func:`raise_for_problems`.
    """

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


def raise_for_problems(problems: Iterable[Problem]) -> None:
    """Raise :class:`RuleError` carrying the blocking problems, if there are any; warnings pass."""
    errors = [p for p in problems if p.blocking]
    if errors:
        raise RuleError(" ".join(p.message for p in errors), errors)


def _require_count(value: int, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleError(f"{what} phải là số nguyên (nhận được {value!r}).")
    if value < 0:
        raise RuleError(f"{what} không được là số âm (nhận được {value}).")


def _require_seats(seats: int) -> None:
    _require_count(seats, "Số lượng cần bầu")
    if seats < 1:
        raise RuleError("Số lượng cần bầu phải từ 1 trở lên.")


# ---------------------------------------------------------------------------
# Settings: every [B] or congress-chosen value, with its believed default
# ---------------------------------------------------------------------------


class Rounding(StrEnum):
    """How a percentage of the seats becomes a number of people (election-rules.md §3.4 [B])."""

    FLOOR = "floor"  # never exceeds the cap: the believed reading of "không quá 30%"
    HALF_UP = "half_up"
    CEIL = "ceil"

    def apply(self, seats: int, percent: int) -> int:
        """Return ``percent``% of ``seats`` as an integer, in integer arithmetic."""
        if self is Rounding.FLOOR:
            return seats * percent // 100
        if self is Rounding.CEIL:
            return -(-seats * percent // 100)
        return (2 * seats * percent + 100) // 200


class TieRule(StrEnum):
    """What happens to eligible candidates tied at the last seat (election-rules.md §3.3 item 4 [B]).

    There is deliberately no age or seniority member: that tie-break belongs to
    the state election law and must not be used in Party elections.
    """

    REVOTE_AMONG_TIED = "revote_among_tied"


@dataclass(frozen=True)
class Settings:
    """The configurable rules of one congress; defaults are the believed values.

    Store :meth:`as_dict` with the congress and rebuild with :meth:`from_dict`.
    Sources are in election-rules.md; [B] values must be confirmed before release.
    """

    # QĐ 190 Art. 14(1) [S]: "số dư tối đa … không quá 30% số lượng cần bầu".
    surplus_cap_percent: int = 30
    # [B] §3.4: floor is the only reading that never breaches "không quá 30%" (7 seats → 2).
    surplus_rounding: Rounding = Rounding.FLOOR
    # [S29] Báo Thái Nguyên Q&A (2025): bodies of 3–5 members have a surplus of at most 1.
    small_committee_min_seats: int = 3
    small_committee_max_seats: int = 5
    small_committee_max_surplus: int = 1
    # QĐ 190 Art. 14(1) [S]: the convening committee prepares a surplus of 10%–15%.
    proposal_surplus_min_percent: int = 10
    proposal_surplus_max_percent: int = 15
    # QĐ 190 Art. 14(3) [S]: an outside nominee needs "hơn 30% tổng số … dự đại hội" agreeing.
    outside_nominee_percent: int = 30
    # §3.4 [B]: delegate lists must exceed the seats; the 30% cap is only a warning.
    delegate_list_must_exceed_seats: bool = True
    delegate_surplus_cap_percent: int = 30
    # §3.6 [B]: two ballots, official delegates first, then alternates.
    alternates_after_officials: bool = True
    # §3.7 item 4 [B]: a one-name ballot with no box marked is invalid.
    blank_single_name_ballot_invalid: bool = True
    # §3.3 item 4 [B]: re-vote among the tied only; the re-vote winner still needs > 50%.
    tie_rule: TieRule = TieRule.REVOTE_AMONG_TIED
    tie_revote_requires_majority: bool = True
    # QĐ 294-QĐ/TW [S] (§3.5): chi ủy only from 9 official members, at most 7 members.
    max_chi_uy_seats: int = 7
    min_official_members_for_chi_uy: int = 9
    # QĐ 294-QĐ/TW [S] (§3.3 item 5): after the third failed round the upper committee appoints.
    bi_thu_max_rounds: int = 3
    # §3.3 item 5 [S for delegates, B for chi ủy]: the congress decides; default: no new names.
    shortfall_allows_new_names: bool = False
    # §3.2 [B]: quorum ⌈2/3 × base⌉, a warning not a block.
    quorum_numerator: int = 2
    quorum_denominator: int = 3

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "surplus_rounding":
                object.__setattr__(self, f.name, _coerce_enum(Rounding, value, f.name))
            elif f.name == "tie_rule":
                object.__setattr__(self, f.name, _coerce_enum(TieRule, value, f.name))
            elif isinstance(f.default, bool):
                if not isinstance(value, bool):
                    raise RuleError(f"Thiết lập {f.name} phải là đúng/sai (nhận được {value!r}).")
            else:
                _require_count(value, f"Thiết lập {f.name}")
        for name in (
            "surplus_cap_percent",
            "proposal_surplus_min_percent",
            "proposal_surplus_max_percent",
            "outside_nominee_percent",
            "delegate_surplus_cap_percent",
        ):
            if getattr(self, name) > 100:
                raise RuleError(f"Thiết lập {name} là tỷ lệ phần trăm, không được lớn hơn 100.")
        if self.proposal_surplus_min_percent > self.proposal_surplus_max_percent:
            raise RuleError("Tỷ lệ số dư tối thiểu của danh sách do cấp ủy chuẩn bị lớn hơn tỷ lệ tối đa.")
        if self.small_committee_min_seats > self.small_committee_max_seats:
            raise RuleError("Khoảng số lượng cấp ủy nhỏ (từ … đến …) không hợp lệ.")
        if self.bi_thu_max_rounds < 1 or self.max_chi_uy_seats < 1:
            raise RuleError("Số lần bầu bí thư tối đa và số chi ủy viên tối đa phải từ 1 trở lên.")
        if self.quorum_denominator < 1 or self.quorum_numerator > self.quorum_denominator:
            raise RuleError("Tỷ lệ số đảng viên phải có mặt (quorum) không hợp lệ.")

    @property
    def quorum(self) -> tuple[int, int]:
        """The quorum fraction as :func:`compute_base` takes it."""
        return (self.quorum_numerator, self.quorum_denominator)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Settings:
        """Rebuild settings; unknown keys are refused so a typo cannot silently keep a default."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise RuleError(f"Thiết lập không được hỗ trợ: {', '.join(unknown)}.")
        return cls(**data)


def _coerce_enum(enum: type[Enum], value: Any, name: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        raise RuleError(f"Thiết lập {name} không hợp lệ: {value!r}.") from None


def elects_chi_uy(official_members: int, settings: Settings) -> bool:
    """Return whether the cell elects a chi ủy: 9 official members or more.

    QĐ 294-QĐ/TW [S] (§3.5): "Chi bộ có 9 đảng viên chính thức trở lên bầu chi ủy";
    with fewer, the cell elects a bí thư and, if needed, one phó bí thư.
    """
    _require_count(official_members, "Số đảng viên chính thức")
    return official_members >= settings.min_official_members_for_chi_uy


# ---------------------------------------------------------------------------
# Elections and their structure (QĐ 294; QĐ 244 Art. 19(9))
# ---------------------------------------------------------------------------


class ElectionKind(StrEnum):
    """What one ballot elects; a ballot never elects two kinds (QĐ 244 Art. 19(9) [S])."""

    CHI_UY = "chi_uy"
    BI_THU = "bi_thu"
    PHO_BI_THU = "pho_bi_thu"
    DELEGATE = "delegate"
    ALTERNATE_DELEGATE = "alternate_delegate"

    @property
    def label(self) -> str:
        """Vietnamese name as printed in minutes ("bầu chi ủy", "bầu bí thư chi bộ", …)."""
        return _KIND_LABELS[self]

    @property
    def single_seat(self) -> bool:
        return self in (ElectionKind.BI_THU, ElectionKind.PHO_BI_THU)


_KIND_LABELS = {
    ElectionKind.CHI_UY: "chi ủy",
    ElectionKind.BI_THU: "bí thư chi bộ",
    ElectionKind.PHO_BI_THU: "phó bí thư chi bộ",
    ElectionKind.DELEGATE: "đại biểu chính thức dự đại hội cấp trên",
    ElectionKind.ALTERNATE_DELEGATE: "đại biểu dự khuyết dự đại hội cấp trên",
}


def check_election_setup(
    kind: ElectionKind,
    seats: int,
    official_members: int,
    settings: Settings,
    *,
    completed: Collection[ElectionKind] = (),
) -> list[Problem]:
    """Check that the cell may hold this election now, for this number of seats.

    QĐ 294-QĐ/TW [S] (election-rules.md §3.5):
    - chi ủy only when the cell has ≥ 9 official members, and at most 7 seats;
    - bí thư: one seat; phó bí thư: one seat ("bầu một phó bí thư");
    - order: chi ủy first, then bí thư, then phó bí thư ("bầu chi ủy trước, sau đó
      bầu bí thư, bầu một phó bí thư"); without a chi ủy, bí thư before phó bí thư.
    §3.6 [B] (``alternates_after_officials``): official delegates before alternates.

    ``official_members`` is the number of official members of the cell (e.g.
    ``Base.convened_official``); ``completed`` the kinds already held at this
    congress (a bí thư appointed by the upper committee counts as held).
    """
    _require_count(seats, "Số lượng cần bầu")
    kind = ElectionKind(kind)
    problems: list[Problem] = []
    has_chi_uy = elects_chi_uy(official_members, settings)
    if seats < 1:
        problems.append(Problem(ProblemCode.SEATS_NOT_POSITIVE, "Số lượng cần bầu phải từ 1 trở lên."))
    if kind == ElectionKind.CHI_UY:
        if not has_chi_uy:
            problems.append(
                Problem(
                    ProblemCode.CHI_UY_TOO_FEW_MEMBERS,
                    f"Chi bộ có {official_members} đảng viên chính thức (dưới "
                    f"{settings.min_official_members_for_chi_uy}) nên không bầu chi ủy, chỉ bầu bí thư và, "
                    "nếu cần, một phó bí thư (Quy định 294-QĐ/TW).",
                )
            )
        if seats > settings.max_chi_uy_seats:
            problems.append(
                Problem(
                    ProblemCode.CHI_UY_TOO_MANY_SEATS,
                    f"Chi bộ bầu không quá {settings.max_chi_uy_seats} chi ủy viên; số lượng đề nghị là "
                    f"{seats} (Quy định 294-QĐ/TW).",
                )
            )
    if kind.single_seat and seats != 1:
        problems.append(
            Problem(
                ProblemCode.SINGLE_SEAT_ONLY,
                f"Mỗi lần chỉ bầu một {kind.label}; số lượng cần bầu phải là 1 (Quy định 294-QĐ/TW).",
            )
        )
    done = {ElectionKind(k) for k in completed}
    before: list[ElectionKind] = []
    if kind == ElectionKind.BI_THU and has_chi_uy:
        before = [ElectionKind.CHI_UY]
    elif kind == ElectionKind.PHO_BI_THU:
        before = [ElectionKind.CHI_UY, ElectionKind.BI_THU] if has_chi_uy else [ElectionKind.BI_THU]
    elif kind == ElectionKind.ALTERNATE_DELEGATE and settings.alternates_after_officials:
        before = [ElectionKind.DELEGATE]
    for earlier in before:
        if earlier not in done:
            problems.append(
                Problem(
                    ProblemCode.WRONG_ORDER,
                    f"Phải bầu {earlier.label} trước khi bầu {kind.label} (thứ tự: chi ủy, bí thư, "
                    "phó bí thư; đại biểu chính thức trước đại biểu dự khuyết).",
                )
            )
    return problems


def check_one_ballot(kinds: Iterable[ElectionKind]) -> list[Problem]:
    """Refuse one ballot that elects several kinds at once.

    QĐ 244 Art. 19(9) [S] (§3.5): "việc bầu một lần cả chi ủy, bí thư, phó bí thư
    trên cùng một lá phiếu là không đúng quy định"; §3.6 [B]: official and alternate
    delegates on two ballots.
    """
    distinct = list(dict.fromkeys(ElectionKind(k) for k in kinds))
    if len(distinct) <= 1:
        return []
    names = ", ".join(k.label for k in distinct)
    return [
        Problem(
            ProblemCode.ONE_BALLOT,
            f"Không được bầu {names} trên cùng một lá phiếu; mỗi cuộc bầu dùng một phiếu riêng.",
        )
    ]


# ---------------------------------------------------------------------------
# Candidate lists (QĐ 190 Art. 14, Art. 8)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One person on an election list, with the facts the list rules need.

    ``official_member``: an official member of this cell (Rule 1c, QĐ 244 Art. 11(2)).
    ``proposed_by_committee``: on the convening committee's list; otherwise
    ``nomination_yes`` is the number who agreed to put the person on the list
    (QĐ 190 Art. 14(3)), ``None`` if that vote has not been held.
    ``elected_chi_uy``: elected to the new chi ủy at this congress (for bí thư/phó bí thư).
    ``ex_officio``: an ex-officio delegate to the upper congress (§3.6 [B]).
    """

    key: CandidateKey
    name: str
    official_member: bool = True
    proposed_by_committee: bool = True
    nomination_yes: int | None = None
    elected_chi_uy: bool = False
    ex_officio: bool = False


@dataclass(frozen=True)
class SurplusBounds:
    """How many names a list may have, to show the users the computed bounds (§3.4).

    ``min_names``: fewest names allowed (blocking below). ``max_names``: most names;
    above it is blocking when ``cap_blocking``, else a warning; ``None``: no cap.
    ``proposal_min_names``/``proposal_max_names``: the convening committee's own
    list (10–15% surplus, chi ủy only), ``None`` for other kinds.
    """

    seats: int
    min_names: int
    max_names: int | None
    cap_blocking: bool
    small_committee: bool
    proposal_min_names: int | None = None
    proposal_max_names: int | None = None


def max_surplus(seats: int, settings: Settings, *, percent: int | None = None) -> int:
    """Return the largest surplus for a committee list of ``seats``.

    QĐ 190 Art. 14(1) [S]: at most 30% of the seats, rounded by ``surplus_rounding``
    ([B], floor: 7 → 2, 6 → 1). [S29]: 3–5 seats → at most 1. [B] When the rounded
    cap is 0 (1–2 seats), 1 is allowed: Art. 14(1) also requires more names than
    seats, and the small-committee rule shows one surplus name is the practice.
    """
    _require_seats(seats)
    if settings.small_committee_min_seats <= seats <= settings.small_committee_max_seats:
        return settings.small_committee_max_surplus
    cap = settings.surplus_rounding.apply(seats, settings.surplus_cap_percent if percent is None else percent)
    return max(1, cap)


def surplus_bounds(kind: ElectionKind, seats: int, settings: Settings) -> SurplusBounds:
    """Return the list-size bounds for an election (QĐ 190 Art. 14; §3.4, §3.6).

    - chi ủy: more names than seats, at most seats + :func:`max_surplus` (blocking);
      the committee's proposal carries 10–15% (at least 1, at most the cap).
    - bí thư, phó bí thư: at least as many names as seats (a one-name yes/no
      ballot is normal); a surplus is allowed, not required, and not capped [B].
    - delegates, alternates: more names than seats when
      ``delegate_list_must_exceed_seats`` [B]; the 30% cap is a warning [B].

    E10: chi ủy 3 → at most 4 names; 5 → 6; 7 → 9; the proposal for 7 → 8.
    """
    kind = ElectionKind(kind)
    _require_seats(seats)
    small = settings.small_committee_min_seats <= seats <= settings.small_committee_max_seats
    if kind == ElectionKind.CHI_UY:
        cap = max_surplus(seats, settings)
        lo = min(max(1, -(-seats * settings.proposal_surplus_min_percent // 100)), cap)
        hi = max(lo, min(cap, seats * settings.proposal_surplus_max_percent // 100))
        return SurplusBounds(seats, seats + 1, seats + cap, True, small, seats + lo, seats + hi)
    if kind.single_seat:
        return SurplusBounds(seats, seats, None, False, False)
    cap = max(1, settings.surplus_rounding.apply(seats, settings.delegate_surplus_cap_percent))
    minimum = seats + 1 if settings.delegate_list_must_exceed_seats else seats
    return SurplusBounds(seats, minimum, seats + cap, False, False)


def outside_nominee_approved(yes: int, present: int, settings: Settings) -> bool:
    """Return whether a nominee outside the committee's list may go on the list.

    QĐ 190 Art. 14(3) [S]: "phải được từ hơn 30% tổng số đại biểu (đảng viên) dự đại
    hội … đồng ý giới thiệu" — of those *present*, not of the base. Integers:
    ``100 * yes > 30 * present`` (= ``10 * yes > 3 * present``); exactly 30% fails.
    """
    _require_count(yes, "Số người đồng ý")
    _require_count(present, "Số đảng viên dự đại hội")
    if yes > present:
        raise RuleError(f"Số người đồng ý ({yes}) nhiều hơn số đảng viên dự đại hội ({present}).")
    return 100 * yes > settings.outside_nominee_percent * present


def check_candidate_list(
    kind: ElectionKind,
    seats: int,
    candidates: Sequence[Candidate],
    settings: Settings,
    *,
    present: int | None = None,
    counting_board: Collection[CandidateKey] = (),
    has_chi_uy: bool = False,
    later_round: NextRound | None = None,
) -> list[Problem]:
    """Check an election list before ballots are printed; return the problems.

    - Names: at least :func:`surplus_bounds` ``.min_names`` (chi ủy: "phải nhiều hơn
      số lượng cần bầu", QĐ 190 Art. 14(1)); at most ``.max_names`` (30% floor, 3–5
      seats → 1; a warning for delegates [B]).
    - Each candidate an official member of this cell (Rule 1c, QĐ 244 Art. 11(2)).
    - Nobody on the vote-counting board (QĐ 190 Art. 8: members are "đảng viên
      chính thức … không có tên trong danh sách bầu cử").
    - A nominee not proposed by the convening committee approved by > 30% of the
      ``present`` members (Art. 14(3)), see :func:`outside_nominee_approved`.
    - bí thư, phó bí thư when the cell has a chi ủy: elected chi ủy members
      ("bầu một phó bí thư trong số chi ủy viên", QĐ 294 [S], §3.5).
    - delegates: no ex-officio delegate (§3.6 [B]); nobody twice.

    Later rounds pass the :class:`NextRound` proposed by :func:`compute_result` as
    ``later_round`` (and its seats): a tie re-vote lists exactly the tied
    candidates, whatever their number (§3.3 item 4 [B]); a shortfall round may
    add names only when ``may_add_names`` (the congress's decision, §3.3 item 5)
    and its surplus cap is a warning, because the carried-over names come from a
    list the congress already adopted [B].
    """
    kind = ElectionKind(kind)
    _require_seats(seats)
    problems: list[Problem] = []
    n = len(candidates)
    if n == 0:
        return [Problem(ProblemCode.EMPTY_LIST, f"Danh sách bầu cử {kind.label} chưa có người nào.")]
    bounds = surplus_bounds(kind, seats, settings)
    if later_round is not None:
        carried = set(later_round.candidates)
        listed = [c.key for c in candidates]
        if later_round.reason == NextRoundReason.TIE:
            bounds = dataclasses.replace(bounds, max_names=None)
            if set(listed) != carried or seats != later_round.seats:
                problems.append(
                    Problem(
                        ProblemCode.TIE_LIST_MISMATCH,
                        f"Bầu lại chỉ trong số {len(carried)} đồng chí có số phiếu bằng nhau, cho "
                        f"{later_round.seats} chỗ còn lại; danh sách và số lượng cần bầu phải đúng như vậy.",
                    )
                )
        else:
            bounds = dataclasses.replace(bounds, cap_blocking=False)
            added = [c.name for c in candidates if c.key not in carried]
            if added and not later_round.may_add_names:
                problems.append(
                    Problem(
                        ProblemCode.NEW_NAMES_NOT_ALLOWED,
                        f"Đại hội chưa quyết định bổ sung người ngoài danh sách bầu cử lần trước: {', '.join(added)}.",
                    )
                )
    if n < bounds.min_names:
        if n <= seats and bounds.min_names > seats:
            problems.append(
                Problem(
                    ProblemCode.LIST_NOT_LONGER_THAN_SEATS,
                    f"Số lượng người trong danh sách bầu cử {kind.label} phải nhiều hơn số lượng cần bầu: "
                    f"cần bầu {seats}, danh sách có {n} người (Điều 14, Quy chế bầu cử trong Đảng).",
                )
            )
        else:
            problems.append(
                Problem(
                    ProblemCode.LIST_SHORTER_THAN_SEATS,
                    f"Danh sách bầu cử {kind.label} có {n} người, ít hơn số lượng cần bầu ({seats}).",
                )
            )
    if bounds.max_names is not None and n > bounds.max_names:
        surplus = n - seats
        allowed = bounds.max_names - seats
        if bounds.small_committee:
            why = (
                f"nơi có từ {settings.small_committee_min_seats} đến {settings.small_committee_max_seats} "
                f"ủy viên thì số dư tối đa là {settings.small_committee_max_surplus} người"
            )
        else:
            percent = (
                settings.surplus_cap_percent if kind == ElectionKind.CHI_UY else settings.delegate_surplus_cap_percent
            )
            why = f"số dư không quá {percent}% số lượng cần bầu"
        problems.append(
            Problem(
                ProblemCode.SURPLUS_TOO_LARGE,
                f"Danh sách bầu cử {kind.label} có {n} người cho {seats} người cần bầu: số dư {surplus} người "
                f"vượt mức tối đa {allowed} người ({why}); danh sách có tối đa {bounds.max_names} người. "
                "Nếu danh sách vượt quá mức này, đại hội xin ý kiến để chọn người đưa vào danh sách.",
                Severity.ERROR if bounds.cap_blocking else Severity.WARNING,
            )
        )
    board = set(counting_board)
    seen: set[CandidateKey] = set()
    for c in candidates:
        if c.key in seen:
            problems.append(
                Problem(
                    ProblemCode.DUPLICATE_CANDIDATE,
                    f"Đồng chí {c.name} có tên hai lần trong danh sách bầu cử.",
                )
            )
            continue
        seen.add(c.key)
        if not c.official_member:
            problems.append(
                Problem(
                    ProblemCode.NOT_OFFICIAL_MEMBER,
                    f"Đồng chí {c.name} không phải là đảng viên chính thức của chi bộ nên không được đưa vào "
                    "danh sách bầu cử.",
                )
            )
        if c.key in board:
            problems.append(
                Problem(
                    ProblemCode.ON_COUNTING_BOARD,
                    f"Đồng chí {c.name} là thành viên Ban kiểm phiếu nên không được có tên trong danh sách "
                    "bầu cử (Điều 8, Quy chế bầu cử trong Đảng).",
                )
            )
        if not c.proposed_by_committee:
            approved = (
                c.nomination_yes is not None
                and present is not None
                and outside_nominee_approved(c.nomination_yes, present, settings)
            )
            if not approved:
                if c.nomination_yes is None or present is None:
                    detail = "chưa có kết quả biểu quyết giới thiệu"
                else:
                    detail = f"mới có {c.nomination_yes}/{present} đồng chí đồng ý"
                problems.append(
                    Problem(
                        ProblemCode.OUTSIDE_NOMINEE_NOT_APPROVED,
                        f"Đồng chí {c.name} không do cấp ủy triệu tập đại hội giới thiệu nên phải được hơn "
                        f"{settings.outside_nominee_percent}% tổng số đảng viên dự đại hội đồng ý giới thiệu "
                        f"mới được đưa vào danh sách bầu cử; {detail} (Điều 14, Quy chế bầu cử trong Đảng).",
                    )
                )
        if kind.single_seat and has_chi_uy and not c.elected_chi_uy:
            problems.append(
                Problem(
                    ProblemCode.NOT_CHI_UY_MEMBER,
                    f"Đồng chí {c.name} chưa trúng cử chi ủy khóa mới nên không được ứng cử {kind.label}: "
                    f"{kind.label} được bầu trong số chi ủy viên (Quy định 294-QĐ/TW).",
                )
            )
        if kind in (ElectionKind.DELEGATE, ElectionKind.ALTERNATE_DELEGATE) and c.ex_officio:
            problems.append(
                Problem(
                    ProblemCode.EX_OFFICIO_DELEGATE,
                    f"Đồng chí {c.name} là đại biểu đương nhiên dự đại hội cấp trên nên không đưa vào danh sách "
                    "bầu đại biểu.",
                )
            )
    return problems


def check_committee_proposal(seats: int, n_names: int, settings: Settings) -> list[Problem]:
    """Warn when the convening committee's chi ủy proposal is outside the 10–15% surplus.

    QĐ 190 Art. 14(1) [S]: "cấp ủy triệu tập đại hội … chuẩn bị số lượng nhân sự … có
    số dư từ 10%-15%". A warning: the congress builds the final list (Art. 14(3)).
    Rounding [B]: the whole numbers inside the band, at least 1 and at most the
    30% cap (E10: 7 seats → 0.7–1.05 → 1 → a list of 8).
    """
    _require_count(n_names, "Số người trong danh sách")
    bounds = surplus_bounds(ElectionKind.CHI_UY, seats, settings)
    assert bounds.proposal_min_names is not None and bounds.proposal_max_names is not None
    if bounds.proposal_min_names <= n_names <= bounds.proposal_max_names:
        return []
    lo, hi = bounds.proposal_min_names - seats, bounds.proposal_max_names - seats
    band = f"{lo} người" if lo == hi else f"từ {lo} đến {hi} người"
    return [
        Problem(
            ProblemCode.PROPOSAL_SURPLUS_OUTSIDE_BAND,
            f"Danh sách chi ủy do cấp ủy chuẩn bị nên có số dư từ {settings.proposal_surplus_min_percent}% đến "
            f"{settings.proposal_surplus_max_percent}% số lượng cần bầu, tức là {band} cho {seats} chi ủy viên; "
            f"danh sách hiện có số dư {n_names - seats} người.",
            Severity.WARNING,
        )
    ]


# ---------------------------------------------------------------------------
# Ballots (QĐ 244 Art. 17; QĐ 190 Art. 30(1))
# ---------------------------------------------------------------------------


class BallotForm(StrEnum):
    """The two ballot forms of QĐ 244 Art. 17(1) [S] (§3.7)."""

    STRIKE_OUT = "strike_out"  # more names than seats: cross through the names not voted for
    YES_NO = "yes_no"  # no surplus: STT | họ và tên | đồng ý | không đồng ý


def ballot_form(n_candidates: int, seats: int) -> BallotForm:
    """Return the ballot form: strike-out when the list has more names than seats, else yes/no.

    A list with fewer names than seats (only on a later round the congress allows)
    also uses the yes/no form.
    """
    _require_seats(seats)
    _require_count(n_candidates, "Số người trong danh sách")
    if n_candidates < 1:
        raise RuleError("Danh sách bầu cử chưa có người nào.")
    return BallotForm.STRIKE_OUT if n_candidates > seats else BallotForm.YES_NO


class Mark(StrEnum):
    """What a voter marked against one name on a yes/no ballot."""

    YES = "yes"  # X in "đồng ý" only
    NO = "no"  # X in "không đồng ý" only
    BOTH = "both"  # X in both boxes
    NONE = "none"  # no X


class InvalidReason(StrEnum):
    """Why a ballot is invalid (§3.7, QĐ 244 Art. 17(2) [S], practice [S32]); see :attr:`label`."""

    NOT_ISSUED = "not_issued"
    NAMES_ADDED = "names_added"
    DISTINGUISHING_MARKS = "distinguishing_marks"
    BOARD_RULING = "board_ruling"
    TOO_MANY = "too_many"
    ALL_CROSSED = "all_crossed"
    BOTH_BOXES = "both_boxes"
    NO_BOX = "no_box"

    @property
    def label(self) -> str:
        """Vietnamese wording for the count minutes."""
        return _INVALID_LABELS[self]


_INVALID_LABELS = {
    InvalidReason.NOT_ISSUED: "Phiếu không do Ban kiểm phiếu phát ra",
    InvalidReason.NAMES_ADDED: "Phiếu ghi thêm tên người ngoài danh sách bầu cử",
    InvalidReason.DISTINGUISHING_MARKS: "Phiếu có dấu hiệu riêng, có ký tên hoặc viết bằng nhiều loại mực",
    InvalidReason.BOARD_RULING: "Phiếu được Ban kiểm phiếu kết luận là không hợp lệ",
    InvalidReason.TOO_MANY: "Phiếu bầu nhiều hơn số lượng cần bầu",
    InvalidReason.ALL_CROSSED: "Phiếu gạch tên tất cả những người trong danh sách bầu cử",
    InvalidReason.BOTH_BOXES: (
        "Phiếu đánh dấu X vào cả ô đồng ý và ô không đồng ý trong danh sách bầu cử chỉ có 01 người"
    ),
    InvalidReason.NO_BOX: "Phiếu không đánh dấu X vào ô nào trong danh sách bầu cử chỉ có 01 người",
}


@dataclass(frozen=True)
class BallotMarks:
    """One ballot as entered by the vote-counting board. Candidates are numbered by STT from 1.

    Strike-out form: ``kept`` is the set of STT whose names are left *uncrossed*
    (the names voted for; a name counts as crossed only when the board judges the
    whole name struck through, §3.7). Yes/no form: ``answers`` maps STT to a
    :class:`Mark`; an STT left out means no box marked (:attr:`Mark.NONE`).

    Flags (§3.7 items 1, 5, 6 and Art. 8): ``not_issued_by_board`` (also an
    unsealed ballot [B]), ``names_added`` (a name from outside the list written
    in), ``distinguishing_marks`` (marks, signatures, several inks), and
    ``ruled_invalid_by_board`` for another ground the board concludes on under
    Art. 8 ("xem xét và kết luận về các phiếu không hợp lệ"); record its reason.
    """

    kept: frozenset[int] | None = None
    answers: Mapping[int, Mark] | None = None
    not_issued_by_board: bool = False
    names_added: bool = False
    distinguishing_marks: bool = False
    ruled_invalid_by_board: bool = False

    def __post_init__(self) -> None:
        if (self.kept is None) == (self.answers is None):
            raise RuleError("Một phiếu bầu phải ghi hoặc các tên không bị gạch, hoặc các ô đã đánh dấu.")
        if self.kept is not None:
            object.__setattr__(self, "kept", frozenset(self.kept))
        if self.answers is not None:
            object.__setattr__(self, "answers", {stt: Mark(m) for stt, m in dict(self.answers).items()})

    @classmethod
    def strike_out(cls, kept: Iterable[int], **flags: bool) -> BallotMarks:
        return cls(kept=frozenset(kept), **flags)

    @classmethod
    def yes_no(cls, answers: Mapping[int, Mark | str], **flags: bool) -> BallotMarks:
        return cls(answers={stt: Mark(m) for stt, m in answers.items()}, **flags)


@dataclass(frozen=True)
class Verdict:
    """The board's verdict on one ballot: valid or the reason it is not, and the STT voted for."""

    valid: bool
    reason: InvalidReason | None = None
    votes: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if self.valid != (self.reason is None):
            raise RuleError("Phiếu hợp lệ không có lý do không hợp lệ, và ngược lại.")
        if not self.valid and self.votes:
            raise RuleError("Phiếu không hợp lệ không được tính phiếu bầu cho ai.")


def judge_ballot(marks: BallotMarks, n_candidates: int, seats: int, form: BallotForm, settings: Settings) -> Verdict:
    """Decide whether one ballot is valid and whom it votes for (§3.7, §4).

    Grounds are checked in this order and the first one found is the reason:
    not issued by the board; names added; distinguishing marks; the board's own
    ruling; then the form's rules:

    - strike-out (more names than seats): more names kept than seats → invalid
      (QĐ 244 Art. 17(2) "bầu đủ hoặc thiếu số lượng cần bầu"); every name crossed →
      invalid ("không bầu ai trong danh sách bầu nhiều người" [S31]); fewer than
      seats kept is valid and each kept name gets a vote.
    - yes/no, one name: exactly one box → valid ("đồng ý" is a vote); both boxes →
      invalid [S32]; no box → invalid when ``blank_single_name_ballot_invalid`` [B].
    - yes/no, several names: always valid; a name gets a vote only when "đồng ý"
      alone is marked; both or neither → no vote for that name, the ballot stays
      valid (QĐ 190 Art. 30(1) [S], verbatim). All "không đồng ý" is valid too (§4).

    A candidate number outside 1..``n_candidates`` is a data-entry error, not a
    voter's act (the voter cannot write a number; a written-in name is
    ``names_added``), so it raises :class:`RuleError` rather than invalidating the
    ballot. So does a ``form`` that does not match the list, or marks of the other form.
    """
    _require_seats(seats)
    form = BallotForm(form)
    if ballot_form(n_candidates, seats) != form:
        raise RuleError(f"Mẫu phiếu {form} không đúng với danh sách {n_candidates} người bầu {seats} người.")
    numbers = marks.kept if form == BallotForm.STRIKE_OUT else marks.answers
    if numbers is None:
        raise RuleError("Cách ghi phiếu không đúng với mẫu phiếu (gạch tên hay đánh dấu đồng ý/không đồng ý).")
    for stt in numbers:
        if isinstance(stt, bool) or not isinstance(stt, int) or not 1 <= stt <= n_candidates:
            raise RuleError(f"Số thứ tự {stt!r} không có trong danh sách bầu cử (1 đến {n_candidates}).")
    for flag, reason in (
        (marks.not_issued_by_board, InvalidReason.NOT_ISSUED),
        (marks.names_added, InvalidReason.NAMES_ADDED),
        (marks.distinguishing_marks, InvalidReason.DISTINGUISHING_MARKS),
        (marks.ruled_invalid_by_board, InvalidReason.BOARD_RULING),
    ):
        if flag:
            return Verdict(False, reason)
    if form == BallotForm.STRIKE_OUT:
        kept = marks.kept or frozenset()
        if len(kept) > seats:
            return Verdict(False, InvalidReason.TOO_MANY)
        if not kept:
            return Verdict(False, InvalidReason.ALL_CROSSED)
        return Verdict(True, None, tuple(sorted(kept)))
    answers = marks.answers or {}
    if n_candidates == 1:
        mark = answers.get(1, Mark.NONE)
        if mark == Mark.BOTH:
            return Verdict(False, InvalidReason.BOTH_BOXES)
        if mark == Mark.NONE and settings.blank_single_name_ballot_invalid:
            return Verdict(False, InvalidReason.NO_BOX)
        return Verdict(True, None, (1,) if mark == Mark.YES else ())
    return Verdict(True, None, tuple(sorted(stt for stt, m in answers.items() if m == Mark.YES)))


# ---------------------------------------------------------------------------
# Totals and the arithmetic that blocks sign-off
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# Results: eligibility, ranking, ties, shortfalls (QĐ 190 Art. 30; §3.3)
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# Sealing: canonical JSON and its SHA-256
# ---------------------------------------------------------------------------


def _plain(obj: Any) -> Any:
    """Turn results, settings and containers into JSON values: no floats, str keys, NFC text."""
    if obj is None or isinstance(obj, bool):
        return obj
    if isinstance(obj, Enum):
        return _plain(obj.value)
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, int):
        return obj
    if isinstance(obj, float):
        raise RuleError("Dữ liệu niêm phong không được chứa số thực; dùng số nguyên hoặc chuỗi.")
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        as_dict = getattr(obj, "as_dict", None)
        if as_dict is not None:
            return _plain(as_dict())
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Mapping):
        out: dict[str, Any] = {}
        for k, v in obj.items():
            if isinstance(k, Enum):
                k = k.value
            if not isinstance(k, str):
                raise RuleError(f"Khóa của dữ liệu niêm phong phải là chuỗi (nhận được {k!r}).")
            k = unicodedata.normalize("NFC", k)
            if k in out:
                raise RuleError(f"Khóa {k!r} bị lặp lại sau khi chuẩn hóa.")
            out[k] = _plain(v)
        return out
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    if isinstance(obj, set | frozenset):
        items = [_plain(v) for v in obj]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    raise RuleError(f"Không niêm phong được dữ liệu kiểu {type(obj).__name__}.")


def canonical_json(obj: Any) -> bytes:
    """Return the canonical UTF-8 JSON of ``obj`` for sealing a result.

    Sorted keys, no spaces, ``ensure_ascii=False``, strings in Unicode NFC (so a
    name typed with combining accents seals the same as the precomposed one).
    Dataclasses (:class:`Result`, :class:`Totals`, :class:`Settings`) and enums are
    turned into plain values; dict keys must be strings; floats are refused
    (decisions are integers; percentages are strings).
    """
    return json.dumps(_plain(obj), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def digest(obj: Any) -> str:
    """Return the SHA-256 hex digest of :func:`canonical_json` — printed on the minutes as the seal."""
    return hashlib.sha256(canonical_json(obj)).hexdigest()
