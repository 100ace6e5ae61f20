"""Counting a round: ballots issued and collected, ballot entries (one, or a batch), totals,
reconciliation, confirmations, publication, the next round, the published result."""

# No "from __future__ import annotations" here: django-ninja reads the operations'
# annotations at runtime (through the idempotency wrapper), they must be real classes.

from django.core.exceptions import PermissionDenied
from django.db import transaction
from ninja import Router

from api.endpoints._common import Role, entry_of, operation, roles_of, round_of
from api.errors import ApiError
from api.idempotency import idempotent
from api.schemas import (
    BallotCountsIn,
    BallotIn,
    BatchIn,
    BatchOut,
    ConfirmationOut,
    ConfirmIn,
    CorrectIn,
    EntryOut,
    MethodIn,
    NextRoundIn,
    NextRoundOut,
    ReconciliationOut,
    RoundOut,
    RoundResultOut,
    TotalsIn,
    TotalsOut,
    VoidIn,
)
from congress.access import ALL, BOARD, COUNT_VIEWERS, ORGANISERS, PRESIDIUM
from elections import counting, services
from elections.exceptions import ElectionError
from elections.models import BallotEntry, Confirmation, Round
from elections.services import published_result

router = Router(tags=["counting"])


def _user_name(user) -> str:
    return user.get_full_name() or user.username


def round_summary(rnd: Round) -> dict:
    return {
        "id": rnd.pk,
        "number": rnd.number,
        "state": rnd.state,
        "seats": rnd.seats,
        "base": rnd.base,
        "sealed": rnd.sealed_at is not None,
        "digest": rnd.digest,
    }


def round_data(rnd: Round, request) -> dict:
    rnd.refresh_from_db()
    passes = counting.settings_for(rnd.election.congress).passes_required
    sealed = rnd.sealed_at is not None
    problems = [] if sealed else [str(p) for p in services.count_problems(rnd)]
    preliminary = None
    board_needed: list[str] = []
    board_done: list[str] = []
    presidium_done, digest = False, rnd.digest or None
    if not sealed and rnd.state == Round.State.COUNTING:
        state = services.confirmation_state(rnd)
        board_needed = [_user_name(u) for u in state.board_needed]
        board_done = [_user_name(u) for u in state.board_needed if u.pk in state.board_done]
        presidium_done, digest = state.presidium_done, state.digest
        if not problems:
            preliminary = services.round_content(rnd)
    return {
        "id": rnd.pk,
        "election_id": rnd.election_id,
        "number": rnd.number,
        "state": rnd.state,
        "seats": rnd.seats,
        "form": rnd.form,
        "method": rnd.method,
        "base": rnd.base,
        "official_present": rnd.official_present,
        "ballots_issued": rnd.ballots_issued,
        "ballots_collected": rnd.ballots_collected,
        "names": [
            {"number": rc.number, "name": rc.candidate.member.full_name}
            for rc in rnd.names.select_related("candidate__member").order_by("number")
        ],
        "next_serial": {
            str(p): (services.next_serial(rnd, p) if rnd.state == Round.State.COUNTING else None)
            for p in range(1, passes + 1)
        },
        "problems": problems,
        "confirmations": {
            "board_needed": board_needed,
            "board_done": board_done,
            "presidium_done": presidium_done,
            "digest": digest,
        },
        "preliminary": preliminary,
        "sealed_at": rnd.sealed_at,
        "digest": rnd.digest,
    }


def entry_data(entry: BallotEntry) -> dict:
    return {
        "id": entry.pk,
        "pass_number": entry.pass_number,
        "serial": entry.serial,
        "marks": entry.marks,
        "flags": [f for f in counting.FLAGS if getattr(entry, f)],
        "note": entry.note,
        "valid": entry.valid,
        "reason": entry.reason,
        "votes": list(entry.votes),
        "corrects": entry.corrects_id,
    }


def _marks(marks) -> dict:
    return {k: v for k, v in marks.dict().items() if v is not None}


@operation(router, "get", "/congresses/{slug}/rounds/{round_id}", COUNT_VIEWERS, RoundOut, summary="Một vòng bầu")
def get_round(request, slug: str, round_id: int):
    """The count as it stands; the board and the presidium see it before it is published."""
    return round_data(round_of(request, round_id), request)


