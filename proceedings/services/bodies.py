"""Bodies (presidium, secretariat, vote-counting board).

Every function takes model instances and the acting user, runs in one transaction and raises
:class:`CongressError` with a message for the user; on error nothing is changed.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from congress.exceptions import CongressError
from congress.models import Congress, CongressRole
from elections.services import members_on_lists
from members.models import Member
from proceedings.models import Body, ShowOfHandsVote
from proceedings.services._base import _in_congress, _lock

Role = CongressRole.Role
Subject = ShowOfHandsVote.Subject


def ensure_bodies(congress: Congress) -> dict[str, Body]:
    return {kind: Body.objects.get_or_create(congress=congress, kind=kind)[0] for kind in Body.Kind.values}


@transaction.atomic
def set_body_members(body: Body, user, members: list[Member]) -> Body:
    """Set the members proposed for a body; refused once the congress has adopted it."""
    body = _lock(body)
    if body.votes.filter(adopted=True).exists():
        raise CongressError(
            _("The congress has adopted %(body)s; its members can no longer change.") % {"body": body.name}
        )
    outsiders = [m for m in members if not _in_congress(body.congress, m)]
    if outsiders:
        raise CongressError(_("This member belongs to another congress."))
    if body.kind == Body.Kind.COUNTING_BOARD:
        # QĐ 190 Art. 8: "một số đảng viên chính thức … không có tên trong danh sách bầu cử".
        not_official = [str(m) for m in members if m.status != Member.Status.OFFICIAL]
        if not_official:
            raise CongressError(
                _("The vote-counting board is made of official members only (QĐ 190 Art. 8): %(names)s.")
                % {"names": ", ".join(not_official)}
            )
    if body.kind == Body.Kind.COUNTING_BOARD:
        on_lists = members_on_election_lists(body.congress) & {m.pk for m in members}
        if on_lists:
            names = ", ".join(str(m) for m in members if m.pk in on_lists)
            raise CongressError(
                _("A member of the vote-counting board may not be on an election list (QĐ 190 Art. 8): %(names)s.")
                % {"names": names}
            )
    set_members_in_order(body, members)
    return body


def set_members_in_order(body: Body, members) -> None:
    """Replace the body's members, keeping the order given (the first of the presidium chairs).

    ``members.set()`` inserts in an order of its own (a set of ids); the printed
    lists read the through rows in insertion order, so add them one by one.
    """
    body.members.clear()
    for member in members:
        body.members.add(member)


def grant_body_roles(body: Body) -> int:
    """Give each member of an adopted body who has a login the matching role (idempotent)."""
    role = {
        Body.Kind.PRESIDIUM: Role.PRESIDIUM,
        Body.Kind.SECRETARIAT: Role.SECRETARIAT,
        Body.Kind.COUNTING_BOARD: Role.COUNTING_BOARD,
    }[body.kind]
    granted = 0
    for member in body.members.exclude(user=None):
        _role, created = CongressRole.objects.get_or_create(congress=body.congress, user=member.user, role=role)
        granted += created
    return granted


def members_on_election_lists(congress: Congress) -> set[int]:
    """Return the ids of the members on any election list of ``congress``.

    A member of the vote-counting board may not be on an election list
    (QĐ 190 Art. 8, election-rules.md §3.8). The elections app owns the lists.
    """
    return members_on_lists(congress)
