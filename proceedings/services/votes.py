"""Show-of-hands votes (rules document §3.10).

Every function takes model instances and the acting user, runs in one transaction and raises
:class:`CongressError` with a message for the user; on error nothing is changed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.exceptions import CongressError
from congress.models import Congress, CongressRole, RulesSettings, Session
from congress.rules import Base, more_than_half, outside_nominee_approved
from members.services import freeze_base
from proceedings.models import Body, CongressText, ProgrammeItem, ShowOfHandsVote, TextVersion
from proceedings.services._base import _lock, _lock_congress
from proceedings.services.bodies import grant_body_roles, members_on_election_lists

Role = CongressRole.Role
Subject = ShowOfHandsVote.Subject


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


def adopted_subjects(congress: Congress) -> set[str]:
    return set(ShowOfHandsVote.objects.filter(congress=congress, adopted=True).values_list("subject", flat=True))


def missing_before_official_session(congress: Congress) -> list[str]:
    """Return what the preparatory session has still to adopt before the official session opens."""
    adopted = adopted_subjects(congress)
    return [str(Subject(s).label) for s in REQUIRED_BEFORE_OFFICIAL if s not in adopted]
