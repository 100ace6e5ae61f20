"""Helpers shared by the proceedings services.

Every function takes model instances and the acting user, runs in one transaction and raises
:class:`CongressError` with a message for the user; on error nothing is changed.
"""

from __future__ import annotations

from congress.models import Congress, CongressRole
from members.models import CongressMember, Member
from proceedings.models import CongressSettings, ProgrammeItem, ShowOfHandsVote

Role = CongressRole.Role
Subject = ShowOfHandsVote.Subject


def get_settings(congress: Congress) -> CongressSettings:
    settings, _created = CongressSettings.objects.get_or_create(congress=congress)
    return settings


def _lock(obj):
    """Return a fresh copy of ``obj`` locked for update (the row lock serialises clicks of two browsers)."""
    return type(obj).objects.select_for_update().get(pk=obj.pk)


def _lock_congress(congress: Congress) -> Congress:
    return Congress.objects.select_for_update().select_related("organisation").get(pk=congress.pk)


def _in_congress(congress: Congress, member) -> bool:
    return CongressMember.objects.filter(congress=congress, member=member).exists()


def _congress_of(obj) -> Congress:
    return obj.congress if isinstance(obj, ProgrammeItem) else obj.text.congress


def _send_back(obj) -> None:
    """A change to a submitted or approved object voids the approvals given so far (issue 4, §3)."""
    if obj.state in (obj.State.SUBMITTED, obj.State.APPROVED):
        obj.state = obj.State.SUBMITTED
        obj.approval_round += 1


def congress_members(congress: Congress):
    """Return the members of the congress's roll, in Vietnamese order of given name."""
    return Member.objects.filter(congress_members__congress=congress).distinct()
