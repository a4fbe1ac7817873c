"""The ``timeliness`` rule kind: points for done on time, late, or not done."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from parscore.model.common import Points
from parscore.rules.base import (
    DUE_PATTERN,
    Context,
    Gain,
    Goal,
    InputProblem,
    InputSpec,
    ParamProblem,
    RuleKind,
    RuleParams,
    Scored,
    both,
    label,
    points_text,
    words,
)

STATUSES = ("on_time", "late", "not_done")


class TimelinessParams(RuleParams):
    kind: Literal["timeliness"]
    on_time: Points = Field(description="points when done on time (the node's maximum)")
    late: Points = Field(description="points when done late")
    not_done: Points = Field(default=Decimal(0), description="points when not done")
    due: str | None = Field(
        default=None,
        description="deadline as dd/mm (in the assessment year) or dd/mm/yyyy; the evidence "
        "may give its own 'due'",
        examples=["31/01"],
    )

    @field_validator("due")
    @classmethod
    def _due_is_a_date(cls, value: str | None) -> str | None:
        if value is None:
            return value
        match = DUE_PATTERN.fullmatch(value.strip())
        try:
            if not match:
                raise ValueError
            day, month, year = match.groups()
            dt.date(int(year or 2000), int(month), int(day))  # 2000: 29/02 is allowed
        except ValueError:
            raise PydanticCustomError("criteria.due", "bad due date", {"value": value}) from None
        return value.strip()

    def due_in(self, year: int) -> dt.date | None:
        if self.due is None:
            return None
        match = DUE_PATTERN.fullmatch(self.due)
        assert match is not None
        day, month, given_year = match.groups()
        try:
            return dt.date(int(given_year or year), int(month), int(day))
        except ValueError:  # 29/02 in a year that has none: the last day of February
            return dt.date(int(given_year or year), 2, 28)


class Timeliness(RuleKind):
    """Points for done on time, late, or not done.

    The status is derived from the due date and the completion date when both are known: the
    due date comes from the evidence (``due``) or the rule (``due: 31/01``, in the assessment
    year); the completion date from the evidence (``done_on``) or else the date of the first
    listed document. Otherwise the evidence states ``status: on_time | late | not_done``.
    A document dated after the due date is late, on the due date on time.

    Criteria (1.1.1: the yearly reform plan issued on time 1, late 0.5, not issued 0)::

        rule: {kind: timeliness, on_time: 1, late: 0.5, not_done: 0, due: "31/01"}

    Evidence: the plan as a document dated ``06/02/2023`` (late), or ``status: not_done``.
    """

    name = "timeliness"
    Params = TimelinessParams

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [
            InputSpec(
                "status",
                "choice",
                label("rule.input.status"),
                choices=STATUSES,
                choice_labels=tuple(label(f"rule.status.{status}") for status in STATUSES),
            ),
            InputSpec("due", "date", label("rule.input.due")),
            InputSpec("done_on", "date", label("rule.input.done-on")),
        ]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        problems: list[ParamProblem] = []
        for key in STATUSES:
            value = getattr(params, key)
            if value > maximum:
                problems.append(
                    ParamProblem(
                        "criteria.points-over-max", (key,), {"points": value, "max": maximum}
                    )
                )
        if params.on_time != maximum:
            problems.append(
                ParamProblem("criteria.full-unreachable", ("on_time",), {"max": maximum})
            )
        return problems

    @staticmethod
    def _dates(
        params: Any, values: dict[str, Any], ctx: Context
    ) -> tuple[dt.date | None, dt.date | None]:
        due = values.get("due") or params.due_in(ctx.year)
        done = values.get("done_on") or (ctx.document_dates[0] if ctx.document_dates else None)
        return due, done

    @classmethod
    def _derived(cls, params: Any, values: dict[str, Any], ctx: Context) -> str | None:
        if values.get("status") == "not_done":
            return None
        due, done = cls._dates(params, values, ctx)
        if due is None or done is None:
            return None
        return "on_time" if done <= due else "late"

    @classmethod
    def is_given(cls, params: Any, values: dict[str, Any], ctx: Context) -> bool:
        return "status" in values or cls._derived(params, values, ctx) is not None

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        if points >= params.on_time:
            return []
        due = values.get("due") or params.due  # a date from the evidence, or the rule's "31/01"
        by = both("rule.timeliness.by", due=due) if due else ""
        return [Gain(params.on_time, "plan.on-time", {"due": by})]

    @classmethod
    def goal(cls, params: Any, maximum: Decimal, year: int) -> Goal | None:
        due = params.due_in(year)
        if due is None:
            return Goal("plan-year.goal.on-time")
        from parscore.messages import LANGS, format_date

        shown = {lang: format_date(due, lang) for lang in LANGS}
        return Goal("plan-year.goal.by", {"date": shown}, (due,))

    @classmethod
    def fill_hint(cls, params: Any, lang: str) -> str | None:
        if params.due:
            return words("rule.timeliness.hint-due", lang, due=params.due)
        return words("rule.timeliness.hint", lang)

    @classmethod
    def check_inputs(
        cls, params: Any, values: dict[str, Any], maximum: Decimal, ctx: Context
    ) -> list[InputProblem]:
        derived = cls._derived(params, values, ctx)
        stated = values.get("status")
        if derived and stated and derived != stated:
            due, done = cls._dates(params, values, ctx)
            args = {"status": stated, "derived": derived, "done": done, "due": due}
            return [InputProblem("evidence.status-contradicts-dates", "status", args, True)]
        return []

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        derived = cls._derived(params, values, ctx)
        status = derived or values["status"]
        points = getattr(params, status)
        args: dict[str, Any] = {"status": both(f"rule.status.{status}"), "points": points}
        if derived:
            due, done = cls._dates(params, values, ctx)
            args.update(done=done, due=due)
            return Scored(points, "reason.timeliness-dates", args)
        return Scored(points, "reason.timeliness", args)

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        text = "; ".join(
            words(
                "rule.labelled-points",
                lang,
                label=words(f"rule.status.{key}", lang),
                points=points_text(getattr(params, key), lang),
            )
            for key in STATUSES
        )
        if params.due:
            return words("rule.timeliness.describe-due", lang, statuses=text, due=params.due)
        return text


KIND = Timeliness
