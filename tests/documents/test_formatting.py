"""Party-format text helpers (Hướng dẫn 36-HD/VPTW; election-rules.md §3.9)."""

from __future__ import annotations

import datetime
import unicodedata

import pytest

from documents.formatting import BLANK, caps, month_text, number_line, percent_text, place_date_line, short_date


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (datetime.date(2025, 5, 8), "Thái Bình, ngày 08 tháng 5 năm 2025"),
        (datetime.date(2025, 1, 5), "Thái Bình, ngày 05 tháng 01 năm 2025"),
        (datetime.date(2018, 2, 20), "Thái Bình, ngày 20 tháng 02 năm 2018"),
        (datetime.date(2025, 3, 1), "Thái Bình, ngày 01 tháng 3 năm 2025"),
        (datetime.date(2025, 12, 31), "Thái Bình, ngày 31 tháng 12 năm 2025"),
    ],
)
def test_place_date_line_day_two_digits_month_zero_only_below_3(date, expected):
    assert place_date_line("Thái Bình", date) == expected


def test_place_date_line_undated_draft_leaves_blanks():
    assert place_date_line("Thái Bình", None, year=2025) == f"Thái Bình, ngày {BLANK} tháng {BLANK} năm 2025"
    assert place_date_line("Thái Bình", None) == f"Thái Bình, ngày {BLANK} tháng {BLANK} năm {BLANK}"


def test_month_text():
    assert [month_text(m) for m in (1, 2, 3, 9, 10, 12)] == ["01", "02", "3", "9", "10", "12"]
    assert short_date(datetime.date(2025, 5, 8)) == "08/5/2025"
    assert short_date(datetime.date(2025, 1, 5)) == "05/01/2025"


def test_number_line_no_colon_two_digits_and_blank():
    assert number_line(1, "BB/ĐH") == "Số 01-BB/ĐH"
    assert number_line(127, "QĐ/TW") == "Số 127-QĐ/TW"
    assert number_line("05", "BB/CB") == "Số 05-BB/CB"
    assert number_line(None, "BB/ĐH") == f"Số {BLANK}-BB/ĐH"
    assert ":" not in number_line(3, "NQ/ĐH")


def test_caps_vietnamese_with_python_upper_nfc_and_nfd():
    text = "Đại hội Chi bộ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"
    expected = "ĐẠI HỘI CHI BỘ LIÊN HIỆP CÁC HỘI KHOA HỌC VÀ KỸ THUẬT TỈNH"
    assert caps(text) == expected
    assert caps(unicodedata.normalize("NFD", text)) == expected
    assert caps("ưu điểm, hạn chế, ặ ợ ữ ỹ đ") == "ƯU ĐIỂM, HẠN CHẾ, Ặ Ợ Ữ Ỹ Đ"


@pytest.mark.parametrize(
    ("votes", "base", "expected"),
    [
        (9, 10, "90,00%"),
        (8, 10, "80,00%"),
        (6, 10, "60,00%"),
        (4, 10, "40,00%"),
        (6, 9, "66,67%"),
        (5, 9, "55,56%"),
        (4, 9, "44,44%"),
        (1, 8, "12,50%"),
        (1, 6, "16,67%"),
        (0, 0, "–"),
    ],
)
def test_percent_text_of_base_half_up_decimal_comma(votes, base, expected):
    """Examples E2 and E5 (election-rules.md §5): percentages of the base B."""
    assert percent_text(votes, base) == expected
