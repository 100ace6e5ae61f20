"""Election lists: surplus (QĐ 190 Art. 14), candidates, counting board (Art. 8), example E10."""

from __future__ import annotations

import pytest

from congress.rules import (
    Candidate,
    ElectionKind,
    NextRound,
    NextRoundReason,
    ProblemCode,
    Rounding,
    RuleError,
    Settings,
    Severity,
    check_candidate_list,
    check_committee_proposal,
    max_surplus,
    outside_nominee_approved,
    surplus_bounds,
)

S = Settings()
K = ElectionKind


def people(n, **kw):
    return [Candidate(f"c{i}", f"Nguyễn Văn {chr(65 + i)}", **kw) for i in range(n)]


def codes(problems):
    return [p.code for p in problems]


# E10 — surplus bounds, exactly as written in election-rules.md §5.
@pytest.mark.parametrize(
    "seats,list_size,ok",
    [
        (3, 4, True),  # chi ủy 3 → list of 4 (max surplus 1)
        (3, 5, False),
        (5, 6, True),  # chi ủy 5 → list of 6 (3–5-member rule)
        (5, 7, False),
        (7, 9, True),  # 30% × 7 = 2.1 → max list 9 (floor)
        (7, 10, False),
        (3, 3, False),  # list equal to seats → reject
        (5, 5, False),
        (7, 7, False),
    ],
)
def test_art_14_example_e10_surplus_bounds(seats, list_size, ok):
    problems = check_candidate_list(K.CHI_UY, seats, people(list_size), S)
    assert (problems == []) is ok


def test_art_14_example_e10_committee_proposal_for_seven_is_a_list_of_eight():
    bounds = surplus_bounds(K.CHI_UY, 7, S)
    assert (bounds.proposal_min_names, bounds.proposal_max_names) == (8, 8)
    assert check_committee_proposal(7, 8, S) == []
    for n in (9, 7):
        (warning,) = check_committee_proposal(7, n, S)
        assert warning.severity == Severity.WARNING
        assert "từ 10% đến 15%" in warning.message


def test_art_14_example_e10_list_equal_to_seats_message():
    (problem,) = check_candidate_list(K.CHI_UY, 3, people(3), S)
    assert problem.code == ProblemCode.LIST_NOT_LONGER_THAN_SEATS
    assert "phải nhiều hơn số lượng cần bầu" in problem.message
    assert problem.blocking


