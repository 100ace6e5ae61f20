"""Settings ([B] defaults) and the structure of a cell's elections (QĐ 294-QĐ/TW, QĐ 244 Art. 19(9))."""

from __future__ import annotations

import doctest

import pytest

from congress import rules
from congress.rules import (
    ElectionKind,
    ProblemCode,
    Rounding,
    RuleError,
    Settings,
    TieRule,
    check_election_setup,
    check_one_ballot,
    elects_chi_uy,
    raise_for_problems,
)

S = Settings()
K = ElectionKind


def codes(problems):
    return [p.code for p in problems]


def test_module_docstring_worked_example_e2_runs():
    failures, tried = doctest.testmod(rules)
    assert tried >= 8
    assert failures == 0


@pytest.mark.parametrize(
    "name,value",
    [
        ("surplus_cap_percent", 30),
        ("surplus_rounding", Rounding.FLOOR),
        ("small_committee_min_seats", 3),
        ("small_committee_max_seats", 5),
        ("small_committee_max_surplus", 1),
        ("proposal_surplus_min_percent", 10),
        ("proposal_surplus_max_percent", 15),
        ("outside_nominee_percent", 30),
        ("blank_single_name_ballot_invalid", True),
        ("tie_rule", TieRule.REVOTE_AMONG_TIED),
        ("tie_revote_requires_majority", True),
        ("max_chi_uy_seats", 7),
        ("min_official_members_for_chi_uy", 9),
        ("bi_thu_max_rounds", 3),
        ("shortfall_allows_new_names", False),
        ("quorum_numerator", 2),
        ("quorum_denominator", 3),
        ("delegate_list_must_exceed_seats", True),
        ("delegate_surplus_cap_percent", 30),
        ("alternates_after_officials", True),
    ],
)
def test_settings_believed_defaults(name, value):
    assert getattr(S, name) == value


def test_settings_tie_rule_has_no_age_or_seniority_option():
    assert [t.value for t in TieRule] == ["revote_among_tied"]


def test_settings_round_trip_through_a_dict():
    custom = Settings(surplus_rounding=Rounding.HALF_UP, shortfall_allows_new_names=True, bi_thu_max_rounds=2)
    data = custom.as_dict()
    assert data["surplus_rounding"] == "half_up"
    assert Settings.from_dict(data) == custom
    assert S.quorum == (2, 3)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"surplus_cap_percent": 101},
        {"surplus_cap_percent": -1},
        {"surplus_rounding": "nearest"},
        {"tie_rule": "oldest_wins"},
        {"blank_single_name_ballot_invalid": 1},
        {"bi_thu_max_rounds": 0},
        {"quorum_numerator": 4, "quorum_denominator": 3},
        {"proposal_surplus_min_percent": 20, "proposal_surplus_max_percent": 15},
    ],
)
def test_settings_refuse_nonsense(kwargs):
    with pytest.raises(RuleError):
        Settings(**kwargs)


def test_settings_from_dict_refuses_unknown_keys():
    with pytest.raises(RuleError, match="không được hỗ trợ"):
        Settings.from_dict({"surplus_cap_pct": 30})


@pytest.mark.parametrize("seats,percent,floor,half_up,ceil", [(7, 30, 2, 2, 3), (5, 30, 1, 2, 2), (10, 15, 1, 2, 2)])
def test_rounding_b_of_a_percentage_of_seats(seats, percent, floor, half_up, ceil):
    assert Rounding.FLOOR.apply(seats, percent) == floor
    assert Rounding.HALF_UP.apply(seats, percent) == half_up
    assert Rounding.CEIL.apply(seats, percent) == ceil


@pytest.mark.parametrize("members,elects", [(8, False), (9, True), (30, True), (3, False)])
def test_qd_294_chi_uy_only_from_nine_official_members(members, elects):
    assert elects_chi_uy(members, S) is elects
    problems = check_election_setup(K.CHI_UY, 3, members, S)
    assert (ProblemCode.CHI_UY_TOO_FEW_MEMBERS in codes(problems)) is (not elects)


