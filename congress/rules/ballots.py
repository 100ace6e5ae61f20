"""Ballots: the two ballot forms and whether one ballot is valid (QĐ 244 Art. 17; QĐ 190 Art. 30(1))."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from congress.rules.base import RuleError, _require_count, _require_seats
from congress.rules.settings import Settings


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
