"""Elections and their candidate lists: creating, nominating, withdrawing, approving and freezing."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congress import rules
from congress.models import Congress
from elections import counting
from elections.exceptions import ElectionError
from elections.journal import record
from elections.models import Candidate, Election, Round, RoundCandidate
from elections.services._base import (
    _official_members,
    _order_problems,
    _raise_problems,
    _rule_error,
    board_member_ids,
    elected_chi_uy_ids,
)
from members import services as member_services
from members.models import CongressMember, Member

Kind = Election.Kind


# Elections and lists ----------------------------------------------------------

DEFAULT_TITLES = {
    Kind.CHI_UY: "Bầu Chi ủy Chi bộ nhiệm kỳ {term}",
    Kind.BI_THU: "Bầu Bí thư Chi bộ nhiệm kỳ {term}",
    Kind.PHO_BI_THU: "Bầu Phó Bí thư Chi bộ nhiệm kỳ {term}",
    Kind.DELEGATE: "Bầu đại biểu chính thức đi dự {upper}",
    Kind.ALTERNATE_DELEGATE: "Bầu đại biểu dự khuyết đi dự {upper}",
}


@transaction.atomic
def create_election(
    congress: Congress,
    user,
    *,
    kind: str,
    seats: int,
    title: str = "",
    upper_congress: str = "",
    seats_approved_yes: int | None = None,
) -> Election:
    """Create an election; the kind's rules (QĐ 294) are checked, its order later, when its list opens."""
    settings = counting.rules_settings(congress)
    if congress.elections.filter(kind=kind).exists():
        raise ElectionError(_("This congress already has this election."), "kind")
    try:
        problems = rules.check_election_setup(kind, seats, _official_members(congress), settings)
    except rules.RuleError as exc:
        raise _rule_error(exc) from exc
    _raise_problems([p for p in problems if p.code != rules.ProblemCode.WRONG_ORDER])
    base = member_services.current_base(congress)
    if kind == Kind.CHI_UY and seats_approved_yes is not None:
        _check_show_of_hands(seats_approved_yes, base, _("The number of chi ủy members"))
    election = Election(
        congress=congress,
        kind=kind,
        seats=seats,
        upper_congress=upper_congress,
        seats_approved_yes=seats_approved_yes,
        title=title
        or DEFAULT_TITLES[kind].format(term=congress.term, upper=upper_congress or _("the upper congress")),
    )
    election.full_clean()
    election.save()
    record(
        congress,
        user,
        "elections.election.created",
        election=election,
        summary=election.title,
        after={"kind": kind, "seats": seats, "seats_approved_yes": seats_approved_yes},
    )
    return election


def _check_show_of_hands(yes: int, base: rules.Base, what: str) -> None:
    """A decision of the congress needs more than half of the base (Điều lệ Art. 9(5); §3.2)."""
    if yes < 0 or yes > base.official_present:
        raise ElectionError(
            _("%(yes)s votes in favour is impossible: %(present)s official members are present.")
            % {"yes": yes, "present": base.official_present}
        )
    if not rules.more_than_half(yes, base.base):
        raise ElectionError(
            _("%(what)s is not approved: %(yes)s in favour is not more than half of the base (%(base)s).")
            % {"what": what, "yes": yes, "base": base.base}
        )


def _lock_election(election: Election) -> Election:
    return Election.objects.select_for_update().get(pk=election.pk)


@transaction.atomic
def open_nominations(election: Election, user) -> Election:
    """Open nominations at the congress, once the elections before this one are over (QĐ 294)."""
    election = _lock_election(election)
    if election.state != Election.State.DRAFT:
        raise ElectionError(_("Nominations can be opened only while the proposal is being prepared."))
    _raise_problems(_order_problems(election, counting.rules_settings(election.congress)))
    election.state = Election.State.LIST_OPEN
    election.save(update_fields=["state"])
    record(election.congress, user, "elections.list.opened", election=election, summary=election.title)
    return election


def _preparing_round(election: Election) -> Round | None:
    return election.rounds.filter(state=Round.State.PREPARING).first()


