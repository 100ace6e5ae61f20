"""Property-based tests of the counting rules (hypothesis, bounded to keep the suite fast)."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from congress.rules import (
    BallotForm,
    BallotMarks,
    Mark,
    Settings,
    ballot_form,
    canonical_json,
    check_totals,
    compute_result,
    digest,
    judge_ballot,
    percent_hundredths,
    tally,
)

S = Settings()
LENIENT = Settings(blank_single_name_ballot_invalid=False)


@st.composite
def votes_and_base(draw):
    base = draw(st.integers(0, 40))
    n = draw(st.integers(1, 10))
    seats = draw(st.integers(1, 8))
    votes = {f"c{i}": draw(st.integers(0, base)) for i in range(n)}
    return votes, base, seats


@settings(max_examples=200, deadline=None)
@given(votes_and_base(), st.booleans())
def test_property_results_respect_seats_majority_and_ranking(case, tie_revote):
    votes, base, seats = case
    result = compute_result(votes, base, seats, S, tie_revote=tie_revote)
    # Never more elected than seats.
    assert len(result.elected) <= seats
    # Everyone elected has more than half of the base (Art. 30(2)).
    assert all(2 * votes[k] > base for k in result.elected)
    # Everyone eligible and not elected has no more than the lowest elected, or is tied for a re-vote.
    lowest = min((votes[k] for k in result.elected + result.tied), default=None)
    for c in result.candidates:
        if c.eligible and not c.elected:
            assert c.tied or (lowest is not None and c.votes <= lowest)
        if c.tied:  # tied candidates are below everyone elected, all with the same votes
            assert all(c.votes < votes[k] for k in result.elected)
            assert {votes[k] for k in result.tied} == {c.votes}
    # Seats are accounted for: elected + (re-vote or vacant) = seats.
    pending = result.next_round.seats if result.next_round else 0
    assert len(result.elected) + pending == seats
    assert result.vacancies == max(0, seats - sum(2 * v > base for v in votes.values()))
    # The elected are listed by votes, high to low.
    assert [votes[k] for k in result.elected] == sorted((votes[k] for k in result.elected), reverse=True)


@st.composite
def ballots(draw):
    n = draw(st.integers(1, 7))
    seats = draw(st.integers(1, 5))
    form = ballot_form(n, seats)
    marks = []
    for _ in range(draw(st.integers(0, 25))):
        flags = {
            "not_issued_by_board": draw(st.booleans()) and draw(st.booleans()),
            "names_added": draw(st.integers(0, 9)) == 0,
            "distinguishing_marks": draw(st.integers(0, 9)) == 0,
        }
        if form == BallotForm.STRIKE_OUT:
            kept = draw(st.sets(st.integers(1, n)))
            marks.append(BallotMarks.strike_out(kept, **flags))
        else:
            answers = draw(st.dictionaries(st.integers(1, n), st.sampled_from(list(Mark))))
            marks.append(BallotMarks.yes_no(answers, **flags))
    spare = draw(st.integers(0, 3))
    return n, seats, form, marks, spare


def naive_vote(marks, n, seats, form):
    """An independent, literal reading of §4 for one ballot: None if invalid, else the STT voted for."""
    if marks.not_issued_by_board or marks.names_added or marks.distinguishing_marks:
        return None
    if form == BallotForm.STRIKE_OUT:
        return None if len(marks.kept) > seats or len(marks.kept) == 0 else set(marks.kept)
    yes = {i for i in range(1, n + 1) if marks.answers.get(i) == Mark.YES}
    if n == 1:
        exactly_one = marks.answers.get(1) in (Mark.YES, Mark.NO)
        return yes if exactly_one else None
    return yes


@settings(max_examples=200, deadline=None)
@given(ballots())
def test_property_tallied_verdicts_pass_check_totals_and_equal_a_naive_recount(case):
    n, seats, form, marks, spare = case
    keys = [f"k{i}" for i in range(1, n + 1)]
    verdicts = [judge_ballot(m, n, seats, form, S) for m in marks]
    issued = len(marks) + spare
    totals = tally(verdicts, keys, seats=seats, issued=issued, official_present=issued + spare)
    assert check_totals(totals) == []
    naive = [naive_vote(m, n, seats, form) for m in marks]
    assert totals.valid == sum(v is not None for v in naive)
    assert totals.invalid_total == sum(v is None for v in naive)
    recount = Counter(stt for v in naive if v is not None for stt in v)
    assert dict(totals.votes) == {k: recount[i] for i, k in enumerate(keys, 1)}


@settings(max_examples=100, deadline=None)
@given(ballots())
def test_property_lenient_blank_setting_only_changes_blank_single_name_ballots(case):
    n, seats, form, marks, _ = case
    for m in marks:
        strict, lenient = judge_ballot(m, n, seats, form, S), judge_ballot(m, n, seats, form, LENIENT)
        if strict != lenient:
            assert n == 1 and m.answers.get(1, Mark.NONE) == Mark.NONE
            assert lenient.valid and lenient.votes == ()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(max_size=6), json_values, max_size=6), st.randoms())
def test_property_digest_ignores_dict_construction_order(data, rnd):
    items = list(data.items())
    rnd.shuffle(items)
    assert digest(dict(items)) == digest(data)
    assert canonical_json(dict(items)) == canonical_json(data)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 500).flatmap(lambda b: st.tuples(st.integers(0, b), st.just(b))))
def test_property_percent_is_round_half_up_of_the_exact_fraction(case):
    votes, base = case
    exact = Fraction(votes * 10000, base)
    h = percent_hundredths(votes, base)
    assert exact - Fraction(1, 2) < h <= exact + Fraction(1, 2)
