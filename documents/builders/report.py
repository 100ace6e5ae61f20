"""The report of the results of the congress to the upper committee.

Printed text is always Vietnamese: labels here are plain strings, not gettext.
"""

from __future__ import annotations

from congress.models import Congress
from documents.builders.common import (
    _not_ready,
    election_subject,
    header,
    presidium_signature,
    unfinished_elections,
)
from documents.builders.minutes import _attendance_or_missing
from documents.builders.resolution import elected_table, results_by_election
from documents.formatting import short_date
from documents.models import CongressRecord
from documents.snapshots import (
    Block,
    ResultsReportSnapshot,
    center,
    heading,
    item,
    para,
    subheading,
)
from elections.services import published_results

#: Widest issuing-body line, in characters: "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI" (32) is the


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
