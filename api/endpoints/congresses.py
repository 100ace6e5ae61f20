"""Congresses (read), the roll and attendance (read; check in and out), show-of-hands votes."""

# No "from __future__ import annotations" here: django-ninja reads the operations'
# annotations at runtime (through the idempotency wrapper), they must be real classes.

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from api.auth import TokenAuth
from api.endpoints._common import checked_id, operation
from api.errors import ApiError, error_responses
from api.idempotency import idempotent
from api.schemas import (
    AttendanceChangeOut,
    AttendanceOut,
    CheckIn,
    CongressDetailOut,
    CongressOut,
    VoteIn,
    VoteOut,
)
from congress.access import ALL, SECRETARIAT, STAFF
from congress.models import Congress, CongressRole, Session
from members import services as member_services
from members.models import Attendance, CongressMember, latest_session_with_attendance
from proceedings.models import Body, ShowOfHandsVote, TextVersion
from proceedings.services import votes as vote_services

router = Router(tags=["congresses"])


def congress_data(congress: Congress, roles) -> dict:
    organisation = congress.organisation
    return {
        "slug": congress.slug,
        "title": congress.title,
        "ordinal": congress.ordinal,
        "ordinal_roman": congress.ordinal_roman,
        "term": congress.term,
        "date": congress.date,
        "place": congress.place,
        "status": congress.status,
        "organisation": organisation.name,
        "upper_committee": organisation.upper_committee,
        "roles": sorted(roles),
    }


@router.get(
    "/congresses",
    auth=TokenAuth(in_congress=False),
    response={200: list[CongressOut], **error_responses()},
    openapi_extra={"x-roles": []},
    summary="Các đại hội mà người dùng có vai trò",
)
def list_congresses(request):
    roles: dict[int, set[str]] = {}
    for congress_id, role in CongressRole.objects.filter(user=request.auth).values_list("congress_id", "role"):
        roles.setdefault(congress_id, set()).add(role)
    congresses = Congress.objects.select_related("organisation").filter(pk__in=roles).order_by("-date", "slug")
    return [congress_data(c, roles[c.pk]) for c in congresses]


@operation(router, "get", "/congresses/{slug}", ALL, CongressDetailOut, summary="Một đại hội")
def get_congress(request, slug: str):
    congress = request.congress
    return {
        **congress_data(congress, request.congress_roles),
        "base": member_services.current_base(congress).as_dict(),
        "sessions": [{"kind": s.kind, "starts_at": s.starts_at} for s in congress.sessions.order_by("starts_at")],
    }


# Members and attendance -----------------------------------------------------------------


def _session(congress: Congress, kind: str | None) -> Session:
    """The session asked for; by default the one the pages show (latest with attendance, else the first)."""
    sessions = list(congress.sessions.order_by("starts_at"))
    chosen = next((s for s in sessions if s.kind == kind), None) if kind else None
    if kind and chosen is None:
        raise ApiError(404, "not_found", "Đại hội này không có phiên họp này.", {"session": "Không có."})
    chosen = chosen or latest_session_with_attendance(congress) or (sessions[0] if sessions else None)
    if chosen is None:
        raise ApiError(409, "refused", "Đại hội chưa có phiên họp nào.")
    return chosen


def member_data(cm: CongressMember, attendance: Attendance | None) -> dict:
    return {
        "id": cm.member_id,
        "full_name": cm.member.full_name,
        "status": cm.member.status,
        "convened": cm.convened,
        "present": bool(attendance and attendance.is_present_now),
        "attendance": attendance.state if attendance else "",
        "arrived_at": attendance.arrived_at if attendance else None,
        "left_at": attendance.left_at if attendance else None,
    }


class SessionQuery(Schema):
    session: str | None = None


@operation(router, "get", "/congresses/{slug}/members", ALL, list[dict], summary="Danh sách đảng viên")
def list_members(request, slug: str):
    return [
        {"id": cm.member_id, "full_name": cm.member.full_name, "status": cm.member.status, "convened": cm.convened}
        for cm in member_services.roll(request.congress)
    ]


