"""Snapshots of the programme, rules and working regulation for the documents app.

The documents app renders frozen dataclasses (documents/snapshots.py); the
congress owns the data and builds them here. The rules and the working
regulation print the version the congress adopted, or the latest one while
none is adopted (a draft).
"""

from __future__ import annotations

from django.utils import timezone

from congress.models import Congress, Session
from congress.numerals import to_roman
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


def summary_lines(congress: Congress) -> tuple[str, ...]:
    return (f"Đại hội {congress.organisation.name}", f"lần thứ {congress.ordinal_roman}, nhiệm kỳ {congress.term}")


def presidium_signature() -> Signature:
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
        signature=presidium_signature(),
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
        signature=presidium_signature(),
    )
