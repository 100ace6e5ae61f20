"""What happens in a congress: programme, presidium approval, texts, votes, run sheet.

Every function takes model instances and the acting user, runs in one
transaction and raises :class:`CongressError` with a message for the user;
on error nothing is changed.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from congress import standard
from congress.models import (
    Body,
    Congress,
    CongressRole,
    CongressSettings,
    CongressText,
    ItemDocument,
    PresidiumApproval,
    ProgrammeItem,
    RulesSettings,
    Session,
    ShowOfHandsVote,
    Speech,
    TextPart,
    TextVersion,
)
from congress.rules import Base, more_than_half, outside_nominee_approved
from members.models import CongressMember, Member

Role = CongressRole.Role
Subject = ShowOfHandsVote.Subject


class CongressError(Exception):
    """A request the congress's rules refuse; the message is shown to the user as is."""


def get_settings(congress: Congress) -> CongressSettings:
    settings, _created = CongressSettings.objects.get_or_create(congress=congress)
    return settings


def _lock(obj):
    """Return a fresh copy of ``obj`` locked for update (the row lock serialises clicks of two browsers)."""
    return type(obj).objects.select_for_update().get(pk=obj.pk)


def _lock_congress(congress: Congress) -> Congress:
    return Congress.objects.select_for_update().select_related("organisation").get(pk=congress.pk)


# ---------------------------------------------------------------------------
# The standard programme and texts
# ---------------------------------------------------------------------------


def _session_time(congress: Congress, hour: int, minute: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(congress.date, datetime.time(hour, minute)))


def ensure_sessions(congress: Congress) -> dict[str, Session]:
    """Create the preparatory (8h00) and official (13h30–16h30) sessions if missing (Nội quy, Điều 1)."""
    defaults = {
        Session.Kind.PREPARATORY: (_session_time(congress, 8, 0), None),
        Session.Kind.OFFICIAL: (_session_time(congress, 13, 30), _session_time(congress, 16, 30)),
    }
    sessions = {}
    for kind, (start, end) in defaults.items():
        sessions[kind], _created = Session.objects.get_or_create(
            congress=congress, kind=kind, defaults={"starts_at": start, "ends_at": end}
        )
    return sessions


def ensure_bodies(congress: Congress) -> dict[str, Body]:
    return {kind: Body.objects.get_or_create(congress=congress, kind=kind)[0] for kind in Body.Kind.values}


@transaction.atomic
def install_standard_programme(congress: Congress, user=None, presenters: dict[str, object] | None = None) -> int:
    """Give a congress without a programme the standard programme of a cell congress, and its texts.

    Without ``presenters`` each item is presented by the body that usually
    presents it. With it, the seed's presenters are used, mapped through
    ``presenters`` ("Hòa" → a member or a text). Returns the number of items.
    """
    congress = _lock_congress(congress)
    if congress.programme_items.exists():
        raise CongressError(_("This congress already has a programme."))
    sessions = ensure_sessions(congress)
    bodies = ensure_bodies(congress)
    values = standard.placeholders(congress)
    for order, row in enumerate(standard.PROGRAMME, start=1):
        item = ProgrammeItem(
            congress=congress,
            session=sessions[row.session],
            order=order,
            title=row.title.format(**values),
            kind=row.kind,
        )
        who = row.presenter if presenters is None else presenters.get(row.demo_presenter, row.demo_presenter)
        if isinstance(who, str) and who.startswith("body:"):
            item.presenter_body = bodies[who.removeprefix("body:")]
        elif isinstance(who, str):
            item.presenter_text = who
        else:
            # The member, printed by the name the seed calls them ("Đ/c Vân Anh", not "Đ/c Anh").
            item.presenter_member = who
            item.presenter_text = f"Đ/c {row.demo_presenter}"
        item.full_clean()
        item.save()
    for kind in CongressText.Kind.values:
        ensure_text(congress, kind, user)
    return len(standard.PROGRAMME)


def ensure_text(congress: Congress, kind: str, user=None) -> CongressText:
    """Return the congress's text of ``kind``, created from the standard with its first version."""
    title, parts = standard.TEXTS[kind]
    text, created = CongressText.objects.get_or_create(
        congress=congress, kind=kind, defaults={"title": title, "subtitle": standard.text_subtitle(kind, congress)}
    )
    if created or not text.versions.exists():
        version = TextVersion.objects.create(text=text, number=1, created_by=user)
        TextPart.objects.bulk_create(
            TextPart(version=version, order=i, heading=heading, body=body)
            for i, (heading, body) in enumerate(parts(congress), start=1)
        )
    return text


