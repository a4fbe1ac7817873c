"""What every rule kind is made of, and the helpers they share.

A rule kind is a class registered in :mod:`parscore.rules` with:

* ``name``: the ``kind:`` written in a criteria file;
* ``Params``: a pydantic model of its parameters, validated when the criteria set loads, so a
  misspelt parameter fails loudly with its line;
* ``inputs(params)``: what the evidence file gives for a sub-criterion scored by it;
* ``check_params(params, max)``: checks that need the node's maximum (points above it, bands
  with gaps...);
* ``check_inputs(params, values, max)``: checks across inputs (on-time count above the total...);
* ``score(params, max, values, ctx)``: the pure scoring function;
* ``describe(params, max, lang)``: the rule in words, for ``criteria show`` and templates.

The class docstring is the kind's user documentation and carries an example.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, Field, model_validator

from parscore.decimals import quantize_fraction
from parscore.messages import format_number
from parscore.model.common import INPUT_CONFIG, Name, Points, Text

HUNDRED = Decimal(100)

InputType = Literal["count", "number", "percent", "points", "bool", "date", "choice"]

#: Keys of an evidence item that are not rule inputs.
RESERVED_KEYS = frozenset({"documents", "explanation", "claimed", "nothing_occurred", "note"})


def points_text(value: Decimal, lang: str) -> str:
    """``0,5 điểm`` / ``0.5 points``."""
    number = format_number(value, lang)
    if lang == "vi":
        return f"{number} điểm"
    return f"{number} point" if value == 1 else f"{number} points"


def points_phrase(value: Decimal) -> dict[str, str]:
    """``points_text`` in both languages, as a message argument."""
    return {"vi": points_text(value, "vi"), "en": points_text(value, "en")}


class RuleParams(BaseModel):
    """Parameters every rule kind takes."""

    model_config = INPUT_CONFIG

    kind: str
    penalty_when_unmet: Points | None = Field(
        default=None,
        description="points booked in the penalty ledger when the outcome is unmet "
        "(e.g. the one-stop desk not staffed as required: 0.25)",
    )


class InputName(BaseModel):
    """The name of an input in evidence files, with a label saying what to write there."""

    model_config = INPUT_CONFIG

    name: Name
    label: Text | None = None
    type: Literal["count", "number"] = Field(
        default="count",
        description="count: whole numbers (dossiers, people); number: decimals allowed "
        "(a score out of 100, an amount of money)",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"name": value}
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        # a plain name is accepted too
        return {
            "anyOf": [{"type": "string", "pattern": r"^[a-z][a-z0-9_]*$"}, handler(core_schema)]
        }


@dataclass(frozen=True)
class InputSpec:
    """One input an evidence item gives to its rule."""

    name: str
    type: InputType
    label: Text
    choices: tuple[str, ...] = ()
    group: str = ""  # inputs of the same non-empty group are alternatives to the other groups


@dataclass(frozen=True)
class Scored:
    """What a rule made of the inputs. The engine turns it into an outcome."""

    points: Decimal
    reason: str  # message code
    args: dict[str, Any] = field(default_factory=dict)
    nothing_occurred: bool = False  # the inputs say there was nothing to score (total 0)


@dataclass(frozen=True)
class Gain:
    """A change that would gain points: the points after it, and what to do (a message)."""

    points: Decimal
    action: str  # message code
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What a rule may know beyond its inputs."""

    year: int
    document_dates: tuple[dt.date, ...] = ()  # dates of the item's documents, in file order


ParamProblem = tuple[str, tuple[str | int, ...], dict[str, Any]]  # code, keys below rule, args
#: code, input name, args, and whether it is only a warning
InputProblem = tuple[str, str, dict[str, Any]] | tuple[str, str, dict[str, Any], bool]


class RuleKind:
    """Base class of rule kinds; see the module docstring."""

    name: ClassVar[str]
    Params: ClassVar[type[RuleParams]]
    #: More satisfying evidence never lowers the points (a property the tests check).
    monotone: ClassVar[bool] = True

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        raise NotImplementedError

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        return []

    #: The evidence must carry an explanation (giải trình) for the points to count.
    needs_explanation: ClassVar[bool] = False

    @classmethod
    def check_inputs(
        cls, params: Any, values: dict[str, Any], maximum: Decimal, ctx: Context
    ) -> list[InputProblem]:
        return []

    @classmethod
    def is_given(cls, params: Any, values: dict[str, Any], ctx: Context) -> bool:
        """Whether the evidence gives enough to score (otherwise: missing evidence)."""
        return bool(values)

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        """What would gain points from here, best first; nothing when nothing can."""
        if points < maximum:
            return [Gain(maximum, "plan.full")]
        return []

    @classmethod
    def fill_hint(cls, params: Any, lang: str) -> str | None:
        """A sentence for templates on how to fill the inputs, where the inputs alone do not
        say it."""
        return None

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        raise NotImplementedError

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        raise NotImplementedError


def label(vi: str, en: str) -> Text:
    return Text(vi=vi, en=en)


# --- ratios: "part of total" or a percentage ---------------------------------------------------

PERCENT_LABEL = label("Tỷ lệ (%)", "Percentage (%)")


def ratio_inputs(part: InputName, total: InputName, may_exceed: bool = False) -> list[InputSpec]:
    """``may_exceed``: the share may pass 100% (revenue collected against the estimate)."""
    return [
        InputSpec(
            part.name,
            part.type,
            part.label or label("Số đạt", "Number that qualify"),
            group="counts",
        ),
        InputSpec(
            total.name, total.type, total.label or label("Tổng số", "Total number"), group="counts"
        ),
        InputSpec("percent", "number" if may_exceed else "percent", PERCENT_LABEL, group="percent"),
    ]


def check_ratio(
    part: InputName, total: InputName, values: dict[str, Any], may_exceed: bool = False
) -> list[InputProblem]:
    problems: list[InputProblem] = []
    has_counts = part.name in values or total.name in values
    if has_counts and "percent" in values:
        problems.append(
            (
                "evidence.inputs-conflict",
                "percent",
                {"first": "percent", "second": f"{part.name} + {total.name}"},
            )
        )
    elif has_counts and (part.name not in values or total.name not in values):
        present = part.name if part.name in values else total.name
        problems.append(
            ("evidence.partial-ratio", present, {"part": part.name, "total": total.name})
        )
    elif has_counts and not may_exceed and values[part.name] > values[total.name]:
        problems.append(
            (
                "evidence.part-over-total",
                part.name,
                {
                    "part": part.name,
                    "part_value": values[part.name],
                    "total": total.name,
                    "total_value": values[total.name],
                },
            )
        )
    return problems


def ratio_percent(part: InputName, total: InputName, values: dict[str, Any]) -> Fraction | None:
    """The percentage the inputs give, exact; None when the total is zero (nothing occurred)."""
    if "percent" in values:
        return Fraction(values["percent"])
    denominator = values[total.name]
    if denominator == 0:
        return None
    return Fraction(values[part.name]) * 100 / Fraction(denominator)


def ratio_args(
    part: InputName, total: InputName, values: dict[str, Any], percent: Fraction
) -> dict[str, Any]:
    shown = quantize_fraction(percent)
    if "percent" in values:
        return {"percent": shown, "detail_vi": "", "detail_en": ""}
    return {
        "percent": shown,
        "detail_vi": f" ({values[part.name]}/{values[total.name]})",
        "detail_en": f" ({values[part.name]}/{values[total.name]})",
    }
