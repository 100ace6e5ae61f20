"""The documents app's rows for the machine-restorable backup (handover), in dependency order."""

from __future__ import annotations

from django.db import models

from congress.models import Congress
from documents.models import CongressRecord, ResolutionDraft


def rows(congress: Congress) -> list[models.Model]:
    """The congress record and the resolution drafts."""
    return [
        *CongressRecord.objects.filter(congress=congress),
        *ResolutionDraft.objects.filter(congress=congress).order_by("pk"),
    ]
