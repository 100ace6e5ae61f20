"""Rounds after a shortfall or a tie (§3.3 items 4–5) and the bí thư's third round (QĐ 294)."""

from __future__ import annotations

import pytest

from congress import rules
from congress.models import CongressRole
from elections import services
from elections.exceptions import ElectionError
from elections.models import Election, Round
from members.models import Member
from tests.elections.conftest import NAMES, build_roll, count_and_publish, crossed_for, frozen_election

Role = CongressRole.Role
pytestmark = pytest.mark.django_db
SIX = NAMES[:6]


def test_e3_exactly_half_is_not_enough_then_round_2_fills_the_vacancies(congress, users, board):
    build_roll(congress, names=[*NAMES, "Lý Văn Nam"])  # 12 official, all present: base 12
    secretariat, presidium = users[Role.SECRETARIAT], users[Role.PRESIDIUM]
    rnd = frozen_election(congress, secretariat, SIX, seats=5, approval_yes=7)
    assert rnd.base == 12
    votes = {1: 10, 2: 9, 3: 7, 4: 6, 5: 6, 6: 5}
    rnd = count_and_publish(rnd, board, presidium, crossed_for(votes, 12, 6))
    assert rnd.result["elected"] == [1, 2, 3]  # D and E have exactly 6 of 12: not elected
    assert rnd.result["vacancies"] == 2
    assert rnd.result["outcome"] == rules.RoundOutcome.CONGRESS_DECIDES
    proposal = services.next_round_proposal(rnd)
    assert (proposal["seats"], proposal["candidates"]) == (2, [4, 5, 6])
    with pytest.raises(ElectionError, match="không quá một nửa mẫu số"):
        services.decide_next_round(rnd, presidium, hold=True, votes_yes=6)
    second = services.decide_next_round(rnd, presidium, hold=True, votes_yes=11)
    assert (second.number, second.seats, second.candidate_count, second.form) == (2, 2, 3, Round.Form.STRIKE_OUT)
    names = [rc.candidate.full_name for rc in second.names.all()]
    assert names == SIX[3:]
    second = count_and_publish(second, board, presidium, crossed_for({1: 8, 2: 7, 3: 4}, 12, 3))
    assert second.result["elected"] == [1, 2]
    election = Election.objects.get(pk=rnd.election_id)
    assert (election.state, election.outcome) == (Election.State.CLOSED, Election.Outcome.COMPLETE)
    elected = [m for m in services.elected_member_ids(election)]
    assert len(elected) == 5


def test_s3_3_4_a_tie_at_the_last_seat_goes_to_a_revote_among_the_tied_only(congress, users, roll, board):
    presidium = users[Role.PRESIDIUM]
    rnd = frozen_election(congress, users[Role.SECRETARIAT], NAMES[:4])
    rnd = count_and_publish(rnd, board, presidium, crossed_for({1: 8, 2: 7, 3: 6, 4: 6}, 9, 4))
    assert (rnd.result["elected"], rnd.result["tied"]) == ([1, 2], [3, 4])
    assert rnd.result["outcome"] == rules.RoundOutcome.TIE_REVOTE
    with pytest.raises(ElectionError, match="Chỉ được bổ sung người mới"):
        services.decide_next_round(rnd, presidium, hold=True, allow_new_names=True)
    revote = services.decide_next_round(rnd, presidium, hold=True)
    assert (revote.tie_revote, revote.seats, revote.candidate_count) == (True, 1, 2)
    revote = count_and_publish(revote, board, presidium, crossed_for({1: 7, 2: 2}, 9, 2))
    assert revote.result["elected"] == [1]
    assert Election.objects.get(pk=rnd.election_id).outcome == Election.Outcome.COMPLETE


def test_a_shortfall_the_congress_stops_leaves_seats_vacant(congress, users, roll, board):
    presidium = users[Role.PRESIDIUM]
    rnd = frozen_election(congress, users[Role.SECRETARIAT], NAMES[:4])
    rnd = count_and_publish(rnd, board, presidium, crossed_for({1: 9, 2: 8, 3: 4, 4: 4}, 9, 4))
    services.decide_next_round(rnd, presidium, hold=False, votes_yes=8)
    election = Election.objects.get(pk=rnd.election_id)
    assert (election.state, election.outcome) == (Election.State.CLOSED, Election.Outcome.STOPPED)
    assert "1" in election.outcome_note
    with pytest.raises(ElectionError):
        services.decide_next_round(rnd, presidium, hold=True, votes_yes=8)


def test_new_names_after_a_shortfall_reopen_nominations(congress, users, roll, board):
    secretariat, presidium = users[Role.SECRETARIAT], users[Role.PRESIDIUM]
    rnd = frozen_election(congress, secretariat, NAMES[:4])
    rnd = count_and_publish(rnd, board, presidium, crossed_for({1: 9, 2: 8, 3: 4, 4: 4}, 9, 4))
    second = services.decide_next_round(rnd, presidium, hold=True, votes_yes=8, allow_new_names=True)
    assert second.state == Round.State.PREPARING
    election = Election.objects.get(pk=rnd.election_id)
    assert election.state == Election.State.LIST_OPEN
    newcomer = Member.objects.get(full_name=NAMES[6])
    services.add_candidate(
        election, secretariat, member=newcomer, source="nomination", approval_yes=5, approval_present=9
    )
    second = services.freeze_list(election, secretariat, approval_yes=8)
    assert (second.state, second.seats, second.candidate_count) == (Round.State.COUNTING, 1, 3)


def test_qd294_bi_thu_third_failed_round_the_upper_committee_appoints(congress, users, board):
    build_roll(congress, names=NAMES[:5])  # 5 official: no chi ủy, base 5
    secretariat, presidium = users[Role.SECRETARIAT], users[Role.PRESIDIUM]
    rnd = frozen_election(congress, secretariat, [NAMES[0]], kind="bi_thu", seats=1, approval_yes=3)

    def count(rnd):
        rnd = services.record_ballot_counts(rnd, board[0], issued=5, collected=5)
        for pass_number in (1, 2):
            for serial in range(1, 6):
                agree = [1] if serial <= 2 else []  # 2 of 5: not more than half
                services.enter_ballot(
                    rnd,
                    board[pass_number - 1],
                    pass_number=pass_number,
                    serial=serial,
                    marks={"agree": agree, "disagree": [] if agree else [1]},
                )
        for user in board:
            services.confirm_round(rnd, user, role="board")
        services.confirm_round(rnd, presidium, role="presidium")
        return services.publish_round(rnd, presidium)

    for number in (1, 2):
        rnd = count(rnd)
        assert rnd.result["outcome"] == rules.RoundOutcome.NEXT_ROUND
        rnd = services.decide_next_round(rnd, presidium, hold=True)
        assert rnd.number == number + 1
    rnd = count(rnd)
    assert rnd.result["outcome"] == rules.RoundOutcome.UPPER_COMMITTEE_APPOINTS
    election = Election.objects.get(pk=rnd.election_id)
    assert (election.state, election.outcome) == (Election.State.CLOSED, Election.Outcome.APPOINTED)
    with pytest.raises(ElectionError, match="Không có lần bầu tiếp theo"):
        services.decide_next_round(rnd, presidium, hold=True)
