"""Counting a round: ballots issued and collected, ballot-by-ballot entry, totals, reconciliation."""

from __future__ import annotations

import dataclasses
import json

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congress import rules
from congress.models import CongressRole
from elections import counting
from elections.exceptions import ElectionError, SealedError
from elections.journal import record
from elections.models import BallotEntry, Round, TotalsEntry
from elections.reconcile import Reconciliation, reconcile
from elections.services._base import _raise_problems, _rule_error, _user_is_candidate

Role = CongressRole.Role


# Counting -------------------------------------------------------------------------


def _lock_round(rnd: Round) -> Round:
    """Lock the round for a change to its count, and refuse if it is sealed or not counting.

    The row lock serialises clerks saving at the same moment on PostgreSQL; on
    SQLite, IMMEDIATE transactions serialise them already.
    """
    locked = Round.objects.select_for_update().select_related("election__congress").get(pk=rnd.pk)
    if locked.sealed_at is not None:
        raise SealedError(_("This round is sealed: nothing of it can change any more."))
    if locked.state != Round.State.COUNTING:
        raise ElectionError(_("This round is not being counted."))
    return locked


def _reset_confirmations(rnd: Round, user) -> None:
    """A change to the count withdraws the confirmations given for the count as it was."""
    confirmations = list(rnd.confirmations.values_list("user__username", "role"))
    if confirmations:
        rnd.confirmations.all().delete()
        record(
            rnd.election.congress,
            user,
            "elections.confirmations.withdrawn",
            round=rnd,
            summary=_("The count changed after it was confirmed."),
            before={"confirmations": [list(c) for c in confirmations]},
        )


@transaction.atomic
def record_ballot_counts(rnd: Round, user, *, issued: int, collected: int) -> Round:
    """Record the ballots issued and collected (counted by the board before the count)."""
    rnd = _lock_round(rnd)
    if issued < 0 or collected < 0:
        raise ElectionError(_("Numbers of ballots cannot be negative."))
    if issued > rnd.official_present:
        raise ElectionError(
            _("%(issued)s ballots issued, but only %(present)s official members present may vote.")
            % {"issued": issued, "present": rnd.official_present},
            "issued",
        )
    if collected > issued:
        raise ElectionError(
            _("%(collected)s ballots collected, but only %(issued)s issued.")
            % {"collected": collected, "issued": issued},
            "collected",
        )
    too_high = rnd.entries.filter(voided_at__isnull=True, serial__gt=issued).values_list("serial", flat=True)
    if too_high:
        raise ElectionError(
            _("Ballots numbered above %(issued)s are already entered: %(serials)s.")
            % {"issued": issued, "serials": ", ".join(str(s) for s in sorted(set(too_high)))}
        )
    before = {"issued": rnd.ballots_issued, "collected": rnd.ballots_collected}
    rnd.ballots_issued, rnd.ballots_collected = issued, collected
    rnd.full_clean()
    rnd.save(update_fields=["ballots_issued", "ballots_collected"])
    _reset_confirmations(rnd, user)
    record(
        rnd.election.congress,
        user,
        "elections.ballots.counted",
        round=rnd,
        before=before,
        after={"issued": issued, "collected": collected},
    )
    return rnd


@transaction.atomic
def set_counting_method(rnd: Round, user, method: str) -> Round:
    rnd = _lock_round(rnd)
    if method not in Round.Method.values:
        raise ElectionError(_("Unknown counting method."))
    if rnd.entries.exists() or TotalsEntry.objects.filter(round=rnd).exists():
        raise ElectionError(_("Counting has started: the method cannot change any more."))
    before = rnd.method
    rnd.method = method
    rnd.save(update_fields=["method"])
    record(rnd.election.congress, user, "elections.round.method", round=rnd, before=before, after=method)
    return rnd


