"""Election workflows: lists, rounds, ballot entry, reconciliation, confirmation, seal.

Every function here is verb-first, takes model instances and the acting user,
runs in one transaction with its journal record, and raises ElectionError with
a message for the user. Counting decisions come from elections.rules through
elections.counting.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.models import Body, Congress, CongressRole
from elections import counting, rules
from elections.exceptions import ElectionError, SealedError
from elections.journal import record
from elections.models import (
    BallotEntry,
    Candidate,
    Confirmation,
    Election,
    ElectionSettings,
    Round,
    RoundCandidate,
    TotalsEntry,
)
from elections.reconcile import Reconciliation, reconcile
from members import services as member_services
from members.models import CongressMember, Member

__all__ = ["ElectionError", "SealedError"]

Role = CongressRole.Role
Kind = Election.Kind


def _rule_error(exc: rules.RuleError) -> ElectionError:
    return ElectionError(str(exc))


def _raise_problems(problems) -> list[str]:
    """Raise on blocking problems; return the warnings' messages."""
    errors = [p.message for p in problems if p.blocking]
    if errors:
        raise ElectionError(" ".join(errors))
    return [p.message for p in problems if not p.blocking]


# People ---------------------------------------------------------------------


def board_users(congress: Congress):
    """Return the users on the vote-counting board of the congress."""
    return get_user_model().objects.filter(congress_roles__congress=congress, congress_roles__role=Role.COUNTING_BOARD)


def board_member_ids(congress: Congress) -> set[int]:
    """Return the party members on the vote-counting board (QĐ 190 Art. 8: none may be a candidate).

    The board is the congress's Body of that kind (adopted by show of hands), and
    every user holding the board's role in the congress.
    """
    by_role = Member.objects.filter(organisation=congress.organisation, user__in=board_users(congress))
    by_body = Member.objects.filter(congress_bodies__congress=congress, congress_bodies__kind=Body.Kind.COUNTING_BOARD)
    return set(by_role.values_list("pk", flat=True)) | set(by_body.values_list("pk", flat=True))


def members_on_lists(congress: Congress) -> set[int]:
    """Return the members on any election list of the congress (for the board's own check)."""
    return set(
        Candidate.objects.filter(election__congress=congress, status=Candidate.Status.ON_LIST).values_list(
            "member_id", flat=True
        )
    )


def _user_is_candidate(user, election: Election) -> bool:
    return (
        Candidate.objects.filter(election=election, member__user=user, status=Candidate.Status.ON_LIST).exists()
        or RoundCandidate.objects.filter(round__election=election, candidate__member__user=user).exists()
    )


def members_present(congress: Congress) -> int:
    """Return the party members present (official, probationary, temporary): the 30% rule counts them all."""
    base = member_services.current_base(congress)
    return base.official_present + base.probationary_present + base.temporary_present


# Reading the state ----------------------------------------------------------


def completed_kinds(congress: Congress) -> set[str]:
    return set(congress.elections.filter(state=Election.State.CLOSED).values_list("kind", flat=True))


def elected_member_ids(election: Election) -> list[int]:
    """Return the members elected in ``election`` so far, round by round, each round in order of votes."""
    ids: list[int] = []
    for rnd in election.rounds.filter(sealed_at__isnull=False).order_by("number"):
        by_number = dict(rnd.names.values_list("number", "candidate__member_id"))
        ids += [by_number[n] for n in rnd.result["elected"]]
    return ids


def elected_chi_uy_ids(congress: Congress) -> set[int]:
    chi_uy = congress.elections.filter(kind=Kind.CHI_UY).first()
    return set(elected_member_ids(chi_uy)) if chi_uy else set()


def _official_members(congress: Congress) -> int:
    return member_services.current_base(congress).convened_official


def _order_problems(election: Election, settings: rules.Settings) -> list[rules.Problem]:
    return rules.check_election_setup(
        election.kind,
        election.seats,
        _official_members(election.congress),
        settings,
        completed=completed_kinds(election.congress),
    )


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


# Counting -------------------------------------------------------------------------


