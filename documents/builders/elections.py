"""The documents of the count: count minutes (biên bản kiểm phiếu), ballots, election minutes (biên bản bầu cử).

Printed text is always Vietnamese: labels here are plain strings, not gettext.
"""

from __future__ import annotations

from congress import rules
from congress.models import Congress, CongressRole
from documents.builders.attendance import exclusions_of
from documents.builders.common import (
    _not_ready,
    body_member_names,
    congress_lines,
    election_blocks,
    election_subject,
    header,
    presidium_signature,
    upper_body,
)
from documents.builders.resolution import results_by_election
from documents.formatting import short_date
from documents.models import CongressRecord
from documents.snapshots import (
    BallotKind,
    BallotSnapshot,
    Block,
    BoardMember,
    CandidateResult,
    CountMinutesSnapshot,
    DocumentDataError,
    DocumentHeader,
    ElectionMinutesSnapshot,
    InvalidReason,
    JournalRow,
    Outcome,
    Signature,
    heading,
    item,
    para,
    table,
)
from elections.models import Candidate, Election, JournalEntry, Round
from elections.services import published_results

#: Widest issuing-body line, in characters: "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI" (32) is the


# ------------------------------------------------------------------- count minutes

#: Vietnamese wording of the election journal's actions (elections/journal.py), for the annex.
JOURNAL_ACTIONS = {
    "elections.election.created": "Tạo cuộc bầu cử",
    "elections.list.opened": "Mở ứng cử, đề cử",
    "elections.candidate.added": "Đưa vào danh sách bầu cử",
    "elections.candidate.refused": "Không đưa vào danh sách bầu cử",
    "elections.candidate.withdrawn": "Rút khỏi danh sách bầu cử",
    "elections.list.approved": "Đại hội biểu quyết thông qua danh sách bầu cử",
    "elections.round.method": "Chọn cách kiểm phiếu",
    "elections.ballots.counted": "Ghi số phiếu phát ra, thu về",
    "elections.ballot.entered": "Nhập phiếu",
    "elections.ballot.voided": "Hủy một lượt nhập phiếu",
    "elections.ballot.corrected": "Sửa một lượt nhập phiếu",
    "elections.totals.recorded": "Nhập kết quả kiểm phiếu theo tổng số",
    "elections.confirmations.withdrawn": "Các xác nhận trước bị hủy do kết quả kiểm thay đổi",
    "elections.count.confirmed.board": "Thành viên Ban Kiểm phiếu xác nhận kết quả kiểm phiếu",
    "elections.count.confirmed.presidium": "Đoàn Chủ tịch xác nhận kết quả kiểm phiếu",
    "elections.round.published": "Công bố và niêm phong kết quả",
    "elections.round.decided": "Đại hội quyết định bầu lần tiếp theo",
    "elections.round.stopped": "Đại hội quyết định không bầu tiếp",
    "elections.settings.changed": "Thay đổi thiết lập kiểm phiếu",
}

_PASS_NAMES = {"1": "lượt nhập thứ 1", "2": "lượt nhập thứ 2"}


def journal_what(action: str, summary: str = "") -> str:
    """The annex's "Nội dung" of one journal entry, in Vietnamese.

    Ballot entries carry "<pass>/<serial>" as their summary: "Nhập phiếu số 7 (lượt nhập thứ nhất)".
    """
    label = JOURNAL_ACTIONS.get(action, f"Thao tác {action}")
    if action.startswith("elections.ballot.") and "/" in summary:
        pass_number, serial = summary.split("/", 1)
        return f"{label} số {serial} ({_PASS_NAMES.get(pass_number, 'lượt ' + pass_number)})."
    if action in (
        "elections.count.confirmed.board",
        "elections.count.confirmed.presidium",
        "elections.round.published",
    ):
        return f"{label} (mã {summary[:16]}…)." if summary else f"{label}."
    return f"{label}."


