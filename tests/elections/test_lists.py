"""Candidate lists (QĐ 190 Arts. 8, 14; QĐ 294): who may stand, the surplus, approval and freezing."""

from __future__ import annotations

import pytest

from congress.models import CongressRole
from elections import services
from elections.exceptions import ElectionError
from elections.models import Candidate, Election, JournalEntry, Round
from members.models import Member
from tests.elections.conftest import build_roll, frozen_election

Role = CongressRole.Role
pytestmark = pytest.mark.django_db


def member(congress, name):
    return Member.objects.get(organisation=congress.organisation, full_name=name)


@pytest.fixture
def chi_uy(congress, users, roll):
    return services.create_election(congress, users[Role.SECRETARIAT], kind="chi_uy", seats=3, seats_approved_yes=9)


def test_qd294_a_cell_under_9_official_members_elects_no_chi_uy(congress, users):
    build_roll(congress, names=["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"])
    with pytest.raises(ElectionError, match="không bầu chi ủy"):
        services.create_election(congress, users[Role.SECRETARIAT], kind="chi_uy", seats=3)
    assert not Election.objects.exists()


def test_qd294_at_most_7_chi_uy_seats(congress, users, roll):
    with pytest.raises(ElectionError, match="không quá 7"):
        services.create_election(congress, users[Role.SECRETARIAT], kind="chi_uy", seats=8)


def test_the_seats_vote_needs_more_than_half_of_the_base(congress, users, roll):
    # Base 10: 5 votes is exactly half, not enough.
    with pytest.raises(ElectionError, match="không quá một nửa mẫu số"):
        services.create_election(congress, users[Role.SECRETARIAT], kind="chi_uy", seats=3, seats_approved_yes=5)


def test_bi_thu_has_one_seat_and_waits_for_the_chi_uy(congress, users, roll):
    user = users[Role.SECRETARIAT]
    with pytest.raises(ElectionError):
        services.create_election(congress, user, kind="bi_thu", seats=2)
    bi_thu = services.create_election(congress, user, kind="bi_thu", seats=1)
    with pytest.raises(ElectionError, match="Phải bầu chi ủy trước"):
        services.open_nominations(bi_thu, user)


def test_one_election_of_each_kind_so_no_combined_ballot(congress, users, roll, chi_uy):
    with pytest.raises(ElectionError):
        services.create_election(congress, users[Role.SECRETARIAT], kind="chi_uy", seats=3, seats_approved_yes=9)


def test_art_8_a_board_member_cannot_be_on_the_list(congress, users, roll, chi_uy):
    board_user = users[Role.COUNTING_BOARD]
    lan = member(congress, "Ngô Văn Khoa")
    lan.user = board_user
    lan.save()
    with pytest.raises(ElectionError, match="Ban kiểm phiếu"):
        services.add_candidate(chi_uy, users[Role.SECRETARIAT], member=lan)
    assert not Candidate.objects.exists()


def test_rule_1c_only_official_members_of_this_cell_stand(congress, users, chi_uy):
    build_roll(congress, names=["Vũ Văn Tập"], probationary=["Vũ Văn Tập"])
    with pytest.raises(ElectionError, match="đảng viên chính thức"):
        services.add_candidate(chi_uy, users[Role.SECRETARIAT], member=member(congress, "Vũ Văn Tập"))


def test_art_14_3_nominee_needs_more_than_30_percent_of_those_present(congress, users, roll, chi_uy):
    user = users[Role.SECRETARIAT]
    services.open_nominations(chi_uy, user)
    # 9 present: 30% is 2.7, so 3 agreeing is enough and 2 is not (exactly 30% would fail too).
    refused = services.add_candidate(
        chi_uy, user, member=member(congress, "Vũ Thị Giang"), source="nomination", approval_yes=2, approval_present=9
    )
    hai = member(congress, "Đỗ Văn Hải")
    approved = services.add_candidate(
        chi_uy, user, member=hai, source="self_nomination", approval_yes=3, approval_present=9
    )
    assert refused.status == Candidate.Status.NOT_APPROVED
    assert approved.status == Candidate.Status.ON_LIST
    assert JournalEntry.objects.filter(action="elections.candidate.refused").count() == 1


def test_nominations_wait_until_they_are_open(congress, users, roll, chi_uy):
    with pytest.raises(ElectionError):
        services.add_candidate(
            chi_uy, users[Role.SECRETARIAT], member=member(congress, "Vũ Thị Giang"), source="nomination"
        )


def test_art_14_surplus_3_seats_allows_at_most_4_names(congress, users, roll, chi_uy):
    user = users[Role.SECRETARIAT]
    for name in ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Đức"]:
        services.add_candidate(chi_uy, user, member=member(congress, name))
    services.open_nominations(chi_uy, user)
    with pytest.raises(ElectionError, match="tối đa 1"):
        services.freeze_list(chi_uy, user, approval_yes=9)
    services.withdraw_candidate(
        Candidate.objects.get(member__full_name="Hoàng Văn Đức"), user, reason="Xin rút vì lý do sức khỏe"
    )
    rnd = services.freeze_list(chi_uy, user, approval_yes=9)
    assert rnd.candidate_count == 4


def test_art_14_a_chi_uy_list_equal_to_the_seats_is_refused(congress, users, roll, chi_uy):
    user = users[Role.SECRETARIAT]
    for name in ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]:
        services.add_candidate(chi_uy, user, member=member(congress, name))
    with pytest.raises(ElectionError, match="phải nhiều hơn số lượng cần bầu"):
        services.freeze_list(chi_uy, user, approval_yes=9)


def test_freezing_numbers_names_by_given_name_and_freezes_the_base(congress, users, roll):
    user = users[Role.SECRETARIAT]
    rnd = frozen_election(congress, user, ["Phạm Thị Dung", "Nguyễn Văn An", "Lê Văn Cường", "Trần Thị Bình"])
    assert [rc.candidate.full_name for rc in rnd.names.all()] == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Phạm Thị Dung",
    ]
    assert rnd.base_snapshot.base.base == 10
    assert rnd.form == Round.Form.STRIKE_OUT
    election = rnd.election
    assert election.state == Election.State.FROZEN
    with pytest.raises(ElectionError, match="không thể thay đổi"):
        services.add_candidate(election, user, member=member(congress, "Vũ Thị Giang"))
    with pytest.raises(ElectionError):
        services.withdraw_candidate(Candidate.objects.get(member__full_name="Nguyễn Văn An"), user, reason="x")


def test_the_list_needs_more_than_half_of_the_base(congress, users, roll, chi_uy):
    user = users[Role.SECRETARIAT]
    for name in ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]:
        services.add_candidate(chi_uy, user, member=member(congress, name))
    with pytest.raises(ElectionError, match="chưa được thông qua"):
        services.freeze_list(chi_uy, user, approval_yes=5)
    assert not Round.objects.exists()


def test_a_single_bi_thu_candidate_gets_a_yes_no_ballot(congress, users, roll):
    user = users[Role.SECRETARIAT]
    chi_uy = frozen_election(congress, user, ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"])
    assert chi_uy.form == Round.Form.STRIKE_OUT
    bi_thu = services.create_election(congress, user, kind="bi_thu", seats=1)
    # Phó/bí thư candidates must be elected chi ủy members (QĐ 294): nobody is elected yet.
    with pytest.raises(ElectionError, match="chưa trúng cử chi ủy"):
        services.add_candidate(bi_thu, user, member=member(congress, "Nguyễn Văn An"))
