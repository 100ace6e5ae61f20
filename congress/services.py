"""The kernel's services: a congress's particulars and its two sessions."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.exceptions import CongressError
from congress.models import Congress, Session


def _session_time(congress: Congress, hour: int, minute: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(congress.date, datetime.time(hour, minute)))


def ensure_sessions(congress: Congress) -> dict[str, Session]:
    """Create the preparatory (8h00) and official (13h30–16h30) sessions if missing (Nội quy, Điều 1)."""
    defaults = {
        Session.Kind.PREPARATORY: (_session_time(congress, 8, 0), None),
        Session.Kind.OFFICIAL: (_session_time(congress, 13, 30), _session_time(congress, 16, 30)),
    }
    sessions = {}
    for kind, (start, end) in defaults.items():
        sessions[kind], _created = Session.objects.get_or_create(
            congress=congress, kind=kind, defaults={"starts_at": start, "ends_at": end}
        )
    return sessions


@transaction.atomic
def update_congress(
    congress: Congress,
    user,
    preparatory_start: datetime.time,
    official_start: datetime.time,
    official_end: datetime.time | None = None,
) -> Congress:
    """Save the congress's particulars (an unsaved, changed instance) and its sessions' times."""
    if official_end is not None and official_end <= official_start:
        raise CongressError(_("The official session must end after it starts."))
    if official_start <= preparatory_start:
        raise CongressError(_("The official session starts after the preparatory session."))
    try:
        congress.full_clean()
    except ValidationError as error:
        raise CongressError(" ".join(error.messages)) from error
    congress.save()
    sessions = ensure_sessions(congress)
    for kind, start, end in [
        (Session.Kind.PREPARATORY, preparatory_start, None),
        (Session.Kind.OFFICIAL, official_start, official_end),
    ]:
        session = sessions[kind]
        session.starts_at = timezone.make_aware(datetime.datetime.combine(congress.date, start))
        session.ends_at = timezone.make_aware(datetime.datetime.combine(congress.date, end)) if end else None
        session.save()
    return congress