def count_minutes_from_content(
    content: dict,
    *,
    header: DocumentHeader,
    congress_name: str,
    venue: str,
    board: tuple[BoardMember, ...],
    digest: str,
    started_at,
    finished_at,
    read_at=None,
    journal: tuple[JournalRow, ...] = (),
    notes: tuple[str, ...] = (),
    recipients: tuple[str, ...] = (),
) -> CountMinutesSnapshot:
    """The count minutes of one round from its sealed content (``elections.services.round_content``).

    Every figure comes from the sealed content, nothing is recomputed: the printed
    minutes are the sealed result, and the digest printed with them is its SHA-256.
    """
    base_data = content["base"]
    if "convened_official" not in base_data:
        raise DocumentDataError(
            "Kết quả niêm phong thiếu số đảng viên làm căn cứ theo từng loại; không thể lập biên bản."
        )
    base = rules.Base(**base_data)
    totals = content["totals"]
    elected = set(content["elected"])
    tied = set(content["tied"])
    candidates = tuple(
        CandidateResult(
            name=c["name"],
            votes=c["votes"],
            outcome=Outcome.ELECTED
            if c["number"] in elected
            else Outcome.TIED
            if c["number"] in tied
            else Outcome.NOT_ELECTED,
        )
        for c in sorted(content["candidates"], key=lambda c: c["number"])
    )
    invalid = tuple(
        InvalidReason(reason=rules.InvalidReason(code).label, count=count)
        for code, count in sorted(
            totals["invalid"].items(), key=lambda kv: list(rules.InvalidReason).index(rules.InvalidReason(kv[0]))
        )
        if count
    )
    outcome = rules.RoundOutcome(content["outcome"])
    extra = list(notes)
    if outcome != rules.RoundOutcome.COMPLETE:
        extra.append(f"{outcome.label}.")
    round_info = content["round"]
    title = election_subject(content["election"]["title"])
    return CountMinutesSnapshot(
        header=header,
        summary_lines=(f"Bầu {title}" + (f" (lần thứ {round_info['number']})" if round_info["number"] > 1 else ""),),
        congress_name=congress_name,
        venue=venue,
        election_title=title,
        round_number=round_info["number"],
        seats=round_info["seats"],
        board=board,
        convened_official=base.convened_official,
        exclusions=exclusions_of(base),
        base=base.base,
        present_official=totals["official_present"],
        ballots_issued=totals["issued"],
        ballots_collected=totals["collected"],
        ballots_valid=totals["valid"],
        ballots_invalid=totals["invalid_total"],
        invalid_reasons=invalid,
        candidates=candidates,
        vacancies=content["vacancies"],
        notes=tuple(extra),
        count_started_at=started_at,
        count_finished_at=finished_at,
        read_at=read_at,
        digest=digest,
        journal=journal,
        recipients=recipients,
    )


# ---------------------------------------------------- elections: rounds from the database


def rounds_of(congress: Congress) -> list[tuple[int, str]]:
    """Every round of the congress's elections that has a ballot: (pk, "Bầu Chi ủy … – lần 1")."""
    rounds = (
        Round.objects.filter(election__congress=congress)
        .exclude(state="preparing")
        .select_related("election")
        .order_by("election__order", "number")
    )
    return [(r.pk, f"{r.election.title} – lần {r.number}") for r in rounds]


def elections_of(congress: Congress) -> list[tuple[int, str]]:
    return list(Election.objects.filter(congress=congress).order_by("order", "pk").values_list("pk", "title"))


def _round(congress: Congress, pk: int):
    found = (
        Round.objects.filter(pk=pk, election__congress=congress)
        .select_related("election", "election__congress__organisation")
        .first()
    )
    if found is None:
        raise DocumentDataError("Không có lần bầu này trong Đại hội.")
    return found


def user_name(user) -> str:
    """A user's name as printed: the linked party member's full name, else family name first."""
    if user is None:
        return "Hệ thống"
    member = getattr(user, "party_member", None)
    if member is not None:
        return member.full_name
    return f"{user.last_name} {user.first_name}".strip() or user.get_username()


def board_of(congress: Congress) -> tuple[BoardMember, ...]:
    """The vote-counting board that signs: the adopted Body's members, head first (QĐ 190 Art. 8);
    without a Body, the users who hold the board's role."""
    names = body_member_names(congress, "counting_board")
    if not names:
        users = (
            CongressRole.objects.filter(congress=congress, role=CongressRole.Role.COUNTING_BOARD)
            .select_related("user__party_member")
            .order_by("id")
        )
        names = [user_name(r.user) for r in users]
    if not names:
        raise _not_ready("Chưa có thành viên Ban Kiểm phiếu để ký biên bản.")
    return tuple(BoardMember(name=n, role="Trưởng ban" if i == 0 else "Thành viên") for i, n in enumerate(names))


