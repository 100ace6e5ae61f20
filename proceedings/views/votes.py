"""Show-of-hands votes."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from congress.access import ALL, Role, congress_view
from congress.exceptions import CongressError
from members.services import current_base as live_base
from proceedings.forms import VoteForm
from proceedings.models import ShowOfHandsVote, TextVersion
from proceedings.services.bodies import ensure_bodies
from proceedings.services.votes import (
    BODY_SUBJECTS,
    TEXT_SUBJECTS,
    VoteTarget,
    adopted_subjects,
    missing_before_official_session,
    next_round,
    record_vote,
)

Subject = ShowOfHandsVote.Subject


def current_base(congress):
    """Return the live base (members.services.current_base), or None before the members app has one."""
    return live_base(congress)


@congress_view(*ALL)
def vote_list(request, congress):
    votes = ShowOfHandsVote.objects.filter(congress=congress).select_related(
        "recorded_by", "body", "version__text", "session"
    )
    return render(
        request,
        "proceedings/vote_list.html",
        {
            "congress": congress,
            "votes": votes.order_by("-recorded_at"),
            "subjects": Subject.choices,
            "missing": missing_before_official_session(congress),
            "is_secretariat": Role.SECRETARIAT in request.congress_roles,
        },
    )


@congress_view(*ALL)
def vote_detail(request, congress, pk):
    vote = get_object_or_404(ShowOfHandsVote.objects.select_related("recorded_by"), congress=congress, pk=pk)
    return render(request, "proceedings/vote_detail.html", {"congress": congress, "vote": vote})


def _target_for(congress, subject: str, data: dict) -> VoteTarget:
    """Return what a vote on ``subject`` decides: the body, the approved text version, or the number/motion."""
    if subject in BODY_SUBJECTS:
        return VoteTarget(body=ensure_bodies(congress)[BODY_SUBJECTS[subject]])
    if subject in TEXT_SUBJECTS:
        version = (
            TextVersion.objects.filter(
                text__congress=congress,
                text__kind=TEXT_SUBJECTS[subject],
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
                vote = record_vote(
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
                return redirect("proceedings:vote-detail", congress.slug, vote.pk)
    else:
        target = _target_for(congress, subject, {})
        form = VoteForm(initial={"subject": subject, "round": next_round(congress, subject, target)})
    target = _target_for(congress, subject, {})
    return render(
        request,
        "proceedings/vote_form.html",
        {
            "congress": congress,
            "form": form,
            "subject": subject,
            "subject_label": Subject(subject).label,
            "target": target,
            "base": current_base(congress),
            "subjects": Subject.choices,
            "body_members": list(target.body.members.all()) if target.body and hasattr(target.body, "members") else [],
            "decided": adopted_subjects(congress),
        },
    )
