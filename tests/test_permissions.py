"""The permission matrix: every URL × every role (and anonymous and outsiders)."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from congress.models import CongressRole
from elections.models import BallotEntry, Candidate, Election, Round, RoundCandidate
from members.models import Member
from tests import urlmatrix
from tests.conftest import make_user


def all_url_names(patterns=None, namespace=None):
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in urlmatrix.EXEMPT_NAMESPACES:
                continue
            inner = pattern.namespace or namespace
            if namespace and pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}"
            names |= all_url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_every_url_is_in_the_matrix():
    covered = {row[0] for row in urlmatrix.MATRIX + urlmatrix.GLOBAL} | urlmatrix.EXEMPT
    missing = all_url_names() - covered
    assert not missing, f"URLs without a row in tests/urlmatrix.py: {sorted(missing)}"


def _cases(rows):
    for name, kwargs, method, statuses in rows:
        for role, status in statuses.items():
            yield pytest.param(name, kwargs, method, role, status, id=f"{name}-{method}-{role}")


@pytest.fixture
def ctx(congress, other_congress, users):
    return {
        "congress": congress,
        "other_congress": other_congress,
        "users": users,
        **_election_objects(congress, users),
    }


def _election_objects(congress, users):
    """An election with a round being counted and one ballot entered, for the elections rows."""
    member = Member.objects.create(organisation=congress.organisation, full_name="Nguyễn Văn An", gender="male")
    election = Election.objects.create(congress=congress, kind=Election.Kind.CHI_UY, title="Bầu Chi ủy", seats=1)
    candidate = Candidate.objects.create(election=election, member=member)
    rnd = Round.objects.create(
        election=election, number=1, seats=1, form=Round.Form.YES_NO, base=10, official_present=9, candidate_count=1
    )
    RoundCandidate.objects.create(round=rnd, candidate=candidate, number=1)
    entry = BallotEntry.objects.create(
        round=rnd,
        serial=1,
        marks={"agree": [1], "disagree": []},
        valid=True,
        votes=[1],
        entered_by=users[CongressRole.Role.COUNTING_BOARD],
    )
    return {"election": election, "candidate": candidate, "round": rnd, "entry": entry}


@pytest.mark.parametrize("name,kwargs,method,role,status", list(_cases(urlmatrix.MATRIX + urlmatrix.GLOBAL)))
def test_matrix(client, ctx, name, kwargs, method, role, status):
    if role is not None:
        client.force_login(ctx["users"][role])
    url = reverse(name, kwargs=kwargs(ctx))
    response = getattr(client, method)(url)
    assert response.status_code == status
    if status == 302 and role is None:
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name,kwargs,method,statuses", [row for row in urlmatrix.MATRIX])
def test_staff_of_another_congress_gets_404(client, ctx, name, kwargs, method, statuses):
    """A secretariat of cell B's congress sees nothing of cell A's congress."""
    intruder = make_user("thuky-b", ctx["other_congress"], *CongressRole.Role.values)
    client.force_login(intruder)
    response = getattr(client, method)(reverse(name, kwargs=kwargs(ctx)))
    assert response.status_code == 404
