"""Elections and their structure: which elections a cell holds, how many seats, in which order.

QĐ 294-QĐ/TW (chi ủy, bí thư, phó bí thư) and QĐ 244 Art. 19(9) (one kind per ballot).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from congress.rules.base import ElectionKind, Problem, ProblemCode, _require_count
from congress.rules.settings import Settings, elects_chi_uy


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
