"""Speeches (tham luận)."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congress.access import ALL, ORGANISERS, Role, congress_view, run_service
from congress.exceptions import CongressError
from proceedings.forms import CommentForm, SpeechForm
from proceedings.models import Speech
from proceedings.services._base import get_settings
from proceedings.services.speeches import (
    decide_speech,
    finish_speech,
    minutes_seconds,
    move_speech,
    register_speech,
    start_speech,
)


def _speech(congress, pk) -> Speech:
    return get_object_or_404(Speech.objects.select_related("member"), congress=congress, pk=pk)


def _own_member(request):
    return getattr(request.user, "party_member", None)


@congress_view(*ALL)
def speech_list(request, congress):
    speeches = Speech.objects.filter(congress=congress).select_related("member", "decided_by")
    roles = request.congress_roles
    if not roles & {Role.SECRETARIAT, Role.PRESIDIUM}:
        # A member sees the approved order and their own registrations, not others' refused ones.
        member = _own_member(request)
        speeches = [s for s in speeches if s.state != Speech.State.REJECTED or (member and s.member_id == member.pk)]
    return render(
        request,
        "proceedings/speech_list.html",
        {
            "congress": congress,
            "speeches": speeches,
            "is_presidium": Role.PRESIDIUM in roles,
            "is_live": bool(roles & set(ORGANISERS)),
            "minutes": get_settings(congress).speech_minutes,
        },
    )


@congress_view(Role.SECRETARIAT, Role.MEMBER)
def speech_register(request, congress):
    own = None if Role.SECRETARIAT in request.congress_roles else _own_member(request)
    if Role.SECRETARIAT not in request.congress_roles and own is None:
        messages.error(request, _("Your login is not linked to a party member of this congress."))
        return render(request, "proceedings/speech_form.html", {"congress": congress, "form": None})
    form = SpeechForm(request.POST or None, request.FILES or None, congress=congress, member=own)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            register_speech(congress, request.user, data["member"], data["title"], data["text"], data["file"])
        except CongressError as error:
            form.add_error(None, str(error))
            messages.error(request, str(error))
        else:
            messages.success(request, _("The speech was registered; the presidium will decide on it."))
            return redirect("proceedings:speech-list", congress.slug)
    return render(request, "proceedings/speech_form.html", {"congress": congress, "form": form})


@congress_view(*ALL)
def speech_file(request, congress, pk):
    speech = _speech(congress, pk)
    if not speech.file:
        raise Http404
    return FileResponse(speech.file.open("rb"), as_attachment=True, filename=speech.file.name.rsplit("/", 1)[-1])


@congress_view(Role.PRESIDIUM)
@require_POST
def speech_approve(request, congress, pk):
    run_service(
        request,
        lambda: decide_speech(_speech(congress, pk), request.user, approve=True),
        _("The speech was approved."),
    )
    return redirect("proceedings:speech-list", congress.slug)


@congress_view(Role.PRESIDIUM)
@require_POST
def speech_reject(request, congress, pk):
    form = CommentForm(request.POST)
    form.is_valid()
    run_service(
        request,
        lambda: decide_speech(
            _speech(congress, pk), request.user, approve=False, comment=form.cleaned_data.get("comment", "")
        ),
        _("The speech was not accepted."),
    )
    return redirect("proceedings:speech-list", congress.slug)


@congress_view(Role.PRESIDIUM)
@require_POST
def speech_move(request, congress, pk, direction):
    if direction not in ("up", "down"):
        raise Http404
    run_service(request, lambda: move_speech(_speech(congress, pk), request.user, direction))
    return redirect("proceedings:speech-list", congress.slug)


@congress_view(*ORGANISERS)
def speaker(request, congress):
    """The speaker view: who has the floor, the countdown, who is next."""
    speaking = Speech.objects.filter(congress=congress, state=Speech.State.SPEAKING).select_related("member").first()
    waiting = Speech.objects.filter(congress=congress, state=Speech.State.APPROVED).select_related("member")
    elapsed = int((timezone.now() - speaking.started_at).total_seconds()) if speaking else 0
    return render(
        request,
        "proceedings/speaker.html",
        {
            "congress": congress,
            "speaking": speaking,
            "waiting": waiting.order_by("order"),
            "elapsed": elapsed,
            "done": Speech.objects.filter(congress=congress, state=Speech.State.DELIVERED).select_related("member"),
        },
    )


@congress_view(*ORGANISERS)
@require_POST
def speech_start(request, congress, pk):
    run_service(request, lambda: start_speech(_speech(congress, pk), request.user))
    return redirect("proceedings:speaker", congress.slug)


@congress_view(*ORGANISERS)
@require_POST
def speech_finish(request, congress, pk):
    try:
        speech, warning = finish_speech(_speech(congress, pk), request.user)
    except CongressError as error:
        messages.error(request, str(error))
    else:
        if warning:
            messages.warning(request, warning)
        else:
            messages.success(
                request,
                _("Recorded: %(name)s spoke for %(spoke)s.")
                % {"name": speech.member, "spoke": minutes_seconds(speech.duration_seconds)},
            )
    return redirect("proceedings:speaker", congress.slug)
