from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from congress.models import Congress


class CongressForm(forms.ModelForm):
    class Meta:
        model = Congress
        fields = ["ordinal", "term_start", "term_end", "date", "place", "convening_committee", "status"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class SessionTimesForm(forms.Form):
    """The times of the preparatory and official sessions (Nội quy, Điều 1)."""

    preparatory_start = forms.TimeField(
        label=_("Preparatory session from"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    official_start = forms.TimeField(label=_("Official session from"), widget=forms.TimeInput(attrs={"type": "time"}))
    official_end = forms.TimeField(
        label=_("Official session until"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
