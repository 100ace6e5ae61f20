"""Shared helpers of the elections screens: lookups scoped to the congress, roles, redirects."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect

from congress.models import CongressRole
from elections.exceptions import ElectionError
from elections.models import Election, Round

Role = CongressRole.Role

ALL = (Role.SECRETARIAT, Role.PRESIDIUM, Role.COUNTING_BOARD, Role.MEMBER)

STAFF = (Role.SECRETARIAT, Role.PRESIDIUM, Role.COUNTING_BOARD)

ORGANISERS = (Role.SECRETARIAT, Role.PRESIDIUM)

BOARD = (Role.COUNTING_BOARD,)

# Who may see a count before it is published: the board counts, the presidium confirms.
COUNT_VIEWERS = (Role.COUNTING_BOARD, Role.PRESIDIUM)


def _election(congress, election_id) -> Election:
    return get_object_or_404(Election, pk=election_id, congress=congress)


def _round(congress, round_id) -> Round:
    rounds = Round.objects.select_related("election__congress")
    return get_object_or_404(rounds, pk=round_id, election__congress=congress)


def _form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def _roles(request) -> set[str]:
    return getattr(request, "congress_roles", set())


def _service_redirect(request, target, call, success: str | None = None):
    try:
        call()
    except ElectionError as exc:
        messages.error(request, str(exc))
    else:
        if success:
            messages.success(request, success)
    return redirect(*target) if isinstance(target, tuple) else redirect(target)
