"""The handover archive of a congress (working regulation II.3: the secretariat hands every
record of the congress to the new committee).

One ZIP file:

* ``van-ban/<name>.pdf`` — every document that is ready (and the DOCX of the minutes
  and the resolution), exactly as the download buttons give them;
* ``du-lieu.json`` — the data of the congress, one section per app (see :data:`SECTIONS`);
* ``backup.json`` — every row of the congress, machine-restorable with
  ``manage.py import_congress`` (see :mod:`handover.backup`);
* ``SHA256SUMS`` — the SHA-256 of every other file, in the format of ``sha256sum``, so
  the new committee can check the copy with ``sha256sum -c SHA256SUMS``.

Each app's data is one function ``congress → JSON-able``, listed in :data:`SECTIONS`.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from congress.models import Congress
from documents import registry
from documents.docx import render_docx
from documents.models import CongressRecord, ResolutionDraft
from documents.pdf import document_pdf
from documents.snapshots import ProseSnapshot
from elections.models import Candidate, Election, JournalEntry, Round
from handover.backup import BACKUP_FILE, MANIFEST, backup_json
from members.models import Attendance, BaseSnapshot, CongressMember
from proceedings.models import Body, ProgrammeItem, ShowOfHandsVote, Speech, TextVersion

FORMAT = "dai-hoi/handover-archive/1"
DATA_FILE = "du-lieu.json"
DOCUMENTS_DIR = "van-ban"


# ---------------------------------------------------------------- data per app


def congress_data(congress: Congress) -> dict[str, Any]:
    organisation = congress.organisation
    return {
        "organisation": {
            "name": organisation.name,
            "upper_committee": organisation.upper_committee,
            "place": organisation.place,
            "slug": organisation.slug,
        },
        "congress": {
            "slug": congress.slug,
            "title": congress.title,
            "ordinal": congress.ordinal,
            "term_start": congress.term_start,
            "term_end": congress.term_end,
            "date": congress.date,
            "venue": congress.place,
            "convening_committee": congress.convening_committee,
            "status": congress.status,
            "sessions": [
                {"kind": s.kind, "starts_at": s.starts_at, "ends_at": s.ends_at} for s in congress.sessions.all()
            ],
        },
    }


def proceedings_data(congress: Congress) -> dict[str, Any]:
    """The congress app's record: programme, texts and their versions, bodies, votes, speeches."""
    items = ProgrammeItem.objects.filter(congress=congress).select_related(
        "session", "presenter_body", "presenter_member"
    )
    versions = (
        TextVersion.objects.filter(text__congress=congress)
        .select_related("text", "created_by")
        .prefetch_related("parts")
        .order_by("text__kind", "number")
    )
    bodies = Body.objects.filter(congress=congress).prefetch_related("members")
    votes = ShowOfHandsVote.objects.filter(congress=congress).select_related("session", "recorded_by")
    speeches = Speech.objects.filter(congress=congress).select_related("member")
    return {
        "programme": [
            {
                "order": i.order,
                "session": i.session.kind,
                "title": i.title,
                "kind": i.kind,
                "presenter": i.presenter,
                "state": i.state,
                "started_at": i.started_at,
                "ended_at": i.ended_at,
            }
            for i in items
        ],
        "texts": [
            {
                "kind": v.text.kind,
                "title": v.text.title,
                "version": v.number,
                "state": v.state,
                "written_by": v.created_by.get_username() if v.created_by else None,
                "written_at": v.created_at,
                "parts": [{"heading": p.heading, "body": p.body} for p in v.parts.all()],
            }
            for v in versions
        ],
        "bodies": [{"kind": b.kind, "members": [m.full_name for m in b.members.all()]} for b in bodies],
        "votes": [
            {
                "subject": v.subject,
                "motion": v.motion,
                "number": v.number,
                "round": v.round,
                "session": v.session.kind if v.session else None,
                "convened_official": v.convened_official,
                "base": v.base,
                "threshold": v.threshold,
                "official_present": v.official_present,
                "agree": v.agree,
                "disagree": v.disagree,
                "not_voting": v.not_voting,
                "adopted": v.adopted,
                "recorded_by": v.recorded_by.get_username(),
                "recorded_at": v.recorded_at,
            }
            for v in votes
        ],
        "speeches": [
            {
                "speaker": s.member.full_name,
                "title": s.title,
                "text": s.text,
                "state": s.state,
                "started_at": s.started_at,
                "ended_at": s.ended_at,
                "duration_seconds": s.duration_seconds,
            }
            for s in speeches
        ],
    }


