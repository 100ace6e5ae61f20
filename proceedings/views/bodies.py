"""The congress's bodies."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congress.access import ALL, Role, congress_view
from congress.exceptions import CongressError
from proceedings.forms import BodyForm
from proceedings.models import Body
from proceedings.services.bodies import ensure_bodies, set_body_members


@congress_view(*ALL)
def body_list(request, congress):
    bodies = ensure_bodies(congress)
    return render(
        request,
        "proceedings/body_list.html",
        {
            "congress": congress,
            "bodies": [bodies[kind] for kind in Body.Kind.values],
            "is_secretariat": Role.SECRETARIAT in request.congress_roles,
        },
    )


@congress_view(Role.SECRETARIAT)
def body_edit(request, congress, kind):
    if kind not in Body.Kind.values:
        raise Http404
    body = ensure_bodies(congress)[kind]
    form = BodyForm(request.POST or None, congress=congress, initial={"members": list(body.members.all())})
    if request.method == "POST" and form.is_valid():
        try:
            set_body_members(body, request.user, list(form.cleaned_data["members"]))
        except CongressError as error:
            form.add_error(None, str(error))
            messages.error(request, str(error))
        else:
            messages.success(request, _("The members of %(body)s were saved.") % {"body": body.name})
            return redirect("proceedings:body-list", congress.slug)
    return render(request, "proceedings/body_form.html", {"congress": congress, "body": body, "form": form})
