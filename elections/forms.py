"""Forms of the elections screens: they turn typed text into domain values; services decide."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from congress import rules
from congress.models import RulesSettings
from elections.models import Candidate, Election, ElectionSettings, Round
from elections.services.results import SETTINGS_FIELDS
from members.models import Member

NUMBER_LIST = re.compile(r"^[\d\s,;.+]*$")


def parse_numbers(text: str) -> list[int]:
    """Parse "2 5", "2,5" or "2;5" into [2, 5]; an empty text is no number."""
    text = (text or "").strip()
    if not NUMBER_LIST.match(text):
        raise forms.ValidationError(_("Type the numbers (STT) separated by spaces or commas, e.g. 2 5."))
    numbers = [int(part) for part in re.split(r"[\s,;.+]+", text) if part]
    if len(set(numbers)) != len(numbers):
        raise forms.ValidationError(_("A number is typed twice."))
    return sorted(numbers)


# One letter per box on a yes/no ballot: c = đồng ý (có), k = không đồng ý.
YES_NO_CODES = {"": "none", "c": "yes", "k": "no", "ck": "both", "kc": "both"}


def parse_yes_no(text: str) -> str:
    code = (text or "").strip().lower().replace(" ", "")
    if code not in YES_NO_CODES:
        raise forms.ValidationError(_("Type c (agree), k (disagree), ck (both boxes) or leave empty (no box)."))
    return YES_NO_CODES[code]


class ElectionForm(forms.ModelForm):
    class Meta:
        model = Election
        fields = ["kind", "seats", "seats_approved_yes", "upper_congress", "title"]
        widgets = {"seats": forms.NumberInput(attrs={"min": 1, "max": 99})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Left empty: the usual title for this kind of election.")


class CandidateForm(forms.Form):
    member = forms.ModelChoiceField(queryset=Member.objects.none(), label=_("Party member"))
    source = forms.ChoiceField(choices=Candidate.Source.choices, label=_("Source"), initial=Candidate.Source.PROPOSAL)
    nominated_by = forms.CharField(label=_("Nominated by"), required=False, max_length=200)
    approval_yes = forms.IntegerField(
        label=_("Members agreeing"),
        required=False,
        min_value=0,
        help_text=_("Nominations at the congress: the show of hands to put the name on the list (> 30% present)."),
    )
    approval_present = forms.IntegerField(label=_("Members present"), required=False, min_value=0)

    def __init__(self, *args, congress=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = Member.objects.filter(
            organisation=congress.organisation, congress_members__congress=congress
        ).order_by("given_name", "full_name")


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)
    approval_yes = forms.IntegerField(label=_("Votes allowing the withdrawal"), required=False, min_value=0)


class ApprovalForm(forms.Form):
    approval_yes = forms.IntegerField(
        label=_("Votes approving the list"), min_value=0, help_text=_("Show of hands: more than half of the base.")
    )


class BallotCountsForm(forms.Form):
    issued = forms.IntegerField(label=_("Ballots issued"), min_value=0)
    collected = forms.IntegerField(label=_("Ballots collected"), min_value=0)


class MethodForm(forms.Form):
    method = forms.ChoiceField(choices=Round.Method.choices, label=_("Counting method"))


FLAG_FIELDS = ("not_issued", "names_added", "distinguishing_marks", "ruled_invalid")


class EntryForm(forms.Form):
    """One ballot: its serial, the numbers crossed out (or the boxes per name), the flags."""

    serial = forms.IntegerField(label=_("Ballot serial"), min_value=1)
    crossed = forms.CharField(label=_("Numbers crossed out"), required=False, max_length=400)
    not_issued = forms.BooleanField(label=_("Not issued by the board"), required=False)
    names_added = forms.BooleanField(label=_("Names added"), required=False)
    distinguishing_marks = forms.BooleanField(label=_("Distinguishing marks"), required=False)
    ruled_invalid = forms.BooleanField(label=_("Ruled invalid by the board"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=200)

    def __init__(self, *args, round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round
        self.numbers = list(range(1, round.candidate_count + 1))
        if round.form == Round.Form.YES_NO:
            del self.fields["crossed"]
            for n in self.numbers:
                self.fields[f"mark_{n}"] = forms.CharField(required=False, max_length=3, label=str(n))

    def clean_crossed(self):
        return parse_numbers(self.cleaned_data.get("crossed", ""))

    def clean(self):
        data = super().clean()
        if self.round.form == Round.Form.STRIKE_OUT:
            data["marks"] = {"crossed": data.get("crossed", [])}
        else:
            agree, disagree = [], []
            for n in self.numbers:
                try:
                    mark = parse_yes_no(data.get(f"mark_{n}", ""))
                except forms.ValidationError as exc:
                    self.add_error(f"mark_{n}", exc)
                    continue
                if mark in ("yes", "both"):
                    agree.append(n)
                if mark in ("no", "both"):
                    disagree.append(n)
            data["marks"] = {"agree": agree, "disagree": disagree}
        data["flags"] = {f: data.get(f, False) for f in FLAG_FIELDS}
        return data


class CorrectForm(EntryForm):
    reason = forms.CharField(label=_("Reason for the correction"), max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["serial"]


class VoidForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class TotalsForm(forms.Form):
    valid = forms.IntegerField(label=_("Valid ballots"), min_value=0)

    def __init__(self, *args, round: Round, names: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.reasons = list(rules.InvalidReason)
        for reason in self.reasons:
            self.fields[f"invalid_{reason.value}"] = forms.IntegerField(
                label=reason.label, min_value=0, initial=0, required=False
            )
        for n, name in names.items():
            self.fields[f"votes_{n}"] = forms.IntegerField(label=f"{n}. {name}", min_value=0)
        self.names = names

    def clean(self):
        data = super().clean()
        data["invalid"] = {r.value: data.get(f"invalid_{r.value}") or 0 for r in self.reasons}
        data["votes"] = {n: data.get(f"votes_{n}") or 0 for n in self.names}
        return data


class DecisionForm(forms.Form):
    hold = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Hold the next round")), ("0", _("Stop: leave the seats vacant"))],
        coerce=lambda v: v == "1",
    )
    votes_yes = forms.IntegerField(label=_("Votes in favour of the decision"), min_value=0, required=False)
    allow_new_names = forms.BooleanField(label=_("New names may be added"), required=False)


class SettingsForm(forms.ModelForm):
    """The counting settings: the kernel's rule values (RulesSettings) and the elections' entry passes."""

    passes_required = ElectionSettings._meta.get_field("passes_required").formfield()

    class Meta:
        model = RulesSettings
        fields = SETTINGS_FIELDS