def members_data(congress: Congress) -> dict[str, Any]:
    rows = (
        CongressMember.objects.filter(congress=congress)
        .select_related("member")
        .prefetch_related("attendances__session")
        .order_by("member__given_name", "member__family_name", "pk")
    )
    members = []
    for cm in rows:
        m = cm.member
        members.append(
            {
                "id": cm.pk,
                "full_name": m.full_name,
                "gender": m.gender,
                "birth_date": m.birth_date,
                "card_number": m.card_number,
                "admitted_on": m.admitted_on,
                "official_on": m.official_on,
                "position": m.position,
                "status": m.status,
                "convened": cm.convened,
                "temporary_elsewhere": cm.temporary_elsewhere,
                "exempted": cm.exempted,
                "suspended": cm.suspended,
                "prosecuted": cm.prosecuted,
                "ex_officio_delegate": cm.ex_officio_delegate,
                "absent_whole_congress": cm.absent_whole_congress,
                "absence_reason": cm.absence_reason,
                "reason_accepted": cm.reason_accepted,
                "reason_accepted_by": cm.reason_accepted_by,
                "attendance": [
                    {
                        "session": a.session.kind,
                        "state": a.state,
                        "reason": a.reason,
                        "arrived_at": a.arrived_at,
                        "left_at": a.left_at,
                    }
                    for a in sorted(cm.attendances.all(), key=lambda a: a.session.starts_at)
                ],
            }
        )
    bases = [
        {
            "reason": b.reason,
            "frozen_at": b.created_at,
            "session": b.session.kind if b.session else None,
            "base": b.data,
            "voter_ids": b.voter_ids,
        }
        for b in BaseSnapshot.objects.filter(congress=congress).select_related("session").order_by("created_at", "pk")
    ]
    return {"members": members, "frozen_bases": bases, "attendance_states": list(Attendance.State.values)}


def elections_data(congress: Congress) -> dict[str, Any]:
    """Elections, candidates, every round with its sealed result and digest, and the journal."""
    elections = Election.objects.filter(congress=congress).order_by("order", "pk")
    candidates = Candidate.objects.filter(election__congress=congress).select_related("member")
    rounds = Round.objects.filter(election__congress=congress).prefetch_related("names__candidate__member")
    journal = JournalEntry.objects.filter(congress=congress).select_related("actor").order_by("at", "id")
    return {
        "elections": [
            {
                "id": e.pk,
                "kind": e.kind,
                "title": e.title,
                "seats": e.seats,
                "seats_approved_yes": e.seats_approved_yes,
                "list_approved_yes": e.list_approved_yes,
                "list_approved_at": e.list_approved_at,
                "state": e.state,
                "outcome": e.outcome,
                "outcome_note": e.outcome_note,
                "candidates": [
                    {
                        "name": c.member.full_name,
                        "number": c.number,
                        "source": c.source,
                        "status": c.status,
                        "nominated_by": c.nominated_by,
                        "approval_yes": c.approval_yes,
                        "withdrawal_reason": c.withdrawal_reason,
                    }
                    for c in candidates
                    if c.election_id == e.pk
                ],
                "rounds": [
                    {
                        "number": r.number,
                        "seats": r.seats,
                        "form": r.form,
                        "method": r.method,
                        "state": r.state,
                        "names": [
                            rc.candidate.member.full_name for rc in sorted(r.names.all(), key=lambda n: n.number)
                        ],
                        "ballots_issued": r.ballots_issued,
                        "ballots_collected": r.ballots_collected,
                        "sealed_at": r.sealed_at,
                        "published_at": r.published_at,
                        "digest": r.digest,
                        "result": r.result,
                    }
                    for r in sorted(rounds, key=lambda r: r.number)
                    if r.election_id == e.pk
                ],
            }
            for e in elections
        ],
        "journal": [
            {
                "at": j.at,
                "by": j.actor.get_username() if j.actor else None,
                "action": j.action,
                "election": j.election_id,
                "round": j.round_id,
                "summary": j.summary,
                "before": j.before,
                "after": j.after,
            }
            for j in journal
        ],
    }


