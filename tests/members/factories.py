"""Small builders for member tests: plain objects.create, readable Vietnamese data."""

from __future__ import annotations

import datetime
import itertools

from django.utils import timezone

from congress.models import Congress, Session
from members.models import Attendance, CongressMember, Member

_cards = itertools.count(1)


def session(congress: Congress, kind: str = Session.Kind.PREPARATORY) -> Session:
    hour = 8 if kind == Session.Kind.PREPARATORY else 14
    starts = timezone.make_aware(datetime.datetime.combine(congress.date, datetime.time(hour, 0)))
    return Session.objects.get_or_create(congress=congress, kind=kind, defaults={"starts_at": starts})[0]


def member(
    congress: Congress, full_name: str = "Nguyễn Văn An", status: str = Member.Status.OFFICIAL, **facts
) -> CongressMember:
    m = Member.objects.create(
        organisation=congress.organisation,
        full_name=full_name,
        gender=Member.Gender.MALE,
        card_number=f"{next(_cards):08d}",
        status=status,
    )
    return CongressMember.objects.create(congress=congress, member=m, **facts)


def attend(cm: CongressMember, sess: Session, state: str = Attendance.State.PRESENT, **kw) -> Attendance:
    return Attendance.objects.create(congress_member=cm, session=sess, state=state, **kw)
