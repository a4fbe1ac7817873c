"""The ``deliverables`` rule kind: several deliverables, each with its own due date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator
from pydantic_core import PydanticCustomError

from parscore.decimals import tidy
from parscore.messages import LANGS, render
from parscore.model.common import INPUT_CONFIG, Name, Points, Text
from parscore.rules.base import (
    DUE_PATTERN,
    Context,
    Gain,
    Goal,
    InputSpec,
    ParamProblem,
    RuleKind,
    RuleParams,
    Scored,
    duplicate_ids,
    points_text,
    words,
)

Scoring = Literal["all_on_time", "each", "deduct"]


class Deliverable(BaseModel):
    """One deliverable (a report): its id in evidence files, its name and its due date."""

    model_config = INPUT_CONFIG

    id: Name
    name: Text
    due: str = Field(description="dd/mm, in the assessment year (or the next: next_year)")
    next_year: bool = Field(
        default=False, description="due in the year after the assessment year (the annual report)"
    )
    points: Points | None = Field(default=None, description="with scoring: each, its points")

    @field_validator("due")
    @classmethod
    def _due_is_a_day(cls, value: str) -> str:
        match = DUE_PATTERN.fullmatch(value.strip())
        try:
            if not match or match.group(3):
                raise ValueError
            dt.date(2000, int(match.group(2)), int(match.group(1)))  # 2000: 29/02 is allowed
        except ValueError:
            raise PydanticCustomError("criteria.due-day", "bad due day", {"value": value}) from None
        return value.strip()

    def due_in(self, year: int) -> dt.date:
        day, month = (int(part) for part in self.due.split("/"))
        year = year + 1 if self.next_year else year
        try:
            return dt.date(year, month, day)
        except ValueError:  # 29/02 in a year that has none: the last day of February
            return dt.date(year, 2, 28)

    def named(self, lang: str) -> str:
        """``Báo cáo năm (hạn 15/01 năm sau)``: the name and the due date."""
        code = "rule.deliverables.due-next" if self.next_year else "rule.deliverables.due"
        return render(code, {"name": self.name.get(lang), "due": self.due}, lang)


class DeliverablesParams(RuleParams):
    kind: Literal["deliverables"]
    deliverables: list[Deliverable] = Field(
        min_length=2, description="id, name and due date (dd/mm) of each deliverable"
    )
    scoring: Scoring = Field(
        default="all_on_time",
        description="all_on_time: the points only when every one is on time; each: each "
        "deliverable's points when it is on time; deduct: the maximum less per_late for each "
        "late or missing one, not below 0",
    )
    per_late: Points | None = Field(
        default=None, gt=0, description="with scoring: deduct, points off per late or missing one"
    )


def _each(texts: list[dict[str, str]]) -> dict[str, str]:
    return {lang: "; ".join(text[lang] for text in texts) for lang in LANGS}


def _named(deliverable: Deliverable) -> dict[str, str]:
    return {lang: deliverable.named(lang) for lang in LANGS}


class Deliverables(RuleKind):
    """Several deliverables, each with its own due date: all on time, each, or less per late one.

    The set lists each deliverable with an id, a name and a due date (dd/mm in the assessment
    year; ``next_year: true`` for one due in the year after, such as an annual report due in
    January); the evidence gives the date each one was sent, under its id, with the documents.
    A date on the due date is on time; a deliverable with no date counts as not sent.

    ``scoring``: ``all_on_time`` (the default) gives the points only when every deliverable is
    on time; ``each`` gives each deliverable's ``points`` when it is on time; ``deduct`` takes
    ``per_late`` off the maximum for each late or missing one, never below 0.

    Criteria (1.2.1: "Tất cả báo cáo được gửi đúng thời gian quy định (báo cáo quý I, quý III,
    báo cáo 6 tháng và báo cáo năm): 1; không đủ số lượng hoặc không đúng thời gian: 0")::

        rule:
          kind: deliverables
          deliverables:
            - {id: q1, name: {vi: Báo cáo quý I, en: Q1 report}, due: "12/03"}
            - {id: half_year, name: {vi: Báo cáo 6 tháng, en: Half-year report}, due: "12/06"}
            - {id: q3, name: {vi: Báo cáo quý III, en: Q3 report}, due: "12/09"}
            - {id: year, name: {vi: Báo cáo năm, en: Annual report}, due: "12/12"}

    Evidence: ``q1: 10/03/2023``, ``half_year: 09/06/2023``, ``q3: 18/09/2023`` (late) and
    ``year: 08/12/2023`` → 0 points, "Q3 report sent 18/09/2023, after its due date
    12/09/2023".

    With ``scoring: deduct`` and ``per_late: 0.25``, the same evidence gives 0.75.
    """

    name = "deliverables"
    Params = DeliverablesParams

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [InputSpec(d.id, "date", Text(**_input_label(d))) for d in params.deliverables]

    @classmethod
    def fill_hint(cls, params: Any, lang: str) -> str | None:
        return words("rule.deliverables.hint", lang)

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        problems = duplicate_ids(params.deliverables, "deliverables")
        problems += _points_problems(params, maximum)
        deduct = params.scoring == "deduct"
        if deduct and params.per_late is None:
            problems.append(ParamProblem("criteria.deliverables-per-late", ("scoring",), {}))
        if not deduct and params.per_late is not None:
            args = {"key": "per_late", "scoring": "deduct"}
            problems.append(ParamProblem("criteria.deliverables-unused", ("per_late",), args))
        return problems

    @classmethod
    def is_given(cls, params: Any, values: dict[str, Any], ctx: Context) -> bool:
        return any(d.id in values for d in params.deliverables)

    @staticmethod
    def _faults(params: Any, values: dict[str, Any], year: int) -> list[Deliverable]:
        """The deliverables late or not sent, in the set's order."""
        return [
            d for d in params.deliverables if d.id not in values or values[d.id] > d.due_in(year)
        ]

    @classmethod
    def _points(cls, params: Any, maximum: Decimal, faults: list[Deliverable]) -> Decimal:
        if params.scoring == "all_on_time":
            return Decimal(0) if faults else maximum
        if params.scoring == "each":
            late = {d.id for d in faults}
            on_time = [d.points for d in params.deliverables if d.id not in late]
            return tidy(sum(on_time, Decimal(0)))
        return max(Decimal(0), tidy(maximum - params.per_late * len(faults)))

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        faults = cls._faults(params, values, ctx.year)
        points = cls._points(params, maximum, faults)
        count = len(params.deliverables)
        if not faults:
            return Scored(points, "reason.deliverables-all", {"count": count})
        said = [_fault(d, values.get(d.id), ctx.year) for d in faults]
        args = {"on_time": count - len(faults), "count": count, "faults": _each(said)}
        return Scored(points, "reason.deliverables", args)

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        """Without the assessment year (a caller other than the engine): the year the earliest
        deliverable sent belongs to."""
        return cls.improve_in(
            params, maximum, values, points, Context(_likely_year(params, values))
        )

    @classmethod
    def improve_in(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal, ctx: Context
    ) -> list[Gain]:
        faults = cls._faults(params, values, ctx.year)
        if points >= maximum or not faults:
            return []
        gains = [Gain(maximum, "plan.deliverables", {"which": _each([_named(d) for d in faults])})]
        if params.scoring == "all_on_time" or len(faults) < 2:
            return gains
        for d in faults:  # one at a time: what each one alone is worth
            after = cls._points(params, maximum, [f for f in faults if f is not d])
            gains.append(Gain(after, "plan.deliverables", {"which": _named(d)}))
        gains[1:] = sorted(gains[1:], key=lambda g: -g.points)
        return gains

    @classmethod
    def goal(cls, params: Any, maximum: Decimal, year: int) -> Goal | None:
        which = _each([_named(d) for d in params.deliverables])
        due = tuple(d.due_in(year) for d in params.deliverables)
        return Goal("plan-year.goal.deliverables", {"which": which}, due)

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        shown = points_text(maximum, lang)
        if params.scoring == "each":
            which = "; ".join(
                words(
                    "rule.labelled-points",
                    lang,
                    label=d.named(lang),
                    points=points_text(d.points, lang),
                )
                for d in params.deliverables
            )
            return words("rule.deliverables.describe-each", lang, which=which)
        which = "; ".join(d.named(lang) for d in params.deliverables)
        if params.scoring == "deduct":
            per = points_text(params.per_late, lang)
            return words("rule.deliverables.describe-deduct", lang, which=which, max=shown, per=per)
        return words("rule.deliverables.describe", lang, which=which, max=shown)


