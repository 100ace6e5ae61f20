"""Workflows on members and attendance; every change is recorded in MemberChange."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from congress import rules
from congress.exceptions import ServiceError
from congress.models import Congress, RulesSettings, Session
from members.collation import fold, split_name
from members.models import (
    Attendance,
    BaseSnapshot,
    CongressMember,
    Member,
    MemberChange,
    latest_session_with_attendance,
)

MEMBER_FIELDS = [
    "full_name",
    "family_name",
    "middle_name",
    "given_name",
    "gender",
    "birth_date",
    "card_number",
    "admitted_on",
    "official_on",
    "position",
    "status",
    "user",
]
FACT_FIELDS = [
    "convened",
    "temporary_elsewhere",
    "exempted",
    "suspended",
    "prosecuted",
    "ex_officio_delegate",
    "absent_whole_congress",
    "absence_reason",
    "reason_accepted",
    "reason_accepted_by",
]


class MembersError(ServiceError):
    """A refused change to the roll or the attendance; the message is fit for the user."""


def _display(instance, name: str) -> str:
    value = getattr(instance, name)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    choices = instance._meta.get_field(name).choices
    if choices:
        return str(dict(choices).get(value, value))
    return str(value)


def _validate(instance, **kwargs) -> None:
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        raise MembersError(" ".join(exc.messages)) from exc


def _record(member, congress, user, name, before, after) -> None:
    if before != after:
        MemberChange.objects.create(
            member=member, congress=congress, user=user, field=name, before=before, after=after
        )


@transaction.atomic
def add_member(congress: Congress, data: dict, user) -> CongressMember:
    """Add a member to the congress's organisation and convene them to ``congress``."""
    member = Member(organisation=congress.organisation, **data)
    _validate(member)
    member.save()
    cm = CongressMember(congress=congress, member=member)
    _validate(cm, exclude=["member"])
    cm.save()
    MemberChange.objects.create(member=member, congress=congress, user=user, field="created", after=member.full_name)
    return cm


@transaction.atomic
def update_member(member: Member, data: dict, user, congress: Congress | None = None) -> Member:
    """Change a member's details and record each changed field."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    before = {name: _display(member, name) for name in MEMBER_FIELDS}
    if "full_name" in data and not any(data.get(k) for k in ("family_name", "middle_name", "given_name")):
        data = {**data, "family_name": "", "middle_name": "", "given_name": ""}
    for name, value in data.items():
        setattr(member, name, value)
    if not (member.family_name or member.middle_name or member.given_name):
        member.family_name, member.middle_name, member.given_name = split_name(member.full_name)
    _validate(member)
    member.save()
    for name in MEMBER_FIELDS:
        _record(member, congress, user, name, before[name], _display(member, name))
    return member


@transaction.atomic
def update_facts(cm: CongressMember, data: dict, user) -> CongressMember:
    """Change a member's facts at a congress (convened, exclusions, absence) and record each change."""
    cm = CongressMember.objects.select_for_update().select_related("member", "congress").get(pk=cm.pk)
    before = {name: _display(cm, name) for name in FACT_FIELDS}
    for name, value in data.items():
        setattr(cm, name, value)
    if cm.reason_accepted and not cm.reason_accepted_by:
        cm.reason_accepted_by = cm.congress.convening_committee
    if not cm.reason_accepted:
        cm.reason_accepted_by = ""
    _validate(cm)
    cm.save()
    for name in FACT_FIELDS:
        _record(cm.member, cm.congress, user, name, before[name], _display(cm, name))
    return cm


def roll(congress: Congress, query: str = "") -> list[CongressMember]:
    """Return the congress's members in Vietnamese order, optionally filtered by a name search."""
    qs = CongressMember.objects.filter(congress=congress).select_related("member")
    folded = fold(query)
    if folded:
        qs = qs.filter(member__search_name__icontains=folded)
    rows = sorted(qs, key=lambda cm: cm.member.sort_key)
    if folded:
        # Names where every typed word is a whole word come first: "hoa" puts Hòa before Hoàng.
        rows.sort(key=lambda cm: not whole_word_match(cm.member, folded))
    return rows


def whole_word_match(member: Member, folded_query: str) -> bool:
    """Return whether every word of the (folded) query is a whole word of the member's name."""
    words = member.search_name.split(" ")
    return all(term in words for term in folded_query.split(" "))


