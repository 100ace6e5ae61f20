"""Shared helpers of the elections screens: lookups scoped to the congress, roles, redirects."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect

from congress.access import run_service
from congress.models import CongressRole
from elections.models import Election, Round

Role = CongressRole.Role


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
    run_service(request, call, success)
    return redirect(*target) if isinstance(target, tuple) else redirect(target)