def _lock_round(rnd: Round) -> Round:
    """Lock the round for a change to its count, and refuse if it is sealed or not counting.

    The row lock serialises clerks saving at the same moment on PostgreSQL; on
    SQLite, IMMEDIATE transactions serialise them already.
    """
    locked = Round.objects.select_for_update().select_related("election__congress").get(pk=rnd.pk)
    if locked.sealed_at is not None:
        raise SealedError(_("This round is sealed: nothing of it can change any more."))
    if locked.state != Round.State.COUNTING:
        raise ElectionError(_("This round is not being counted."))
    return locked


def _reset_confirmations(rnd: Round, user) -> None:
    """A change to the count withdraws the confirmations given for the count as it was."""
    confirmations = list(rnd.confirmations.values_list("user__username", "role"))
    if confirmations:
        rnd.confirmations.all().delete()
        record(
            rnd.election.congress,
            user,
            "elections.confirmations.withdrawn",
            round=rnd,
            summary=_("The count changed after it was confirmed."),
            before={"confirmations": [list(c) for c in confirmations]},
        )


@transaction.atomic
def record_ballot_counts(rnd: Round, user, *, issued: int, collected: int) -> Round:
    """Record the ballots issued and collected (counted by the board before the count)."""
    rnd = _lock_round(rnd)
    if issued < 0 or collected < 0:
        raise ElectionError(_("Numbers of ballots cannot be negative."))
    if issued > rnd.official_present:
        raise ElectionError(
            _("%(issued)s ballots issued, but only %(present)s official members present may vote.")
            % {"issued": issued, "present": rnd.official_present},
            "issued",
        )
    if collected > issued:
        raise ElectionError(
            _("%(collected)s ballots collected, but only %(issued)s issued.")
            % {"collected": collected, "issued": issued},
            "collected",
        )
    too_high = rnd.entries.filter(voided_at__isnull=True, serial__gt=issued).values_list("serial", flat=True)
    if too_high:
        raise ElectionError(
            _("Ballots numbered above %(issued)s are already entered: %(serials)s.")
            % {"issued": issued, "serials": ", ".join(str(s) for s in sorted(set(too_high)))}
        )
    before = {"issued": rnd.ballots_issued, "collected": rnd.ballots_collected}
    rnd.ballots_issued, rnd.ballots_collected = issued, collected
    rnd.full_clean()
    rnd.save(update_fields=["ballots_issued", "ballots_collected"])
    _reset_confirmations(rnd, user)
    record(
        rnd.election.congress,
        user,
        "elections.ballots.counted",
        round=rnd,
        before=before,
        after={"issued": issued, "collected": collected},
    )
    return rnd


@transaction.atomic
def set_counting_method(rnd: Round, user, method: str) -> Round:
    rnd = _lock_round(rnd)
    if method not in Round.Method.values:
        raise ElectionError(_("Unknown counting method."))
    if rnd.entries.exists() or TotalsEntry.objects.filter(round=rnd).exists():
        raise ElectionError(_("Counting has started: the method cannot change any more."))
    before = rnd.method
    rnd.method = method
    rnd.save(update_fields=["method"])
    record(rnd.election.congress, user, "elections.round.method", round=rnd, before=before, after=method)
    return rnd


def _check_clerk(rnd: Round, user, pass_number: int) -> None:
    congress = rnd.election.congress
    passes = counting.settings_for(congress).passes_required
    if pass_number not in range(1, passes + 1):
        raise ElectionError(
            _("This congress enters ballots in %(passes)s pass(es); there is no pass %(number)s.")
            % {"passes": passes, "number": pass_number}
        )
    if not CongressRole.objects.filter(congress=congress, user=user, role=Role.COUNTING_BOARD).exists():
        raise ElectionError(_("Only members of the vote-counting board enter ballots."))
    if _user_is_candidate(user, rnd.election):
        raise ElectionError(_("A candidate in this election may not count its ballots (QĐ 190 Art. 8)."))
    if (
        passes == 2
        and rnd.entries.filter(entered_by=user, voided_at__isnull=True).exclude(pass_number=pass_number).exists()
    ):
        raise ElectionError(
            _("You entered the other pass of this round: the two passes must be entered by different people.")
        )


