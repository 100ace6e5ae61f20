"""Confirmation, publication and the seal: nothing of a sealed round changes, in the app or the database."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from congress import rules
from congress.models import CongressRole
from elections import services
from elections.exceptions import ElectionError, SealedError
from elections.models import BallotEntry, Confirmation, JournalEntry, Round
from tests.elections.conftest import NAMES, count_and_publish, crossed_for, frozen_election

Role = CongressRole.Role
pytestmark = pytest.mark.django_db
E2 = {1: 9, 2: 8, 3: 6, 4: 4}


@pytest.fixture
def rnd(congress, users, roll):
    return frozen_election(congress, users[Role.SECRETARIAT], NAMES[:4])


def enter_both(rnd, board, crossed):
    rnd = services.record_ballot_counts(rnd, board[0], issued=9, collected=len(crossed))
    for p in (1, 2):
        for serial, numbers in enumerate(crossed, start=1):
            services.enter_ballot(rnd, board[p - 1], pass_number=p, serial=serial, marks={"crossed": numbers})
    return rnd


def test_the_presidium_confirms_after_every_board_member(rnd, board, users):
    rnd = enter_both(rnd, board, crossed_for(E2, 9, 4))
    services.confirm_round(rnd, board[0], role="board")
    with pytest.raises(ElectionError, match="còn thiếu: kiemphieu2"):
        services.confirm_round(rnd, users[Role.PRESIDIUM], role="presidium")
    with pytest.raises(ElectionError, match="phải xác nhận trước khi công bố"):
        services.publish_round(rnd, users[Role.PRESIDIUM])
    with pytest.raises(ElectionError, match="đã xác nhận"):
        services.confirm_round(rnd, board[0], role="board")


def test_a_change_after_confirmation_withdraws_the_confirmations(rnd, board, users):
    rnd = enter_both(rnd, board, crossed_for(E2, 9, 4))
    services.confirm_round(rnd, board[0], role="board")
    entry = BallotEntry.objects.get(pass_number=2, serial=1)
    services.correct_entry(entry, board[1], marks=entry.marks, reason="Kiểm tra lại")
    assert not Confirmation.objects.exists()
    assert JournalEntry.objects.filter(action="elections.confirmations.withdrawn").exists()


def test_results_wait_until_both_passes_agree_and_match_the_collected_count(rnd, board):
    crossed = crossed_for(E2, 9, 4)
    rnd = services.record_ballot_counts(rnd, board[0], issued=9, collected=9)
    for serial, numbers in enumerate(crossed, start=1):
        services.enter_ballot(rnd, board[0], pass_number=1, serial=serial, marks={"crossed": numbers})
        if serial != 9:
            other = [] if serial == 4 else numbers  # pass 2 misreads ballot 4 and has not entered 9
            services.enter_ballot(rnd, board[1], pass_number=2, serial=serial, marks={"crossed": other})
    rec = services.reconciliation(rnd)
    assert [d.serial for d in rec.differences] == [4, 9]
    problems = services.count_problems(rnd)
    assert any("có 8 phiếu" in p for p in problems) and any("4, 9" in p for p in problems)
    with pytest.raises(ElectionError):
        services.confirm_round(rnd, board[0], role="board")


def test_the_sealed_digest_is_sha256_of_the_canonical_content(rnd, board, users):
    rnd = count_and_publish(rnd, board, users[Role.PRESIDIUM], crossed_for(E2, 9, 4))
    assert rnd.digest == rules.digest(rnd.result)
    assert len(rnd.digest) == 64
    # The live data still gives the same content: what was sealed is what was counted.
    assert services.content_digest(rnd) == rnd.digest
    confirmations = Confirmation.objects.filter(round=rnd)
    assert {c.digest for c in confirmations} == {rnd.digest}


def test_nothing_of_a_sealed_round_changes(rnd, board, users):
    rnd = count_and_publish(rnd, board, users[Role.PRESIDIUM], crossed_for(E2, 9, 4))
    entry = BallotEntry.objects.filter(round=rnd).first()
    with pytest.raises(SealedError):
        services.enter_ballot(rnd, board[0], pass_number=1, serial=1, marks={"crossed": []})
    with pytest.raises(SealedError):
        services.correct_entry(entry, board[0], marks={"crossed": []}, reason="x")
    with pytest.raises(SealedError):
        services.record_ballot_counts(rnd, board[0], issued=9, collected=8)
    with pytest.raises(SealedError):
        entry.save()
    with pytest.raises(SealedError):
        entry.delete()
    with pytest.raises(SealedError):
        BallotEntry.objects.filter(round=rnd).update(valid=False)
    with pytest.raises(SealedError):
        Round.objects.get(pk=rnd.pk).save()
    with pytest.raises(SealedError):
        Confirmation.objects.filter(round=rnd).delete()


def test_the_database_refuses_changes_to_a_sealed_round(rnd, board, users):
    rnd = count_and_publish(rnd, board, users[Role.PRESIDIUM], crossed_for(E2, 9, 4))
    entry = BallotEntry.objects.filter(round=rnd).first()
    for sql, params in [
        ("UPDATE elections_ballotentry SET valid = %s WHERE id = %s", [False, entry.pk]),
        ("UPDATE elections_round SET digest = %s WHERE id = %s", ["0" * 64, rnd.pk]),
        (
            "INSERT INTO elections_ballotentry (round_id, pass_number, serial, marks, not_issued, names_added,"
            " distinguishing_marks, ruled_invalid, note, valid, reason, votes, entered_by_id, entered_at,"
            " void_reason) VALUES (%s, 1, 99, '{}', false, false, false, false, '', true, '', '[]', %s,"
            " CURRENT_TIMESTAMP, '')",
            [rnd.pk, board[0].pk],
        ),
    ]:
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    assert BallotEntry.objects.get(pk=entry.pk).valid is True


def test_the_journal_is_append_only(rnd, board):
    services.enter_ballot(rnd, board[0], pass_number=1, serial=1, marks={"crossed": [4]})
    journal = JournalEntry.objects.get(action="elections.ballot.entered")
    assert journal.actor == board[0] and journal.after["serial"] == 1
    with pytest.raises(ElectionError):
        journal.save()
    with pytest.raises(ElectionError):
        journal.delete()
    with pytest.raises(ElectionError):
        JournalEntry.objects.all().delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE elections_journalentry SET action = 'x' WHERE id = %s", [journal.pk])


def test_published_results_hold_only_sealed_rounds(congress, rnd, board, users):
    rnd = enter_both(rnd, board, crossed_for(E2, 9, 4))
    assert services.published_results(congress) == []
    for user in board:
        services.confirm_round(rnd, user, role="board")
    services.confirm_round(rnd, users[Role.PRESIDIUM], role="presidium")
    assert services.published_results(congress) == []
    services.publish_round(rnd, users[Role.PRESIDIUM])
    [result] = services.published_results(congress)
    assert [c["name"] for c in result["elected"]] == NAMES[:3]
    assert result["base"] == 10 and result["digest"]
