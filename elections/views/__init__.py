"""Elections screens: thin views that check the role, call a service and redirect."""

from __future__ import annotations

from elections.views.counting import (
    ballot_counts,
    confirm,
    entry,
    entry_correct,
    entry_void,
    publish,
    reconcile,
    round_detail,
    round_method,
    totals,
)
from elections.views.lists import (
    candidate_add,
    candidate_withdraw,
    election_create,
    election_detail,
    election_list,
    election_settings,
    list_freeze,
    list_open,
    round_decide,
)
from elections.views.results import journal, result

__all__ = [
    "candidate_add",
    "candidate_withdraw",
    "election_create",
    "election_detail",
    "election_list",
    "election_settings",
    "list_freeze",
    "list_open",
    "round_decide",
    "ballot_counts",
    "confirm",
    "entry",
    "entry_correct",
    "entry_void",
    "publish",
    "reconcile",
    "round_detail",
    "round_method",
    "totals",
    "journal",
    "result",
]
