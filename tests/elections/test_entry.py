"""Ballot-by-ballot entry (§3.7): verdicts, bad input, corrections, blind passes, the journal."""

from __future__ import annotations

import pytest

from congress.models import CongressRole
from elections import counting, services
from elections.exceptions import ElectionError
from elections.models import BallotEntry, JournalEntry, Round
from members.models import Member
from tests.conftest import make_user
from tests.elections.conftest import build_roll, frozen_election

Role = CongressRole.Role
pytestmark = pytest.mark.django_db
FOUR = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]


@pytest.fixture
def rnd(congress, users, roll):
    return frozen_election(congress, users[Role.SECRETARIAT], FOUR)


def enter(rnd, user, serial, crossed=(), pass_number=1, **flags):
    return services.enter_ballot(
        rnd, user, pass_number=pass_number, serial=serial, marks={"crossed": list(crossed)}, flags=flags
    )


@pytest.mark.parametrize(
    "crossed,flags,valid,reason,votes",
    [
        ([4], {}, True, "", [1, 2, 3]),  # E5 ballot 1: exactly 3 kept of 3 seats
        ([3, 4], {}, True, "", [1, 2]),  # E5 ballot 4: fewer than seats is valid
        ([], {}, False, "too_many", []),  # E5 ballot 8: 4 kept > 3 seats
        ([1, 2, 3, 4], {}, False, "all_crossed", []),  # E5 ballot 9: votes for nobody
        ([4], {"not_issued": True}, False, "not_issued", []),
        ([4], {"names_added": True}, False, "names_added", []),
        ([4], {"distinguishing_marks": True}, False, "distinguishing_marks", []),
    ],
)
def test_s3_7_strike_out_verdicts(rnd, board, crossed, flags, valid, reason, votes):
    entry = enter(rnd, board[0], 1, crossed, **flags)
    assert (entry.valid, entry.reason, entry.votes) == (valid, reason, votes)


def test_a_board_ruling_needs_a_reason(rnd, board):
    with pytest.raises(ElectionError, match="Ghi lý do Ban kiểm phiếu kết luận"):
        enter(rnd, board[0], 1, [4], ruled_invalid=True)
    entry = services.enter_ballot(
        rnd, board[0], pass_number=1, serial=1, marks={"crossed": [4]}, flags={"ruled_invalid": True}, note="gạch chéo"
    )
    assert (entry.valid, entry.reason) == (False, "board_ruling")


def test_bad_input_is_refused_and_nothing_is_counted(rnd, board):
    enter(rnd, board[0], 1, [4])
    with pytest.raises(ElectionError, match="đã được nhập ở lượt 1"):
        enter(rnd, board[0], 1, [3])
    with pytest.raises(ElectionError, match="nằm ngoài phạm vi"):
        enter(rnd, board[0], 10, [3])  # 9 ballots issued
    with pytest.raises(ElectionError, match="Không có số 5"):
        enter(rnd, board[0], 2, [5])
    assert BallotEntry.objects.count() == 1
    assert JournalEntry.objects.filter(action="elections.ballot.entered").count() == 1


def test_the_same_serial_in_the_other_pass_is_fine(rnd, board):
    enter(rnd, board[0], 1, [4], pass_number=1)
    enter(rnd, board[1], 1, [4], pass_number=2)
    assert BallotEntry.objects.count() == 2


def test_passes_are_entered_by_different_people(rnd, board):
    enter(rnd, board[0], 1, [4], pass_number=1)
    with pytest.raises(ElectionError, match="hai người khác nhau"):
        enter(rnd, board[0], 1, [4], pass_number=2)


def test_a_single_pass_congress_has_no_second_pass(congress, rnd, board, users):
    counting.settings_for(congress)
    congress.election_settings.passes_required = 1
    congress.election_settings.save()
    congress._election_settings_cache = None
    with pytest.raises(ElectionError, match="không có lượt 2"):
        enter(rnd, board[0], 1, [4], pass_number=2)


def test_only_the_board_enters_and_never_a_candidate(congress, rnd, users, board):
    with pytest.raises(ElectionError, match="Chỉ thành viên Ban kiểm phiếu"):
        enter(rnd, users[Role.PRESIDIUM], 1, [4])
    # A board member appointed after the list was frozen, who is on the list.
    intruder = make_user("ungcuvien", congress, Role.COUNTING_BOARD)
    Member.objects.filter(full_name="Nguyễn Văn An").update(user=intruder)
    with pytest.raises(ElectionError, match="không được kiểm phiếu"):
        enter(rnd, intruder, 1, [4])


def test_correcting_voids_the_old_entry_and_keeps_both(rnd, board):
    entry = enter(rnd, board[0], 3, [])
    assert not entry.valid
    new = services.correct_entry(entry, board[0], marks={"crossed": [2]}, reason="Đọc nhầm phiếu")
    entry.refresh_from_db()
    assert entry.voided_at is not None and entry.void_reason == "Đọc nhầm phiếu"
    assert (new.valid, new.votes, new.corrects_id, new.serial) == (True, [1, 3, 4], entry.pk, 3)
    with pytest.raises(ElectionError, match="đã bị hủy"):
        services.void_entry(entry, board[0], reason="again")
    journal = JournalEntry.objects.get(action="elections.ballot.corrected")
    assert journal.before["marks"] == {"crossed": []} and journal.after["marks"] == {"crossed": [2]}


def test_voiding_frees_the_serial(rnd, board):
    entry = enter(rnd, board[0], 5, [4])
    with pytest.raises(ElectionError, match="Ghi lý do"):
        services.void_entry(entry, board[0], reason=" ")
    services.void_entry(entry, board[0], reason="Nhập nhầm số phiếu")
    assert services.next_serial(rnd, 1) == 1
    enter(rnd, board[0], 5, [3])
    assert BallotEntry.objects.filter(serial=5).count() == 2


def test_next_serial_advances_past_the_entered_ones(rnd, board):
    for serial in (1, 2, 4):
        enter(rnd, board[0], serial, [4])
    assert services.next_serial(rnd, 1) == 3
    assert services.next_serial(rnd, 2) == 1


def test_ballot_counts_arithmetic(rnd, board):
    with pytest.raises(ElectionError, match="chỉ có 9 đảng viên chính thức có mặt"):
        services.record_ballot_counts(rnd, board[0], issued=10, collected=9)
    with pytest.raises(ElectionError, match="chỉ phát ra 8 phiếu"):
        services.record_ballot_counts(rnd, board[0], issued=8, collected=9)
    enter(rnd, board[0], 9, [4])
    with pytest.raises(ElectionError, match="lớn hơn 8"):
        services.record_ballot_counts(rnd, board[0], issued=8, collected=8)


def test_s3_7_one_name_yes_no_ballot(congress, users, board):
    build_roll(congress, names=["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Vũ Thị Giang"])
    rnd = frozen_election(congress, users[Role.SECRETARIAT], ["Vũ Thị Giang"], kind="bi_thu", seats=1, approval_yes=5)
    assert rnd.form == Round.Form.YES_NO

    def mark(serial, agree, disagree):
        return services.enter_ballot(
            rnd, board[0], pass_number=1, serial=serial, marks={"agree": agree, "disagree": disagree}
        )

    assert (mark(1, [1], []).votes, mark(2, [], [1]).valid) == ([1], True)
    assert mark(3, [1], [1]).reason == "both_boxes"
    assert mark(4, [], []).reason == "no_box"
