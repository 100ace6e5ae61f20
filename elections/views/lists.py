"""Screens of elections and their candidate lists (organisers: secretariat and presidium)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from congress import rules
from congress.access import ALL, COUNT_VIEWERS, ORGANISERS, STAFF, congress_view
from elections import counting, services
from elections.exceptions import ElectionError
from elections.forms import ApprovalForm, CandidateForm, DecisionForm, ElectionForm, SettingsForm, WithdrawForm
from elections.models import Candidate, Election
from elections.views._common import Role, _election, _form_errors, _roles, _round, _service_redirect
from members import services as member_services


@congress_view(*ALL)
def election_list(request, congress):
    elections = congress.elections.prefetch_related("rounds")
    base = member_services.current_base(congress)
    settings = counting.rules_settings(congress)
    return render(
        request,
        "elections/election_list.html",
        {
            "congress": congress,
            "elections": elections,
            "form": ElectionForm(),
            "can_edit": bool(_roles(request) & set(ORGANISERS)),
            "can_journal": bool(_roles(request) & set(STAFF)),
            "base": base,
            "elects_chi_uy": rules.elects_chi_uy(base.convened_official, settings),
        },
    )


@congress_view(*ORGANISERS)
@require_POST
def election_create(request, congress):
    form = ElectionForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("elections:election-list", congress.slug)
    try:
        election = services.create_election(
            congress,
            request.user,
            kind=form.cleaned_data["kind"],
            seats=form.cleaned_data["seats"],
            title=form.cleaned_data["title"],
            upper_congress=form.cleaned_data["upper_congress"],
            seats_approved_yes=form.cleaned_data["seats_approved_yes"],
        )
    except ElectionError as exc:
        messages.error(request, str(exc))
        return redirect("elections:election-list", congress.slug)
    return redirect(election)


@congress_view(*ALL)
def election_detail(request, congress, election_id):
    election = _election(congress, election_id)
    can_edit = bool(_roles(request) & set(ORGANISERS))
    problems = []
    bounds = None
    if election.state in (Election.State.DRAFT, Election.State.LIST_OPEN):
        try:
            problems = services.list_problems(election)
        except rules.RuleError as exc:
            problems = [rules.Problem(rules.ProblemCode.EMPTY_LIST, str(exc))]
        try:
            bounds = rules.surplus_bounds(election.kind, election.seats, counting.rules_settings(congress))
        except rules.RuleError:
            bounds = None
    rounds = list(election.rounds.order_by("number"))
    last = rounds[-1] if rounds else None
    proposal = services.next_round_proposal(last) if last else None
    return render(
        request,
        "elections/election_detail.html",
        {
            "congress": congress,
            "election": election,
            "candidates": election.candidates.select_related("member").order_by("number", "member__given_name"),
            "rounds": rounds,
            "problems": problems,
            "bounds": bounds,
            "can_edit": can_edit,
            "candidate_form": CandidateForm(
                congress=congress, initial={"approval_present": services.members_present(congress)}
            ),
            "approval_form": ApprovalForm(),
            "decision_form": DecisionForm(),
            "proposal": proposal,
            "proposal_round": last,
            "elected": services.elected_member_ids(election),
            "is_board": Role.COUNTING_BOARD in _roles(request),
            "can_see_counts": bool(_roles(request) & set(COUNT_VIEWERS)),
        },
    )


@congress_view(*ORGANISERS)
@require_POST
def list_open(request, congress, election_id):
    election = _election(congress, election_id)
    return _service_redirect(
        request, election, lambda: services.open_nominations(election, request.user), _("Nominations are open.")
    )


@congress_view(*ORGANISERS)
@require_POST
def candidate_add(request, congress, election_id):
    election = _election(congress, election_id)
    form = CandidateForm(request.POST, congress=congress)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(election)
    data = form.cleaned_data

    def call():
        candidate = services.add_candidate(
            election,
            request.user,
            member=data["member"],
            source=data["source"],
            nominated_by=data["nominated_by"],
            approval_yes=data["approval_yes"],
            approval_present=data["approval_present"],
        )
        if candidate.status == Candidate.Status.NOT_APPROVED:
            messages.warning(
                request,
                _("%(name)s is not on the list: not more than %(percent)s%% of the members present agreed.")
                % {"name": candidate.full_name, "percent": counting.rules_model(congress).outside_nominee_percent},
            )
        else:
            messages.success(request, _("%(name)s is on the list.") % {"name": candidate.full_name})

    return _service_redirect(request, election, call)


@congress_view(*ORGANISERS)
@require_POST
def candidate_withdraw(request, congress, election_id, candidate_id):
    election = _election(congress, election_id)
    candidate = get_object_or_404(Candidate, pk=candidate_id, election=election)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(election)
    return _service_redirect(
        request,
        election,
        lambda: services.withdraw_candidate(
            candidate, request.user, reason=form.cleaned_data["reason"], approval_yes=form.cleaned_data["approval_yes"]
        ),
        _("The name is withdrawn from the list."),
    )


@congress_view(*ORGANISERS)
@require_POST
def list_freeze(request, congress, election_id):
    election = _election(congress, election_id)
    form = ApprovalForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(election)
    return _service_redirect(
        request,
        election,
        lambda: services.freeze_list(election, request.user, approval_yes=form.cleaned_data["approval_yes"]),
        _("The list is approved and frozen; ballots can be counted."),
    )


@congress_view(Role.PRESIDIUM, Role.SECRETARIAT)
@require_POST
def round_decide(request, congress, round_id):
    rnd = _round(congress, round_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(rnd.election)
    data = form.cleaned_data
    return _service_redirect(
        request,
        rnd.election,
        lambda: services.decide_next_round(
            rnd, request.user, hold=data["hold"], votes_yes=data["votes_yes"], allow_new_names=data["allow_new_names"]
        ),
        _("The congress's decision is recorded."),
    )


@congress_view(*ORGANISERS)
@require_http_methods(["GET", "POST"])
def election_settings(request, congress):
    form = SettingsForm(
        request.POST or None,
        instance=counting.rules_model(congress),
        initial={"passes_required": counting.settings_for(congress).passes_required},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_settings(congress, request.user, form.cleaned_data)
        except ElectionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The settings are saved."))
            return redirect("elections:settings", congress.slug)
    return render(request, "elections/settings.html", {"congress": congress, "form": form})
