"""Types shared by the criteria, evidence and result models."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError, core_schema

from parscore.decimals import number_bound_problem, number_bounds_args, value_bound_problem

if TYPE_CHECKING:
    from parscore.messages import Phrase

# Input models: strict types (no "yes" -> True), unknown keys refused, immutable.
INPUT_CONFIG = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)
# Result models are built by parscore itself and read back from its JSON output.
RESULT_CONFIG = ConfigDict(extra="forbid", frozen=True)


#: How parscore writes every decimal number in the JSON it writes (results, and any other JSON
#: built from these models): a string, so that no reader loses a digit, in fixed-point
#: notation, with a leading "-" only below zero, and at least two decimals, as points,
#: percentages and the index are published ("70.00", "25.80", "4.79"); the value stays exact,
#: so a decimal past the second is written when it is not zero ("0.125"), never a trailing zero
#: past the second. Whole-number counts, years and levels are JSON integers, not this.
NUMBER_PATTERN = r"^-?(0|[1-9][0-9]*)\.[0-9]{2}([0-9]*[1-9])?$"


def number_text(value: Decimal) -> str:
    """``value`` as JSON writes it (see :data:`NUMBER_PATTERN`): ``Decimal("70")`` -> "70.00",
    ``Decimal("25.8")`` -> "25.80", ``Decimal("4.000")`` -> "4.00", ``Decimal("0.125")`` ->
    "0.125", ``Decimal("-0")`` -> "0.00"."""
    whole, _, decimals = format(value, "f").partition(".")
    decimals = decimals.rstrip("0").ljust(2, "0")
    if whole == "-0" and decimals.strip("0") == "":
        whole = "0"
    return f"{whole}.{decimals}"


#: A decimal number of a result model: exact in Python, written by :func:`number_text` in JSON,
#: and described by :data:`NUMBER_PATTERN` in the JSON Schema. Use it for every decimal field
#: of a model that parscore writes as JSON.
JsonNumber = Annotated[
    Decimal,
    PlainSerializer(number_text, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": NUMBER_PATTERN}, mode="serialization"),
]

_THOUSANDS = re.compile(r"[0-9]{1,3}([.,][0-9]{3})+")
_PLAIN_NUMBER = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")
_COMMA_DECIMAL = re.compile(r"[-+]?[0-9]*,[0-9]+")
_PERCENT = re.compile(r"\s*([-+]?[0-9]+(?:[.,][0-9]+)?)\s*%\s*")


def number_problem(value: Any, *, integer: bool) -> tuple[str, dict[str, Any]]:
    """The most helpful message for a value that should have been a number."""
    text = format(value, "f") if isinstance(value, Decimal) else value
    if isinstance(text, str):
        # a number in quotes, or with a comma or a % sign: first, would it be in bounds?
        candidate = text.strip().removesuffix("%").strip().replace(",", ".")
        if _PLAIN_NUMBER.fullmatch(candidate):
            bound = number_bound_problem(candidate)
            if bound is not None:
                return bound, {"value": text.strip(), **number_bounds_args()}
        if integer and _THOUSANDS.fullmatch(text):
            return "value.thousands-separator", {"value": text, "plain": re.sub(r"[.,]", "", text)}
        match = _PERCENT.fullmatch(text)
        if match:
            return "value.percent-sign", {
                "value": text,
                "suggested": match.group(1).replace(",", "."),
            }
        if _COMMA_DECIMAL.fullmatch(text.strip()):
            return "value.decimal-comma", {
                "value": text,
                "suggested": text.strip().replace(",", "."),
            }
        if isinstance(value, str) and _PLAIN_NUMBER.fullmatch(text.strip()):
            return "value.quoted-number", {"value": text.strip()}
    code = "value.expected-integer" if integer else "value.expected-number"
    return code, {"found": found(value)}


def found(value: Any) -> Phrase | str:
    """How a wrong value is described in a message (the ``found`` argument): a phrase of the
    catalogue (``found.``), or the value itself when it is written alike in every language (a
    text in quotes, ``true``, a type's name)."""
    from parscore.messages import Phrase, shorten

    if value is None:
        return Phrase("found.nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        # written in the message's language; a message about an input cuts it to a few dozen
        # characters (render(..., short=True), as every problem is rendered)
        return Phrase("found.number", {"number": value})
    if isinstance(value, str):
        return f"'{shorten(value)}'"
    if isinstance(value, dict):
        return Phrase("found.mapping")
    if isinstance(value, list):
        return Phrase("found.list")
    return type(value).__name__


# ---------------------------------------------------------------------------------------------
# blank text: the one definition


# Characters that show nothing although Unicode files them as letters or symbols (Hangul
# fillers, the blank Braille pattern); with the separators (Z*), controls (Cc) and format
# characters (Cf: zero-width space U+200B, joiners U+200C/U+200D, word joiner U+2060, BOM
# U+FEFF, soft hyphen...) they make the invisible characters.
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def is_invisible(char: str) -> bool:
    """A character that shows no mark: a space of any width, a control or format character."""
    category = unicodedata.category(char)
    return category[0] == "Z" or category in ("Cc", "Cf") or char in _INVISIBLE_LETTERS


def is_blank(text: str) -> bool:
    """Text with nothing to read: empty, or only spaces and invisible characters. This is the
    one test of emptiness for every text an input holds."""
    first = text[:1]
    if first.isalnum() and first not in _INVISIBLE_LETTERS:  # nearly every text: at once
        return False
    return all(is_invisible(char) for char in text)


def comparable(text: str, *, fold: bool = True) -> str:
    """Text as two files are compared by: invisible characters removed (every space becomes
    one plain space, trimmed), NFC, and case-folded when ``fold``."""
    kept = []
    for char in unicodedata.normalize("NFC", text):
        if not is_invisible(char):
            kept.append(char)
        elif unicodedata.category(char)[0] == "Z" or char in "\t\n\r":
            kept.append(" ")
    joined = " ".join("".join(kept).split())
    return joined.casefold() if fold else joined


def shown_visible(text: str) -> str:
    """Text with each invisible character but the plain space shown as <U+XXXX>."""
    return "".join(
        f"<U+{ord(char):04X}>" if char != " " and is_invisible(char) else char for char in text
    )


def _not_blank(value: Any) -> Any:
    """Required text must say something: "" and text of only spaces or invisible characters
    (a zero-width space pasted from a web page) are refused."""
    if isinstance(value, str) and is_blank(value):
        code = "value.empty-text" if value == "" else "value.blank-text"
        raise PydanticCustomError(code, "blank text", {})
    return value


class BlankTexts:
    """Given as the validation context (``model_validate(data, context=BlankTexts())``), it
    learns whether any optional text was blank: when none was, the evidence checker need not
    look for where (:meth:`parscore.checks.evidence._EvidenceChecker.blank_texts`)."""

    __slots__ = ("found",)

    def __init__(self) -> None:
        self.found = False


def _blank_is_absent(value: Any, info: ValidationInfo) -> Any:
    """Optional text with nothing to read counts as not given (an explanation of spaces is no
    explanation); the evidence checker warns about it."""
    if isinstance(value, str):
        first = value[:1]  # is_blank's own first test, here: hundreds of texts a file
        if not (first.isalnum() and first not in _INVISIBLE_LETTERS) and is_blank(value):
            if isinstance(info.context, BlankTexts):
                info.context.found = True
            return None
    return value


# The length is pydantic-core's own check (listed before the validator, it stays native: after
# it, pydantic would call Python for it); it never fails, since blank text, empty included, is
# refused first, and it says minLength in the JSON schema.
NonEmptyStr = Annotated[str, Field(min_length=1), BeforeValidator(_not_blank)]


NAME_PATTERN = r"^[a-z][a-z0-9_]*$"
SET_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
_NAME_RE = re.compile(NAME_PATTERN)
_SET_ID_RE = re.compile(SET_ID_PATTERN)


def _check_name(value: Any) -> Any:
    _not_blank(value)
    if isinstance(value, str) and not _NAME_RE.fullmatch(value):
        raise PydanticCustomError("value.name", "invalid name", {"value": value})
    return value


def _check_set_id(value: Any) -> Any:
    _not_blank(value)
    if isinstance(value, str) and not _SET_ID_RE.fullmatch(value):
        raise PydanticCustomError("value.set-id", "invalid set id", {"value": value})
    return value


# Blank text is refused first, with its own code; then the pattern, with the type's own code
# (one call of Python); the length and the pattern, pydantic-core's, never fail after it and
# are kept for the JSON schema.
#: a key-like name (an input, a level, a field's key): lower case, digits, underscores
Name = Annotated[
    str,
    Field(min_length=1, pattern=NAME_PATTERN),
    BeforeValidator(_check_name),
]
#: a criteria set's id: lower case, digits, dots, dashes, underscores
SetId = Annotated[
    str,
    Field(min_length=1, pattern=SET_ID_PATTERN),
    BeforeValidator(_check_set_id),
]
#: Text that begins with a letter or a digit of the Latin alphabets (Vietnamese included) is
#: not blank: pydantic-core tells it by itself. Only a text that begins otherwise asks Python
#: (:func:`_blank_is_absent`).
_PLAINLY_VISIBLE = r"^[0-9A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]"


def _optional_text(value: Any, info: ValidationInfo) -> Any:
    """:func:`_blank_is_absent`, then the strict text it leaves (pydantic's own ``string_type``
    for anything else, as a plain ``str | None`` said)."""
    value = _blank_is_absent(value, info)
    if value is None:
        return None
    if isinstance(value, str):
        return str.__str__(value)  # as pydantic's strict str: a subclass's text as a str
    raise PydanticCustomError("string_type", "Input should be a valid string")


class _OptionalTextSchema:
    """The schema of :data:`OptionalText`: null, or text that pydantic-core sees is not blank,
    or else what :func:`_optional_text` makes of it (blank text: null). Whatever fails is
    pydantic's ``string_type``, at the value, as before. The JSON schema is a plain optional
    text (minLength 1)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        visible = core_schema.str_schema(pattern=_PLAINLY_VISIBLE)
        checked = core_schema.with_info_plain_validator_function(_optional_text)
        either = core_schema.union_schema(
            [visible, checked],
            mode="left_to_right",
            custom_error_type="string_type",  # pydantic's own error, as str | None gave
        )
        return core_schema.nullable_schema(either)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return dict(handler(core_schema.nullable_schema(core_schema.str_schema(min_length=1))))


# optional free text of an evidence file (explanation, note, a document's number...): blank
# text is absent, as if the key were left empty. Python is asked only about text that does not
# begin with a letter or a digit.
OptionalText = Annotated[str | None, _OptionalTextSchema]


class Text(BaseModel):
    """Text in Vietnamese and, optionally, English. A plain string is Vietnamese only."""

    model_config = INPUT_CONFIG

    vi: NonEmptyStr
    en: NonEmptyStr | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"vi": value}
        if not isinstance(value, dict):
            raise PydanticCustomError(
                "value.expected-text-pair", "not text", {"found": found(value)}
            )
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        # a plain string is accepted too (Vietnamese only)
        return {"anyOf": [{"type": "string", "minLength": 1}, handler(core_schema)]}

    def get(self, lang: str) -> str:
        if lang == "en" and self.en:
            return self.en
        return self.vi


def _id_text(value: Any) -> Any:
    """Ids are text; ``1.1`` or ``3`` typed without quotes arrive as numbers: keep them as typed."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, Decimal)):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    return value


ID_PATTERN = r"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)


def _check_id(value: Any) -> Any:
    """An id as typed (:func:`_id_text`), of letters and digits between dots: one call of
    Python per id."""
    value = _id_text(value)
    if isinstance(value, str) and not _ID_RE.fullmatch(value):
        raise PydanticCustomError("value.id", "invalid id", {"value": value})
    return value


NodeId = Annotated[
    str,
    BeforeValidator(_check_id),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "pattern": ID_PATTERN}, {"type": "number"}],
            "description": 'quote ids: "1.1.4", "S.1" (1.1 typed unquoted is read as typed)',
            "examples": ["1.1.4", "S.1"],
        }
    ),
]