def _clean_marks(rnd: Round, marks: dict) -> dict:
    marks = counting.normalise_marks(rnd.form, marks)
    for numbers in marks.values():
        for n in numbers:
            if not 1 <= n <= rnd.candidate_count:
                raise ElectionError(
                    _("There is no number %(number)s on this ballot (1 to %(count)s).")
                    % {"number": n, "count": rnd.candidate_count},
                    "marks",
                )
    return marks


def _check_serial(rnd: Round, serial: int) -> None:
    issued = rnd.ballots_issued if rnd.ballots_issued is not None else rnd.official_present
    if not 1 <= serial <= issued:
        raise ElectionError(
            _("Ballot serial %(serial)s is out of range: the board issued ballots 1 to %(issued)s.")
            % {"serial": serial, "issued": issued},
            "serial",
        )


def _entry_data(entry: BallotEntry) -> dict:
    return {
        "pass": entry.pass_number,
        "serial": entry.serial,
        "marks": entry.marks,
        "flags": [f for f in counting.FLAGS if getattr(entry, f)],
        "note": entry.note,
        "valid": entry.valid,
        "reason": entry.reason,
        "votes": list(entry.votes),
    }


def _build_entry(rnd: Round, user, pass_number, serial, marks, flags, note, corrects=None) -> BallotEntry:
    settings = counting.rules_settings(rnd.election.congress)
    flags = {f: bool(flags.get(f)) for f in counting.FLAGS}
    if flags["ruled_invalid"] and not note.strip():
        raise ElectionError(_("Say why the board rules this ballot invalid."), "note")
    try:
        verdict = counting.judge(rnd, marks, flags, settings)
    except rules.RuleError as exc:
        raise _rule_error(exc) from exc
    entry = BallotEntry(
        round=rnd,
        pass_number=pass_number,
        serial=serial,
        marks=marks,
        note=note.strip(),
        valid=verdict.valid,
        reason=verdict.reason.value if verdict.reason else "",
        votes=list(verdict.votes),
        entered_by=user,
        corrects=corrects,
        **flags,
    )
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError as exc:
        # Another clerk saved this serial in this pass a moment ago.
        raise ElectionError(
            _("Ballot %(serial)s is already entered in pass %(pass)s.") % {"serial": serial, "pass": pass_number},
            "serial",
        ) from exc
    return entry


@transaction.atomic
def enter_ballot(
    rnd: Round, user, *, pass_number: int, serial: int, marks: dict, flags: dict | None = None, note: str = ""
) -> BallotEntry:
    """Enter one paper ballot in one pass and judge it at once (§3.7).

    Refused: a serial outside the ballots issued, a serial already entered in
    this pass (also when two clerks save it at the same moment: the unique
    constraint on live entries decides), a number not on the list, a clerk who
    is a candidate or who entered the other pass, a sealed round.
    """
    rnd = _lock_round(rnd)
    if rnd.method != Round.Method.BALLOTS:
        raise ElectionError(_("This round is counted by totals."))
    _check_clerk(rnd, user, pass_number)
    _check_serial(rnd, serial)
    marks = _clean_marks(rnd, marks)
    if BallotEntry.objects.filter(round=rnd, pass_number=pass_number, serial=serial, voided_at__isnull=True).exists():
        raise ElectionError(
            _("Ballot %(serial)s is already entered in pass %(pass)s.") % {"serial": serial, "pass": pass_number},
            "serial",
        )
    entry = _build_entry(rnd, user, pass_number, serial, marks, flags or {}, note)
    _reset_confirmations(rnd, user)
    record(
        rnd.election.congress,
        user,
        "elections.ballot.entered",
        round=rnd,
        summary=f"{pass_number}/{serial}",
        after=_entry_data(entry),
    )
    return entry


def _lock_entry(entry: BallotEntry, user) -> tuple[Round, BallotEntry]:
    rnd = _lock_round(entry.round)
    entry = BallotEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.voided_at is not None:
        raise ElectionError(_("This entry was already voided."))
    return rnd, entry


