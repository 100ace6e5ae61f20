"""Text helpers for printed documents: Party-format dates, numbers, capitals, percentages.

Everything here is display only. Decisions (elected, adopted, quorum) come from
``congress.rules`` through the snapshots; nothing here decides anything.
"""

from __future__ import annotations

import datetime
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

#: Stands for a number or a date part still to be filled in by hand on a draft.
#: Non-breaking spaces, so HTML does not collapse them.
BLANK = "\u00a0" * 6


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC: text pasted from Word may arrive decomposed (NFD)."""
    return unicodedata.normalize("NFC", text)


def caps(text: str) -> str:
    """Upper-case Vietnamese text with Python (ă→Ă, ơ→Ơ, đ→Đ, ỹ→Ỹ), in NFC.

    Printed capitals are made here, not with CSS ``text-transform``, so that the
    text in the PDF (searchable, copyable) is the capitalised text itself.
    """
    return nfc(text).upper()


def two_digits(value: int) -> str:
    return f"{value:02d}"


def month_text(month: int) -> str:
    """Months 1–2 with a leading zero ("01", "02"), 3–12 without ("5", "12").

    Party/State convention (Hướng dẫn 36-HD/VPTW examples "tháng 02", "tháng 4";
    the same rule as Nghị định 30/2020/NĐ-CP): a leading zero is written only where
    a month below 3 could otherwise be misread or altered (1 → 11, 12; 2 → 12).
    """
    return f"{month:02d}" if month < 3 else str(month)


def place_date_line(place: str, date: datetime.date | None, year: int | None = None) -> str:
    """Return the place-date line: "Thái Bình, ngày 08 tháng 5 năm 2025".

    The day always has two digits; the month follows :func:`month_text`. With
    ``date=None`` (an undated draft) day and month are left blank for the pen, and the
    year is ``year`` when known, else blank too: "Thái Bình, ngày ␣␣ tháng ␣␣ năm 2025".
    """
    place = nfc(place)
    if date is None:
        year_text = str(year) if year else BLANK
        return f"{place}, ngày {BLANK} tháng {BLANK} năm {year_text}"
    return f"{place}, ngày {two_digits(date.day)} tháng {month_text(date.month)} năm {date.year}"


def number_line(number: int | str | None, symbol: str) -> str:
    """Return the number and symbol: "Số 01-BB/ĐH" (no colon after "Số", per 36-HD/VPTW).

    Numbers below 10 get a leading zero ("01"); a missing number (not yet registered)
    leaves a blank to fill in by hand: "Số ␣␣␣␣␣␣-BB/ĐH".
    """
    symbol = nfc(symbol)
    if number is None or number == "":
        return f"Số {BLANK}-{symbol}"
    if isinstance(number, int):
        number = two_digits(number)
    return f"Số {number}-{symbol}"


def short_date(date: datetime.date) -> str:
    """Return "08/5/2025" (day two digits, month per :func:`month_text`)."""
    return f"{two_digits(date.day)}/{month_text(date.month)}/{date.year}"


def local(moment: datetime.datetime) -> datetime.datetime:
    """Return ``moment`` in the project's time zone (naive datetimes are taken as local)."""
    if timezone.is_aware(moment):
        return timezone.localtime(moment)
    return moment


def clock_text(moment: datetime.datetime) -> str:
    """Return "15 giờ 20 phút", the way minutes write a time of day."""
    moment = local(moment)
    return f"{two_digits(moment.hour)} giờ {two_digits(moment.minute)} phút"


def moment_text(moment: datetime.datetime) -> str:
    """Return "15 giờ 20 phút, ngày 08 tháng 5 năm 2025"."""
    moment = local(moment)
    day = moment.date()
    return f"{clock_text(moment)}, ngày {two_digits(day.day)} tháng {month_text(day.month)} năm {day.year}"


def percent_text(numerator: int, denominator: int, places: int = 2) -> str:
    """Return numerator/denominator as a Vietnamese percentage: 6/10 → "60,00%".

    Decimal arithmetic, half-up rounding, decimal comma. Display only: who is
    elected is decided with integers in ``congress.rules`` (``2 * votes > base``).
    A zero denominator prints "–".
    """
    if denominator == 0:
        return "–"
    quantum = Decimal(1).scaleb(-places)
    value = (Decimal(numerator) * 100 / Decimal(denominator)).quantize(quantum, rounding=ROUND_HALF_UP)
    return f"{value}".replace(".", ",") + "%"
