"""Adapters between the models and the pure counting rules of :mod:`congress.rules`.

Every counting decision the app takes goes through this module, and this
module decides nothing itself: it turns model facts into the rules' inputs
(candidates are keyed by their number on the ballot, STT) and the rules'
answers into plain data for services, views and documents.
"""

from __future__ import annotations

from collections.abc import Iterable

from congress import rules
from congress.models import RulesSettings
from elections.models import BallotEntry, ElectionSettings, Round

FLAGS = ("not_issued", "names_added", "distinguishing_marks", "ruled_invalid")
_FLAG_TO_RULES = {
    "not_issued": "not_issued_by_board",
    "names_added": "names_added",
    "distinguishing_marks": "distinguishing_marks",
    "ruled_invalid": "ruled_invalid_by_board",
}


def settings_for(congress) -> ElectionSettings:
    """Return the congress's election settings (the entry passes), creating the defaults on first use."""
    es = getattr(congress, "_election_settings_cache", None)
    if es is None:
        es, _created = ElectionSettings.objects.get_or_create(congress=congress)
        congress._election_settings_cache = es
    return es


def rules_model(congress) -> RulesSettings:
    """Return the congress's rule settings (the kernel's RulesSettings), read once per congress object."""
    rs = getattr(congress, "_rules_settings_cache", None)
    if rs is None:
        rs = RulesSettings.for_congress(congress)
        congress._rules_settings_cache = rs
    return rs


def rules_settings(congress) -> rules.Settings:
    """Return the rule book's :class:`congress.rules.Settings` with the congress's values."""
    return rules_model(congress).as_rules()


def reason_label(code: str) -> str:
    """Return the Vietnamese wording of an invalid-ballot reason, as in the count minutes."""
    try:
        return rules.InvalidReason(code).label
    except ValueError:
        return code


def normalise_marks(form: str, marks: dict) -> dict:
    """Return ``marks`` with sorted, de-duplicated integer lists (the stored and compared form)."""
    if form == Round.Form.STRIKE_OUT:
        return {"crossed": sorted({int(n) for n in marks.get("crossed", [])})}
    return {
        "agree": sorted({int(n) for n in marks.get("agree", [])}),
        "disagree": sorted({int(n) for n in marks.get("disagree", [])}),
    }


def ballot_marks(round: Round, marks: dict, flags: dict) -> rules.BallotMarks:
    """Turn an entry's marks (numbers crossed out, or boxes per number) into the rules' BallotMarks."""
    rule_flags = {_FLAG_TO_RULES[f]: bool(flags.get(f)) for f in FLAGS}
    if round.form == Round.Form.STRIKE_OUT:
        crossed = set(marks.get("crossed", []))
        kept = [n for n in range(1, round.candidate_count + 1) if n not in crossed]
        return rules.BallotMarks.strike_out(kept, **rule_flags)
    agree, disagree = set(marks.get("agree", [])), set(marks.get("disagree", []))
    answers = {}
    for n in agree | disagree:
        if n in agree and n in disagree:
            answers[n] = rules.Mark.BOTH
        elif n in agree:
            answers[n] = rules.Mark.YES
        else:
            answers[n] = rules.Mark.NO
    return rules.BallotMarks.yes_no(answers, **rule_flags)


def judge(round: Round, marks: dict, flags: dict, settings: rules.Settings) -> rules.Verdict:
    """Judge one ballot (§3.7) with the rules module."""
    return rules.judge_ballot(
        ballot_marks(round, marks, flags), round.candidate_count, round.seats, rules.BallotForm(round.form), settings
    )


def verdict_of(valid: bool, reason: str, votes) -> rules.Verdict:
    """Rebuild the stored verdict of an entry (judged once, when it was entered)."""
    return rules.Verdict(valid, None if valid else rules.InvalidReason(reason), tuple(votes or ()))


def numbers(round: Round) -> list[int]:
    return list(range(1, round.candidate_count + 1))


def tally_entries(round: Round, entries: Iterable[BallotEntry | tuple]) -> rules.Totals:
    """Add up the live entries of one pass (QĐ 190 Art. 30(1)): the ballot-by-ballot count.

    ``entries`` are BallotEntry rows or (valid, reason, votes) tuples (values_list, fast).
    """
    issued = round.ballots_issued if round.ballots_issued is not None else round.official_present
    rows = (e if isinstance(e, tuple) else (e.valid, e.reason, e.votes) for e in entries)
    return rules.tally(
        (verdict_of(*row) for row in rows),
        numbers(round),
        seats=round.seats,
        issued=issued,
        official_present=round.official_present,
    )


def totals_from_hand_count(round: Round, valid: int, invalid: dict, votes: dict) -> rules.Totals:
    """Build the rules' Totals from a count by totals (numbers typed from the board's tally sheet)."""
    return rules.Totals(
        official_present=round.official_present,
        issued=round.ballots_issued if round.ballots_issued is not None else 0,
        collected=round.ballots_collected if round.ballots_collected is not None else 0,
        valid=valid,
        invalid={rules.InvalidReason(k): v for k, v in invalid.items() if v},
        votes={n: int(votes.get(str(n), votes.get(n, 0))) for n in numbers(round)},
        seats=round.seats,
    )
