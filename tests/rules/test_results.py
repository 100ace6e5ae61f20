"""Totals, arithmetic checks, results and rounds (QĐ 190 Art. 30; QĐ 294); examples E2, E3, E5."""

from __future__ import annotations

import pytest

from congress.rules import (
    BallotForm,
    BallotMarks,
    ElectionKind,
    InvalidReason,
    NextRoundReason,
    ProblemCode,
    RoundOutcome,
    RuleError,
    Settings,
    Totals,
    Verdict,
    ballot_form,
    bi_thu_round_outcome,
    check_totals,
    compute_result,
    judge_ballot,
    percent_hundredths,
    percent_of_base,
    rank_alternates,
    round_outcome,
    tally,
)

S = Settings()
K = ElectionKind


def line(result, key):
    return next(c for c in result.candidates if c.key == key)


# ---- E2 -------------------------------------------------------------------


def test_art_30_2_example_e2_small_cell():
    result = compute_result({"A": 9, "B": 8, "C": 6, "D": 4}, 10, 3, S)
    assert result.elected == ("A", "B", "C")
    assert [(c.key, c.percent) for c in result.candidates] == [
        ("A", "90,00"),
        ("B", "80,00"),
        ("C", "60,00"),
        ("D", "40,00"),
    ]
    assert not line(result, "D").eligible and not line(result, "D").elected
    assert result.vacancies == 0 and not result.needs_next_round
    assert round_outcome(K.CHI_UY, 1, result, S) == RoundOutcome.COMPLETE


def test_art_30_2_example_e2b_eligible_but_ranked_fourth_is_not_elected():
    same = compute_result({"A": 9, "B": 8, "C": 6, "D": 4}, 9, 3, S)
    assert same.elected == ("A", "B", "C")
    d5 = compute_result({"A": 9, "B": 8, "C": 6, "D": 5}, 9, 3, S)
    assert d5.elected == ("A", "B", "C")
    assert line(d5, "D").eligible and not line(d5, "D").elected and not line(d5, "D").tied
    assert not d5.needs_next_round


# ---- E3 -------------------------------------------------------------------


def test_art_30_2_example_e3_exactly_half_is_not_elected_and_round_2():
    round1 = compute_result({"A": 10, "B": 9, "C": 7, "D": 6, "E": 6, "F": 5}, 12, 5, S)
    assert round1.elected == ("A", "B", "C")
    assert not line(round1, "D").eligible and not line(round1, "E").eligible  # exactly 50%
    assert line(round1, "D").percent == "50,00"
    assert round1.vacancies == 2
    nxt = round1.next_round
    assert nxt.reason == NextRoundReason.SHORTFALL
    assert (nxt.seats, nxt.candidates, nxt.may_add_names, nxt.congress_decides) == (2, ("D", "E", "F"), False, True)
    assert round_outcome(K.CHI_UY, 1, round1, S) == RoundOutcome.CONGRESS_DECIDES

    round2 = compute_result({"D": 8, "E": 7, "F": 4}, 12, 2, S)
    assert round2.elected == ("D", "E")
    assert not round2.needs_next_round
    assert round1.elected + round2.elected == ("A", "B", "C", "D", "E")


@pytest.mark.parametrize(
    "votes,base,elected", [(6, 12, False), (7, 12, True), (5, 10, False), (6, 10, True), (4, 9, False), (5, 9, True)]
)
def test_art_30_2_exactly_half_is_not_elected_odd_and_even_base(votes, base, elected):
    result = compute_result({"X": votes}, base, 1, S)
    assert (result.elected == ("X",)) is elected
    assert line(result, "X").eligible is elected


# ---- E5 -------------------------------------------------------------------

E5_BALLOTS = [  # names left uncrossed, STT 1..4 = A..D
    ({1, 2, 3}, True),
    ({1, 2, 4}, True),
    ({1, 3, 4}, True),
    ({1, 2}, True),
    ({2, 3, 4}, True),
    ({1, 2, 3}, True),
    ({1}, True),
    ({1, 2, 3, 4}, False),  # 4 > 3
    (set(), False),  # all crossed
]


def test_art_30_example_e5_invalid_ballots_on_a_surplus_list():
    form = ballot_form(4, 3)
    assert form == BallotForm.STRIKE_OUT
    verdicts = [judge_ballot(BallotMarks.strike_out(kept), 4, 3, form, S) for kept, _ in E5_BALLOTS]
    assert [v.valid for v in verdicts] == [valid for _, valid in E5_BALLOTS]
    assert [v.reason for v in verdicts[-2:]] == [InvalidReason.TOO_MANY, InvalidReason.ALL_CROSSED]
    totals = tally(verdicts, ["A", "B", "C", "D"], seats=3, issued=9, official_present=9)
    assert (totals.collected, totals.valid, totals.invalid_total) == (9, 7, 2)
    assert dict(totals.votes) == {"A": 6, "B": 5, "C": 4, "D": 3}
    assert check_totals(totals) == []
    result = compute_result(totals.votes, 9, 3, S)
    assert result.elected == ("A", "B")
    assert [c.percent for c in result.candidates] == ["66,67", "55,56", "44,44", "33,33"]
    assert result.vacancies == 1
    assert result.next_round.candidates == ("C", "D")
    assert round_outcome(K.CHI_UY, 1, result, S) == RoundOutcome.CONGRESS_DECIDES


