"""Settings: every [B] or congress-chosen value of the rule book, with its believed default.

Sources and confidence tags are in shared/design/election-rules.md; each field
names its article next to its default.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Any

from congress.rules.base import RuleError, _require_count
from congress.rules.seal import _plain


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
