"""The congress's programme, texts and the presidium's approvals.

Kept apart from ``congress/models.py`` (imported from there) so that other
branches can change the core models without touching these.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ALLOWED_DOCUMENT_EXTENSIONS = ["pdf", "docx"]


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
        verbose_name = _("congress settings")
        verbose_name_plural = _("congress settings")

    def __str__(self) -> str:
        return str(self.congress)


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
        "congress.Body",
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
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["item", "uploaded_at"]

    def __str__(self) -> str:
        return self.title


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
        verbose_name = _("part")
        verbose_name_plural = _("parts")
        ordering = ["version", "order"]
        constraints = [models.UniqueConstraint(fields=["version", "order"], name="textpart_order_unique")]

    def __str__(self) -> str:
        return self.heading


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
        ProgrammeItem,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="approvals",
        verbose_name=_("programme item"),
    )
    version = models.ForeignKey(
        TextVersion,
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
