"""Party members, their facts at a congress, attendance and frozen bases."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congress import rules
from congress.models import Congress, Organisation, Session
from members import collation


class Member(models.Model):
    """A party member (đảng viên) on the roll of an organisation."""

    class Gender(models.TextChoices):
        MALE = "male", _("Male")
        FEMALE = "female", _("Female")

    class Status(models.TextChoices):
        # Same values as congress.rules.Status.
        OFFICIAL = "official", _("Official member")
        PROBATIONARY = "probationary", _("Probationary member")
        TEMPORARY = "temporary", _("Temporarily attached here")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="members", verbose_name=_("organisation")
    )
    full_name = models.CharField(
        _("full name"), max_length=120, help_text=_("Family, middle and given name, as written on the party card.")
    )
    family_name = models.CharField(
        _("family name"), max_length=60, blank=True, help_text=_("Filled in from the full name when left blank.")
    )
    middle_name = models.CharField(_("middle name"), max_length=60, blank=True)
    given_name = models.CharField(
        _("given name"), max_length=60, blank=True, help_text=_("Lists and ballots are sorted by the given name.")
    )
    search_name = models.CharField(
        _("name for search"),
        max_length=120,
        editable=False,
        db_index=True,
        help_text=_("The full name without diacritics, in lower case; kept up to date on save."),
    )
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    card_number = models.CharField(
        _("party card number"), max_length=20, blank=True, help_text=_("Unique within the organisation.")
    )
    admitted_on = models.DateField(_("date of admission"), null=True, blank=True)
    official_on = models.DateField(_("date made official"), null=True, blank=True)
    position = models.CharField(_("position or job"), max_length=255, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.OFFICIAL,
        help_text=_("Only official members vote and count in the base (Party Charter, Art. 3)."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="party_member",
        verbose_name=_("login"),
    )

    class Meta:
        verbose_name = _("party member")
        verbose_name_plural = _("party members")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "card_number"],
                condition=~Q(card_number=""),
                name="member_card_unique_in_organisation",
                violation_error_message=_("Another member of this organisation has this party card number."),
            ),
            models.CheckConstraint(
                condition=Q(official_on__isnull=True)
                | Q(admitted_on__isnull=True)
                | Q(official_on__gte=models.F("admitted_on")),
                name="member_official_after_admission",
                violation_error_message=_("The date made official cannot be before the date of admission."),
            ),
            models.CheckConstraint(
                condition=Q(birth_date__isnull=True)
                | Q(admitted_on__isnull=True)
                | Q(admitted_on__gt=models.F("birth_date")),
                name="member_admitted_after_birth",
                violation_error_message=_("The date of admission must be after the date of birth."),
            ),
            models.CheckConstraint(condition=~Q(full_name=""), name="member_has_a_name"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.prepare()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "full_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_name", "family_name", "middle_name", "given_name"}
        super().save(*args, **kwargs)

    def prepare(self) -> None:
        """Normalise the name (NFC, single spaces), split it if needed and fill the search column."""
        self.full_name = collation.normalise(self.full_name)
        self.family_name = collation.normalise(self.family_name)
        self.middle_name = collation.normalise(self.middle_name)
        self.given_name = collation.normalise(self.given_name)
        self.card_number = (self.card_number or "").strip()
        if not (self.family_name or self.middle_name or self.given_name):
            self.family_name, self.middle_name, self.given_name = collation.split_name(self.full_name)
        self.search_name = collation.fold(self.full_name)

    def clean(self):
        super().clean()
        full = collation.normalise(self.full_name)
        if not full:
            raise ValidationError({"full_name": _("The full name is required.")})
        if not collation.NAME_RE.match(full):
            raise ValidationError({"full_name": _("Write a person's name: letters and spaces only.")})
        parts = [collation.normalise(p) for p in (self.family_name, self.middle_name, self.given_name)]
        if any(parts) and " ".join(p for p in parts if p) != full:
            raise ValidationError(
                {"given_name": _("Family, middle and given name together must make up the full name.")}
            )

    @property
    def parts(self) -> collation.NameParts:
        if self.family_name or self.middle_name or self.given_name:
            return collation.NameParts(self.family_name, self.middle_name, self.given_name)
        return collation.split_name(self.full_name)

    @property
    def sort_key(self) -> tuple:
        return collation.sort_key(self.parts)

    @property
    def short_name(self) -> str:
        """Return "Đ/c Hòa": how the seed's programme names a comrade."""
        return f"Đ/c {self.parts.given}"


