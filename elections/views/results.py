"""Results, count minutes, the projector and the journal."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from congress.access import ALL, COUNT_VIEWERS, STAFF, congress_view
from elections import services
from elections.models import JournalEntry
from elections.views._common import _roles, _round


@congress_view(*ALL)
def result(request, congress, round_id):
    """A round's result: everyone once published; before that only the board and the presidium."""
    rnd = _round(congress, round_id)
    content = None
    if rnd.is_sealed:
        content = rnd.result
    elif _roles(request) & set(COUNT_VIEWERS) and not services.count_problems(rnd):
        content = services.round_content(rnd)
    return render(
        request,
        "elections/result.html",
        {"congress": congress, "round": rnd, "election": rnd.election, "content": content},
    )


@congress_view(*ALL)
def count_minutes_pdf(request, congress, round_id):
    """The count minutes of a sealed round, in the Party format, with the digest of the seal."""
    from documents.pdf import document_pdf
    from elections.minutes import count_minutes

    rnd = _round(congress, round_id)
    if not rnd.is_sealed:
        raise Http404
    response = HttpResponse(document_pdf(count_minutes(rnd)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bien-ban-kiem-phieu-{rnd.election.kind}-{rnd.number}.pdf"'
    return response


@congress_view(*ALL)
def projector(request, congress):
    """Published results only, large, for the hall's projector."""
    return render(
        request, "elections/projector.html", {"congress": congress, "results": services.published_results(congress)}
    )


@congress_view(*STAFF)
def journal(request, congress):
    entries = JournalEntry.objects.filter(congress=congress).select_related("actor", "round", "election")
    election_id = request.GET.get("election")
    if election_id and election_id.isdigit():
        entries = entries.filter(election_id=int(election_id))
    return render(
        request,
        "elections/journal.html",
        {
            "congress": congress,
            "entries": entries,
        },
    )
