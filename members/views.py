"""The roll, its import and export, attendance, the door check-in and the attendance report."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congress.access import ALL, SECRETARIAT, STAFF, congress_view
from congress.models import CongressRole, Session
from members import importing, services
from members.collation import fold
from members.forms import AttendanceForm, FactsForm, ImportForm, MemberForm
from members.models import Attendance, CongressMember, latest_session_with_attendance

Role = CongressRole.Role


def _congress_member(congress, pk) -> CongressMember:
    return get_object_or_404(CongressMember.objects.select_related("member", "congress"), pk=pk, congress=congress)


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


# The roll: /c/<slug>/members/ ----------------------------------------------------------


@congress_view(*ALL)
def member_list(request, congress):
    query = request.GET.get("q", "")[:100]
    rows = services.roll(congress, query)
    staff = bool(request.congress_roles.intersection(STAFF))
    return render(
        request,
        "members/member_list.html",
        {
            "congress": congress,
            "rows": rows,
            "query": query,
            "staff": staff,
            "can_edit": Role.SECRETARIAT in request.congress_roles,
        },
    )


@congress_view(*STAFF)
def member_detail(request, congress, pk):
    cm = _congress_member(congress, pk)
    attendances = cm.attendances.select_related("session", "recorded_by").order_by("session__starts_at")
    changes = cm.member.changes.select_related("user")[:200]
    return render(
        request,
        "members/member_detail.html",
        {
            "congress": congress,
            "cm": cm,
            "member": cm.member,
            "attendances": attendances,
            "changes": changes,
            "can_edit": Role.SECRETARIAT in request.congress_roles,
        },
    )


@congress_view(*SECRETARIAT)
def member_add(request, congress):
    form = MemberForm(request.POST or None, organisation=congress.organisation)
    facts = FactsForm(request.POST or None, prefix="facts")
    if request.method == "POST" and form.is_valid() and facts.is_valid():
        try:
            cm = services.add_member(congress, form.cleaned_data, request.user)
            services.update_facts(cm, facts.cleaned_data, request.user)
        except services.MembersError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("%(name)s was added to the roll.") % {"name": cm.member.full_name})
            return redirect("members:member-list", slug=congress.slug)
    return render(
        request, "members/member_form.html", {"congress": congress, "form": form, "facts": facts, "adding": True}
    )


@congress_view(*SECRETARIAT)
def member_edit(request, congress, pk):
    cm = _congress_member(congress, pk)
    form = MemberForm(request.POST or None, instance=cm.member)
    facts = FactsForm(request.POST or None, instance=cm, prefix="facts")
    if request.method == "POST" and form.is_valid() and facts.is_valid():
        member_data = {f: form.cleaned_data[f] for f in form.Meta.fields}
        fact_data = {f: facts.cleaned_data[f] for f in facts.Meta.fields}
        try:
            services.update_member(cm.member, member_data, request.user, congress)
            services.update_facts(cm, fact_data, request.user)
        except services.MembersError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("members:member-detail", slug=congress.slug, pk=cm.pk)
    return render(request, "members/member_form.html", {"congress": congress, "form": form, "facts": facts, "cm": cm})


# Import and export ---------------------------------------------------------------------

TOKEN_RE = re.compile(r"^[0-9a-f]{32}\.(csv|xlsx|txt)$")


def _upload_dir(congress) -> Path:
    return Path(settings.MEDIA_ROOT) / "imports" / str(congress.pk)


@congress_view(*SECRETARIAT)
def member_import(request, congress):
    """Upload → preview (nothing saved) → confirm (all rows saved, or none)."""
    context = {"congress": congress, "form": ImportForm()}
    if request.method == "POST" and request.POST.get("token"):
        token = request.POST["token"]
        if not TOKEN_RE.match(token):
            raise Http404
        path = _upload_dir(congress) / token
        if not path.exists():
            messages.error(request, _("The uploaded file has expired; upload it again."))
            return redirect("members:import", slug=congress.slug)
        try:
            imported = importing.import_members(
                congress, request.POST.get("filename", token), path.read_bytes(), request.user
            )
        except importing.ImportRejected as exc:
            context.update(preview=exc.preview, error=str(exc))
        except services.MembersError as exc:
            context["error"] = str(exc)
        else:
            path.unlink(missing_ok=True)
            messages.success(request, _("%(count)d members were imported.") % {"count": len(imported)})
            return redirect("members:member-list", slug=congress.slug)
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read(importing.max_bytes() + 1)
            try:
                preview = importing.check(congress, upload.name, content)
            except services.MembersError as exc:
                context["error"] = str(exc)
            else:
                context["preview"] = preview
                if preview.ok:
                    suffix = Path(upload.name).suffix.lower().lstrip(".")
                    suffix = suffix if suffix in ("csv", "xlsx", "txt") else "csv"
                    token = f"{uuid.uuid4().hex}.{suffix}"
                    directory = _upload_dir(congress)
                    directory.mkdir(parents=True, exist_ok=True)
                    (directory / token).write_bytes(content)
                    context.update(token=token, filename=upload.name[:200])
    return render(request, "members/member_import.html", context)


@congress_view(*STAFF)
def member_export(request, congress):
    response = HttpResponse(
        importing.export_xlsx(congress),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="danh-sach-dang-vien-{congress.slug}.xlsx"'
    return response


# Attendance: /c/<slug>/members/attendance/ -----------------------------------------------


def _session(request, congress) -> Session | None:
    """The session chosen in ?session=<kind>, else the latest with attendance, else the first."""
    sessions = list(congress.sessions.all())
    kind = request.GET.get("session") or request.POST.get("session")
    chosen = next((s for s in sessions if s.kind == kind), None)
    if chosen is None:
        latest = latest_session_with_attendance(congress)
        chosen = latest or (sessions[0] if sessions else None)
    return chosen


@congress_view(*STAFF)
def attendance(request, congress):
    session = _session(request, congress)
    roll = services.roll(congress)
    attendances = {}
    if session:
        for a in Attendance.objects.filter(session=session).select_related("recorded_by"):
            attendances[a.congress_member_id] = a
    rows = [(cm, attendances.get(cm.pk)) for cm in roll]
    return render(
        request,
        "members/attendance.html",
        {
            "congress": congress,
            "session": session,
            "sessions": congress.sessions.all(),
            "rows": rows,
            "base": services.current_base(congress, session) if session else None,
            "can_edit": Role.SECRETARIAT in request.congress_roles,
            "states": Attendance.State.choices,
        },
    )


@require_POST
@congress_view(*SECRETARIAT)
def attendance_set(request, congress, pk):
    cm = _congress_member(congress, pk)
    session = _session(request, congress)
    if session is None:
        raise Http404
    form = AttendanceForm(request.POST)
    error = ""
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_attendance(cm, session, request.user, data["state"], data["reason"])
            facts = {"absent_whole_congress": data["absent_whole_congress"]}
            if data["absent_whole_congress"] or cm.absent_whole_congress:
                facts.update(absence_reason=data["reason"], reason_accepted=data["reason_accepted"])
            services.update_facts(cm, facts, request.user)
        except services.MembersError as exc:
            error = str(exc)
    else:
        error = " ".join(m for errors in form.errors.values() for m in errors)
    if not _is_htmx(request):
        if error:
            messages.error(request, error)
        return redirect(f"{_attendance_url(congress)}?session={session.kind}")
    cm = _congress_member(congress, pk)
    here = Attendance.objects.filter(congress_member=cm, session=session).first()
    return render(
        request,
        "members/_attendance_row.html",
        {
            "congress": congress,
            "session": session,
            "cm": cm,
            "a": here,
            "error": error,
            "can_edit": True,
            "states": Attendance.State.choices,
        },
    )


def _attendance_url(congress) -> str:
    return reverse("members:attendance", kwargs={"slug": congress.slug})


@congress_view(*ALL)
def attendance_report(request, congress):
    session = _session(request, congress)
    report = services.attendance_report(congress, session)
    return render(
        request,
        "members/attendance_report.html",
        {"congress": congress, "report": report, "session": session, "sessions": congress.sessions.all()},
    )


# Check-in at the door: /c/<slug>/members/checkin/ ------------------------------------------


def _checkin_context(request, congress, session, query="", notice="", notice_level="success"):
    matches = []
    if query.strip() and session is not None:
        cms = services.roll(congress, query)[:12]
        present = {
            a.congress_member_id: a
            for a in Attendance.objects.filter(session=session, congress_member__in=[cm.pk for cm in cms])
        }
        matches = [(cm, present.get(cm.pk)) for cm in cms]
    return {
        "congress": congress,
        "session": session,
        "sessions": congress.sessions.all(),
        "query": query,
        "matches": matches,
        "base": services.current_base(congress, session) if session else None,
        "notice": notice,
        "notice_level": notice_level,
    }


def _checkin_response(request, context):
    template = "members/_checkin_results.html" if _is_htmx(request) else "members/checkin.html"
    return render(request, template, context)


@congress_view(*SECRETARIAT)
def checkin(request, congress):
    """The door: type part of a name; Enter marks the only match present."""
    session = _session(request, congress)
    if request.method != "POST":
        return render(request, "members/checkin.html", _checkin_context(request, congress, session))
    query = request.POST.get("q", "")[:100]
    if session is None:
        raise Http404
    cms = services.roll(congress, query) if query.strip() else []
    # Only an unambiguous name is marked: the only match, or the only one where every typed
    # word is a whole word ("hoa" → Hòa, not Hoàng); otherwise the clerk must choose.
    whole = [cm for cm in cms if services.whole_word_match(cm.member, fold(query))]
    if len(cms) == 1 or len(whole) == 1:
        cm = cms[0] if len(cms) == 1 else whole[0]
        services.check_in(cm, session, request.user)
        notice = _("%(name)s: present.") % {"name": cm.member.full_name}
        context = _checkin_context(request, congress, session, "", notice)
    elif not cms:
        context = _checkin_context(request, congress, session, query, _("No name matches."), "warning")
    else:
        notice = _("%(count)d names match: type more, or tap the right one.") % {"count": len(cms)}
        context = _checkin_context(request, congress, session, query, notice, "warning")
    return _checkin_response(request, context)


@congress_view(*SECRETARIAT)
def checkin_search(request, congress):
    session = _session(request, congress)
    context = _checkin_context(request, congress, session, request.GET.get("q", "")[:100])
    return render(request, "members/_checkin_results.html", context)


@require_POST
@congress_view(*SECRETARIAT)
def checkin_mark(request, congress, pk):
    cm = _congress_member(congress, pk)
    session = _session(request, congress)
    if session is None:
        raise Http404
    services.check_in(cm, session, request.user)
    notice = _("%(name)s: present.") % {"name": cm.member.full_name}
    return _checkin_response(request, _checkin_context(request, congress, session, "", notice))