# ---- ties at the cut-off --------------------------------------------------


def test_b_tie_at_the_cut_off_revote_among_the_tied_only():
    result = compute_result({"A": 8, "B": 7, "C": 7, "D": 7, "E": 2}, 10, 2, S)
    assert result.elected == ("A",)
    assert result.tied == ("B", "C", "D")
    assert result.vacancies == 0
    nxt = result.next_round
    assert (nxt.reason, nxt.seats, nxt.candidates, nxt.may_add_names) == (
        NextRoundReason.TIE,
        1,
        ("B", "C", "D"),
        False,
    )
    assert round_outcome(K.CHI_UY, 1, result, S) == RoundOutcome.TIE_REVOTE
    assert [c.tied for c in result.candidates] == [False, True, True, True, False]


def test_b_tie_that_fills_the_seats_exactly_elects_all():
    result = compute_result({"A": 9, "B": 7, "C": 7, "D": 6}, 10, 3, S)
    assert result.elected == ("A", "B", "C")
    assert result.tied == () and not result.needs_next_round


def test_b_tie_below_the_cut_off_does_not_matter():
    result = compute_result({"A": 9, "B": 8, "C": 6, "D": 6}, 10, 2, S)
    assert result.elected == ("A", "B") and not result.needs_next_round


def test_b_tie_among_ineligible_candidates_is_a_shortfall_not_a_tie():
    result = compute_result({"A": 5, "B": 5}, 10, 1, S)
    assert result.elected == () and result.tied == ()
    assert result.next_round.reason == NextRoundReason.SHORTFALL


def test_b_tie_revote_winner_still_needs_more_than_half_and_a_second_tie_goes_to_the_congress():
    revote = compute_result({"B": 5, "C": 4}, 10, 1, S, tie_revote=True)
    assert revote.elected == ()  # 5 of 10 is not more than half
    lenient = Settings(tie_revote_requires_majority=False)
    assert compute_result({"B": 5, "C": 4}, 10, 1, lenient, tie_revote=True).elected == ("B",)
    again = compute_result({"B": 6, "C": 6}, 10, 1, lenient, tie_revote=True)
    assert again.tied == ("B", "C")
    assert again.next_round.congress_decides
    assert round_outcome(K.CHI_UY, 2, again, lenient) == RoundOutcome.CONGRESS_DECIDES


def test_equal_votes_keep_the_callers_order_never_age_or_seniority():
    result = compute_result({"Z": 7, "M": 9, "A": 7}, 10, 3, S)
    assert result.elected == ("M", "Z", "A")
    assert [c.key for c in result.ranking] == ["M", "Z", "A"]
    assert [c.rank for c in result.candidates] == [2, 1, 2]


# ---- shortfalls, zero ballots, base 0 --------------------------------------


def test_zero_valid_ballots_elects_nobody():
    result = compute_result({"A": 0, "B": 0, "C": 0}, 9, 2, S)
    assert result.elected == () and result.vacancies == 2
    assert result.next_round.candidates == ("A", "B", "C")


def test_base_zero_nobody_can_be_elected():
    result = compute_result({"A": 0}, 0, 1, S)
    assert result.elected == () and line(result, "A").percent == "0,00"


def test_fewer_names_than_seats_leaves_vacancies():
    result = compute_result({"A": 8, "B": 9}, 10, 3, S)
    assert result.elected == ("B", "A") and result.vacancies == 1
    assert result.next_round.candidates == ()


def test_b_shortfall_may_add_names_only_by_setting():
    allow = Settings(shortfall_allows_new_names=True)
    assert compute_result({"A": 3, "B": 2}, 10, 1, allow).next_round.may_add_names is True
    assert compute_result({"A": 3, "B": 2}, 10, 1, S).next_round.may_add_names is False


@pytest.mark.parametrize("votes,base,seats", [({"A": -1}, 10, 1), ({"A": 11}, 10, 1), ({}, 10, 1), ({"A": 1}, 10, 0)])
def test_impossible_results_input_raises(votes, base, seats):
    with pytest.raises(RuleError):
        compute_result(votes, base, seats, S)


# ---- bí thư rounds (QĐ 294) --------------------------------------------------


@pytest.mark.parametrize(
    "round_number,votes,outcome",
    [
        (1, 6, RoundOutcome.COMPLETE),
        (1, 5, RoundOutcome.NEXT_ROUND),
        (2, 5, RoundOutcome.NEXT_ROUND),
        (3, 5, RoundOutcome.UPPER_COMMITTEE_APPOINTS),
        (3, 6, RoundOutcome.COMPLETE),
    ],
)
def test_qd_294_bi_thu_third_failed_round_upper_committee_appoints(round_number, votes, outcome):
    result = compute_result({"A": votes}, 10, 1, S)
    assert bi_thu_round_outcome(round_number, result, S) == outcome