@transaction.atomic
def void_entry(entry: BallotEntry, user, *, reason: str) -> BallotEntry:
    """Void an entry (e.g. a ballot entered under the wrong serial), keeping it on record."""
    rnd, entry = _lock_entry(entry, user)
    _check_board_member(rnd, user)
    if not reason.strip():
        raise ElectionError(_("Give the reason."), "reason")
    entry.voided_at = timezone.now()
    entry.voided_by = user
    entry.void_reason = reason.strip()
    entry.save(update_fields=["voided_at", "voided_by", "void_reason"])
    _reset_confirmations(rnd, user)
    record(
        rnd.election.congress,
        user,
        "elections.ballot.voided",
        round=rnd,
        summary=f"{entry.pass_number}/{entry.serial}: {entry.void_reason}",
        before=_entry_data(entry),
        after={"voided": True, "reason": entry.void_reason},
    )
    return entry


@transaction.atomic
def correct_entry(
    entry: BallotEntry, user, *, marks: dict, flags: dict | None = None, reason: str, note: str = ""
) -> BallotEntry:
    """Correct an entry: void it with the reason and enter what the ballot really says."""
    rnd, entry = _lock_entry(entry, user)
    _check_board_member(rnd, user)
    if not reason.strip():
        raise ElectionError(_("Give the reason for the correction."), "reason")
    marks = _clean_marks(rnd, marks)
    entry.voided_at = timezone.now()
    entry.voided_by = user
    entry.void_reason = reason.strip()
    entry.save(update_fields=["voided_at", "voided_by", "void_reason"])
    new = _build_entry(rnd, user, entry.pass_number, entry.serial, marks, flags or {}, note, corrects=entry)
    _reset_confirmations(rnd, user)
    record(
        rnd.election.congress,
        user,
        "elections.ballot.corrected",
        round=rnd,
        summary=f"{entry.pass_number}/{entry.serial}: {entry.void_reason}",
        before=_entry_data(entry),
        after=_entry_data(new),
    )
    return new


def _check_board_member(rnd: Round, user) -> None:
    congress = rnd.election.congress
    if not CongressRole.objects.filter(congress=congress, user=user, role=Role.COUNTING_BOARD).exists():
        raise ElectionError(_("Only members of the vote-counting board change the count."))
    if _user_is_candidate(user, rnd.election):
        raise ElectionError(_("A candidate in this election may not count its ballots (QĐ 190 Art. 8)."))


@transaction.atomic
def record_totals(rnd: Round, user, *, valid: int, invalid: dict[str, int], votes: dict[int, int]) -> TotalsEntry:
    """Record a count by totals; refused when its arithmetic does not add up (§3.8, product.md)."""
    rnd = _lock_round(rnd)
    if rnd.method != Round.Method.TOTALS:
        raise ElectionError(_("This round is counted ballot by ballot."))
    _check_board_member(rnd, user)
    if rnd.ballots_collected is None:
        raise ElectionError(_("Record the ballots issued and collected first."))
    unknown = [str(n) for n in votes if not 1 <= int(n) <= rnd.candidate_count]
    if unknown:
        raise ElectionError(
            _("There is no number %(number)s on this ballot (1 to %(count)s).")
            % {"number": ", ".join(unknown), "count": rnd.candidate_count}
        )
    invalid = {k: int(v) for k, v in invalid.items() if int(v)}
    votes = {int(n): int(v) for n, v in votes.items()}
    try:
        totals = counting.totals_from_hand_count(rnd, valid, invalid, votes)
    except ValueError as exc:
        raise ElectionError(str(exc)) from exc
    _raise_problems(rules.check_totals(totals, _names(rnd)))
    existing = TotalsEntry.objects.filter(round=rnd).first()
    before = existing and {"valid": existing.valid, "invalid": existing.invalid_reasons, "votes": existing.votes}
    entry = existing or TotalsEntry(round=rnd)
    entry.valid = valid
    entry.invalid = sum(invalid.values())
    entry.invalid_reasons = invalid
    entry.votes = {str(n): v for n, v in sorted(votes.items())}
    entry.entered_by = user
    entry.save()
    _reset_confirmations(rnd, user)
    record(
        rnd.election.congress,
        user,
        "elections.totals.recorded",
        round=rnd,
        before=before or None,
        after={"valid": valid, "invalid": invalid, "votes": entry.votes},
    )
    return entry


