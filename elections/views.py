"""Elections screens: thin views that check the role, call a service and redirect."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from congress.access import congress_view
from congress.models import CongressRole
from elections import counting, rules, services
from elections.exceptions import ElectionError
from elections.forms import (
    ApprovalForm,
    BallotCountsForm,
    CandidateForm,
    CorrectForm,
    DecisionForm,
    ElectionForm,
    EntryForm,
    MethodForm,
    SettingsForm,
    TotalsForm,
    VoidForm,
    WithdrawForm,
)
from elections.models import BallotEntry, Candidate, Confirmation, Election, JournalEntry, Round

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


# Elections -----------------------------------------------------------------------


@congress_view(*ALL)
def election_list(request, congress):
    elections = congress.elections.prefetch_related("rounds")
    base = services.member_services.current_base(congress)
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


def _service_redirect(request, target, call, success: str | None = None):
    try:
        call()
    except ElectionError as exc:
        messages.error(request, str(exc))
    else:
        if success:
            messages.success(request, success)
    return redirect(*target) if isinstance(target, tuple) else redirect(target)


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
                % {"name": candidate.full_name, "percent": counting.settings_for(congress).outside_nominee_percent},
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


# A round's count -------------------------------------------------------------------------


@congress_view(*COUNT_VIEWERS)
def round_detail(request, congress, round_id):
    rnd = _round(congress, round_id)
    context = {
        "congress": congress,
        "round": rnd,
        "election": rnd.election,
        "names": rnd.names.select_related("candidate__member"),
        "is_board": Role.COUNTING_BOARD in _roles(request),
        "is_presidium": Role.PRESIDIUM in _roles(request),
        "counts_form": BallotCountsForm(initial={"issued": rnd.ballots_issued, "collected": rnd.ballots_collected}),
        "method_form": MethodForm(initial={"method": rnd.method}),
        "passes": range(1, counting.settings_for(congress).passes_required + 1),
    }
    if rnd.state != Round.State.PREPARING:
        problems = services.count_problems(rnd) if not rnd.is_sealed else []
        context["problems"] = problems
        if rnd.is_sealed:
            context["content"] = rnd.result
        elif not problems:
            context["content"] = services.round_content(rnd)
            state = services.confirmation_state(rnd)
            context["confirm_state"] = state
            context["board_needed"] = [(u, u.pk in state.board_done) for u in state.board_needed]
        context["confirmations"] = rnd.confirmations.select_related("user")
    return render(request, "elections/round_detail.html", context)


@congress_view(*BOARD)
@require_POST
def ballot_counts(request, congress, round_id):
    rnd = _round(congress, round_id)
    form = BallotCountsForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("elections:round-detail", congress.slug, rnd.pk)
    return _service_redirect(
        request,
        ("elections:round-detail", congress.slug, rnd.pk),
        lambda: services.record_ballot_counts(rnd, request.user, **form.cleaned_data),
        _("Ballots issued and collected are recorded."),
    )


@congress_view(*BOARD)
@require_POST
def round_method(request, congress, round_id):
    rnd = _round(congress, round_id)
    form = MethodForm(request.POST)
    if form.is_valid():
        try:
            services.set_counting_method(rnd, request.user, form.cleaned_data["method"])
        except ElectionError as exc:
            messages.error(request, str(exc))
    return redirect("elections:round-detail", congress.slug, rnd.pk)


# Above this many names the votes per name are tallied on request only: at national
# scale (220 names, 1,600 ballots) that tally would dominate each save.
RUNNING_VOTES_MAX_NAMES = 50


def _running_totals(rnd: Round, live, names, with_votes: bool) -> dict:
    """The running totals of one pass: counts from the database, votes per name when asked."""
    counts = live.aggregate(entered=Count("id"), valid=Count("id", filter=Q(valid=True)))
    by_reason = live.filter(valid=False).values_list("reason").annotate(n=Count("id")).order_by("reason")
    votes = None
    if with_votes:
        tally = Counter()
        for numbers in live.filter(valid=True).values_list("votes", flat=True):
            tally.update(numbers)
        votes = [(rc, tally.get(rc.number, 0)) for rc in names]
    return {
        "entered": counts["entered"],
        "valid": counts["valid"],
        "invalid": counts["entered"] - counts["valid"],
        "by_reason": [(counting.reason_label(reason), n) for reason, n in by_reason],
        "votes": votes,
    }


def _entry_context(rnd: Round, pass_number: int, form=None, last=None, error=None, with_votes=False) -> dict:
    live = services.live_entries(rnd, pass_number)
    names = list(rnd.names.select_related("candidate__member"))
    if form is None:
        form = EntryForm(round=rnd, initial={"serial": services.next_serial(rnd, pass_number)})
    with_votes = with_votes or rnd.candidate_count <= RUNNING_VOTES_MAX_NAMES
    return {
        "round": rnd,
        "election": rnd.election,
        "pass_number": pass_number,
        "form": form,
        "mark_fields": [(rc, form[f"mark_{rc.number}"]) for rc in names] if rnd.form == Round.Form.YES_NO else [],
        "names": names,
        "recent": list(live.order_by("-entered_at", "-id")[:15]),
        "running": _running_totals(rnd, live, names, with_votes) if rnd.state == Round.State.COUNTING else None,
        "last": last,
        "last_reason": counting.reason_label(last.reason) if last and not last.valid else "",
        "error": error,
        "next_serial": services.next_serial(rnd, pass_number),
    }


@congress_view(*BOARD)
@require_http_methods(["GET", "POST"])
def entry(request, congress, round_id, pass_number):
    """The keyboard-first ballot entry screen of one pass (blind: it shows this pass only)."""
    rnd = _round(congress, round_id)
    if pass_number not in range(1, counting.settings_for(congress).passes_required + 1):
        raise Http404
    if rnd.state == Round.State.PREPARING:
        raise Http404
    htmx = request.headers.get("HX-Request") == "true"
    last = error = None
    form = None
    if request.method == "POST":
        form = EntryForm(request.POST, round=rnd)
        if form.is_valid():
            data = form.cleaned_data
            try:
                last = services.enter_ballot(
                    rnd,
                    request.user,
                    pass_number=pass_number,
                    serial=data["serial"],
                    marks=data["marks"],
                    flags=data["flags"],
                    note=data["note"],
                )
                form = None
            except ElectionError as exc:
                error = str(exc)
        else:
            error = " ".join(str(e) for errors in form.errors.values() for e in errors)
        if not htmx:
            if error:
                messages.error(request, error)
            elif last:
                messages.success(request, _verdict_text(last))
            return redirect("elections:entry", congress.slug, rnd.pk, pass_number)
    rnd.refresh_from_db()
    with_votes = request.GET.get("votes") == "1"
    context = {"congress": congress, **_entry_context(rnd, pass_number, form, last, error, with_votes)}
    if htmx:
        return render(request, "elections/_entry_panel.html", context, status=200)
    return render(request, "elections/entry.html", context)


def _verdict_text(entry: BallotEntry) -> str:
    if entry.valid:
        return _("Ballot %(serial)s: valid.") % {"serial": entry.serial}
    return _("Ballot %(serial)s: invalid (%(reason)s).") % {
        "serial": entry.serial,
        "reason": counting.reason_label(entry.reason),
    }


def _entry(congress, entry_id) -> BallotEntry:
    entries = BallotEntry.objects.select_related("round__election__congress")
    return get_object_or_404(entries, pk=entry_id, round__election__congress=congress)


@congress_view(*BOARD)
@require_POST
def entry_correct(request, congress, entry_id):
    entry = _entry(congress, entry_id)
    form = CorrectForm(request.POST, round=entry.round)
    target = ("elections:entry", congress.slug, entry.round_id, entry.pass_number)
    if request.POST.get("next") == "reconcile":
        target = ("elections:reconcile", congress.slug, entry.round_id)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(*target)
    data = form.cleaned_data
    try:
        new = services.correct_entry(
            entry, request.user, marks=data["marks"], flags=data["flags"], reason=data["reason"], note=data["note"]
        )
    except ElectionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _verdict_text(new))
    return redirect(*target)


@congress_view(*BOARD)
@require_POST
def entry_void(request, congress, entry_id):
    entry = _entry(congress, entry_id)
    form = VoidForm(request.POST)
    target = ("elections:entry", congress.slug, entry.round_id, entry.pass_number)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(*target)
    try:
        services.void_entry(entry, request.user, reason=form.cleaned_data["reason"])
    except ElectionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The entry is voided."))
    return redirect(*target)


@congress_view(*BOARD)
@require_http_methods(["GET", "POST"])
def totals(request, congress, round_id):
    rnd = _round(congress, round_id)
    names = dict(rnd.names.values_list("number", "candidate__member__full_name"))
    existing = getattr(rnd, "totals", None) if rnd.method == Round.Method.TOTALS else None
    initial = {}
    if existing is not None:
        initial = {"valid": existing.valid}
        initial.update({f"invalid_{k}": v for k, v in existing.invalid_reasons.items()})
        initial.update({f"votes_{k}": v for k, v in existing.votes.items()})
    form = TotalsForm(request.POST or None, round=rnd, names=names, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_totals(
                    rnd, request.user, valid=data["valid"], invalid=data["invalid"], votes=data["votes"]
                )
            except ElectionError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("The totals are recorded."))
                return redirect("elections:round-detail", congress.slug, rnd.pk)
        else:
            _form_errors(request, form)
    return render(request, "elections/totals.html", {"congress": congress, "round": rnd, "form": form})


@congress_view(*BOARD)
def reconcile(request, congress, round_id):
    rnd = _round(congress, round_id)
    rec = services.reconciliation(rnd)
    entries = {(e.pass_number, e.serial): e for e in rnd.entries.filter(voided_at__isnull=True)}
    rows = [
        {
            "serial": d.serial,
            "first": services.describe_reading(rnd, d.first),
            "second": services.describe_reading(rnd, d.second),
            "entry_first": entries.get((1, d.serial)),
            "entry_second": entries.get((2, d.serial)),
        }
        for d in rec.differences
    ]
    return render(
        request,
        "elections/reconcile.html",
        {"congress": congress, "round": rnd, "rec": rec, "rows": rows, "correct_form": CorrectForm(round=rnd)},
    )


@congress_view(*COUNT_VIEWERS)
@require_POST
def confirm(request, congress, round_id):
    rnd = _round(congress, round_id)
    role = request.POST.get("role", "")
    if role == Confirmation.Role.BOARD and Role.COUNTING_BOARD not in _roles(request):
        raise PermissionDenied
    if role == Confirmation.Role.PRESIDIUM and Role.PRESIDIUM not in _roles(request):
        raise PermissionDenied
    return _service_redirect(
        request,
        ("elections:round-detail", congress.slug, rnd.pk),
        lambda: services.confirm_round(rnd, request.user, role=role),
        _("Your confirmation is recorded."),
    )


@congress_view(Role.PRESIDIUM)
@require_POST
def publish(request, congress, round_id):
    rnd = _round(congress, round_id)
    return _service_redirect(
        request,
        ("elections:result", congress.slug, rnd.pk),
        lambda: services.publish_round(rnd, request.user),
        _("The result is published and sealed."),
    )


@congress_view(*ALL)
def result(request, congress, round_id):
    """A round's result: everyone once published; before that only the board and the presidium."""
    rnd = _round(congress, round_id)
    content = None
    if rnd.is_sealed:
        content = rnd.result
    elif _roles(request) & set(COUNT_VIEWERS) and not services.count_problems(rnd):
        content = services.round_content(rnd)
    return render(
        request,
        "elections/result.html",
        {"congress": congress, "round": rnd, "election": rnd.election, "content": content},
    )


