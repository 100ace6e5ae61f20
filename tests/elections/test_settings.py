"""Every [B] rule is a congress setting with the believed default (election-rules.md §0).

The values live in the kernel's RulesSettings (quorum included); the elections keep the entry
passes. One page, "Counting settings", edits both until a list is approved.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from congress import rules
from congress.models import CongressRole, RulesSettings
from elections import counting, services
from elections.exceptions import ElectionError
from elections.forms import SettingsForm
from elections.models import ElectionSettings
from members import services as member_services
from tests.elections.conftest import NAMES, frozen_election

Role = CongressRole.Role
pytestmark = pytest.mark.django_db


def test_the_defaults_are_the_rules_modules_believed_values(congress):
    assert counting.rules_settings(congress) == rules.Settings()
    assert counting.settings_for(congress).passes_required == 2


def test_election_settings_keep_only_what_is_not_a_rule():
    own = {f.name for f in ElectionSettings._meta.concrete_fields} - {"id", "congress"}
    assert own == {"passes_required"}
    assert not own & {f for f in rules.Settings.__dataclass_fields__}


def test_the_form_edits_every_rule_field_and_the_passes():
    assert list(SettingsForm.base_fields) == ["passes_required", *RulesSettings.RULE_FIELDS]
    assert services.SETTINGS_FIELDS == list(SettingsForm.base_fields)


def test_a_congress_changes_a_setting_until_a_list_is_approved(congress, users, roll):
    user = users[Role.PRESIDIUM]
    services.update_settings(congress, user, {"surplus_rounding": "half_up", "passes_required": 1})
    assert counting.rules_settings(congress).surplus_rounding == rules.Rounding.HALF_UP
    assert RulesSettings.objects.get(congress=congress).surplus_rounding == "half_up"
    assert ElectionSettings.objects.get(congress=congress).passes_required == 1
    with pytest.raises(ElectionError, match="lớn hơn tỷ lệ tối đa"):
        services.update_settings(congress, user, {"proposal_surplus_min_percent": 20})
    assert RulesSettings.objects.get(congress=congress).proposal_surplus_min_percent == 10
    frozen_election(congress, users[Role.SECRETARIAT], NAMES[:4])
    with pytest.raises(ElectionError, match="không thể thay đổi thiết lập"):
        services.update_settings(congress, user, {"passes_required": 2})
    with pytest.raises(ElectionError, match="không thể thay đổi thiết lập"):
        services.update_settings(congress, user, {"quorum_numerator": 1})


def test_the_quorum_is_a_rules_setting_the_base_reads(congress, users, roll):
    assert member_services.current_base(congress).quorum_required == 7  # ⌈2/3 × 10⌉
    services.update_settings(congress, users[Role.PRESIDIUM], {"quorum_numerator": 1, "quorum_denominator": 2})
    assert counting.rules_settings(congress).quorum == (1, 2)
    assert member_services.current_base(congress).quorum_required == 5
    with pytest.raises(ElectionError, match="quorum"):
        services.update_settings(congress, users[Role.PRESIDIUM], {"quorum_numerator": 3})


def test_an_unknown_setting_is_a_programming_error(congress, users):
    with pytest.raises(ValueError, match="tie_rule"):
        services.update_settings(congress, users[Role.PRESIDIUM], {"tie_rule": "revote_among_tied"})


def test_the_settings_page_saves_the_rules_and_the_passes(client_for, congress, users):
    url = reverse("elections:settings", args=[congress.slug])
    page = client_for(Role.PRESIDIUM).get(url)
    assert page.status_code == 200
    for name in services.SETTINGS_FIELDS:
        assert f'name="{name}"' in page.content.decode()
    data = {name: value for name, value in rules.Settings().as_dict().items() if name != "tie_rule"}
    data = {name: value for name, value in data.items() if value is not False}  # an unticked box is not sent
    data.update(passes_required=1, quorum_numerator=3, quorum_denominator=4, max_chi_uy_seats=5)
    response = client_for(Role.PRESIDIUM).post(url, data)
    assert response.status_code == 302
    row = RulesSettings.objects.get(congress=congress)
    assert (row.quorum_numerator, row.quorum_denominator, row.max_chi_uy_seats) == (3, 4, 5)
    assert ElectionSettings.objects.get(congress=congress).passes_required == 1
    data.update(quorum_numerator=5)
    response = client_for(Role.PRESIDIUM).post(url, data)
    assert response.status_code == 200  # more than the whole base: refused, nothing saved
    assert RulesSettings.objects.get(congress=congress).quorum_numerator == 3
