"""The API's permission matrix: every operation of the OpenAPI document × every role, anonymous,
an outsider and a secretariat of another congress. The same rules as the pages: no token 401,
an outsider 404, a role the operation does not allow 403 (before the body is even read).

The operations and their roles come from the document itself (``x-roles``), so a new
endpoint cannot escape this test; an operation without ``x-roles`` fails it.
"""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from api.api import api as ninja_api
from api.models import ApiToken
from congress.models import CongressRole
from members.models import CongressMember
from tests.conftest import make_user
from tests.test_permissions import _election_objects

Role = CongressRole.Role
ROLES = list(Role.values)


def _operations():
    document = ninja_api.get_openapi_schema(path_prefix="/api/")
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


OPERATIONS = list(_operations())


def test_every_operation_declares_its_roles():
    assert len(OPERATIONS) >= 25
    missing = [f"{m.upper()} {p}" for p, m, op in OPERATIONS if "x-roles" not in op]
    assert not missing, f"Operations without x-roles: {missing}"


@pytest.fixture
def ctx(congress, other_congress, users):
    objects = _election_objects(congress, users)
    member = objects["candidate"].member
    CongressMember.objects.create(congress=congress, member=member)
    return {
        "slug": congress.slug,
        "election_id": objects["election"].pk,
        "round_id": objects["round"].pk,
        "entry_id": objects["entry"].pk,
        "candidate_id": objects["candidate"].pk,
        "vote_id": 1,
        "pass_number": 1,
        "users": users,
        "other_congress": other_congress,
    }


def _url(path: str, ctx) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(ctx[m.group(1)]), path)


def _call(path, method, ctx, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    client = Client()
    url = _url(path, ctx)
    if method == "get":
        return client.get(url, headers=headers)
    return client.post(url, json.dumps({}), content_type="application/json", headers=headers)


def _cases():
    for path, method, operation in OPERATIONS:
        for who in [*ROLES, "outsider", None, "other-secretariat"]:
            yield pytest.param(path, method, operation.get("x-roles"), who, id=f"{method}-{path}-{who}")


@pytest.mark.parametrize("path,method,roles,who", list(_cases()))
def test_api_matrix(ctx, path, method, roles, who):
    if who is None:
        token = None
    elif who == "other-secretariat":
        intruder = make_user("thuky-b", ctx["other_congress"], *ROLES)
        token = ApiToken.issue(intruder, "b")[1]
    else:
        token = ApiToken.issue(ctx["users"][who], "t")[1]
    response = _call(path, method, ctx, token)
    body = response.json()
    if response.status_code >= 400:
        assert set(body) == {"error"} and body["error"]["message"], body
    if who is None:
        assert response.status_code == 401
    elif "{slug}" not in path:
        assert response.status_code == 200
    elif who in ("outsider", "other-secretariat"):
        assert response.status_code == 404
    elif who in roles:
        # Past the access check: what follows is the operation's own answer (often an empty body refused).
        assert response.status_code not in (401, 403, 404) or body["error"]["code"] == "not_found"
        assert response.status_code != 500
    else:
        assert response.status_code == 403, body
