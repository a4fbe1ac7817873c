"""Vietnamese alphabetical order, for lists of names people read.

Code-point order puts "Đ" after "Z" and "Â" after "Z" as well; Vietnamese dictionaries sort by
the alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, then by tone in the
order ngang, huyền, hỏi, ngã, sắc, nặng (a à ả ã á ạ), as ICU's Vietnamese collation does.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER = {letter: index for index, letter in enumerate(_ALPHABET)}
_SHAPES = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền..nặng


@lru_cache(maxsize=1024)
def _letter(char: str) -> tuple[int, int]:
    """(letter rank, tone) of one lower-case character."""
    parts = unicodedata.normalize("NFD", char)
    base = parts[0] + "".join(p for p in parts[1:] if p in _SHAPES)
    base = unicodedata.normalize("NFC", base)
    tone = next((_TONES[p] for p in parts[1:] if p in _TONES), 0)
    if base in _LETTER:
        return _LETTER[base], tone
    if base.isspace() or base in "-–,.()":
        return -20, tone  # words first: "Thủ Dầu Một" before "Thuận An"
    if base.isdecimal():  # ASCII or other decimal digits; '²' is a digit, not a decimal
        return -10 + int(base), tone  # "Quế Xuân 1" before "Quế Xuân 2", both before letters
    return len(_ALPHABET) + ord(base), tone


def _letters(text: str) -> list[tuple[int, int, str]]:
    """(letter rank, tone, character) for each letter of ``text``."""
    return [(*_letter(char), char) for char in unicodedata.normalize("NFC", text).lower()]


@lru_cache(maxsize=65536)  # a comparison sorts each name more than once
def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Letters first, tones second, the text itself last (so the order is total)."""
    letters = _letters(text)
    return (tuple(r for r, _, _ in letters), tuple(t for _, t, _ in letters), text)
