"""The hall: the dashboard, the run sheet and the projector. No models of its own: it combines the domain apps."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congress.access import ALL, ORGANISERS, congress_view
from congress.exceptions import CongressError
from elections.services import published_results
from members.services import dashboard_context
from proceedings.models import ProgrammeItem, ShowOfHandsVote
from proceedings.services._base import get_settings
from proceedings.services.runsheet import start_next_item
from proceedings.services.votes import missing_before_official_session


@congress_view()
def dashboard(request, congress):
    return render(request, "hall/dashboard.html", {"congress": congress, **dashboard_context(congress)})


def _live_context(congress) -> dict:
    items = list(
        ProgrammeItem.objects.filter(congress=congress).select_related("session", "presenter_body", "presenter_member")
    )
    current = next((i for i in items if i.state == ProgrammeItem.State.IN_PROGRESS), None)
    waiting = [i for i in items if i.state not in (ProgrammeItem.State.IN_PROGRESS, ProgrammeItem.State.DONE)]
    if current is not None:
        waiting = [i for i in waiting if i.order > current.order]
    last_vote = ShowOfHandsVote.objects.filter(congress=congress).select_related("body", "version__text").last()
    return {
        "congress": congress,
        "items": items,
        "current": current,
        "next": waiting[0] if waiting else None,
        "last_vote": last_vote,
        # Published election results: filled in by the elections app; never unpublished counts.
        "published_results": published_results(congress),
    }


@congress_view(*ORGANISERS)
def runsheet(request, congress):
    context = _live_context(congress)
    context["missing"] = missing_before_official_session(congress)
    context["settings"] = get_settings(congress)
    return render(request, "hall/runsheet.html", context)


@congress_view(*ORGANISERS)
@require_POST
def runsheet_next(request, congress):
    expected = request.POST.get("current") or None
    try:
        item, warnings = start_next_item(congress, request.user, int(expected) if expected else None)
    except (CongressError, ValueError) as error:
        messages.error(request, str(error))
    else:
        for warning in warnings:
            messages.warning(request, warning)
        if item is None:
            messages.success(request, _("The last item is done: the congress is closed."))
    return redirect("hall:runsheet", congress.slug)


@congress_view(*ALL)
def projector(request, congress):
    return render(request, "hall/projector.html", _live_context(congress))


@congress_view(*ALL)
def projector_fragment(request, congress):
    return render(request, "hall/_projector_content.html", _live_context(congress))