def _check_clerk(rnd: Round, user, pass_number: int) -> None:
    congress = rnd.election.congress
    passes = counting.settings_for(congress).passes_required
    if pass_number not in range(1, passes + 1):
        raise ElectionError(
            _("This congress enters ballots in %(passes)s pass(es); there is no pass %(number)s.")
            % {"passes": passes, "number": pass_number}
        )
    if not CongressRole.objects.filter(congress=congress, user=user, role=Role.COUNTING_BOARD).exists():
        raise ElectionError(_("Only members of the vote-counting board enter ballots."))
    if _user_is_candidate(user, rnd.election):
        raise ElectionError(_("A candidate in this election may not count its ballots (QĐ 190 Art. 8)."))
    if (
        passes == 2
        and rnd.entries.filter(entered_by=user, voided_at__isnull=True).exclude(pass_number=pass_number).exists()
    ):
        raise ElectionError(
            _("You entered the other pass of this round: the two passes must be entered by different people.")
        )


def _clean_marks(rnd: Round, marks: dict) -> dict:
    marks = counting.normalise_marks(rnd.form, marks)
    for numbers in marks.values():
        for n in numbers:
            if not 1 <= n <= rnd.candidate_count:
                raise ElectionError(
                    _("There is no number %(number)s on this ballot (1 to %(count)s).")
                    % {"number": n, "count": rnd.candidate_count},
                    "marks",
                )
    return marks


def _check_serial(rnd: Round, serial: int) -> None:
    issued = rnd.ballots_issued if rnd.ballots_issued is not None else rnd.official_present
    if not 1 <= serial <= issued:
        raise ElectionError(
            _("Ballot serial %(serial)s is out of range: the board issued ballots 1 to %(issued)s.")
            % {"serial": serial, "issued": issued},
            "serial",
        )


def _entry_data(entry: BallotEntry) -> dict:
    return {
        "pass": entry.pass_number,
        "serial": entry.serial,
        "marks": entry.marks,
        "flags": [f for f in counting.FLAGS if getattr(entry, f)],
        "note": entry.note,
        "valid": entry.valid,
        "reason": entry.reason,
        "votes": list(entry.votes),
    }


def _build_entry(rnd: Round, user, pass_number, serial, marks, flags, note, corrects=None) -> BallotEntry:
    settings = counting.rules_settings(rnd.election.congress)
    flags = {f: bool(flags.get(f)) for f in counting.FLAGS}
    if flags["ruled_invalid"] and not note.strip():
        raise ElectionError(_("Say why the board rules this ballot invalid."), "note")
    try:
        verdict = counting.judge(rnd, marks, flags, settings)
    except rules.RuleError as exc:
        raise _rule_error(exc) from exc
    entry = BallotEntry(
        round=rnd,
        pass_number=pass_number,
        serial=serial,
        marks=marks,
        note=note.strip(),
        valid=verdict.valid,
        reason=verdict.reason.value if verdict.reason else "",
        votes=list(verdict.votes),
        entered_by=user,
        corrects=corrects,
        **flags,
    )
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError as exc:
        # Another clerk saved this serial in this pass a moment ago.
        raise ElectionError(
            _("Ballot %(serial)s is already entered in pass %(pass)s.") % {"serial": serial, "pass": pass_number},
            "serial",
        ) from exc
    return entry


@transaction.atomic
def enter_ballot(
    rnd: Round, user, *, pass_number: int, serial: int, marks: dict, flags: dict | None = None, note: str = ""
) -> BallotEntry:
    """Enter one paper ballot in one pass and judge it at once (§3.7).

    Refused: a serial outside the ballots issued, a serial already entered in
    this pass (also when two clerks save it at the same moment: the unique
    constraint on live entries decides), a number not on the list, a clerk who
    is a candidate or who entered the other pass, a sealed round.
    """
    rnd = _lock_round(rnd)
    if rnd.method != Round.Method.BALLOTS:
        raise ElectionError(_("This round is counted by totals."))
    _check_clerk(rnd, user, pass_number)
    _check_serial(rnd, serial)
    marks = _clean_marks(rnd, marks)
    if BallotEntry.objects.filter(round=rnd, pass_number=pass_number, serial=serial, voided_at__isnull=True).exists():
        raise ElectionError(
            _("Ballot %(serial)s is already entered in pass %(pass)s.") % {"serial": serial, "pass": pass_number},
            "serial",
        )
    entry = _build_entry(rnd, user, pass_number, serial, marks, flags or {}, note)
    _reset_confirmations(rnd, user)
    record(
        rnd.election.congress,
        user,
        "elections.ballot.entered",
        round=rnd,
        summary=f"{pass_number}/{serial}",
        after=_entry_data(entry),
    )
    return entry


