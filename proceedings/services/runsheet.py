"""The run sheet: the programme as it happens.

Every function takes model instances and the acting user, runs in one transaction and raises
:class:`CongressError` with a message for the user; on error nothing is changed.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.exceptions import CongressError
from congress.models import Congress, CongressRole, Session
from proceedings.models import CongressSettings, ProgrammeItem, ShowOfHandsVote
from proceedings.services._base import _lock_congress, get_settings
from proceedings.services.votes import missing_before_official_session

Role = CongressRole.Role
Subject = ShowOfHandsVote.Subject


@transaction.atomic
def start_next_item(congress: Congress, user, expected_current: int | None) -> tuple[ProgrammeItem | None, list[str]]:
    """Finish the current item and start the next one; return it and any warnings.

    ``expected_current`` is the item the user saw running (None: none): when
    another browser has moved on meanwhile, nothing happens, so a double click
    cannot skip an item.
    """
    congress = _lock_congress(congress)
    items = ProgrammeItem.objects.filter(congress=congress).select_related("session")
    current = items.filter(state=ProgrammeItem.State.IN_PROGRESS).first()
    if (current.pk if current else None) != expected_current:
        raise CongressError(_("The programme has moved on in another window; reload the page."))
    following = items.exclude(state__in=[ProgrammeItem.State.IN_PROGRESS, ProgrammeItem.State.DONE]).order_by("order")
    nxt = following.filter(order__gt=current.order).first() if current else following.first()
    warnings: list[str] = []
    if nxt is not None:
        if nxt.state != ProgrammeItem.State.APPROVED:
            raise CongressError(
                _("The presidium has not approved the next item yet: %(title)s") % {"title": nxt.title}
            )
        opens_official = (
            nxt.session.kind == Session.Kind.OFFICIAL
            and not items.filter(session__kind=Session.Kind.OFFICIAL, started_at__isnull=False).exists()
        )
        if opens_official:
            missing = missing_before_official_session(congress)
            if missing:
                message = _(
                    "The preparatory session has not yet adopted: %(missing)s. The official session cannot open."
                ) % {"missing": ", ".join(missing)}
                if get_settings(congress).gating == CongressSettings.Gating.BLOCK:
                    raise CongressError(message)
                warnings.append(message)
    now = timezone.now()
    if current is not None:
        current.state = ProgrammeItem.State.DONE
        current.ended_at = now
        current.save(update_fields=["state", "ended_at"])
    if nxt is not None:
        nxt.state = ProgrammeItem.State.IN_PROGRESS
        nxt.started_at = now
        nxt.save(update_fields=["state", "started_at"])
        if congress.status == Congress.Status.PREPARING:
            congress.status = Congress.Status.IN_SESSION
            congress.save(update_fields=["status"])
    elif current is not None:
        congress.status = Congress.Status.CLOSED
        congress.save(update_fields=["status"])
    else:
        raise CongressError(_("There is no item left in the programme."))
    return nxt, warnings


def programme_rows(congress: Congress) -> list[dict]:
    """Return the programme for printing: per session, its items with their number and presenter.

    For the documents app: ``[{"session": Session, "items": [{"number": 1,
    "title": …, "presenter": "Đ/c Vân Anh", "kind": …, "planned_start": …}]}]``.
    Numbers restart in each session, as in the seed.
    """
    rows = []
    items = (
        ProgrammeItem.objects.filter(congress=congress)
        .select_related("session", "presenter_body", "presenter_member")
        .prefetch_related("approvals", "documents")
    )
    for session in congress.sessions.order_by("starts_at"):
        mine = [item for item in items if item.session_id == session.pk]
        rows.append(
            {
                "session": session,
                "items": [
                    {
                        "number": number,
                        "title": item.title,
                        "presenter": item.presenter,
                        "kind": item.kind,
                        "planned_start": item.planned_start,
                        "item": item,
                    }
                    for number, item in enumerate(mine, start=1)
                ],
            }
        )
    return rows