@operation(router, "get", "/congresses/{slug}/attendance", STAFF, AttendanceOut, summary="Điểm danh một phiên")
def get_attendance(request, slug: str, query: Query[SessionQuery]):
    congress = request.congress
    session = _session(congress, query.session)
    attendance = {a.congress_member_id: a for a in Attendance.objects.filter(session=session)}
    return {
        "session": session.kind,
        "base": member_services.current_base(congress, session).as_dict(),
        "members": [member_data(cm, attendance.get(cm.pk)) for cm in member_services.roll(congress)],
    }


def _attendance_change(request, payload: CheckIn, change) -> tuple[int, dict]:
    congress = request.congress
    session = _session(congress, payload.session)
    checked_id(payload.member_id)
    cm = get_object_or_404(
        CongressMember.objects.select_related("member"), congress=congress, member_id=payload.member_id
    )
    attendance = change(cm, session, request.auth)
    return 200, {
        "session": session.kind,
        "member": member_data(cm, attendance),
        "base": member_services.current_base(congress, session).as_dict(),
    }


@operation(
    router, "post", "/congresses/{slug}/attendance/check-in", SECRETARIAT, AttendanceChangeOut, summary="Điểm danh vào"
)
@idempotent
def check_in(request, slug: str, payload: CheckIn):
    """Mark a member present (idempotent: a member already present stays so)."""
    return _attendance_change(request, payload, member_services.check_in)


@operation(
    router,
    "post",
    "/congresses/{slug}/attendance/check-out",
    SECRETARIAT,
    AttendanceChangeOut,
    summary="Ghi nhận ra về",
)
@idempotent
def check_out(request, slug: str, payload: CheckIn):
    """Record that a present member left: no longer counted present for the next count."""
    return _attendance_change(request, payload, member_services.record_departure)


# Show-of-hands votes -------------------------------------------------------------------


def vote_data(vote: ShowOfHandsVote) -> dict:
    return {
        "id": vote.pk,
        "subject": vote.subject,
        "subject_label": str(vote.get_subject_display()),
        "motion": vote.motion,
        "number": vote.number,
        "round": vote.round,
        "convened_official": vote.convened_official,
        "base": vote.base,
        "threshold": vote.threshold,
        "official_present": vote.official_present,
        "agree": vote.agree,
        "disagree": vote.disagree,
        "not_voting": vote.not_voting,
        "adopted": vote.adopted,
        "recorded_at": vote.recorded_at,
    }


@operation(router, "get", "/congresses/{slug}/votes", ALL, list[VoteOut], summary="Các lần biểu quyết")
def list_votes(request, slug: str):
    return [vote_data(v) for v in request.congress.votes.order_by("recorded_at", "id")]


@operation(router, "get", "/congresses/{slug}/votes/{vote_id}", ALL, VoteOut, summary="Một lần biểu quyết")
def get_vote(request, slug: str, vote_id: int):
    checked_id(vote_id)
    return vote_data(get_object_or_404(ShowOfHandsVote, pk=vote_id, congress=request.congress))


@operation(router, "post", "/congresses/{slug}/votes", SECRETARIAT, {201: VoteOut}, summary="Ghi kết quả biểu quyết")
@idempotent
def record_vote(request, slug: str, payload: VoteIn):
    """Record a show-of-hands vote; the result is computed from the base frozen now (never entered)."""
    congress = request.congress
    body = version = None
    if payload.body_id is not None:
        body = get_object_or_404(Body, pk=checked_id(payload.body_id), congress=congress)
    if payload.version_id is not None:
        version = get_object_or_404(TextVersion, pk=checked_id(payload.version_id), text__congress=congress)
    target = vote_services.VoteTarget(body=body, version=version, number=payload.number, motion=payload.motion)
    vote = vote_services.record_vote(
        congress,
        request.auth,
        payload.subject,
        target,
        payload.agree,
        payload.disagree,
        payload.not_voting,
        payload.round,
    )
    return 201, vote_data(vote)
