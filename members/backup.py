"""The members app's rows for the machine-restorable backup (handover.backup), in dependency order."""

from __future__ import annotations

from django.db import models

from congress.models import Congress
from members.models import Attendance, BaseSnapshot, CongressMember, Member, MemberChange


def rows(congress: Congress) -> list[models.Model]:
    """Every member of the organisation (bodies and candidates may name any), then the congress's facts."""
    return [
        *Member.objects.filter(organisation=congress.organisation_id).order_by("pk"),
        *CongressMember.objects.filter(congress=congress).order_by("pk"),
        *Attendance.objects.filter(congress_member__congress=congress).order_by("pk"),
        *BaseSnapshot.objects.filter(congress=congress).order_by("pk"),
        *MemberChange.objects.filter(congress=congress).order_by("pk"),
    ]
