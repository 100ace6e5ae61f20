"""The audit log: one append-only row per change of congress data (who, when, what)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditError(Exception):
    """A refused change of the audit log (it is append-only)."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditError(_("The audit log is append-only."))

    def delete(self):
        raise AuditError(_("The audit log is append-only."))


class AuditEntry(models.Model):
    """One change: an object created, changed or deleted, or a relation added or removed.

    The links to the congress, organisation and user are kept without a database
    constraint and never cascade: the record of a change must outlive what it
    records (a deleted user or congress), so ``actor_name`` keeps the name too.
    """

    congress = models.ForeignKey(
        "congress.Congress",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("congress"),
    )
    organisation = models.ForeignKey(
        "congress.Organisation",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("For data of a cell outside one congress (its members)."),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_name = models.CharField(_("user name"), max_length=150, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    app = models.CharField(_("application"), max_length=50)
    action = models.CharField(_("action"), max_length=120, help_text=_('Dotted name, e.g. "members.member.changed".'))
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True, help_text=_("Only the fields that changed."))
    after = models.JSONField(_("after"), null=True, blank=True)
    request_id = models.CharField(_("request"), max_length=32, blank=True)
    ip = models.GenericIPAddressField(_("address"), null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["congress", "at"], name="audit_congress_at"),
            models.Index(fields=["organisation", "at"], name="audit_organisation_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditError(_("The audit log is append-only."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditError(_("The audit log is append-only."))
