"""The elections screens: entry by htmx, blind passes, what each role sees, the projector."""

from __future__ import annotations

import pytest
from django.urls import reverse

from congress.models import CongressRole
from elections import services
from elections.models import BallotEntry
from members.models import Member
from tests.elections.conftest import NAMES, count_and_publish, crossed_for, frozen_election

Role = CongressRole.Role
pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def rnd(congress, users, roll):
    return frozen_election(congress, users[Role.SECRETARIAT], NAMES[:4])


def entry_url(congress, rnd, pass_number=1):
    return reverse("elections:entry", args=[congress.slug, rnd.pk, pass_number])


def test_an_htmx_save_returns_the_verdict_and_the_next_serial(client, congress, rnd, board):
    client.force_login(board[0])
    response = client.post(entry_url(congress, rnd), {"serial": "1", "crossed": "2, 4"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="verdict"' in html and "Phiếu 1: hợp lệ" in html
    assert 'name="serial" id="id_serial" required\n               value="2"' in html
    response = client.post(entry_url(congress, rnd), {"serial": "2", "crossed": ""}, **HTMX)
    assert "KHÔNG HỢP LỆ" in response.content.decode()
    assert BallotEntry.objects.filter(round=rnd).count() == 2


def test_bad_input_shows_a_message_next_to_the_form_and_saves_nothing(client, congress, rnd, board):
    client.force_login(board[0])
    for data, message in [
        ({"serial": "1", "crossed": "2 x"}, "cách nhau bởi dấu cách"),
        ({"serial": "1", "crossed": "7"}, "Không có số 7"),
        ({"serial": "12", "crossed": "1"}, "ngoài phạm vi"),
    ]:
        html = client.post(entry_url(congress, rnd), data, **HTMX).content.decode()
        assert 'data-testid="entry-error"' in html and message in html, data
    assert not BallotEntry.objects.exists()


def test_each_pass_sees_only_its_own_entries(client, congress, rnd, board):
    services.enter_ballot(rnd, board[0], pass_number=1, serial=1, marks={"crossed": [3]})
    client.force_login(board[1])
    html = client.get(entry_url(congress, rnd, 2)).content.decode()
    assert "Chưa nhập phiếu nào." in html


def test_without_javascript_the_form_posts_and_redirects(client, congress, rnd, board):
    client.force_login(board[0])
    response = client.post(entry_url(congress, rnd), {"serial": "3", "crossed": "1"})
    assert response.status_code == 302
    assert BallotEntry.objects.get().votes == [2, 3, 4]


def test_unpublished_results_are_for_the_board_and_the_presidium_only(client, congress, rnd, board, users):
    rnd = services.record_ballot_counts(rnd, board[0], issued=9, collected=9)
    for p in (1, 2):
        for serial, crossed in enumerate(crossed_for({1: 9, 2: 8, 3: 6, 4: 4}, 9, 4), start=1):
            services.enter_ballot(rnd, board[p - 1], pass_number=p, serial=serial, marks={"crossed": crossed})
    url = reverse("elections:result", args=[congress.slug, rnd.pk])
    client.force_login(users[Role.MEMBER])
    assert 'data-testid="not-published"' in client.get(url).content.decode()
    client.force_login(users[Role.PRESIDIUM])
    assert 'data-testid="result-table"' in client.get(url).content.decode()
    projector = client.get(reverse("hall:projector", args=[congress.slug])).content.decode()
    assert NAMES[0] not in projector


def test_the_projector_shows_the_published_elected(client, congress, rnd, board, users):
    count_and_publish(rnd, board, users[Role.PRESIDIUM], crossed_for({1: 9, 2: 8, 3: 6, 4: 4}, 9, 4))
    client.force_login(users[Role.MEMBER])
    for url_name in ("hall:projector", "hall:projector-fragment"):
        html = client.get(reverse(url_name, args=[congress.slug])).content.decode()
        for name in NAMES[:3]:
            assert name in html, url_name
        assert NAMES[3] not in html


def test_the_whole_flow_through_the_screens(client, congress, users, roll, board):
    """Create, propose, open, approve: the organisers' screens call the services."""
    client.force_login(users[Role.SECRETARIAT])
    base = f"/c/{congress.slug}/elections/"
    client.post(base + "new/", {"kind": "chi_uy", "seats": "3", "seats_approved_yes": "8"})
    election = congress.elections.get()
    for name in NAMES[:4]:
        pk = Member.objects.get(full_name=name).pk
        client.post(base + f"{election.pk}/candidates/add/", {"member": pk, "source": "proposal"})
    client.post(base + f"{election.pk}/open/")
    response = client.post(base + f"{election.pk}/freeze/", {"approval_yes": "8"}, follow=True)
    assert "Danh sách đã được thông qua" in response.content.decode()
    assert election.rounds.get().candidate_count == 4
    journal = client.get(base + "journal/").content.decode()
    assert "elections.list.approved" in journal
