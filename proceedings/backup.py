"""The proceedings app's rows for the machine-restorable backup (handover), in dependency order."""

from __future__ import annotations

from django.db import models

from congress.models import Congress
from proceedings.models import (
    Body,
    CongressSettings,
    CongressText,
    ItemDocument,
    PresidiumApproval,
    ProgrammeItem,
    ShowOfHandsVote,
    Speech,
    TextPart,
    TextVersion,
)


def settings_rows(congress: Congress) -> list[models.Model]:
    """The settings of the running of the congress (right after the congress)."""
    return list(CongressSettings.objects.filter(congress=congress))


def rows(congress: Congress) -> list[models.Model]:
    """Bodies, programme, texts and versions, approvals, votes, speeches (after the members and bases)."""
    return [
        *Body.objects.filter(congress=congress).order_by("pk"),
        # The rows of the relation, not only the member lists: their order (id) is the order of the
        # body as adopted, and the documents print the first as its head (Trưởng ban).
        *Body.members.through.objects.filter(body__congress=congress).order_by("pk"),
        *ProgrammeItem.objects.filter(congress=congress).order_by("pk"),
        *ItemDocument.objects.filter(item__congress=congress).order_by("pk"),
        *CongressText.objects.filter(congress=congress).order_by("pk"),
        *TextVersion.objects.filter(text__congress=congress).order_by("pk"),
        *TextPart.objects.filter(version__text__congress=congress).order_by("pk"),
        *PresidiumApproval.objects.filter(congress=congress).order_by("pk"),
        *ShowOfHandsVote.objects.filter(congress=congress).order_by("pk"),
        *Speech.objects.filter(congress=congress).order_by("pk"),
    ]
