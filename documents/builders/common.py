"""Parts every document shares: the header, signatures, names of bodies and people, votes and published results.

Printed text is always Vietnamese: labels here are plain strings, not gettext.
"""

from __future__ import annotations

import dataclasses

from congress.models import Congress
from documents.formatting import local, percent_text
from documents.models import CongressRecord
from documents.snapshots import (
    Block,
    DocumentHeader,
    DocumentNotReady,
    Signature,
    item,
    para,
    subheading,
    table,
)
from elections.models import Election
from proceedings.models import Body, ShowOfHandsVote
from proceedings.standard import party_body

#: Widest issuing-body line, in characters: "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI" (32) is the


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
    """The superior body printed above the issuer: "Đảng bộ các cơ quan Đảng tỉnh" (as documents.builders.texts)."""
    return party_body(congress.organisation.upper_committee)


def body_member_names(congress: Congress, kind: str) -> list[str]:
    """Names of a body's members, in the order they were proposed."""
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
    return dataclasses.replace(snapshot, header=header(congress, kind, record), **changes)


# --------------------------------------------------------------- congress: votes


def votes_of(congress: Congress) -> list:
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
    return (
        ShowOfHandsVote.objects.filter(congress=congress, subject="resolution", adopted=True)
        .order_by("-recorded_at")
        .first()
    )


# ------------------------------------------------------------ elections (published)


def unfinished_elections(congress: Congress) -> list[str]:
    """Titles of the congress's elections that are not closed yet."""
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


def _local_date(moment):
    return local(moment).date()


def summary_lines(congress: Congress) -> tuple[str, ...]:
    return (f"Đại hội {congress.organisation.name}", f"lần thứ {congress.ordinal_roman}, nhiệm kỳ {congress.term}")


def election_subject(title: str) -> str:
    """ "Bầu Chi ủy nhiệm kỳ 2025 – 2030" → "Chi ủy nhiệm kỳ 2025 – 2030" (the minutes write "kiểm phiếu bầu …")."""
    title = title.strip()
    return title[4:] if title.lower().startswith("bầu ") else title