@transaction.atomic
def update_congress(
    congress: Congress,
    user,
    preparatory_start: datetime.time,
    official_start: datetime.time,
    official_end: datetime.time | None = None,
) -> Congress:
    """Save the congress's particulars (an unsaved, changed instance) and its sessions' times."""
    if official_end is not None and official_end <= official_start:
        raise CongressError(_("The official session must end after it starts."))
    if official_start <= preparatory_start:
        raise CongressError(_("The official session starts after the preparatory session."))
    try:
        congress.full_clean()
    except ValidationError as error:
        raise CongressError(" ".join(error.messages)) from error
    congress.save()
    sessions = ensure_sessions(congress)
    for kind, start, end in [
        (Session.Kind.PREPARATORY, preparatory_start, None),
        (Session.Kind.OFFICIAL, official_start, official_end),
    ]:
        session = sessions[kind]
        session.starts_at = timezone.make_aware(datetime.datetime.combine(congress.date, start))
        session.ends_at = timezone.make_aware(datetime.datetime.combine(congress.date, end)) if end else None
        session.save()
    return congress


# ---------------------------------------------------------------------------
# Programme items
# ---------------------------------------------------------------------------


def _renumber(congress: Congress) -> None:
    """Number the items 1…n, preparatory session first, keeping their order within a session."""
    items = list(
        ProgrammeItem.objects.filter(congress=congress)
        .select_related("session")
        .order_by("session__starts_at", "order")
    )
    # Two passes: the unique (congress, order) constraint forbids a swap in one step.
    offset = len(items) + 1000
    for item in items:
        item.order += offset
        item.save(update_fields=["order"])
    for position, item in enumerate(items, start=1):
        item.order = position
        item.save(update_fields=["order"])


def _send_back(obj) -> None:
    """A change to a submitted or approved object voids the approvals given so far (issue 4, §3)."""
    if obj.state in (obj.State.SUBMITTED, obj.State.APPROVED):
        obj.state = obj.State.SUBMITTED
        obj.approval_round += 1


ITEM_FIELDS = [
    "session",
    "title",
    "kind",
    "presenter_member",
    "presenter_body",
    "presenter_text",
    "planned_start",
    "planned_minutes",
]


def _in_congress(congress: Congress, member) -> bool:
    return CongressMember.objects.filter(congress=congress, member=member).exists()


def _check_item(item: ProgrammeItem) -> None:
    if item.session.congress_id != item.congress_id:
        raise CongressError(_("This session belongs to another congress."))
    body = item.presenter_body
    if body is not None and body.congress_id != item.congress_id:
        raise CongressError(_("This body belongs to another congress."))
    member = item.presenter_member
    if member is not None and not _in_congress(item.congress, member):
        raise CongressError(_("This member belongs to another congress."))
    if not (member or body or item.presenter_text.strip()):
        raise CongressError(_("Say who presents the item: a member, a body or a name."))
    try:
        item.full_clean(exclude=["order"])
    except ValidationError as error:
        raise CongressError(" ".join(error.messages)) from error


@transaction.atomic
def create_item(congress: Congress, user, **fields) -> ProgrammeItem:
    congress = _lock_congress(congress)
    last = ProgrammeItem.objects.filter(congress=congress).aggregate(m=Max("order"))["m"] or 0
    item = ProgrammeItem(congress=congress, order=last + 1, **fields)
    _check_item(item)
    item.save()
    _renumber(congress)
    item.refresh_from_db()
    return item


@transaction.atomic
def update_item(item: ProgrammeItem, user, **fields) -> ProgrammeItem:
    """Change an item; a submitted or approved item goes back to the presidium (a new approval round)."""
    _lock_congress(item.congress)
    item = _lock(item)
    if item.state in (ProgrammeItem.State.IN_PROGRESS, ProgrammeItem.State.DONE):
        raise CongressError(_("This item has already been held; it can no longer be changed."))
    changed = [name for name in ITEM_FIELDS if name in fields and getattr(item, name) != fields[name]]
    if not changed:
        return item
    moved = "session" in changed
    for name in changed:
        setattr(item, name, fields[name])
    _check_item(item)
    _send_back(item)
    if moved:
        # To the end of its new session; _renumber puts it in place.
        item.order = (ProgrammeItem.objects.filter(congress=item.congress).aggregate(m=Max("order"))["m"] or 0) + 1
    item.save()
    if moved:
        _renumber(item.congress)
        item.refresh_from_db()
    return item


@transaction.atomic
def move_item(item: ProgrammeItem, user, direction: str) -> ProgrammeItem:
    """Swap an item with its neighbour in the same session; the moved item goes back for approval."""
    _lock_congress(item.congress)
    item = _lock(item)
    if item.state in (ProgrammeItem.State.IN_PROGRESS, ProgrammeItem.State.DONE):
        raise CongressError(_("This item has already been held; it can no longer be changed."))
    siblings = ProgrammeItem.objects.filter(congress=item.congress, session=item.session)
    if direction == "up":
        other = siblings.filter(order__lt=item.order).order_by("-order").first()
    else:
        other = siblings.filter(order__gt=item.order).order_by("order").first()
    if other is None:
        raise CongressError(_("This item cannot move further in its session."))
    if other.state in (ProgrammeItem.State.IN_PROGRESS, ProgrammeItem.State.DONE):
        raise CongressError(_("An item cannot move before one that has already been held."))
    mine, theirs = item.order, other.order
    item.order = 0
    item.save(update_fields=["order"])
    other.order = mine
    other.save(update_fields=["order"])
    item.order = theirs
    _send_back(item)
    item.save()
    return item


