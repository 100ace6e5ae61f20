"""Ballot entry and results at national scale (./bench): 1,600 voters, 220 names for 180 seats.

1,600 ballots go through ``services.enter_ballot``, the function the entry
screen calls (the view adds form parsing and the panel). Figures are printed
as absolute times and as ratios to a trivial Django view timed in the same
run, so they compare across machines. Targets: entry p95 < 30 ms, results
(tally + rules + canonical content) < 500 ms.
"""

from __future__ import annotations

import datetime
import random
import statistics
import time

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from django.utils import timezone

from config.urls import urlpatterns as app_urlpatterns
from congress import rules
from congress.models import CongressRole, Session
from elections import counting, services
from elections.models import Candidate, Election
from members.models import Attendance, CongressMember, Member

pytestmark = pytest.mark.bench
Role = CongressRole.Role
VOTERS, NAMES, SEATS = 1600, 220, 180
GIVEN = ["An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hải", "Hạnh", "Khoa", "Lan", "Minh", "Nam", "Oanh", "Phúc"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu", "Thanh", "Xuân", "Kim"]


def trivial(request):
    return HttpResponse("ok")


urlpatterns = [path("bench-trivial/", trivial), *app_urlpatterns]


def _roll(congress):
    rng = random.Random(7)
    names = [f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}" for _ in range(VOTERS)]
    members = []
    for name in names:
        m = Member(organisation=congress.organisation, full_name=name, gender=Member.Gender.MALE)
        m.prepare()
        members.append(m)
    members = Member.objects.bulk_create(members)
    facts = CongressMember.objects.bulk_create([CongressMember(congress=congress, member=m) for m in members])
    session = Session.objects.create(
        congress=congress,
        kind=Session.Kind.OFFICIAL,
        starts_at=timezone.make_aware(datetime.datetime.combine(congress.date, datetime.time(14))),
    )
    Attendance.objects.bulk_create(
        [Attendance(congress_member=cm, session=session, state=Attendance.State.PRESENT) for cm in facts]
    )
    return members


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


@pytest.mark.django_db
def test_bench_entry_and_results(congress, users, settings):
    settings.ROOT_URLCONF = __name__
    board, chair = users[Role.COUNTING_BOARD], users[Role.PRESIDIUM]
    started = time.perf_counter()
    members = _roll(congress)
    election = services.create_election(
        congress, chair, kind=Election.Kind.DELEGATE, seats=SEATS, upper_congress="Đại hội đại biểu toàn quốc"
    )
    # The list (setup, not measured): 220 proposals; board members are not on it.
    Candidate.objects.bulk_create([Candidate(election=election, member=m) for m in members[:NAMES]])
    services.open_nominations(election, chair)
    rnd = services.freeze_list(election, chair, approval_yes=VOTERS)
    assert (rnd.base, rnd.candidate_count, rnd.form) == (VOTERS, NAMES, "strike_out")
    rnd = services.record_ballot_counts(rnd, board, issued=VOTERS, collected=VOTERS)
    setup = time.perf_counter() - started

    # A trivial Django view through the test client, in the same run: the baseline.
    client = Client()
    client.force_login(users[Role.MEMBER])
    for _ in range(50):
        client.get("/bench-trivial/")
    baseline = []
    for _ in range(300):
        t = time.perf_counter()
        client.get("/bench-trivial/")
        baseline.append(time.perf_counter() - t)
    trivial_median = statistics.median(baseline)

    rng = random.Random(11)
    times = []
    view_times = []
    client.force_login(board)
    url = f"/c/{congress.slug}/elections/rounds/{rnd.pk}/pass/1/"
    for serial in range(1, VOTERS + 1):
        crossed = rng.sample(range(1, NAMES + 1), rng.randint(NAMES - SEATS, NAMES - SEATS + 30))
        if serial % 200 == 0:
            crossed = []  # now and then a ballot keeping too many names: invalid
        t = time.perf_counter()
        if serial <= VOTERS - 20:
            services.enter_ballot(rnd, board, pass_number=1, serial=serial, marks={"crossed": crossed})
            times.append(time.perf_counter() - t)
        else:
            # The last 20 through the screen itself: form parsing, the service, the panel
            # with the running totals of 1,600 ballots.
            data = {"serial": serial, "crossed": " ".join(map(str, crossed))}
            response = client.post(url, data, HTTP_HX_REQUEST="true")
            view_times.append(time.perf_counter() - t)
            assert response.status_code == 200 and b'data-testid="verdict"' in response.content

    t = time.perf_counter()
    content = services.round_content(rnd)
    results = time.perf_counter() - t
    totals = services.round_totals(rnd)
    t = time.perf_counter()
    rules.compute_result(dict(totals.votes), rnd.base, rnd.seats, counting.rules_settings(congress))
    rules_only = time.perf_counter() - t
    digest = rules.digest(content)

    median, p95 = statistics.median(times), _p95(times)
    view_median = statistics.median(view_times)
    print(
        f"\nNational scale: {VOTERS} voters, {NAMES} names for {SEATS} seats (setup {setup:.1f} s)"
        f"\n  trivial view (test client): median {_ms(trivial_median)}"
        f"\n  ballot entry (service, {VOTERS - 20} ballots):"
        f" median {_ms(median)} ({median / trivial_median:.1f}× trivial),"
        f" p95 {_ms(p95)} ({p95 / trivial_median:.1f}× trivial), max {_ms(max(times))}; target p95 < 30 ms"
        f"\n  entry screen request (htmx POST + panel with running totals, the last 20 ballots):"
        f" median {_ms(view_median)} ({view_median / trivial_median:.0f}× trivial),"
        f" p95 {_ms(_p95(view_times))}"
        f"\n  results (tally + rules + canonical content): {_ms(results)} ({results / trivial_median:.0f}× trivial);"
        f" rules.compute_result alone {_ms(rules_only)}; target < 500 ms"
        f"\n  valid {totals.valid}, invalid {totals.invalid_total}, elected {len(content['elected'])},"
        f" digest {digest[:16]}…"
    )
    assert totals.collected == VOTERS
    assert p95 < 0.030
    assert results < 0.5
