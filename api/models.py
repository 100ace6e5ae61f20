"""API tokens and remembered requests (for replays with an Idempotency-Key)."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "dh_"


def hash_token(token: str) -> str:
    """Return the SHA-256 of a token: only the hash is stored, the token is shown once."""
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal API token: a program acts with its owner's roles in each congress."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the token is for, e.g. “Máy quét phiếu bàn 1”.")
    )
    key_hash = models.CharField(_("SHA-256 of the token"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(
        _("beginning of the token"), max_length=12, editable=False, help_text=_("To recognise the token in a list.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @classmethod
    def issue(cls, user, name: str) -> tuple[ApiToken, str]:
        """Create a token for ``user``; return it with the clear token (shown once, never stored)."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        obj = cls.objects.create(user=user, name=name.strip()[:100], key_hash=hash_token(token), prefix=token[:10])
        return obj, token


class IdempotentRequest(models.Model):
    """A mutating API request made with an ``Idempotency-Key``: a replay gets the same answer (24 hours)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    key = models.CharField(_("idempotency key"), max_length=200)
    fingerprint = models.CharField(
        _("request fingerprint"), max_length=64, help_text=_("SHA-256 of the method, path and body.")
    )
    status = models.PositiveSmallIntegerField(_("status"))
    response = models.JSONField(_("response"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("idempotent request")
        verbose_name_plural = _("idempotent requests")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotentrequest_once_per_user")]

    def __str__(self) -> str:
        return self.key
