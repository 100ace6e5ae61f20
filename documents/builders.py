"""Build the snapshot of each document from the congress's data.

One function per document, ``build_<kind>(congress, ...) -> snapshot``. Each reads
the database through the owning app's services and models, and returns a frozen
snapshot from :mod:`documents.snapshots`; the snapshot checks its own arithmetic.
When the data a document is made from does not exist yet (attendance not taken,
a count not sealed, a resolution not adopted) the builder raises
:class:`~documents.snapshots.DocumentNotReady` with a Vietnamese message saying what
is missing: a half-filled official document is never printed.

Printed text is always Vietnamese, whatever the user's language: labels here are
plain strings, not gettext.
"""

from __future__ import annotations

from congress.models import Congress, Session
from elections import rules

from .models import CongressRecord
from .snapshots import (
    AbsentMember,
    AttendanceSnapshot,
    BoardMember,
    CandidateResult,
    CountMinutesSnapshot,
    DocumentDataError,
    DocumentHeader,
    DocumentNotReady,
    Exclusion,
    InvalidReason,
    JournalRow,
    Outcome,
    Signature,
    StatusRow,
)

#: Widest issuing-body line, in characters: "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI" (32) is the
#: seed's first line, and what fits 90 mm at 14 pt bold capitals.
ISSUER_LINE_CHARS = 32

#: Symbols of the congress's documents (election-rules.md §3.9, [B]: "ĐH" for the congress).
SYMBOLS = {
    "attendance": "BC/ĐH",
    "count-minutes": "BB/ĐH",
    "election-minutes": "BB/ĐH",
    "congress-minutes": "BB/ĐH",
    "resolution": "NQ/ĐH",
    "results-report": "BC/ĐH",
}

#: Printed labels of the member statuses (members.Member.Status values).
STATUS_LABELS = {
    "official": "Đảng viên chính thức",
    "probationary": "Đảng viên dự bị",
    "temporary": "Đảng viên sinh hoạt tạm thời",
}

#: Printed labels of the deductions from the base (QĐ 190 Art. 30(2)), by rules.Base field.
EXCLUSION_LABELS = {
    "temporary_elsewhere": "Đảng viên đã được giới thiệu sinh hoạt tạm thời ở đảng bộ khác",
    "exempted_absent": "Đảng viên được miễn công tác và sinh hoạt đảng, vắng mặt",
    "suspended": "Đảng viên bị đình chỉ sinh hoạt đảng",
    "prosecuted": "Đảng viên bị khởi tố, truy tố, tạm giam",
    "absent_with_reason": "Đảng viên vắng mặt suốt thời gian Đại hội có lý do được cấp ủy triệu tập đồng ý",
}


# ----------------------------------------------------------------------- common parts


