"""Elections of a congress: candidate lists, rounds, ballot entries, confirmations, the journal.

Counting decisions are never made here: they come from :mod:`congress.rules`
through :mod:`elections.counting`. The models hold the facts and refuse the
impossible states: a sealed round's entries, totals, candidates and
confirmations cannot change (checked in ``save``/``delete`` here, and by
database triggers for inserts and updates, see migration 0002), and the
journal is append-only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congress import rules
from congress.models import Congress
from elections.exceptions import ElectionError, SealedError


class ElectionSettings(models.Model):
    """How the elections of a congress are entered: one pass or two independent passes.

    The rule values ([B] settings, quorum included) live in the kernel's
    :class:`congress.models.RulesSettings`; this holds only what is the elections' own.
    """

    congress = models.OneToOneField(
        Congress, on_delete=models.CASCADE, related_name="election_settings", verbose_name=_("congress")
    )
    passes_required = models.PositiveSmallIntegerField(
        _("entry passes"),
        choices=[(1, _("One pass")), (2, _("Two independent passes"))],
        default=2,
        help_text=_("Two board members enter the same ballots independently; results wait until they agree."),
    )

    class Meta:
        verbose_name = _("election settings")
        verbose_name_plural = _("election settings")
        constraints = [
            models.CheckConstraint(condition=Q(passes_required__in=[1, 2]), name="electionsettings_passes_1_or_2"),
        ]

    def __str__(self) -> str:
        return str(self.congress)


class Election(models.Model):
    """One election of the congress: the chi ủy, the bí thư, the phó bí thư, or delegates."""

    class Kind(models.TextChoices):
        # Same values as congress.rules.ElectionKind.
        CHI_UY = "chi_uy", _("Cell committee")
        BI_THU = "bi_thu", _("Secretary")
        PHO_BI_THU = "pho_bi_thu", _("Deputy secretary")
        DELEGATE = "delegate", _("Official delegates")
        ALTERNATE_DELEGATE = "alternate_delegate", _("Alternate delegates")

    class State(models.TextChoices):
        DRAFT = "draft", _("Proposal being prepared")
        LIST_OPEN = "list_open", _("Nominations open")
        FROZEN = "frozen", _("List approved, voting")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        NONE = "", _("Not finished")
        COMPLETE = "complete", _("All seats filled")
        STOPPED = "stopped", _("Stopped with vacant seats")
        APPOINTED = "appointed", _("The upper committee appoints")

    # The Party's order of elections (QĐ 294; QĐ 244 Art. 19(9)): chi ủy, then bí thư, then phó bí thư.
    ORDER = {Kind.CHI_UY: 1, Kind.BI_THU: 2, Kind.PHO_BI_THU: 3, Kind.DELEGATE: 4, Kind.ALTERNATE_DELEGATE: 5}

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="elections", verbose_name=_("congress")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(
        _("title"), max_length=255, help_text=_('As printed on the ballot, e.g. "Bầu Chi ủy nhiệm kỳ 2025 – 2030".')
    )
    upper_congress = models.CharField(
        _("upper congress"),
        max_length=255,
        blank=True,
        help_text=_('For delegates: e.g. "Đại hội đại biểu Đảng bộ các cơ quan Đảng tỉnh".'),
    )
    seats = models.PositiveSmallIntegerField(
        _("seats"), help_text=_("Chi ủy: voted by the congress (at most 7). Delegates: allocated from above.")
    )
    seats_approved_yes = models.PositiveSmallIntegerField(
        _("votes for the number of seats"),
        null=True,
        blank=True,
        help_text=_("Show of hands approving the number of chi ủy members."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1, editable=False)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    list_approved_at = models.DateTimeField(_("list approved at"), null=True, blank=True)
    list_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("list approval recorded by"),
    )
    list_approved_yes = models.PositiveSmallIntegerField(_("votes approving the list"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, default="", blank=True)
    outcome_note = models.TextField(_("note on the outcome"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["congress", "order", "id"]
        constraints = [
            # One election of each kind: electing the committee, the secretary
            # and the deputy on one ballot is not allowed (QĐ 244 Art. 19(9)).
            models.UniqueConstraint(fields=["congress", "kind"], name="election_one_per_kind"),
            models.CheckConstraint(condition=Q(seats__gte=1), name="election_seats_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.order = self.ORDER.get(self.kind, 9)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("elections:election-detail", args=[self.congress.slug, self.pk])

    @property
    def is_frozen(self) -> bool:
        return self.state in (self.State.FROZEN, self.State.CLOSED)

    def current_round(self) -> Round | None:
        return self.rounds.order_by("-number").first()


class Candidate(models.Model):
    """A person on (or proposed for) an election list."""

    class Source(models.TextChoices):
        PROPOSAL = "proposal", _("Proposed by the convening committee")
        NOMINATION = "nomination", _("Nominated at the congress")
        SELF_NOMINATION = "self_nomination", _("Self-nominated")

    class Status(models.TextChoices):
        ON_LIST = "on_list", _("On the list")
        NOT_APPROVED = "not_approved", _("Not approved for the list")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="candidates", verbose_name=_("election")
    )
    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, related_name="candidacies", verbose_name=_("party member")
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.PROPOSAL)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ON_LIST)
    nominated_by = models.CharField(_("nominated by"), max_length=200, blank=True)
    approval_yes = models.PositiveSmallIntegerField(
        _("members agreeing"),
        null=True,
        blank=True,
        help_text=_("Nominees outside the proposal: show of hands to put them on the list."),
    )
    approval_present = models.PositiveSmallIntegerField(_("members present"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    withdrawal_yes = models.PositiveSmallIntegerField(_("votes allowing the withdrawal"), null=True, blank=True)
    number = models.PositiveSmallIntegerField(
        _("number on the ballot"), null=True, blank=True, help_text=_("Assigned when the list is approved.")
    )
    from_round = models.PositiveSmallIntegerField(
        _("from round"), default=1, help_text=_("The round this name was added for (later rounds: new names).")
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["election", "number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["election", "member"], name="candidate_once_per_election"),
            models.UniqueConstraint(
                fields=["election", "number"], condition=Q(number__isnull=False), name="candidate_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.member.full_name

    @property
    def full_name(self) -> str:
        return self.member.full_name


class Round(models.Model):
    """One ballot of an election (lần bầu): round 1, then further rounds after a tie or a shortfall."""

    class State(models.TextChoices):
        PREPARING = "preparing", _("List being completed")
        COUNTING = "counting", _("Counting")
        SEALED = "sealed", _("Published and sealed")

    class Form(models.TextChoices):
        STRIKE_OUT = "strike_out", _("Strike-out list")
        YES_NO = "yes_no", _("Yes/no form")

    class Method(models.TextChoices):
        BALLOTS = "ballots", _("Ballot by ballot")
        TOTALS = "totals", _("By totals")

    election = models.ForeignKey(Election, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("election"))
    number = models.PositiveSmallIntegerField(_("round"), default=1)
    seats = models.PositiveSmallIntegerField(_("seats"))
    form = models.CharField(_("ballot form"), max_length=20, choices=Form.choices, default=Form.STRIKE_OUT)
    method = models.CharField(_("counting method"), max_length=20, choices=Method.choices, default=Method.BALLOTS)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.COUNTING)
    base_snapshot = models.ForeignKey(
        "members.BaseSnapshot",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("base"),
        help_text=_("The base and the voters, frozen when the list was approved."),
    )
    base = models.PositiveIntegerField(_("base"), default=0, help_text=_("QĐ 190 Art. 30(2): the >50% base."))
    official_present = models.PositiveIntegerField(_("official members present"), default=0)
    candidate_count = models.PositiveSmallIntegerField(_("names on the ballot"), default=0)
    ballots_issued = models.PositiveIntegerField(_("ballots issued"), null=True, blank=True)
    ballots_collected = models.PositiveIntegerField(_("ballots collected"), null=True, blank=True)
    decided_yes = models.PositiveSmallIntegerField(
        _("votes to hold this round"), null=True, blank=True, help_text=_("Show of hands (rounds after the first).")
    )
    new_names_allowed = models.BooleanField(_("new names allowed"), default=False)
    tie_revote = models.BooleanField(
        _("re-vote among tied candidates"), default=False, help_text=_("QĐ 190, §3.3 item 4 [B]: only the tied.")
    )
    result = models.JSONField(_("sealed result"), null=True, blank=True, editable=False)
    digest = models.CharField(_("SHA-256 digest"), max_length=64, blank=True, editable=False)
    sealed_at = models.DateTimeField(_("sealed at"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    sealed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sealed by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["election", "number"]
        constraints = [
            models.UniqueConstraint(fields=["election", "number"], name="round_number_unique"),
            models.CheckConstraint(condition=Q(seats__gte=1), name="round_seats_positive"),
            # Collected ≤ issued ≤ official members present (election-rules.md §3.8).
            models.CheckConstraint(
                condition=Q(ballots_issued__isnull=True) | Q(ballots_issued__lte=models.F("official_present")),
                name="round_issued_le_present",
            ),
            models.CheckConstraint(
                condition=Q(ballots_collected__isnull=True)
                | (Q(ballots_issued__isnull=False) & Q(ballots_collected__lte=models.F("ballots_issued"))),
                name="round_collected_le_issued",
            ),
            models.CheckConstraint(
                condition=Q(sealed_at__isnull=True) | (Q(state="sealed") & ~Q(digest="")),
                name="round_sealed_has_digest",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.election} – {self.number}"

    def save(self, *args, **kwargs):
        if self.pk and Round.objects.filter(pk=self.pk, sealed_at__isnull=False).exists():
            raise SealedError(_("This round is sealed: nothing of it can change any more."))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("elections:result", args=[self.election.congress.slug, self.pk])

    def delete(self, *args, **kwargs):
        if self.sealed_at or Round.objects.filter(pk=self.pk, sealed_at__isnull=False).exists():
            raise SealedError(_("This round is sealed: nothing of it can change any more."))
        return super().delete(*args, **kwargs)

    @property
    def is_sealed(self) -> bool:
        return self.sealed_at is not None

    @property
    def label(self) -> str:
        return _("Round %(number)s") % {"number": self.number}


class SealGuardQuerySet(models.QuerySet):
    """Bulk updates and deletes that cannot touch a sealed round's rows."""

    def _refuse_if_sealed(self):
        if self.filter(round__sealed_at__isnull=False).exists():
            raise SealedError(_("This round is sealed: nothing of it can change any more."))

    def update(self, **kwargs):
        self._refuse_if_sealed()
        return super().update(**kwargs)

    def delete(self):
        self._refuse_if_sealed()
        return super().delete()