# Attendance ----------------------------------------------------------------


def _check_session(cm: CongressMember, session: Session) -> None:
    if session.congress_id != cm.congress_id:
        raise MembersError(_("This session belongs to another congress."))


@transaction.atomic
def record_attendance(
    cm: CongressMember,
    session: Session,
    user,
    state: str = Attendance.State.PRESENT,
    reason: str = "",
) -> Attendance:
    """Record a member's attendance at a session; safe when two clerks do it at once.

    The member's row is locked first (PostgreSQL: SELECT … FOR UPDATE; SQLite
    takes the write lock at BEGIN), and the unique (member, session) constraint
    backs it up: two check-ins give one record and no error.
    """
    _check_session(cm, session)
    if state not in Attendance.State.values:
        raise MembersError(_("Unknown attendance state."))
    cm = CongressMember.objects.select_for_update().select_related("member").get(pk=cm.pk)
    now = timezone.now()
    try:
        with transaction.atomic():
            attendance, created = Attendance.objects.get_or_create(
                congress_member=cm,
                session=session,
                defaults={"state": state, "reason": reason, "recorded_by": user},
            )
    except IntegrityError:
        attendance, created = Attendance.objects.get(congress_member=cm, session=session), False
    old_state = "" if created else attendance.get_state_display()
    attendance.state = state
    attendance.reason = reason if state != Attendance.State.PRESENT else ""
    attendance.recorded_by = user
    if state == Attendance.State.PRESENT:
        attendance.arrived_at = attendance.arrived_at or now
        attendance.left_at = None
    else:
        attendance.arrived_at = attendance.left_at = None
    _validate(attendance, exclude=["congress_member", "session"])
    attendance.save()
    if state == Attendance.State.PRESENT and cm.absent_whole_congress:
        # Whoever comes was not absent for the whole congress (QĐ 190 Art. 30(2)).
        update_facts(cm, {"absent_whole_congress": False}, user)
    _record(cm.member, cm.congress, user, f"attendance: {session}", old_state, attendance.get_state_display())
    return attendance


def check_in(cm: CongressMember, session: Session, user) -> Attendance:
    """Mark a member present at the door (idempotent: a second check-in changes nothing)."""
    existing = Attendance.objects.filter(congress_member=cm, session=session).first()
    if existing is not None and existing.is_present_now:
        return existing
    return record_attendance(cm, session, user, Attendance.State.PRESENT)


@transaction.atomic
def record_departure(cm: CongressMember, session: Session, user) -> Attendance:
    """Record that a present member left the session: no longer present for the next count."""
    _check_session(cm, session)
    attendance = Attendance.objects.select_for_update().filter(congress_member=cm, session=session).first()
    if attendance is None or attendance.state != Attendance.State.PRESENT:
        raise MembersError(_("Only a member marked present can leave."))
    if attendance.left_at is None:
        attendance.left_at = timezone.now()
        attendance.recorded_by = user
        attendance.save(update_fields=["left_at", "recorded_by", "updated_at"])
        _record(
            cm.member,
            cm.congress,
            user,
            f"attendance: {session}",
            "",
            _("left at %(time)s") % {"time": timezone.localtime(attendance.left_at).strftime("%H:%M")},
        )
    return attendance


# The base --------------------------------------------------------------------


def _congress_members(congress: Congress) -> QuerySet[CongressMember]:
    return (
        CongressMember.objects.filter(congress=congress)
        .select_related("member")
        .prefetch_related(
            Prefetch(
                "attendances",
                queryset=Attendance.objects.only("congress_member_id", "session_id", "state", "reason", "left_at"),
            )
        )
    )


def _facts(congress: Congress, session: Session | None) -> list[tuple[CongressMember, rules.MemberFacts]]:
    if session is None:
        session = latest_session_with_attendance(congress)
    session_id = session.pk if session else None
    return [(cm, cm._facts(list(cm.attendances.all()), session_id)) for cm in _congress_members(congress)]


def current_base(congress: Congress, session: Session | None = None) -> rules.Base:
    """Return the itemised base of QĐ 190 Art. 30(2) now (four queries, whatever the roll's size)."""
    quorum = RulesSettings.for_congress(congress).quorum
    return rules.compute_base([facts for _, facts in _facts(congress, session)], quorum=quorum)


