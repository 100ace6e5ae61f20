"""Token authentication and the congress access check, before the request's body is read.

The check is the pages' own (congress.access.get_congress_for_user): outsiders
get 404, a role that does not fit 403. It runs in the authentication step, so
an outsider learns nothing from how the body would have been validated.
Sessions are not accepted on the API: only ``Authorization: Bearer <token>``,
which is why the API needs no CSRF token.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from ninja.security import HttpBearer

from api.errors import ApiError
from api.models import ApiToken, hash_token
from congress.access import get_congress_for_user

# Writing last_used_at on every call would turn each read into a write.
_TOUCH_EVERY = datetime.timedelta(minutes=1)


def user_for_token(token: str):
    """Return the active user of an active token, or None."""
    if not token or len(token) > 200:
        return None
    found = ApiToken.objects.select_related("user").filter(key_hash=hash_token(token), revoked_at__isnull=True).first()
    if found is None or not found.user.is_active:
        return None
    now = timezone.now()
    if found.last_used_at is None or now - found.last_used_at > _TOUCH_EVERY:
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
    return found.user


def _check_size(request) -> None:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
        raise ApiError(
            413,
            "too_large",
            "Nội dung yêu cầu quá lớn (tối đa %s MB)." % (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)),
        )


class TokenAuth(HttpBearer):
    """A bearer token; with ``roles`` set, also the user's role in the congress of the path's ``slug``."""

    def __init__(self, roles: Iterable[str] = (), *, in_congress: bool = True):
        super().__init__()
        self.roles = tuple(roles)
        self.in_congress = in_congress

    def authenticate(self, request, token: str):
        user = user_for_token(token)
        if user is None:
            return None
        request.user = user
        if self.in_congress:
            slug = (request.resolver_match.kwargs if request.resolver_match else {}).get("slug", "")
            get_congress_for_user(request, slug, self.roles)
        _check_size(request)
        return user