@transaction.atomic
def add_candidate(
    election: Election,
    user,
    *,
    member: Member,
    source: str = Candidate.Source.PROPOSAL,
    nominated_by: str = "",
    approval_yes: int | None = None,
    approval_present: int | None = None,
) -> Candidate:
    """Put a member on the list: the committee's proposal, or a nomination approved by > 30% present.

    QĐ 190 Art. 14(3): a nominee the convening committee did not propose enters
    the list only when more than 30% of the members present agree; a refused
    nominee is recorded as "not approved".
    """
    election = _lock_election(election)
    congress = election.congress
    settings = counting.rules_settings(congress)
    preparing = _preparing_round(election)
    if election.state == Election.State.DRAFT:
        if source != Candidate.Source.PROPOSAL:
            raise ElectionError(_("Nominations at the congress are taken once nominations are open."))
    elif election.state != Election.State.LIST_OPEN:
        raise ElectionError(_("The list is approved: it cannot change any more."))
    if preparing is not None and source == Candidate.Source.PROPOSAL:
        raise ElectionError(_("Names added for a further round are nominations decided by the congress."))
    if member.organisation_id != congress.organisation_id:
        raise ElectionError(_("Only members of this cell can stand."))
    if Candidate.objects.filter(election=election, member=member).exists():
        raise ElectionError(
            _("%(name)s is already on this list (or was already considered).") % {"name": member.full_name}
        )
    facts = CongressMember.objects.filter(congress=congress, member=member).first()
    candidate = Candidate(
        election=election,
        member=member,
        source=source,
        nominated_by=nominated_by,
        approval_yes=approval_yes,
        approval_present=approval_present,
        from_round=preparing.number if preparing else 1,
    )
    problems = rules.check_candidate_list(
        election.kind,
        election.seats,
        [_rules_candidate(candidate, facts, elected_chi_uy_ids(congress))],
        settings,
        present=approval_present,
        counting_board=board_member_ids(congress),
        has_chi_uy=rules.elects_chi_uy(_official_members(congress), settings),
    )
    # The list's length is checked when it is approved; here only this person's standing.
    person = [p for p in problems if p.code not in _LENGTH_CODES]
    if any(p.code == rules.ProblemCode.OUTSIDE_NOMINEE_NOT_APPROVED for p in person):
        if approval_yes is None or approval_present is None:
            raise ElectionError(
                _("Record the show of hands: how many agreed, of how many members present."), "approval_yes"
            )
        if approval_yes > approval_present:
            raise ElectionError(_("More members agreed than are present."), "approval_yes")
        candidate.status = Candidate.Status.NOT_APPROVED
        person = [p for p in person if p.code != rules.ProblemCode.OUTSIDE_NOMINEE_NOT_APPROVED]
    _raise_problems(person)
    candidate.full_clean()
    candidate.save()
    record(
        congress,
        user,
        "elections.candidate.added" if candidate.status == Candidate.Status.ON_LIST else "elections.candidate.refused",
        election=election,
        summary=member.full_name,
        after={
            "member": member.pk,
            "name": member.full_name,
            "source": source,
            "status": candidate.status,
            "approval_yes": approval_yes,
            "approval_present": approval_present,
        },
    )
    return candidate


_LENGTH_CODES = {
    rules.ProblemCode.EMPTY_LIST,
    rules.ProblemCode.LIST_NOT_LONGER_THAN_SEATS,
    rules.ProblemCode.LIST_SHORTER_THAN_SEATS,
    rules.ProblemCode.SURPLUS_TOO_LARGE,
    rules.ProblemCode.TIE_LIST_MISMATCH,
    rules.ProblemCode.NEW_NAMES_NOT_ALLOWED,
}


def _rules_candidate(candidate: Candidate, facts: CongressMember | None, chi_uy_ids: set[int]) -> rules.Candidate:
    member = candidate.member
    official = (
        member.status == Member.Status.OFFICIAL
        and facts is not None
        and facts.convened
        and not (facts.suspended or facts.prosecuted or facts.temporary_elsewhere)
    )
    return rules.Candidate(
        key=member.pk,
        name=member.full_name,
        official_member=official,
        proposed_by_committee=candidate.source == Candidate.Source.PROPOSAL,
        nomination_yes=candidate.approval_yes,
        elected_chi_uy=member.pk in chi_uy_ids,
        ex_officio=bool(facts and facts.ex_officio_delegate),
    )


@transaction.atomic
def withdraw_candidate(candidate: Candidate, user, *, reason: str, approval_yes: int | None = None) -> Candidate:
    """Take a name off the list, as the congress decided (QĐ 190 Arts. 26–28 pattern; 04-HD/TW)."""
    election = _lock_election(candidate.election)
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if election.state not in (Election.State.DRAFT, Election.State.LIST_OPEN):
        raise ElectionError(_("The list is approved: it cannot change any more."))
    if candidate.status != Candidate.Status.ON_LIST:
        raise ElectionError(_("This person is not on the list."))
    if candidate.round_places.exists():
        raise ElectionError(_("This person was on an earlier round's ballot and stays on the record."))
    if not reason.strip():
        raise ElectionError(_("Give the reason for the withdrawal."), "reason")
    candidate.status = Candidate.Status.WITHDRAWN
    candidate.withdrawal_reason = reason.strip()
    candidate.withdrawal_yes = approval_yes
    candidate.save(update_fields=["status", "withdrawal_reason", "withdrawal_yes"])
    record(
        election.congress,
        user,
        "elections.candidate.withdrawn",
        election=election,
        summary=candidate.full_name,
        before={"status": Candidate.Status.ON_LIST},
        after={"status": candidate.status, "reason": candidate.withdrawal_reason, "approval_yes": approval_yes},
    )
    return candidate