@transaction.atomic
def attach_document(item: ProgrammeItem, user, title: str, upload) -> ItemDocument:
    """Attach a PDF or DOCX file; a new document sends an approved item back to the presidium."""
    item = _lock(item)
    if item.state in (ProgrammeItem.State.IN_PROGRESS, ProgrammeItem.State.DONE):
        raise CongressError(_("This item has already been held; it can no longer be changed."))
    document = ItemDocument(item=item, title=title, file=upload, uploaded_by=user)
    try:
        document.full_clean()
    except ValidationError as error:
        raise CongressError(" ".join(error.messages)) from error
    document.save()
    _send_back(item)
    item.save()
    return document


# ---------------------------------------------------------------------------
# Presidium approval (working regulation I.2)
# ---------------------------------------------------------------------------


def presidium_user_ids(congress: Congress) -> set[int]:
    """Return the users who hold the presidium role in ``congress`` now."""
    return set(
        CongressRole.objects.filter(congress=congress, role=Role.PRESIDIUM, user__is_active=True).values_list(
            "user_id", flat=True
        )
    )


def presidium_size(congress: Congress, user_ids: set[int] | None = None) -> int:
    """Return how many members the presidium has, for its more-than-half rule.

    The adopted (or proposed) presidium body may have members without a login;
    they still count, so that one login can never be "more than half" of a
    presidium of three (working regulation I.2).
    """
    body_size = Member.objects.filter(
        congress_bodies__congress=congress, congress_bodies__kind=Body.Kind.PRESIDIUM
    ).count()
    if user_ids is None:
        user_ids = presidium_user_ids(congress)
    return max(len(user_ids), body_size)


def _approval_target(obj) -> dict:
    return {"item": obj} if isinstance(obj, ProgrammeItem) else {"version": obj}


def approvals_of(obj):
    """Return this round's decisions on ``obj``, oldest first."""
    return PresidiumApproval.objects.filter(round=obj.approval_round, **_approval_target(obj)).select_related("user")


@transaction.atomic
def submit(obj, user):
    """Submit a programme item or a text version to the presidium."""
    obj = _lock(obj)
    if obj.state != obj.State.DRAFT:
        raise CongressError(_("This has already been submitted to the presidium."))
    if isinstance(obj, TextVersion) and obj.text.latest.pk != obj.pk:
        raise CongressError(_("Only the latest version of a text can be submitted."))
    obj.state = obj.State.SUBMITTED
    obj.approval_round += 1
    obj.return_comment = ""
    obj.save()
    return obj


@transaction.atomic
def submit_programme(congress: Congress, user) -> int:
    """Submit every draft item of the programme; return how many were submitted."""
    items = ProgrammeItem.objects.filter(congress=congress, state=ProgrammeItem.State.DRAFT)
    count = 0
    for item in items:
        submit(item, user)
        count += 1
    if not count:
        raise CongressError(_("There is no draft item to submit."))
    return count


def _congress_of(obj) -> Congress:
    return obj.congress if isinstance(obj, ProgrammeItem) else obj.text.congress


def _check_presidium_member(congress: Congress, user) -> None:
    if user.pk not in presidium_user_ids(congress):
        raise CongressError(_("Only a member of the presidium can decide this."))


def _record_decision(congress: Congress, obj, user, decision: str, comment: str) -> None:
    """Record one presidium member's decision on ``obj``; a second one by the same member is refused.

    The check gives the friendly message; the unique constraint (item or version,
    round, user) is what stops two browsers of the same member at the same moment.
    """
    if approvals_of(obj).filter(user=user).exists():
        raise CongressError(_("You have already given your decision on this."))
    try:
        with transaction.atomic():
            PresidiumApproval.objects.create(
                congress=congress,
                round=obj.approval_round,
                user=user,
                decision=decision,
                comment=comment,
                **_approval_target(obj),
            )
    except IntegrityError as error:
        raise CongressError(_("You have already given your decision on this.")) from error


