"""The first draft of next year's improvement plan (kế hoạch cải thiện Chỉ số CCHC). Pure.

From a scored commune: for every sub-criterion that lost points, the concrete change that would
gain points and how many (its rule says: the count still needed for the next band, on time
instead of late, the missing document...). Steps that only lack a document or an explanation are
the cheapest and come first; then the biggest gains. Survey points are shown apart: the commune
does not score them. With a target index, the smallest set of improvements that reaches it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field

from parscore.decimals import percent
from parscore.loading import Prepared
from parscore.messages import render
from parscore.model.common import RESULT_CONFIG, Text
from parscore.model.criteria import Node
from parscore.model.evidence import Unit
from parscore.model.result import CriteriaRef, FieldScore, NodeResult, Outcome, UnitResult

Cost = Literal["document", "explanation", "evidence", "action"]
#: cheapest first: proof for figures already given, then figures not given yet, then real work
_COST_ORDER: dict[str, int] = {"document": 0, "explanation": 0, "evidence": 1, "action": 2}


class Step(BaseModel):
    """One thing to do, and what it is worth."""

    model_config = RESULT_CONFIG

    id: str = Field(description="the sub-criterion")
    name: Text
    field: str
    cost: Cost
    action: Text
    points_now: Decimal
    points_after: Decimal
    gain: Decimal
    lead: str | None = None
    support: list[str] = Field(default_factory=list)
    timing: str | None = None
    advice: Text | None = None


class SurveyGap(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    points: Decimal
    max: Decimal


class TargetPlan(BaseModel):
    model_config = RESULT_CONFIG

    target: Decimal
    reachable: bool
    index_after: Decimal = Field(description="the index with the chosen steps (or all of them)")
    shortfall: Decimal | None = Field(description="how far the best reachable index falls short")
    chosen: list[str] = Field(description="sub-criteria to improve, biggest gains first")


FieldSummary = FieldScore  # the old name, until report/plan_text.py imports FieldScore


class Plan(BaseModel):
    model_config = RESULT_CONFIG

    source: str
    unit: Unit
    year: int = Field(description="the year the plan is for (the assessed year + 1)")
    assessed_year: int
    criteria: CriteriaRef
    index: Decimal
    band: Text | None
    fields: list[FieldScore]
    steps: list[Step] = Field(description="what to do first: cheapest, then biggest gains")
    survey: list[SurveyGap]
    target: TargetPlan | None = None


def _text(code: str, args: dict[str, Any]) -> Text:
    return Text(vi=render(code, args, "vi"), en=render(code, args, "en"))


def _reliefs(result: UnitResult) -> dict[str, Decimal]:
    """For each sub-criterion whose failure booked a penalty, what lifting it saves, given
    the ledger's cap (removing one line of a capped ledger may save less than the line)."""
    ledger = result.penalty
    reliefs = {}
    for line in ledger.lines:
        if line.source == "rule" and line.node is not None:
            rest = ledger.sum - line.points
            after = min(rest, ledger.cap) if ledger.cap is not None else rest
            reliefs[line.node] = ledger.points - after
    return reliefs


def _steps(
    node: Node, result: NodeResult, values: dict[str, Any], field: str, relief: Decimal
) -> list[Step]:
    lost = result.applicable_max - result.points
    if lost <= 0 or result.outcome is Outcome.NOT_APPLICABLE:
        return []
    kind = node.kind
    common = {
        "id": node.id,
        "name": node.name,
        "field": field,
        "points_now": result.points,
        "lead": node.lead,
        "support": list(node.support),
        "timing": node.timing,
        "advice": node.advice,
    }

    def step(cost: Cost, code: str, args: dict[str, Any], before: Decimal, after: Decimal) -> Step:
        gain = after - result.points if cost != "action" else after - before
        if result.outcome is Outcome.UNMET and after > 0:
            gain += relief  # out of "unmet": the penalty its rule booked is lifted too
        return Step(**common, cost=cost, action=_text(code, args), points_after=after, gain=gain)

    steps: list[Step] = []
    base = result.points
    if result.outcome is Outcome.MISSING:
        if result.unproven is None:  # nothing given yet: all of it is at stake
            return [step("evidence", "plan.evidence", {}, base, node.max)]
        cost: Cost = (
            "explanation" if kind.needs_explanation and not result.explanation else "document"
        )
        steps.append(step(cost, f"plan.{cost}", {}, base, result.unproven))
        base = result.unproven
    for gain in kind.improve(node.rule, node.max, values, base):
        steps.append(step("action", gain.action, gain.args, base, gain.points))
    return steps


def _order(step: Step, position: dict[str, int]) -> tuple[int, Decimal, int]:
    return (_COST_ORDER[step.cost], -step.gain, position[step.id])


def choose(result: UnitResult, steps: list[Step], target: Decimal) -> TargetPlan:
    """The fewest sub-criteria whose improvement brings the index to ``target``: each
    sub-criterion counts with its best outcome (its document, then its best step), taken from
    the biggest gain down, which needs the fewest."""
    best: dict[str, Decimal] = {}
    cheap: dict[str, Decimal] = {}  # a document or explanation adds to the best action after it
    for s in steps:
        if s.cost in ("document", "explanation"):
            cheap[s.id] = s.gain
        else:
            best[s.id] = max(best.get(s.id, Decimal(0)), s.gain)
    for node_id, gain in cheap.items():
        best[node_id] = best.get(node_id, Decimal(0)) + gain
    gains = sorted(((gain, i) for i, gain in best.items()), key=lambda g: (-g[0], g[1]))
    t = result.totals
    total, chosen = t.total, []
    for gain, node_id in gains:
        if percent(total, t.applicable_max) >= target:
            break
        total += gain
        chosen.append(node_id)
    index_after = percent(total, t.applicable_max)
    reachable = index_after >= target
    return TargetPlan(
        target=target,
        reachable=reachable,
        index_after=index_after,
        shortfall=None if reachable else target - index_after,
        chosen=chosen if reachable else [i for _, i in gains],
    )


def make_plan(prepared: Prepared, result: UnitResult, target: Decimal | None = None) -> Plan:
    cs = prepared.criteria
    results = {node.id: node for node in result.nodes()}
    position = {node.id: index for index, node in enumerate(cs.nodes())}
    steps: list[Step] = []
    reliefs = _reliefs(result)
    for field in cs.fields:
        for node in field.walk():
            if node.is_leaf:
                values = dict(prepared.inputs.get(node.id, {}))
                relief = reliefs.get(node.id, Decimal(0))
                steps.extend(_steps(node, results[node.id], values, field.id, relief))
    steps.sort(key=lambda s: _order(s, position))
    survey = [
        SurveyGap(id=n.id, name=n.name, points=n.points, max=n.max)
        for n in (result.survey.walk() if result.survey else [])
        if n.rule is not None and n.points < n.max
    ]
    return Plan(
        source=result.source,
        unit=result.unit,
        year=result.year + 1,
        assessed_year=result.year,
        criteria=result.criteria,
        index=result.totals.index,
        band=result.totals.band,
        fields=[
            FieldScore(id=f.id, name=f.name, points=f.points, applicable_max=f.applicable_max)
            for f in result.fields
        ],
        steps=steps,
        survey=survey,
        target=choose(result, steps, target) if target is not None else None,
    )