def _is_voter(facts: rules.MemberFacts) -> bool:
    """Mirror compute_base's ``official_present``: official, convened, in the base, present."""
    one = rules.compute_base([facts])
    return one.official_present == 1


def voters(congress: Congress, session: Session | None = None) -> QuerySet[CongressMember]:
    """Return the official members present who may vote (those counted in ``official_present``)."""
    ids = [cm.pk for cm, facts in _facts(congress, session) if _is_voter(facts)]
    return CongressMember.objects.filter(pk__in=ids).select_related("member")


@transaction.atomic
def freeze_base(congress: Congress, reason: str, user, session: Session | None = None) -> BaseSnapshot:
    """Freeze the base and the voters now, when a vote or an election starts.

    A result is always measured against its snapshot, so later changes to the
    roll or the attendance never alter a past result.
    """
    if not reason.strip():
        raise MembersError(_("Say which vote or election the base is frozen for."))
    quorum = RulesSettings.for_congress(congress).quorum
    if session is None:
        session = latest_session_with_attendance(congress)
    pairs = _facts(congress, session)
    base = rules.compute_base([facts for _, facts in pairs], quorum=quorum)
    voter_ids = sorted(cm.pk for cm, facts in pairs if _is_voter(facts))
    return BaseSnapshot.objects.create(
        congress=congress,
        session=session,
        created_by=user,
        reason=reason.strip(),
        data=base.as_dict(),
        voter_ids=voter_ids,
    )


# The attendance report ----------------------------------------------------------


@dataclass
class ReportLine:
    label: str
    convened: int = 0
    present: int = 0
    absent_excused: int = 0
    absent_unexcused: int = 0
    not_recorded: int = 0

    def percent(self, n: int) -> str:
        # Display only; decisions never use percentages.
        return f"{100 * n / self.convened:.2f}".replace(".", ",") if self.convened else "—"

    @property
    def present_percent(self) -> str:
        return self.percent(self.present)


@dataclass
class AttendanceReport:
    """The data of "Báo cáo tình hình đảng viên tham dự Đại hội"."""

    congress: Congress
    session: Session | None
    base: rules.Base
    total: ReportLine
    by_status: list[ReportLine]
    absent_excused: list[tuple[CongressMember, str]] = field(default_factory=list)
    absent_unexcused: list[tuple[CongressMember, str]] = field(default_factory=list)
    not_recorded: list[CongressMember] = field(default_factory=list)


def attendance_report(congress: Congress, session: Session | None = None) -> AttendanceReport:
    """Return who was convened, present, absent with and without a reason, by status."""
    if session is None:
        session = latest_session_with_attendance(congress)
    session_id = session.pk if session else None
    quorum = RulesSettings.for_congress(congress).quorum
    members = sorted(_congress_members(congress), key=lambda cm: cm.member.sort_key)
    total = ReportLine(_("Total"))
    lines = {value: ReportLine(label) for value, label in Member.Status.choices}
    report = AttendanceReport(congress, session, rules.compute_base([], quorum), total, list(lines.values()))
    all_facts = []
    for cm in members:
        attendances = list(cm.attendances.all())
        all_facts.append(cm._facts(attendances, session_id))
        if not cm.convened:
            continue
        here = next((a for a in attendances if a.session_id == session_id), None)
        for line in (total, lines[cm.member.status]):
            line.convened += 1
        state = here.state if here else None
        if state == Attendance.State.PRESENT:
            key = "present"
        elif state == Attendance.State.ABSENT_EXCUSED or (state is None and cm.absent_whole_congress):
            key = "absent_excused"
            report.absent_excused.append((cm, (here.reason if here else "") or cm.absence_reason))
        elif state == Attendance.State.ABSENT_UNEXCUSED:
            key = "absent_unexcused"
            report.absent_unexcused.append((cm, here.reason))
        else:
            key = "not_recorded"
            report.not_recorded.append(cm)
        for line in (total, lines[cm.member.status]):
            setattr(line, key, getattr(line, key) + 1)
    report.base = rules.compute_base(all_facts, quorum=quorum)
    return report


def dashboard_context(congress: Congress) -> dict:
    """Return what the congress dashboard shows of the roll: the live base."""
    session = latest_session_with_attendance(congress)
    return {
        "members_base": current_base(congress, session),
        "members_base_session": session,
        "members_count": CongressMember.objects.filter(congress=congress).count(),
    }