def test_qd_294_too_few_members_message_is_vietnamese():
    (problem,) = check_election_setup(K.CHI_UY, 3, 8, S)
    assert problem.message.startswith("Chi bộ có 8 đảng viên chính thức (dưới 9) nên không bầu chi ủy")
    assert problem.blocking


@pytest.mark.parametrize("seats,ok", [(7, True), (8, False), (1, True), (0, False)])
def test_qd_294_at_most_seven_chi_uy_members(seats, ok):
    assert (check_election_setup(K.CHI_UY, seats, 20, S) == []) is ok


@pytest.mark.parametrize("kind", [K.BI_THU, K.PHO_BI_THU])
@pytest.mark.parametrize("seats,ok", [(1, True), (2, False)])
def test_qd_294_one_bi_thu_and_one_pho_bi_thu(kind, seats, ok):
    done = [K.CHI_UY, K.BI_THU] if kind == K.PHO_BI_THU else [K.CHI_UY]
    problems = check_election_setup(kind, seats, 12, S, completed=done)
    assert (problems == []) is ok
    if not ok:
        assert codes(problems) == [ProblemCode.SINGLE_SEAT_ONLY]


@pytest.mark.parametrize(
    "kind,members,completed,ok",
    [
        (K.BI_THU, 12, [], False),  # chi ủy first
        (K.BI_THU, 12, [K.CHI_UY], True),
        (K.PHO_BI_THU, 12, [K.CHI_UY], False),  # then bí thư
        (K.PHO_BI_THU, 12, [K.CHI_UY, K.BI_THU], True),
        (K.BI_THU, 8, [], True),  # no chi ủy under 9 members
        (K.PHO_BI_THU, 8, [], False),
        (K.PHO_BI_THU, 8, [K.BI_THU], True),
        (K.ALTERNATE_DELEGATE, 8, [], False),  # [B] officials first
        (K.ALTERNATE_DELEGATE, 8, [K.DELEGATE], True),
        (K.DELEGATE, 8, [], True),
    ],
)
def test_qd_294_order_chi_uy_then_bi_thu_then_pho_bi_thu(kind, members, completed, ok):
    problems = check_election_setup(kind, 1, members, S, completed=completed)
    assert (problems == []) is ok
    assert all(p.code == ProblemCode.WRONG_ORDER for p in problems)


def test_b_alternates_after_officials_is_a_setting():
    relaxed = Settings(alternates_after_officials=False)
    assert check_election_setup(K.ALTERNATE_DELEGATE, 2, 8, relaxed) == []


@pytest.mark.parametrize(
    "kinds,ok",
    [
        ([K.CHI_UY], True),
        ([K.CHI_UY, K.CHI_UY], True),
        ([K.CHI_UY, K.BI_THU], False),
        ([K.BI_THU, K.PHO_BI_THU], False),
        ([K.DELEGATE, K.ALTERNATE_DELEGATE], False),
    ],
)
def test_qd_244_art_19_9_never_two_elections_on_one_ballot(kinds, ok):
    problems = check_one_ballot(kinds)
    assert (problems == []) is ok
    if not ok:
        assert "trên cùng một lá phiếu" in problems[0].message


def test_election_kind_labels_are_vietnamese():
    assert [k.label for k in K][:3] == ["chi ủy", "bí thư chi bộ", "phó bí thư chi bộ"]
    assert K.BI_THU.single_seat and K.PHO_BI_THU.single_seat and not K.CHI_UY.single_seat


def test_raise_for_problems_raises_only_on_blocking_problems():
    raise_for_problems([])
    problems = check_election_setup(K.CHI_UY, 9, 8, S)
    with pytest.raises(RuleError) as caught:
        raise_for_problems(problems)
    assert caught.value.problems == tuple(problems)
    assert isinstance(caught.value, ValueError)
    assert "không bầu chi ủy" in str(caught.value)
