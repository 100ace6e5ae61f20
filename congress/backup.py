"""The congress app's rows for the machine-restorable backup (handover), in dependency order."""

from __future__ import annotations

from django.db import models

from congress.models import Congress, CongressRole, Session


def rows(congress: Congress) -> list[models.Model]:
    """The organisation, the congress, its sessions and roles (before the members)."""
    return [
        congress.organisation,
        congress,
        *Session.objects.filter(congress=congress).order_by("pk"),
        *CongressRole.objects.filter(congress=congress).order_by("pk"),
    ]
