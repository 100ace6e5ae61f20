"""The congress's texts, version by version."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congress.access import ALL, Role, congress_view, run_service
from congress.exceptions import CongressError
from proceedings.forms import CommentForm, TextPartFormSet
from proceedings.models import CongressText, TextVersion
from proceedings.services.approvals import approvals_of, approve, presidium_size, return_for_changes, submit
from proceedings.services.texts import save_text


def _text(congress, kind) -> CongressText:
    return get_object_or_404(CongressText, congress=congress, kind=kind)


@congress_view(*ALL)
def text_list(request, congress):
    texts = CongressText.objects.filter(congress=congress).prefetch_related("versions")
    return render(request, "proceedings/text_list.html", {"congress": congress, "texts": texts})


@congress_view(*ALL)
def text_detail(request, congress, kind, number=None):
    text = _text(congress, kind)
    versions = list(text.versions.order_by("-number"))
    if not versions:
        raise Http404
    version = versions[0] if number is None else next((v for v in versions if v.number == number), None)
    if version is None:
        raise Http404
    approvals = approvals_of(version) if version.approval_round else []
    is_presidium = Role.PRESIDIUM in request.congress_roles
    return render(
        request,
        "proceedings/text_detail.html",
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
            "presidium_size": presidium_size(congress),
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
            version = save_text(text, request.user, parts)
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
            return redirect("proceedings:text-detail", congress.slug, kind)
    return render(request, "proceedings/text_form.html", {"congress": congress, "text": text, "formset": formset})


def _latest_version(congress, kind) -> TextVersion:
    version = _text(congress, kind).latest
    if version is None:
        raise Http404
    return version


@congress_view(Role.SECRETARIAT)
@require_POST
def text_submit(request, congress, kind):
    run_service(
        request,
        lambda: submit(_latest_version(congress, kind), request.user),
        _("Submitted to the presidium."),
    )
    return redirect("proceedings:text-detail", congress.slug, kind)


@congress_view(Role.PRESIDIUM)
@require_POST
def text_approve(request, congress, kind):
    form = CommentForm(request.POST)
    form.is_valid()
    run_service(
        request,
        lambda: approve(_latest_version(congress, kind), request.user, form.cleaned_data.get("comment", "")),
        _("Your approval was recorded."),
    )
    return redirect("proceedings:text-detail", congress.slug, kind)


@congress_view(Role.PRESIDIUM)
@require_POST
def text_return(request, congress, kind):
    form = CommentForm(request.POST)
    form.is_valid()
    run_service(
        request,
        lambda: return_for_changes(
            _latest_version(congress, kind), request.user, form.cleaned_data.get("comment", "")
        ),
        _("The text was returned to the secretariat."),
    )
    return redirect("proceedings:text-detail", congress.slug, kind)
