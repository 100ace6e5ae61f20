"""The audit log of a congress, for the presidium (the site administrator has the Django admin)."""

from __future__ import annotations

import csv

from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from audit import services
from congress.access import congress_view
from congress.models import CongressRole

Role = CongressRole.Role
PAGE = 100


@congress_view(Role.PRESIDIUM)
def log(request, congress):
    filters = services.Filters.from_query(request.GET)
    page = request.GET.get("page", "1")
    page = max(1, min(int(page), 1000)) if page.isdigit() else 1
    rows = list(services.rows(congress, filters, limit=page * PAGE + 1))
    shown = rows[(page - 1) * PAGE : page * PAGE]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {
            "congress": congress,
            "rows": shown,
            "filters": filters,
            "apps": services.APPS,
            "actors": services.actors(congress),
            "page": page,
            "has_next": len(rows) > page * PAGE,
            "query": query.urlencode(),
        },
    )


class _Echo:
    def write(self, value):
        return value


@congress_view(Role.PRESIDIUM)
def export_csv(request, congress):
    """Every row (both sources), newest first, as CSV (UTF-8 with BOM, for spreadsheet programs)."""
    filters = services.Filters.from_query(request.GET)
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"
        yield writer.writerow(
            [_("Time"), _("Source"), _("User"), _("Action"), _("Object"), _("Before"), _("After"), _("Address")]
        )
        for row in services.rows(congress, filters):
            yield writer.writerow(
                [
                    row.at.isoformat(),
                    row.source,
                    row.actor,
                    row.action,
                    row.subject,
                    row.as_json(row.before),
                    row.as_json(row.after),
                    row.ip,
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{congress.slug}.csv"'
    return response
