"""The base of QĐ 190 Art. 30(2) built from database rows: CongressMember + Attendance → current_base.

The pure rule is tested in tests/rules/test_base.py; these tests check
that the roll and the attendance reach it correctly (examples E1, E2, E2b and E8
of election-rules.md §5, and each exclusion on its own).
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from congress.models import RulesSettings, Session
from members import services
from members.models import Attendance, BaseSnapshot, Member
from tests.members.factories import attend, member, session

State = Attendance.State
OFFICIAL, PROBATIONARY, TEMPORARY = Member.Status.OFFICIAL, Member.Status.PROBATIONARY, Member.Status.TEMPORARY


def officials_present(congress, sess, n, prefix="Đảng viên"):
    cms = [member(congress, f"{prefix} Số {i}") for i in range(n)]
    for cm in cms:
        attend(cm, sess)
    return cms


@pytest.mark.django_db
def test_art_30_2_example_e1_from_the_roll(congress):
    sess = session(congress)
    officials_present(congress, sess, 8)
    attend(member(congress, "Trần Văn Miễn", exempted=True), sess, State.ABSENT_EXCUSED, reason="Miễn sinh hoạt")
    member(congress, "Lê Văn Tạm", temporary_elsewhere=True)
    attend(
        member(congress, "Phạm Thị Ốm", absent_whole_congress=True, absence_reason="Ốm", reason_accepted=True),
        sess,
        State.ABSENT_EXCUSED,
        reason="Ốm",
    )
    attend(member(congress, "Hoàng Văn Vắng"), sess, State.ABSENT_UNEXCUSED)
    for name in ("Ngô Thị Dự", "Bùi Văn Bị"):
        attend(member(congress, name, status=PROBATIONARY), sess)
    attend(member(congress, "Vũ Văn Khách", status=TEMPORARY), sess)

    base = services.current_base(congress)

    assert base.convened_official == 12
    assert (base.exempted_absent, base.temporary_elsewhere, base.absent_with_reason) == (1, 1, 1)
    assert base.base == 9
    assert base.threshold == 5
    assert base.official_present == 8
    assert (base.probationary_present, base.temporary_present) == (2, 1)
    assert services.voters(congress).count() == 8


@pytest.mark.django_db
def test_art_30_2_example_e2_and_e2b_from_the_roll(congress):
    sess = session(congress)
    officials_present(congress, sess, 9)
    attend(member(congress, "Trần Văn Miễn", exempted=True), sess, State.ABSENT_EXCUSED)
    absentee = member(congress, "Hoàng Văn Vắng")
    attend(absentee, sess, State.ABSENT_UNEXCUSED)

    base = services.current_base(congress)
    assert (base.base, base.threshold, base.official_present) == (10, 6, 9)

    # E2b: the second absentee had a reason the convening committee accepted.
    services.update_facts(
        absentee, {"absent_whole_congress": True, "absence_reason": "Đi công tác", "reason_accepted": True}, None
    )
    base = services.current_base(congress)
    assert (base.base, base.threshold) == (9, 5)


@pytest.mark.django_db
def test_art_30_2_example_e8_suspended_and_exempted_absent(congress):
    sess = session(congress)
    officials_present(congress, sess, 9)
    member(congress, "Trần Văn Đình", suspended=True)
    member(congress, "Lê Văn Miễn", exempted=True)
    attend(member(congress, "Hoàng Văn Vắng"), sess, State.ABSENT_UNEXCUSED)
    for name in ("Ngô Thị Dự", "Bùi Văn Bị"):
        attend(member(congress, name, status=PROBATIONARY), sess)
    base = services.current_base(congress)
    assert (base.base, base.suspended, base.exempted_absent) == (10, 1, 1)
    assert base.probationary_present == 2


@pytest.mark.parametrize(
    "facts,field",
    [
        ({"temporary_elsewhere": True}, "temporary_elsewhere"),
        ({"exempted": True}, "exempted_absent"),
        ({"suspended": True}, "suspended"),
        ({"prosecuted": True}, "prosecuted"),
        (
            {"absent_whole_congress": True, "absence_reason": "Ốm", "reason_accepted": True},
            "absent_with_reason",
        ),
    ],
)
@pytest.mark.django_db
def test_art_30_2_each_exclusion_from_the_roll_lowers_the_base_by_one(congress, facts, field):
    sess = session(congress)
    officials_present(congress, sess, 2)
    member(congress, "Người Bị Trừ", **facts)
    base = services.current_base(congress)
    assert base.convened_official == 3
    assert base.base == 2
    assert getattr(base, field) == 1


@pytest.mark.django_db
def test_art_30_2_an_exempted_member_who_attends_stays_in_the_base(congress):
    sess = session(congress)
    attend(member(congress, "Trần Văn Miễn", exempted=True), sess)
    officials_present(congress, sess, 1)
    base = services.current_base(congress)
    assert (base.base, base.official_present, base.exempted_absent) == (2, 2, 0)


@pytest.mark.django_db
def test_art_30_2_an_accepted_reason_without_absence_for_the_whole_congress_keeps_the_member_in(congress):
    sess = session(congress)
    officials_present(congress, sess, 2)
    # Absent from this session with an accepted reason, but not declared absent for the whole congress.
    attend(
        member(congress, "Phạm Thị Muộn", absence_reason="Đến muộn", reason_accepted=True), sess, State.ABSENT_EXCUSED
    )
    assert services.current_base(congress).base == 3


@pytest.mark.django_db
def test_art_30_2_a_member_who_attended_one_session_stays_in_the_base(congress):
    prep, official = session(congress), session(congress, Session.Kind.OFFICIAL)
    officials_present(congress, official, 2)
    leaver = member(
        congress, "Phạm Thị Về", absent_whole_congress=True, absence_reason="Việc gia đình", reason_accepted=True
    )
    attend(leaver, prep)
    attend(leaver, official, State.ABSENT_EXCUSED, reason="Việc gia đình")
    base = services.current_base(congress)
    assert (base.base, base.absent_with_reason, base.official_present) == (3, 0, 2)


@pytest.mark.django_db
def test_a_member_not_convened_is_not_counted(congress):
    sess = session(congress)
    officials_present(congress, sess, 2)
    member(congress, "Lê Văn Không", convened=False)
    assert services.current_base(congress).convened_official == 2


@pytest.mark.django_db
def test_a_member_who_left_no_longer_votes_but_stays_in_the_base(congress):
    sess = session(congress)
    cms = officials_present(congress, sess, 3)
    services.record_departure(cms[0], sess, None)
    base = services.current_base(congress)
    assert (base.base, base.official_present) == (3, 2)
    assert cms[0].pk not in set(services.voters(congress).values_list("pk", flat=True))


@pytest.mark.django_db
def test_present_is_taken_from_the_latest_session_with_attendance(congress):
    prep, official = session(congress), session(congress, Session.Kind.OFFICIAL)
    cms = officials_present(congress, prep, 3)
    assert services.current_base(congress).official_present == 3
    attend(cms[0], official)
    assert services.current_base(congress).official_present == 1
    assert services.current_base(congress, prep).official_present == 3
    assert cms[0].facts().present and not cms[1].facts().present
    assert cms[1].facts(prep).present and cms[1].facts().attended


@pytest.mark.django_db
def test_the_quorum_fraction_is_a_per_congress_setting(congress):
    sess = session(congress)
    officials_present(congress, sess, 6)
    for i in range(3):
        member(congress, f"Vắng Mặt Số {i}")
    base = services.current_base(congress)
    assert (base.base, base.quorum_required, base.quorum_met) == (9, 6, True)
    RulesSettings.objects.filter(congress=congress).update(quorum_numerator=3, quorum_denominator=4)
    base = services.current_base(congress)
    assert (base.quorum_required, base.quorum_met) == (7, False)


@pytest.mark.django_db
def test_current_base_does_not_query_per_member(congress, django_assert_num_queries):
    sess = session(congress)
    officials_present(congress, sess, 30)
    RulesSettings.for_congress(congress)
    # settings, latest session, congress members + members, attendances
    with django_assert_num_queries(4):
        services.current_base(congress)


@pytest.mark.django_db
def test_a_frozen_base_does_not_change_when_the_roll_does(congress, users):
    sess = session(congress)
    cms = officials_present(congress, sess, 5)
    snapshot = services.freeze_base(congress, "Bầu Chi ủy, lần 1", users["secretariat"])
    services.update_facts(cms[0], {"suspended": True}, None)
    services.record_departure(cms[1], sess, None)
    assert services.current_base(congress).base == 4
    snapshot = BaseSnapshot.objects.get(pk=snapshot.pk)
    assert snapshot.base.base == 5
    assert snapshot.base.official_present == 5
    assert snapshot.voter_ids == sorted(cm.pk for cm in cms)
    assert snapshot.session == sess


@pytest.mark.django_db
def test_a_frozen_base_refuses_to_change_or_disappear(congress):
    snapshot = services.freeze_base(congress, "Biểu quyết chương trình", None)
    snapshot.reason = "khác"
    with pytest.raises(ValueError):
        snapshot.save()
    with pytest.raises(ValueError):
        snapshot.delete()
    with pytest.raises(ValueError):
        BaseSnapshot.objects.filter(pk=snapshot.pk).update(reason="khác")
    with pytest.raises(ValueError):
        BaseSnapshot.objects.filter(pk=snapshot.pk).delete()
    assert BaseSnapshot.objects.get(pk=snapshot.pk).reason == "Biểu quyết chương trình"


@pytest.mark.django_db
def test_freezing_needs_a_reason(congress):
    with pytest.raises(services.MembersError):
        services.freeze_base(congress, "  ", None)


@pytest.mark.django_db
def test_checking_in_someone_declared_absent_for_the_whole_congress_puts_them_back(congress):
    sess = session(congress)
    cm = member(congress, "Phạm Thị Ốm", absent_whole_congress=True, absence_reason="Ốm", reason_accepted=True)
    assert services.current_base(congress).base == 0
    services.check_in(cm, sess, None)
    cm.refresh_from_db()
    assert not cm.absent_whole_congress
    assert services.current_base(congress).base == 1
    assert timezone.now() >= cm.attendances.get().arrived_at
