"""What the secretariat submits and the presidium approves (working regulation I.2)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Approvable(models.Model):
    """What the secretariat submits and the presidium approves (working regulation I.2)."""

    approval_round = models.PositiveSmallIntegerField(
        _("approval round"),
        default=0,
        help_text=_("Goes up each time it is submitted again; only this round's approvals count."),
    )
    return_comment = models.TextField(_("presidium's comment"), blank=True)

    class Meta:
        abstract = True


class PresidiumApproval(models.Model):
    """One presidium member's decision on one submission of an item or a text version.

    A decision of the presidium needs more than half of its members (working
    regulation I.2); each member's approval is a row here, with the time.
    """

    class Decision(models.TextChoices):
        APPROVE = "approve", _("Approved")
        RETURN = "return", _("Returned")

    congress = models.ForeignKey(
        "congress.Congress", on_delete=models.CASCADE, related_name="approvals", verbose_name=_("congress")
    )
    item = models.ForeignKey(
        "proceedings.ProgrammeItem",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="approvals",
        verbose_name=_("programme item"),
    )
    version = models.ForeignKey(
        "proceedings.TextVersion",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="approvals",
        verbose_name=_("text version"),
    )
    round = models.PositiveSmallIntegerField(_("approval round"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("presidium member")
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    comment = models.TextField(_("comment"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        db_table = "congress_presidiumapproval"
        verbose_name = _("presidium approval")
        verbose_name_plural = _("presidium approvals")
        ordering = ["decided_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(item__isnull=False, version__isnull=True) | Q(item__isnull=True, version__isnull=False),
                name="presidiumapproval_one_target",
            ),
            models.UniqueConstraint(
                fields=["item", "round", "user"], condition=Q(item__isnull=False), name="presidiumapproval_item_once"
            ),
            models.UniqueConstraint(
                fields=["version", "round", "user"],
                condition=Q(version__isnull=False),
                name="presidiumapproval_version_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_decision_display()}"
