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
    ItemGain,
    Plan,
    Step,
    SurveyGap,
    TargetPlan,
)
from parscore.model.result import FieldScore, NodeResult, Outcome, Reason, UnitResult

__all__ = [
    "ItemGain",
    "Plan",
    "Step",
    "SurveyGap",
    "TargetPlan",
    "can_gain",
    "choose",
    "item_gains",
    "make_plan",
    "reliefs",
]
#: cheapest first: proof for figures already given, then figures not given yet, then real work
_COST_ORDER: dict[str, int] = {"document": 0, "explanation": 0, "evidence": 1, "action": 2}


def _text(said: Reason) -> Text:
    return Text(vi=said.vi, en=said.en)


def reliefs(result: UnitResult) -> dict[str, Decimal]:
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


def can_gain(node: NodeResult, relief: Decimal = Decimal(0)) -> Decimal:
    """What a scored sub-criterion can still gain, all told: the one figure the to-do list
    (``evaluate --missing``) and the plan both show for an item.

    Nothing given yet: all its points. Figures that only lack a document or an explanation:
    what they would earn once proven, plus what its rule says real work would add beyond that
    (its best improvement). Otherwise its best improvement, and the penalty its rule booked
    when it is lifted out of "unmet" (as much as the penalty cap lets that line count). It is
    the sum of the item's cheapest step and its best action in the plan."""
    if node.outcome is Outcome.NOT_APPLICABLE or node.points >= node.applicable_max:
        return Decimal(0)
    if node.outcome is Outcome.MISSING and node.unproven is None:
        return node.max
    base = node.unproven if node.unproven is not None else node.points
    best = max((gain.points for gain in node.improvements), default=base)
    gain = max(best, base) - node.points
    if node.outcome is Outcome.UNMET and best > 0:
        gain += relief
    return gain


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


def item_gains(result: UnitResult) -> dict[str, Decimal]:
    """What each of the commune's sub-criteria can still gain (:func:`can_gain`), in the order
    of the criteria set; items that can gain nothing are left out."""
    relief_of = reliefs(result)
    gains = {}
    for field in result.fields:  # the survey is not the commune's to improve
        for node in field.walk():
            if node.rule is not None and node.scored_by == "commune":  # not a survey row
                gain = can_gain(node, relief_of.get(node.id, Decimal(0)))
                if gain > 0:
                    gains[node.id] = gain
    return gains


def _items(result: UnitResult) -> list[ItemGain]:
    gains = item_gains(result)
    return [
        ItemGain(
            id=node.id,
            name=node.name,
            field=field.id,
            points=node.points,
            applicable_max=node.applicable_max,
            gain=gains[node.id],
            lead=node.lead,
        )
        for field in result.fields
        for node in field.walk()
        if node.id in gains and node.rule is not None
    ]


def choose(result: UnitResult, target: Decimal) -> TargetPlan:
    """The fewest sub-criteria whose improvement brings the index to ``target``: each
    sub-criterion counts with all it can still gain (:func:`can_gain`), taken from the biggest
    gain down, which needs the fewest."""
    best = item_gains(result)
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
    survey_room = t.survey_max - t.survey
    return TargetPlan(
        target=target,
        reachable=reachable,
        index_after=index_after,
        shortfall=None if reachable else target - index_after,
        best_possible=None if reachable else percent(total + survey_room, t.applicable_max),
        chosen=chosen if reachable else [i for _, i in gains],
    )


def make_plan(result: UnitResult, target: Decimal | None = None) -> Plan:
    """The plan for the year after ``result``'s; with ``target``, the steps that reach it."""
    position = {node.id: index for index, node in enumerate(result.nodes())}
    steps: list[Step] = []
    relief_of = reliefs(result)
    for field in result.fields:
        for node in field.walk():
            if node.rule is not None and node.scored_by == "commune":  # not a survey row
                relief = relief_of.get(node.id, Decimal(0))
                steps.extend(_steps(node, field.id, relief))
    steps.sort(key=lambda s: _order(s, position))
    survey = [
        SurveyGap(id=n.id, name=n.name, points=n.points, max=n.max)
        for n in result.nodes()  # the survey branch, and survey rows inside fields
        if n.rule is not None and n.scored_by == "outside" and n.points < n.max
    ]
    return Plan(
        source=result.source,
        unit=result.unit,
        year=result.year + 1,
        assessed_year=result.year,
        criteria=result.criteria,
        index=result.totals.index,
        band=result.totals.band,
        index_band=result.totals.index_band,
        band_limits=result.totals.band_limits,
        fields=[
            FieldScore(id=f.id, name=f.name, points=f.points, applicable_max=f.applicable_max)
            for f in result.fields
        ],
        steps=steps,
        items=_items(result),
        survey=survey,
        target=choose(result, target) if target is not None else None,
    )