# Points and other exact numbers: Decimal, as typed. Integers are accepted; floats never reach
# here because the YAML loader makes every number an int or a Decimal.
def _not_text(value: Any) -> Any:
    """A number written as text ("4" in quotes, "1,5", "92%") is refused with a hint, as
    counts are; pydantic's lax Decimal would quietly accept some of them."""
    if isinstance(value, str):
        code, args = number_problem(value, integer=False)
        raise PydanticCustomError(code, "not a number", args)
    return value


def _bounded(value: Any) -> Any:
    """Inside the bounds every number read from YAML keeps (``decimals.MAX_WHOLE_DIGITS``,
    ``MAX_DECIMALS``); the loader refuses the others first, this holds models built in Python
    to the same bounds."""
    if isinstance(value, (int, Decimal)):
        code = value_bound_problem(value)
        if code is not None:
            # str(), not format(): 1E+999999999 stays short; an int of over 4,300 digits has
            # no str() at all (messages cut what is shown to a few dozen characters anyway)
            big = isinstance(value, int) and value.bit_length() > 10_000
            shown = "…" if big else str(value)
            raise PydanticCustomError(
                code, "out of bounds", {"value": shown, **number_bounds_args()}
            )
    return value


def _exact_number(value: Any) -> Any:
    """:func:`_not_text`, then :func:`_bounded`: one call of Python per number."""
    if isinstance(value, str):
        _not_text(value)
    return _bounded(value)


