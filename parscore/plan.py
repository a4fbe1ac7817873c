"""The first draft of next year's improvement plan (kế hoạch cải thiện Chỉ số CCHC). Pure.

From a scored commune: for every sub-criterion that lost points, the concrete change that would
gain points and how many (its rule says: the count still needed for the next band, on time
instead of late, the missing document...). Steps that only lack a document or an explanation are
the cheapest and come first; then the biggest gains. Survey points are shown apart: the commune
does not score them. With a target index, the smallest set of improvements that reaches it.
"""

from __future__ import annotations

from decimal import Decimal

from parscore.decimals import percent
from parscore.messages import reason
from parscore.model.common import Text
from parscore.model.plan import (
    Cost,
    Plan,
    Step,
    SurveyGap,
    TargetPlan,
)
from parscore.model.result import FieldScore, NodeResult, Outcome, Reason, UnitResult

__all__ = ["Plan", "Step", "SurveyGap", "TargetPlan", "choose", "make_plan"]
#: cheapest first: proof for figures already given, then figures not given yet, then real work
_COST_ORDER: dict[str, int] = {"document": 0, "explanation": 0, "evidence": 1, "action": 2}


def _text(said: Reason) -> Text:
    return Text(vi=said.vi, en=said.en)


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


def _steps(result: NodeResult, field: str, relief: Decimal) -> list[Step]:
    lost = result.applicable_max - result.points
    if lost <= 0 or result.outcome is Outcome.NOT_APPLICABLE:
        return []
    common = {
        "id": result.id,
        "name": result.name,
        "field": field,
        "points_now": result.points,
        "lead": result.lead,
        "support": list(result.support),
        "timing": result.timing,
        "advice": result.advice,
    }

    def step(cost: Cost, action: Reason, before: Decimal, after: Decimal) -> Step:
        gain = after - result.points if cost != "action" else after - before
        if result.outcome is Outcome.UNMET and after > 0:
            gain += relief  # out of "unmet": the penalty its rule booked is lifted too
        return Step(**common, cost=cost, action=_text(action), points_after=after, gain=gain)

    steps: list[Step] = []
    base = result.points
    if result.outcome is Outcome.MISSING:
        if result.unproven is None:  # nothing given yet: all of it is at stake
            return [step("evidence", reason("plan.evidence"), base, result.max)]
        cost: Cost = (
            "explanation" if result.needs_explanation and not result.explanation else "document"
        )
        steps.append(step(cost, reason(f"plan.{cost}"), base, result.unproven))
        base = result.unproven
    for gain in result.improvements:  # worked out by the node's rule when it was scored
        steps.append(step("action", gain.action, base, gain.points))
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


def make_plan(result: UnitResult, target: Decimal | None = None) -> Plan:
    """The plan for the year after ``result``'s; with ``target``, the steps that reach it."""
    position = {node.id: index for index, node in enumerate(result.nodes())}
    steps: list[Step] = []
    reliefs = _reliefs(result)
    for field in result.fields:
        for node in field.walk():
            if node.rule is not None:
                relief = reliefs.get(node.id, Decimal(0))
                steps.extend(_steps(node, field.id, relief))
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
