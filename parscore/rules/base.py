"""What every rule kind is made of, and the helpers they share.

A rule kind is one module of :mod:`parscore.rules`, named for the kind, holding one class with:

* ``name``: the ``kind:`` written in a criteria file;
* ``Params``: a pydantic model of its parameters, validated when the criteria set loads, so a
  misspelt parameter fails loudly with its line;
* ``inputs(params)``: what the evidence file gives for a sub-criterion scored by it;
* ``check_params(params, max)``: checks that need the node's maximum (points above it, bands
  with gaps...);
* ``check_inputs(params, values, max, ctx)``: checks across inputs (on-time count above the
  total...);
* ``score(params, max, values, ctx)``: the pure scoring function;
* ``improve(params, max, values, points)``: what would gain points, best first;
  ``improve_in(..., ctx)`` is what the engine calls, with the item's context: a kind whose gains
  depend on the assessment year (``deliverables``, due dates written dd/mm) overrides it;
* ``describe(params, max, lang)``: the rule in words, for ``criteria show`` and templates;
* ``goal(params, max, year)``: what the full points ask for and by when, for the year's reform
  plan (``parscore plan-year``); None where the sub-criterion's name says it all.

The class docstring is the kind's user documentation and carries an example. Every word a kind
shows is a code of the "rule kinds" section of :mod:`parscore.messages`.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar, Literal, NamedTuple

from pydantic import BaseModel, Field, model_validator

from parscore.bands import Bounds, coverage_problems
from parscore.decimals import quantize_fraction, quantize_ratio
from parscore.messages import LANGS, render
from parscore.model.common import INPUT_CONFIG, Name, Points, Text

HUNDRED = Decimal(100)

#: A due date as criteria sets write it: dd/mm (in the assessment year) or dd/mm/yyyy.
DUE_PATTERN = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?")

InputType = Literal["count", "number", "percent", "points", "bool", "date", "choice"]

#: Keys of an evidence item that are not rule inputs.
RESERVED_KEYS = frozenset(
    {"documents", "explanation", "claimed", "nothing_occurred", "note", "plan_tasks"}
)


# --- words: every text is a catalogue code ------------------------------------------------------


def words(code: str, lang: str, **args: Any) -> str:
    """The catalogue text ``code`` in ``lang``."""
    return render(code, args, lang)


def both(code: str, **args: Any) -> dict[str, str]:
    """The catalogue text ``code`` in every language, as one message argument."""
    return {lang: render(code, args, lang) for lang in LANGS}


@functools.cache
def label(code: str) -> Text:
    """An input's label: the catalogue text ``code`` (no arguments) in every language. A
    frozen model, made once per code: every file's check and scoring asks for it again."""
    return Text(**both(code))