@transaction.atomic
def approve(obj, user, comment: str = ""):
    """Record one presidium member's approval; the object is approved once more than half approved.

    Working regulation I.2: "các nội dung thuộc thẩm quyền quyết định của Đoàn
    Chủ tịch phải được trên một nửa (trên 50%) số thành viên tán thành". The
    presidium's size is counted now, from the roles and the presidium body
    (a presidium of 3 needs 2).
    """
    congress = _congress_of(obj)
    obj = _lock(obj)
    _check_presidium_member(congress, user)
    if obj.state != obj.State.SUBMITTED:
        if obj.state == obj.State.DRAFT:
            raise CongressError(_("This has not been submitted to the presidium."))
        raise CongressError(_("This has already been approved."))
    _record_decision(congress, obj, user, PresidiumApproval.Decision.APPROVE, comment)
    approvals = approvals_of(obj).filter(decision=PresidiumApproval.Decision.APPROVE).count()
    if more_than_half(approvals, presidium_size(congress)):
        obj.state = obj.State.APPROVED
        obj.save(update_fields=["state"])
    return obj


@transaction.atomic
def approve_programme(congress: Congress, user) -> int:
    """Approve every submitted item on which this presidium member has not decided yet."""
    _check_presidium_member(congress, user)
    count = 0
    for item in ProgrammeItem.objects.filter(congress=congress, state=ProgrammeItem.State.SUBMITTED):
        if not approvals_of(item).filter(user=user).exists():
            approve(item, user)
            count += 1
    if not count:
        raise CongressError(_("There is no submitted item waiting for your approval."))
    return count


@transaction.atomic
def return_for_changes(obj, user, comment: str):
    """Send a submitted item or version back to the secretariat with the presidium's comment."""
    congress = _congress_of(obj)
    obj = _lock(obj)
    _check_presidium_member(congress, user)
    if not comment.strip():
        raise CongressError(_("Say what must change: the comment is required."))
    if obj.state != obj.State.SUBMITTED:
        raise CongressError(_("Only a submitted item can be returned."))
    _record_decision(congress, obj, user, PresidiumApproval.Decision.RETURN, comment)
    obj.state = obj.State.DRAFT
    obj.return_comment = comment
    obj.save(update_fields=["state", "return_comment"])
    return obj


# ---------------------------------------------------------------------------
# Texts (rules, working regulation, resolution), versioned
# ---------------------------------------------------------------------------


@transaction.atomic
def save_text(text: CongressText, user, parts: list[tuple[str, str]]) -> TextVersion:
    """Save the text's parts: in place on a draft, else as a new version sent to the presidium.

    Submitted, approved and adopted versions never change, so what the
    presidium approved and the congress adopted can always be shown.
    """
    text = CongressText.objects.select_for_update().get(pk=text.pk)
    parts = [(heading.strip(), body.strip()) for heading, body in parts if heading.strip() or body.strip()]
    if not parts:
        raise CongressError(_("A text needs at least one article or section."))
    if any(not heading for heading, _body in parts):
        raise CongressError(_("Every article or section needs a heading."))
    latest = text.latest
    if latest is not None and [(p.heading, p.body) for p in latest.parts.all()] == parts:
        return latest
    if latest is not None and latest.state == TextVersion.State.DRAFT:
        version = latest
        version.parts.all().delete()
    else:
        version = TextVersion.objects.create(text=text, number=(latest.number + 1) if latest else 1, created_by=user)
        if latest is not None and latest.state != TextVersion.State.DRAFT:
            # A change sends it back for approval; a version the congress adopted stays adopted.
            version.state = TextVersion.State.SUBMITTED
            version.approval_round = 1
            version.save()
            if latest.state in (TextVersion.State.SUBMITTED, TextVersion.State.APPROVED):
                latest.state = TextVersion.State.SUPERSEDED
                latest.save(update_fields=["state"])
    TextPart.objects.bulk_create(
        TextPart(version=version, order=i, heading=heading, body=body) for i, (heading, body) in enumerate(parts, 1)
    )
    return version


# ---------------------------------------------------------------------------
# Show-of-hands votes (rules document §3.10)
# ---------------------------------------------------------------------------

BODY_SUBJECTS = {
    Subject.PRESIDIUM: Body.Kind.PRESIDIUM,
    Subject.SECRETARIAT: Body.Kind.SECRETARIAT,
    Subject.COUNTING_BOARD: Body.Kind.COUNTING_BOARD,
}
TEXT_SUBJECTS = {
    Subject.RULES: CongressText.Kind.RULES,
    Subject.REGULATION: CongressText.Kind.REGULATION,
    Subject.RESOLUTION: CongressText.Kind.RESOLUTION,
}
MOTION_SUBJECTS = {Subject.ELECTION_LIST, Subject.OUTSIDE_NOMINEE, Subject.ANOTHER_ROUND}
# The official session opens only after the preparatory session adopted these (issue 4, §6).
REQUIRED_BEFORE_OFFICIAL = [Subject.PRESIDIUM, Subject.SECRETARIAT, Subject.PROGRAMME, Subject.REGULATION]
# [S] election-rules.md §3.5: a chi bộ elects at most 7 chi ủy members.
MAX_COMMITTEE_SIZE = 7


