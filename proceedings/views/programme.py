"""The programme: items, their order, their files and the presidium's approval."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congress.access import ALL, Role, congress_view, run_service
from congress.exceptions import CongressError
from congress.services import ensure_sessions
from proceedings.forms import CommentForm, DocumentForm, ProgrammeItemForm
from proceedings.models import ItemDocument, ProgrammeItem
from proceedings.services.approvals import (
    approve,
    approve_programme,
    presidium_size,
    presidium_user_ids,
    return_for_changes,
    submit,
    submit_programme,
)
from proceedings.services.bodies import ensure_bodies
from proceedings.services.programme import (
    attach_document,
    create_item,
    install_standard_programme,
    move_item,
    update_item,
)
from proceedings.services.runsheet import programme_rows


def _item(congress, pk) -> ProgrammeItem:
    return get_object_or_404(ProgrammeItem, congress=congress, pk=pk)


@congress_view(*ALL)
def programme(request, congress):
    rows = programme_rows(congress)
    presidium = presidium_user_ids(congress)
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
        "proceedings/programme_list.html",
        {
            "congress": congress,
            "rows": rows,
            "presidium_size": presidium_size(congress, presidium),
            "is_secretariat": Role.SECRETARIAT in request.congress_roles,
            "is_presidium": Role.PRESIDIUM in request.congress_roles,
        },
    )


@congress_view(Role.SECRETARIAT)
@require_POST
def programme_standard(request, congress):
    run_service(
        request,
        lambda: install_standard_programme(congress, request.user),
        _("The standard programme of a cell congress, its rules and working regulation were added."),
    )
    return redirect("proceedings:programme", congress.slug)


@congress_view(Role.SECRETARIAT)
@require_POST
def programme_submit(request, congress):
    run_service(
        request,
        lambda: submit_programme(congress, request.user),
        _("The programme was submitted to the presidium."),
    )
    return redirect("proceedings:programme", congress.slug)


@congress_view(Role.PRESIDIUM)
@require_POST
def programme_approve(request, congress):
    run_service(request, lambda: approve_programme(congress, request.user), _("Your approval was recorded."))
    return redirect("proceedings:programme", congress.slug)


@congress_view(Role.SECRETARIAT)
def item_create(request, congress):
    ensure_sessions(congress)
    ensure_bodies(congress)
    form = ProgrammeItemForm(request.POST or None, congress=congress)
    if request.method == "POST" and form.is_valid():
        try:
            create_item(congress, request.user, **form.item_fields())
        except CongressError as error:
            form.add_error(None, str(error))
            messages.error(request, str(error))
        else:
            messages.success(request, _("The item was added to the programme."))
            return redirect("proceedings:programme", congress.slug)
    return render(request, "proceedings/item_form.html", {"congress": congress, "form": form, "item": None})


@congress_view(Role.SECRETARIAT)
def item_edit(request, congress, pk):
    item = _item(congress, pk)
    form = ProgrammeItemForm(request.POST or None, instance=ProgrammeItem.objects.get(pk=item.pk), congress=congress)
    if request.method == "POST" and form.is_valid():
        was_locked = item.state in (ProgrammeItem.State.SUBMITTED, ProgrammeItem.State.APPROVED)
        try:
            update_item(item, request.user, **form.item_fields())
        except CongressError as error:
            form.add_error(None, str(error))
            messages.error(request, str(error))
        else:
            if was_locked:
                messages.warning(request, _("The item was changed and goes back to the presidium for approval."))
            else:
                messages.success(request, _("The item was saved."))
            return redirect("proceedings:programme", congress.slug)
    return render(
        request,
        "proceedings/item_form.html",
        {"congress": congress, "form": form, "item": item, "document_form": DocumentForm()},
    )


@congress_view(Role.SECRETARIAT)
@require_POST
def item_submit(request, congress, pk):
    run_service(request, lambda: submit(_item(congress, pk), request.user), _("Submitted to the presidium."))
    return redirect("proceedings:programme", congress.slug)


@congress_view(Role.PRESIDIUM)
@require_POST
def item_approve(request, congress, pk):
    form = CommentForm(request.POST)
    form.is_valid()
    run_service(
        request,
        lambda: approve(_item(congress, pk), request.user, form.cleaned_data.get("comment", "")),
        _("Your approval was recorded."),
    )
    return redirect("proceedings:programme", congress.slug)


@congress_view(Role.PRESIDIUM)
@require_POST
def item_return(request, congress, pk):
    form = CommentForm(request.POST)
    form.is_valid()
    run_service(
        request,
        lambda: return_for_changes(_item(congress, pk), request.user, form.cleaned_data.get("comment", "")),
        _("The item was returned to the secretariat."),
    )
    return redirect("proceedings:programme", congress.slug)


@congress_view(Role.SECRETARIAT)
@require_POST
def item_move(request, congress, pk, direction):
    if direction not in ("up", "down"):
        raise Http404
    run_service(request, lambda: move_item(_item(congress, pk), request.user, direction))
    return redirect("proceedings:programme", congress.slug)


@congress_view(Role.SECRETARIAT)
@require_POST
def item_document_upload(request, congress, pk):
    item = _item(congress, pk)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("proceedings:item-edit", congress.slug, item.pk)
    run_service(
        request,
        lambda: attach_document(item, request.user, form.cleaned_data["title"], form.cleaned_data["file"]),
        _("The document was attached."),
    )
    return redirect("proceedings:item-edit", congress.slug, item.pk)


@congress_view(*ALL)
def document_download(request, congress, pk):
    # Served through the access check, never from a public media URL.
    document = get_object_or_404(ItemDocument, item__congress=congress, pk=pk)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1])
