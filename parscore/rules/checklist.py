"""The ``checklist`` rule kind: several requirements whose points add up."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from parscore.messages import LANGS
from parscore.rules.base import (
    Context,
    Gain,
    Goal,
    InputSpec,
    Level,
    ParamProblem,
    RuleKind,
    RuleParams,
    Scored,
    duplicate_ids,
    joined_labels,
    labelled_points,
    text_arg,
    words,
)


class ChecklistItem(Level):
    """One requirement of a checklist: its id, points and label, and whether it is a gate."""

    required: bool = Field(
        default=False,
        description="a gate: when this item is unmet the sub-criterion gets 0 points, whatever "
        "the others (with penalty_when_unmet, a penalty too)",
    )


class ChecklistParams(RuleParams):
    kind: Literal["checklist"]
    items: list[ChecklistItem] = Field(
        min_length=1, description="id, points and label of each requirement; they add up to max"
    )


def _labels(items: list[ChecklistItem]) -> dict[str, str]:
    return {lang: "; ".join(item.label.get(lang) for item in items) for lang in LANGS}


def _sum(items: list[ChecklistItem]) -> Decimal:
    return sum((item.points for item in items), Decimal(0))


class Checklist(RuleKind):
    """Several requirements, each worth its points; the points add up.

    An item marked ``required: true`` is a gate: when it is unmet, the sub-criterion gets 0
    points whatever the others, and with ``penalty_when_unmet`` a penalty is booked too.

    Criteria (2.1: every assigned document issued 1 + every one lawful 2)::

        rule:
          kind: checklist
          items:
            - {id: issued, points: 1, label: {vi: Ban hành đầy đủ, en: All issued}}
            - {id: lawful, points: 2, label: {vi: Đúng quy định, en: All lawful}}

    Evidence: ``issued: true`` and ``lawful: false``. Every item must be answered.

    A gate with a penalty ("Bố trí công chức … 0,5; niêm yết TTHC … 0,5; trang thiết bị … 1.
    Không bố trí, không đảm bảo yêu cầu tại điểm 1, 2 bị 0 điểm và bị trừ 0,25 điểm")::

        rule:
          kind: checklist
          penalty_when_unmet: 0.25
          items:
            - {id: staff, points: 0.5, required: true, label: {vi: Bố trí công chức, en: Staff}}
            - {id: posted, points: 0.5, required: true, label: {vi: Niêm yết TTHC, en: Posted}}
            - {id: equipment, points: 1, label: {vi: Trang thiết bị, en: Equipment}}

    Evidence: ``staff: true``, ``posted: false``, ``equipment: true`` → 0 points and 0.25 booked.
    """

    name = "checklist"
    Params = ChecklistParams

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [InputSpec(item.id, "bool", item.label, rising=True) for item in params.items]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        problems = duplicate_ids(params.items, "items")
        total = _sum(params.items)
        if total != maximum:
            problems.append(
                ParamProblem("criteria.checklist-sum", ("items",), {"sum": total, "max": maximum})
            )
        return problems

    @classmethod
    def is_given(cls, params: Any, values: dict[str, Any], ctx: Context) -> bool:
        return all(item.id in values for item in params.items)

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        met = [item for item in params.items if values[item.id]]
        unmet = [item for item in params.items if not values[item.id]]
        gates = [item for item in unmet if item.required]
        if gates:
            return Scored(Decimal(0), "reason.checklist-gate", {"missed": _labels(gates)})
        points = _sum(met)
        if not unmet:
            return Scored(points, "reason.checklist-all", {"count": len(params.items)})
        args = {"met": len(met), "count": len(params.items), "missed": _labels(unmet)}
        return Scored(points, "reason.checklist", {**args, "points": points})

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        unmet = [item for item in params.items if not values.get(item.id)]
        gates = [item for item in unmet if item.required]
        if gates:  # the gate first: meeting it brings back what the met items are worth
            met = [item for item in params.items if values.get(item.id)]
            opened = Gain(_sum(met + gates), "plan.item", {"item": _labels(gates)})
            return [Gain(maximum, "plan.full"), opened] if len(unmet) > len(gates) else [opened]
        gains = [
            Gain(points + item.points, "plan.item", {"item": text_arg(item.label)})
            for item in sorted(unmet, key=lambda i: -i.points)
        ]
        if len(unmet) > 1:
            gains.insert(0, Gain(maximum, "plan.full"))
        return gains

    @classmethod
    def goal(cls, params: Any, maximum: Decimal, year: int) -> Goal | None:
        items = joined_labels([entry.label for entry in params.items])
        return Goal("plan-year.goal.all-of", {"items": items})

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        text = " + ".join(labelled_points(item.label, item.points, lang) for item in params.items)
        gates = [item for item in params.items if item.required]
        if gates:
            return words(
                "rule.checklist.describe-gate", lang, items=text, gates=_labels(gates)[lang]
            )
        return text


KIND = Checklist