# (The constraints stay after the validator, where pydantic checks them in Python: before it,
# pydantic-core would check them itself but write the JSON schema of a number otherwise.)
Points = Annotated[
    Decimal,
    BeforeValidator(_exact_number),
    Field(strict=False, ge=0, allow_inf_nan=False),
]
Number = Annotated[
    Decimal,
    BeforeValidator(_exact_number),
    Field(strict=False, allow_inf_nan=False),
]
Count = Annotated[int, BeforeValidator(_bounded), Field(ge=0)]

_DATE_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: Any) -> Any:
    """dd/mm/yyyy as Vietnamese documents write it (06/02/2023 is 6 February), or ISO."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("value.expected-date", "not a date", {"value": str(value)})
    # a year's files write the same few hundred dates again and again: each text is read once
    day = _DATES.get(value)
    if day is None:
        day = _parse_date_text(value)
        if len(value) <= _DATE_TEXT_KEPT:  # not a date padded with a megabyte of spaces
            if len(_DATES) >= _DATES_KEPT:
                _DATES.clear()
            _DATES[value] = day
    return day


_DATES: dict[str, dt.date] = {}
_DATES_KEPT = 4096
_DATE_TEXT_KEPT = 32


def _parse_date_text(value: str) -> dt.date:
    text = value.strip()
    match = _DATE_DMY.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    elif match := _DATE_ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise PydanticCustomError("value.expected-date", "not a date", {"value": value})
    try:
        return dt.date(year, month, day)
    except ValueError:  # written as a date, but no such day: 31/02/2023, 29/02/2023, 12/13/2023
        month_ok = 1 <= month <= 12 and year >= 1
        code = "value.no-such-day" if month_ok and day >= 1 else "value.no-such-date"
        raise PydanticCustomError(code, "no such day", {"value": value}) from None


Date = Annotated[
    dt.date,
    BeforeValidator(parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})$",
            "description": "dd/mm/yyyy (06/02/2023 is 6 February 2023) or yyyy-mm-dd",
        }
    ),
]


def _code_text(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _check_code(value: Any) -> Any:
    """An official code is digits as typed: spaces around it are trimmed; an invisible
    character in it (a zero-width space pasted with it) is refused, with where it is, since it
    would make one unit look like two."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text == "":
        raise PydanticCustomError(
            "value.empty-text" if value == "" else "value.blank-text", "blank", {}
        )
    for position, char in enumerate(text, start=1):
        if is_invisible(char) and char != " ":
            raise PydanticCustomError(
                "value.invisible-char",
                "invisible character",
                {"value": shown_visible(text), "char": f"U+{ord(char):04X}", "position": position},
            )
    return text


Code = Annotated[
    str,
    BeforeValidator(_check_code),
    BeforeValidator(_code_text),
    WithJsonSchema({"type": "string", "description": 'official code, as text: "00004"'}),
]
