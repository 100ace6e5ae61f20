"""The kernel's pages: the list of one's congresses and the congress's particulars."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.access import SECRETARIAT, congress_view
from congress.exceptions import CongressError
from congress.forms import CongressForm, SessionTimesForm
from congress.models import Congress
from congress.services import ensure_sessions, update_congress


@login_required
def home(request):
    """List the congresses in which the user has a role."""
    congresses = (
        Congress.objects.filter(roles__user=request.user).select_related("organisation").distinct().order_by("-date")
    )
    return render(request, "congress/congress_list.html", {"congresses": congresses})


@congress_view(*SECRETARIAT)
def congress_edit(request, congress):
    """The congress's particulars and its two sessions' times."""
    sessions = ensure_sessions(congress)
    prep, official = sessions["preparatory"], sessions["official"]
    initial = {
        "preparatory_start": timezone.localtime(prep.starts_at).time(),
        "official_start": timezone.localtime(official.starts_at).time(),
        "official_end": timezone.localtime(official.ends_at).time() if official.ends_at else None,
    }
    form = CongressForm(request.POST or None, instance=Congress.objects.get(pk=congress.pk))
    times = SessionTimesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and times.is_valid():
        try:
            update_congress(form.instance, request.user, **times.cleaned_data)
        except CongressError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The congress was saved."))
            return redirect("hall:dashboard", congress.slug)
    return render(request, "congress/congress_form.html", {"congress": congress, "form": form, "times": times})


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