class MemberChange(models.Model):
    """One change to a member or to a member's facts at a congress: who, when, what (append-only)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="changes", verbose_name=_("member"))
    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("congress")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    field = models.CharField(_("field"), max_length=60)
    before = models.TextField(_("before"), blank=True)
    after = models.TextField(_("after"), blank=True)

    class Meta:
        verbose_name = _("change to a member")
        verbose_name_plural = _("changes to members")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.member} · {self.field}: {self.before} → {self.after}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The history of changes is append-only.")
        super().save(*args, **kwargs)


class CongressMember(models.Model):
    """The facts of one member at one congress that decide the base (QĐ 190 Art. 30(2))."""

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="congress_members", verbose_name=_("congress")
    )
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="congress_members", verbose_name=_("member")
    )
    convened = models.BooleanField(_("convened"), default=True)
    temporary_elsewhere = models.BooleanField(
        _("in temporary activity elsewhere"),
        default=False,
        help_text=_("Introduced to temporary party activity in another organisation: not in the base."),
    )
    exempted = models.BooleanField(
        _("exempted from work and activity"),
        default=False,
        help_text=_("Miễn công tác và sinh hoạt đảng: out of the base only if absent from the congress."),
    )
    suspended = models.BooleanField(_("suspended from party activity"), default=False)
    prosecuted = models.BooleanField(_("prosecuted, indicted or detained"), default=False)
    ex_officio_delegate = models.BooleanField(_("ex-officio delegate to the upper congress"), default=False)
    absent_whole_congress = models.BooleanField(
        _("absent for the whole congress"),
        default=False,
        help_text=_("With a reason accepted by the convening committee, the member is out of the base."),
    )
    absence_reason = models.CharField(_("reason for the absence"), max_length=255, blank=True)
    reason_accepted = models.BooleanField(_("reason accepted by the convening committee"), default=False)
    reason_accepted_by = models.CharField(
        _("reason accepted by"), max_length=255, blank=True, help_text=_("Who accepted it: the convening committee.")
    )

    class Meta:
        verbose_name = _("member at a congress")
        verbose_name_plural = _("members at a congress")
        constraints = [
            models.UniqueConstraint(fields=["congress", "member"], name="congressmember_unique"),
            models.CheckConstraint(
                condition=Q(reason_accepted=False) | ~Q(absence_reason=""),
                name="congressmember_accepted_reason_given",
                violation_error_message=_("A reason can only be accepted once it is written down."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} · {self.congress.slug}"

    def get_absolute_url(self) -> str:
        return reverse("members:member-detail", args=[self.congress.slug, self.pk])

    def clean(self):
        super().clean()
        if self.congress_id and self.member_id and self.member.organisation_id != self.congress.organisation_id:
            raise ValidationError(_("The member belongs to another organisation."))

    def facts(self, session: Session | None = None) -> rules.MemberFacts:
        """Return the facts the base rule needs.

        ``present`` is the member's state in ``session`` (default: the latest
        session that has any attendance); a member who has left (departure
        time recorded) is not present. ``attended`` is present in any session.
        Uses the prefetched ``attendances`` when there are any.
        """
        attendances = list(self.attendances.all())
        if session is None:
            session = latest_session_with_attendance(self.congress)
        return self._facts(attendances, session.pk if session else None)

    def _facts(self, attendances: list[Attendance], session_id: int | None) -> rules.MemberFacts:
        here = [a for a in attendances if a.session_id == session_id]
        present = bool(here) and here[0].is_present_now
        attended = any(a.state == Attendance.State.PRESENT for a in attendances)
        return rules.MemberFacts(
            status=rules.Status(self.member.status),
            convened=self.convened,
            temporary_elsewhere=self.temporary_elsewhere,
            exempted=self.exempted,
            suspended=self.suspended,
            prosecuted=self.prosecuted,
            present=present,
            attended=attended,
            # QĐ 190 Art. 30(2): only an absence for the whole congress, with a
            # reason the convening committee accepted, takes a member out.
            absence_reason_accepted=self.absent_whole_congress and self.reason_accepted,
        )


def latest_session_with_attendance(congress: Congress) -> Session | None:
    return (
        Session.objects.filter(congress=congress, attendances__isnull=False).order_by("-starts_at").distinct().first()
    )


class Attendance(models.Model):
    """A member's attendance at one session, as the secretariat recorded it."""

    class State(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT_EXCUSED = "absent_excused", _("Absent with a reason")
        ABSENT_UNEXCUSED = "absent_unexcused", _("Absent without a reason")

    congress_member = models.ForeignKey(
        CongressMember, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("member")
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("session")
    )
    state = models.CharField(_("attendance"), max_length=20, choices=State.choices)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    arrived_at = models.DateTimeField(_("arrived at"), null=True, blank=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["congress_member", "session"], name="attendance_unique"),
            models.CheckConstraint(
                condition=Q(left_at__isnull=True)
                | Q(arrived_at__isnull=True)
                | Q(left_at__gte=models.F("arrived_at")),
                name="attendance_leaves_after_arriving",
                violation_error_message=_("The departure time cannot be before the arrival time."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.congress_member.member} · {self.session} · {self.get_state_display()}"

    @property
    def is_present_now(self) -> bool:
        return self.state == self.State.PRESENT and self.left_at is None


class BaseSnapshotQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValueError("A frozen base never changes.")

    def delete(self):
        raise ValueError("A frozen base is never deleted.")


class BaseSnapshot(models.Model):
    """The base as it stood when a vote or an election started; never changes afterwards."""

    congress = models.ForeignKey(
        Congress, on_delete=models.PROTECT, related_name="base_snapshots", verbose_name=_("congress")
    )
    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("session")
    )
    created_at = models.DateTimeField(_("frozen at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reason = models.CharField(_("reason"), max_length=255, help_text=_("The vote or election that started."))
    data = models.JSONField(_("base"), help_text=_("The itemised base (congress.rules.Base)."))
    voter_ids = models.JSONField(_("voters"), default=list, help_text=_("Ids of the members who may vote."))

    objects = BaseSnapshotQuerySet.as_manager()

    class Meta:
        verbose_name = _("frozen base")
        verbose_name_plural = _("frozen bases")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.congress.slug} · {self.reason} · B = {self.data.get('base')}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A frozen base never changes.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("A frozen base is never deleted.")

    @property
    def base(self) -> rules.Base:
        return rules.Base(**self.data)