def _lock_entry(entry: BallotEntry, user) -> tuple[Round, BallotEntry]:
    rnd = _lock_round(entry.round)
    entry = BallotEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.voided_at is not None:
        raise ElectionError(_("This entry was already voided."))
    return rnd, entry


@transaction.atomic
def void_entry(entry: BallotEntry, user, *, reason: str) -> BallotEntry:
    """Void an entry (e.g. a ballot entered under the wrong serial), keeping it on record."""
    rnd, entry = _lock_entry(entry, user)
    _check_board_member(rnd, user)
    if not reason.strip():
        raise ElectionError(_("Give the reason."), "reason")
    entry.voided_at = timezone.now()
    entry.voided_by = user
    entry.void_reason = reason.strip()
    entry.save(update_fields=["voided_at", "voided_by", "void_reason"])
    _reset_confirmations(rnd, user)
    record(
        rnd.election.congress,
        user,
        "elections.ballot.voided",
        round=rnd,
        summary=f"{entry.pass_number}/{entry.serial}: {entry.void_reason}",
        before=_entry_data(entry),
        after={"voided": True, "reason": entry.void_reason},
    )
    return entry


@transaction.atomic
def correct_entry(
    entry: BallotEntry, user, *, marks: dict, flags: dict | None = None, reason: str, note: str = ""
) -> BallotEntry:
    """Correct an entry: void it with the reason and enter what the ballot really says."""
    rnd, entry = _lock_entry(entry, user)
    _check_board_member(rnd, user)
    if not reason.strip():
        raise ElectionError(_("Give the reason for the correction."), "reason")
    marks = _clean_marks(rnd, marks)
    entry.voided_at = timezone.now()
    entry.voided_by = user
    entry.void_reason = reason.strip()
    entry.save(update_fields=["voided_at", "voided_by", "void_reason"])
    new = _build_entry(rnd, user, entry.pass_number, entry.serial, marks, flags or {}, note, corrects=entry)
    _reset_confirmations(rnd, user)
    record(
        rnd.election.congress,
        user,
        "elections.ballot.corrected",
        round=rnd,
        summary=f"{entry.pass_number}/{entry.serial}: {entry.void_reason}",
        before=_entry_data(entry),
        after=_entry_data(new),
    )
    return new


def _check_board_member(rnd: Round, user) -> None:
    congress = rnd.election.congress
    if not CongressRole.objects.filter(congress=congress, user=user, role=Role.COUNTING_BOARD).exists():
        raise ElectionError(_("Only members of the vote-counting board change the count."))
    if _user_is_candidate(user, rnd.election):
        raise ElectionError(_("A candidate in this election may not count its ballots (QĐ 190 Art. 8)."))


