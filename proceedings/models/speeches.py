"""Speeches (tham luận), working regulation IV.1."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from proceedings.models.programme import ALLOWED_DOCUMENT_EXTENSIONS, validate_document_content


def speech_upload_to(instance, filename: str) -> str:
    return f"congress/{instance.congress_id}/speeches/{Path(filename).name}"


class Speech(models.Model):
    """A registered speech (tham luận): written, registered with the secretariat, approved by the presidium.

    Working regulation IV.1: "Các ý kiến tham luận tại hội trường phải chuẩn bị
    bằng văn bản, đăng ký trước (qua Đoàn Thư ký) và được sự nhất trí của Đoàn
    Chủ tịch … thời gian mỗi lần không quá 5 phút."
    """

    class State(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        APPROVED = "approved", _("Approved by the presidium")
        REJECTED = "rejected", _("Not accepted")
        SPEAKING = "speaking", _("Speaking")
        DELIVERED = "delivered", _("Delivered")

    congress = models.ForeignKey(
        "congress.Congress", on_delete=models.CASCADE, related_name="speeches", verbose_name=_("congress")
    )
    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, related_name="speeches", verbose_name=_("speaker")
    )
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"), blank=True)
    file = models.FileField(
        _("file"),
        upload_to=speech_upload_to,
        blank=True,
        validators=[FileExtensionValidator(ALLOWED_DOCUMENT_EXTENSIONS), validate_document_content],
        help_text=_("PDF or DOCX, instead of or besides the text."),
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.REGISTERED)
    order = models.PositiveSmallIntegerField(_("order"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("registered by")
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = models.TextField(_("presidium's comment"), blank=True)
    limit_seconds = models.PositiveIntegerField(
        _("time allowed (seconds)"), help_text=_("From the congress settings when the speech was approved.")
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(_("spoke for (seconds)"), null=True, blank=True)

    class Meta:
        db_table = "congress_speech"
        verbose_name = _("speech")
        verbose_name_plural = _("speeches")
        ordering = ["congress", "order", "registered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "order"], condition=models.Q(order__isnull=False), name="speech_order_unique"
            ),
            # One speaker at a time.
            models.UniqueConstraint(
                fields=["congress"], condition=models.Q(state="speaking"), name="speech_one_speaking"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} – {self.title}"

    @property
    def overran(self) -> bool:
        return self.duration_seconds is not None and self.duration_seconds > self.limit_seconds
