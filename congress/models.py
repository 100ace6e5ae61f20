from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congress import rules
from congress.numerals import to_roman

_BELIEVED = rules.Settings()


class Organisation(models.Model):
    """A party cell (chi bộ) that holds congresses."""

    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_('Full name, e.g. "Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh".'),
    )
    upper_committee = models.CharField(
        _("upper committee"),
        max_length=255,
        help_text=_('The directly superior party committee, e.g. "Đảng ủy các cơ quan Đảng tỉnh".'),
    )
    place = models.CharField(
        _("place"),
        max_length=100,
        help_text=_('Province or city written on the place-date line, e.g. "Thái Bình".'),
    )
    slug = models.SlugField(_("short name"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Congress(models.Model):
    """One congress (đại hội) of an organisation, for one term."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Preparing")
        IN_SESSION = "in_session", _("In session")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="congresses", verbose_name=_("organisation")
    )
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    ordinal = models.PositiveSmallIntegerField(
        _("ordinal"), help_text=_('The number of this congress: 6 is printed "lần thứ VI".')
    )
    term_start = models.PositiveSmallIntegerField(_("term starts"))
    term_end = models.PositiveSmallIntegerField(_("term ends"))
    date = models.DateField(_("date"))
    place = models.CharField(_("venue"), max_length=255, blank=True)
    convening_committee = models.CharField(
        _("convening committee"),
        max_length=255,
        blank=True,
        help_text=_("The committee that convenes the congress, e.g. the outgoing cell committee."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREPARING)

    class Meta:
        verbose_name = _("congress")
        verbose_name_plural = _("congresses")
        ordering = ["-date"]
        constraints = [
            models.CheckConstraint(condition=Q(term_end__gt=models.F("term_start")), name="congress_term_order"),
            models.CheckConstraint(condition=Q(ordinal__gte=1), name="congress_ordinal_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("hall:dashboard", args=[self.slug])

    @property
    def ordinal_roman(self) -> str:
        return to_roman(self.ordinal)

    @property
    def term(self) -> str:
        # An en dash with spaces, as printed on the seed's documents.
        return f"{self.term_start} – {self.term_end}"

    @property
    def title(self) -> str:
        """Return the congress's name as printed: "Đại hội Chi bộ … lần thứ VI, nhiệm kỳ 2025 – 2030"."""
        name = self.organisation.name
        return f"Đại hội {name} lần thứ {self.ordinal_roman}, nhiệm kỳ {self.term}"


class CongressRole(models.Model):
    """A user's role in one congress: what they may see and do there."""

    class Role(models.TextChoices):
        SECRETARIAT = "secretariat", _("Secretariat")
        PRESIDIUM = "presidium", _("Presidium")
        COUNTING_BOARD = "counting_board", _("Vote-counting board")
        MEMBER = "member", _("Party member")

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="roles", verbose_name=_("congress"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="congress_roles", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("role in a congress")
        verbose_name_plural = _("roles in congresses")
        constraints = [models.UniqueConstraint(fields=["congress", "user", "role"], name="congressrole_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.congress.slug}"


class Session(models.Model):
    """A sitting of the congress: the preparatory session, then the official one."""

    class Kind(models.TextChoices):
        PREPARATORY = "preparatory", _("Preparatory session")
        OFFICIAL = "official", _("Official session")

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("congress")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["congress", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "kind"], name="session_one_per_kind"),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class RulesSettings(models.Model):
    """Every [B] value of the rule book for one congress, with its believed default.

    One row per congress; the field names are those of :class:`congress.rules.Settings`
    (``tie_rule`` has a single allowed value and is not stored) and :meth:`as_rules`
    builds it. The counting rules (QĐ 190 Art. 14, Art. 30; QĐ 294) and the attendance
    quorum (election-rules.md §3.2) live here, so every app reads one home.
    """

    congress = models.OneToOneField(
        Congress, on_delete=models.CASCADE, related_name="rules_settings", verbose_name=_("congress")
    )
    surplus_cap_percent = models.PositiveSmallIntegerField(
        _("maximum surplus (%)"),
        default=_BELIEVED.surplus_cap_percent,
        help_text=_("QĐ 190 Art. 14(1): the list may exceed the seats by at most this share of the seats."),
    )
    surplus_rounding = models.CharField(
        _("rounding of the surplus"),
        max_length=10,
        choices=[
            (rules.Rounding.FLOOR.value, _("Round down")),
            (rules.Rounding.HALF_UP.value, _("Round half up")),
            (rules.Rounding.CEIL.value, _("Round up")),
        ],
        default=_BELIEVED.surplus_rounding.value,
        help_text=_("[B] Rounding down never exceeds 30% (7 seats: at most 2 more names)."),
    )
    small_committee_min_seats = models.PositiveSmallIntegerField(
        _("small committee: from (seats)"), default=_BELIEVED.small_committee_min_seats
    )
    small_committee_max_seats = models.PositiveSmallIntegerField(
        _("small committee: to (seats)"), default=_BELIEVED.small_committee_max_seats
    )
    small_committee_max_surplus = models.PositiveSmallIntegerField(
        _("small committee: maximum surplus"),
        default=_BELIEVED.small_committee_max_surplus,
        help_text=_("Bodies of 3 to 5 members: at most this many more names than seats."),
    )
    proposal_surplus_min_percent = models.PositiveSmallIntegerField(
        _("committee proposal: minimum surplus (%)"), default=_BELIEVED.proposal_surplus_min_percent
    )
    proposal_surplus_max_percent = models.PositiveSmallIntegerField(
        _("committee proposal: maximum surplus (%)"), default=_BELIEVED.proposal_surplus_max_percent
    )
    outside_nominee_percent = models.PositiveSmallIntegerField(
        _("approval for a nominee outside the proposal (%)"),
        default=_BELIEVED.outside_nominee_percent,
        help_text=_("QĐ 190 Art. 14(3): more than this share of the members present must agree."),
    )
    delegate_list_must_exceed_seats = models.BooleanField(
        _("delegate lists must be longer than the seats"), default=_BELIEVED.delegate_list_must_exceed_seats
    )
    delegate_surplus_cap_percent = models.PositiveSmallIntegerField(
        _("delegate lists: surplus warning above (%)"), default=_BELIEVED.delegate_surplus_cap_percent
    )
    alternates_after_officials = models.BooleanField(
        _("alternates are elected after the official delegates"), default=_BELIEVED.alternates_after_officials
    )
    blank_single_name_ballot_invalid = models.BooleanField(
        _("a one-name ballot with no box marked is invalid"), default=_BELIEVED.blank_single_name_ballot_invalid
    )
    tie_revote_requires_majority = models.BooleanField(
        _("a re-vote after a tie needs more than half of the base"), default=_BELIEVED.tie_revote_requires_majority
    )
    max_chi_uy_seats = models.PositiveSmallIntegerField(_("most chi ủy seats"), default=_BELIEVED.max_chi_uy_seats)
    min_official_members_for_chi_uy = models.PositiveSmallIntegerField(
        _("official members needed to elect a chi ủy"), default=_BELIEVED.min_official_members_for_chi_uy
    )
    bi_thu_max_rounds = models.PositiveSmallIntegerField(
        _("rounds for the secretary before the upper committee appoints"), default=_BELIEVED.bi_thu_max_rounds
    )
    shortfall_allows_new_names = models.BooleanField(
        _("propose new names after a shortfall"), default=_BELIEVED.shortfall_allows_new_names
    )

    quorum_numerator = models.PositiveSmallIntegerField(
        _("quorum numerator"),
        default=_BELIEVED.quorum_numerator,
        help_text=_(
            "[B] rule (election-rules.md §3.2): two thirds of the base is common practice, no primary text "
            "was found. Falling short shows a warning and blocks nothing."
        ),
    )
    quorum_denominator = models.PositiveSmallIntegerField(
        _("quorum denominator"), default=_BELIEVED.quorum_denominator
    )

    #: The stored rule values, in the order of the settings form.
    RULE_FIELDS = [
        "surplus_cap_percent",
        "surplus_rounding",
        "small_committee_min_seats",
        "small_committee_max_seats",
        "small_committee_max_surplus",
        "proposal_surplus_min_percent",
        "proposal_surplus_max_percent",
        "outside_nominee_percent",
        "delegate_list_must_exceed_seats",
        "delegate_surplus_cap_percent",
        "alternates_after_officials",
        "blank_single_name_ballot_invalid",
        "tie_revote_requires_majority",
        "max_chi_uy_seats",
        "min_official_members_for_chi_uy",
        "bi_thu_max_rounds",
        "shortfall_allows_new_names",
        "quorum_numerator",
        "quorum_denominator",
    ]

    class Meta:
        verbose_name = _("rules settings")
        verbose_name_plural = _("rules settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(quorum_denominator__gte=1) & Q(quorum_numerator__lte=models.F("quorum_denominator")),
                name="rulessettings_quorum_at_most_one",
            ),
        ]

    def __str__(self) -> str:
        return str(self.congress)

    @classmethod
    def for_congress(cls, congress: Congress) -> RulesSettings:
        """Return the congress's settings, creating the believed defaults on first use."""
        return cls.objects.get_or_create(congress=congress)[0]

    def as_rules(self) -> rules.Settings:
        """Return the rule book's Settings with this congress's values (RuleError if inconsistent)."""
        return rules.Settings(**{name: getattr(self, name) for name in self.RULE_FIELDS})

    @property
    def quorum(self) -> tuple[int, int]:
        """The quorum fraction as :func:`congress.rules.compute_base` takes it."""
        return self.quorum_numerator, self.quorum_denominator
