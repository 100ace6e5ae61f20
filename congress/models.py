from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congress.numerals import to_roman


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
