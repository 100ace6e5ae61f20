"""Helpers for API tests: a JSON client acting with a user's token."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from api.models import ApiToken


class ApiClient:
    """Calls /api/v1/… with ``Authorization: Bearer <token>`` and JSON bodies."""

    def __init__(self, user=None, token: str | None = None):
        self.client = Client()
        self.token = token or (ApiToken.issue(user, "test")[1] if user is not None else None)

    def _headers(self, headers):
        out = dict(headers or {})
        if self.token:
            out["Authorization"] = f"Bearer {self.token}"
        return out

    def get(self, path, headers=None, **params):
        return self.client.get("/api/v1" + path, params, headers=self._headers(headers))

    def post(self, path, data=None, headers=None, raw: bytes | str | None = None):
        content = raw if raw is not None else json.dumps(data if data is not None else {})
        return self.client.post(
            "/api/v1" + path, content, content_type="application/json", headers=self._headers(headers)
        )


@pytest.fixture
def api_as():
    return ApiClient
