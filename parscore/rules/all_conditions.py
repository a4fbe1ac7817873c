"""The ``all_conditions`` rule kind: the points only when every condition is met."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field

from parscore.messages import LANGS
from parscore.model.common import INPUT_CONFIG, Name, Text
from parscore.rules.base import (
    Context,
    Gain,
    Goal,
    InputSpec,
    ParamProblem,
    RuleKind,
    RuleParams,
    Scored,
    duplicate_ids,
    joined_labels,
    points_text,
    words,
)


class Condition(BaseModel):
    """One condition of an ``all_conditions`` rule: an id for the evidence and its wording."""

    model_config = INPUT_CONFIG

    id: Name
    label: Text


class AllConditionsParams(RuleParams):
    kind: Literal["all_conditions"]
    conditions: list[Condition] = Field(
        min_length=2,
        description="id and label of each condition; the points need every one of them",
    )


def _joined(conditions: list[Condition]) -> dict[str, str]:
    """The conditions' labels, joined, in every language (a message argument)."""
    return {lang: "; ".join(c.label.get(lang) for c in conditions) for lang in LANGS}


class AllConditions(RuleKind):
    """All conditions met, or nothing: the points only when every condition is met.

    Each condition is answered on its own, so the result says which one failed. With
    ``penalty_when_unmet``, an unmet condition also books a penalty (a gate with a penalty).

    Criteria (1.1.2: "Xác định đầy đủ nhiệm vụ và có bố trí kinh phí: 1; không xác định đầy đủ
    nhiệm vụ hoặc không bố trí kinh phí: 0")::

        rule:
          kind: all_conditions
          conditions:
            - {id: tasks, label: {vi: Xác định đầy đủ nhiệm vụ, en: Every task identified}}
            - {id: funded, label: {vi: Có bố trí kinh phí, en: Funds allocated}}

    Evidence: ``tasks: true`` and ``funded: false`` → 0 points, "not met: Funds allocated".
    Every condition must be answered.

    A gate with a penalty ("Không bố trí, không đảm bảo yêu cầu … tại điểm 1, 2, 3 … bị 0
    điểm và bị trừ 0,25 điểm")::

        rule:
          kind: all_conditions
          penalty_when_unmet: 0.25
          conditions:
            - {id: desk, label: {vi: "Bố trí Bộ phận Một cửa", en: "A one-stop desk"}}
            - {id: staff, label: {vi: "Công chức đủ tiêu chuẩn", en: "Qualified staff"}}
            - {id: hours, label: {vi: "Trực đủ giờ làm việc", en: "Staffed all hours"}}

    Evidence: ``desk: true``, ``staff: true``, ``hours: false`` → 0 points and 0.25 booked in
    the penalty ledger.
    """

    name = "all_conditions"
    Params = AllConditionsParams

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [InputSpec(c.id, "bool", c.label, rising=True) for c in params.conditions]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        return duplicate_ids(params.conditions, "conditions")

    @classmethod
    def is_given(cls, params: Any, values: dict[str, Any], ctx: Context) -> bool:
        return all(c.id in values for c in params.conditions)

    @staticmethod
    def _unmet(params: Any, values: dict[str, Any]) -> list[Condition]:
        return [c for c in params.conditions if not values.get(c.id)]

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        unmet = cls._unmet(params, values)
        count = len(params.conditions)
        if not unmet:
            return Scored(maximum, "reason.conditions-all", {"count": count})
        args = {"unmet": len(unmet), "count": count, "missed": _joined(unmet)}
        return Scored(Decimal(0), "reason.conditions-unmet", args)

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        unmet = cls._unmet(params, values)
        if points >= maximum or not unmet:
            return []
        return [Gain(maximum, "plan.conditions", {"conditions": _joined(unmet)})]

    @classmethod
    def goal(cls, params: Any, maximum: Decimal, year: int) -> Goal | None:
        items = joined_labels([entry.label for entry in params.conditions])
        return Goal("plan-year.goal.all-of", {"items": items})

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return words(
            "rule.all_conditions.describe",
            lang,
            conditions=_joined(params.conditions)[lang],
            max=points_text(maximum, lang),
        )


KIND = AllConditions
