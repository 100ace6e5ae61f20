"""A whole election through the API on the demo congress, compared with the same through the services.

The demo (congress.demo) has the chi ủy list frozen and the bí thư election
prepared. Through the API: check-in, counting the chi ủy in two passes with
reconciliation, confirmations, publication; then the bí thư list, its freeze,
its count, results and the export. The same inputs through the services (the
pages' code path) must give the same sealed content and the same digest.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from congress.models import Congress
from elections import services
from elections.models import Candidate, Election, Round
from members import services as member_services
from members.models import Attendance, CongressMember, latest_session_with_attendance
from tests.api.conftest import ApiClient

SLUG = "thai-binh-lhh-2025"
# Chi ủy ballots (strike-out, 4 names for 3 seats): serial → numbers crossed out.
CHI_UY_BALLOTS = {1: [4], 2: [4], 3: [3], 4: [4], 5: [1], 6: [4], 7: [2, 4], 8: [4], 9: []}


def _user(username):
    return get_user_model().objects.get(username=username)


def _absent_member(congress):
    """A convened official member not present (the demo keeps one away), or None."""
    session = latest_session_with_attendance(congress)
    for cm in CongressMember.objects.filter(congress=congress, member__status="official").select_related("member"):
        attendance = Attendance.objects.filter(congress_member=cm, session=session).first()
        if attendance is None or not attendance.is_present_now:
            return cm
    return None


def _bi_thu_ballots(rnd):
    # Yes/no ballot with one name: everyone agrees but one who disagrees.
    return {s: {"agree": [1]} if s != 2 else {"disagree": [1]} for s in range(1, rnd.official_present + 1)}


def _through_services(congress):
    """The same election done by calling the services the pages call; return the sealed rounds' digests."""
    board = [_user("kiemphieu"), _user("kiemphieu2")]
    presidium, secretariat = _user("chutich"), _user("thuky")
    session = latest_session_with_attendance(congress)
    absent = _absent_member(congress)
    if absent is not None:
        member_services.check_in(absent, session, secretariat)
    digests = []
    rnd = Round.objects.get(election__congress=congress, election__kind="chi_uy")
    services.record_ballot_counts(rnd, board[0], issued=9, collected=9)
    for pass_number, clerk in ((1, board[0]), (2, board[1])):
        for serial, crossed in CHI_UY_BALLOTS.items():
            services.enter_ballot(rnd, clerk, pass_number=pass_number, serial=serial, marks={"crossed": crossed})
    for clerk in board:
        services.confirm_round(rnd, clerk, role="board")
    services.confirm_round(rnd, presidium, role="presidium")
    sealed = services.publish_round(rnd, presidium)
    digests.append(sealed.digest)
    first_content = sealed.result
    bi_thu = congress.elections.get(kind="bi_thu")
    first_elected = Round.objects.get(pk=rnd.pk).result["elected"][0]
    member = rnd.names.get(number=first_elected).candidate.member
    services.add_candidate(bi_thu, presidium, member=member, source=Candidate.Source.PROPOSAL)
    services.open_nominations(bi_thu, presidium)
    base = member_services.current_base(congress)
    rnd2 = services.freeze_list(bi_thu, presidium, approval_yes=base.official_present)
    services.record_ballot_counts(rnd2, board[0], issued=rnd2.official_present, collected=rnd2.official_present)
    for pass_number, clerk in ((1, board[0]), (2, board[1])):
        for serial, marks in _bi_thu_ballots(rnd2).items():
            services.enter_ballot(rnd2, clerk, pass_number=pass_number, serial=serial, marks=marks)
    for clerk in board:
        services.confirm_round(rnd2, clerk, role="board")
    services.confirm_round(rnd2, presidium, role="presidium")
    digests.append(services.publish_round(rnd2, presidium).digest)
    return digests, first_content


