"""Property-based fuzzing of the API from its own OpenAPI document (schemathesis).

Every operation gets generated requests (valid and not) against the demo
congress, authenticated as a user holding every role there. No request may
give a 5xx, and every response must match the documented schema (the error
body included). Bounded: a few examples per operation, the run under a minute.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from api.models import ApiToken
from congress.models import Congress, CongressRole

SLUG = "thai-binh-lhh-2025"


from config.wsgi import application  # noqa: E402

# The document is read from the running app, as a client would (no database needed).
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Call the WSGI app as Django's test client does: without closing the test's connection.

    The app's request signals close "old" connections at the end of each request;
    on PostgreSQL that closed the connection holding the test's transaction, and
    every later request failed with "connection already closed".
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(db, django_user_model):
    call_command("load_demo", "--quiet-logins")
    congress = Congress.objects.get(slug=SLUG)
    user = django_user_model.objects.create_user("fuzzer")
    for role in CongressRole.Role.values:
        CongressRole.objects.create(congress=congress, user=user, role=role)
    return ApiToken.issue(user, "fuzz")[1]


@schema.parametrize()
@settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_no_server_error_and_schema_conformance(case, token):
    if "slug" in (case.path_parameters or {}):
        # Most cases aim at the demo congress, so they reach past the 404 of an unknown slug.
        case.path_parameters = {**case.path_parameters, "slug": SLUG}
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
