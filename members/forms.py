from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from members.collation import split_name
from members.importing import max_bytes
from members.models import Attendance, CongressMember, Member
from members.services import FACT_FIELDS, MEMBER_FIELDS

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]


class DMYDateField(forms.DateField):
    """A date typed as dd/mm/yyyy, as Vietnamese forms write it."""

    widget = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_FORMATS)
        super().__init__(**kwargs)


class MemberForm(forms.ModelForm):
    class Meta:
        model = Member
        # The login of a member (MEMBER_FIELDS' "user") is given by the site administrator, not here.
        fields = [name for name in MEMBER_FIELDS if name != "user"]
        field_classes = {"birth_date": DMYDateField, "admitted_on": DMYDateField, "official_on": DMYDateField}

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisation is not None:
            self.instance.organisation = organisation
        self.fields["full_name"].widget.attrs["autofocus"] = True

    def clean(self):
        data = super().clean()
        parts = ("family_name", "middle_name", "given_name")
        # A corrected full name with untouched parts: split it again rather than keep stale parts.
        if "full_name" in self.changed_data and not any(p in self.changed_data for p in parts):
            data.update(zip(parts, split_name(data.get("full_name", "")), strict=True))
        if not any(data.get(p) for p in parts):
            data.update(zip(parts, split_name(data.get("full_name", "")), strict=True))
        return data


class FactsForm(forms.ModelForm):
    class Meta:
        model = CongressMember
        fields = FACT_FIELDS


class AttendanceForm(forms.Form):
    state = forms.ChoiceField(label=_("attendance"), choices=Attendance.State.choices)
    reason = forms.CharField(label=_("reason"), max_length=255, required=False)
    absent_whole_congress = forms.BooleanField(label=_("absent for the whole congress"), required=False)
    reason_accepted = forms.BooleanField(label=_("reason accepted by the convening committee"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("reason_accepted") and not data.get("reason"):
            self.add_error("reason", _("A reason can only be accepted once it is written down."))
        if data.get("absent_whole_congress") and data.get("state") == Attendance.State.PRESENT:
            self.add_error("state", _("A member present at a session was not absent for the whole congress."))
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (UTF-8, or as Excel saves it) or XLSX; dates as dd/mm/yyyy."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(
                _("The file is too large (%(size)d KB; at most %(max)d KB).")
                % {"size": upload.size // 1024, "max": max_bytes() // 1024}
            )
        return upload
