"""Per-congress settings of the running of the congress."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class CongressSettings(models.Model):
    """Per-congress settings of the running of the congress, with the believed defaults."""

    class Gating(models.TextChoices):
        BLOCK = "block", _("Block")
        WARN = "warn", _("Warn only")

    congress = models.OneToOneField(
        "congress.Congress", on_delete=models.CASCADE, related_name="settings", verbose_name=_("congress")
    )
    gating = models.CharField(
        _("opening the official session"),
        max_length=10,
        choices=Gating.choices,
        default=Gating.BLOCK,
        help_text=_(
            "What happens when the official session is started before the preparatory session has adopted "
            "the presidium, the secretariat, the programme and the working regulation."
        ),
    )
    speech_minutes = models.PositiveSmallIntegerField(
        _("speaking time (minutes)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("At most this many minutes per speech (working regulation IV.1: 5 minutes)."),
    )
    presidium_size = models.PositiveSmallIntegerField(
        _("planned size of the presidium"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(15)],
        help_text=_("A cell congress usually has a presidium of one to three members."),
    )

    class Meta:
        db_table = "congress_congresssettings"
        verbose_name = _("congress settings")
        verbose_name_plural = _("congress settings")

    def __str__(self) -> str:
        return str(self.congress)