def _names(rnd: Round) -> dict[int, str]:
    return {rc.number: rc.candidate.member.full_name for rc in rnd.names.select_related("candidate__member")}


def live_entries(rnd: Round, pass_number: int):
    return rnd.entries.filter(pass_number=pass_number, voided_at__isnull=True)


def next_serial(rnd: Round, pass_number: int) -> int | None:
    """Return the lowest serial not yet entered in this pass, or None when all issued ballots are in."""
    issued = rnd.ballots_issued if rnd.ballots_issued is not None else rnd.official_present
    used = set(live_entries(rnd, pass_number).values_list("serial", flat=True))
    return next((s for s in range(1, issued + 1) if s not in used), None)


def _reading(entry: BallotEntry) -> tuple:
    """What a pass read on a ballot: the marks and the flags (the verdict follows from them)."""
    marks = tuple((k, tuple(v)) for k, v in sorted(entry.marks.items()))
    return (marks, tuple(f for f in counting.FLAGS if getattr(entry, f)))


def reconciliation(rnd: Round) -> Reconciliation:
    passes = counting.settings_for(rnd.election.congress).passes_required
    by_pass: dict[int, dict[int, tuple]] = {1: {}, 2: {}}
    for entry in rnd.entries.filter(voided_at__isnull=True):
        by_pass[entry.pass_number][entry.serial] = _reading(entry)
    return reconcile(
        by_pass[1],
        by_pass[2],
        collected=rnd.ballots_collected,
        passes=passes,
        messages={
            "no_collected": _("The number of ballots collected has not been recorded."),
            "count": _("Pass {pass_number} holds {count} ballots; {collected} were collected."),
        },
    )


def describe_reading(rnd: Round, reading: tuple | None) -> str:
    """Say in words what a pass read on a ballot, for the reconciliation screen."""
    if reading is None:
        return _("not entered")
    marks = dict(reading[0])
    if rnd.form == Round.Form.STRIKE_OUT:
        crossed = marks.get("crossed", ())
        text = _("crossed out: %(numbers)s") % {"numbers": " ".join(map(str, crossed)) or "—"}
    else:
        text = _("agree: %(agree)s; disagree: %(disagree)s") % {
            "agree": " ".join(map(str, marks.get("agree", ()))) or "—",
            "disagree": " ".join(map(str, marks.get("disagree", ()))) or "—",
        }
    flags = reading[1]
    if flags:
        labels = {
            "not_issued": _("not issued by the board"),
            "names_added": _("names added"),
            "distinguishing_marks": _("distinguishing marks"),
            "ruled_invalid": _("ruled invalid by the board"),
        }
        text += "; " + ", ".join(str(labels[f]) for f in flags)
    return text


def round_totals(rnd: Round) -> rules.Totals | None:
    """The round's figures: pass 1 of a ballot-by-ballot count (equal to pass 2 once reconciled), or the totals."""
    if rnd.method == Round.Method.TOTALS:
        entry = TotalsEntry.objects.filter(round=rnd).first()
        if entry is None:
            return None
        return counting.totals_from_hand_count(rnd, entry.valid, entry.invalid_reasons, entry.votes)
    return counting.tally_entries(rnd, live_entries(rnd, 1).values_list("valid", "reason", "votes"))


def count_problems(rnd: Round) -> list[str]:
    """Return what blocks confirming the count: missing figures, disagreeing passes, arithmetic."""
    problems: list[str] = []
    if rnd.ballots_collected is None:
        return [_("Record the ballots issued and collected first.")]
    if rnd.method == Round.Method.BALLOTS:
        rec = reconciliation(rnd)
        problems += list(rec.problems)
        if rec.differences:
            problems.append(
                _("The two passes differ on ballots %(serials)s.")
                % {"serials": ", ".join(str(d.serial) for d in rec.differences)}
            )
    totals = round_totals(rnd)
    if totals is None:
        problems.append(_("The totals have not been entered."))
    else:
        if rnd.method == Round.Method.BALLOTS:
            # Reconciliation compares the entries with the ballots collected; here the figures.
            totals = dataclasses.replace(totals, collected=rnd.ballots_collected)
        problems += [p.message for p in rules.check_totals(totals, _names(rnd)) if p.blocking]
    return problems


