"""The settings of the running of the congress."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congress.access import Role, congress_view
from proceedings.forms import SettingsForm
from proceedings.services._base import get_settings


@congress_view(Role.SECRETARIAT, Role.PRESIDIUM)
def settings_edit(request, congress):
    form = SettingsForm(request.POST or None, instance=get_settings(congress))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The settings were saved."))
        return redirect("proceedings:settings-edit", congress.slug)
    return render(request, "proceedings/settings_form.html", {"congress": congress, "form": form})