@dataclass(frozen=True)
class VoteTarget:
    """What a show-of-hands vote decides."""

    body: Body | None = None
    version: TextVersion | None = None
    number: int | None = None
    motion: str = ""


def target_key(subject: str, target: VoteTarget) -> str:
    """Return the key under which one decision is recorded once per round."""
    if subject in BODY_SUBJECTS or subject in TEXT_SUBJECTS or subject in (Subject.PROGRAMME, Subject.COMMITTEE_SIZE):
        return subject
    digest = hashlib.sha1(" ".join(target.motion.lower().split()).encode()).hexdigest()
    return f"{subject}:{digest}"


def next_round(congress: Congress, subject: str, target: VoteTarget) -> int:
    last = ShowOfHandsVote.objects.filter(
        congress=congress, subject=subject, target_key=target_key(subject, target)
    ).aggregate(m=Max("round"))["m"]
    return (last or 0) + 1


def members_on_election_lists(congress: Congress) -> set[int]:
    """Return the ids of the members on any election list of ``congress``.

    A member of the vote-counting board may not be on an election list
    (QĐ 190 Art. 8, election-rules.md §3.8). The elections app owns the lists.
    """
    from elections.services import members_on_lists

    return members_on_lists(congress)


def _check_target(congress: Congress, subject: str, target: VoteTarget) -> None:
    if subject in BODY_SUBJECTS:
        body = target.body
        if body is None or body.congress_id != congress.pk or body.kind != BODY_SUBJECTS[subject]:
            raise CongressError(_("Choose the body this vote is on."))
        check_body_for_vote(body)
    elif subject in TEXT_SUBJECTS:
        version = target.version
        if version is None or version.text.congress_id != congress.pk or version.text.kind != TEXT_SUBJECTS[subject]:
            raise CongressError(_("Choose the version of the text this vote is on."))
        if version.state != TextVersion.State.APPROVED:
            raise CongressError(_("The presidium has not approved this version; it cannot be put to the vote."))
    elif subject == Subject.PROGRAMME:
        pending = ProgrammeItem.objects.filter(
            congress=congress, state__in=[ProgrammeItem.State.DRAFT, ProgrammeItem.State.SUBMITTED]
        )
        if not ProgrammeItem.objects.filter(congress=congress).exists():
            raise CongressError(_("The congress has no programme yet."))
        if pending.exists():
            raise CongressError(
                _("The presidium has not approved every item of the programme yet (%(count)s pending).")
                % {"count": pending.count()}
            )
    elif subject == Subject.COMMITTEE_SIZE:
        if not target.number or not 1 <= target.number <= MAX_COMMITTEE_SIZE:
            raise CongressError(
                _("Give the proposed number of cell committee members (1 to %(max)s).") % {"max": MAX_COMMITTEE_SIZE}
            )
    elif subject in MOTION_SUBJECTS:
        if not target.motion.strip():
            raise CongressError(_("Say in a few words what is put to the vote."))
    else:
        raise CongressError(_("Unknown subject."))


def check_body_for_vote(body: Body) -> None:
    """Refuse a body that cannot be put to the vote (empty; a counting-board member on a list)."""
    members = list(body.members.all())
    if not members:
        raise CongressError(_("Add the members of %(body)s before the vote.") % {"body": body.name})
    if body.kind == Body.Kind.COUNTING_BOARD:
        on_lists = members_on_election_lists(body.congress) & {m.pk for m in members}
        if on_lists:
            names = ", ".join(str(m) for m in members if m.pk in on_lists)
            raise CongressError(
                _("A member of the vote-counting board may not be on an election list (QĐ 190 Art. 8): %(names)s.")
                % {"names": names}
            )


def freeze_base_for_vote(congress: Congress, user, session: Session | None, reason: str):
    """Freeze the base now (members.services.freeze_base) and return the snapshot."""
    from members.services import freeze_base

    return freeze_base(congress, reason, user, session=session)


def vote_adopted(congress: Congress, subject: str, agree: int, base: Base) -> bool:
    """Decide a show-of-hands vote from the frozen base; integers only.

    Decisions of the congress: more than half of the base, ``2 × agree > base``
    (working regulation I.2; QĐ 190 Art. 30(2)); exactly half fails. Example E8
    (election-rules.md §5): base 10, 6 agree → adopted; 5 agree → not adopted.

    A nominee's entry on the election list needs more than 30% of "tổng số đại
    biểu (đảng viên) dự đại hội" (QĐ 190 Art. 14(3), election-rules.md §3.4):
    every party member present, official or not, with the congress's own
    rule settings (RulesSettings), the same reading as the elections app's list checks.
    """
    if subject == Subject.OUTSIDE_NOMINEE:
        present = base.official_present + base.probationary_present + base.temporary_present
        return outside_nominee_approved(agree, present, RulesSettings.for_congress(congress).as_rules())
    return more_than_half(agree, base.base)