def _points_problems(params: Any, maximum: Decimal) -> list[ParamProblem]:
    """Each deliverable's points: all of them with scoring: each (adding up to the maximum),
    none otherwise."""
    each = params.scoring == "each"
    problems: list[ParamProblem] = []
    for index, d in enumerate(params.deliverables):
        if each and d.points is None:
            where: tuple[str | int, ...] = ("deliverables", index)
            problems.append(ParamProblem("criteria.deliverables-points", where, {}))
        elif not each and d.points is not None:
            where = ("deliverables", index, "points")
            unused = {"key": "points", "scoring": "each"}
            problems.append(ParamProblem("criteria.deliverables-unused", where, unused))
    if each and not problems:
        total = sum((d.points for d in params.deliverables), Decimal(0))
        if total != maximum:
            summed = {"sum": total, "max": maximum}
            problems.append(ParamProblem("criteria.deliverables-sum", ("deliverables",), summed))
    return problems


def _likely_year(params: Any, values: dict[str, Any]) -> int:
    years = [
        values[d.id].year - (1 if d.next_year else 0) for d in params.deliverables if d.id in values
    ]
    return min(years) if years else 2000


def _input_label(d: Deliverable) -> dict[str, str]:
    return {
        lang: render("rule.deliverables.input", {"name": d.name.get(lang)}, lang) for lang in LANGS
    }


def _fault(d: Deliverable, sent: dt.date | None, year: int) -> dict[str, str]:
    if sent is None:
        return {
            lang: render("rule.deliverables.missing", {"name": d.name.get(lang)}, lang)
            for lang in LANGS
        }
    args = {"sent": sent, "due": d.due_in(year)}
    return {
        lang: render("rule.deliverables.late", {"name": d.name.get(lang), **args}, lang)
        for lang in LANGS
    }


KIND = Deliverables
