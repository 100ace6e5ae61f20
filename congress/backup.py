"""The congress app's rows for the machine-restorable backup (handover), in dependency order."""

from __future__ import annotations

from typing import Any

from django.db import models

from congress.models import Congress, CongressRole, RulesSettings, Session


def rows(congress: Congress) -> list[models.Model]:
    """The organisation, the congress, its sessions and roles (before the members)."""
    return [
        congress.organisation,
        congress,
        *RulesSettings.objects.filter(congress=congress),
        *Session.objects.filter(congress=congress).order_by("pk"),
        *CongressRole.objects.filter(congress=congress).order_by("pk"),
    ]


#: Where archives written before the kernel's RulesSettings kept the rule values (issue 11).
LEGACY_RULES_ROWS = ("elections.electionsettings", "members.attendancesettings")


def upgrade_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return an archive's serialized rows in today's models, for the restore.

    Archives written before the rule settings moved into the kernel hold the [B] values in
    ``elections.electionsettings`` (beside the entry passes, which stay there) and the quorum in
    ``members.attendancesettings`` (a model that no longer exists). Their rule values become one
    ``congress.rulessettings`` row per congress, in the place of the first of them (after the
    congress it points to). Rows of today's archives pass unchanged.
    """
    rule_fields = set(RulesSettings.RULE_FIELDS)
    merged: dict[Any, dict[str, Any]] = {}  # the archive's congress id → its rulessettings row
    out = []
    for row in rows:
        if row["model"] not in LEGACY_RULES_ROWS:
            out.append(row)
            continue
        congress_id = row["fields"]["congress"]
        if congress_id not in merged:
            merged[congress_id] = {"model": "congress.rulessettings", "pk": None, "fields": {"congress": congress_id}}
            out.append(merged[congress_id])
        merged[congress_id]["fields"].update({k: v for k, v in row["fields"].items() if k in rule_fields})
        if row["model"] == "elections.electionsettings":
            out.append({**row, "fields": {k: v for k, v in row["fields"].items() if k not in rule_fields}})
    return out