@transaction.atomic
def record_totals(rnd: Round, user, *, valid: int, invalid: dict[str, int], votes: dict[int, int]) -> TotalsEntry:
    """Record a count by totals; refused when its arithmetic does not add up (§3.8, product.md)."""
    rnd = _lock_round(rnd)
    if rnd.method != Round.Method.TOTALS:
        raise ElectionError(_("This round is counted ballot by ballot."))
    _check_board_member(rnd, user)
    if rnd.ballots_collected is None:
        raise ElectionError(_("Record the ballots issued and collected first."))
    unknown = [str(n) for n in votes if not 1 <= int(n) <= rnd.candidate_count]
    if unknown:
        raise ElectionError(
            _("There is no number %(number)s on this ballot (1 to %(count)s).")
            % {"number": ", ".join(unknown), "count": rnd.candidate_count}
        )
    invalid = {k: int(v) for k, v in invalid.items() if int(v)}
    votes = {int(n): int(v) for n, v in votes.items()}
    try:
        totals = counting.totals_from_hand_count(rnd, valid, invalid, votes)
    except ValueError as exc:
        raise ElectionError(str(exc)) from exc
    _raise_problems(rules.check_totals(totals, _names(rnd)))
    existing = TotalsEntry.objects.filter(round=rnd).first()
    before = existing and {"valid": existing.valid, "invalid": existing.invalid_reasons, "votes": existing.votes}
    entry = existing or TotalsEntry(round=rnd)
    entry.valid = valid
    entry.invalid = sum(invalid.values())
    entry.invalid_reasons = invalid
    entry.votes = {str(n): v for n, v in sorted(votes.items())}
    entry.entered_by = user
    entry.save()
    _reset_confirmations(rnd, user)
    record(
        rnd.election.congress,
        user,
        "elections.totals.recorded",
        round=rnd,
        before=before or None,
        after={"valid": valid, "invalid": invalid, "votes": entry.votes},
    )
    return entry


def _names(rnd: Round) -> dict[int, str]:
    return {rc.number: rc.candidate.member.full_name for rc in rnd.names.select_related("candidate__member")}


def live_entries(rnd: Round, pass_number: int):
    return rnd.entries.filter(pass_number=pass_number, voided_at__isnull=True)


def next_serial(rnd: Round, pass_number: int) -> int | None:
    """Return the lowest serial not yet entered in this pass, or None when all issued ballots are in."""
    issued = rnd.ballots_issued if rnd.ballots_issued is not None else rnd.official_present
    used = set(live_entries(rnd, pass_number).values_list("serial", flat=True))
    return next((s for s in range(1, issued + 1) if s not in used), None)


def _reading(entry: BallotEntry) -> tuple:
    """What a pass read on a ballot: the marks and the flags (the verdict follows from them)."""
    marks = tuple((k, tuple(v)) for k, v in sorted(entry.marks.items()))
    return (marks, tuple(f for f in counting.FLAGS if getattr(entry, f)))


def reconciliation(rnd: Round) -> Reconciliation:
    passes = counting.settings_for(rnd.election.congress).passes_required
    by_pass: dict[int, dict[int, tuple]] = {1: {}, 2: {}}
    for entry in rnd.entries.filter(voided_at__isnull=True):
        by_pass[entry.pass_number][entry.serial] = _reading(entry)
    return reconcile(
        by_pass[1],
        by_pass[2],
        collected=rnd.ballots_collected,
        passes=passes,
        messages={
            "no_collected": _("The number of ballots collected has not been recorded."),
            "count": _("Pass {pass_number} holds {count} ballots; {collected} were collected."),
        },
    )


def describe_reading(rnd: Round, reading: tuple | None) -> str:
    """Say in words what a pass read on a ballot, for the reconciliation screen."""
    if reading is None:
        return _("not entered")
    marks = dict(reading[0])
    if rnd.form == Round.Form.STRIKE_OUT:
        crossed = marks.get("crossed", ())
        text = _("crossed out: %(numbers)s") % {"numbers": " ".join(map(str, crossed)) or "—"}
    else:
        text = _("agree: %(agree)s; disagree: %(disagree)s") % {
            "agree": " ".join(map(str, marks.get("agree", ()))) or "—",
            "disagree": " ".join(map(str, marks.get("disagree", ()))) or "—",
        }
    flags = reading[1]
    if flags:
        labels = {
            "not_issued": _("not issued by the board"),
            "names_added": _("names added"),
            "distinguishing_marks": _("distinguishing marks"),
            "ruled_invalid": _("ruled invalid by the board"),
        }
        text += "; " + ", ".join(str(labels[f]) for f in flags)
    return text


