from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from proceedings.models import Body, CongressSettings, ItemDocument, ProgrammeItem, ShowOfHandsVote
from proceedings.services._base import congress_members
from proceedings.services.programme import ITEM_FIELDS


class ProgrammeItemForm(forms.ModelForm):
    class Meta:
        model = ProgrammeItem
        fields = ITEM_FIELDS
        widgets = {
            "title": forms.Textarea(attrs={"rows": 3}),
            "planned_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.congress = congress
        self.fields["session"].queryset = congress.sessions.order_by("starts_at")
        self.fields["session"].empty_label = None
        self.fields["presenter_member"].queryset = congress_members(congress)
        self.fields["presenter_body"].queryset = Body.objects.filter(congress=congress)

    def clean(self):
        data = super().clean()
        if not (data.get("presenter_member") or data.get("presenter_body") or data.get("presenter_text", "").strip()):
            raise forms.ValidationError(_("Say who presents the item: a member, a body or a name."))
        return data

    def item_fields(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


def check_upload_size(upload):
    """Refuse a document larger than settings.DOCUMENT_MAX_BYTES (nginx also caps the request)."""
    limit = settings.DOCUMENT_MAX_BYTES
    if upload and upload.size > limit:
        raise forms.ValidationError(
            _("The file is too large (%(size)d KB; at most %(max)d KB).")
            % {"size": upload.size // 1024, "max": limit // 1024}
        )
    return upload


class DocumentForm(forms.ModelForm):
    def clean_file(self):
        return check_upload_size(self.cleaned_data.get("file"))

    class Meta:
        model = ItemDocument
        fields = ["title", "file"]
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"})}


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("comment"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class TextPartForm(forms.Form):
    heading = forms.CharField(label=_("heading"), max_length=255, required=False)
    body = forms.CharField(label=_("text"), widget=forms.Textarea(attrs={"rows": 6}), required=False)


TextPartFormSet = forms.formset_factory(TextPartForm, extra=1)


class SettingsForm(forms.ModelForm):
    class Meta:
        model = CongressSettings
        fields = ["gating", "speech_minutes", "presidium_size"]


class VoteForm(forms.Form):
    """The cards counted in a show-of-hands vote. The result is computed, never entered."""

    subject = forms.ChoiceField(label=_("subject"), choices=ShowOfHandsVote.Subject.choices)
    number = forms.IntegerField(
        label=_("proposed number"),
        min_value=1,
        required=False,
        help_text=_("For the number of cell committee members."),
    )
    motion = forms.CharField(
        label=_("motion"),
        max_length=255,
        required=False,
        help_text=_("What is put to the vote, in a few words (e.g. the nominee's name)."),
    )
    agree = forms.IntegerField(label=_("agree"), min_value=0)
    disagree = forms.IntegerField(label=_("disagree"), min_value=0)
    not_voting = forms.IntegerField(label=_("not voting"), min_value=0)
    round = forms.IntegerField(
        label=_("round"),
        min_value=1,
        help_text=_("A new round only after a vote that was not adopted, when the congress decides to vote again."),
    )


class BodyForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label=_("members"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = congress_members(congress)


class SpeechForm(forms.Form):
    member = forms.ModelChoiceField(label=_("speaker"), queryset=None)
    title = forms.CharField(label=_("title"), max_length=255)
    text = forms.CharField(label=_("text"), widget=forms.Textarea(attrs={"rows": 8}), required=False)
    file = forms.FileField(
        label=_("file"),
        required=False,
        help_text=_("PDF or DOCX, instead of or besides the text."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )

    def __init__(self, *args, congress, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = congress_members(congress)
        if member is not None:
            # A member registers their own speech; the secretariat registers anyone's.
            self.fields["member"].queryset = self.fields["member"].queryset.filter(pk=member.pk)
            self.fields["member"].initial = member
            self.fields["member"].widget = forms.HiddenInput()

    def clean_file(self):
        return check_upload_size(self.cleaned_data.get("file"))
