"""The base (mẫu số) of QĐ 190 Art. 30(2), examples E1, E2 and E8 of election-rules.md §5."""

import pytest

from congress.rules import MemberFacts, Status, compute_base, more_than_half, quorum_required, threshold

OFFICIAL = Status.OFFICIAL


def present(**kw):
    return MemberFacts(OFFICIAL, present=True, attended=True, **kw)


def absent(**kw):
    return MemberFacts(OFFICIAL, **kw)


def test_art_30_2_example_e1():
    members = [present() for _ in range(8)] + [
        absent(exempted=True),
        absent(temporary_elsewhere=True),
        absent(absence_reason_accepted=True),
        absent(),  # no accepted reason: stays in the base
        MemberFacts(Status.PROBATIONARY, present=True, attended=True),
        MemberFacts(Status.PROBATIONARY, present=True, attended=True),
        MemberFacts(Status.TEMPORARY, present=True, attended=True),
    ]
    base = compute_base(members)
    assert base.convened_official == 12
    assert (base.exempted_absent, base.temporary_elsewhere, base.absent_with_reason) == (1, 1, 1)
    assert base.base == 9
    assert base.threshold == 5
    assert base.official_present == 8
    assert (base.probationary_present, base.temporary_present) == (2, 1)


def test_art_30_2_example_e2_and_e2b():
    members = [present() for _ in range(9)] + [absent(exempted=True), absent()]
    assert compute_base(members).base == 10
    members[-1] = absent(absence_reason_accepted=True)
    assert compute_base(members).base == 9


def test_art_30_2_example_e8_suspended_and_exempted_absent():
    members = [present() for _ in range(9)] + [absent(suspended=True), absent(exempted=True), absent()]
    base = compute_base(members)
    assert base.base == 10
    assert base.suspended == 1


def test_art_30_2_an_exempted_member_who_attends_stays_in_the_base():
    base = compute_base([present(exempted=True), present()])
    assert base.base == 2
    assert base.official_present == 2


def test_art_30_2_absence_for_part_of_the_congress_keeps_the_member_in():
    # Attended the preparatory session, left with an accepted reason.
    base = compute_base([MemberFacts(OFFICIAL, attended=True, absence_reason_accepted=True), present()])
    assert base.base == 2
    assert base.official_present == 1


@pytest.mark.parametrize(
    "facts,field",
    [
        (absent(temporary_elsewhere=True), "temporary_elsewhere"),
        (absent(exempted=True), "exempted_absent"),
        (absent(suspended=True), "suspended"),
        (absent(prosecuted=True), "prosecuted"),
        (absent(absence_reason_accepted=True), "absent_with_reason"),
    ],
)
def test_art_30_2_each_exclusion_lowers_the_base_by_one(facts, field):
    base = compute_base([present(), present(), facts])
    assert base.base == 2
    assert getattr(base, field) == 1


def test_art_30_2_a_member_in_two_exclusions_is_counted_once():
    base = compute_base([present(), absent(suspended=True, prosecuted=True, absence_reason_accepted=True)])
    assert base.base == 1
    assert (base.suspended, base.prosecuted, base.absent_with_reason) == (1, 0, 0)


def test_art_30_2_a_suspended_member_present_does_not_vote():
    base = compute_base([present(), MemberFacts(OFFICIAL, suspended=True, present=True, attended=True)])
    assert base.base == 1
    assert base.official_present == 1


def test_charter_art_3_probationary_and_temporary_members_are_never_in_the_base():
    base = compute_base([MemberFacts(Status.PROBATIONARY, present=True), MemberFacts(Status.TEMPORARY, present=True)])
    assert base.base == 0
    assert base.convened_official == 0


def test_members_not_convened_are_not_counted():
    assert compute_base([present(), MemberFacts(OFFICIAL, convened=False)]).base == 1


@pytest.mark.parametrize("base,t", [(0, 1), (1, 1), (2, 2), (9, 5), (10, 6), (11, 6), (12, 7)])
def test_art_30_2_threshold_is_floor_half_plus_one(base, t):
    assert threshold(base) == t
    assert more_than_half(t, base)
    assert not more_than_half(t - 1, base)


@pytest.mark.parametrize("votes,base,adopted", [(6, 10, True), (5, 10, False), (5, 9, True), (4, 9, False)])
def test_art_30_2_exactly_half_is_not_enough(votes, base, adopted):
    assert more_than_half(votes, base) is adopted


@pytest.mark.parametrize("base,required", [(9, 6), (10, 7), (11, 8), (12, 8), (0, 0)])
def test_quorum_b_default_two_thirds_rounded_up(base, required):
    assert quorum_required(base) == required


def test_quorum_is_reported_not_enforced():
    base = compute_base([present(), absent(), absent()])
    assert base.quorum_required == 2
    assert base.quorum_met is False