def round_totals(rnd: Round) -> rules.Totals | None:
    """The round's figures: pass 1 of a ballot-by-ballot count (equal to pass 2 once reconciled), or the totals."""
    if rnd.method == Round.Method.TOTALS:
        entry = TotalsEntry.objects.filter(round=rnd).first()
        if entry is None:
            return None
        return counting.totals_from_hand_count(rnd, entry.valid, entry.invalid_reasons, entry.votes)
    return counting.tally_entries(rnd, live_entries(rnd, 1).values_list("valid", "reason", "votes"))


def count_problems(rnd: Round) -> list[str]:
    """Return what blocks confirming the count: missing figures, disagreeing passes, arithmetic."""
    problems: list[str] = []
    if rnd.ballots_collected is None:
        return [_("Record the ballots issued and collected first.")]
    if rnd.method == Round.Method.BALLOTS:
        rec = reconciliation(rnd)
        problems += list(rec.problems)
        if rec.differences:
            problems.append(
                _("The two passes differ on ballots %(serials)s.")
                % {"serials": ", ".join(str(d.serial) for d in rec.differences)}
            )
    totals = round_totals(rnd)
    if totals is None:
        problems.append(_("The totals have not been entered."))
    else:
        if rnd.method == Round.Method.BALLOTS:
            # Reconciliation compares the entries with the ballots collected; here the figures.
            totals = dataclasses.replace(totals, collected=rnd.ballots_collected)
        problems += [p.message for p in rules.check_totals(totals, _names(rnd)) if p.blocking]
    return problems


def round_result(rnd: Round, totals: rules.Totals | None = None) -> rules.Result:
    totals = totals or round_totals(rnd)
    settings = counting.rules_settings(rnd.election.congress)
    return rules.compute_result(dict(totals.votes), rnd.base, rnd.seats, settings, tie_revote=rnd.tie_revote)


def round_content(rnd: Round) -> dict:
    """Return the canonical content of a round's result: what is confirmed, sealed and digested."""
    election = rnd.election
    congress = election.congress
    settings = counting.rules_settings(congress)
    totals = round_totals(rnd)
    if totals is None:
        raise ElectionError(_("The totals have not been entered."))
    try:
        result = round_result(rnd, totals)
        outcome = rules.round_outcome(election.kind, rnd.number, result, settings)
    except rules.RuleError as exc:
        raise _rule_error(exc) from exc
    names = _names(rnd)
    base = rnd.base_snapshot.data if rnd.base_snapshot_id else {"base": rnd.base}
    return {
        "congress": {"slug": congress.slug, "title": congress.title},
        "election": {"kind": election.kind, "title": election.title, "seats": election.seats},
        "round": {
            "number": rnd.number,
            "seats": rnd.seats,
            "form": rnd.form,
            "method": rnd.method,
            "tie_revote": rnd.tie_revote,
            "passes": counting.settings_for(congress).passes_required if rnd.method == Round.Method.BALLOTS else 1,
        },
        "base": base,
        "totals": {
            "official_present": totals.official_present,
            "issued": totals.issued,
            "collected": totals.collected,
            "valid": totals.valid,
            "invalid": {str(k): v for k, v in totals.invalid.items()},
            "invalid_total": totals.invalid_total,
        },
        "candidates": [
            {
                "number": line.key,
                "name": names[line.key],
                "votes": line.votes,
                "percent": line.percent,
                "eligible": line.eligible,
                "elected": line.elected,
                "tied": line.tied,
                "rank": line.rank,
            }
            for line in result.candidates
        ],
        "elected": list(result.elected),
        "tied": list(result.tied),
        "vacancies": result.vacancies,
        "next_round": json.loads(rules.canonical_json(result.next_round)) if result.next_round else None,
        "outcome": outcome.value,
        "settings": settings.as_dict(),
    }


def content_digest(rnd: Round) -> str:
    return rules.digest(round_content(rnd))
