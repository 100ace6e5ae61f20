"""Shared pieces of the API operations: roles, the operation decorator, lookups scoped to the congress."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import Http404
from django.shortcuts import get_object_or_404

from api.auth import TokenAuth
from api.errors import error_responses
from congress.models import CongressRole
from elections.models import BallotEntry, Election, Round

Role = CongressRole.Role

# The same role sets as the pages (elections/views/_common.py, members/views.py).


def operation(router, method: str, path: str, roles: Iterable[str], response, **kwargs):
    """Register an operation that needs one of ``roles`` in the congress of the path's ``slug``.

    The roles are published in the OpenAPI document as ``x-roles`` (the API
    permission test reads them, so no operation escapes it).
    """
    roles = tuple(roles)
    responses = {**error_responses(), **(response if isinstance(response, dict) else {200: response})}
    return getattr(router, method)(
        path,
        auth=TokenAuth(roles),
        response=responses,
        openapi_extra={"x-roles": [str(r) for r in roles]},
        **kwargs,
    )


def roles_of(request) -> set[str]:
    return getattr(request, "congress_roles", set())


MAX_ID = 2**31 - 1


def checked_id(value: int) -> int:
    """An id in the database's range; anything else is simply not found (never a database error)."""
    if not 1 <= value <= MAX_ID:
        raise Http404
    return value


def election_of(request, election_id: int) -> Election:
    checked_id(election_id)
    return get_object_or_404(Election, pk=election_id, congress=request.congress)


def round_of(request, round_id: int) -> Round:
    checked_id(round_id)
    rounds = Round.objects.select_related("election__congress")
    return get_object_or_404(rounds, pk=round_id, election__congress=request.congress)


def entry_of(request, entry_id: int) -> BallotEntry:
    checked_id(entry_id)
    entries = BallotEntry.objects.select_related("round__election__congress")
    return get_object_or_404(entries, pk=entry_id, round__election__congress=request.congress)
