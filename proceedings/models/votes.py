"""Show-of-hands votes (biểu quyết giơ tay)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ShowOfHandsVote(models.Model):
    """A show-of-hands vote (biểu quyết bằng thẻ đảng viên), recorded by the secretariat.

    Only official members' cards count (Điều lệ Art. 3). The base is frozen when
    the vote is recorded; the result is ``2 × agree > base`` (working regulation
    I.2; QĐ 190 Art. 30(2)), except for a nominee's entry on the election list,
    which needs more than 30% of the official members present (QĐ 190 Art. 14(3),
    election-rules.md §3.4). The result is computed, never entered.
    """

    class Subject(models.TextChoices):
        PRESIDIUM = "presidium", _("The presidium")
        SECRETARIAT = "secretariat", _("The secretariat")
        COUNTING_BOARD = "counting_board", _("The vote-counting board")
        PROGRAMME = "programme", _("The programme")
        RULES = "rules", _("The rules")
        REGULATION = "regulation", _("The working regulation")
        COMMITTEE_SIZE = "committee_size", _("The number of cell committee members")
        ELECTION_LIST = "election_list", _("The election list")
        OUTSIDE_NOMINEE = "outside_nominee", _("A nominee's entry on the election list")
        ANOTHER_ROUND = "another_round", _("Holding another round after a shortfall")
        RESOLUTION = "resolution", _("The resolution")

    congress = models.ForeignKey(
        "congress.Congress", on_delete=models.CASCADE, related_name="votes", verbose_name=_("congress")
    )
    session = models.ForeignKey(
        "congress.Session",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="votes",
        verbose_name=_("session"),
    )
    subject = models.CharField(_("subject"), max_length=20, choices=Subject.choices)
    item = models.ForeignKey(
        "proceedings.ProgrammeItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="votes",
        verbose_name=_("programme item"),
        help_text=_("The programme item during which the vote was taken."),
    )
    version = models.ForeignKey(
        "proceedings.TextVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="votes",
        verbose_name=_("text version"),
        help_text=_("The version of the rules, working regulation or resolution voted on."),
    )
    body = models.ForeignKey(
        "proceedings.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="votes",
        verbose_name=_("body"),
    )
    number = models.PositiveSmallIntegerField(
        _("proposed number"), null=True, blank=True, help_text=_("For the number of cell committee members.")
    )
    motion = models.CharField(
        _("motion"),
        max_length=255,
        blank=True,
        help_text=_("What is put to the vote, in a few words (e.g. the nominee's name)."),
    )
    snapshot = models.ForeignKey(
        "members.BaseSnapshot",
        on_delete=models.PROTECT,
        related_name="votes",
        verbose_name=_("frozen base"),
        help_text=_("The base frozen when the vote was recorded."),
    )
    target_key = models.CharField(
        _("target"),
        max_length=64,
        editable=False,
        help_text=_("Identifies what is decided, so that one decision is recorded only once per round."),
    )
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    # The frozen base, copied from the snapshot at recording time (election-rules.md §3.10).
    convened_official = models.PositiveIntegerField(_("official members convened"))
    base = models.PositiveIntegerField(_("base"))
    threshold = models.PositiveIntegerField(_("votes needed"))
    official_present = models.PositiveIntegerField(_("official members present"))
    agree = models.PositiveIntegerField(_("agree"))
    disagree = models.PositiveIntegerField(_("disagree"))
    not_voting = models.PositiveIntegerField(_("not voting"))
    adopted = models.BooleanField(_("adopted"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        db_table = "congress_showofhandsvote"
        verbose_name = _("show-of-hands vote")
        verbose_name_plural = _("show-of-hands votes")
        ordering = ["congress", "recorded_at"]
        constraints = [
            # Two browsers recording the same vote: the second insert fails here.
            models.UniqueConstraint(fields=["congress", "subject", "target_key", "round"], name="vote_once"),
            models.CheckConstraint(condition=models.Q(round__gte=1), name="vote_round_positive"),
            models.CheckConstraint(
                condition=models.Q(agree__gte=0, disagree__gte=0, not_voting__gte=0), name="vote_counts_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(official_present=models.F("agree") + models.F("disagree") + models.F("not_voting")),
                name="vote_counts_add_up",
                violation_error_message=_(
                    "Agree, disagree and not voting must add up to the official members present."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_subject_display()} ({self.round})"

    def clean(self) -> None:
        # Every official member present raises a card for, against, or not at all
        # (election-rules.md §3.10); probationary members' cards are not counted.
        counted = (self.agree or 0) + (self.disagree or 0) + (self.not_voting or 0)
        if self.official_present is not None and counted != self.official_present:
            raise ValidationError(
                _(
                    "Agree, disagree and not voting add up to %(counted)s, but %(present)s official members "
                    "are present. Count the cards again."
                )
                % {"counted": counted, "present": self.official_present}
            )

    @property
    def percent(self) -> str:
        """Return agree as a percentage of the base, for display only (decisions use integers)."""
        if not self.base:
            return "—"
        return f"{100 * self.agree / self.base:.2f}%".replace(".", ",")
