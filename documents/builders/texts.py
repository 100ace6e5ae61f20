"""The programme, the rules of the election and the working regulation, as adopted.

Printed text is always Vietnamese: labels here are plain strings, not gettext.
"""

from __future__ import annotations

from django.utils import timezone

from congress.models import Congress, Session
from congress.numerals import to_roman
from documents.builders.common import _not_ready, _with_header, presidium_signature, summary_lines
from documents.models import CongressRecord
from documents.snapshots import (
    DocumentHeader,
    ProgrammeItem,
    ProgrammeSession,
    ProgrammeSnapshot,
    RegulationSnapshot,
    RulesSnapshot,
    Signature,
    TextSection,
)
from proceedings import standard
from proceedings.models import CongressText, TextVersion
from proceedings.services.runsheet import programme_rows

WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
SESSION_NAMES = {Session.Kind.PREPARATORY: "Phiên trù bị", Session.Kind.OFFICIAL: "Phiên chính thức"}


def build_programme(congress: Congress):
    """Chương trình Đại hội: STT | Nội dung | Người thực hiện, by session."""
    if not congress.programme_items.exists():
        raise _not_ready("Chưa có chương trình Đại hội: hãy lập chương trình (mục Chương trình).")
    record = CongressRecord.for_congress(congress)
    snapshot = programme_snapshot(congress)
    snapshot = _with_header(snapshot, congress, record, "programme")
    if not snapshot.sessions or not any(s.items for s in snapshot.sessions):
        raise _not_ready("Chương trình Đại hội chưa có nội dung nào.")
    return snapshot


def _text_snapshot(congress: Congress, kind: str, label: str):
    text = CongressText.objects.filter(congress=congress, kind=kind).first()
    version = version_to_print(text) if text else None
    if version is None or not version.parts.exists():
        raise _not_ready(f"Chưa có {label}: hãy soạn văn bản (mục Nội quy, quy chế).")
    record = CongressRecord.for_congress(congress)
    snapshot = rules_snapshot(congress) if kind == "rules" else regulation_snapshot(congress)
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


def congress_header(congress: Congress) -> DocumentHeader:
    return DocumentHeader(
        upper_committee=standard.party_body(congress.organisation.upper_committee),
        issuing_body_lines=(
            f"Đại hội {congress.organisation.name}",
            f"lần thứ {congress.ordinal_roman}, nhiệm kỳ {congress.term}",
        ),
        place=congress.organisation.place,
        date=congress.date,
    )


def _unsigned_presidium() -> Signature:
    return Signature(authority_lines=("T/M Đoàn Chủ tịch Đại hội",))


def session_heading(session: Session) -> str:
    """Return "Phiên trù bị: Từ 8h00, ngày 08/5/2025 (sáng thứ Năm)", as in the seed."""
    start = timezone.localtime(session.starts_at)
    part = "sáng" if start.hour < 12 else "chiều"
    return (
        f"{SESSION_NAMES[session.kind]}: Từ {start.hour}h{start.minute:02d}, "
        f"ngày {start.day:02d}/{start.month}/{start.year} ({part} {WEEKDAYS[start.weekday()]})"
    )


def programme_snapshot(congress: Congress) -> ProgrammeSnapshot:
    sessions = []
    for number, row in enumerate(programme_rows(congress), start=1):
        items = [
            ProgrammeItem(lines=tuple(entry["title"].splitlines()), presenter=entry["presenter"])
            for entry in row["items"]
        ]
        sessions.append(
            ProgrammeSession(numeral=to_roman(number), heading=session_heading(row["session"]), items=items)
        )
    return ProgrammeSnapshot(
        header=congress_header(congress), summary_lines=summary_lines(congress), sessions=sessions
    )


def version_to_print(text: CongressText) -> TextVersion | None:
    """Return the adopted version, or the latest while the congress has adopted none."""
    return text.adopted or text.latest


def _sections(version: TextVersion | None) -> list[TextSection]:
    if version is None:
        return []
    return [
        TextSection(heading=part.heading, paragraphs=tuple(p for p in part.body.splitlines() if p.strip()))
        for part in version.parts.all()
    ]


def rules_snapshot(congress: Congress) -> RulesSnapshot:
    text = congress.texts.get(kind=CongressText.Kind.RULES)
    return RulesSnapshot(
        header=congress_header(congress),
        summary_lines=summary_lines(congress),
        articles=_sections(version_to_print(text)),
        signature=_unsigned_presidium(),
    )


def regulation_snapshot(congress: Congress) -> RegulationSnapshot:
    text = congress.texts.get(kind=CongressText.Kind.REGULATION)
    return RegulationSnapshot(
        header=congress_header(congress),
        summary_lines=(
            f"của Đại hội {congress.organisation.name}",
            f"lần thứ {congress.ordinal_roman}, nhiệm kỳ {congress.term}",
        ),
        sections=_sections(version_to_print(text)),
        signature=_unsigned_presidium(),
    )
