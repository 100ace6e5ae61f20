"""The programme (chương trình) of the congress and the files attached to its items."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from proceedings.models.approvals import Approvable

ALLOWED_DOCUMENT_EXTENSIONS = ["pdf", "docx"]


class ProgrammeItem(Approvable):
    """One line of the programme (chương trình) of the congress."""

    class Kind(models.TextChoices):
        PROCEDURE = "procedure", _("Procedure")
        REPORT = "report", _("Report")
        DISCUSSION = "discussion", _("Discussion")
        VOTE = "vote", _("Show-of-hands vote")
        ELECTION = "election", _("Election")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted to the presidium")
        APPROVED = "approved", _("Approved")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    congress = models.ForeignKey(
        "congress.Congress", on_delete=models.CASCADE, related_name="programme_items", verbose_name=_("congress")
    )
    session = models.ForeignKey(
        "congress.Session", on_delete=models.PROTECT, related_name="items", verbose_name=_("session")
    )
    order = models.PositiveIntegerField(_("order"), help_text=_("Position in the programme, across both sessions."))
    title = models.TextField(_("title"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PROCEDURE)
    presenter_member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("presented by a member"),
    )
    presenter_body = models.ForeignKey(
        "proceedings.Body",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("presented by a body"),
    )
    presenter_text = models.CharField(
        _("presented by (free text)"),
        max_length=255,
        blank=True,
        help_text=_(
            'As printed, e.g. "Đ/c Vân Anh" or "Lãnh đạo Đảng ủy cấp trên"; '
            "with a member, how the member is called in the programme."
        ),
    )
    planned_start = models.TimeField(_("planned start"), null=True, blank=True)
    planned_minutes = models.PositiveSmallIntegerField(_("planned duration (minutes)"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        db_table = "congress_programmeitem"
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["congress", "order"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "order"], name="programmeitem_order_unique"),
            # Only one item runs at a time.
            models.UniqueConstraint(
                fields=["congress"], condition=Q(state="in_progress"), name="programmeitem_one_in_progress"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def presenter(self) -> str:
        """Return who presents the item, as printed in the programme.

        The text, when given, is what is printed (a member is often called by a
        compound given name: "Đ/c Vân Anh"); else the member's or the body's name.
        """
        if self.presenter_text.strip():
            return self.presenter_text.strip()
        if self.presenter_member_id:
            return member_address(self.presenter_member)
        if self.presenter_body_id:
            return self.presenter_body.name
        return ""

    @property
    def locked(self) -> bool:
        return self.state != self.State.DRAFT


def member_address(member) -> str:
    """Return "Đ/c <given name>", as the seed's programme names its presenters."""
    return member.short_name


def validate_document_content(upload) -> None:
    """Refuse a file whose content is not what its extension says (PDF or DOCX)."""
    head = upload.read(5)
    upload.seek(0)
    extension = Path(upload.name).suffix.lower()
    if extension == ".pdf" and not head.startswith(b"%PDF-"):
        raise ValidationError(_("This file is not a PDF document."))
    if extension == ".docx" and not head.startswith(b"PK"):
        raise ValidationError(_("This file is not a Word (DOCX) document."))


def document_upload_to(instance, filename: str) -> str:
    return f"congress/{instance.item.congress_id}/items/{instance.item_id}/{Path(filename).name}"


class ItemDocument(models.Model):
    """A file attached to a programme item (the draft political report, …)."""

    item = models.ForeignKey(
        ProgrammeItem, on_delete=models.CASCADE, related_name="documents", verbose_name=_("programme item")
    )
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(
        _("file"),
        upload_to=document_upload_to,
        validators=[FileExtensionValidator(ALLOWED_DOCUMENT_EXTENSIONS), validate_document_content],
        help_text=_("PDF or DOCX."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        db_table = "congress_itemdocument"
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["item", "uploaded_at"]

    def __str__(self) -> str:
        return self.title