def build_count_minutes(congress: Congress, pk: int) -> CountMinutesSnapshot:
    """Biên bản kiểm phiếu of one round, from its sealed content and its journal (annex).

    Not ready before the round is confirmed and sealed: the minutes print exactly what
    was sealed, with the SHA-256 digest of the sealed content.
    """
    rnd = _round(congress, pk)
    if rnd.sealed_at is None or not rnd.result:
        raise _not_ready(
            f"Kết quả {rnd.election.title} (lần {rnd.number}) chưa được Ban Kiểm phiếu và Đoàn Chủ tịch xác nhận, "
            "niêm phong: chưa lập biên bản kiểm phiếu."
        )
    record = CongressRecord.for_congress(congress)
    entries = list(JournalEntry.objects.filter(round=rnd).select_related("actor__party_member").order_by("at", "id"))
    counted = [
        e.at for e in entries if e.action.startswith(("elections.ballot", "elections.totals", "elections.ballots"))
    ]
    confirmed = [e.at for e in entries if e.action.startswith("elections.count.confirmed")]
    notes = []
    if rnd.number > 1 and rnd.decided_yes is not None:
        notes.append(f"Đại hội biểu quyết bầu lần thứ {rnd.number} với {rnd.decided_yes} đồng chí tán thành.")
    if rnd.tie_revote:
        notes.append("Lần bầu này là bầu lại trong số những đồng chí có số phiếu bằng nhau ở lần bầu trước.")
    if rnd.result.get("tied"):
        names = ", ".join(c["name"] for c in rnd.result["candidates"] if c["number"] in rnd.result["tied"])
        notes.append(f"Các đồng chí {names} có số phiếu bằng nhau ở vị trí cuối cùng.")
    return count_minutes_from_content(
        rnd.result,
        header=header(congress, "count-minutes", record, number_key=f"count-minutes-{pk}"),
        congress_name=congress.title,
        venue=congress.place or congress.organisation.place,
        board=board_of(congress),
        digest=rnd.digest,
        started_at=min(counted) if counted else rnd.created_at,
        finished_at=max(confirmed) if confirmed else rnd.sealed_at,
        read_at=rnd.published_at,
        journal=tuple(
            JournalRow(at=e.at, who=user_name(e.actor), what=journal_what(e.action, e.summary)) for e in entries
        ),
        notes=tuple(notes),
        recipients=("Đoàn Chủ tịch Đại hội;", "Lưu hồ sơ Đại hội."),
    )


def build_ballot(congress: Congress, pk: int) -> tuple[BallotSnapshot, int]:
    """The ballot of one round and how many to print: the ballots issued when the board has
    recorded them, else one per official member present (the frozen voters)."""
    rnd = _round(congress, pk)
    names = [rc.candidate.member.full_name for rc in rnd.names.select_related("candidate__member").order_by("number")]
    if not names:
        raise _not_ready("Danh sách bầu cử của lần bầu này chưa được thông qua.")
    count = rnd.ballots_issued or rnd.official_present
    if not count:
        raise _not_ready("Chưa có số đảng viên chính thức có mặt để in phiếu.")
    ballot = BallotSnapshot(
        upper_committee=upper_body(congress),
        issuing_body_lines=congress_lines(congress),
        election_title=election_subject(rnd.election.title),
        seats=rnd.seats,
        candidates=tuple(names),
        kind=BallotKind.YES_NO if rnd.form == "yes_no" else BallotKind.STRIKE_OUT,
        round_number=rnd.number,
    )
    return ballot, count


# ------------------------------------------------------------------ election minutes