def round_result(rnd: Round, totals: rules.Totals | None = None) -> rules.Result:
    totals = totals or round_totals(rnd)
    settings = counting.rules_settings(rnd.election.congress)
    return rules.compute_result(dict(totals.votes), rnd.base, rnd.seats, settings, tie_revote=rnd.tie_revote)


def round_content(rnd: Round) -> dict:
    """Return the canonical content of a round's result: what is confirmed, sealed and digested."""
    election = rnd.election
    congress = election.congress
    settings = counting.rules_settings(congress)
    totals = round_totals(rnd)
    if totals is None:
        raise ElectionError(_("The totals have not been entered."))
    try:
        result = round_result(rnd, totals)
        outcome = rules.round_outcome(election.kind, rnd.number, result, settings)
    except rules.RuleError as exc:
        raise _rule_error(exc) from exc
    names = _names(rnd)
    base = rnd.base_snapshot.data if rnd.base_snapshot_id else {"base": rnd.base}
    return {
        "congress": {"slug": congress.slug, "title": congress.title},
        "election": {"kind": election.kind, "title": election.title, "seats": election.seats},
        "round": {
            "number": rnd.number,
            "seats": rnd.seats,
            "form": rnd.form,
            "method": rnd.method,
            "tie_revote": rnd.tie_revote,
            "passes": counting.settings_for(congress).passes_required if rnd.method == Round.Method.BALLOTS else 1,
        },
        "base": base,
        "totals": {
            "official_present": totals.official_present,
            "issued": totals.issued,
            "collected": totals.collected,
            "valid": totals.valid,
            "invalid": {str(k): v for k, v in totals.invalid.items()},
            "invalid_total": totals.invalid_total,
        },
        "candidates": [
            {
                "number": line.key,
                "name": names[line.key],
                "votes": line.votes,
                "percent": line.percent,
                "eligible": line.eligible,
                "elected": line.elected,
                "tied": line.tied,
                "rank": line.rank,
            }
            for line in result.candidates
        ],
        "elected": list(result.elected),
        "tied": list(result.tied),
        "vacancies": result.vacancies,
        "next_round": rules._plain(result.next_round) if result.next_round else None,
        "outcome": outcome.value,
        "settings": settings.as_dict(),
    }


def content_digest(rnd: Round) -> str:
    return rules.digest(round_content(rnd))


# Confirmation, publication, seal ---------------------------------------------------


@dataclass(frozen=True)
class ConfirmationState:
    board_needed: list  # users
    board_done: set[int]
    presidium_done: bool
    digest: str | None


def confirmation_state(rnd: Round) -> ConfirmationState:
    digest = None
    if not count_problems(rnd):
        digest = content_digest(rnd)
    current = rnd.confirmations.filter(digest=digest) if digest else rnd.confirmations.none()
    return ConfirmationState(
        board_needed=list(board_users(rnd.election.congress).order_by("username")),
        board_done=set(current.filter(role=Confirmation.Role.BOARD).values_list("user_id", flat=True)),
        presidium_done=current.filter(role=Confirmation.Role.PRESIDIUM).exists(),
        digest=digest,
    )


@transaction.atomic
def confirm_round(rnd: Round, user, *, role: str) -> Confirmation:
    """Confirm the count: each board member, then the presidium (after every board member)."""
    rnd = _lock_round(rnd)
    congress = rnd.election.congress
    problems = count_problems(rnd)
    if problems:
        raise ElectionError(" ".join(str(p) for p in problems))
    state = confirmation_state(rnd)
    if role == Confirmation.Role.BOARD:
        _check_board_member(rnd, user)
    elif role == Confirmation.Role.PRESIDIUM:
        if not CongressRole.objects.filter(congress=congress, user=user, role=Role.PRESIDIUM).exists():
            raise ElectionError(_("Only the presidium confirms for the presidium."))
        missing = [u for u in state.board_needed if u.pk not in state.board_done]
        if missing:
            raise ElectionError(
                _("Every member of the vote-counting board confirms first; still missing: %(names)s.")
                % {"names": ", ".join(u.get_full_name() or u.username for u in missing)}
            )
    else:
        raise ElectionError(_("Unknown role."))
    if rnd.confirmations.filter(user=user, role=role).exists():
        raise ElectionError(_("You have already confirmed this count."))
    confirmation = Confirmation.objects.create(round=rnd, user=user, role=role, digest=state.digest)
    record(
        congress,
        user,
        f"elections.count.confirmed.{role}",
        round=rnd,
        summary=state.digest,
        after={"digest": state.digest, "role": role},
    )
    return confirmation


