"""The demo elections of the seed congress, ready to count.

The seed's programme elects, in order, the Chi ủy 2025 – 2030, the Bí thư, the
Phó Bí thư and the delegates to the congress of Đảng bộ các cơ quan Đảng tỉnh.
The demo roll (members/demo.py) has 10 official members, so the cell elects a
chi ủy (QĐ 294: 9 or more). The chi ủy list (4 names for 3 seats) is approved
and frozen, so the board can try the counting screen at once; bí thư and phó
bí thư wait for the chi ủy; the delegates' proposal is prepared.

A second board member ("kiemphieu2", Đ/c Ngô Minh Tuấn) makes the two
independent passes possible. Loading creates what is missing and never undoes
counting already done (entries and the journal are kept by design).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from congress.models import Congress, CongressRole
from demo.passwords import demo_password
from elections import services
from elections.models import Candidate, Election
from members import services as member_services
from members.models import Member

SECOND_BOARD_USER = ("kiemphieu2", "Tuấn", "Ngô Minh", "Ngô Minh Tuấn")
UPPER_CONGRESS = "Đại hội đại biểu Đảng bộ các cơ quan Đảng tỉnh"
CHI_UY = ["Phạm Văn Hòa", "Nguyễn Thị Vân Anh", "Trần Đức Trình", "Vũ Thị Mai"]
DELEGATES = ["Hoàng Thị Thu Hà", "Đỗ Văn Làm", "Đặng Thị Lan"]


def _second_board_member(congress: Congress):
    username, first_name, last_name, full_name = SECOND_BOARD_USER
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": first_name, "last_name": last_name}
    )
    if created:
        user.set_password(demo_password())
        user.save()
    CongressRole.objects.get_or_create(congress=congress, user=user, role=CongressRole.Role.COUNTING_BOARD)
    Member.objects.filter(organisation=congress.organisation, full_name=full_name).update(user=user)
    return user


def _propose(election: Election, user, names: list[str]) -> None:
    for name in names:
        member = Member.objects.get(organisation=election.congress.organisation, full_name=name)
        if not Candidate.objects.filter(election=election, member=member).exists():
            services.add_candidate(election, user, member=member, source=Candidate.Source.PROPOSAL)


def load(congress: Congress) -> None:
    _second_board_member(congress)
    presidium = get_user_model().objects.get(username="chutich")
    elections = {e.kind: e for e in congress.elections.all()}
    base = member_services.current_base(congress)
    chi_uy = elections.get(Election.Kind.CHI_UY) or services.create_election(
        congress, presidium, kind=Election.Kind.CHI_UY, seats=3, seats_approved_yes=base.official_present
    )
    for kind in (Election.Kind.BI_THU, Election.Kind.PHO_BI_THU):
        if kind not in elections:
            services.create_election(congress, presidium, kind=kind, seats=1)
    delegates = elections.get(Election.Kind.DELEGATE) or services.create_election(
        congress, presidium, kind=Election.Kind.DELEGATE, seats=2, upper_congress=UPPER_CONGRESS
    )
    if delegates.state == Election.State.DRAFT:
        _propose(delegates, presidium, DELEGATES)
    if chi_uy.state == Election.State.DRAFT:
        _propose(chi_uy, presidium, CHI_UY)
        services.open_nominations(chi_uy, presidium)
        chi_uy.refresh_from_db()
    if chi_uy.state == Election.State.LIST_OPEN:
        services.freeze_list(chi_uy, presidium, approval_yes=base.official_present)
