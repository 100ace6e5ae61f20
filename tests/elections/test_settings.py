"""Every [B] rule is a congress setting with the believed default (election-rules.md §0)."""

from __future__ import annotations

import pytest

from congress import rules
from congress.models import CongressRole
from elections import counting, services
from elections.exceptions import ElectionError
from elections.models import ElectionSettings
from tests.elections.conftest import NAMES, frozen_election

Role = CongressRole.Role
pytestmark = pytest.mark.django_db


def test_the_defaults_are_the_rules_modules_believed_values(congress):
    assert counting.rules_settings(congress) == rules.Settings()
    assert counting.settings_for(congress).passes_required == 2


def test_every_rules_setting_has_a_field():
    names = {f for f in rules.Settings.__dataclass_fields__} - {"tie_rule", "quorum_numerator", "quorum_denominator"}
    assert names == set(ElectionSettings.RULE_FIELDS)


def test_a_congress_changes_a_setting_until_a_list_is_approved(congress, users, roll):
    user = users[Role.PRESIDIUM]
    services.update_settings(congress, user, {"surplus_rounding": "half_up", "passes_required": 1})
    assert counting.rules_settings(congress).surplus_rounding == rules.Rounding.HALF_UP
    with pytest.raises(ElectionError, match="lớn hơn tỷ lệ tối đa"):
        services.update_settings(congress, user, {"proposal_surplus_min_percent": 20})
    frozen_election(congress, users[Role.SECRETARIAT], NAMES[:4])
    with pytest.raises(ElectionError, match="không thể thay đổi thiết lập"):
        services.update_settings(congress, user, {"passes_required": 2})
