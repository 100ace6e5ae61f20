"""The base (mẫu số) of every ">50%" decision, and the vocabulary the other chapters share.

Chapter 1 of the rule book: who is in the base of QĐ 190 Art. 30(2) and who may
vote now (:func:`compute_base`); the member statuses of Điều lệ Đảng Art. 3 and
QĐ 244 Art. 15(2) (:class:`Status`); the election kinds of QĐ 294 and QĐ 244
Art. 19(9) (:class:`ElectionKind`); and the two styles of failure every chapter
uses, :class:`Problem` (with its :class:`ProblemCode`) and :class:`RuleError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum

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
# Election kinds (QĐ 294; QĐ 244 Art. 19(9))
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
