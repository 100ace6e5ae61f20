"""Vietnamese names: splitting, dictionary order and diacritic-insensitive search.

Order (used by lists, candidate lists and ballots): by given name, then middle
name, then family name, as Vietnamese lists are printed. Each name part is
compared in two levels, as in Vietnamese dictionaries (Hoàng Phê, Từ điển
tiếng Việt):

1. the letters, in the Vietnamese alphabet
   a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
   (the Latin letters f j w z, which occur only in foreign names, are placed
   where the Latin alphabet puts them: f after ê, j after i, w after v, z last);
2. then the tone of each syllable, in the order
   ngang (none) < huyền (`) < hỏi (̉) < ngã (~) < sắc (´) < nặng (.).

So "Hoa" < "Hòa" < "Hỏa" < "Hóa" < "Họa" < "Hoan" (letters first: "hoa" is a
prefix of "hoan"), and "Anh" < "Ánh" < "Ân". "Hoà" (old tone placement) and
"Hòa" are the same name and sort together.

Search: :func:`fold` drops every diacritic and the case, and makes "đ" a "d",
so "hoa" finds "Hòa", "Hoà" and "Hoa", and "dung" finds "Dũng" and "Dung".
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}

# Combining marks that make a different letter (ă â ê ô ơ ư), as NFD writes them.
BREVE, CIRCUMFLEX, HORN = "\u0306", "\u0302", "\u031b"
# Combining marks of the five marked tones, in dictionary order after ngang (0).
TONE_ORDER = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
_SPACES = re.compile(r"\s+")
# A person's name: words of letters, separated by spaces (hyphens, apostrophes and dots allowed inside).
NAME_RE = re.compile(r"^[^\W\d_]+(?:[ .'\-]+[^\W\d_]+)*\.?$")


class NameParts(NamedTuple):
    family: str
    middle: str
    given: str


def normalise(text: str) -> str:
    """Return ``text`` in NFC with single spaces and no spaces at either end."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def split_name(full_name: str) -> NameParts:
    """Split "Nguyễn Thị Vân Anh" into family "Nguyễn", middle "Thị Vân", given "Anh".

    The family name is the first word and the given name the last; compound
    family names ("Tôn Nữ") must be corrected by hand, which is why the parts
    are stored and editable.
    """
    words = normalise(full_name).split(" ")
    words = [w for w in words if w]
    if not words:
        return NameParts("", "", "")
    if len(words) == 1:
        return NameParts("", "", words[0])
    return NameParts(words[0], " ".join(words[1:-1]), words[-1])


def fold(text: str) -> str:
    """Return ``text`` without diacritics, in lower case, with "đ" as "d": for search."""
    decomposed = unicodedata.normalize("NFD", (text or "").lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.replace("đ", "d")).strip()


def word_key(word: str) -> tuple[tuple[int, ...], int]:
    """Return (letters, tone) of one word (one syllable): letters compare first, then the tone.

    A character outside the alphabet (a digit, a hyphen) sorts after every
    letter, by its code point.
    """
    letters: list[int] = []
    tone = 0
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in TONE_ORDER:
            tone = TONE_ORDER[char]
        elif char in (BREVE, CIRCUMFLEX, HORN) and letters and letters[-1] < len(ALPHABET):
            modified = unicodedata.normalize("NFC", ALPHABET[letters[-1]] + char)
            if modified in _LETTER_RANK:
                letters[-1] = _LETTER_RANK[modified]
        elif unicodedata.combining(char):
            continue
        elif char in _LETTER_RANK:
            letters.append(_LETTER_RANK[char])
        else:
            letters.append(len(ALPHABET) + ord(char))
    return tuple(letters), tone


def part_key(part: str) -> tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]:
    """Return the key of one name part (possibly several words): all its letters, then its tones."""
    words = [word_key(w) for w in normalise(part).split(" ") if w]
    return tuple(w[0] for w in words), tuple(w[1] for w in words)


def sort_key(name: str | NameParts | tuple[str, str, str]) -> tuple:
    """Return the key that sorts names the Vietnamese way: given, middle, family.

    ``name`` is a full name (split with :func:`split_name`) or its parts
    (family, middle, given). The given name decides first (its letters, then
    its tone), then the middle name, then the family name; the text itself
    only makes the order total.
    """
    parts = split_name(name) if isinstance(name, str) else NameParts(*name)
    return (
        part_key(parts.given),
        part_key(parts.middle),
        part_key(parts.family),
        (normalise(parts.given), normalise(parts.middle), normalise(parts.family)),
    )
