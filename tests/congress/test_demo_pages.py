"""The demo congress: the seed's programme, texts, bodies and preparatory votes; every page renders."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from congress.models import Congress, CongressRole
from proceedings.models import ShowOfHandsVote
from proceedings.services.votes import missing_before_official_session

Role = CongressRole.Role


@pytest.fixture
def demo(db):
    call_command("load_demo", "--quiet-logins")
    return Congress.objects.get(slug="thai-binh-lhh-2025")


def test_the_demo_has_adopted_what_the_official_session_needs(demo):
    assert missing_before_official_session(demo) == []
    votes = ShowOfHandsVote.objects.filter(congress=demo)
    assert {v.subject for v in votes} == {"presidium", "secretariat", "programme", "rules", "regulation"}
    for vote in votes:
        # The demo roll (members/demo.py): base 9, all 9 official members present raise their cards.
        assert (vote.base, vote.official_present, vote.agree) == (9, 9, 9) and vote.adopted
        assert vote.snapshot.base.base == vote.base
    assert [str(m) for m in demo.bodies.get(kind="presidium").members.all()][0] == "Phạm Văn Hòa"


def test_loading_the_demo_twice_changes_nothing(demo):
    before = ShowOfHandsVote.objects.count(), demo.programme_items.count()
    call_command("load_demo", "--quiet-logins")
    assert (ShowOfHandsVote.objects.count(), demo.programme_items.count()) == before


PAGES = ["programme/", "texts/", "texts/rules/", "texts/regulation/", "votes/", "bodies/", "speeches/", "projector/"]
STAFF_PAGES = ["run/", "speeches/speaker/", "settings/"]
SECRETARIAT_PAGES = [f"votes/new/?subject={s}" for s in ShowOfHandsVote.Subject.values] + [
    "edit/",
    "programme/new/",
    "texts/rules/edit/",
    "bodies/counting_board/",
    "speeches/new/",
]


@pytest.mark.parametrize(
    "username,pages",
    [("dangvien", PAGES), ("chutich", PAGES + STAFF_PAGES), ("thuky", PAGES + STAFF_PAGES + SECRETARIAT_PAGES)],
)
def test_every_page_renders_for_the_demo_users(demo, client, username, pages):
    client.force_login(get_user_model().objects.get(username=username))
    for page in pages:
        response = client.get(f"/c/{demo.slug}/{page}")
        assert response.status_code == 200, page


def test_the_programme_page_has_a_fixed_query_budget(demo, client, django_assert_max_num_queries):
    client.force_login(get_user_model().objects.get(username="chutich"))
    # Session, user, congress, roles; the presidium and my decisions; sessions; the items (with their
    # bodies and members), approvals and documents, the presidium body's size: 11 queries, for 27 items or 270.
    with django_assert_max_num_queries(11):
        response = client.get(f"/c/{demo.slug}/programme/")
    assert "Đ/c Vân Anh" in response.content.decode()