def current_session(congress: Congress) -> Session | None:
    item = ProgrammeItem.objects.filter(congress=congress, state=ProgrammeItem.State.IN_PROGRESS).first()
    return item.session if item else None


@transaction.atomic
def record_vote(
    congress: Congress,
    user,
    subject: str,
    target: VoteTarget,
    agree: int,
    disagree: int,
    not_voting: int,
    round: int,
    session: Session | None = None,
) -> ShowOfHandsVote:
    """Record a show-of-hands vote against the base frozen now, and apply its result.

    ``round`` is the round the form was shown for: when another browser
    recorded it meanwhile, this one is refused rather than counted twice.
    Adopting a body gives its members their role in the congress; adopting a
    text version marks it adopted (it is what gets printed).
    """
    congress = _lock_congress(congress)
    if subject not in Subject.values:
        raise CongressError(_("Unknown subject."))
    key = target_key(subject, target)
    previous = ShowOfHandsVote.objects.filter(congress=congress, subject=subject, target_key=key)
    decided = previous.filter(adopted=True).first()
    if decided is not None:
        raise CongressError(
            _("This has already been decided: adopted at %(time)s (round %(round)s).")
            % {"time": timezone.localtime(decided.recorded_at).strftime("%H:%M"), "round": decided.round}
        )
    expected = (previous.aggregate(m=Max("round"))["m"] or 0) + 1
    if round != expected:
        raise CongressError(
            _("This vote has already been recorded (round %(round)s); reload the page to see it.")
            % {"round": expected - 1}
        )
    _check_target(congress, subject, target)
    for value in (agree, disagree, not_voting):
        if value is None or value < 0:
            raise CongressError(_("The numbers of cards cannot be negative."))
    session = session or current_session(congress)
    item = ProgrammeItem.objects.filter(congress=congress, state=ProgrammeItem.State.IN_PROGRESS).first()
    snapshot = freeze_base_for_vote(congress, user, session, reason=str(Subject(subject).label))
    base = snapshot.base
    vote = ShowOfHandsVote(
        congress=congress,
        session=session,
        subject=subject,
        item=item,
        body=target.body if subject in BODY_SUBJECTS else None,
        version=target.version if subject in TEXT_SUBJECTS else None,
        number=target.number if subject == Subject.COMMITTEE_SIZE else None,
        motion=target.motion.strip() if subject in MOTION_SUBJECTS else "",
        target_key=key,
        round=round,
        convened_official=base.convened_official,
        base=base.base,
        threshold=base.threshold,
        official_present=base.official_present,
        agree=agree,
        disagree=disagree,
        not_voting=not_voting,
        adopted=False,
        recorded_by=user,
    )
    vote.snapshot = snapshot
    try:
        # The cards must add up before any result is computed from them.
        vote.clean()
        vote.adopted = vote_adopted(congress, subject, agree, base)
        vote.full_clean()
    except ValidationError as error:
        raise CongressError(" ".join(error.messages)) from error
    try:
        with transaction.atomic():
            vote.save()
    except IntegrityError as error:
        raise CongressError(_("This vote has already been recorded; reload the page to see it.")) from error
    if vote.adopted:
        _apply_adoption(vote)
    return vote


def _apply_adoption(vote: ShowOfHandsVote) -> None:
    if vote.version is not None:
        version = _lock(vote.version)
        version.state = TextVersion.State.ADOPTED
        version.save(update_fields=["state"])
    if vote.body is not None:
        grant_body_roles(vote.body)


def grant_body_roles(body: Body) -> int:
    """Give each member of an adopted body who has a login the matching role (idempotent)."""
    role = {
        Body.Kind.PRESIDIUM: Role.PRESIDIUM,
        Body.Kind.SECRETARIAT: Role.SECRETARIAT,
        Body.Kind.COUNTING_BOARD: Role.COUNTING_BOARD,
    }[body.kind]
    granted = 0
    for member in body.members.exclude(user=None):
        _role, created = CongressRole.objects.get_or_create(congress=body.congress, user=member.user, role=role)
        granted += created
    return granted


def adopted_subjects(congress: Congress) -> set[str]:
    return set(ShowOfHandsVote.objects.filter(congress=congress, adopted=True).values_list("subject", flat=True))


def missing_before_official_session(congress: Congress) -> list[str]:
    """Return what the preparatory session has still to adopt before the official session opens."""
    adopted = adopted_subjects(congress)
    return [str(Subject(s).label) for s in REQUIRED_BEFORE_OFFICIAL if s not in adopted]


# ---------------------------------------------------------------------------
# Run sheet
# ---------------------------------------------------------------------------