def wrap_words(text: str, width: int) -> tuple[str, ...]:
    """Greedy word wrap: wrap_words("Đại hội Chi bộ Liên hiệp …", 32) → lines of ≤ 32 characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and len(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return tuple(lines)


def congress_lines(congress: Congress) -> tuple[str, ...]:
    """The issuing body of a congress document, one printed line each.

    ("Đại hội Chi bộ Liên hiệp các Hội", "Khoa học và Kỹ thuật tỉnh", "lần thứ VI, nhiệm kỳ 2025 – 2030")
    """
    name = f"Đại hội {congress.organisation.name}"
    return (*wrap_words(name, ISSUER_LINE_CHARS), f"lần thứ {congress.ordinal_roman}, nhiệm kỳ {congress.term}")


def summary_lines(congress: Congress) -> tuple[str, ...]:
    return (f"Đại hội {congress.organisation.name}", f"lần thứ {congress.ordinal_roman}, nhiệm kỳ {congress.term}")


def header(
    congress: Congress, kind: str, record: CongressRecord | None = None, number_key: str = ""
) -> DocumentHeader:
    """The Party-format header of a congress document of ``kind`` (number from the record)."""
    record = record or CongressRecord.for_congress(congress)
    symbol = SYMBOLS.get(kind, "")
    return DocumentHeader(
        upper_committee=congress.organisation.upper_committee,
        issuing_body_lines=congress_lines(congress),
        number=record.number_for(number_key or kind) if symbol else None,
        symbol=symbol,
        place=congress.organisation.place,
        date=congress.date,
    )


def presidium_signature(congress: Congress, record: CongressRecord | None = None) -> Signature:
    record = record or CongressRecord.for_congress(congress)
    return Signature(authority_lines=("T/M Đoàn Chủ tịch Đại hội",), name=record.chair_name)


def _not_ready(message: str) -> DocumentNotReady:
    return DocumentNotReady(message)


# -------------------------------------------------------------------- attendance


def build_attendance(congress: Congress, session: Session | None = None) -> AttendanceSnapshot:
    """Báo cáo tình hình đảng viên tham dự Đại hội, from the roll and the roll call.

    ``session`` defaults to the latest session with attendance (members.services).
    Not ready while no roll call was taken, or while some convened member is neither
    marked present nor absent (the report would not add up).
    """
    from members.services import attendance_report

    report = attendance_report(congress, session)
    if report.session is None:
        raise _not_ready("Chưa điểm danh: chưa có phiên nào được ghi nhận có mặt, vắng mặt.")
    if report.not_recorded:
        names = ", ".join(cm.member.full_name for cm in report.not_recorded[:5])
        more = f" và {len(report.not_recorded) - 5} đồng chí khác" if len(report.not_recorded) > 5 else ""
        raise _not_ready(
            f"Chưa điểm danh xong {_session_name(report.session)}: "
            f"{len(report.not_recorded)} đồng chí chưa được ghi nhận có mặt hay vắng mặt ({names}{more})."
        )
    if report.total.convened == 0:
        raise _not_ready("Chưa có đảng viên nào được triệu tập dự Đại hội.")
    record = CongressRecord.for_congress(congress)
    base: rules.Base = report.base
    # report.by_status follows members.Member.Status.choices.
    from members.models import CongressMember, Member

    by_status = tuple(
        StatusRow(label=STATUS_LABELS[value], convened=line.convened, present=line.present)
        for value, line in zip(Member.Status.values, report.by_status, strict=True)
        if line.convened or value == Member.Status.OFFICIAL
    )
    total_members = CongressMember.objects.filter(congress=congress).count()
    return AttendanceSnapshot(
        header=header(congress, "attendance", record),
        summary_lines=("Tình hình đảng viên tham dự Đại hội",),
        congress_name=congress.title,
        total_members=total_members,
        convened=report.total.convened,
        present=report.total.present,
        by_status=by_status,
        absent_with_reason=tuple(
            AbsentMember(name=cm.member.full_name, reason=reason) for cm, reason in report.absent_excused
        ),
        absent_without_reason=tuple(AbsentMember(name=cm.member.full_name) for cm, _ in report.absent_unexcused),
        exclusions=exclusions_of(base),
        base=base.base,
        quorum_met=base.quorum_met,
        signature=presidium_signature(congress, record),
        recipients=record.recipient_lines(),
    )


def _session_name(session: Session) -> str:
    return {"preparatory": "phiên trù bị", "official": "phiên chính thức"}.get(session.kind, "phiên họp")


def exclusions_of(base: rules.Base) -> tuple[Exclusion, ...]:
    """The non-zero deductions of an itemised base, with their printed labels."""
    return tuple(
        Exclusion(label=label, count=getattr(base, name))
        for name, label in EXCLUSION_LABELS.items()
        if getattr(base, name)
    )


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

_PASS_NAMES = {"1": "lượt nhập thứ nhất", "2": "lượt nhập thứ hai"}


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


def election_subject(title: str) -> str:
    """ "Bầu Chi ủy nhiệm kỳ 2025 – 2030" → "Chi ủy nhiệm kỳ 2025 – 2030" (the minutes write "kiểm phiếu bầu …")."""
    title = title.strip()
    return title[4:] if title.lower().startswith("bầu ") else title


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
