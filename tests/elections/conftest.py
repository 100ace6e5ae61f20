"""Builders for election tests: a roll of members present, elections with frozen lists."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from congress.models import CongressRole, Session
from elections import services
from elections.models import Candidate, Election
from members.models import Attendance, CongressMember, Member
from tests.conftest import make_user

Role = CongressRole.Role

# Eleven official members, as in the seed cell; listed in Vietnamese order by given name.
NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Đức",
    "Vũ Thị Giang",
    "Đỗ Văn Hải",
    "Bùi Thị Hạnh",
    "Ngô Văn Khoa",
    "Đặng Thị Lan",
    "Phan Văn Minh",
]


def build_roll(congress, names=NAMES, *, absent=(), exempted_absent=(), probationary=()):
    """Create members and their attendance at the official session; return {name: CongressMember}."""
    session, _ = Session.objects.get_or_create(
        congress=congress,
        kind=Session.Kind.OFFICIAL,
        defaults={"starts_at": timezone.make_aware(datetime.datetime.combine(congress.date, datetime.time(14)))},
    )
    roll = {}
    for name in names:
        status = Member.Status.PROBATIONARY if name in probationary else Member.Status.OFFICIAL
        member = Member.objects.create(
            organisation=congress.organisation, full_name=name, gender=Member.Gender.MALE, status=status
        )
        cm = CongressMember.objects.create(congress=congress, member=member, exempted=name in exempted_absent)
        here = name not in absent and name not in exempted_absent
        Attendance.objects.create(
            congress_member=cm,
            session=session,
            state=Attendance.State.PRESENT if here else Attendance.State.ABSENT_UNEXCUSED,
        )
        roll[name] = cm
    return roll


def second_board_user(congress, username="kiemphieu2"):
    return make_user(username, congress, Role.COUNTING_BOARD)


def frozen_election(congress, user, names, *, kind=Election.Kind.CHI_UY, seats=3, approval_yes=None):
    """Create an election with ``names`` proposed, open and approve its list; return round 1."""
    election = services.create_election(
        congress, user, kind=kind, seats=seats, seats_approved_yes=approval_yes or 9 if kind == "chi_uy" else None
    )
    for name in names:
        member = Member.objects.get(organisation=congress.organisation, full_name=name)
        services.add_candidate(election, user, member=member, source=Candidate.Source.PROPOSAL)
    services.open_nominations(election, user)
    return services.freeze_list(election, user, approval_yes=approval_yes or 9)


@pytest.fixture(autouse=True)
def _vietnamese():
    """Messages are checked in Vietnamese, the users' language, whatever ran before."""
    with translation.override("vi"):
        yield


@pytest.fixture
def roll(congress):
    """E2 of election-rules.md §5: 11 official convened, 1 exempted and absent, 1 absent → base 10, 9 present."""
    return build_roll(congress, absent=["Phan Văn Minh"], exempted_absent=["Đặng Thị Lan"])


@pytest.fixture
def board(congress, users):
    """Two board members (the users fixture's "kiemphieu" and a second one)."""
    return [users[Role.COUNTING_BOARD], second_board_user(congress)]


def crossed_for(votes: dict[int, int], ballots: int, names: int) -> list[list[int]]:
    """Return, per ballot, the numbers to cross out so that number n gets votes[n] votes.

    Each candidate's votes go to the ballots that keep the fewest names so far,
    so no ballot keeps more names than needed (all ballots stay valid when the
    total fits).
    """
    kept: list[set[int]] = [set() for _ in range(ballots)]
    for number, count in sorted(votes.items(), key=lambda item: -item[1]):
        for ballot in sorted(range(ballots), key=lambda b: (len(kept[b]), b))[:count]:
            kept[ballot].add(number)
    return [[n for n in range(1, names + 1) if n not in k] for k in kept]


def count_and_publish(rnd, board, presidium, crossed: list[list[int]], passes=(1, 2)):
    """Enter the ballots in both passes, confirm (board, presidium) and publish; return the sealed round."""
    rnd = services.record_ballot_counts(rnd, board[0], issued=rnd.official_present, collected=len(crossed))
    for pass_number in passes:
        for serial, numbers in enumerate(crossed, start=1):
            services.enter_ballot(
                rnd, board[pass_number - 1], pass_number=pass_number, serial=serial, marks={"crossed": numbers}
            )
    for user in board:
        services.confirm_round(rnd, user, role="board")
    services.confirm_round(rnd, presidium, role="presidium")
    return services.publish_round(rnd, presidium)
