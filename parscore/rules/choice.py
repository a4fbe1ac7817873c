"""Rule kinds where the evidence states what happened: pass/fail, levels, checklist, judged,
timeliness."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator
from pydantic_core import PydanticCustomError

from parscore.messages import format_date, format_number
from parscore.model.common import INPUT_CONFIG, Name, Points, Text
from parscore.rules.base import (  # noqa: I001
    Context,
    Gain,
    InputProblem,
    InputSpec,
    ParamProblem,
    RuleKind,
    RuleParams,
    Scored,
    label,
    points_text,
)

_NAME = r"^[a-z][a-z0-9_]*$"


class PassFailParams(RuleParams):
    kind: Literal["pass_fail"]


class PassFail(RuleKind):
    """Full points when the requirement is met, none otherwise.

    Criteria::

        rule: {kind: pass_fail}

    Evidence: ``met: true`` or ``met: false``.
    """

    name = "pass_fail"
    Params = PassFailParams

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [InputSpec("met", "bool", label("Đạt yêu cầu", "Requirement met"))]

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        if values["met"]:
            return Scored(maximum, "reason.pass", {"points": maximum})
        return Scored(Decimal(0), "reason.fail", {})

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        if lang == "vi":
            return f"đạt {points_text(maximum, lang)}; không đạt 0 điểm"
        return f"met {points_text(maximum, lang)}; not met 0 points"


class Level(BaseModel):
    """One named level of a ``levels`` rule or one item of a ``checklist`` rule."""

    model_config = INPUT_CONFIG

    id: Name
    points: Points
    label: Text


def _duplicate_ids(entries: list[Level], key: str) -> list[ParamProblem]:
    problems: list[ParamProblem] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if entry.id in seen:
            problems.append(("criteria.duplicate-name", (key, index, "id"), {"name": entry.id}))
        seen.add(entry.id)
    return problems


class LevelsParams(RuleParams):
    kind: Literal["levels"]
    levels: list[Level] = Field(min_length=2, description="id, points and label of each level")


class Levels(RuleKind):
    """The evidence names one of several declared levels, each worth its points.

    Criteria (1.4: a plan and every item done 1; a plan, not every item done 0.5; none 0)::

        rule:
          kind: levels
          levels:
            - id: done
              points: 1
              label: {vi: "Có kế hoạch, thực hiện đầy đủ", en: "Planned and all done"}
            - id: partly
              points: 0.5
              label: {vi: "Có kế hoạch, chưa đầy đủ", en: "Planned, not all done"}
            - id: none
              points: 0
              label: {vi: "Không có kế hoạch", en: "No plan"}

    Evidence: ``level: partly``.
    """

    name = "levels"
    Params = LevelsParams

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [
            InputSpec(
                "level",
                "choice",
                label("Mức đạt được", "Level reached"),
                choices=tuple(level.id for level in params.levels),
            )
        ]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        problems = _duplicate_ids(params.levels, "levels")
        for index, level in enumerate(params.levels):
            if level.points > maximum:
                problems.append(
                    (
                        "criteria.points-over-max",
                        ("levels", index, "points"),
                        {"points": level.points, "max": maximum},
                    )
                )
        if all(level.points != maximum for level in params.levels):
            problems.append(("criteria.full-unreachable", ("levels",), {"max": maximum}))
        return problems

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        level = next(lv for lv in params.levels if lv.id == values["level"])
        return Scored(
            level.points,
            "reason.level",
            {
                "level": {"vi": level.label.get("vi"), "en": level.label.get("en")},
                "points": level.points,
            },
        )

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        better = sorted(
            (lv for lv in params.levels if lv.points > points), key=lambda lv: -lv.points
        )
        return [
            Gain(
                lv.points,
                "plan.level",
                {"level": {"vi": lv.label.get("vi"), "en": lv.label.get("en")}},
            )
            for lv in better
        ]

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return "; ".join(
            f"{level.label.get(lang)} {points_text(level.points, lang)}" for level in params.levels
        )


class ChecklistParams(RuleParams):
    kind: Literal["checklist"]
    items: list[Level] = Field(
        min_length=1, description="id, points and label of each requirement; they add up to max"
    )


class Checklist(RuleKind):
    """Several requirements, each worth its points; the points add up.

    Criteria (2.1: every assigned document issued 1 + every one lawful 2)::

        rule:
          kind: checklist
          items:
            - {id: issued, points: 1, label: {vi: Ban hành đầy đủ, en: All issued}}
            - {id: lawful, points: 2, label: {vi: Đúng quy định, en: All lawful}}

    Evidence: ``issued: true`` and ``lawful: false``. Every item must be answered.
    """

    name = "checklist"
    Params = ChecklistParams

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [InputSpec(item.id, "bool", item.label) for item in params.items]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        problems = _duplicate_ids(params.items, "items")
        total = sum((item.points for item in params.items), Decimal(0))
        if total != maximum:
            problems.append(("criteria.checklist-sum", ("items",), {"sum": total, "max": maximum}))
        return problems

    @classmethod
    def is_given(cls, params: Any, values: dict[str, Any], ctx: Context) -> bool:
        return all(item.id in values for item in params.items)

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        met = [item for item in params.items if values[item.id]]
        points = sum((item.points for item in met), Decimal(0))
        unmet = [item for item in params.items if not values[item.id]]
        if not unmet:
            return Scored(points, "reason.checklist-all", {"count": len(params.items)})
        return Scored(
            points,
            "reason.checklist",
            {
                "met": len(met),
                "count": len(params.items),
                "missed_vi": "; ".join(item.label.get("vi") for item in unmet),
                "missed_en": "; ".join(item.label.get("en") for item in unmet),
                "points": points,
            },
        )

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        unmet = [item for item in params.items if not values.get(item.id)]
        gains = [
            Gain(
                points + item.points,
                "plan.item",
                {"item": {"vi": item.label.get("vi"), "en": item.label.get("en")}},
            )
            for item in sorted(unmet, key=lambda i: -i.points)
        ]
        if len(unmet) > 1:
            gains.insert(0, Gain(maximum, "plan.full"))
        return gains

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return " + ".join(
            f"{item.label.get(lang)} {points_text(item.points, lang)}" for item in params.items
        )


class JudgedParams(RuleParams):
    kind: Literal["judged"]
    step: Points = Field(gt=0, description="the points go in steps of this (0.5, 0.25)")


class Judged(RuleKind):
    """The assessors choose the points within [0, max] in declared steps, and must explain why.

    Criteria (7.5, judged 0–2 in steps of 0.5)::

        rule: {kind: judged, step: 0.5}

    Evidence: ``points: 1.5`` and an ``explanation``. Without the explanation the points do not
    count yet (the item shows as missing evidence).
    """

    name = "judged"
    Params = JudgedParams
    needs_explanation = True

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [InputSpec("points", "points", label("Số điểm chấm", "Points given"))]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        if maximum % params.step != 0:
            return [("criteria.step", ("step",), {"step": params.step, "max": maximum})]
        return []

    @classmethod
    def check_inputs(
        cls, params: Any, values: dict[str, Any], maximum: Decimal, ctx: Context
    ) -> list[InputProblem]:
        points = values.get("points")
        if points is None:
            return []
        if points > maximum:
            return [("evidence.points-over-max", "points", {"value": points, "max": maximum})]
        if points % params.step != 0:
            return [("evidence.judged-step", "points", {"value": points, "step": params.step})]
        return []

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        return Scored(Decimal(values["points"]), "reason.judged", {"points": values["points"]})

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        step = format_number(params.step, lang)
        if lang == "vi":
            return f"chấm từ 0 đến {points_text(maximum, lang)}, mỗi bước {step}, có giải trình"
        return (
            f"judged from 0 to {points_text(maximum, lang)} in steps of {step}, with an explanation"
        )


_DUE = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?")

STATUSES = ("on_time", "late", "not_done")
_STATUS_TEXT = {
    "on_time": {"vi": "đúng hạn", "en": "on time"},
    "late": {"vi": "chậm", "en": "late"},
    "not_done": {"vi": "không thực hiện", "en": "not done"},
}


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
        match = _DUE.fullmatch(value.strip())
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
        match = _DUE.fullmatch(self.due)
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
                label("Tình trạng", "Status"),
                choices=STATUSES,
            ),
            InputSpec("due", "date", label("Hạn", "Due date")),
            InputSpec("done_on", "date", label("Ngày hoàn thành", "Done on")),
        ]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        problems: list[ParamProblem] = []
        for key in STATUSES:
            value = getattr(params, key)
            if value > maximum:
                problems.append(
                    ("criteria.points-over-max", (key,), {"points": value, "max": maximum})
                )
        if params.on_time != maximum:
            problems.append(("criteria.full-unreachable", ("on_time",), {"max": maximum}))
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
        due = values.get("due")
        due_text = format_date(due) if due else params.due
        args = {
            "due_vi": f" (trước hoặc đúng {due_text})" if due_text else "",
            "due_en": f" (by {due_text})" if due_text else "",
        }
        return [Gain(params.on_time, "plan.on-time", args)]

    @classmethod
    def fill_hint(cls, params: Any, lang: str) -> str | None:
        if params.due:
            if lang == "vi":
                return (
                    f"Chỉ cần ghi tài liệu có ngày ban hành: đúng hạn hay chậm được tính theo "
                    f"ngày đó và hạn {params.due}. Ghi status khi không có ngày."
                )
            return (
                f"A dated document is enough: on time or late follows from its date and the "
                f"due date {params.due}. Give status when there is no date."
            )
        if lang == "vi":
            return "Ghi hạn (due) và tài liệu có ngày, hoặc ghi status."
        return "Give the due date and a dated document, or the status."

    @classmethod
    def check_inputs(
        cls, params: Any, values: dict[str, Any], maximum: Decimal, ctx: Context
    ) -> list[InputProblem]:
        derived = cls._derived(params, values, ctx)
        stated = values.get("status")
        if derived and stated and derived != stated:
            due, done = cls._dates(params, values, ctx)
            return [
                (
                    "evidence.status-contradicts-dates",
                    "status",
                    {"status": stated, "derived": derived, "done": done, "due": due},
                    True,
                )
            ]
        return []

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        derived = cls._derived(params, values, ctx)
        status = derived or values["status"]
        points = getattr(params, status)
        args: dict[str, Any] = {"status": _STATUS_TEXT[status], "points": points}
        if derived:
            due, done = cls._dates(params, values, ctx)
            args.update(done=format_date(done), due=format_date(due))  # type: ignore[arg-type]
            return Scored(points, "reason.timeliness-dates", args)
        return Scored(points, "reason.timeliness", args)

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        parts = [
            f"{_STATUS_TEXT[key][lang]} {points_text(getattr(params, key), lang)}"
            for key in STATUSES
        ]
        text = "; ".join(parts)
        if params.due:
            text += f" (hạn {params.due})" if lang == "vi" else f" (due {params.due})"
        return text
