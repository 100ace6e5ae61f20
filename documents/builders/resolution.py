"""The resolution of the congress (nghị quyết).

Printed text is always Vietnamese: labels here are plain strings, not gettext.
"""

from __future__ import annotations

from congress.models import Congress
from documents.builders.common import (
    ELECTED_HEADER,
    ELECTED_WIDTHS,
    _not_ready,
    elected_rows,
    election_subject,
    header,
    presidium_signature,
    resolution_vote,
    summary_lines,
    unfinished_elections,
)
from documents.formatting import percent_text, short_date
from documents.models import CongressRecord, ResolutionDraft
from documents.snapshots import (
    Block,
    ResolutionSnapshot,
    center,
    heading,
    para,
    paragraphs,
    table,
)
from elections.services import published_results

#: Widest issuing-body line, in characters: "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI" (32) is the


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
