"""Replayed requests: a mutating call sent again with the same ``Idempotency-Key`` gets the first answer.

The answer is stored in the same transaction as the change, so a change is
never done twice and never remembered without being done. The same key with
a different request is refused (409). Keys are kept 24 hours.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone
from ninja import Status

from api.errors import ApiError
from api.models import IdempotentRequest

KEEP = datetime.timedelta(hours=24)
HEADER = "Idempotency-Key"


def _fingerprint(request) -> str:
    digest = hashlib.sha256()
    digest.update(request.method.encode() + b" " + request.path.encode() + b"\n")
    digest.update(request.body)
    return digest.hexdigest()


def _plain(payload):
    return json.loads(json.dumps(payload, cls=DjangoJSONEncoder))


def idempotent(view):
    """Decorate an API operation returning ``(status, payload)``: honour the Idempotency-Key header."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        key = request.headers.get(HEADER, "").strip()
        if not key:
            return Status(*view(request, *args, **kwargs))
        if len(key) > 200:
            raise ApiError(422, "invalid", "Idempotency-Key quá dài (tối đa 200 ký tự).", {HEADER: "Quá dài."})
        user = request.auth
        fingerprint = _fingerprint(request)
        with transaction.atomic():
            IdempotentRequest.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
            previous = IdempotentRequest.objects.filter(user=user, key=key).first()
            if previous is not None:
                if previous.fingerprint != fingerprint:
                    raise ApiError(
                        409,
                        "idempotency_conflict",
                        "Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới.",
                    )
                return Status(previous.status, previous.response)
            status, payload = view(request, *args, **kwargs)
            payload = _plain(payload)
            try:
                with transaction.atomic():
                    IdempotentRequest.objects.create(
                        user=user, key=key, fingerprint=fingerprint, status=status, response=payload
                    )
            except IntegrityError as exc:
                # The same key arrived twice at the same moment: the other one counts, this one undoes.
                raise ApiError(
                    409, "idempotency_conflict", "Yêu cầu với Idempotency-Key này đang được xử lý."
                ) from exc
            return Status(status, payload)

    return wrapper
