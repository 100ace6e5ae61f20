"""Candidate lists: size and surplus, who may stand, outside nominees (QĐ 190 Art. 14, Art. 8)."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from congress.rules.base import (
    CandidateKey,
    ElectionKind,
    Problem,
    ProblemCode,
    RuleError,
    Severity,
    _require_count,
    _require_seats,
)
from congress.rules.results import NextRound, NextRoundReason
from congress.rules.settings import Settings


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
