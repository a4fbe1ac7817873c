"""Vietnam's public holidays (as data) and the type code in a document's number.

The holidays are read from ``parscore/data/holidays-vn.yaml``: every day off of công chức,
year by year, the lunar ones (Tết, Giỗ Tổ Hùng Vương) written as the solar dates they fell on.
Nothing here computes a lunar date. A document's number and symbol (Nghị định 30/2020/NĐ-CP)
is "number/TYPE-ISSUER", "10/KH-UBND", or for a legal document "05/2023/QĐ-UBND"; an official
letter (công văn) has no type: "123/UBND-VP".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from importlib import resources

import yaml


@functools.cache
def _holidays() -> dict[int, dict[dt.date, str]]:
    text = resources.files("parscore.data").joinpath("holidays-vn.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=yaml.BaseLoader)  # every value stays text
    years: dict[int, dict[dt.date, str]] = {}
    for year, entry in data["years"].items():
        years[int(year)] = {dt.date.fromisoformat(day): kind for day, kind in entry["days_off"]}
    return years


def holiday_years() -> list[int]:
    """The years whose days off are known."""
    return sorted(_holidays())


def holiday(day: dt.date) -> str | None:
    """The kind of day off ``day`` is (``tet``, ``national``, ``day-off``...), None for a
    working day or a day of a year not covered."""
    return _holidays().get(day.year, {}).get(day)


#: Type codes of administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục III); the names are
#: the catalogue's ``doc-type.<code>`` texts.
DOCUMENT_TYPES = (
    "NQ",
    "QĐ",
    "CT",
    "QC",
    "QyĐ",
    "TB",
    "HD",
    "CTr",
    "KH",
    "PA",
    "ĐA",
    "DA",
    "BC",
    "BB",
    "TTr",
    "HĐ",
    "CĐ",
    "GM",
    "KL",
    "CV",
)

_NUMBER = re.compile(r"\s*[0-9]+[a-zA-Z]?\s*/\s*(?:[0-9]{4}\s*/\s*)?([^/\s]+)\s*$")


def _plain_d(text: str) -> str:
    return text.casefold().replace("đ", "d")


def is_numbered(number: str) -> bool:
    """Whether a document number has the form Nghị định 30/2020/NĐ-CP gives it: the number, a
    slash, then the type and issuer's abbreviation ("10/KH-UBND", "05/2023/QĐ-UBND",
    "123/UBND-VP"); "KH-UBND số 10", "BC 45/UBND" or "10-KH/UBND" are not."""
    match = _NUMBER.match(number)
    return match is not None and match.group(1)[:1].isalpha()


def document_type(number: str | None) -> str | None:
    """The type code of a document number: "10/KH-UBND" -> "KH", "05/2023/QĐ-UBND" -> "QĐ",
    "123/UBND-VP" (an official letter, no type) -> "CV"; a plain D for Đ is read as Đ where no
    type is written with a D ("142/QD-UBND" -> "QĐ", "05/HD-UBND" stays "HD"); None when the
    number is not in that form."""
    if not number:
        return None
    match = _NUMBER.match(number)
    if match is None:
        return None
    head = match.group(1).split("-")[0]
    for code in DOCUMENT_TYPES:
        if head.casefold() == code.casefold():
            return code
    for code in DOCUMENT_TYPES:  # typed with a plain D ("142/QD-UBND"): HD, DA are types too
        if _plain_d(head) == _plain_d(code):
            return code
    if "-" in match.group(1) and head.upper().startswith("UBND"):
        return "CV"  # "123/UBND-VP": the issuer first, then the drafting office
    return None
