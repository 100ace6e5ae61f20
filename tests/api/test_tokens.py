"""API tokens: created on the page or by manage.py, shown once, stored as a SHA-256 only, revocable."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from api.models import ApiToken
from tests.api.conftest import ApiClient


@pytest.mark.django_db
def test_the_page_creates_a_token_shown_once_and_stores_only_its_hash(client_for, users):
    client = client_for("secretariat")
    response = client.post(reverse("api-tokens"), {"name": "Máy tính bảng cửa chính"})
    assert response.status_code == 200
    clear = response.context["created"]
    token = ApiToken.objects.get(user=users["secretariat"])
    assert token.key_hash == hashlib.sha256(clear.encode()).hexdigest()
    assert clear not in {token.key_hash, token.prefix, token.name}
    assert clear not in client.get(reverse("api-tokens")).content.decode()
    assert ApiClient(token=clear).get("/congresses").status_code == 200


@pytest.mark.django_db
def test_a_revoked_token_is_refused_with_401(client_for, users):
    token, clear = ApiToken.issue(users["secretariat"], "cũ")
    assert ApiClient(token=clear).get("/congresses").status_code == 200
    response = client_for("secretariat").post(reverse("api-token-revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    refused = ApiClient(token=clear).get("/congresses")
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "unauthenticated"


@pytest.mark.django_db
def test_someone_elses_token_cannot_be_revoked(client_for, users):
    token, _clear = ApiToken.issue(users["presidium"], "của chủ tịch")
    assert client_for("secretariat").post(reverse("api-token-revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.django_db
def test_the_command_prints_a_working_token(users):
    out = StringIO()
    call_command("create_api_token", "thuky", "--name", "Máy quét", stdout=out)
    clear = out.getvalue().strip()
    assert ApiToken.objects.get(user=users["secretariat"]).name == "Máy quét"
    body = ApiClient(token=clear).get("/congresses").json()
    assert [c["roles"] for c in body] == [["secretariat"]]


@pytest.mark.django_db
def test_a_session_is_not_accepted_on_the_api(client_for):
    """Only tokens: a logged-in browser cannot call the API (so the API needs no CSRF token)."""
    response = client_for("secretariat").get("/api/v1/congresses")
    assert response.status_code == 401


@pytest.mark.django_db
def test_openapi_document_and_docs_are_served(client):
    document = client.get("/api/openapi.json").json()
    assert document["info"]["version"] == "1"
    assert "/api/v1/congresses/{slug}/results" in document["paths"]
    assert "ResultsExportOut" in document["components"]["schemas"]
    assert client.get("/api/docs").status_code == 200
