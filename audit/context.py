"""Who is acting: the current request (or an explicit user) for the audit receivers."""

from __future__ import annotations

import contextlib
import contextvars
import uuid
from dataclasses import dataclass

_current: contextvars.ContextVar[Actor | None] = contextvars.ContextVar("audit_actor", default=None)


@dataclass
class Actor:
    request: object | None = None
    user: object | None = None
    request_id: str = ""
    ip: str | None = None

    def resolve_user(self):
        user = self.user
        if user is None and self.request is not None:
            user = getattr(self.request, "user", None)
        if user is None or not getattr(user, "is_authenticated", False):
            return None
        return user


def current() -> Actor | None:
    return _current.get()


@contextlib.contextmanager
def acting_as(user, request_id: str = ""):
    """Attribute the changes made inside the block to ``user`` (commands, scripts, tests)."""
    token = _current.set(Actor(user=user, request_id=request_id or uuid.uuid4().hex))
    try:
        yield
    finally:
        _current.reset(token)


class AuditMiddleware:
    """Keep the request of this thread/task in a context variable for the signal receivers.

    The user is read lazily when a change is recorded, so the middleware may sit
    before or after authentication; it must sit after it for the user to be known.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ip = request.META.get("REMOTE_ADDR") or None
        token = _current.set(Actor(request=request, request_id=uuid.uuid4().hex, ip=ip))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
