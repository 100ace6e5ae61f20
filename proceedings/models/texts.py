"""The congress's texts (rules, working regulation, resolution), versioned, part by part."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from proceedings.models.approvals import Approvable


class CongressText(models.Model):
    """A structured text of the congress: the rules, the working regulation, the resolution."""

    class Kind(models.TextChoices):
        RULES = "rules", _("Rules (nội quy)")
        REGULATION = "regulation", _("Working regulation (quy chế làm việc)")
        RESOLUTION = "resolution", _("Resolution (nghị quyết)")

    congress = models.ForeignKey(
        "congress.Congress", on_delete=models.CASCADE, related_name="texts", verbose_name=_("congress")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255, help_text=_('As printed, e.g. "NỘI QUY".'))
    subtitle = models.TextField(_("subtitle"), blank=True)

    class Meta:
        db_table = "congress_congresstext"
        verbose_name = _("congress text")
        verbose_name_plural = _("congress texts")
        ordering = ["congress", "kind"]
        constraints = [models.UniqueConstraint(fields=["congress", "kind"], name="congresstext_one_per_kind")]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def latest(self) -> TextVersion | None:
        return self.versions.order_by("-number").first()

    @property
    def adopted(self) -> TextVersion | None:
        """Return the version the congress adopted by show of hands: the one that is printed."""
        return self.versions.filter(state=TextVersion.State.ADOPTED).order_by("-number").first()


class TextVersion(Approvable):
    """One version of a congress text. Versions are never changed once submitted."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted to the presidium")
        APPROVED = "approved", _("Approved")
        ADOPTED = "adopted", _("Adopted by the congress")
        SUPERSEDED = "superseded", _("Superseded by a later version")

    text = models.ForeignKey(CongressText, on_delete=models.CASCADE, related_name="versions", verbose_name=_("text"))
    number = models.PositiveSmallIntegerField(_("version"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        db_table = "congress_textversion"
        verbose_name = _("text version")
        verbose_name_plural = _("text versions")
        ordering = ["text", "number"]
        constraints = [
            models.UniqueConstraint(fields=["text", "number"], name="textversion_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="textversion_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.text} – {self.number}"

    @property
    def congress(self):
        return self.text.congress

    @property
    def locked(self) -> bool:
        return self.state != self.State.DRAFT


class TextPart(models.Model):
    """An article (Điều) or section (mục I, II …) of a text version."""

    version = models.ForeignKey(TextVersion, on_delete=models.CASCADE, related_name="parts", verbose_name=_("version"))
    order = models.PositiveSmallIntegerField(_("order"))
    heading = models.CharField(
        _("heading"), max_length=255, help_text=_('"Điều 1." or "I- QUY ĐỊNH CHUNG", as printed.')
    )
    body = models.TextField(_("text"), blank=True)

    class Meta:
        db_table = "congress_textpart"
        verbose_name = _("part")
        verbose_name_plural = _("parts")
        ordering = ["version", "order"]
        constraints = [models.UniqueConstraint(fields=["version", "order"], name="textpart_order_unique")]

    def __str__(self) -> str:
        return self.heading
