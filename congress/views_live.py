"""Views of the congress in session: show-of-hands votes, run sheet, projector."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congress import services
from congress.access import Role, congress_view
from congress.forms import VoteForm
from congress.models import ProgrammeItem, ShowOfHandsVote, TextVersion
from congress.services import CongressError, VoteTarget
from congress.views_programme import ALL

Subject = ShowOfHandsVote.Subject
LIVE_ROLES = (Role.PRESIDIUM, Role.SECRETARIAT)


def current_base(congress):
    """Return the live base (members.services.current_base), or None before the members app has one."""
    try:
        from members.services import current_base as live_base
    except ImportError:
        return None
    return live_base(congress)


# /c/<slug>/votes/


@congress_view(*ALL)
def vote_list(request, congress):
    votes = ShowOfHandsVote.objects.filter(congress=congress).select_related(
        "recorded_by", "body", "version__text", "session"
    )
    return render(
        request,
        "congress/vote_list.html",
        {
            "congress": congress,
            "votes": votes.order_by("-recorded_at"),
            "subjects": Subject.choices,
            "missing": services.missing_before_official_session(congress),
            "is_secretariat": Role.SECRETARIAT in request.congress_roles,
        },
    )


@congress_view(*ALL)
def vote_detail(request, congress, pk):
    vote = get_object_or_404(ShowOfHandsVote.objects.select_related("recorded_by"), congress=congress, pk=pk)
    return render(request, "congress/vote_detail.html", {"congress": congress, "vote": vote})


def _target_for(congress, subject: str, data: dict) -> VoteTarget:
    """Return what a vote on ``subject`` decides: the body, the approved text version, or the number/motion."""
    if subject in services.BODY_SUBJECTS:
        return VoteTarget(body=services.ensure_bodies(congress)[services.BODY_SUBJECTS[subject]])
    if subject in services.TEXT_SUBJECTS:
        version = (
            TextVersion.objects.filter(
                text__congress=congress,
                text__kind=services.TEXT_SUBJECTS[subject],
                state__in=[TextVersion.State.APPROVED, TextVersion.State.ADOPTED],
            )
            .order_by("-number")
            .first()
        )
        return VoteTarget(version=version)
    return VoteTarget(number=data.get("number"), motion=data.get("motion") or "")


@congress_view(Role.SECRETARIAT)
def vote_record(request, congress):
    subject = request.POST.get("subject") or request.GET.get("subject") or Subject.PRESIDIUM
    if subject not in Subject.values:
        subject = Subject.PRESIDIUM
    if request.method == "POST":
        form = VoteForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                vote = services.record_vote(
                    congress,
                    request.user,
                    data["subject"],
                    _target_for(congress, data["subject"], data),
                    data["agree"],
                    data["disagree"],
                    data["not_voting"],
                    data["round"],
                )
            except CongressError as error:
                form.add_error(None, str(error))
                messages.error(request, str(error))
            else:
                if vote.adopted:
                    messages.success(request, _("Recorded: adopted."))
                else:
                    messages.warning(request, _("Recorded: not adopted."))
                return redirect("congress:vote-detail", congress.slug, vote.pk)
    else:
        target = _target_for(congress, subject, {})
        form = VoteForm(initial={"subject": subject, "round": services.next_round(congress, subject, target)})
    target = _target_for(congress, subject, {})
    return render(
        request,
        "congress/vote_form.html",
        {
            "congress": congress,
            "form": form,
            "subject": subject,
            "subject_label": Subject(subject).label,
            "target": target,
            "base": current_base(congress),
            "subjects": Subject.choices,
            "body_members": list(target.body.members.all()) if target.body and hasattr(target.body, "members") else [],
            "decided": services.adopted_subjects(congress),
        },
    )


# /c/<slug>/run/


def _live_context(congress) -> dict:
    items = list(
        ProgrammeItem.objects.filter(congress=congress).select_related("session", "presenter_body", "presenter_member")
    )
    current = next((i for i in items if i.state == ProgrammeItem.State.IN_PROGRESS), None)
    waiting = [i for i in items if i.state not in (ProgrammeItem.State.IN_PROGRESS, ProgrammeItem.State.DONE)]
    if current is not None:
        waiting = [i for i in waiting if i.order > current.order]
    last_vote = ShowOfHandsVote.objects.filter(congress=congress).select_related("body", "version__text").last()
    return {
        "congress": congress,
        "items": items,
        "current": current,
        "next": waiting[0] if waiting else None,
        "last_vote": last_vote,
        # Published election results: filled in by the elections app; never unpublished counts.
        "published_results": published_election_results(congress),
    }


def published_election_results(congress) -> list:
    """Return the election results the presidium has published, for the projector.

    Only sealed and published rounds (elections.services.published_results);
    counts that are not published are never returned here.
    """
    from elections.services import published_results

    return published_results(congress)


@congress_view(*LIVE_ROLES)
def runsheet(request, congress):
    context = _live_context(congress)
    context["missing"] = services.missing_before_official_session(congress)
    context["settings"] = services.get_settings(congress)
    return render(request, "congress/runsheet.html", context)


@congress_view(*LIVE_ROLES)
@require_POST
def runsheet_next(request, congress):
    expected = request.POST.get("current") or None
    try:
        item, warnings = services.start_next_item(congress, request.user, int(expected) if expected else None)
    except (CongressError, ValueError) as error:
        messages.error(request, str(error))
    else:
        for warning in warnings:
            messages.warning(request, warning)
        if item is None:
            messages.success(request, _("The last item is done: the congress is closed."))
    return redirect("congress:runsheet", congress.slug)


# /c/<slug>/projector/


@congress_view(*ALL)
def projector(request, congress):
    return render(request, "congress/projector.html", _live_context(congress))


@congress_view(*ALL)
def projector_fragment(request, congress):
    return render(request, "congress/_projector_content.html", _live_context(congress))