@transaction.atomic
def publish_round(rnd: Round, user) -> Round:
    """Publish the result and seal the round: from now nothing of it can change, in the app or the database."""
    rnd = _lock_round(rnd)
    congress = rnd.election.congress
    if not CongressRole.objects.filter(congress=congress, user=user, role=Role.PRESIDIUM).exists():
        raise ElectionError(_("Only the presidium publishes results."))
    problems = count_problems(rnd)
    if problems:
        raise ElectionError(" ".join(str(p) for p in problems))
    state = confirmation_state(rnd)
    if not state.presidium_done or any(u.pk not in state.board_done for u in state.board_needed):
        raise ElectionError(_("The board and the presidium must confirm this count before it is published."))
    content = round_content(rnd)
    digest = rules.digest(content)
    now = timezone.now()
    rnd.result = content
    rnd.digest = digest
    rnd.state = Round.State.SEALED
    rnd.sealed_at = now
    rnd.published_at = now
    rnd.sealed_by = user
    rnd.save()
    election = _lock_election(rnd.election)
    outcome = rules.RoundOutcome(content["outcome"])
    if outcome == rules.RoundOutcome.COMPLETE:
        election.state, election.outcome = Election.State.CLOSED, Election.Outcome.COMPLETE
    elif outcome == rules.RoundOutcome.UPPER_COMMITTEE_APPOINTS:
        election.state, election.outcome = Election.State.CLOSED, Election.Outcome.APPOINTED
        election.outcome_note = outcome.label
    election.save(update_fields=["state", "outcome", "outcome_note"])
    rnd.election = election
    record(
        congress,
        user,
        "elections.round.published",
        round=rnd,
        summary=digest,
        after={"digest": digest, "elected": content["elected"], "outcome": content["outcome"]},
    )
    return rnd


def next_round_proposal(rnd: Round) -> dict | None:
    """Return the proposal for the round after a sealed round (tie re-vote or shortfall), if any."""
    if rnd.sealed_at is None or rnd.result.get("next_round") is None:
        return None
    if rnd.election.state == Election.State.CLOSED or rnd.election.rounds.filter(number__gt=rnd.number).exists():
        return None
    proposal = dict(rnd.result["next_round"])
    names = dict(rnd.names.values_list("number", "candidate__member__full_name"))
    proposal["names"] = [names[n] for n in proposal["candidates"]]
    proposal["outcome"] = rnd.result["outcome"]
    proposal["outcome_label"] = rules.RoundOutcome(rnd.result["outcome"]).label
    return proposal


