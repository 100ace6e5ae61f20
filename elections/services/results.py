"""Results: confirmation, publication and seal, further rounds, settings, what others may show."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congress import rules
from congress.models import Congress, CongressRole, RulesSettings
from elections import counting
from elections.exceptions import ElectionError
from elections.journal import record
from elections.models import Confirmation, Election, ElectionSettings, Round, RoundCandidate
from elections.services._base import _rule_error, board_users
from elections.services.ballots import _check_board_member, _lock_round, content_digest, count_problems, round_content
from elections.services.lists import _check_show_of_hands, _lock_election, _start_round
from members import services as member_services

Role = CongressRole.Role


# Confirmation, publication, seal ---------------------------------------------------


@dataclass(frozen=True)
class ConfirmationState:
    board_needed: list  # users
    board_done: set[int]
    presidium_done: bool
    digest: str | None


def confirmation_state(rnd: Round) -> ConfirmationState:
    digest = None
    if not count_problems(rnd):
        digest = content_digest(rnd)
    current = rnd.confirmations.filter(digest=digest) if digest else rnd.confirmations.none()
    return ConfirmationState(
        board_needed=list(board_users(rnd.election.congress).order_by("username")),
        board_done=set(current.filter(role=Confirmation.Role.BOARD).values_list("user_id", flat=True)),
        presidium_done=current.filter(role=Confirmation.Role.PRESIDIUM).exists(),
        digest=digest,
    )


@transaction.atomic
def confirm_round(rnd: Round, user, *, role: str) -> Confirmation:
    """Confirm the count: each board member, then the presidium (after every board member)."""
    rnd = _lock_round(rnd)
    congress = rnd.election.congress
    problems = count_problems(rnd)
    if problems:
        raise ElectionError(" ".join(str(p) for p in problems))
    state = confirmation_state(rnd)
    if role == Confirmation.Role.BOARD:
        _check_board_member(rnd, user)
    elif role == Confirmation.Role.PRESIDIUM:
        if not CongressRole.objects.filter(congress=congress, user=user, role=Role.PRESIDIUM).exists():
            raise ElectionError(_("Only the presidium confirms for the presidium."))
        missing = [u for u in state.board_needed if u.pk not in state.board_done]
        if missing:
            raise ElectionError(
                _("Every member of the vote-counting board confirms first; still missing: %(names)s.")
                % {"names": ", ".join(u.get_full_name() or u.username for u in missing)}
            )
    else:
        raise ElectionError(_("Unknown role."))
    if rnd.confirmations.filter(user=user, role=role).exists():
        raise ElectionError(_("You have already confirmed this count."))
    confirmation = Confirmation.objects.create(round=rnd, user=user, role=role, digest=state.digest)
    record(
        congress,
        user,
        f"elections.count.confirmed.{role}",
        round=rnd,
        summary=state.digest,
        after={"digest": state.digest, "role": role},
    )
    return confirmation


@transaction.atomic
def publish_round(rnd: Round, user) -> Round:
    """Publish the result and seal the round: from now nothing of it can change, in the app or the database."""
    rnd = _lock_round(rnd)
    congress = rnd.election.congress
    if not CongressRole.objects.filter(congress=congress, user=user, role=Role.PRESIDIUM).exists():
        raise ElectionError(_("Only the presidium publishes results."))
    problems = count_problems(rnd)
    if problems:
        raise ElectionError(" ".join(str(p) for p in problems))
    state = confirmation_state(rnd)
    if not state.presidium_done or any(u.pk not in state.board_done for u in state.board_needed):
        raise ElectionError(_("The board and the presidium must confirm this count before it is published."))
    content = round_content(rnd)
    digest = rules.digest(content)
    now = timezone.now()
    rnd.result = content
    rnd.digest = digest
    rnd.state = Round.State.SEALED
    rnd.sealed_at = now
    rnd.published_at = now
    rnd.sealed_by = user
    rnd.save()
    election = _lock_election(rnd.election)
    outcome = rules.RoundOutcome(content["outcome"])
    if outcome == rules.RoundOutcome.COMPLETE:
        election.state, election.outcome = Election.State.CLOSED, Election.Outcome.COMPLETE
    elif outcome == rules.RoundOutcome.UPPER_COMMITTEE_APPOINTS:
        election.state, election.outcome = Election.State.CLOSED, Election.Outcome.APPOINTED
        election.outcome_note = outcome.label
    election.save(update_fields=["state", "outcome", "outcome_note"])
    rnd.election = election
    record(
        congress,
        user,
        "elections.round.published",
        round=rnd,
        summary=digest,
        after={"digest": digest, "elected": content["elected"], "outcome": content["outcome"]},
    )
    return rnd


def next_round_proposal(rnd: Round) -> dict | None:
    """Return the proposal for the round after a sealed round (tie re-vote or shortfall), if any."""
    if rnd.sealed_at is None or rnd.result.get("next_round") is None:
        return None
    if rnd.election.state == Election.State.CLOSED or rnd.election.rounds.filter(number__gt=rnd.number).exists():
        return None
    proposal = dict(rnd.result["next_round"])
    names = dict(rnd.names.values_list("number", "candidate__member__full_name"))
    proposal["names"] = [names[n] for n in proposal["candidates"]]
    proposal["outcome"] = rnd.result["outcome"]
    proposal["outcome_label"] = rules.RoundOutcome(rnd.result["outcome"]).label
    return proposal


@transaction.atomic
def decide_next_round(
    rnd: Round, user, *, hold: bool, votes_yes: int | None = None, allow_new_names: bool = False
) -> Round | None:
    """Record the congress's decision after a tie or a shortfall, and start the next round if it holds one.

    §3.3 items 4–5: the next round is for the remaining seats, among the tied
    (a tie) or the non-elected (a shortfall); whether to hold it and whether new
    names may be added are decided by show of hands. The bí thư election has at
    most ``bi_thu_max_rounds`` rounds (QĐ 294), then the upper committee appoints.
    """
    election = _lock_election(rnd.election)
    rnd = Round.objects.get(pk=rnd.pk)
    congress = election.congress
    proposal = next_round_proposal(rnd)
    if proposal is None:
        raise ElectionError(_("There is no further round to decide on."))
    outcome = rules.RoundOutcome(proposal["outcome"])
    base = member_services.current_base(congress)
    if outcome == rules.RoundOutcome.CONGRESS_DECIDES:
        if votes_yes is None:
            raise ElectionError(_("Record the show of hands."), "votes_yes")
        _check_show_of_hands(votes_yes, base, _("The decision"))
    elif not hold:
        raise ElectionError(_("This election goes on to a further round."))
    if allow_new_names and (proposal["reason"] != rules.NextRoundReason.SHORTFALL or not hold):
        raise ElectionError(_("New names may be added only to a round after a shortfall."))
    if not hold:
        election.state = Election.State.CLOSED
        election.outcome = Election.Outcome.STOPPED
        election.outcome_note = _(
            "The congress decided not to hold a further round; %(seats)s seat(s) stay vacant."
        ) % {"seats": proposal["seats"]}
        election.save(update_fields=["state", "outcome", "outcome_note"])
        record(
            congress,
            user,
            "elections.round.stopped",
            round=rnd,
            summary=election.outcome_note,
            after={"hold": False, "votes_yes": votes_yes},
        )
        return None
    carried = [
        rc.candidate for rc in rnd.names.select_related("candidate__member").filter(number__in=proposal["candidates"])
    ]
    new = Round(
        election=election,
        number=rnd.number + 1,
        seats=proposal["seats"],
        decided_yes=votes_yes,
        new_names_allowed=allow_new_names,
        tie_revote=proposal["reason"] == rules.NextRoundReason.TIE,
        state=Round.State.PREPARING,
    )
    new.save()
    if allow_new_names:
        # The carried names wait on the preparing round; nominations reopen for new ones.
        RoundCandidate.objects.bulk_create(
            [RoundCandidate(round=new, candidate=c, number=i) for i, c in enumerate(carried, start=1)]
        )
        election.state = Election.State.LIST_OPEN
        election.save(update_fields=["state"])
    else:
        _start_round(new, carried, user)
    record(
        congress,
        user,
        "elections.round.decided",
        round=new,
        summary=_("Round %(number)s") % {"number": new.number},
        after={
            "hold": True,
            "votes_yes": votes_yes,
            "seats": new.seats,
            "candidates": [c.full_name for c in carried],
            "new_names_allowed": allow_new_names,
            "reason": proposal["reason"],
        },
    )
    return new


#: What the counting-settings page changes: the elections' own entry passes, then every rule value of the
#: kernel's RulesSettings (the [B] settings and the quorum).
ELECTION_SETTINGS_FIELDS = ["passes_required"]
SETTINGS_FIELDS = [*ELECTION_SETTINGS_FIELDS, *RulesSettings.RULE_FIELDS]


@transaction.atomic
def update_settings(congress: Congress, user, changes: dict) -> RulesSettings:
    """Change the congress's rule settings and entry passes; refused once any list is approved (the rules
    must not move)."""
    unknown = sorted(set(changes) - set(SETTINGS_FIELDS))
    if unknown:
        raise ValueError(f"Not a setting: {', '.join(unknown)}")
    rules_row = RulesSettings.objects.select_for_update().get(pk=counting.rules_model(congress).pk)
    election_row = ElectionSettings.objects.select_for_update().get(pk=counting.settings_for(congress).pk)
    if Round.objects.filter(election__congress=congress).exists():
        raise ElectionError(_("A list is already approved: the counting settings cannot change any more."))

    def row_of(name: str):
        return election_row if name in ELECTION_SETTINGS_FIELDS else rules_row

    before = {name: getattr(row_of(name), name) for name in changes}
    for name, value in changes.items():
        setattr(row_of(name), name, value)
    try:
        rules_row.as_rules()
    except rules.RuleError as exc:
        raise _rule_error(exc) from exc
    for row in (rules_row, election_row):
        row.full_clean()
        row.save()
    congress._rules_settings_cache = rules_row
    congress._election_settings_cache = election_row
    record(congress, user, "elections.settings.changed", before=before, after=changes)
    return rules_row


# What others may show --------------------------------------------------------------


def published_result(rnd: Round) -> dict:
    """Return one sealed round's result as plain data, from its sealed content (nothing recomputed).

    The one home of the published result: the result page, the projector, the API and the
    documents all read it, so they never differ.
    """
    content = rnd.result
    by_number = {c["number"]: c for c in content["candidates"]}
    base = content["base"]
    totals = content["totals"]
    return {
        "election": rnd.election.title,
        "kind": rnd.election.kind,
        "round": rnd.number,
        "seats": content["round"]["seats"],
        "form": content["round"]["form"],
        "method": content["round"]["method"],
        "tie_revote": content["round"]["tie_revote"],
        "base": base["base"],
        "threshold": rules.threshold(base["base"]),
        "base_snapshot": base,
        "totals": totals,
        "ballots_issued": totals["issued"],
        "ballots_collected": totals["collected"],
        "ballots_valid": totals["valid"],
        "ballots_invalid": totals["invalid_total"],
        "invalid_by_reason": totals["invalid"],
        "candidates": content["candidates"],
        "elected": [by_number[n] for n in content["elected"]],
        "tied": [by_number[n] for n in content["tied"]],
        "vacancies": content["vacancies"],
        "outcome": content["outcome"],
        "outcome_label": str(rules.RoundOutcome(content["outcome"]).label),
        "next_round": content["next_round"],
        "digest": rnd.digest,
        "sealed_at": rnd.sealed_at,
        "published_at": rnd.published_at,
    }


def published_rounds(congress: Congress):
    """The congress's sealed and published rounds, in the order of the elections."""
    return (
        Round.objects.filter(election__congress=congress, sealed_at__isnull=False, published_at__isnull=False)
        .select_related("election", "base_snapshot")
        .order_by("election__order", "number")
    )


def published_results(congress: Congress) -> list[dict]:
    """Return the published, sealed results of the congress (for the projector and documents)."""
    return [published_result(rnd) for rnd in published_rounds(congress)]
