from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CongressRecord

#: Documents whose registered number the secretariat types (key → label). The minutes
#: of each count and election keep a blank number, written by hand when registered.
NUMBERED = {
    "attendance": _("Number of the attendance report"),
    "congress-minutes": _("Number of the congress minutes"),
    "resolution": _("Number of the resolution"),
    "results-report": _("Number of the results report"),
}


class RecordForm(forms.ModelForm):
    class Meta:
        model = CongressRecord
        fields = [
            "opened_at",
            "closed_at",
            "upper_representative",
            "upper_remarks",
            "discussion_summary",
            "secretary_name",
            "chair_name",
            "recipients",
        ]
        widgets = {
            "opened_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "closed_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "upper_remarks": forms.Textarea(attrs={"rows": 6}),
            "discussion_summary": forms.Textarea(attrs={"rows": 6}),
            "recipients": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        numbers = self.instance.numbers or {}
        for key, label in NUMBERED.items():
            self.fields[f"number_{key}"] = forms.IntegerField(
                label=label, required=False, min_value=1, initial=numbers.get(key)
            )

    def clean(self):
        cleaned = super().clean()
        opened, closed = cleaned.get("opened_at"), cleaned.get("closed_at")
        if opened and closed and closed <= opened:
            self.add_error("closed_at", _("The congress cannot close before it opens."))
        return cleaned

    def record_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        numbers = dict(self.instance.numbers or {})
        for key in NUMBERED:
            value = self.cleaned_data.get(f"number_{key}")
            if value:
                numbers[key] = value
            else:
                numbers.pop(key, None)
        data["numbers"] = numbers
        return data


class ResolutionForm(forms.Form):
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False)
    assessment = forms.CharField(
        label=_("Assessment of the term"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One paragraph a line; a line starting with “-” is a list item."),
    )
    targets = forms.CharField(label=_("Direction and targets"), widget=forms.Textarea(attrs={"rows": 8}))
    tasks = forms.CharField(label=_("Tasks and measures"), widget=forms.Textarea(attrs={"rows": 8}))
