"""Ballot form and validity (QĐ 244 Art. 17; QĐ 190 Art. 30(1); election-rules.md §3.7, §4)."""

from __future__ import annotations

import pytest

from congress.rules import (
    BallotForm,
    BallotMarks,
    InvalidReason,
    Mark,
    RuleError,
    Settings,
    Verdict,
    ballot_form,
    judge_ballot,
)

S = Settings()
STRIKE, YES_NO = BallotForm.STRIKE_OUT, BallotForm.YES_NO
R = InvalidReason


@pytest.mark.parametrize(
    "n,seats,form", [(4, 3, STRIKE), (2, 1, STRIKE), (3, 3, YES_NO), (1, 1, YES_NO), (2, 3, YES_NO)]
)
def test_art_17_ballot_form_strike_out_with_surplus_yes_no_without(n, seats, form):
    assert ballot_form(n, seats) == form


@pytest.mark.parametrize("n,seats", [(0, 1), (3, 0), (-1, 1)])
def test_ballot_form_refuses_impossible_lists(n, seats):
    with pytest.raises(RuleError):
        ballot_form(n, seats)


def strike(kept, **flags):
    return judge_ballot(BallotMarks.strike_out(kept, **flags), 4, 3, STRIKE, S)


@pytest.mark.parametrize(
    "kept,valid,reason,votes",
    [
        ({1, 2, 3}, True, None, (1, 2, 3)),  # exactly seats kept
        ({2, 4}, True, None, (2, 4)),  # fewer than seats is valid
        ({3}, True, None, (3,)),
        ({1, 2, 3, 4}, False, R.TOO_MANY, ()),  # nothing crossed: 4 > 3
        (set(), False, R.ALL_CROSSED, ()),  # everyone crossed on a multi-name list
    ],
)
def test_art_17_strike_out_validity(kept, valid, reason, votes):
    assert strike(kept) == Verdict(valid, reason, votes)


def test_art_17_more_names_kept_than_seats_is_invalid_on_a_one_seat_list():
    marks = BallotMarks.strike_out({1, 2})
    assert judge_ballot(marks, 3, 1, STRIKE, S).reason == R.TOO_MANY
    assert judge_ballot(BallotMarks.strike_out({2}), 3, 1, STRIKE, S).votes == (2,)


@pytest.mark.parametrize(
    "flag,reason",
    [
        ("not_issued_by_board", R.NOT_ISSUED),
        ("names_added", R.NAMES_ADDED),
        ("distinguishing_marks", R.DISTINGUISHING_MARKS),
        ("ruled_invalid_by_board", R.BOARD_RULING),
    ],
)
def test_art_17_flags_make_any_ballot_invalid(flag, reason):
    assert strike({1, 2}, **{flag: True}) == Verdict(False, reason)
    marks = BallotMarks.yes_no({1: Mark.YES}, **{flag: True})
    assert judge_ballot(marks, 1, 1, YES_NO, S) == Verdict(False, reason)


def test_art_17_first_ground_is_the_reason():
    assert strike(set(), not_issued_by_board=True, names_added=True).reason == R.NOT_ISSUED
    assert strike({1, 2, 3, 4}, distinguishing_marks=True).reason == R.DISTINGUISHING_MARKS


@pytest.mark.parametrize(
    "mark,valid,reason,votes",
    [
        (Mark.YES, True, None, (1,)),
        (Mark.NO, True, None, ()),
        (Mark.BOTH, False, R.BOTH_BOXES, ()),
        (Mark.NONE, False, R.NO_BOX, ()),
    ],
)
def test_art_17_single_name_list_one_box_only(mark, valid, reason, votes):
    assert judge_ballot(BallotMarks.yes_no({1: mark}), 1, 1, YES_NO, S) == Verdict(valid, reason, votes)


def test_b_blank_single_name_ballot_invalid_is_a_setting():
    assert judge_ballot(BallotMarks.yes_no({}), 1, 1, YES_NO, S).reason == R.NO_BOX
    lenient = Settings(blank_single_name_ballot_invalid=False)
    assert judge_ballot(BallotMarks.yes_no({}), 1, 1, YES_NO, lenient) == Verdict(True, None, ())
    # Both boxes stays invalid whatever the setting.
    assert judge_ballot(BallotMarks.yes_no({1: "both"}), 1, 1, YES_NO, lenient).reason == R.BOTH_BOXES


def test_art_30_1_multi_name_no_surplus_both_or_no_box_gives_no_vote_but_valid():
    marks = BallotMarks.yes_no({1: Mark.YES, 2: Mark.BOTH, 3: Mark.NONE, 4: Mark.NO, 5: Mark.YES})
    assert judge_ballot(marks, 5, 5, YES_NO, S) == Verdict(True, None, (1, 5))
    all_no = BallotMarks.yes_no({i: Mark.NO for i in (1, 2, 3)})
    assert judge_ballot(all_no, 3, 3, YES_NO, S) == Verdict(True, None, ())


@pytest.mark.parametrize("stt", [0, 5, -1])
def test_candidate_number_out_of_range_is_an_input_error_not_an_invalid_ballot(stt):
    with pytest.raises(RuleError, match="không có trong danh sách"):
        strike({1, stt})
    with pytest.raises(RuleError):
        judge_ballot(BallotMarks.yes_no({stt: Mark.YES}), 4, 4, YES_NO, S)


def test_form_mismatch_is_an_input_error():
    with pytest.raises(RuleError):
        judge_ballot(BallotMarks.strike_out({1}), 4, 3, YES_NO, S)
    with pytest.raises(RuleError):
        judge_ballot(BallotMarks.yes_no({1: "yes"}), 4, 3, STRIKE, S)
    with pytest.raises(RuleError):
        BallotMarks()


def test_invalid_reason_labels_are_vietnamese():
    assert R.BOTH_BOXES.label.startswith("Phiếu đánh dấu X vào cả ô đồng ý và ô không đồng ý")
    assert R.NOT_ISSUED.label == "Phiếu không do Ban kiểm phiếu phát ra"
    assert all(r.label for r in R)


def test_verdict_refuses_contradictions():
    with pytest.raises(RuleError):
        Verdict(True, R.TOO_MANY)
    with pytest.raises(RuleError):
        Verdict(False, R.TOO_MANY, (1,))