def record_data(congress: Congress) -> dict[str, Any]:
    record = CongressRecord.for_congress(congress)
    drafts = ResolutionDraft.objects.filter(congress=congress).select_related("created_by").order_by("revision")
    return {
        "record": {
            "opened_at": record.opened_at,
            "closed_at": record.closed_at,
            "upper_representative": record.upper_representative,
            "upper_remarks": record.upper_remarks,
            "discussion_summary": record.discussion_summary,
            "secretary_name": record.secretary_name,
            "chair_name": record.chair_name,
            "numbers": record.numbers,
            "recipients": list(record.recipient_lines()),
        },
        "resolution_revisions": [
            {
                "revision": d.revision,
                "assessment": d.assessment,
                "targets": d.targets,
                "tasks": d.tasks,
                "written_by": d.created_by.get_username() if d.created_by else None,
                "written_at": d.created_at,
            }
            for d in drafts
        ],
    }


#: (key in du-lieu.json, function): one per app.
SECTIONS: list[tuple[str, Callable[[Congress], Any]]] = [
    ("congress", congress_data),
    ("proceedings", proceedings_data),
    ("members", members_data),
    ("elections", elections_data),
    ("documents", record_data),
]


def collect_data(congress: Congress) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "generated_at": timezone.now(),
        **{key: collect(congress) for key, collect in SECTIONS},
    }


# ----------------------------------------------------------------------- the zip


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def archive_files(congress: Congress) -> dict[str, bytes]:
    """Every file of the archive but the manifest: path → bytes."""
    files: dict[str, bytes] = {}
    index = []
    for entry in registry.entries(congress):
        stem = registry.file_stem(entry.kind, congress, entry.pk)
        item = {"ref": entry.ref, "kind": entry.kind.slug, "title": entry.title, "ready": entry.ready, "files": []}
        if entry.ready:
            path = f"{DOCUMENTS_DIR}/{stem}.pdf"
            files[path] = document_pdf(entry.snapshot)
            item["files"].append(path)
            if entry.kind.docx and isinstance(entry.snapshot, ProseSnapshot):
                path = f"{DOCUMENTS_DIR}/{stem}.docx"
                files[path] = render_docx(entry.snapshot)
                item["files"].append(path)
        else:
            item["missing"] = entry.missing
        index.append(item)
    data = collect_data(congress)
    data["documents_index"] = index
    files[DATA_FILE] = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode("utf-8")
    files[BACKUP_FILE] = backup_json(congress)
    return files


def manifest(files: dict[str, bytes]) -> bytes:
    """``sha256sum`` format: "<64 hex>  <path>" a line, sorted by path."""
    return "".join(f"{sha256(files[path])}  {path}\n" for path in sorted(files)).encode("utf-8")


def build_archive(congress: Congress) -> tuple[bytes, str]:
    """Return (zip bytes, file name) of the congress's handover archive."""
    files = archive_files(congress)
    files[MANIFEST] = manifest(files)
    stamp = timezone.localtime()
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in [MANIFEST, DATA_FILE, *sorted(p for p in files if p not in (MANIFEST, DATA_FILE))]:
            info = zipfile.ZipInfo(f"{congress.slug}/{path}", date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.flag_bits |= 0x800  # UTF-8 names
            archive.writestr(info, files[path])
    return out.getvalue(), f"ho-so-dai-hoi-{congress.slug}-{datetime.date.today():%Y%m%d}.zip"
