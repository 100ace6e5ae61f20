"""The counting rules of a cell congress, in pure Python (no ORM, no floats in decisions).

Every count the app shows or prints is decided here. Each rule names the
article it implements; the sources and their confidence tags ([V] verified,
[S] secondary, [B] believed) are in shared/design/election-rules.md. Rules
tagged [B] take their value from :class:`Settings`, whose defaults are the
believed values, so a congress can change them.

Decisions use integers only: "more than half of the base" is ``2 * votes > base``.
Percentages exist for display and are computed last.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


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