def test_qd_294_no_fourth_round_for_bi_thu_and_the_cap_is_a_setting():
    failed = compute_result({"A": 5}, 10, 1, S)
    with pytest.raises(RuleError, match="Không bầu bí thư quá 3 lần"):
        bi_thu_round_outcome(4, failed, S)
    two = Settings(bi_thu_max_rounds=2)
    assert bi_thu_round_outcome(2, failed, two) == RoundOutcome.UPPER_COMMITTEE_APPOINTS
    assert RoundOutcome.UPPER_COMMITTEE_APPOINTS.label == "Cấp ủy cấp trên chỉ định bí thư chi bộ"


def test_pho_bi_thu_shortfall_goes_to_the_congress_not_the_upper_committee():
    failed = compute_result({"A": 5}, 10, 1, S)
    assert round_outcome(K.PHO_BI_THU, 3, failed, S) == RoundOutcome.CONGRESS_DECIDES


# ---- alternates -------------------------------------------------------------


def test_b_alternate_delegates_ranked_by_votes_equal_votes_share_a_rank():
    result = compute_result({"A": 6, "B": 9, "C": 7, "D": 7, "E": 2}, 10, 4, S)
    assert rank_alternates(result) == ((1, "B"), (2, "C"), (2, "D"), (4, "A"))


# ---- percentages ------------------------------------------------------------


@pytest.mark.parametrize(
    "votes,base,hundredths,text",
    [(6, 9, 6667, "66,67"), (5, 9, 5556, "55,56"), (4, 9, 4444, "44,44"), (1, 8, 1250, "12,50"),
     (9, 10, 9000, "90,00"), (10, 10, 10000, "100,00"), (0, 7, 0, "0,00"), (1, 3, 3333, "33,33"),
     (1, 16, 625, "6,25"), (1, 32, 313, "3,13"), (0, 0, 0, "0,00")],
)  # fmt: skip
def test_percent_of_base_two_decimals_round_half_up_display_only(votes, base, hundredths, text):
    assert percent_hundredths(votes, base) == hundredths
    assert percent_of_base(votes, base) == text


# ---- totals -----------------------------------------------------------------


def totals(**kw):
    data = dict(
        official_present=9, issued=9, collected=9, valid=7,
        invalid={InvalidReason.TOO_MANY: 1, InvalidReason.ALL_CROSSED: 1},
        votes={"A": 6, "B": 5, "C": 4, "D": 3}, seats=3,
    )  # fmt: skip
    data.update(kw)
    return Totals(**data)


def test_check_totals_accepts_consistent_figures():
    assert check_totals(totals()) == []


@pytest.mark.parametrize(
    "change,code",
    [
        ({"collected": 10, "valid": 8}, ProblemCode.COLLECTED_OVER_ISSUED),
        ({"issued": 10, "official_present": 9, "collected": 9}, ProblemCode.ISSUED_OVER_PRESENT),
        ({"valid": 6}, ProblemCode.VALID_PLUS_INVALID),
        ({"votes": {"A": 8, "B": 5, "C": 4, "D": 3}}, ProblemCode.VOTES_OVER_VALID),
        ({"votes": {"A": 7, "B": 7, "C": 7, "D": 1}}, ProblemCode.VOTES_SUM_OVER_CAPACITY),
        ({"votes": {"A": -1, "B": 5, "C": 4, "D": 3}}, ProblemCode.NEGATIVE_COUNT),
    ],
)
def test_arithmetic_checks_that_block_sign_off(change, code):
    problems = check_totals(totals(**change))
    assert [p.code for p in problems] == [code]
    assert all(p.blocking for p in problems)


def test_check_totals_messages_use_names_when_given():
    (problem,) = check_totals(totals(votes={"A": 8, "B": 5, "C": 4, "D": 3}), names={"A": "Nguyễn Văn An"})
    assert problem.message == "Số phiếu bầu của đồng chí Nguyễn Văn An (8) nhiều hơn số phiếu hợp lệ (7)."


def test_tally_counts_invalid_by_reason_and_refuses_bad_input():
    verdicts = [Verdict(True, None, (1,)), Verdict(False, InvalidReason.NO_BOX), Verdict(True, None, ())]
    t = tally(verdicts, ["X"], seats=1, issued=4, official_present=5)
    assert (t.collected, t.valid, dict(t.invalid), dict(t.votes)) == (3, 2, {InvalidReason.NO_BOX: 1}, {"X": 1})
    assert check_totals(t) == []
    with pytest.raises(RuleError):
        tally([Verdict(True, None, (2,))], ["X"], seats=1, issued=1, official_present=1)
    with pytest.raises(RuleError):
        tally([], ["X", "X"], seats=1, issued=0, official_present=0)
