"""Shared helpers of the election services: errors, the board, reading an election's state."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from congress import rules
from congress.models import Congress, CongressRole
from elections.exceptions import ElectionError
from elections.models import Candidate, Election, RoundCandidate
from members import services as member_services
from members.models import Member
from proceedings.models import Body

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