def list_problems(election: Election) -> list[rules.Problem]:
    """Check the list as it stands (for the screen and before approval)."""
    congress = election.congress
    settings = counting.rules_settings(congress)
    preparing = _preparing_round(election)
    candidates = _list_for(election, preparing)
    facts = {
        cm.member_id: cm
        for cm in CongressMember.objects.filter(congress=congress, member__in=[c.member_id for c in candidates])
    }
    chi_uy = elected_chi_uy_ids(congress)
    later = None
    seats = election.seats
    if preparing is not None:
        later = _next_round_for_rules(preparing)
        seats = preparing.seats
    problems = rules.check_candidate_list(
        election.kind,
        seats,
        [_rules_candidate(c, facts.get(c.member_id), chi_uy) for c in candidates],
        settings,
        present=None,
        counting_board=board_member_ids(congress),
        has_chi_uy=rules.elects_chi_uy(_official_members(congress), settings),
        later_round=later,
    )
    # Nominees on the list passed Art. 14(3) when they were added, each against the
    # members present at that show of hands (add_candidate); refused ones are not listed.
    return [p for p in problems if p.code != rules.ProblemCode.OUTSIDE_NOMINEE_NOT_APPROVED]


def _list_for(election: Election, preparing: Round | None) -> list[Candidate]:
    qs = election.candidates.filter(status=Candidate.Status.ON_LIST).select_related("member")
    if preparing is None:
        return list(qs.filter(from_round=1))
    carried = [rc.candidate for rc in preparing.names.select_related("candidate__member")]
    return carried + list(qs.filter(from_round=preparing.number))


def _next_round_for_rules(preparing: Round) -> rules.NextRound:
    """The proposal the congress decided on, keyed by member (as list checks key candidates)."""
    return rules.NextRound(
        reason=rules.NextRoundReason.TIE if preparing.tie_revote else rules.NextRoundReason.SHORTFALL,
        seats=preparing.seats,
        candidates=tuple(rc.candidate.member_id for rc in preparing.names.select_related("candidate")),
        may_add_names=preparing.new_names_allowed,
        requires_majority=True,
        congress_decides=True,
    )


@transaction.atomic
def freeze_list(election: Election, user, *, approval_yes: int) -> Round:
    """Approve the list by show of hands and freeze it: numbers, ballot form, base and voters.

    After this, the list, the electorate and the base of the round cannot change
    (the base is frozen in a members.BaseSnapshot). Names are numbered in
    Vietnamese alphabetical order by given name.
    """
    election = _lock_election(election)
    congress = election.congress
    if election.state not in (Election.State.DRAFT, Election.State.LIST_OPEN):
        raise ElectionError(_("The list is already approved."))
    settings = counting.rules_settings(congress)
    preparing = _preparing_round(election)
    if preparing is None:
        _raise_problems(_order_problems(election, settings))
        if election.kind == Kind.CHI_UY and election.seats_approved_yes is None:
            raise ElectionError(_("Record the congress's vote on the number of chi ủy members first."))
    try:
        _raise_problems(list_problems(election))
    except rules.RuleError as exc:
        raise _rule_error(exc) from exc
    base = member_services.current_base(congress)
    _check_show_of_hands(approval_yes, base, _("The list"))
    candidates = _list_for(election, preparing)
    if preparing is None:
        rnd = Round(election=election, number=1, seats=election.seats)
    else:
        rnd = preparing
        rnd.names.all().delete()
    _start_round(rnd, candidates, user)
    if preparing is None:
        for rc in rnd.names.select_related("candidate"):
            Candidate.objects.filter(pk=rc.candidate_id).update(number=rc.number)
        election.list_approved_at = timezone.now()
        election.list_approved_by = user
        election.list_approved_yes = approval_yes
    election.state = Election.State.FROZEN
    election.save()
    record(
        congress,
        user,
        "elections.list.approved",
        election=election,
        round=rnd,
        summary=election.title,
        after={
            "approval_yes": approval_yes,
            "round": rnd.number,
            "names": [[rc.number, rc.candidate.full_name] for rc in rnd.names.select_related("candidate__member")],
            "base": rnd.base,
            "official_present": rnd.official_present,
        },
    )
    return rnd


def _start_round(rnd: Round, candidates: list[Candidate], user) -> Round:
    election = rnd.election
    congress = election.congress
    snapshot = member_services.freeze_base(
        congress, f"{election.title} – lần {rnd.number}" if rnd.number > 1 else election.title, user
    )
    base = snapshot.base
    ordered = sorted(candidates, key=lambda c: c.member.sort_key)
    rnd.base_snapshot = snapshot
    rnd.base = base.base
    rnd.official_present = base.official_present
    rnd.ballots_issued = base.official_present
    rnd.candidate_count = len(ordered)
    try:
        rnd.form = rules.ballot_form(len(ordered), rnd.seats).value
    except rules.RuleError as exc:
        raise _rule_error(exc) from exc
    rnd.state = Round.State.COUNTING
    rnd.save()
    RoundCandidate.objects.bulk_create(
        [RoundCandidate(round=rnd, candidate=c, number=i) for i, c in enumerate(ordered, start=1)]
    )
    return rnd
