"""The page where a user creates and revokes their API tokens (/accounts/tokens/)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from api.models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. “Máy quét phiếu bàn 1”."),
    )


@login_required
def tokens(request):
    """List the user's tokens; POST creates one and shows it once."""
    created = None
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            _token, created = ApiToken.issue(request.user, form.cleaned_data["name"])
            form = TokenForm()
    else:
        form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": request.user.api_tokens.all(), "created": created},
    )


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api-tokens")
