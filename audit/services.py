"""Reading the audit log of a congress: its audit entries and its election journal, merged by time."""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet

from audit.models import AuditEntry
from congress.models import Congress
from elections.models import JournalEntry

APPS = ("congress", "members", "elections", "documents")


@dataclass(frozen=True)
class Filters:
    app: str = ""
    action: str = ""
    user: str = ""

    @classmethod
    def from_query(cls, query) -> Filters:
        app = query.get("app", "")
        return cls(
            app=app if app in APPS else "",
            action=query.get("action", "").strip()[:120],
            user=query.get("user", "").strip()[:150],
        )


@dataclass(frozen=True)
class Row:
    at: datetime
    source: str  # "audit" or "journal"
    actor: str
    action: str
    subject: str
    before: Any
    after: Any
    ip: str
    request_id: str

    def as_json(self, value) -> str:
        return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def audit_entries(congress: Congress, filters: Filters = Filters()) -> QuerySet[AuditEntry]:
    """The congress's entries, and those of its organisation's members (a member belongs to the cell)."""
    entries = AuditEntry.objects.filter(
        Q(congress=congress) | Q(congress__isnull=True, organisation_id=congress.organisation_id)
    )
    if filters.app:
        entries = entries.filter(app=filters.app)
    if filters.action:
        entries = entries.filter(action__icontains=filters.action)
    if filters.user:
        entries = entries.filter(actor_name=filters.user)
    return entries.order_by("-at", "-id")


def journal_entries(congress: Congress, filters: Filters = Filters()) -> QuerySet[JournalEntry]:
    if filters.app and filters.app != "elections":
        return JournalEntry.objects.none()
    entries = JournalEntry.objects.filter(congress=congress).select_related("actor", "election", "round")
    if filters.action:
        entries = entries.filter(action__icontains=filters.action)
    if filters.user:
        entries = entries.filter(actor__username=filters.user)
    return entries.order_by("-at", "-id")


def _audit_row(entry: AuditEntry) -> Row:
    return Row(
        at=entry.at,
        source="audit",
        actor=entry.actor_name,
        action=entry.action,
        subject=f"{entry.object_type} #{entry.object_id} {entry.object_repr}".strip(),
        before=entry.before,
        after=entry.after,
        ip=entry.ip or "",
        request_id=entry.request_id,
    )


def _journal_row(entry: JournalEntry) -> Row:
    subject = " · ".join(str(part) for part in (entry.election, entry.round and entry.round.number) if part)
    if entry.summary:
        subject = f"{subject} – {entry.summary}" if subject else entry.summary
    return Row(
        at=entry.at,
        source="journal",
        actor=entry.actor.get_username() if entry.actor else "",
        action=entry.action,
        subject=subject,
        before=entry.before,
        after=entry.after,
        ip="",
        request_id="",
    )


def rows(congress: Congress, filters: Filters = Filters(), *, limit: int | None = None) -> Iterator[Row]:
    """Both sources, newest first; ``limit`` rows at most (each source is read only that far)."""
    audit = audit_entries(congress, filters)
    journal = journal_entries(congress, filters)
    if limit is not None:
        audit, journal = audit[:limit], journal[:limit]
    merged = heapq.merge(
        (_audit_row(e) for e in audit.iterator(chunk_size=500)),
        (_journal_row(e) for e in journal.iterator(chunk_size=500)),
        key=lambda row: row.at,
        reverse=True,
    )
    for number, row in enumerate(merged):
        if limit is not None and number >= limit:
            return
        yield row


def actors(congress: Congress) -> list[str]:
    """User names that appear in the congress's log, for the filter."""
    names = set(audit_entries(congress).exclude(actor_name="").values_list("actor_name", flat=True).distinct())
    names |= set(
        JournalEntry.objects.filter(congress=congress, actor__isnull=False)
        .values_list("actor__username", flat=True)
        .distinct()
    )
    return sorted(names)
