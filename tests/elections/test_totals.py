"""Counting by totals: the hard arithmetic checks of the count minutes (§3.8; product.md)."""

from __future__ import annotations

import pytest

from congress.models import CongressRole
from elections import services
from elections.exceptions import ElectionError
from elections.models import Round, TotalsEntry
from elections.reconcile import reconcile
from tests.elections.conftest import NAMES, frozen_election

Role = CongressRole.Role


@pytest.fixture
def rnd(congress, users, roll, board):
    rnd = frozen_election(congress, users[Role.SECRETARIAT], NAMES[:4])
    rnd = services.set_counting_method(rnd, board[0], Round.Method.TOTALS)
    return services.record_ballot_counts(rnd, board[0], issued=9, collected=9)


E5_VOTES = {1: 6, 2: 5, 3: 4, 4: 3}  # election-rules.md §5, E5: 7 valid, 2 invalid


@pytest.mark.django_db
def test_e5_totals_are_accepted_and_give_the_result(rnd, board, users):
    services.record_totals(rnd, board[0], valid=7, invalid={"too_many": 1, "all_crossed": 1}, votes=E5_VOTES)
    content = services.round_content(rnd)
    assert content["totals"]["invalid"] == {"too_many": 1, "all_crossed": 1}
    # Base 10 (E2's roll): A 6 > 5 elected, B 5 is exactly half: not elected.
    assert content["elected"] == [1]
    assert services.count_problems(rnd) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "valid,invalid,votes,message",
    [
        (8, {"too_many": 2}, E5_VOTES, "không bằng số phiếu thu về"),  # valid + invalid = collected
        (7, {"too_many": 2}, {1: 8, 2: 5, 3: 4, 4: 3}, "nhiều hơn số phiếu hợp lệ"),  # each ≤ valid
        (7, {"too_many": 2}, {1: 7, 2: 7, 3: 7, 4: 1}, "nhân với số lượng cần bầu"),  # sum ≤ valid × seats
        (7, {"too_many": 2}, {5: 1}, "Không có số 5"),  # not on the list
    ],
)
def test_totals_that_break_the_arithmetic_are_refused(rnd, board, valid, invalid, votes, message):
    with pytest.raises(ElectionError, match=message):
        services.record_totals(rnd, board[0], valid=valid, invalid=invalid, votes=votes)
    assert not TotalsEntry.objects.exists()


@pytest.mark.django_db
def test_the_method_cannot_change_once_counting_started(rnd, board):
    services.record_totals(rnd, board[0], valid=7, invalid={"too_many": 2}, votes=E5_VOTES)
    with pytest.raises(ElectionError, match="không thể đổi"):
        services.set_counting_method(rnd, board[0], Round.Method.BALLOTS)
    with pytest.raises(ElectionError, match="theo tổng số"):
        services.enter_ballot(rnd, board[0], pass_number=1, serial=1, marks={"crossed": [4]})


def test_reconcile_lists_every_serial_where_the_passes_differ():
    first = {1: "a", 2: "b", 3: "c", 4: "d"}
    second = {1: "a", 2: "x", 4: "d", 5: "e"}
    rec = reconcile(first, second, collected=4)
    assert [(d.serial, d.first, d.second) for d in rec.differences] == [(2, "b", "x"), (3, "c", None), (5, None, "e")]
    assert not rec.agreed
    assert rec.problems == ()  # both passes hold 4 ballots, as collected


def test_reconcile_needs_the_collected_count_and_matching_passes():
    assert not reconcile({1: "a"}, {1: "a"}, collected=None).agreed
    assert not reconcile({1: "a"}, {1: "a"}, collected=2).agreed
    assert reconcile({1: "a"}, {1: "a"}, collected=1).agreed
    # A single-pass congress checks the count only.
    assert reconcile({1: "a"}, {}, collected=1, passes=1).agreed
