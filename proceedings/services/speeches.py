"""Speeches (tham luận), working regulation IV.1.

Every function takes model instances and the acting user, runs in one transaction and raises
:class:`CongressError` with a message for the user; on error nothing is changed.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.exceptions import CongressError
from congress.models import Congress, CongressRole
from members.models import Member
from proceedings.models import ShowOfHandsVote, Speech
from proceedings.services._base import _in_congress, _lock, _lock_congress, get_settings
from proceedings.services.approvals import _check_presidium_member

Role = CongressRole.Role
Subject = ShowOfHandsVote.Subject


@transaction.atomic
def register_speech(congress: Congress, user, member: Member, title: str, text: str = "", upload=None) -> Speech:
    """Register a written speech with the secretariat; the presidium decides on it."""
    if not _in_congress(congress, member):
        raise CongressError(_("This member belongs to another congress."))
    if not text.strip() and not upload:
        raise CongressError(_("A speech is registered in writing: give its text or attach its file."))
    speech = Speech(
        congress=congress,
        member=member,
        title=title,
        text=text,
        registered_by=user,
        limit_seconds=get_settings(congress).speech_minutes * 60,
    )
    if upload:
        speech.file = upload
    try:
        speech.full_clean()
    except ValidationError as error:
        raise CongressError(" ".join(error.messages)) from error
    speech.save()
    return speech


@transaction.atomic
def decide_speech(speech: Speech, user, approve: bool, comment: str = "") -> Speech:
    """Approve (at the end of the order) or refuse a registered speech."""
    congress = _lock_congress(speech.congress)
    speech = _lock(speech)
    _check_presidium_member(congress, user)
    if speech.state != Speech.State.REGISTERED:
        raise CongressError(_("The presidium has already decided on this speech."))
    if not approve and not comment.strip():
        raise CongressError(_("Say what must change: the comment is required."))
    speech.decided_by = user
    speech.decided_at = timezone.now()
    speech.comment = comment
    if approve:
        last = Speech.objects.filter(congress=congress).aggregate(m=Max("order"))["m"] or 0
        speech.state = Speech.State.APPROVED
        speech.order = last + 1
        speech.limit_seconds = get_settings(congress).speech_minutes * 60
    else:
        speech.state = Speech.State.REJECTED
    speech.save()
    return speech


@transaction.atomic
def move_speech(speech: Speech, user, direction: str) -> Speech:
    congress = _lock_congress(speech.congress)
    speech = _lock(speech)
    _check_presidium_member(congress, user)
    if speech.state != Speech.State.APPROVED:
        raise CongressError(_("Only approved speeches waiting their turn can be reordered."))
    waiting = Speech.objects.filter(congress=congress, state=Speech.State.APPROVED)
    if direction == "up":
        other = waiting.filter(order__lt=speech.order).order_by("-order").first()
    else:
        other = waiting.filter(order__gt=speech.order).order_by("order").first()
    if other is None:
        raise CongressError(_("This speech cannot move further."))
    mine, theirs = speech.order, other.order
    speech.order = None
    speech.save(update_fields=["order"])
    other.order = mine
    other.save(update_fields=["order"])
    speech.order = theirs
    speech.save(update_fields=["order"])
    return speech


@transaction.atomic
def start_speech(speech: Speech, user) -> Speech:
    congress = _lock_congress(speech.congress)
    speech = _lock(speech)
    if speech.state != Speech.State.APPROVED:
        raise CongressError(_("Only a speech approved by the presidium can start."))
    if Speech.objects.filter(congress=congress, state=Speech.State.SPEAKING).exists():
        raise CongressError(_("Another speaker has the floor; finish that speech first."))
    speech.state = Speech.State.SPEAKING
    speech.started_at = timezone.now()
    speech.save(update_fields=["state", "started_at"])
    return speech


@transaction.atomic
def finish_speech(speech: Speech, user) -> tuple[Speech, str | None]:
    """Record that the speaker has finished and for how long; return a warning if over the limit."""
    _lock_congress(speech.congress)
    speech = _lock(speech)
    if speech.state != Speech.State.SPEAKING:
        raise CongressError(_("This speech is not under way; nothing was recorded."))
    speech.ended_at = timezone.now()
    speech.duration_seconds = int((speech.ended_at - speech.started_at).total_seconds())
    speech.state = Speech.State.DELIVERED
    speech.save(update_fields=["state", "ended_at", "duration_seconds"])
    warning = None
    if speech.overran:
        warning = _("%(name)s spoke for %(spoke)s, longer than the %(limit)s allowed (working regulation IV.1).") % {
            "name": speech.member,
            "spoke": minutes_seconds(speech.duration_seconds),
            "limit": minutes_seconds(speech.limit_seconds),
        }
    return speech, warning


def minutes_seconds(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
