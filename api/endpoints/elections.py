"""Elections and their lists: create, nominate, withdraw, open, freeze (the same services as the pages)."""

# No "from __future__ import annotations" here: django-ninja reads the operations'
# annotations at runtime (through the idempotency wrapper), they must be real classes.

from django.shortcuts import get_object_or_404
from ninja import Router

from api.endpoints._common import checked_id, election_of, operation
from api.endpoints.counting import round_data, round_summary
from api.idempotency import idempotent
from api.schemas import (
    CandidateIn,
    CandidateOut,
    ElectionIn,
    ElectionOut,
    RoundOut,
    ShowOfHandsIn,
    WithdrawIn,
)
from congress import rules
from congress.access import ALL, ORGANISERS
from elections import services
from elections.models import Candidate, Election
from members.models import Member

router = Router(tags=["elections"])


def candidate_data(c: Candidate) -> dict:
    return {
        "id": c.pk,
        "member_id": c.member_id,
        "full_name": c.member.full_name,
        "number": c.number,
        "source": c.source,
        "status": c.status,
        "from_round": c.from_round,
        "approval_yes": c.approval_yes,
        "approval_present": c.approval_present,
        "withdrawal_reason": c.withdrawal_reason,
    }


def election_data(election: Election) -> dict:
    problems: list[str] = []
    if election.state in (Election.State.DRAFT, Election.State.LIST_OPEN):
        try:
            problems = [p.message for p in services.list_problems(election) if p.blocking]
        except rules.RuleError as exc:
            problems = [str(exc)]
    return {
        "id": election.pk,
        "kind": election.kind,
        "title": election.title,
        "seats": election.seats,
        "upper_congress": election.upper_congress,
        "seats_approved_yes": election.seats_approved_yes,
        "state": election.state,
        "outcome": election.outcome,
        "list_approved_yes": election.list_approved_yes,
        "candidates": [candidate_data(c) for c in election.candidates.select_related("member").order_by("id")],
        "rounds": [round_summary(r) for r in election.rounds.order_by("number")],
        "problems": problems,
    }


@operation(router, "get", "/congresses/{slug}/elections", ALL, list[ElectionOut], summary="Các cuộc bầu cử")
def list_elections(request, slug: str):
    return [election_data(e) for e in request.congress.elections.all()]


@operation(router, "post", "/congresses/{slug}/elections", ORGANISERS, {201: ElectionOut}, summary="Tạo cuộc bầu cử")
@idempotent
def create_election(request, slug: str, payload: ElectionIn):
    """Create an election with its number of seats (checked against QĐ 294)."""
    election = services.create_election(request.congress, request.auth, **payload.dict())
    return 201, election_data(election)


@operation(router, "get", "/congresses/{slug}/elections/{election_id}", ALL, ElectionOut, summary="Một cuộc bầu cử")
def get_election(request, slug: str, election_id: int):
    return election_data(election_of(request, election_id))


@operation(
    router, "post", "/congresses/{slug}/elections/{election_id}/open", ORGANISERS, ElectionOut, summary="Mở đề cử"
)
@idempotent
def open_nominations(request, slug: str, election_id: int):
    election = services.open_nominations(election_of(request, election_id), request.auth)
    return 200, election_data(election)


@operation(
    router,
    "post",
    "/congresses/{slug}/elections/{election_id}/candidates",
    ORGANISERS,
    {201: CandidateOut},
    summary="Thêm người vào danh sách",
)
@idempotent
def add_candidate(request, slug: str, election_id: int, payload: CandidateIn):
    """Put a member on the list; a nominee outside the proposal needs > 30% of those present (QĐ 190 Art. 14(3))."""
    election = election_of(request, election_id)
    member = get_object_or_404(
        Member, pk=checked_id(payload.member_id), organisation_id=request.congress.organisation_id
    )
    candidate = services.add_candidate(
        election,
        request.auth,
        member=member,
        source=payload.source,
        nominated_by=payload.nominated_by,
        approval_yes=payload.approval_yes,
        approval_present=payload.approval_present,
    )
    return 201, candidate_data(candidate)


@operation(
    router,
    "post",
    "/congresses/{slug}/elections/{election_id}/candidates/{candidate_id}/withdraw",
    ORGANISERS,
    CandidateOut,
    summary="Rút tên khỏi danh sách",
)
@idempotent
def withdraw_candidate(request, slug: str, election_id: int, candidate_id: int, payload: WithdrawIn):
    election = election_of(request, election_id)
    candidate = get_object_or_404(Candidate, pk=checked_id(candidate_id), election=election)
    candidate = services.withdraw_candidate(
        candidate, request.auth, reason=payload.reason, approval_yes=payload.approval_yes
    )
    return 200, candidate_data(candidate)


@operation(
    router,
    "post",
    "/congresses/{slug}/elections/{election_id}/freeze",
    ORGANISERS,
    {201: RoundOut},
    summary="Biểu quyết thông qua và chốt danh sách",
)
@idempotent
def freeze_list(request, slug: str, election_id: int, payload: ShowOfHandsIn):
    """Approve the list by show of hands and freeze it: numbers, ballot form, base and voters."""
    rnd = services.freeze_list(election_of(request, election_id), request.auth, approval_yes=payload.approval_yes)
    return 201, round_data(rnd, request)