@transaction.atomic
def decide_next_round(
    rnd: Round, user, *, hold: bool, votes_yes: int | None = None, allow_new_names: bool = False
) -> Round | None:
    """Record the congress's decision after a tie or a shortfall, and start the next round if it holds one.

    §3.3 items 4–5: the next round is for the remaining seats, among the tied
    (a tie) or the non-elected (a shortfall); whether to hold it and whether new
    names may be added are decided by show of hands. The bí thư election has at
    most ``bi_thu_max_rounds`` rounds (QĐ 294), then the upper committee appoints.
    """
    election = _lock_election(rnd.election)
    rnd = Round.objects.get(pk=rnd.pk)
    congress = election.congress
    proposal = next_round_proposal(rnd)
    if proposal is None:
        raise ElectionError(_("There is no further round to decide on."))
    outcome = rules.RoundOutcome(proposal["outcome"])
    base = member_services.current_base(congress)
    if outcome == rules.RoundOutcome.CONGRESS_DECIDES:
        if votes_yes is None:
            raise ElectionError(_("Record the show of hands."), "votes_yes")
        _check_show_of_hands(votes_yes, base, _("The decision"))
    elif not hold:
        raise ElectionError(_("This election goes on to a further round."))
    if allow_new_names and (proposal["reason"] != rules.NextRoundReason.SHORTFALL or not hold):
        raise ElectionError(_("New names may be added only to a round after a shortfall."))
    if not hold:
        election.state = Election.State.CLOSED
        election.outcome = Election.Outcome.STOPPED
        election.outcome_note = _(
            "The congress decided not to hold a further round; %(seats)s seat(s) stay vacant."
        ) % {"seats": proposal["seats"]}
        election.save(update_fields=["state", "outcome", "outcome_note"])
        record(
            congress,
            user,
            "elections.round.stopped",
            round=rnd,
            summary=election.outcome_note,
            after={"hold": False, "votes_yes": votes_yes},
        )
        return None
    carried = [
        rc.candidate for rc in rnd.names.select_related("candidate__member").filter(number__in=proposal["candidates"])
    ]
    new = Round(
        election=election,
        number=rnd.number + 1,
        seats=proposal["seats"],
        decided_yes=votes_yes,
        new_names_allowed=allow_new_names,
        tie_revote=proposal["reason"] == rules.NextRoundReason.TIE,
        state=Round.State.PREPARING,
    )
    new.save()
    if allow_new_names:
        # The carried names wait on the preparing round; nominations reopen for new ones.
        RoundCandidate.objects.bulk_create(
            [RoundCandidate(round=new, candidate=c, number=i) for i, c in enumerate(carried, start=1)]
        )
        election.state = Election.State.LIST_OPEN
        election.save(update_fields=["state"])
    else:
        _start_round(new, carried, user)
    record(
        congress,
        user,
        "elections.round.decided",
        round=new,
        summary=_("Round %(number)s") % {"number": new.number},
        after={
            "hold": True,
            "votes_yes": votes_yes,
            "seats": new.seats,
            "candidates": [c.full_name for c in carried],
            "new_names_allowed": allow_new_names,
            "reason": proposal["reason"],
        },
    )
    return new


@transaction.atomic
def update_settings(congress: Congress, user, changes: dict) -> ElectionSettings:
    """Change the congress's counting settings; refused once any list is approved (the rules must not move)."""
    settings = ElectionSettings.objects.select_for_update().get(pk=counting.settings_for(congress).pk)
    if Round.objects.filter(election__congress=congress).exists():
        raise ElectionError(_("A list is already approved: the counting settings cannot change any more."))
    before = {name: getattr(settings, name) for name in changes}
    for name, value in changes.items():
        setattr(settings, name, value)
    try:
        settings.rules_settings()
    except rules.RuleError as exc:
        raise _rule_error(exc) from exc
    settings.full_clean()
    settings.save()
    congress._election_settings_cache = settings
    record(congress, user, "elections.settings.changed", before=before, after=changes)
    return settings


# What others may show --------------------------------------------------------------


def published_results(congress: Congress) -> list[dict]:
    """Return the published, sealed results of the congress as plain data (for the projector and documents).

    Only sealed and published rounds, taken from their sealed content: nothing
    unpublished, nothing recomputed.
    """
    rounds = (
        Round.objects.filter(election__congress=congress, sealed_at__isnull=False, published_at__isnull=False)
        .select_related("election")
        .order_by("election__order", "number")
    )
    out = []
    for rnd in rounds:
        content = rnd.result
        by_number = {c["number"]: c for c in content["candidates"]}
        out.append(
            {
                "election": rnd.election.title,
                "kind": rnd.election.kind,
                "round": rnd.number,
                "seats": rnd.seats,
                "base": content["base"]["base"],
                "totals": content["totals"],
                "candidates": content["candidates"],
                "elected": [by_number[n] for n in content["elected"]],
                "tied": [by_number[n] for n in content["tied"]],
                "vacancies": content["vacancies"],
                "outcome": content["outcome"],
                "outcome_label": rules.RoundOutcome(content["outcome"]).label,
                "digest": rnd.digest,
                "published_at": rnd.published_at,
            }
        )
    return out
