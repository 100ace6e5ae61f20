"""The congress's published results for the upper committee (format ``dai-hoi.results/1``)."""

# No "from __future__ import annotations" here: django-ninja reads the operations'
# annotations at runtime (through the idempotency wrapper), they must be real classes.

from django.utils import timezone
from ninja import Router

from api.endpoints._common import operation
from api.schemas import ResultsExportOut
from congress.access import ALL
from elections.models import Round
from elections.services import published_result, published_rounds

router = Router(tags=["results"])

FORMAT = "dai-hoi.results/1"


@operation(router, "get", "/congresses/{slug}/results", ALL, ResultsExportOut, summary="Kết quả bầu cử (cho cấp trên)")
def export_results(request, slug: str):
    """Every election of the congress with its sealed, published rounds, as sealed (digest included)."""
    congress = request.congress
    organisation = congress.organisation
    sealed = published_rounds(congress)
    by_election: dict[int, list[Round]] = {}
    for rnd in sealed:
        by_election.setdefault(rnd.election_id, []).append(rnd)
    last = max(sealed, key=lambda r: r.sealed_at, default=None)
    return {
        "format": FORMAT,
        "congress": {
            "slug": congress.slug,
            "title": congress.title,
            "ordinal": congress.ordinal,
            "date": congress.date.isoformat(),
            "place": congress.place,
        },
        "organisation": organisation.name,
        "upper_committee": organisation.upper_committee,
        "term": congress.term,
        "base": last.result["base"] if last and "convened_official" in last.result["base"] else None,
        "elections": [
            {
                "kind": election.kind,
                "title": election.title,
                "seats": election.seats,
                "upper_congress": election.upper_congress,
                "state": election.state,
                "outcome": election.outcome,
                "rounds": [published_result(r) for r in by_election.get(election.pk, [])],
            }
            for election in congress.elections.all()
        ],
        "exported_at": timezone.now(),
    }
