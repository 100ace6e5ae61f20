"""Views of the programme, its documents, the texts and the presidium's approvals."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congress import services
from congress.access import Role, congress_view
from congress.forms import (
    CommentForm,
    CongressForm,
    DocumentForm,
    ProgrammeItemForm,
    SessionTimesForm,
    SettingsForm,
    TextPartFormSet,
)
from congress.models import Congress, CongressText, ItemDocument, ProgrammeItem, TextVersion
from congress.services import CongressError

ALL = (Role.SECRETARIAT, Role.PRESIDIUM, Role.COUNTING_BOARD, Role.MEMBER)


def _item(congress, pk) -> ProgrammeItem:
    return get_object_or_404(ProgrammeItem, congress=congress, pk=pk)


def _text(congress, kind) -> CongressText:
    return get_object_or_404(CongressText, congress=congress, kind=kind)


def _run(request, action, success: str | None = None) -> bool:
    """Call a service; show its error (nothing changed) or the success message."""
    try:
        action()
    except CongressError as error:
        messages.error(request, str(error))
        return False
    if success:
        messages.success(request, success)
    return True


# /c/<slug>/programme/


@congress_view(*ALL)
def programme(request, congress):
    rows = services.programme_rows(congress)
    presidium = services.presidium_user_ids(congress)
    mine = set()
    if request.user.pk in presidium:
        mine = set(congress.approvals.filter(user=request.user, item__isnull=False).values_list("item_id", "round"))
    for row in rows:
        for entry in row["items"]:
            item = entry["item"]
            entry["decided_by_me"] = (item.pk, item.approval_round) in mine
            entry["approvals"] = [a for a in item.approvals.all() if a.round == item.approval_round]
    return render(
        request,
        "congress/programme_list.html",
        {
            "congress": congress,
            "rows": rows,
            "presidium_size": services.presidium_size(congress, presidium),
            "is_secretariat": Role.SECRETARIAT in request.congress_roles,
            "is_presidium": Role.PRESIDIUM in request.congress_roles,
        },
    )


@congress_view(Role.SECRETARIAT)
@require_POST
def programme_standard(request, congress):
    _run(
        request,
        lambda: services.install_standard_programme(congress, request.user),
        _("The standard programme of a cell congress, its rules and working regulation were added."),
    )
    return redirect("congress:programme", congress.slug)


@congress_view(Role.SECRETARIAT)
@require_POST
def programme_submit(request, congress):
    _run(
        request,
        lambda: services.submit_programme(congress, request.user),
        _("The programme was submitted to the presidium."),
    )
    return redirect("congress:programme", congress.slug)


@congress_view(Role.PRESIDIUM)
@require_POST
def programme_approve(request, congress):
    _run(request, lambda: services.approve_programme(congress, request.user), _("Your approval was recorded."))
    return redirect("congress:programme", congress.slug)


@congress_view(Role.SECRETARIAT)
def item_create(request, congress):
    services.ensure_sessions(congress)
    services.ensure_bodies(congress)
    form = ProgrammeItemForm(request.POST or None, congress=congress)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_item(congress, request.user, **form.item_fields())
        except CongressError as error:
            form.add_error(None, str(error))
            messages.error(request, str(error))
        else:
            messages.success(request, _("The item was added to the programme."))
            return redirect("congress:programme", congress.slug)
    return render(request, "congress/item_form.html", {"congress": congress, "form": form, "item": None})


@congress_view(Role.SECRETARIAT)
def item_edit(request, congress, pk):
    item = _item(congress, pk)
    form = ProgrammeItemForm(request.POST or None, instance=ProgrammeItem.objects.get(pk=item.pk), congress=congress)
    if request.method == "POST" and form.is_valid():
        was_locked = item.state in (ProgrammeItem.State.SUBMITTED, ProgrammeItem.State.APPROVED)
        try:
            services.update_item(item, request.user, **form.item_fields())
        except CongressError as error:
            form.add_error(None, str(error))
            messages.error(request, str(error))
        else:
            if was_locked:
                messages.warning(request, _("The item was changed and goes back to the presidium for approval."))
            else:
                messages.success(request, _("The item was saved."))
            return redirect("congress:programme", congress.slug)
    return render(
        request,
        "congress/item_form.html",
        {"congress": congress, "form": form, "item": item, "document_form": DocumentForm()},
    )


@congress_view(Role.SECRETARIAT)
@require_POST
def item_submit(request, congress, pk):
    _run(request, lambda: services.submit(_item(congress, pk), request.user), _("Submitted to the presidium."))
    return redirect("congress:programme", congress.slug)


@congress_view(Role.PRESIDIUM)
@require_POST
def item_approve(request, congress, pk):
    form = CommentForm(request.POST)
    form.is_valid()
    _run(
        request,
        lambda: services.approve(_item(congress, pk), request.user, form.cleaned_data.get("comment", "")),
        _("Your approval was recorded."),
    )
    return redirect("congress:programme", congress.slug)


@congress_view(Role.PRESIDIUM)
@require_POST
def item_return(request, congress, pk):
    form = CommentForm(request.POST)
    form.is_valid()
    _run(
        request,
        lambda: services.return_for_changes(_item(congress, pk), request.user, form.cleaned_data.get("comment", "")),
        _("The item was returned to the secretariat."),
    )
    return redirect("congress:programme", congress.slug)


@congress_view(Role.SECRETARIAT)
@require_POST
def item_move(request, congress, pk, direction):
    if direction not in ("up", "down"):
        raise Http404
    _run(request, lambda: services.move_item(_item(congress, pk), request.user, direction))
    return redirect("congress:programme", congress.slug)


@congress_view(Role.SECRETARIAT)
@require_POST
def item_document_upload(request, congress, pk):
    item = _item(congress, pk)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("congress:item-edit", congress.slug, item.pk)
    _run(
        request,
        lambda: services.attach_document(item, request.user, form.cleaned_data["title"], form.cleaned_data["file"]),
        _("The document was attached."),
    )
    return redirect("congress:item-edit", congress.slug, item.pk)


@congress_view(*ALL)
def document_download(request, congress, pk):
    # Served through the access check, never from a public media URL.
    document = get_object_or_404(ItemDocument, item__congress=congress, pk=pk)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1])


# /c/<slug>/texts/


@congress_view(*ALL)
def text_list(request, congress):
    texts = CongressText.objects.filter(congress=congress).prefetch_related("versions")
    return render(request, "congress/text_list.html", {"congress": congress, "texts": texts})


@congress_view(*ALL)
def text_detail(request, congress, kind, number=None):
    text = _text(congress, kind)
    versions = list(text.versions.order_by("-number"))
    if not versions:
        raise Http404
    version = versions[0] if number is None else next((v for v in versions if v.number == number), None)
    if version is None:
        raise Http404
    approvals = services.approvals_of(version) if version.approval_round else []
    is_presidium = Role.PRESIDIUM in request.congress_roles
    return render(
        request,
        "congress/text_detail.html",
        {
            "congress": congress,
            "text": text,
            "version": version,
            "versions": versions,
            "approvals": approvals,
            "adopted_vote": version.votes.filter(adopted=True).first(),
            "is_secretariat": Role.SECRETARIAT in request.congress_roles,
            "is_presidium": is_presidium,
            "decided_by_me": is_presidium and any(a.user_id == request.user.pk for a in approvals),
            "presidium_size": services.presidium_size(congress),
        },
    )


@congress_view(Role.SECRETARIAT)
def text_edit(request, congress, kind):
    text = _text(congress, kind)
    latest = text.latest
    initial = [{"heading": p.heading, "body": p.body} for p in latest.parts.all()] if latest else []
    formset = TextPartFormSet(request.POST or None, initial=initial)
    if request.method == "POST" and formset.is_valid():
        parts = [(f.cleaned_data.get("heading", ""), f.cleaned_data.get("body", "")) for f in formset.forms]
        try:
            version = services.save_text(text, request.user, parts)
        except CongressError as error:
            messages.error(request, str(error))
        else:
            if latest is not None and version.pk != latest.pk:
                messages.warning(
                    request,
                    _("Saved as version %(number)s; it goes to the presidium for approval.")
                    % {"number": version.number},
                )
            else:
                messages.success(request, _("The text was saved."))
            return redirect("congress:text-detail", congress.slug, kind)
    return render(request, "congress/text_form.html", {"congress": congress, "text": text, "formset": formset})


def _latest_version(congress, kind) -> TextVersion:
    version = _text(congress, kind).latest
    if version is None:
        raise Http404
    return version


@congress_view(Role.SECRETARIAT)
@require_POST
def text_submit(request, congress, kind):
    _run(
        request,
        lambda: services.submit(_latest_version(congress, kind), request.user),
        _("Submitted to the presidium."),
    )
    return redirect("congress:text-detail", congress.slug, kind)


@congress_view(Role.PRESIDIUM)
@require_POST
def text_approve(request, congress, kind):
    form = CommentForm(request.POST)
    form.is_valid()
    _run(
        request,
        lambda: services.approve(_latest_version(congress, kind), request.user, form.cleaned_data.get("comment", "")),
        _("Your approval was recorded."),
    )
    return redirect("congress:text-detail", congress.slug, kind)


@congress_view(Role.PRESIDIUM)
@require_POST
def text_return(request, congress, kind):
    form = CommentForm(request.POST)
    form.is_valid()
    _run(
        request,
        lambda: services.return_for_changes(
            _latest_version(congress, kind), request.user, form.cleaned_data.get("comment", "")
        ),
        _("The text was returned to the secretariat."),
    )
    return redirect("congress:text-detail", congress.slug, kind)


# /c/<slug>/settings/


@congress_view(Role.SECRETARIAT, Role.PRESIDIUM)
def settings_edit(request, congress):
    form = SettingsForm(request.POST or None, instance=services.get_settings(congress))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The settings were saved."))
        return redirect("congress:settings-edit", congress.slug)
    return render(request, "congress/settings_form.html", {"congress": congress, "form": form})


@congress_view(Role.SECRETARIAT)
def congress_edit(request, congress):
    """The congress's particulars and its two sessions' times."""
    sessions = services.ensure_sessions(congress)
    prep, official = sessions["preparatory"], sessions["official"]
    initial = {
        "preparatory_start": timezone.localtime(prep.starts_at).time(),
        "official_start": timezone.localtime(official.starts_at).time(),
        "official_end": timezone.localtime(official.ends_at).time() if official.ends_at else None,
    }
    form = CongressForm(request.POST or None, instance=Congress.objects.get(pk=congress.pk))
    times = SessionTimesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and times.is_valid():
        try:
            services.update_congress(form.instance, request.user, **times.cleaned_data)
        except CongressError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The congress was saved."))
            return redirect("congress:dashboard", congress.slug)
    return render(request, "congress/congress_form.html", {"congress": congress, "form": form, "times": times})
