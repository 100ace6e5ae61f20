"""Presidium approval (working regulation I.2).

Every function takes model instances and the acting user, runs in one transaction and raises
:class:`CongressError` with a message for the user; on error nothing is changed.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from congress.exceptions import CongressError
from congress.models import Congress, CongressRole
from congress.rules import more_than_half
from members.models import Member
from proceedings.models import Body, PresidiumApproval, ProgrammeItem, ShowOfHandsVote, TextVersion
from proceedings.services._base import _congress_of, _lock

Role = CongressRole.Role
Subject = ShowOfHandsVote.Subject


def presidium_user_ids(congress: Congress) -> set[int]:
    """Return the users who hold the presidium role in ``congress`` now."""
    return set(
        CongressRole.objects.filter(congress=congress, role=Role.PRESIDIUM, user__is_active=True).values_list(
            "user_id", flat=True
        )
    )


def presidium_size(congress: Congress, user_ids: set[int] | None = None) -> int:
    """Return how many members the presidium has, for its more-than-half rule.

    The adopted (or proposed) presidium body may have members without a login;
    they still count, so that one login can never be "more than half" of a
    presidium of three (working regulation I.2).
    """
    body_size = Member.objects.filter(
        congress_bodies__congress=congress, congress_bodies__kind=Body.Kind.PRESIDIUM
    ).count()
    if user_ids is None:
        user_ids = presidium_user_ids(congress)
    return max(len(user_ids), body_size)


def _approval_target(obj) -> dict:
    return {"item": obj} if isinstance(obj, ProgrammeItem) else {"version": obj}


def approvals_of(obj):
    """Return this round's decisions on ``obj``, oldest first."""
    return PresidiumApproval.objects.filter(round=obj.approval_round, **_approval_target(obj)).select_related("user")


@transaction.atomic
def submit(obj, user):
    """Submit a programme item or a text version to the presidium."""
    obj = _lock(obj)
    if obj.state != obj.State.DRAFT:
        raise CongressError(_("This has already been submitted to the presidium."))
    if isinstance(obj, TextVersion) and obj.text.latest.pk != obj.pk:
        raise CongressError(_("Only the latest version of a text can be submitted."))
    obj.state = obj.State.SUBMITTED
    obj.approval_round += 1
    obj.return_comment = ""
    obj.save()
    return obj


@transaction.atomic
def submit_programme(congress: Congress, user) -> int:
    """Submit every draft item of the programme; return how many were submitted."""
    items = ProgrammeItem.objects.filter(congress=congress, state=ProgrammeItem.State.DRAFT)
    count = 0
    for item in items:
        submit(item, user)
        count += 1
    if not count:
        raise CongressError(_("There is no draft item to submit."))
    return count


def _check_presidium_member(congress: Congress, user) -> None:
    if user.pk not in presidium_user_ids(congress):
        raise CongressError(_("Only a member of the presidium can decide this."))


def _record_decision(congress: Congress, obj, user, decision: str, comment: str) -> None:
    """Record one presidium member's decision on ``obj``; a second one by the same member is refused.

    The check gives the friendly message; the unique constraint (item or version,
    round, user) is what stops two browsers of the same member at the same moment.
    """
    if approvals_of(obj).filter(user=user).exists():
        raise CongressError(_("You have already given your decision on this."))
    try:
        with transaction.atomic():
            PresidiumApproval.objects.create(
                congress=congress,
                round=obj.approval_round,
                user=user,
                decision=decision,
                comment=comment,
                **_approval_target(obj),
            )
    except IntegrityError as error:
        raise CongressError(_("You have already given your decision on this.")) from error


@transaction.atomic
def approve(obj, user, comment: str = ""):
    """Record one presidium member's approval; the object is approved once more than half approved.

    Working regulation I.2: "các nội dung thuộc thẩm quyền quyết định của Đoàn
    Chủ tịch phải được trên một nửa (trên 50%) số thành viên tán thành". The
    presidium's size is counted now, from the roles and the presidium body
    (a presidium of 3 needs 2).
    """
    congress = _congress_of(obj)
    obj = _lock(obj)
    _check_presidium_member(congress, user)
    if obj.state != obj.State.SUBMITTED:
        if obj.state == obj.State.DRAFT:
            raise CongressError(_("This has not been submitted to the presidium."))
        raise CongressError(_("This has already been approved."))
    _record_decision(congress, obj, user, PresidiumApproval.Decision.APPROVE, comment)
    approvals = approvals_of(obj).filter(decision=PresidiumApproval.Decision.APPROVE).count()
    if more_than_half(approvals, presidium_size(congress)):
        obj.state = obj.State.APPROVED
        obj.save(update_fields=["state"])
    return obj


@transaction.atomic
def approve_programme(congress: Congress, user) -> int:
    """Approve every submitted item on which this presidium member has not decided yet."""
    _check_presidium_member(congress, user)
    count = 0
    for item in ProgrammeItem.objects.filter(congress=congress, state=ProgrammeItem.State.SUBMITTED):
        if not approvals_of(item).filter(user=user).exists():
            approve(item, user)
            count += 1
    if not count:
        raise CongressError(_("There is no submitted item waiting for your approval."))
    return count


@transaction.atomic
def return_for_changes(obj, user, comment: str):
    """Send a submitted item or version back to the secretariat with the presidium's comment."""
    congress = _congress_of(obj)
    obj = _lock(obj)
    _check_presidium_member(congress, user)
    if not comment.strip():
        raise CongressError(_("Say what must change: the comment is required."))
    if obj.state != obj.State.SUBMITTED:
        raise CongressError(_("Only a submitted item can be returned."))
    _record_decision(congress, obj, user, PresidiumApproval.Decision.RETURN, comment)
    obj.state = obj.State.DRAFT
    obj.return_comment = comment
    obj.save(update_fields=["state", "return_comment"])
    return obj