@operation(
    router,
    "post",
    "/congresses/{slug}/rounds/{round_id}/ballot-counts",
    BOARD,
    RoundOut,
    summary="Số phiếu phát ra, thu vào",
)
@idempotent
def record_ballot_counts(request, slug: str, round_id: int, payload: BallotCountsIn):
    rnd = services.record_ballot_counts(
        round_of(request, round_id), request.auth, issued=payload.issued, collected=payload.collected
    )
    return 200, round_data(rnd, request)


@operation(router, "post", "/congresses/{slug}/rounds/{round_id}/method", BOARD, RoundOut, summary="Cách kiểm phiếu")
@idempotent
def set_method(request, slug: str, round_id: int, payload: MethodIn):
    rnd = services.set_counting_method(round_of(request, round_id), request.auth, payload.method)
    return 200, round_data(rnd, request)


def _check_pass(pass_number: int) -> None:
    if pass_number not in (1, 2):
        raise ApiError(404, "not_found", "Không có lượt nhập này (chỉ có lượt 1 và 2).")


@operation(
    router,
    "get",
    "/congresses/{slug}/rounds/{round_id}/passes/{pass_number}/ballots",
    BOARD,
    list[EntryOut],
    summary="Các phiếu đã nhập của một lượt",
)
def list_ballots(request, slug: str, round_id: int, pass_number: int):
    _check_pass(pass_number)
    rnd = round_of(request, round_id)
    return [entry_data(e) for e in services.live_entries(rnd, pass_number).order_by("serial")]


@operation(
    router,
    "post",
    "/congresses/{slug}/rounds/{round_id}/passes/{pass_number}/ballots",
    BOARD,
    {201: EntryOut},
    summary="Nhập một phiếu",
)
@idempotent
def enter_ballot(request, slug: str, round_id: int, pass_number: int, payload: BallotIn):
    """Enter one paper ballot; the same serial twice in a pass is refused (409), never counted twice."""
    _check_pass(pass_number)
    entry = services.enter_ballot(
        round_of(request, round_id),
        request.auth,
        pass_number=pass_number,
        serial=payload.serial,
        marks=_marks(payload.marks),
        flags=payload.flags.dict(),
        note=payload.note,
    )
    return 201, entry_data(entry)


@operation(
    router,
    "post",
    "/congresses/{slug}/rounds/{round_id}/passes/{pass_number}/ballots/batch",
    BOARD,
    {201: BatchOut},
    summary="Nhập một loạt phiếu (tất cả hoặc không phiếu nào)",
)
@idempotent
def enter_batch(request, slug: str, round_id: int, pass_number: int, payload: BatchIn):
    """Enter many ballots in one transaction: one refused ballot refuses the batch (422, by index)."""
    _check_pass(pass_number)
    rnd = round_of(request, round_id)
    errors: dict[str, str] = {}
    entries = []
    with transaction.atomic():
        for index, ballot in enumerate(payload.ballots):
            try:
                with transaction.atomic():
                    entries.append(
                        services.enter_ballot(
                            rnd,
                            request.auth,
                            pass_number=pass_number,
                            serial=ballot.serial,
                            marks=_marks(ballot.marks),
                            flags=ballot.flags.dict(),
                            note=ballot.note,
                        )
                    )
            except ElectionError as exc:
                errors[f"ballots.{index}"] = f"Phiếu số {ballot.serial}: {exc}"
        if errors:
            transaction.set_rollback(True)
    if errors:
        raise ApiError(
            422,
            "batch_refused",
            f"Không phiếu nào được ghi: {len(errors)} phiếu bị từ chối (xem từng phiếu theo thứ tự trong loạt).",
            errors,
        )
    return 201, {"entered": len(entries), "entries": [entry_data(e) for e in entries]}


@operation(
    router,
    "post",
    "/congresses/{slug}/entries/{entry_id}/correct",
    BOARD,
    {201: EntryOut},
    summary="Sửa một phiếu đã nhập",
)
@idempotent
def correct_entry(request, slug: str, entry_id: int, payload: CorrectIn):
    """Void the entry with the reason and enter what the ballot really says."""
    entry = services.correct_entry(
        entry_of(request, entry_id),
        request.auth,
        marks=_marks(payload.marks),
        flags=payload.flags.dict(),
        reason=payload.reason,
        note=payload.note,
    )
    return 201, entry_data(entry)