@transaction.atomic
def start_next_item(congress: Congress, user, expected_current: int | None) -> tuple[ProgrammeItem | None, list[str]]:
    """Finish the current item and start the next one; return it and any warnings.

    ``expected_current`` is the item the user saw running (None: none): when
    another browser has moved on meanwhile, nothing happens, so a double click
    cannot skip an item.
    """
    congress = _lock_congress(congress)
    items = ProgrammeItem.objects.filter(congress=congress).select_related("session")
    current = items.filter(state=ProgrammeItem.State.IN_PROGRESS).first()
    if (current.pk if current else None) != expected_current:
        raise CongressError(_("The programme has moved on in another window; reload the page."))
    following = items.exclude(state__in=[ProgrammeItem.State.IN_PROGRESS, ProgrammeItem.State.DONE]).order_by("order")
    nxt = following.filter(order__gt=current.order).first() if current else following.first()
    warnings: list[str] = []
    if nxt is not None:
        if nxt.state != ProgrammeItem.State.APPROVED:
            raise CongressError(
                _("The presidium has not approved the next item yet: %(title)s") % {"title": nxt.title}
            )
        opens_official = (
            nxt.session.kind == Session.Kind.OFFICIAL
            and not items.filter(session__kind=Session.Kind.OFFICIAL, started_at__isnull=False).exists()
        )
        if opens_official:
            missing = missing_before_official_session(congress)
            if missing:
                message = _(
                    "The preparatory session has not yet adopted: %(missing)s. The official session cannot open."
                ) % {"missing": ", ".join(missing)}
                if get_settings(congress).gating == CongressSettings.Gating.BLOCK:
                    raise CongressError(message)
                warnings.append(message)
    now = timezone.now()
    if current is not None:
        current.state = ProgrammeItem.State.DONE
        current.ended_at = now
        current.save(update_fields=["state", "ended_at"])
    if nxt is not None:
        nxt.state = ProgrammeItem.State.IN_PROGRESS
        nxt.started_at = now
        nxt.save(update_fields=["state", "started_at"])
        if congress.status == Congress.Status.PREPARING:
            congress.status = Congress.Status.IN_SESSION
            congress.save(update_fields=["status"])
    elif current is not None:
        congress.status = Congress.Status.CLOSED
        congress.save(update_fields=["status"])
    else:
        raise CongressError(_("There is no item left in the programme."))
    return nxt, warnings


def programme_rows(congress: Congress) -> list[dict]:
    """Return the programme for printing: per session, its items with their number and presenter.

    For the documents app: ``[{"session": Session, "items": [{"number": 1,
    "title": …, "presenter": "Đ/c Vân Anh", "kind": …, "planned_start": …}]}]``.
    Numbers restart in each session, as in the seed.
    """
    rows = []
    items = (
        ProgrammeItem.objects.filter(congress=congress)
        .select_related("session", "presenter_body", "presenter_member")
        .prefetch_related("approvals", "documents")
    )
    for session in congress.sessions.order_by("starts_at"):
        mine = [item for item in items if item.session_id == session.pk]
        rows.append(
            {
                "session": session,
                "items": [
                    {
                        "number": number,
                        "title": item.title,
                        "presenter": item.presenter,
                        "kind": item.kind,
                        "planned_start": item.planned_start,
                        "item": item,
                    }
                    for number, item in enumerate(mine, start=1)
                ],
            }
        )
    return rows


# ---------------------------------------------------------------------------
# Bodies (presidium, secretariat, vote-counting board)
# ---------------------------------------------------------------------------


@transaction.atomic
def set_body_members(body: Body, user, members: list[Member]) -> Body:
    """Set the members proposed for a body; refused once the congress has adopted it."""
    body = _lock(body)
    if body.votes.filter(adopted=True).exists():
        raise CongressError(
            _("The congress has adopted %(body)s; its members can no longer change.") % {"body": body.name}
        )
    outsiders = [m for m in members if not _in_congress(body.congress, m)]
    if outsiders:
        raise CongressError(_("This member belongs to another congress."))
    if body.kind == Body.Kind.COUNTING_BOARD:
        # QĐ 190 Art. 8: "một số đảng viên chính thức … không có tên trong danh sách bầu cử".
        not_official = [str(m) for m in members if m.status != Member.Status.OFFICIAL]
        if not_official:
            raise CongressError(
                _("The vote-counting board is made of official members only (QĐ 190 Art. 8): %(names)s.")
                % {"names": ", ".join(not_official)}
            )
    if body.kind == Body.Kind.COUNTING_BOARD:
        on_lists = members_on_election_lists(body.congress) & {m.pk for m in members}
        if on_lists:
            names = ", ".join(str(m) for m in members if m.pk in on_lists)
            raise CongressError(
                _("A member of the vote-counting board may not be on an election list (QĐ 190 Art. 8): %(names)s.")
                % {"names": names}
            )
    set_members_in_order(body, members)
    return body


