"""Vietnamese names: split, dictionary order by given name, diacritic-insensitive search."""

from __future__ import annotations

import unicodedata

import pytest

from members import collation
from members.models import Member
from members.services import roll
from tests.members.factories import member


def test_split_takes_the_first_word_as_family_and_the_last_as_given_name():
    assert collation.split_name("Nguyễn Thị Vân Anh") == ("Nguyễn", "Thị Vân", "Anh")
    assert collation.split_name("  Phạm   Văn Hòa ") == ("Phạm", "Văn", "Hòa")
    assert collation.split_name("Lê Lợi") == ("Lê", "", "Lợi")
    assert collation.split_name("") == ("", "", "")


def test_the_alphabet_puts_modified_letters_after_their_base_letter():
    words = ["y", "x", "v", "ư", "u", "t", "s", "r", "q", "p", "ơ", "ô", "o", "n", "m", "l", "k", "i", "h", "g",
             "ê", "e", "đ", "d", "c", "b", "â", "ă", "a"]  # fmt: skip
    assert [w for w in sorted(words, key=collation.sort_key)] == list("aăâbcdđeêghiklmnoôơpqrstuưvxy")


def test_tones_follow_the_dictionary_order_ngang_huyen_hoi_nga_sac_nang():
    shuffled = ["Họa", "Hóa", "Hõa", "Hỏa", "Hòa", "Hoa"]
    assert sorted(shuffled, key=collation.sort_key) == ["Hoa", "Hòa", "Hỏa", "Hõa", "Hóa", "Họa"]


def test_letters_decide_before_tones():
    # "Hoan" has more letters than every tone of "Hoa"; "Ánh" (a) comes before "Ân" (â).
    assert sorted(["Hoan", "Họa", "Hoa"], key=collation.sort_key) == ["Hoa", "Họa", "Hoan"]
    assert sorted(["Ân", "Ánh", "Anh"], key=collation.sort_key) == ["Anh", "Ánh", "Ân"]
    assert sorted(["Đức", "Dũng", "Dung", "Duy"], key=collation.sort_key) == ["Dung", "Dũng", "Duy", "Đức"]


def test_names_sort_by_given_name_then_middle_then_family():
    names = [
        "Phạm Văn Hòa",
        "Nguyễn Thị Vân Anh",
        "Trần Đức Trình",
        "Vũ Thị Mai",
        "Đỗ Văn Làm",
        "Lê Quang Dũng",
        "Đặng Thị Lan",
        "Bùi Thị Hương",
        "Hoàng Thị Thu Hà",
        "Ngô Minh Tuấn",
        "Phạm Quốc Khánh",
        "Nguyễn Văn Hòa",
        "Đỗ Văn Hòa",
        "Lê Thị Hòa",
    ]
    assert sorted(names, key=collation.sort_key) == [
        "Nguyễn Thị Vân Anh",
        "Lê Quang Dũng",
        "Hoàng Thị Thu Hà",
        "Lê Thị Hòa",  # same given name: middle "Thị" before "Văn"
        "Đỗ Văn Hòa",  # same given and middle: family "Đỗ" before "Nguyễn"
        "Nguyễn Văn Hòa",
        "Phạm Văn Hòa",
        "Bùi Thị Hương",
        "Phạm Quốc Khánh",
        "Đỗ Văn Làm",
        "Đặng Thị Lan",
        "Vũ Thị Mai",
        "Trần Đức Trình",
        "Ngô Minh Tuấn",
    ]


def test_old_and_new_tone_placement_and_nfd_input_sort_as_the_same_name():
    nfd = unicodedata.normalize("NFD", "Hòa")
    assert collation.sort_key("Hoà")[:3] == collation.sort_key("Hòa")[:3] == collation.sort_key(nfd)[:3]


def test_fold_drops_diacritics_case_and_the_bar_of_d():
    assert collation.fold("Nguyễn Thị Vân ANH") == "nguyen thi van anh"
    assert collation.fold("Đặng") == collation.fold("dang") == "dang"
    assert collation.fold("Hoà") == collation.fold("Hòa") == collation.fold("HOA") == "hoa"


@pytest.mark.django_db
def test_search_ignores_diacritics_and_case(congress):
    for name in (
        "Phạm Văn Hòa",
        "Lê Thị Hoà",
        "Trần Văn Hoa",
        "Lê Quang Dũng",
        "Ngô Văn Dung",
        "Đỗ Đức Đạt",
        "Vũ Thị Mai",
    ):
        member(congress, name)

    def found(q):
        return {cm.member.full_name for cm in roll(congress, q)}

    assert found("hoa") == {"Phạm Văn Hòa", "Lê Thị Hoà", "Trần Văn Hoa"}
    assert found("HÒA") == found("hoa")
    assert found("dung") == {"Lê Quang Dũng", "Ngô Văn Dung"}
    assert found("đức") == found("duc") == {"Đỗ Đức Đạt"}
    assert found("d") >= {"Lê Quang Dũng", "Ngô Văn Dung", "Đỗ Đức Đạt"}
    assert found("văn hoa") == {"Phạm Văn Hòa", "Trần Văn Hoa"}
    assert found("") == found(" ") and len(found("")) == 7


@pytest.mark.django_db
def test_the_member_keeps_the_name_as_typed_in_nfc_with_parts_and_search_name(congress):
    typed = unicodedata.normalize("NFD", "  Nguyễn  Thị Vân Anh ")
    m = member(congress, typed).member
    m.refresh_from_db()
    assert m.full_name == unicodedata.normalize("NFC", "Nguyễn Thị Vân Anh")
    assert (m.family_name, m.middle_name, m.given_name) == ("Nguyễn", "Thị Vân", "Anh")
    assert m.search_name == "nguyen thi van anh"
    assert m.short_name == "Đ/c Anh"


@pytest.mark.django_db
def test_a_compound_family_name_typed_by_hand_is_kept(congress):
    m = Member.objects.create(
        organisation=congress.organisation,
        full_name="Tôn Nữ Thị Ngọc Hà",
        family_name="Tôn Nữ",
        middle_name="Thị Ngọc",
        given_name="Hà",
        gender=Member.Gender.FEMALE,
    )
    m.full_clean()
    assert m.parts == ("Tôn Nữ", "Thị Ngọc", "Hà")
