import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from congress.access import get_congress_for_user
from congress.models import CongressRole

Role = CongressRole.Role


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_it_returns_the_congress_for_a_role(users, congress):
    request = _request(users[Role.SECRETARIAT])
    assert get_congress_for_user(request, congress.slug, [Role.SECRETARIAT]) == congress
    assert request.congress_roles == {Role.SECRETARIAT}


def test_it_hides_the_congress_from_outsiders(users, congress):
    with pytest.raises(Http404):
        get_congress_for_user(_request(users["outsider"]), congress.slug)


def test_it_hides_unknown_congresses(users):
    with pytest.raises(Http404):
        get_congress_for_user(_request(users[Role.SECRETARIAT]), "khong-co")


def test_it_refuses_a_role_that_does_not_fit(users, congress):
    with pytest.raises(PermissionDenied):
        get_congress_for_user(_request(users[Role.MEMBER]), congress.slug, [Role.SECRETARIAT])


def test_an_inactive_user_is_an_outsider(users, congress):
    user = users[Role.SECRETARIAT]
    user.is_active = False
    with pytest.raises(Http404):
        get_congress_for_user(_request(user), congress.slug)


def test_a_superuser_without_a_role_is_an_outsider(users, congress, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", password="x")
    with pytest.raises(Http404):
        get_congress_for_user(_request(admin), congress.slug)