class SealGuarded(models.Model):
    """Rows of a round: refused once the round is sealed (the database refuses too, see migration 0002)."""

    objects = SealGuardQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._check_not_sealed()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_not_sealed()
        return super().delete(*args, **kwargs)

    def _check_not_sealed(self):
        if Round.objects.filter(pk=self.round_id, sealed_at__isnull=False).exists():
            raise SealedError(_("This round is sealed: nothing of it can change any more."))


class RoundCandidate(SealGuarded):
    """A name on one round's ballot, with its number (STT)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="names", verbose_name=_("round"))
    candidate = models.ForeignKey(
        Candidate, on_delete=models.PROTECT, related_name="round_places", verbose_name=_("candidate")
    )
    number = models.PositiveSmallIntegerField(_("number on the ballot"))

    class Meta:
        verbose_name = _("name on a ballot")
        verbose_name_plural = _("names on a ballot")
        ordering = ["round", "number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="roundcandidate_number_unique"),
            models.UniqueConstraint(fields=["round", "candidate"], name="roundcandidate_once"),
            models.CheckConstraint(condition=Q(number__gte=1), name="roundcandidate_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.candidate}"


class BallotEntry(SealGuarded):
    """One paper ballot as entered by one board member in one pass.

    Corrections never overwrite: the old entry is voided (with a reason) and a
    new one records what the ballot really says, so the journal and the
    entries tell the same story.
    """

    class Pass(models.IntegerChoices):
        FIRST = 1, _("Pass 1")
        SECOND = 2, _("Pass 2")

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="entries", verbose_name=_("round"))
    pass_number = models.PositiveSmallIntegerField(_("pass"), choices=Pass.choices, default=Pass.FIRST)
    serial = models.PositiveIntegerField(_("ballot serial"))
    marks = models.JSONField(
        _("marks"),
        default=dict,
        help_text=_('Strike-out: {"crossed": [numbers]}; yes/no: {"agree": [numbers], "disagree": [numbers]}.'),
    )
    not_issued = models.BooleanField(_("not issued by the board"), default=False)
    names_added = models.BooleanField(_("names added"), default=False)
    distinguishing_marks = models.BooleanField(_("distinguishing marks"), default=False)
    ruled_invalid = models.BooleanField(
        _("ruled invalid by the board"),
        default=False,
        help_text=_("Another ground the board concludes on (QĐ 190 Art. 8); say why in the note."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    valid = models.BooleanField(_("valid"))
    reason = models.CharField(
        _("reason it is invalid"),
        max_length=40,
        blank=True,
        choices=[(r.value, r.label) for r in rules.InvalidReason],
    )
    votes = models.JSONField(
        _("votes"), default=list, help_text=_("Numbers (STT) of the names this ballot votes for.")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("entered by")
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voided by"),
    )
    void_reason = models.TextField(_("reason for voiding"), blank=True)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("corrects entry"),
    )

    class Meta:
        verbose_name = _("ballot entry")
        verbose_name_plural = _("ballot entries")
        ordering = ["round", "pass_number", "serial", "id"]
        constraints = [
            # Nothing counted twice: one live entry per serial in each pass,
            # whatever the number of clerks saving at the same moment.
            models.UniqueConstraint(
                fields=["round", "pass_number", "serial"],
                condition=Q(voided_at__isnull=True),
                name="ballotentry_one_live_per_serial",
            ),
            models.CheckConstraint(condition=Q(pass_number__in=[1, 2]), name="ballotentry_pass_1_or_2"),
            models.CheckConstraint(condition=Q(serial__gte=1), name="ballotentry_serial_positive"),
            models.CheckConstraint(condition=Q(valid=True) | ~Q(reason=""), name="ballotentry_invalid_has_reason"),
            models.CheckConstraint(
                condition=Q(voided_at__isnull=True) | ~Q(void_reason=""), name="ballotentry_void_has_reason"
            ),
        ]
        indexes = [models.Index(fields=["round", "pass_number", "voided_at"], name="ballotentry_live")]

    def __str__(self) -> str:
        return f"{self.round} – {self.pass_number} – {self.serial}"


class TotalsEntry(SealGuarded):
    """The board's hand count of one round: for boards that count by totals, not ballot by ballot."""

    round = models.OneToOneField(Round, on_delete=models.PROTECT, related_name="totals", verbose_name=_("round"))
    valid = models.PositiveIntegerField(_("valid ballots"))
    invalid = models.PositiveIntegerField(_("invalid ballots"))
    invalid_reasons = models.JSONField(_("invalid ballots by reason"), default=dict, blank=True)
    votes = models.JSONField(_("votes per name"), default=dict, help_text=_("Number on the ballot → votes."))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("entered by")
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        verbose_name = _("count by totals")
        verbose_name_plural = _("counts by totals")

    def __str__(self) -> str:
        return str(self.round)


