"""Results and the journal (the count minutes are documents; the projector is the hall's)."""

from __future__ import annotations

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
        {
            "congress": congress,
            "round": rnd,
            "election": rnd.election,
            "content": content,
            # The printed count minutes are a document (documents:document-pdf), one URL for all.
            "count_minutes_ref": f"count-minutes-{rnd.pk}",
        },
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