SOURCES = {
    "proposal": "do Chi ủy nhiệm kỳ trước giới thiệu",
    "nomination": "được đề cử tại Đại hội",
    "self_nomination": "ứng cử tại Đại hội",
}
ELECTION_OUTCOMES = {
    "complete": "Đã bầu đủ số lượng.",
    "stopped": "Đại hội quyết định dừng bầu; số còn thiếu để trống.",
    "appointed": (
        "Sau số lần bầu tối đa không có đồng chí nào trúng cử; cấp ủy cấp trên chỉ định (Quy định 294-QĐ/TW)."
    ),
}


def build_election_minutes(congress: Congress, pk: int) -> ElectionMinutesSnapshot:
    """Biên bản bầu cử of one election: the procedure (number, list, nominations, withdrawals)
    and every round's result, from the sealed contents ([B] election-rules.md §3.8)."""
    election = Election.objects.filter(pk=pk, congress=congress).first()
    if election is None:
        raise DocumentDataError("Không có cuộc bầu cử này trong Đại hội.")
    if election.state != Election.State.CLOSED:
        raise _not_ready(f"{election.title}: cuộc bầu cử chưa kết thúc, chưa lập biên bản bầu cử.")
    record = CongressRecord.for_congress(congress)
    what = election_subject(election.title)
    b: list[Block] = [
        para(f"Hôm nay, ngày {short_date(congress.date)}, {congress.title} tiến hành bầu {what}."),
        heading("I. SỐ LƯỢNG VÀ DANH SÁCH BẦU CỬ"),
    ]
    seats = f"- Số lượng cần bầu: {election.seats} đồng chí"
    if election.seats_approved_yes is not None:
        seats += f" (Đại hội biểu quyết thông qua với {election.seats_approved_yes} đồng chí tán thành)"
    b.append(item(seats + "."))
    candidates = list(election.candidates.select_related("member").order_by("number", "pk"))
    on_list = [c for c in candidates if c.status == Candidate.Status.ON_LIST]
    approved = f"- Danh sách bầu cử gồm {len(on_list)} đồng chí"
    if election.list_approved_yes is not None:
        approved += f", Đại hội biểu quyết thông qua với {election.list_approved_yes} đồng chí tán thành"
    b.append(item(approved + ":"))
    b.append(
        table(
            ("STT", "Họ và tên", "Giới thiệu"),
            [(str(c.number or i), c.member.full_name, SOURCES.get(c.source, "")) for i, c in enumerate(on_list, 1)],
            (13, 0, 62),
        )
    )
    for c in candidates:
        if c.status == Candidate.Status.WITHDRAWN:
            reason = f" (lý do: {c.withdrawal_reason})" if c.withdrawal_reason else ""
            b.append(item(f"- Đồng chí {c.member.full_name} xin rút khỏi danh sách, được Đại hội đồng ý{reason}."))
        elif c.status == Candidate.Status.NOT_APPROVED:
            b.append(
                item(
                    f"- Đồng chí {c.member.full_name} {SOURCES.get(c.source, '')} không được quá 30% đảng viên có mặt "
                    "đồng ý giới thiệu nên không đưa vào danh sách (Điều 14 Quy chế bầu cử trong Đảng)."
                )
            )
    b.append(heading("II. KẾT QUẢ BẦU CỬ"))
    results = [r for r in published_results(congress) if r["election"] == election.title]
    b.extend(election_blocks(results))
    b.append(heading("III. KẾT LUẬN"))
    b.append(para(ELECTION_OUTCOMES.get(election.outcome, "") or "Cuộc bầu cử đã kết thúc."))
    if election.outcome_note and election.outcome != "appointed":
        b.append(para(election.outcome_note))
    groups = results_by_election(results)
    if groups and groups[0]["elected"]:
        names = ", ".join(row[0] for row in groups[0]["elected"])
        b.append(para(f"Các đồng chí trúng cử {what}: {names}./."))
    board = board_of(congress)
    return ElectionMinutesSnapshot(
        header=header(congress, "election-minutes", record, number_key=f"election-minutes-{pk}"),
        summary_lines=(f"Bầu {what}",),
        blocks=tuple(b),
        left_signature=Signature(authority_lines=("T/M Ban Kiểm phiếu", "Trưởng ban"), name=board[0].name),
        signature=presidium_signature(congress, record),
        recipients=("Đoàn Chủ tịch Đại hội;", "Lưu hồ sơ Đại hội."),
    )
