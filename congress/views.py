from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from congress.access import congress_view
from congress.models import Congress
from members.services import dashboard_context


@login_required
def home(request):
    """List the congresses in which the user has a role."""
    congresses = (
        Congress.objects.filter(roles__user=request.user).select_related("organisation").distinct().order_by("-date")
    )
    return render(request, "congress/congress_list.html", {"congresses": congresses})


@congress_view()
def dashboard(request, congress):
    return render(request, "congress/congress_dashboard.html", {"congress": congress, **dashboard_context(congress)})


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