@congress_view(*ALL)
def count_minutes_pdf(request, congress, round_id):
    """The count minutes of a sealed round, in the Party format, with the digest of the seal."""
    from documents.pdf import document_pdf
    from elections.minutes import count_minutes

    rnd = _round(congress, round_id)
    if not rnd.is_sealed:
        raise Http404
    response = HttpResponse(document_pdf(count_minutes(rnd)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bien-ban-kiem-phieu-{rnd.election.kind}-{rnd.number}.pdf"'
    return response


@congress_view(*ALL)
def projector(request, congress):
    """Published results only, large, for the hall's projector."""
    return render(
        request, "elections/projector.html", {"congress": congress, "results": services.published_results(congress)}
    )


@congress_view(*STAFF)
def journal(request, congress):
    entries = JournalEntry.objects.filter(congress=congress).select_related("actor", "round", "election")
    election_id = request.GET.get("election")
    if election_id and election_id.isdigit():
        entries = entries.filter(election_id=int(election_id))
    return render(
        request,
        "elections/journal.html",
        {
            "congress": congress,
            "entries": entries,
        },
    )


@congress_view(*ORGANISERS)
@require_http_methods(["GET", "POST"])
def election_settings(request, congress):
    instance = counting.settings_for(congress)
    form = SettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_settings(congress, request.user, form.cleaned_data)
        except ElectionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The settings are saved."))
            return redirect("elections:settings", congress.slug)
    return render(request, "elections/settings.html", {"congress": congress, "form": form})