def lower_first(text: str) -> str:
    """A label inside a sentence: "Có bố trí kinh phí" -> "có bố trí kinh phí"; a word in
    capitals (TTHC, UBND) keeps them."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def joined_labels(labels: list[Text]) -> dict[str, str]:
    """Labels inside a sentence, joined with "; ", in every language (a message argument)."""
    return {lang: "; ".join(lower_first(t.get(lang)) for t in labels) for lang in LANGS}


def text_arg(text: Text) -> dict[str, str]:
    """A text of the criteria set (a label) as a message argument."""
    return {lang: text.get(lang) for lang in LANGS}


def points_text(value: Decimal, lang: str) -> str:
    """``0,5 điểm`` / ``0.5 points`` / ``1 point``."""
    return render("rule.one-point" if value == 1 else "rule.points", {"number": value}, lang)


def points_phrase(value: Decimal) -> dict[str, str]:
    """``points_text`` in every language, as a message argument (worked out once per value as
    written: a set's maxima come back for every file scored)."""
    written = str(value)  # 1 and 1.0 are equal but written apart
    phrase = _POINTS_PHRASES.get(written)
    if phrase is None:
        if len(_POINTS_PHRASES) >= _MEMO_SIZE:
            _POINTS_PHRASES.clear()
        phrase = _POINTS_PHRASES[written] = {lang: points_text(value, lang) for lang in LANGS}
    return dict(phrase)


_MEMO_SIZE = 4096
_POINTS_PHRASES: dict[str, dict[str, str]] = {}


# --- what a kind is made of ---------------------------------------------------------------------


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
    #: The kind claims that more of this input (a larger number, true rather than false) never
    #: lowers the points; the rule cases check the claim on every case (tests/test_rules.py).
    rising: bool = False
    #: The message code for a value that is not one of ``choices`` (default ``value.choice``);
    #: it is given the item's ``id`` beside the usual arguments.
    unknown_choice: str | None = None
    #: what each of ``choices`` is called for people (the set's level labels): the workbook's
    #: drop-down offers these and reads them back to the ids
    choice_labels: tuple[Text, ...] = ()


def count_input(params: Any) -> InputSpec:
    """The one count a kind reads (``params.count``), labelled as the set labels it."""
    return InputSpec(params.count.name, "count", params.count.label or label("rule.input.count"))


#: A reason's arguments, or a function that makes them: a comparison of many files keeps no
#: reason, so a rule whose arguments cost work of their own (a share shown with the decimals
#: it needs, a band in words) may give them as a function, called only when a full result is
#: built. The points never wait for it.
ReasonArgs = dict[str, Any] | Callable[[], dict[str, Any]]


@dataclass(frozen=True)
class Scored:
    """What a rule made of the inputs. The engine turns it into an outcome."""

    points: Decimal
    reason: str  # message code
    args: ReasonArgs = field(default_factory=dict)
    nothing_occurred: bool = False  # the inputs say there was nothing to score (total 0)

    def reason_args(self) -> dict[str, Any]:
        """The reason's arguments, made now if the rule deferred them."""
        return self.args() if callable(self.args) else self.args


@dataclass(frozen=True)
class Gain:
    """A change that would gain points: the points after it, and what to do (a message)."""

    points: Decimal
    action: str  # message code
    args: dict[str, Any] = field(default_factory=dict)


def count_gain(points: Decimal, label: Any, count: int, target: int) -> Gain:
    """The points after a count is raised (or brought down) from ``count`` to ``target``."""
    code = "plan.count-up" if target > count else "plan.count-down"
    return Gain(points, code, {"label": label, "count": count, "target": target})


@dataclass(frozen=True)
class Goal:
    """What the full points of a sub-criterion ask for in a year, as the set writes it: a
    message (its code and arguments) and the due dates the set gives, in that year."""

    action: str  # message code
    args: dict[str, Any] = field(default_factory=dict)
    due: tuple[dt.date, ...] = ()


def named_goal(code: str, name: Any, args: dict[str, Any] | None = None) -> Goal:
    """A goal over a count or a share, naming what is counted when the set labels it
    ("tỷ lệ hồ sơ trực tuyến đạt từ 35% trở lên", ``{code}-of``), else without it."""
    if name.label is None:  # an input's bare name is no word for a plan
        return Goal(code, dict(args or {}))
    # "vốn đã giải ngân (triệu đồng)": the unit is no part of the goal
    what = {lang: re.sub(r"\s*\([^()]*\)$", "", noun) for lang, noun in count_noun(name).items()}
    return Goal(f"{code}-of", {**(args or {}), "what": what})


class Context(NamedTuple):
    """What a rule may know beyond its inputs. (A named tuple: the checks and the engine make
    one for every item of every file.)"""

    year: int
    document_dates: tuple[dt.date, ...] = ()  # dates of the item's documents, in file order


class ParamProblem(NamedTuple):
    """A rule's parameters refused once the node's maximum is known."""

    code: str  # message code
    keys: tuple[str | int, ...]  # where, below the rule
    args: dict[str, Any]


class InputProblem(NamedTuple):
    """An evidence item's inputs refused (or warned about) by its rule."""

    code: str  # message code
    key: str  # the input it is about
    args: dict[str, Any]
    warning: bool = False  # only a warning: the inputs are still scored


class RuleKind:
    """Base class of rule kinds; see the module docstring."""

    name: ClassVar[str]
    Params: ClassVar[type[RuleParams]]

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
    def improve_in(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal, ctx: Context
    ) -> list[Gain]:
        """``improve`` where the context is known (the engine): a kind whose gains depend on the
        assessment year (due dates written dd/mm) overrides this one."""
        return cls.improve(params, maximum, values, points)

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

    @classmethod
    def goal(cls, params: Any, maximum: Decimal, year: int) -> Goal | None:
        """What the full points ask for in ``year`` (targets, thresholds and due dates from
        the set, never invented); None when the sub-criterion's name says it all (pass or
        fail, a judged item)."""
        return None


# --- named levels and checklist items -----------------------------------------------------------

NAME_PATTERN = r"^[a-z][a-z0-9_]*$"


class Level(BaseModel):
    """One named level of a ``levels`` rule or one item of a ``checklist`` rule."""

    model_config = INPUT_CONFIG

    id: Name
    points: Points
    label: Text


def duplicate_ids(entries: Sequence[Any], key: str) -> list[ParamProblem]:
    problems: list[ParamProblem] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if entry.id in seen:
            problems.append(
                ParamProblem("criteria.duplicate-name", (key, index, "id"), {"name": entry.id})
            )
        seen.add(entry.id)
    return problems


def labelled_points(label_text: Text, points: Decimal, lang: str) -> str:
    """``Ban hành đầy đủ 1 điểm``: a level or an item and its points."""
    return words(
        "rule.labelled-points", lang, label=label_text.get(lang), points=points_text(points, lang)
    )


# --- bands over a value (a share, a count) -------------------------------------------------------


class RuleBand(Bounds):
    """A band over a value, and the points it gives."""

    points: Points


def band_problems(
    bands: list[RuleBand],
    maximum: Decimal,
    start: Decimal,
    end: Decimal | None,
    *,
    whole: bool = False,
) -> list[ParamProblem]:
    intervals = [b.interval for b in bands]
    problems: list[ParamProblem] = [
        ParamProblem(code, ("bands", index), {"value": value})
        for code, index, value in coverage_problems(intervals, start, end, whole=whole)
    ]
    for index, band in enumerate(bands):
        if whole and band.interval.on_whole_numbers().is_empty():
            low, high = band.interval.low, band.interval.high
            problems.append(
                ParamProblem("criteria.band-empty", ("bands", index), {"low": low, "high": high})
            )
        if band.points > maximum:
            problems.append(
                ParamProblem(
                    "criteria.points-over-max",
                    ("bands", index, "points"),
                    {"points": band.points, "max": maximum},
                )
            )
    over = any(band.points > maximum for band in bands)  # already said; not said twice
    if not over and all(band.points != maximum for band in bands):
        problems.append(ParamProblem("criteria.full-unreachable", ("bands",), {"max": maximum}))
    return problems


def best_band(bands: list[RuleBand]) -> RuleBand:
    """The band with the most points (the lowest one where several give them)."""
    top = max(band.points for band in bands)
    return min(
        (band for band in bands if band.points == top),
        key=lambda b: Decimal(-1) if b.interval.low is None else b.interval.low,
    )


def describe_bands(bands: list[RuleBand], lang: str, unit: str) -> str:
    return "; ".join(
        words(
            "rule.band-points",
            lang,
            band=band.interval.text(lang, unit),
            points=points_text(band.points, lang),
        )
        for band in bands
    )


def band_arg(band: RuleBand, unit: str = "") -> dict[str, str]:
    """A band's interval in words, in every language, as a message argument: worked out once
    per band of a set (the band is kept with its words, so that its identity is not reused)."""
    memo = (id(band), unit)
    hit = _BAND_ARGS.get(memo)
    if hit is None or hit[0] is not band:
        if len(_BAND_ARGS) >= _MEMO_SIZE:
            _BAND_ARGS.clear()
        hit = _BAND_ARGS[memo] = (band, {lang: band.interval.text(lang, unit) for lang in LANGS})
    return dict(hit[1])


_BAND_ARGS: dict[tuple[int, str], tuple[RuleBand, dict[str, str]]] = {}


# --- shares: "part of total" or a percentage ----------------------------------------------------
#
# The evidence gives either the two counts (``on_time: 1150`` and ``received: 1200``, names set
# by the rule's ``part`` and ``total``) or a ``percent``. Shares are computed exactly; a total of
# 0 means nothing occurred, and the node's ``when_nothing_occurred`` decides what that is worth.


class ShareParams(RuleParams):
    """Parameters of the kinds over a share."""

    part: InputName = Field(
        default=InputName(name="part"),
        description="the evidence's name (and label) for the count that qualifies",
    )
    total: InputName = Field(
        default=InputName(name="total"), description="the evidence's name (and label) for the total"
    )


class ShareKind(RuleKind):
    """The inputs and checks of the kinds over a share."""

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        part, total = params.part, params.total
        may_exceed = getattr(params, "may_exceed", False)
        return [
            InputSpec(
                part.name,
                part.type,
                part.label or label("rule.input.part"),
                group="counts",
                rising=True,
            ),
            InputSpec(
                total.name, total.type, total.label or label("rule.input.total"), group="counts"
            ),
            InputSpec(
                "percent",
                "number" if may_exceed else "percent",
                label("rule.input.percent"),
                group="percent",
                rising=True,
            ),
        ]

    @classmethod
    def check_inputs(
        cls, params: Any, values: dict[str, Any], maximum: Decimal, ctx: Context
    ) -> list[InputProblem]:
        part, total = params.part.name, params.total.name
        has_counts = part in values or total in values
        if has_counts and "percent" in values:
            return [
                InputProblem(
                    "evidence.inputs-conflict",
                    "percent",
                    {"first": "percent", "second": f"{part} + {total}"},
                )
            ]
        if has_counts and (part not in values or total not in values):
            present = part if part in values else total
            return [InputProblem("evidence.partial-ratio", present, {"part": part, "total": total})]
        may_exceed = getattr(params, "may_exceed", False)
        if has_counts and not may_exceed and values[part] > values[total]:
            args = {
                "part": part,
                "part_value": values[part],
                "total": total,
                "total_value": values[total],
            }
            return [InputProblem("evidence.part-over-total", part, args)]
        return []

    @classmethod
    def is_given(cls, params: Any, values: dict[str, Any], ctx: Context) -> bool:
        return "percent" in values or (params.part.name in values and params.total.name in values)


def share_percent(params: Any, values: dict[str, Any]) -> Fraction | None:
    """The percentage the inputs give, exact; None when the total is zero (nothing occurred)."""
    if "percent" in values:
        return Fraction(values["percent"])
    denominator = values[params.total.name]
    if denominator == 0:
        return None
    # part × 100 / total, as one fraction of integers (counts are int, amounts Decimal)
    part_n, part_d = values[params.part.name].as_integer_ratio()
    total_n, total_d = denominator.as_integer_ratio()
    return Fraction(part_n * 100 * total_d, part_d * total_n)


def share_points(percent: Fraction, maximum: Decimal) -> Decimal:
    """``percent`` % of ``maximum``, rounded to two decimals half up: the points of a share,
    as ``quantize_fraction(percent / 100 * Fraction(maximum))`` in integers."""
    max_n, max_d = maximum.as_integer_ratio()
    return quantize_ratio(percent.numerator * max_n, percent.denominator * 100 * max_d)


def _rounded(value: Fraction, places: int) -> Decimal:
    """``value`` rounded to ``places`` decimals, half up (away from zero)."""
    units = math.floor(abs(value) * 10**places + Fraction(1, 2))
    return Decimal(units if value >= 0 else -units).scaleb(-places)


def _side(value: Fraction, mark: Fraction) -> int:
    return (value > mark) - (value < mark)


def shown_percent(percent: Fraction, bounds: Iterable[Decimal | None] = ()) -> Decimal:
    """The percentage as the reason shows it: two decimals, or as many more as it takes for the
    shown value to lie on the same side of every bound as the exact one, so that the text never
    contradicts the points (89.999% below 90 shows as 89,999%, never 90,00%)."""
    shown = quantize_fraction(percent)
    # the shown value is within half a hundredth of the exact one: only a bound that close to
    # it can lie between them (a quick test in decimals; most shares are near no bound)
    marks = [Fraction(b) for b in bounds if b is not None and abs(shown - b) <= _HALF_HUNDREDTH]
    places = 2
    while places < MAX_SHOWN_PLACES and any(
        _side(Fraction(shown), mark) != _side(percent, mark) for mark in marks
    ):
        places += 1
        shown = _rounded(percent, places)
    return shown


_HALF_HUNDREDTH = Decimal("0.005")


#: Enough decimals to tell any share of counts parscore accepts from a bound (bounds have at
#: most six decimals, counts at most fifteen digits).
MAX_SHOWN_PLACES = 24


def band_bounds(bands: list[RuleBand]) -> list[Decimal | None]:
    """Every bound of ``bands``: where a shown percentage must not cross."""
    return [bound for band in bands for bound in (band.interval.low, band.interval.high)]


def share_args(
    params: Any,
    values: dict[str, Any],
    percent: Fraction,
    bounds: Iterable[Decimal | None] = (),
) -> dict[str, Any]:
    """The share as reason arguments: the percentage shown (with as many decimals as it takes
    not to cross one of ``bounds``), and the counts it came from."""
    shown = shown_percent(percent, bounds)
    if "percent" in values:
        return {"percent": shown, "detail": ""}
    return {
        "percent": shown,
        "detail": f" ({values[params.part.name]}/{values[params.total.name]})",
    }


def count_noun(name: InputName) -> dict[str, str]:
    """The part's label as a count noun: "Số hồ sơ giải quyết đúng hạn" -> "hồ sơ giải quyết
    đúng hạn", so that "thêm 12 hồ sơ giải quyết đúng hạn" reads naturally."""
    if name.label is None:
        return {lang: name.name for lang in LANGS}
    vi = name.label.get("vi")
    vi = vi[3:] if vi[:3].lower() == "số " else vi
    if vi[1:2].islower():  # "Hồ sơ" -> "hồ sơ", but "TTHC" stays
        vi = vi[:1].lower() + vi[1:]
    return {"vi": vi, "en": name.label.get("en").lower()}


def _needed(bound: Decimal, inclusive: bool, total: int | Decimal) -> Fraction:
    """The smallest whole count k with k / total × 100 ≥ bound (or > bound)."""
    exact = Fraction(bound) * Fraction(total) / 100
    whole = math.ceil(exact)
    return Fraction(whole + 1 if (not inclusive and whole == exact) else whole)


def share_more(
    params: Any, values: dict[str, Any], bound: Decimal, inclusive: bool
) -> dict[str, str] | str | None:
    """How many more of the part reach ``bound``, as a message argument ("" when the evidence
    gave a percentage); None when the total cannot allow it."""
    if params.part.name not in values:
        return ""
    part, total = values[params.part.name], values[params.total.name]
    need = _needed(bound, inclusive, total)
    if need > total and not getattr(params, "may_exceed", False):
        return None
    more = need - Fraction(part)
    count = Decimal(more.numerator) / Decimal(more.denominator)
    noun = count_noun(params.part)
    return {lang: render("rule.share.more", {"count": count, "what": noun}, lang) for lang in LANGS}


def share_gain(
    points: Decimal,
    percent: Fraction,
    target: dict[str, str],
    more: dict[str, str] | str,
    bounds: Iterable[Decimal | None] = (),
) -> Gain:
    now = shown_percent(percent, bounds)
    return Gain(points, "plan.share", {"now": now, "target": target, "more": more})
