"""Screens of a round's count (the vote-counting board; the presidium confirms and publishes)."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from congress.access import BOARD, COUNT_VIEWERS, congress_view
from elections import counting, services
from elections.exceptions import ElectionError
from elections.forms import BallotCountsForm, CorrectForm, EntryForm, MethodForm, TotalsForm, VoidForm
from elections.models import BallotEntry, Confirmation, Round
from elections.views._common import Role, _form_errors, _roles, _round, _service_redirect


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
