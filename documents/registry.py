"""Every document a congress prints: who may read it, how it is built, and whether it is ready.

A document is addressed by a *ref*: its kind ("attendance"), or for the documents of
one election or round, the kind and the object's id ("count-minutes-12").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from congress.access import ALL, ORGANISERS, STAFF
from congress.models import Congress, CongressRole
from documents.builders.attendance import build_attendance
from documents.builders.elections import (
    build_ballot,
    build_count_minutes,
    build_election_minutes,
    elections_of,
    rounds_of,
)
from documents.builders.minutes import build_congress_minutes
from documents.builders.report import build_results_report
from documents.builders.resolution import build_resolution
from documents.builders.texts import build_programme, build_regulation, build_rules

from .snapshots import DocumentDataError

Role = CongressRole.Role
EVERY_ROLE = ALL
#: Who may print blank ballots (QĐ 190 Art. 8: the board hands them out; the presidium leads).
BALLOT_ROLES = STAFF
#: Who may download the handover archive (working regulation II.3: the secretariat hands over).
ARCHIVE_ROLES = ORGANISERS


@dataclass(frozen=True)
class DocumentKind:
    slug: str
    #: What the list page calls it (UI text, translated).
    label: Any
    #: ``build(congress)``, or ``build(congress, pk)`` for a per-object kind.
    build: Callable[..., Any]
    #: Official records are readable by every role of the congress.
    roles: tuple[str, ...] = EVERY_ROLE
    #: For a document per election or per round: ``objects(congress)`` → [(pk, label)].
    objects: Callable[[Congress], list[tuple[int, str]]] | None = None
    #: Also offered as DOCX, for the secretariat to edit in Word.
    docx: bool = False
    #: The file name stem, ASCII ("bao-cao-tham-du").
    filename: str = ""


@dataclass
class Entry:
    """One document of a congress on the list page: ready, or what is missing."""

    kind: DocumentKind
    ref: str
    title: str
    pk: int | None = None
    snapshot: Any = None
    missing: str = ""

    @property
    def ready(self) -> bool:
        return self.snapshot is not None


KINDS: dict[str, DocumentKind] = {}


def register(kind: DocumentKind) -> DocumentKind:
    KINDS[kind.slug] = kind
    return kind


register(
    DocumentKind(
        slug="programme",
        label=_("Programme"),
        build=build_programme,
        filename="chuong-trinh",
    )
)
register(DocumentKind(slug="rules", label=_("Rules"), build=build_rules, filename="noi-quy"))
register(
    DocumentKind(
        slug="regulation",
        label=_("Working regulation"),
        build=build_regulation,
        filename="quy-che-lam-viec",
    )
)
register(
    DocumentKind(
        slug="attendance",
        label=_("Report on the members attending"),
        build=build_attendance,
        filename="bao-cao-tinh-hinh-dang-vien-tham-du",
    )
)

register(
    DocumentKind(
        slug="count-minutes",
        label=_("Count minutes"),
        build=build_count_minutes,
        objects=rounds_of,
        filename="bien-ban-kiem-phieu",
    )
)
register(
    DocumentKind(
        slug="election-minutes",
        label=_("Election minutes"),
        build=build_election_minutes,
        objects=elections_of,
        filename="bien-ban-bau-cu",
    )
)
register(
    DocumentKind(
        slug="congress-minutes",
        label=_("Congress minutes"),
        build=build_congress_minutes,
        docx=True,
        filename="bien-ban-dai-hoi",
    )
)
register(
    DocumentKind(
        slug="resolution",
        label=_("Resolution"),
        build=build_resolution,
        docx=True,
        filename="nghi-quyet",
    )
)
register(
    DocumentKind(
        slug="results-report",
        label=_("Results report to the upper committee"),
        build=build_results_report,
        filename="bao-cao-ket-qua-dai-hoi",
    )
)

REF_RE = re.compile(r"^(?P<kind>[a-z]+(?:-[a-z]+)*)(?:-(?P<pk>\d+))?$")


def parse_ref(ref: str) -> tuple[DocumentKind, int | None] | None:
    """ "count-minutes-12" → (count-minutes kind, 12); None for an unknown or malformed ref."""
    match = REF_RE.match(ref)
    if not match:
        return None
    kind = KINDS.get(match["kind"])
    pk = int(match["pk"]) if match["pk"] else None
    if kind is None or (kind.objects is None) != (pk is None):
        return None
    return kind, pk


def make_ref(kind: DocumentKind, pk: int | None = None) -> str:
    return f"{kind.slug}-{pk}" if pk is not None else kind.slug


def build(kind: DocumentKind, congress: Congress, pk: int | None = None) -> Any:
    """Build the snapshot (raises DocumentNotReady / DocumentDataError)."""
    return kind.build(congress, pk) if kind.objects is not None else kind.build(congress)


def entries(congress: Congress, roles: set[str] | None = None) -> list[Entry]:
    """Every document of the congress the roles may read, each built to know if it is ready."""
    out = []
    for kind in KINDS.values():
        if roles is not None and not roles.intersection(kind.roles):
            continue
        targets = kind.objects(congress) if kind.objects is not None else [(None, "")]
        for pk, label in targets:
            entry = Entry(kind=kind, ref=make_ref(kind, pk), title=label, pk=pk)
            try:
                entry.snapshot = build(kind, congress, pk)
            except DocumentDataError as exc:
                entry.missing = str(exc)
            out.append(entry)
    return out


def file_stem(kind: DocumentKind, congress: Congress, pk: int | None = None) -> str:
    stem = f"{kind.filename or kind.slug}-{congress.slug}"
    return f"{stem}-{pk}" if pk is not None else stem


@dataclass
class BallotRound:
    pk: int
    label: str
    count: int = 0
    missing: str = ""


def ballot_rounds(congress: Congress) -> list[BallotRound]:
    """The rounds being counted, whose ballots can be printed, with how many."""
    out = []
    for pk, label in rounds_of(congress):
        entry = BallotRound(pk=pk, label=label)
        try:
            _ballot, entry.count = build_ballot(congress, pk)
        except DocumentDataError as exc:
            entry.missing = str(exc)
        out.append(entry)
    return out