@pytest.mark.parametrize(
    "seats,cap", [(1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (6, 1), (7, 2), (10, 3), (13, 3), (14, 4)]
)
def test_art_14_surplus_at_most_30_percent_floor_and_one_for_3_to_5_seats(seats, cap):
    assert max_surplus(seats, S) == cap


def test_art_14_b_surplus_rounding_is_configurable():
    half_up = Settings(surplus_rounding=Rounding.HALF_UP)
    assert max_surplus(6, half_up) == 2  # 1.8 → 2
    assert max_surplus(6, S) == 1  # 1.8 → 1 (floor)
    assert check_candidate_list(K.CHI_UY, 6, people(8), half_up) == []
    assert codes(check_candidate_list(K.CHI_UY, 6, people(8), S)) == [ProblemCode.SURPLUS_TOO_LARGE]


def test_art_14_too_large_surplus_message_names_the_small_committee_rule():
    (problem,) = check_candidate_list(K.CHI_UY, 5, people(7), S)
    assert "từ 3 đến 5 ủy viên thì số dư tối đa là 1 người" in problem.message
    (problem,) = check_candidate_list(K.CHI_UY, 7, people(10), S)
    assert "số dư không quá 30% số lượng cần bầu" in problem.message
    assert "tối đa 9 người" in problem.message


@pytest.mark.parametrize("kind", [K.BI_THU, K.PHO_BI_THU])
@pytest.mark.parametrize("n,ok", [(0, False), (1, True), (2, True), (4, True)])
def test_art_14_bi_thu_and_pho_bi_thu_may_have_a_single_candidate_no_surplus_required(kind, n, ok):
    assert (check_candidate_list(kind, 1, people(n), S) == []) is ok


@pytest.mark.parametrize("kind", [K.DELEGATE, K.ALTERNATE_DELEGATE])
def test_b_delegate_list_must_exceed_seats_cap_is_a_warning(kind):
    assert codes(check_candidate_list(kind, 2, people(2), S)) == [ProblemCode.LIST_NOT_LONGER_THAN_SEATS]
    assert check_candidate_list(kind, 2, people(3), S) == []
    (warning,) = check_candidate_list(kind, 2, people(5), S)
    assert (warning.code, warning.severity) == (ProblemCode.SURPLUS_TOO_LARGE, Severity.WARNING)
    relaxed = Settings(delegate_list_must_exceed_seats=False)
    assert check_candidate_list(kind, 2, people(2), relaxed) == []
    assert codes(check_candidate_list(kind, 2, people(1), relaxed)) == [ProblemCode.LIST_SHORTER_THAN_SEATS]


def test_rule_1c_only_official_members_of_the_cell_are_candidates():
    cands = people(3) + [Candidate("p", "Lê Thị Dự Bị", official_member=False)]
    (problem,) = check_candidate_list(K.CHI_UY, 3, cands, S)
    assert problem.code == ProblemCode.NOT_OFFICIAL_MEMBER
    assert "Lê Thị Dự Bị không phải là đảng viên chính thức" in problem.message


def test_art_8_nobody_on_the_counting_board_is_on_the_list():
    cands = people(4)
    (problem,) = check_candidate_list(K.CHI_UY, 3, cands, S, counting_board={"c1", "x"})
    assert problem.code == ProblemCode.ON_COUNTING_BOARD
    assert "Nguyễn Văn B là thành viên Ban kiểm phiếu" in problem.message
    assert check_candidate_list(K.CHI_UY, 3, cands, S, counting_board={"x"}) == []


@pytest.mark.parametrize(
    "yes,present,approved",
    [(3, 10, False), (4, 10, True), (0, 0, False), (1, 3, True), (9, 30, False), (10, 30, True), (3, 9, True)],
)
def test_art_14_3_outside_nominee_needs_more_than_30_percent_of_those_present(yes, present, approved):
    assert outside_nominee_approved(yes, present, S) is approved
    assert (10 * yes > 3 * present) is approved


def test_art_14_3_outside_nominee_approval_is_checked_on_the_list():
    nominee = Candidate("n", "Trần Văn Ngoài", proposed_by_committee=False, nomination_yes=3)
    problems = check_candidate_list(K.CHI_UY, 3, [*people(3), nominee], S, present=10)
    assert codes(problems) == [ProblemCode.OUTSIDE_NOMINEE_NOT_APPROVED]
    assert "hơn 30% tổng số đảng viên dự đại hội" in problems[0].message
    assert "3/10" in problems[0].message
    approved = Candidate("n", "Trần Văn Ngoài", proposed_by_committee=False, nomination_yes=4)
    assert check_candidate_list(K.CHI_UY, 3, [*people(3), approved], S, present=10) == []
    no_vote = Candidate("n", "Trần Văn Ngoài", proposed_by_committee=False)
    (problem,) = check_candidate_list(K.CHI_UY, 3, [*people(3), no_vote], S, present=10)
    assert "chưa có kết quả biểu quyết giới thiệu" in problem.message


def test_art_14_3_more_yes_than_present_is_an_input_error():
    with pytest.raises(RuleError):
        outside_nominee_approved(11, 10, S)


def test_qd_294_pho_bi_thu_is_elected_from_the_chi_uy_members():
    outsider = Candidate("x", "Phạm Văn X")
    member = Candidate("y", "Phạm Văn Y", elected_chi_uy=True)
    (problem,) = check_candidate_list(K.PHO_BI_THU, 1, [outsider], S, has_chi_uy=True)
    assert problem.code == ProblemCode.NOT_CHI_UY_MEMBER
    assert "trong số chi ủy viên" in problem.message
    assert check_candidate_list(K.PHO_BI_THU, 1, [member], S, has_chi_uy=True) == []
    assert check_candidate_list(K.BI_THU, 1, [outsider], S, has_chi_uy=False) == []
    assert codes(check_candidate_list(K.BI_THU, 1, [outsider], S, has_chi_uy=True)) == [ProblemCode.NOT_CHI_UY_MEMBER]


def test_b_ex_officio_delegates_are_not_on_the_delegate_list():
    cands = [*people(2), Candidate("e", "Đỗ Văn Đương Nhiên", ex_officio=True)]
    assert codes(check_candidate_list(K.DELEGATE, 2, cands, S)) == [ProblemCode.EX_OFFICIO_DELEGATE]
    assert check_candidate_list(K.CHI_UY, 2, cands, S) == []


def test_nobody_twice_on_a_list():
    a = Candidate("a", "Vũ Văn A")
    assert codes(check_candidate_list(K.CHI_UY, 3, [a, a, *people(2)], S)) == [ProblemCode.DUPLICATE_CANDIDATE]


def test_tie_revote_lists_all_tied_candidates_without_surplus_cap():
    tie = NextRound(NextRoundReason.TIE, 1, ("c0", "c1", "c2", "c3"), False, True, False)
    assert check_candidate_list(K.CHI_UY, 1, people(4), S, later_round=tie) == []
    problems = check_candidate_list(K.CHI_UY, 1, people(3), S, later_round=tie)
    assert codes(problems) == [ProblemCode.TIE_LIST_MISMATCH]


def test_shortfall_round_adds_names_only_if_the_congress_decided_so():
    keep = NextRound(NextRoundReason.SHORTFALL, 2, ("c0", "c1", "c2"), False, True, True)
    assert check_candidate_list(K.CHI_UY, 2, people(3), S, later_round=keep) == []
    problems = check_candidate_list(K.CHI_UY, 2, people(4), S, later_round=keep)
    assert ProblemCode.NEW_NAMES_NOT_ALLOWED in codes(problems)
    # The carried-over list may exceed the cap: a warning, not a block.
    assert all(not p.blocking for p in problems if p.code == ProblemCode.SURPLUS_TOO_LARGE)
    allow = NextRound(NextRoundReason.SHORTFALL, 2, ("c0", "c1", "c2"), True, True, True)
    assert all(not p.blocking for p in check_candidate_list(K.CHI_UY, 2, people(4), S, later_round=allow))


def test_seats_must_be_positive():
    with pytest.raises(RuleError, match="Số lượng cần bầu"):
        check_candidate_list(K.CHI_UY, 0, people(2), S)
