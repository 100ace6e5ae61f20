"""The minutes of the congress (biên bản đại hội).

Printed text is always Vietnamese: labels here are plain strings, not gettext.
"""

from __future__ import annotations

from congress.models import Congress
from congress.numerals import to_roman
from documents.builders.attendance import build_attendance
from documents.builders.common import (
    VOTE_TABLE_HEADER,
    VOTE_TABLE_WIDTHS,
    _local_date,
    _not_ready,
    body_member_names,
    election_blocks,
    header,
    presidium_signature,
    secretary_name,
    summary_lines,
    unfinished_elections,
    vote_rows,
    vote_sentence,
    vote_subject,
    votes_of,
)
from documents.formatting import clock_text, moment_text, short_date
from documents.models import CongressRecord
from documents.snapshots import (
    AttendanceSnapshot,
    Block,
    CongressMinutesSnapshot,
    DocumentNotReady,
    Signature,
    heading,
    item,
    para,
    paragraphs,
    table,
)
from elections.services import published_results
from proceedings.models import ProgrammeItem, Speech

#: Widest issuing-body line, in characters: "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI" (32) is the


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