@operation(
    router, "post", "/congresses/{slug}/entries/{entry_id}/void", BOARD, EntryOut, summary="Hủy một phiếu đã nhập"
)
@idempotent
def void_entry(request, slug: str, entry_id: int, payload: VoidIn):
    entry = services.void_entry(entry_of(request, entry_id), request.auth, reason=payload.reason)
    return 200, entry_data(entry)


@operation(router, "post", "/congresses/{slug}/rounds/{round_id}/totals", BOARD, TotalsOut, summary="Nhập tổng số")
@idempotent
def record_totals(request, slug: str, round_id: int, payload: TotalsIn):
    """A count by totals; refused when its arithmetic does not add up."""
    entry = services.record_totals(
        round_of(request, round_id), request.auth, valid=payload.valid, invalid=payload.invalid, votes=payload.votes
    )
    return 200, {
        "valid": entry.valid,
        "invalid": entry.invalid,
        "invalid_reasons": entry.invalid_reasons,
        "votes": entry.votes,
    }


@operation(
    router,
    "get",
    "/congresses/{slug}/rounds/{round_id}/reconciliation",
    BOARD,
    ReconciliationOut,
    summary="Đối chiếu hai lượt nhập",
)
def get_reconciliation(request, slug: str, round_id: int):
    rnd = round_of(request, round_id)
    rec = services.reconciliation(rnd)
    return {
        "agreed": rec.agreed,
        "count_first": rec.count_first,
        "count_second": rec.count_second,
        "problems": [str(p) for p in rec.problems],
        "differences": [
            {
                "serial": d.serial,
                "first": services.describe_reading(rnd, d.first),
                "second": services.describe_reading(rnd, d.second),
            }
            for d in rec.differences
        ],
    }


@operation(
    router,
    "post",
    "/congresses/{slug}/rounds/{round_id}/confirmations",
    COUNT_VIEWERS,
    {201: ConfirmationOut},
    summary="Xác nhận kết quả kiểm phiếu",
)
@idempotent
def confirm(request, slug: str, round_id: int, payload: ConfirmIn):
    """Each board member confirms, then the presidium; a confirmation is for the count's digest."""
    rnd = round_of(request, round_id)
    needed = {Confirmation.Role.BOARD: Role.COUNTING_BOARD, Confirmation.Role.PRESIDIUM: Role.PRESIDIUM}
    if needed[payload.role] not in roles_of(request):
        raise PermissionDenied
    confirmation = services.confirm_round(rnd, request.auth, role=payload.role)
    return 201, {
        "round": rnd.number,
        "role": confirmation.role,
        "user": _user_name(request.auth),
        "digest": confirmation.digest,
    }


@operation(
    router,
    "post",
    "/congresses/{slug}/rounds/{round_id}/publish",
    PRESIDIUM,
    RoundResultOut,
    summary="Công bố và niêm phong",
)
@idempotent
def publish(request, slug: str, round_id: int):
    rnd = services.publish_round(round_of(request, round_id), request.auth)
    return 200, published_result(rnd)


@operation(
    router,
    "post",
    "/congresses/{slug}/rounds/{round_id}/next-round",
    ORGANISERS,
    NextRoundOut,
    summary="Quyết định vòng bầu tiếp theo",
)
@idempotent
def next_round(request, slug: str, round_id: int, payload: NextRoundIn):
    """After a tie or a shortfall: hold a further round (or not), as the congress decided by show of hands."""
    new = services.decide_next_round(
        round_of(request, round_id),
        request.auth,
        hold=payload.hold,
        votes_yes=payload.votes_yes,
        allow_new_names=payload.allow_new_names,
    )
    return 200, {"held": new is not None, "round": round_summary(new) if new else None}


@operation(
    router, "get", "/congresses/{slug}/rounds/{round_id}/result", ALL, RoundResultOut, summary="Kết quả đã công bố"
)
def get_result(request, slug: str, round_id: int):
    """Everyone reads a round's result once it is published and sealed; before that, nobody here."""
    rnd = round_of(request, round_id)
    if rnd.sealed_at is None or rnd.published_at is None:
        raise ApiError(409, "not_published", "Kết quả vòng bầu này chưa được công bố.")
    return published_result(rnd)
