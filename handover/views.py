"""The handover archive (working regulation II.3: the secretariat hands the dossier over)."""

from __future__ import annotations

from congress.access import congress_view
from documents.registry import ARCHIVE_ROLES
from documents.views import attachment
from handover.archive import build_archive


@congress_view(*ARCHIVE_ROLES)
def archive(request, congress):
    data, name = build_archive(congress)
    return attachment(data, "application/zip", name)
