"""Roman numerals for congress ordinals ("lần thứ VI")."""

_NUMERALS = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def to_roman(number: int) -> str:
    """Return ``number`` in Roman numerals: ``to_roman(6) == "VI"``."""
    if not 0 < number < 4000:
        raise ValueError(f"{number} has no Roman numeral")
    parts = []
    for value, letters in _NUMERALS:
        count, number = divmod(number, value)
        parts.append(letters * count)
    return "".join(parts)
