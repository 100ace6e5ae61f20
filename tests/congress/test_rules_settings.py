"""RulesSettings, the kernel's one home of every [B] value: a mirror of congress.rules.Settings."""

from __future__ import annotations

import dataclasses
from enum import Enum

import pytest

from congress import rules
from congress.models import RulesSettings
from proceedings.models import ShowOfHandsVote
from proceedings.services.votes import vote_adopted

STORED = {f.name for f in RulesSettings._meta.concrete_fields} - {"id", "congress"}


def _single_valued(field: dataclasses.Field) -> bool:
    """A setting whose enum allows one value only (today ``tie_rule``): nothing to choose, nothing stored."""
    return isinstance(field.default, Enum) and len(type(field.default)) == 1


def test_every_rules_setting_has_a_field():
    settings = dataclasses.fields(rules.Settings)
    assert {f.name for f in settings if not _single_valued(f)} == STORED
    assert [f.name for f in settings if _single_valued(f)] == ["tie_rule"]
    assert sorted(RulesSettings.RULE_FIELDS) == sorted(STORED)


@pytest.mark.parametrize("name", sorted(STORED))
def test_each_field_defaults_to_the_believed_value(name):
    default = RulesSettings._meta.get_field(name).default
    believed = getattr(rules.Settings(), name)
    assert default == (believed.value if isinstance(believed, Enum) else believed)


def test_the_rounding_choices_are_the_rules_roundings():
    choices = [value for value, _label in RulesSettings._meta.get_field("surplus_rounding").choices]
    assert choices == [r.value for r in rules.Rounding]


@pytest.mark.django_db
def test_a_new_congress_gets_the_believed_values_once(congress):
    row = RulesSettings.for_congress(congress)
    assert row.as_rules() == rules.Settings()
    assert row.quorum == (2, 3)
    assert RulesSettings.for_congress(congress).pk == row.pk
    assert RulesSettings.objects.filter(congress=congress).count() == 1


@pytest.mark.django_db
def test_an_outside_nominee_is_approved_by_the_congress_own_percentage(congress):
    base = rules.compute_base([rules.MemberFacts(rules.Status.OFFICIAL, present=True, attended=True)] * 10)
    nominee = ShowOfHandsVote.Subject.OUTSIDE_NOMINEE
    assert not vote_adopted(congress, nominee, 3, base)  # 30% exactly: not more than 30%
    assert vote_adopted(congress, nominee, 4, base)
    RulesSettings.objects.filter(congress=congress).update(outside_nominee_percent=40)
    assert not vote_adopted(congress, nominee, 4, base)
    assert vote_adopted(congress, nominee, 5, base)
