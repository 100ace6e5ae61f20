"""The documents of a congress: list with readiness, HTML preview, PDF and DOCX downloads,
the handover archive, and the secretariat's forms for the record and the resolution."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from csp.constants import SELF
from csp.decorators import csp_replace
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin

from congress.access import congress_view
from congress.models import CongressRole
from documents.builders.elections import build_ballot, rounds_of

from . import registry, services
from .ballots import render_ballots, serial_numbers
from .docx import render_docx
from .forms import RecordForm, ResolutionForm
from .models import CongressRecord, ResolutionDraft
from .pdf import document_html, document_pdf
from .registry import ARCHIVE_ROLES
from .snapshots import DocumentDataError, ProseSnapshot

Role = CongressRole.Role

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def ascii_filename(name: str) -> str:
    """ "Biên bản Đại hội.pdf" → "Bien ban Dai hoi.pdf" (for clients without filename*)."""
    name = name.replace("Đ", "D").replace("đ", "d")
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return "".join(c if c.isalnum() or c in " .-_" else "_" for c in plain).strip() or "document"


def attachment(data: bytes, content_type: str, filename: str) -> HttpResponse:
    """A download with an ASCII filename and the exact one in filename* (RFC 6266)."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_filename(filename)}\"; filename*=UTF-8''{quote(filename)}"
    )
    response["Content-Length"] = str(len(data))
    return response


def _document(request, congress, ref: str):
    """Resolve ``ref`` for the user: (kind, pk). 404 for unknown refs (outsiders got theirs
    from congress_view), 403 for a role that may not read this kind."""
    parsed = registry.parse_ref(ref)
    if parsed is None:
        raise Http404
    kind, pk = parsed
    if not request.congress_roles.intersection(kind.roles):
        raise PermissionDenied
    if kind.objects is not None and pk not in {key for key, _label in kind.objects(congress)}:
        raise Http404
    return kind, pk


def _not_ready(request, congress, kind, exc: DocumentDataError) -> HttpResponse:
    # 409: the request is right, the congress is not there yet. Never a half-filled document.
    return render(
        request,
        "documents/document_not_ready.html",
        {"congress": congress, "kind": kind, "message": str(exc)},
        status=409,
    )


@congress_view()
def document_list(request, congress):
    entries = registry.entries(congress, request.congress_roles)
    can_archive = bool(request.congress_roles.intersection(ARCHIVE_ROLES))
    can_edit = Role.SECRETARIAT in request.congress_roles
    ballot_rounds = []
    if request.congress_roles.intersection(registry.BALLOT_ROLES):
        ballot_rounds = registry.ballot_rounds(congress)
    return render(
        request,
        "documents/document_list.html",
        {
            "congress": congress,
            "entries": entries,
            "can_archive": can_archive,
            "can_edit": can_edit,
            "ballot_rounds": ballot_rounds,
        },
    )


@congress_view()
def document_preview(request, congress, ref):
    kind, pk = _document(request, congress, ref)
    try:
        snapshot = registry.build(kind, congress, pk)
    except DocumentDataError as exc:
        return _not_ready(request, congress, kind, exc)
    return render(
        request,
        "documents/document_preview.html",
        {
            "congress": congress,
            "kind": kind,
            "ref": ref,
            "snapshot": snapshot,
            "has_docx": kind.docx,
        },
    )


@csp_replace({"frame-ancestors": [SELF]})
@xframe_options_sameorigin
@congress_view()
def document_html_view(request, congress, ref):
    """The document alone (the preview page frames it): its own stylesheet and fonts, no app chrome.

    Only this view may be framed, and only by the app's own pages."""
    kind, pk = _document(request, congress, ref)
    try:
        snapshot = registry.build(kind, congress, pk)
    except DocumentDataError as exc:
        return _not_ready(request, congress, kind, exc)
    return HttpResponse(document_html(snapshot))


@congress_view()
def document_pdf_view(request, congress, ref):
    kind, pk = _document(request, congress, ref)
    try:
        snapshot = registry.build(kind, congress, pk)
    except DocumentDataError as exc:
        return _not_ready(request, congress, kind, exc)
    return attachment(document_pdf(snapshot), PDF, f"{registry.file_stem(kind, congress, pk)}.pdf")


@congress_view()
def document_docx_view(request, congress, ref):
    kind, pk = _document(request, congress, ref)
    if not kind.docx:
        raise Http404
    try:
        snapshot = registry.build(kind, congress, pk)
    except DocumentDataError as exc:
        return _not_ready(request, congress, kind, exc)
    if not isinstance(snapshot, ProseSnapshot):
        raise Http404
    return attachment(render_docx(snapshot), DOCX, f"{registry.file_stem(kind, congress, pk)}.docx")


@congress_view(*registry.BALLOT_ROLES)
def ballots_pdf(request, congress, round_pk):
    """N numbered ballots of one round in one PDF (counting board, secretariat, presidium)."""
    if round_pk not in {pk for pk, _label in rounds_of(congress)}:
        raise Http404
    try:
        ballot, count = build_ballot(congress, round_pk)
    except DocumentDataError as exc:
        return _not_ready(request, congress, None, exc)
    data = render_ballots(ballot, serial_numbers(count))
    return attachment(data, PDF, f"phieu-bau-{congress.slug}-{round_pk}.pdf")


@congress_view(Role.SECRETARIAT)
def record_edit(request, congress):
    record = CongressRecord.for_congress(congress)
    form = RecordForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_record(congress, form.record_data(), request.user)
        except services.DocumentsError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The record of the congress was saved."))
            return redirect("documents:document-list", congress.slug)
    return render(request, "documents/record_form.html", {"congress": congress, "form": form, "record": record})


@congress_view(Role.SECRETARIAT)
def resolution_edit(request, congress):
    latest = ResolutionDraft.latest_for(congress)
    if request.method == "POST":
        form = ResolutionForm(request.POST)
        if form.is_valid():
            try:
                services.save_resolution_draft(
                    congress, form.cleaned_data, request.user, based_on=form.cleaned_data["based_on"] or 0
                )
            except services.DocumentsError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The resolution's sections were saved."))
                return redirect("documents:document-list", congress.slug)
    else:
        initial = (
            {name: getattr(latest, name) for name in services.RESOLUTION_FIELDS}
            if latest
            else services.resolution_defaults(congress)
        )
        form = ResolutionForm(initial={**initial, "based_on": latest.revision if latest else 0})
    revisions = ResolutionDraft.objects.filter(congress=congress).select_related("created_by")[:20]
    return render(
        request,
        "documents/resolution_form.html",
        {"congress": congress, "form": form, "latest": latest, "revisions": revisions},
    )