@pytest.mark.django_db
def test_a_whole_election_through_the_api_matches_the_services():
    call_command("load_demo", "--quiet-logins")
    congress = Congress.objects.get(slug=SLUG)

    with transaction.atomic():
        expected, content = _through_services(congress)
        transaction.set_rollback(True)

    thuky, chutich = ApiClient(_user("thuky")), ApiClient(_user("chutich"))
    kp1, kp2 = ApiClient(_user("kiemphieu")), ApiClient(_user("kiemphieu2"))
    dangvien = ApiClient(_user("dangvien"))
    base = f"/congresses/{SLUG}"

    # Check-in at the door.
    assert thuky.get(base).json()["slug"] == SLUG
    absent = _absent_member(congress)
    if absent is not None:
        response = thuky.post(f"{base}/attendance/check-in", {"member_id": absent.member_id})
        assert response.status_code == 200, response.content
        assert response.json()["member"]["present"] is True

    # The chi ủy: frozen by the demo, counted in two passes.
    elections = {e["kind"]: e for e in dangvien.get(f"{base}/elections").json()}
    assert elections["chi_uy"]["state"] == Election.State.FROZEN
    round_id = elections["chi_uy"]["rounds"][0]["id"]
    assert kp1.post(f"{base}/rounds/{round_id}/ballot-counts", {"issued": 9, "collected": 9}).status_code == 200
    ballots = [{"serial": s, "marks": {"crossed": c}} for s, c in CHI_UY_BALLOTS.items()]
    response = kp1.post(f"{base}/rounds/{round_id}/passes/1/ballots/batch", {"ballots": ballots})
    assert response.status_code == 201, response.content
    assert response.json()["entered"] == 9
    # Pass 2 one ballot at a time, the first one misread, then corrected.
    wrong = kp2.post(f"{base}/rounds/{round_id}/passes/2/ballots", {"serial": 1, "marks": {"crossed": [3]}})
    assert wrong.status_code == 201
    rec = kp1.get(f"{base}/rounds/{round_id}/reconciliation").json()
    assert rec["agreed"] is False
    fixed = kp2.post(
        f"{base}/entries/{wrong.json()['id']}/correct", {"marks": {"crossed": [4]}, "reason": "Đọc nhầm số"}
    )
    assert fixed.status_code == 201, fixed.content
    for serial, crossed in list(CHI_UY_BALLOTS.items())[1:]:
        response = kp2.post(
            f"{base}/rounds/{round_id}/passes/2/ballots", {"serial": serial, "marks": {"crossed": crossed}}
        )
        assert response.status_code == 201, response.content
    rec = kp1.get(f"{base}/rounds/{round_id}/reconciliation").json()
    assert rec == {"agreed": True, "count_first": 9, "count_second": 9, "problems": [], "differences": []}
    # Not published yet: nobody reads the result.
    assert dangvien.get(f"{base}/rounds/{round_id}/result").status_code == 409
    for clerk in (kp1, kp2):
        assert clerk.post(f"{base}/rounds/{round_id}/confirmations", {"role": "board"}).status_code == 201
    assert chutich.post(f"{base}/rounds/{round_id}/confirmations", {"role": "presidium"}).status_code == 201
    published = chutich.post(f"{base}/rounds/{round_id}/publish")
    assert published.status_code == 200, published.content
    result = dangvien.get(f"{base}/rounds/{round_id}/result").json()
    assert result["digest"] == expected[0]
    assert (result["base"], result["threshold"]) == (9, 5)
    # Names 1–3 keep 7 votes of 9 (> half), name 4 only 2: the same figures as through the services.
    assert result["candidates"] == content["candidates"]
    assert sorted(c["number"] for c in result["elected"]) == [1, 2, 3]
    assert [c["eligible"] for c in result["candidates"] if c["number"] == 4] == [False]
    assert result["vacancies"] == 0 and result["tied"] == []

    # The bí thư: the list, its approval, its count.
    bi_thu = elections["bi_thu"]["id"]
    first = result["elected"][0]["number"]
    member_id = Round.objects.get(pk=round_id).names.get(number=first).candidate.member_id
    assert chutich.post(f"{base}/elections/{bi_thu}/candidates", {"member_id": member_id}).status_code == 201
    assert chutich.post(f"{base}/elections/{bi_thu}/open").status_code == 200
    present = thuky.get(base).json()["base"]["official_present"]
    frozen = chutich.post(f"{base}/elections/{bi_thu}/freeze", {"approval_yes": present})
    assert frozen.status_code == 201, frozen.content
    rnd2 = Round.objects.get(pk=frozen.json()["id"])
    issued = rnd2.official_present
    assert (
        kp1.post(f"{base}/rounds/{rnd2.pk}/ballot-counts", {"issued": issued, "collected": issued}).status_code == 200
    )
    for clerk, pass_number in ((kp1, 1), (kp2, 2)):
        batch = [{"serial": s, "marks": m} for s, m in _bi_thu_ballots(rnd2).items()]
        assert (
            clerk.post(f"{base}/rounds/{rnd2.pk}/passes/{pass_number}/ballots/batch", {"ballots": batch}).status_code
            == 201
        )
    for clerk in (kp1, kp2):
        assert clerk.post(f"{base}/rounds/{rnd2.pk}/confirmations", {"role": "board"}).status_code == 201
    assert chutich.post(f"{base}/rounds/{rnd2.pk}/confirmations", {"role": "presidium"}).status_code == 201
    assert chutich.post(f"{base}/rounds/{rnd2.pk}/publish").status_code == 200

    export = dangvien.get(f"{base}/results").json()
    assert export["format"] == "dai-hoi.results/1"
    digests = [r["digest"] for e in export["elections"] for r in e["rounds"]]
    assert digests == expected
    assert export["elections"][1]["rounds"][0]["elected"][0]["number"] == 1