class Confirmation(SealGuarded):
    """A board member's or the presidium's confirmation of a round's count."""

    class Role(models.TextChoices):
        BOARD = "board", _("Vote-counting board")
        PRESIDIUM = "presidium", _("Presidium")

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="confirmations", verbose_name=_("round"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("user")
    )
    role = models.CharField(_("as"), max_length=20, choices=Role.choices)
    digest = models.CharField(
        _("digest confirmed"), max_length=64, help_text=_("The digest of the count as it stood when confirmed.")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("confirmation")
        verbose_name_plural = _("confirmations")
        ordering = ["round", "at"]
        constraints = [models.UniqueConstraint(fields=["round", "user", "role"], name="confirmation_once")]

    def __str__(self) -> str:
        return f"{self.round} – {self.user} – {self.get_role_display()}"


class JournalQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ElectionError(_("The journal is append-only."))

    def delete(self):
        raise ElectionError(_("The journal is append-only."))


class JournalEntry(models.Model):
    """An append-only record of every entry, correction, decision, confirmation and publication."""

    congress = models.ForeignKey(
        Congress, on_delete=models.PROTECT, related_name="election_journal", verbose_name=_("congress")
    )
    election = models.ForeignKey(
        Election, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("election")
    )
    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("round")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    action = models.CharField(_("action"), max_length=60, help_text=_('Dotted name, e.g. "elections.ballot.entered".'))
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)

    objects = JournalQuerySet.as_manager()

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%H:%M:%S} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ElectionError(_("The journal is append-only."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ElectionError(_("The journal is append-only."))
