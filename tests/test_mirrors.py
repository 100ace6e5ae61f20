"""Copies of the rule book's vocabulary, guarded by test (architecture.md §6, habit 5).

The models store the rule book's values as Django choices, and the API publishes the rule
book's base as a schema. Each pair below must match name for name and value for value, in
the same order: change one side and its test fails until the other follows.
"""

from __future__ import annotations

import dataclasses
import typing
from enum import Enum, StrEnum

import pytest
from django.db import models

from api.schemas import BaseOut
from congress import rules
from elections.models import Election, Round
from members.models import Member


def members_of(enum: type[Enum]) -> list[tuple[str, str]]:
    return [(m.name, m.value) for m in enum]


@pytest.mark.parametrize(
    "choices,rule",
    [
        (Member.Status, rules.Status),
        (Election.Kind, rules.ElectionKind),
        (Round.Form, rules.BallotForm),
    ],
    ids=["Member.Status=rules.Status", "Election.Kind=rules.ElectionKind", "Round.Form=rules.BallotForm"],
)
def test_the_model_choices_are_the_rule_books_values(choices, rule):
    assert members_of(choices) == members_of(rule)


def test_the_mirror_check_sees_a_difference():
    class Choices(models.TextChoices):
        OFFICIAL = "official", "Official"
        PROBATIONARY = "probationary", "Probationary"

    class Rule(StrEnum):
        OFFICIAL = "official"
        PROBATIONARY = "probationary"
        TEMPORARY = "temporary"

    assert members_of(Choices) != members_of(Rule)


def schema_fields(schema) -> list[tuple[str, type]]:
    return [(name, field.annotation) for name, field in schema.model_fields.items()]


def dataclass_fields(cls) -> list[tuple[str, type]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name]) for f in dataclasses.fields(cls)]


def test_the_api_base_schema_is_the_rule_books_base():
    assert schema_fields(BaseOut) == dataclass_fields(rules.Base)


def test_the_api_base_schema_takes_a_computed_base_as_it_is():
    base = rules.compute_base([rules.MemberFacts(rules.Status.OFFICIAL, present=True, attended=True)] * 3)
    assert BaseOut.model_validate(base.as_dict()).model_dump() == base.as_dict()
