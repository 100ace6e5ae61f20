import datetime

import pytest
from django.db import IntegrityError

from congress.models import Congress
from congress.numerals import to_roman


@pytest.mark.parametrize("number,roman", [(1, "I"), (4, "IV"), (6, "VI"), (9, "IX"), (14, "XIV"), (40, "XL")])
def test_roman_numerals(number, roman):
    assert to_roman(number) == roman


def test_roman_numerals_refuse_zero():
    with pytest.raises(ValueError):
        to_roman(0)


def test_the_title_reads_like_the_seed(congress):
    assert congress.title == (
        "Đại hội Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh lần thứ VI, nhiệm kỳ 2025 – 2030"
    )


def test_the_database_refuses_a_term_that_ends_before_it_starts(organisation):
    with pytest.raises(IntegrityError):
        Congress.objects.create(
            organisation=organisation,
            slug="x",
            ordinal=1,
            term_start=2030,
            term_end=2025,
            date=datetime.date(2025, 1, 1),
        )