def set_members_in_order(body: Body, members) -> None:
    """Replace the body's members, keeping the order given (the first of the presidium chairs).

    ``members.set()`` inserts in an order of its own (a set of ids); the printed
    lists read the through rows in insertion order, so add them one by one.
    """
    body.members.clear()
    for member in members:
        body.members.add(member)


def congress_members(congress: Congress):
    """Return the members of the congress's roll, in Vietnamese order of given name."""
    return Member.objects.filter(congress_members__congress=congress).distinct()


# ---------------------------------------------------------------------------
# Speeches (tham luận), working regulation IV.1
# ---------------------------------------------------------------------------


@transaction.atomic
def register_speech(congress: Congress, user, member: Member, title: str, text: str = "", upload=None) -> Speech:
    """Register a written speech with the secretariat; the presidium decides on it."""
    if not _in_congress(congress, member):
        raise CongressError(_("This member belongs to another congress."))
    if not text.strip() and not upload:
        raise CongressError(_("A speech is registered in writing: give its text or attach its file."))
    speech = Speech(
        congress=congress,
        member=member,
        title=title,
        text=text,
        registered_by=user,
        limit_seconds=get_settings(congress).speech_minutes * 60,
    )
    if upload:
        speech.file = upload
    try:
        speech.full_clean()
    except ValidationError as error:
        raise CongressError(" ".join(error.messages)) from error
    speech.save()
    return speech


@transaction.atomic
def decide_speech(speech: Speech, user, approve: bool, comment: str = "") -> Speech:
    """Approve (at the end of the order) or refuse a registered speech."""
    congress = _lock_congress(speech.congress)
    speech = _lock(speech)
    _check_presidium_member(congress, user)
    if speech.state != Speech.State.REGISTERED:
        raise CongressError(_("The presidium has already decided on this speech."))
    if not approve and not comment.strip():
        raise CongressError(_("Say what must change: the comment is required."))
    speech.decided_by = user
    speech.decided_at = timezone.now()
    speech.comment = comment
    if approve:
        last = Speech.objects.filter(congress=congress).aggregate(m=Max("order"))["m"] or 0
        speech.state = Speech.State.APPROVED
        speech.order = last + 1
        speech.limit_seconds = get_settings(congress).speech_minutes * 60
    else:
        speech.state = Speech.State.REJECTED
    speech.save()
    return speech


@transaction.atomic
def move_speech(speech: Speech, user, direction: str) -> Speech:
    congress = _lock_congress(speech.congress)
    speech = _lock(speech)
    _check_presidium_member(congress, user)
    if speech.state != Speech.State.APPROVED:
        raise CongressError(_("Only approved speeches waiting their turn can be reordered."))
    waiting = Speech.objects.filter(congress=congress, state=Speech.State.APPROVED)
    if direction == "up":
        other = waiting.filter(order__lt=speech.order).order_by("-order").first()
    else:
        other = waiting.filter(order__gt=speech.order).order_by("order").first()
    if other is None:
        raise CongressError(_("This speech cannot move further."))
    mine, theirs = speech.order, other.order
    speech.order = None
    speech.save(update_fields=["order"])
    other.order = mine
    other.save(update_fields=["order"])
    speech.order = theirs
    speech.save(update_fields=["order"])
    return speech


@transaction.atomic
def start_speech(speech: Speech, user) -> Speech:
    congress = _lock_congress(speech.congress)
    speech = _lock(speech)
    if speech.state != Speech.State.APPROVED:
        raise CongressError(_("Only a speech approved by the presidium can start."))
    if Speech.objects.filter(congress=congress, state=Speech.State.SPEAKING).exists():
        raise CongressError(_("Another speaker has the floor; finish that speech first."))
    speech.state = Speech.State.SPEAKING
    speech.started_at = timezone.now()
    speech.save(update_fields=["state", "started_at"])
    return speech


@transaction.atomic
def finish_speech(speech: Speech, user) -> tuple[Speech, str | None]:
    """Record that the speaker has finished and for how long; return a warning if over the limit."""
    _lock_congress(speech.congress)
    speech = _lock(speech)
    if speech.state != Speech.State.SPEAKING:
        raise CongressError(_("This speech is not under way; nothing was recorded."))
    speech.ended_at = timezone.now()
    speech.duration_seconds = int((speech.ended_at - speech.started_at).total_seconds())
    speech.state = Speech.State.DELIVERED
    speech.save(update_fields=["state", "ended_at", "duration_seconds"])
    warning = None
    if speech.overran:
        warning = _("%(name)s spoke for %(spoke)s, longer than the %(limit)s allowed (working regulation IV.1).") % {
            "name": speech.member,
            "spoke": minutes_seconds(speech.duration_seconds),
            "limit": minutes_seconds(speech.limit_seconds),
        }
    return speech, warning


def minutes_seconds(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
