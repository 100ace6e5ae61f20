"""What the secretariat types for the record, beyond what the other apps hold.

The congress's minutes and resolution are assembled from the record kept by the
other apps (attendance, programme, votes, elections). A few things exist nowhere
else: the remarks of the upper committee's representative, the opening and
closing times, the registered numbers of the documents, who receives them, and
the sections of the resolution the secretariat writes. They live here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congress.models import Congress

#: "Nơi nhận" of the congress's documents when the secretariat has not changed it
#: (the seed's political report: upper committee, committee members, members, archive).
DEFAULT_RECIPIENTS = "\n".join(
    [
        "{upper} (b/c);",
        "Các đồng chí Chi ủy viên;",
        "Đảng viên Chi bộ;",
        "Lưu hồ sơ Đại hội.",
    ]
)


class CongressRecord(models.Model):
    """The secretariat's part of the record of one congress (one row per congress)."""

    congress = models.OneToOneField(
        Congress, on_delete=models.CASCADE, related_name="record", verbose_name=_("congress")
    )
    opened_at = models.DateTimeField(
        _("opened at"), null=True, blank=True, help_text=_("When the congress was opened (printed in the minutes).")
    )
    closed_at = models.DateTimeField(
        _("closed at"), null=True, blank=True, help_text=_("When the congress closed (printed in the minutes).")
    )
    upper_representative = models.CharField(
        _("representative of the upper committee"),
        max_length=255,
        blank=True,
        help_text=_('Name and position, e.g. "Đồng chí Nguyễn Văn A, Phó Bí thư Đảng ủy các cơ quan Đảng tỉnh".'),
    )
    upper_remarks = models.TextField(
        _("remarks of the upper committee"),
        blank=True,
        help_text=_("The guidance given to the congress, as the secretariat wrote it down; one paragraph a line."),
    )
    discussion_summary = models.TextField(
        _("summary of the discussion"),
        blank=True,
        help_text=_("What the congress discussed, beyond the registered speeches; one paragraph a line."),
    )
    secretary_name = models.CharField(
        _("secretary of the congress"),
        max_length=120,
        blank=True,
        help_text=_("Signs the congress minutes (left signature). Blank: the first member of the secretariat."),
    )
    chair_name = models.CharField(
        _("chair signing for the presidium"),
        max_length=120,
        blank=True,
        help_text=_('Signs "T/M Đoàn Chủ tịch". Blank: the first member of the presidium.'),
    )
    numbers = models.JSONField(
        _("document numbers"),
        default=dict,
        blank=True,
        help_text=_('Registered number per document kind, e.g. {"congress-minutes": 2}. Blank prints a space.'),
    )
    recipients = models.TextField(
        _("recipients"),
        blank=True,
        default=DEFAULT_RECIPIENTS,
        help_text=_('"Nơi nhận", one a line; {upper} stands for the upper committee.'),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    class Meta:
        verbose_name = _("record of the congress")
        verbose_name_plural = _("records of congresses")
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True)
                | Q(opened_at__isnull=True)
                | Q(closed_at__gt=models.F("opened_at")),
                name="congressrecord_closes_after_opening",
                violation_error_message=_("The congress cannot close before it opens."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.congress)

    @classmethod
    def for_congress(cls, congress: Congress) -> CongressRecord:
        """Return the congress's record (unsaved defaults if the secretariat has typed nothing yet)."""
        record = cls.objects.filter(congress=congress).first()
        return record if record is not None else cls(congress=congress)

    def number_for(self, kind: str) -> int | None:
        value = (self.numbers or {}).get(kind)
        return int(value) if value not in (None, "") else None

    def recipient_lines(self) -> tuple[str, ...]:
        upper = self.congress.organisation.upper_committee
        lines = (line.strip() for line in (self.recipients or "").splitlines())
        return tuple(line.replace("{upper}", upper) for line in lines if line)


class ResolutionDraft(models.Model):
    """The sections of the resolution the secretariat writes; every save is a new revision.

    Pre-filled from the record (the political report's headings, the election
    results come from the elections app when printed), then edited in the hall.
    """

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="resolution_drafts", verbose_name=_("congress")
    )
    revision = models.PositiveIntegerField(_("revision"))
    assessment = models.TextField(
        _("assessment of the term"),
        help_text=_("Results, shortcomings and lessons of the past term; one paragraph a line."),
    )
    targets = models.TextField(
        _("direction and targets"), help_text=_("General direction and targets of the new term; one a line.")
    )
    tasks = models.TextField(
        _("tasks and measures"), help_text=_("Main tasks and measures of the new term; one a line.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("resolution draft")
        verbose_name_plural = _("resolution drafts")
        ordering = ["congress", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "revision"], name="resolutiondraft_revision_unique"),
            models.CheckConstraint(condition=Q(revision__gte=1), name="resolutiondraft_revision_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.congress.slug} · {self.revision}"

    def save(self, *args, **kwargs):
        # A revision is history: an edit is a new row, never a change to an old one.
        if self.pk is not None:
            raise ValueError("A resolution revision never changes; save a new revision.")
        super().save(*args, **kwargs)

    @classmethod
    def latest_for(cls, congress: Congress) -> ResolutionDraft | None:
        return cls.objects.filter(congress=congress).select_related("created_by").order_by("-revision").first()
