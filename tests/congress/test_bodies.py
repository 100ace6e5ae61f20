"""Bodies of the congress: adopted by show of hands, their members get their roles (rules document §3.10);
the vote-counting board is made of official members not on an election list (QĐ 190 Art. 8)."""

from __future__ import annotations

import pytest

from congress.exceptions import CongressError
from congress.models import CongressRole
from members.services import current_base
from proceedings.models import Body, ShowOfHandsVote
from proceedings.services import bodies as bodies_services
from proceedings.services import votes as vote_services
from proceedings.services.bodies import ensure_bodies, grant_body_roles, set_body_members
from proceedings.services.votes import VoteTarget, record_vote
from tests.conftest import make_user
from tests.congress.helpers import build_e8_roll
from tests.members.factories import member

Role = CongressRole.Role
Subject = ShowOfHandsVote.Subject


@pytest.fixture
def e8_roll(congress):
    return build_e8_roll(congress)


def test_the_e8_roll_gives_base_ten(congress, e8_roll):
    base = current_base(congress)
    assert (base.base, base.threshold, base.official_present) == (10, 6, 9)


def test_adopting_the_presidium_gives_its_members_the_role(congress, e8_roll, users):
    hoa, trinh = e8_roll["Phạm Văn Hòa"].member, e8_roll["Trần Đức Trình"].member
    hoa.user = make_user("hoa")
    hoa.save()
    body = ensure_bodies(congress)[Body.Kind.PRESIDIUM]
    set_body_members(body, users[Role.SECRETARIAT], [hoa, trinh, e8_roll["Vũ Thị Mai"].member])
    vote = record_vote(congress, users[Role.SECRETARIAT], Subject.PRESIDIUM, VoteTarget(body=body), 6, 2, 1, 1)
    assert vote.adopted and vote.base == 10 and vote.snapshot.base.base == 10
    assert CongressRole.objects.filter(congress=congress, user=hoa.user, role=Role.PRESIDIUM).exists()
    # Idempotent: granting again adds nothing.
    assert grant_body_roles(body) == 0


def test_a_body_not_adopted_gives_no_role(congress, e8_roll, users):
    hoa = e8_roll["Phạm Văn Hòa"].member
    hoa.user = make_user("hoa")
    hoa.save()
    body = ensure_bodies(congress)[Body.Kind.SECRETARIAT]
    set_body_members(body, users[Role.SECRETARIAT], [hoa])
    vote = record_vote(congress, users[Role.SECRETARIAT], Subject.SECRETARIAT, VoteTarget(body=body), 5, 3, 1, 1)
    assert not vote.adopted  # E8: 2 × 5 = 10 is not more than 10
    assert not CongressRole.objects.filter(user=hoa.user).exists()


def test_probationary_cards_are_not_counted(congress, e8_roll, users):
    """11 cards (9 official + 2 probationary) for 9 official members present: refused."""
    body = ensure_bodies(congress)[Body.Kind.SECRETARIAT]
    set_body_members(body, users[Role.SECRETARIAT], [e8_roll["Nguyễn Thị Vân Anh"].member])
    with pytest.raises(CongressError, match="9"):
        record_vote(congress, users[Role.SECRETARIAT], Subject.SECRETARIAT, VoteTarget(body=body), 11, 0, 0, 1)
    assert not ShowOfHandsVote.objects.exists()


def test_an_adopted_body_cannot_change(congress, e8_roll, users):
    body = ensure_bodies(congress)[Body.Kind.SECRETARIAT]
    set_body_members(body, users[Role.SECRETARIAT], [e8_roll["Nguyễn Thị Vân Anh"].member])
    record_vote(congress, users[Role.SECRETARIAT], Subject.SECRETARIAT, VoteTarget(body=body), 9, 0, 0, 1)
    with pytest.raises(CongressError):
        set_body_members(body, users[Role.SECRETARIAT], [e8_roll["Đỗ Văn Làm"].member])


def test_the_counting_board_refuses_a_probationary_member(congress, e8_roll, users):
    body = ensure_bodies(congress)[Body.Kind.COUNTING_BOARD]
    with pytest.raises(CongressError, match="Bùi Thị Hương"):
        set_body_members(body, users[Role.SECRETARIAT], [e8_roll["Bùi Thị Hương"].member])


def test_the_counting_board_refuses_a_member_on_an_election_list(congress, e8_roll, users, monkeypatch):
    """QĐ 190 Art. 8: a member of the board may not be on an election list."""
    dung = e8_roll["Lê Quang Dũng"].member
    body = ensure_bodies(congress)[Body.Kind.COUNTING_BOARD]
    set_body_members(body, users[Role.SECRETARIAT], [dung])
    monkeypatch.setattr(bodies_services, "members_on_election_lists", lambda congress: {dung.pk})
    monkeypatch.setattr(vote_services, "members_on_election_lists", lambda congress: {dung.pk})
    with pytest.raises(CongressError, match="Lê Quang Dũng"):
        set_body_members(body, users[Role.SECRETARIAT], [dung])
    with pytest.raises(CongressError, match="Lê Quang Dũng"):
        record_vote(congress, users[Role.SECRETARIAT], Subject.COUNTING_BOARD, VoteTarget(body=body), 9, 0, 0, 1)


def test_a_member_of_another_congress_cannot_join_a_body(congress, other_congress, users):
    stranger = member(other_congress, "Người Ngoài Cuộc").member
    body = ensure_bodies(congress)[Body.Kind.PRESIDIUM]
    with pytest.raises(CongressError):
        set_body_members(body, users[Role.SECRETARIAT], [stranger])
