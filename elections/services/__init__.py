"""Election workflows: lists, rounds, ballot entry, reconciliation, confirmation, seal.

Every public function is verb-first, takes model instances and the acting user,
runs in one transaction with its journal record, and raises ElectionError with
a message for the user. Counting decisions come from congress.rules through
elections.counting. The modules: lists (elections and candidate lists), ballots
(counting a round), results (confirmation, seal, further rounds, published results).
"""

from __future__ import annotations

from elections.exceptions import ElectionError, SealedError
from elections.services._base import (
    board_member_ids,
    board_users,
    completed_kinds,
    elected_chi_uy_ids,
    elected_member_ids,
    members_on_lists,
    members_present,
)
from elections.services.ballots import (
    content_digest,
    correct_entry,
    count_problems,
    describe_reading,
    enter_ballot,
    live_entries,
    next_serial,
    reconciliation,
    record_ballot_counts,
    record_totals,
    round_content,
    round_result,
    round_totals,
    set_counting_method,
    void_entry,
)
from elections.services.lists import (
    DEFAULT_TITLES,
    add_candidate,
    create_election,
    freeze_list,
    list_problems,
    open_nominations,
    withdraw_candidate,
)
from elections.services.results import (
    SETTINGS_FIELDS,
    ConfirmationState,
    confirm_round,
    confirmation_state,
    decide_next_round,
    next_round_proposal,
    publish_round,
    published_result,
    published_results,
    published_rounds,
    update_settings,
)

__all__ = [
    "ElectionError",
    "SealedError",
    "board_member_ids",
    "board_users",
    "completed_kinds",
    "elected_chi_uy_ids",
    "elected_member_ids",
    "members_on_lists",
    "members_present",
    "DEFAULT_TITLES",
    "add_candidate",
    "create_election",
    "freeze_list",
    "list_problems",
    "open_nominations",
    "withdraw_candidate",
    "content_digest",
    "correct_entry",
    "count_problems",
    "describe_reading",
    "enter_ballot",
    "live_entries",
    "next_serial",
    "reconciliation",
    "record_ballot_counts",
    "record_totals",
    "round_content",
    "round_result",
    "round_totals",
    "set_counting_method",
    "void_entry",
    "ConfirmationState",
    "confirm_round",
    "confirmation_state",
    "decide_next_round",
    "next_round_proposal",
    "publish_round",
    "published_result",
    "published_results",
    "published_rounds",
    "SETTINGS_FIELDS",
    "update_settings",
]
