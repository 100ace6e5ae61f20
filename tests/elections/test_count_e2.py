"""Example E2 of election-rules.md §5 end to end through the services: two passes, confirm, seal."""

from __future__ import annotations

import pytest

from congress import rules
from congress.models import CongressRole
from elections import services
from elections.models import Election, JournalEntry, Round
from tests.elections.conftest import frozen_election

Role = CongressRole.Role

# Ballots of E2 (chi ủy 3 from A, B, C, D; numbers 1–4): who is crossed out on each of 9 ballots,
# giving A 9, B 8, C 6, D 4.
CROSSED = [[4], [4], [3], [4], [2], [3], [4], [3], [4]]


def enter_all(rnd, user, pass_number, crossed=CROSSED):
    for serial, numbers in enumerate(crossed, start=1):
        services.enter_ballot(rnd, user, pass_number=pass_number, serial=serial, marks={"crossed": numbers})


@pytest.mark.django_db
def test_e2_art_30_2_base_10_elects_a_b_c(congress, users, roll, board):
    secretariat = users[Role.SECRETARIAT]
    rnd = frozen_election(congress, secretariat, ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"])
    assert (rnd.base, rnd.official_present, rnd.form, rnd.candidate_count) == (10, 9, Round.Form.STRIKE_OUT, 4)
    rnd = services.record_ballot_counts(rnd, board[0], issued=9, collected=9)
    enter_all(rnd, board[0], 1)
    enter_all(rnd, board[1], 2)
    assert services.count_problems(rnd) == []
    for user in board:
        services.confirm_round(rnd, user, role="board")
    services.confirm_round(rnd, users[Role.PRESIDIUM], role="presidium")
    rnd = services.publish_round(rnd, users[Role.PRESIDIUM])
    votes = {c["name"]: c["votes"] for c in rnd.result["candidates"]}
    assert votes == {"Nguyễn Văn An": 9, "Trần Thị Bình": 8, "Lê Văn Cường": 6, "Phạm Thị Dung": 4}
    assert rnd.result["elected"] == [1, 2, 3]
    assert [c["percent"] for c in rnd.result["candidates"]] == ["90,00", "80,00", "60,00", "40,00"]
    assert rnd.digest == rules.digest(rnd.result)
    assert rnd.election.state == Election.State.CLOSED
    assert JournalEntry.objects.filter(action="elections.ballot.entered").count() == 18
