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

from congress import rules
from congress.models import Congress, Session
from congress.numerals import to_roman
from congress.printing import summary_lines

from .formatting import clock_text, moment_text, percent_text, short_date
from .models import CongressRecord
from .snapshots import (
    AbsentMember,
    AttendanceSnapshot,
    BallotKind,
    BallotSnapshot,
    Block,
    BoardMember,
    CandidateResult,
    CongressMinutesSnapshot,
    CountMinutesSnapshot,
    DocumentDataError,
    DocumentHeader,
    DocumentNotReady,
    ElectionMinutesSnapshot,
    Exclusion,
    InvalidReason,
    JournalRow,
    Outcome,
    ResolutionSnapshot,
    ResultsReportSnapshot,
    Signature,
    StatusRow,
    center,
    heading,
    item,
    para,
    paragraphs,
    subheading,
    table,
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


def header(
    congress: Congress, kind: str, record: CongressRecord | None = None, number_key: str = ""
) -> DocumentHeader:
    """The Party-format header of a congress document of ``kind`` (number from the record)."""
    record = record or CongressRecord.for_congress(congress)
    symbol = SYMBOLS.get(kind, "")
    return DocumentHeader(
        upper_committee=upper_body(congress),
        issuing_body_lines=congress_lines(congress),
        number=record.number_for(number_key or kind) if symbol else None,
        symbol=symbol,
        place=congress.organisation.place,
        date=congress.date,
    )


def presidium_signature(congress: Congress, record: CongressRecord | None = None) -> Signature:
    record = record or CongressRecord.for_congress(congress)
    return Signature(authority_lines=("T/M Đoàn Chủ tịch Đại hội",), name=chair_name(congress, record))


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


# ------------------------------------------------------------ congress: bodies, texts

#: What each show-of-hands vote decided, as the minutes write it (congress.ShowOfHandsVote.Subject).
VOTE_SUBJECTS = {
    "presidium": "Bầu Đoàn Chủ tịch Đại hội",
    "secretariat": "Bầu Đoàn Thư ký Đại hội",
    "counting_board": "Bầu Ban Kiểm phiếu",
    "programme": "Thông qua Chương trình Đại hội",
    "rules": "Thông qua Nội quy Đại hội",
    "regulation": "Thông qua Quy chế làm việc của Đại hội",
    "committee_size": "Thông qua số lượng Chi ủy viên",
    "election_list": "Thông qua danh sách bầu cử",
    "outside_nominee": "Đưa vào danh sách bầu cử",
    "another_round": "Bầu tiếp sau khi chưa bầu đủ số lượng",
    "resolution": "Thông qua Nghị quyết Đại hội",
}


def upper_body(congress: Congress) -> str:
    """The superior body printed above the issuer: "Đảng bộ các cơ quan Đảng tỉnh" (as congress.printing)."""
    from congress.standard import party_body

    return party_body(congress.organisation.upper_committee)


def body_member_names(congress: Congress, kind: str) -> list[str]:
    """Names of a body's members, in the order they were proposed."""
    from congress.models import Body

    through = Body.members.through
    rows = through.objects.filter(body__congress=congress, body__kind=kind).select_related("member").order_by("id")
    return [row.member.full_name for row in rows]


def chair_name(congress: Congress, record: CongressRecord) -> str:
    if record.chair_name:
        return record.chair_name
    names = body_member_names(congress, "presidium")
    return names[0] if names else ""


def secretary_name(congress: Congress, record: CongressRecord) -> str:
    if record.secretary_name:
        return record.secretary_name
    names = body_member_names(congress, "secretariat")
    return names[0] if names else ""


def _with_header(snapshot, congress: Congress, record: CongressRecord, kind: str, **changes):
    import dataclasses

    return dataclasses.replace(snapshot, header=header(congress, kind, record), **changes)


def build_programme(congress: Congress):
    """Chương trình Đại hội: STT | Nội dung | Người thực hiện, by session (congress.printing)."""
    from congress import printing

    if not congress.programme_items.exists():
        raise _not_ready("Chưa có chương trình Đại hội: hãy lập chương trình (mục Chương trình).")
    record = CongressRecord.for_congress(congress)
    snapshot = printing.programme_snapshot(congress)
    snapshot = _with_header(snapshot, congress, record, "programme")
    if not snapshot.sessions or not any(s.items for s in snapshot.sessions):
        raise _not_ready("Chương trình Đại hội chưa có nội dung nào.")
    return snapshot


def _text_snapshot(congress: Congress, kind: str, label: str):
    from congress import printing
    from congress.models import CongressText, TextVersion

    text = CongressText.objects.filter(congress=congress, kind=kind).first()
    version = printing.version_to_print(text) if text else None
    if version is None or not version.parts.exists():
        raise _not_ready(f"Chưa có {label}: hãy soạn văn bản (mục Nội quy, quy chế).")
    record = CongressRecord.for_congress(congress)
    snapshot = printing.rules_snapshot(congress) if kind == "rules" else printing.regulation_snapshot(congress)
    # A version the congress has not adopted yet is a draft, and says so.
    draft = "" if version.state == TextVersion.State.ADOPTED else "Dự thảo"
    return _with_header(
        snapshot, congress, record, kind, signature=presidium_signature(congress, record), draft_mark=draft
    )


def build_rules(congress: Congress):
    """Nội quy Đại hội: the adopted version (or the latest, marked "Dự thảo")."""
    return _text_snapshot(congress, "rules", "Nội quy Đại hội")


def build_regulation(congress: Congress):
    """Quy chế làm việc của Đại hội: the adopted version (or the latest, marked "Dự thảo")."""
    return _text_snapshot(congress, "regulation", "Quy chế làm việc của Đại hội")


# --------------------------------------------------------------- congress: votes


def votes_of(congress: Congress) -> list:
    from congress.models import ShowOfHandsVote

    return list(
        ShowOfHandsVote.objects.filter(congress=congress).select_related("version__text").order_by("recorded_at", "pk")
    )


def vote_subject(vote) -> str:
    label = VOTE_SUBJECTS.get(vote.subject, vote.subject)
    if vote.subject == "committee_size" and vote.number:
        label = f"{label}: {vote.number} đồng chí"
    elif vote.motion:
        label = f"{label}: {vote.motion}"
    if vote.round > 1:
        label = f"{label} (lần {vote.round})"
    return label


def vote_sentence(vote) -> str:
    """ "9/9 đồng chí tán thành (100,00% so với 9 đảng viên làm căn cứ); 0 không tán thành; …: thông qua." """
    verdict = "thông qua" if vote.adopted else "không thông qua"
    return (
        f"{vote.agree}/{vote.base} đồng chí tán thành ({percent_text(vote.agree, vote.base)} so với {vote.base} "
        f"đảng viên làm căn cứ); {vote.disagree} không tán thành; {vote.not_voting} không biểu quyết: {verdict}."
    )


def vote_rows(votes) -> list[tuple[str, ...]]:
    return [
        (
            str(i),
            vote_subject(v),
            f"{v.agree}/{v.base}",
            str(v.disagree),
            str(v.not_voting),
            "Thông qua" if v.adopted else "Không thông qua",
        )
        for i, v in enumerate(votes, 1)
    ]


VOTE_TABLE_HEADER = ("STT", "Nội dung biểu quyết", "Tán thành", "Không tán thành", "Không biểu quyết", "Kết quả")
VOTE_TABLE_WIDTHS = (12, 0, 18, 19, 19, 25)


def resolution_vote(congress: Congress):
    """The adopted show-of-hands vote on the resolution, or None."""
    from congress.models import ShowOfHandsVote

    return (
        ShowOfHandsVote.objects.filter(congress=congress, subject="resolution", adopted=True)
        .order_by("-recorded_at")
        .first()
    )


# ------------------------------------------------------------ elections (published)


def published_results(congress: Congress) -> list[dict]:
    """Sealed and published rounds (elections.services.published_results); [] without the app."""
    try:
        from elections.services import published_results as results
    except ImportError:
        return []
    return results(congress)


def unfinished_elections(congress: Congress) -> list[str]:
    """Titles of the congress's elections that are not closed yet."""
    try:
        from elections.models import Election
    except ImportError:
        return []
    return list(Election.objects.filter(congress=congress).exclude(state="closed").values_list("title", flat=True))


def elected_rows(result: dict) -> list[tuple[str, ...]]:
    """STT | Họ và tên | Số phiếu | Tỷ lệ (of the base) for the elected of one round, most votes first."""
    elected = sorted(result["elected"], key=lambda c: (-c["votes"], c["number"]))
    return [
        (str(i), c["name"], str(c["votes"]), percent_text(c["votes"], result["base"]))
        for i, c in enumerate(elected, 1)
    ]


ELECTED_HEADER = ("STT", "Họ và tên", "Số phiếu", "Tỷ lệ")
ELECTED_WIDTHS = (13, 0, 28, 30)


def election_blocks(results: list[dict]) -> list[Block]:
    """One paragraph and one table per published round: figures, then the elected."""
    blocks: list[Block] = []
    for result in results:
        totals = result["totals"]
        what = election_subject(result["election"])
        round_text = f", lần thứ {result['round']}" if result["round"] > 1 else ""
        blocks.append(subheading(f"Bầu {what}{round_text}"))
        blocks.append(
            para(
                f"Số lượng cần bầu: {result['seats']} đồng chí; số đảng viên làm căn cứ: {result['base']} đồng chí. "
                f"Số phiếu phát ra: {totals['issued']}; số phiếu thu về: {totals['collected']}; số phiếu hợp lệ: "
                f"{totals['valid']}; số phiếu không hợp lệ: {totals['invalid_total']}."
            )
        )
        if result["elected"]:
            blocks.append(para("Các đồng chí trúng cử (quá một nửa so với số đảng viên làm căn cứ):"))
            blocks.append(table(ELECTED_HEADER, elected_rows(result), ELECTED_WIDTHS))
        else:
            blocks.append(para("Không có đồng chí nào trúng cử trong lần bầu này."))
        if result["vacancies"]:
            blocks.append(item(f"- Còn thiếu {result['vacancies']} đồng chí: {result['outcome_label']}."))
    return blocks


# -------------------------------------------------------------- congress minutes


def _attendance_or_missing(congress: Congress) -> AttendanceSnapshot:
    try:
        return build_attendance(congress)
    except DocumentNotReady as exc:
        raise _not_ready(f"Chưa có số liệu tham dự: {exc}") from exc


def _record_times(congress: Congress, record: CongressRecord) -> None:
    if record.opened_at is None or record.closed_at is None:
        raise _not_ready(
            "Chưa ghi giờ khai mạc và bế mạc Đại hội (mục Hồ sơ ghi chép Đại hội): "
            "biên bản chỉ lập khi Đại hội đã bế mạc."
        )


def build_congress_minutes(congress: Congress) -> CongressMinutesSnapshot:
    """Biên bản Đại hội, assembled from the record (election-rules.md §3.8, [B] practice).

    Not ready until the congress has closed (closing time typed), the roll call adds
    up, every election is over and the resolution has been voted on.
    """
    from congress.models import ProgrammeItem, Speech

    record = CongressRecord.for_congress(congress)
    _record_times(congress, record)
    attendance = _attendance_or_missing(congress)
    unfinished = unfinished_elections(congress)
    if unfinished:
        raise _not_ready(f"Cuộc bầu cử chưa kết thúc: {'; '.join(unfinished)}.")
    votes = votes_of(congress)
    resolution = next((v for v in reversed(votes) if v.subject == "resolution"), None)
    if resolution is None:
        raise _not_ready("Đại hội chưa biểu quyết thông qua Nghị quyết.")
    by_subject: dict[str, list] = {}
    for vote in votes:
        by_subject.setdefault(vote.subject, []).append(vote)

    b: list[Block] = []
    venue = congress.place or congress.organisation.place
    b.append(
        para(
            f"Hôm nay, vào hồi {moment_text(record.opened_at)}, tại {venue}, {congress.title} khai mạc. "
            f"Đại hội bế mạc vào hồi {moment_text(record.closed_at)}."
        )
    )
    # I. Attendance
    b.append(heading("I. THÀNH PHẦN THAM DỰ"))
    if record.upper_representative:
        b.append(item(f"- Đại biểu cấp ủy cấp trên: {record.upper_representative}."))
    b.append(
        item(
            f"- Tổng số đảng viên được triệu tập: {attendance.convened} đồng chí; "
            f"có mặt: {attendance.present} đồng chí "
            f"({attendance.present_percent}); vắng mặt: {attendance.absent} đồng chí."
        )
    )
    for label, people in (
        ("Vắng mặt có lý do", attendance.absent_with_reason),
        ("Vắng mặt không có lý do", attendance.absent_without_reason),
    ):
        if people:
            names = "; ".join(f"{m.name}{f' ({m.reason})' if m.reason else ''}" for m in people)
            b.append(item(f"- {label}: {names}."))
    if attendance.base is not None:
        b.append(
            item(
                f"- Số đảng viên chính thức làm căn cứ tính kết quả biểu quyết và bầu cử (Điều 30 Quy chế bầu cử "
                f"trong Đảng): {attendance.base} đồng chí."
            )
        )
    # II. Bodies
    b.append(heading("II. ĐOÀN CHỦ TỊCH, ĐOÀN THƯ KÝ, BAN KIỂM PHIẾU"))
    for kind, name in (
        ("presidium", "Đoàn Chủ tịch"),
        ("secretariat", "Đoàn Thư ký"),
        ("counting_board", "Ban Kiểm phiếu"),
    ):
        members = body_member_names(congress, kind)
        adopted = next((v for v in by_subject.get(kind, []) if v.adopted), None)
        if not members and adopted is None:
            continue
        text = f"- {name}: các đồng chí {', '.join(members)}" if members else f"- {name}"
        if adopted is not None:
            text += f". Đại hội biểu quyết thông qua: {adopted.agree}/{adopted.base} đồng chí tán thành."
        else:
            text += ". Chưa được Đại hội biểu quyết thông qua."
        b.append(item(text))
    # III. Programme, rules, regulation
    b.append(heading("III. CHƯƠNG TRÌNH, NỘI QUY, QUY CHẾ LÀM VIỆC"))
    for subject in ("programme", "rules", "regulation"):
        for vote in by_subject.get(subject, []):
            b.append(item(f"- {vote_subject(vote)}: {vote_sentence(vote)}"))
    # IV. Reports
    reports = ProgrammeItem.objects.filter(congress=congress, kind=ProgrammeItem.Kind.REPORT).select_related(
        "presenter_body", "presenter_member"
    )
    b.append(heading("IV. CÁC BÁO CÁO TRÌNH ĐẠI HỘI"))
    for report in reports:
        presenter = report.presenter
        b.append(item(f"- {' '.join(report.title.split())}{f' ({presenter} trình bày)' if presenter else ''}."))
    if not reports:
        b.append(item("- Không có báo cáo nào được ghi trong chương trình."))
    # V. Speeches and discussion
    b.append(heading("V. THAM LUẬN VÀ THẢO LUẬN"))
    speeches = Speech.objects.filter(congress=congress, state=Speech.State.DELIVERED).select_related("member")
    for speech in speeches:
        b.append(item(f"- Đồng chí {speech.member.full_name}: {speech.title}."))
    if not speeches:
        b.append(item("- Không có tham luận."))
    b.extend(paragraphs(record.discussion_summary))
    # VI. Upper committee
    if record.upper_remarks or record.upper_representative:
        b.append(heading("VI. Ý KIẾN CHỈ ĐẠO CỦA CẤP ỦY CẤP TRÊN"))
        if record.upper_representative:
            b.append(para(f"{record.upper_representative} phát biểu ý kiến chỉ đạo Đại hội:"))
        b.extend(paragraphs(record.upper_remarks))
    # VII. Elections
    results = published_results(congress)
    b.append(heading(f"{'VII' if record.upper_remarks or record.upper_representative else 'VI'}. BẦU CỬ"))
    for vote in by_subject.get("committee_size", []):
        b.append(item(f"- {vote_subject(vote)}: {vote_sentence(vote)}"))
    if results:
        b.extend(election_blocks(results))
        b.append(para("(Chi tiết trong các biên bản kiểm phiếu kèm theo.)"))
    else:
        b.append(item("- Đại hội không tiến hành bầu cử."))
    # Every vote, then the resolution
    numeral = 8 if record.upper_remarks or record.upper_representative else 7
    b.append(heading(f"{to_roman(numeral)}. CÁC NỘI DUNG ĐẠI HỘI BIỂU QUYẾT"))
    b.append(table(VOTE_TABLE_HEADER, vote_rows(votes), VOTE_TABLE_WIDTHS))
    b.append(heading(f"{to_roman(numeral + 1)}. THÔNG QUA NGHỊ QUYẾT ĐẠI HỘI"))
    b.append(para(f"Đại hội biểu quyết thông qua Nghị quyết Đại hội: {vote_sentence(resolution)}"))
    closed = f"{clock_text(record.closed_at)} ngày {short_date(_local_date(record.closed_at))}"
    b.append(para(f"Đại hội bế mạc vào hồi {closed}./."))
    return CongressMinutesSnapshot(
        header=header(congress, "congress-minutes", record),
        summary_lines=summary_lines(congress),
        blocks=tuple(b),
        left_signature=Signature(authority_lines=("Thư ký Đại hội",), name=secretary_name(congress, record)),
        signature=presidium_signature(congress, record),
        recipients=record.recipient_lines(),
    )


def _local_date(moment):
    from .formatting import local

    return local(moment).date()


# -------------------------------------------------------------------- resolution


def results_by_election(results: list[dict]) -> list[dict]:
    """Published rounds grouped by election: [{"election", "kind", "elected": [(name, votes, percent)]}]."""
    grouped: dict[str, dict] = {}
    for result in results:
        group = grouped.setdefault(
            result["election"], {"election": result["election"], "kind": result["kind"], "elected": []}
        )
        for row in elected_rows(result):
            group["elected"].append(row[1:])
    return list(grouped.values())


def elected_table(group: dict) -> Block:
    rows = [(str(i), *row) for i, row in enumerate(group["elected"], 1)]
    return table(ELECTED_HEADER, rows, ELECTED_WIDTHS)


def previous_term(congress: Congress) -> str:
    length = congress.term_end - congress.term_start
    return f"{congress.term_start - length} – {congress.term_start}"


def build_resolution(congress: Congress) -> ResolutionSnapshot:
    """Nghị quyết Đại hội: the secretariat's sections (ResolutionDraft), the election results from
    the sealed counts, and the vote that adopted it. Not ready before that vote."""
    from .models import ResolutionDraft

    vote = resolution_vote(congress)
    if vote is None:
        raise _not_ready("Đại hội chưa biểu quyết thông qua Nghị quyết: chỉ in Nghị quyết sau khi Đại hội thông qua.")
    # The text the congress voted on: the last revision saved before the vote.
    draft = (
        ResolutionDraft.objects.filter(congress=congress, created_at__lte=vote.recorded_at)
        .order_by("-revision")
        .first()
    )
    if draft is None:
        raise _not_ready("Đoàn Thư ký chưa lưu các phần của Nghị quyết trước khi Đại hội biểu quyết.")
    unfinished = unfinished_elections(congress)
    if unfinished:
        raise _not_ready(f"Cuộc bầu cử chưa kết thúc: {'; '.join(unfinished)}.")
    record = CongressRecord.for_congress(congress)
    venue = congress.place or congress.organisation.place
    b: list[Block] = [
        para(f"{congress.title} họp ngày {short_date(congress.date)} tại {venue};"),
        para("Căn cứ Điều lệ Đảng Cộng sản Việt Nam và Quy chế bầu cử trong Đảng;"),
        para(
            f"Sau khi thảo luận Báo cáo chính trị, Báo cáo kiểm điểm của Chi ủy nhiệm kỳ {previous_term(congress)} "
            "và xem xét kết quả bầu cử,"
        ),
        center("QUYẾT NGHỊ:"),
        heading(f"1. Về kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ {previous_term(congress)}"),
        *paragraphs(draft.assessment),
        heading(f"2. Phương hướng, mục tiêu nhiệm kỳ {congress.term}"),
        *paragraphs(draft.targets),
        heading("3. Nhiệm vụ và giải pháp chủ yếu"),
        *paragraphs(draft.tasks),
    ]
    groups = results_by_election(published_results(congress))
    if groups:
        b.append(heading("4. Kết quả bầu cử"))
        for group in groups:
            b.append(
                para(f"Đại hội đã bầu {election_subject(group['election'])} gồm {len(group['elected'])} đồng chí:")
            )
            b.append(elected_table(group))
    n = 5 if groups else 4
    b.append(heading(f"{n}. Tổ chức thực hiện"))
    b.append(
        para(
            "Đại hội giao Chi ủy khóa mới căn cứ Nghị quyết này xây dựng chương trình hành động, lãnh đạo, chỉ đạo "
            "tổ chức thực hiện thắng lợi Nghị quyết Đại hội."
        )
    )
    b.append(
        para(
            f"Nghị quyết này được Đại hội biểu quyết thông qua với {vote.agree}/{vote.base} đồng chí tán thành "
            f"({percent_text(vote.agree, vote.base)} so với số đảng viên làm căn cứ)./."
        )
    )
    return ResolutionSnapshot(
        header=header(congress, "resolution", record),
        summary_lines=summary_lines(congress),
        blocks=tuple(b),
        signature=presidium_signature(congress, record),
        recipients=record.recipient_lines(),
    )


# ---------------------------------------------------------------- results report


def build_results_report(congress: Congress) -> ResultsReportSnapshot:
    """Báo cáo kết quả Đại hội to the upper committee, asking it to approve (chuẩn y) the results
    (election-rules.md §3.3 item 6). Ready once every election is over and a result is published."""
    unfinished = unfinished_elections(congress)
    if unfinished:
        raise _not_ready(f"Cuộc bầu cử chưa kết thúc: {'; '.join(unfinished)}.")
    groups = results_by_election(published_results(congress))
    if not groups:
        raise _not_ready("Chưa có kết quả bầu cử nào được công bố.")
    attendance = _attendance_or_missing(congress)
    record = CongressRecord.for_congress(congress)
    upper = congress.organisation.upper_committee
    venue = congress.place or congress.organisation.place
    b: list[Block] = [
        center(f"Kính gửi: {upper}"),
        para(
            f"{congress.title} đã họp ngày {short_date(congress.date)} tại {venue}. Đại hội báo cáo kết quả như sau:"
        ),
        heading("1. Đảng viên tham dự Đại hội"),
        item(
            f"- Số đảng viên được triệu tập: {attendance.convened} đồng chí; có mặt: {attendance.present} đồng chí "
            f"({attendance.present_percent}); vắng mặt: {attendance.absent} đồng chí."
        ),
    ]
    if attendance.base is not None:
        b.append(item(f"- Số đảng viên chính thức làm căn cứ tính kết quả bầu cử: {attendance.base} đồng chí."))
    b.append(heading("2. Kết quả bầu cử"))
    for group in groups:
        b.append(subheading(f"Bầu {election_subject(group['election'])}"))
        b.append(elected_table(group))
    b.append(heading("3. Đề nghị"))
    b.append(
        para(
            f"Đại hội kính đề nghị {upper} xem xét, chuẩn y kết quả bầu cử nêu trên. "
            "Kèm theo báo cáo này: Biên bản Đại hội và các biên bản kiểm phiếu./."
        )
    )
    return ResultsReportSnapshot(
        header=header(congress, "results-report", record),
        summary_lines=("Kết quả Đại hội và đề nghị chuẩn y kết quả bầu cử",),
        blocks=tuple(b),
        signature=presidium_signature(congress, record),
        recipients=("Như kính gửi;", "Lưu hồ sơ Đại hội."),
    )


# ---------------------------------------------------- elections: rounds from the database


def rounds_of(congress: Congress) -> list[tuple[int, str]]:
    """Every round of the congress's elections that has a ballot: (pk, "Bầu Chi ủy … – lần 1")."""
    try:
        from elections.models import Round
    except ImportError:
        return []
    rounds = (
        Round.objects.filter(election__congress=congress)
        .exclude(state="preparing")
        .select_related("election")
        .order_by("election__order", "number")
    )
    return [(r.pk, f"{r.election.title} – lần {r.number}") for r in rounds]


def elections_of(congress: Congress) -> list[tuple[int, str]]:
    try:
        from elections.models import Election
    except ImportError:
        return []
    return list(Election.objects.filter(congress=congress).order_by("order", "pk").values_list("pk", "title"))


def _round(congress: Congress, pk: int):
    from elections.models import Round

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
        from congress.models import CongressRole

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
    from elections.models import JournalEntry

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
    from elections.models import Candidate, Election

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
