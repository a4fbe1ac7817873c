"""The to-do list for the Q4 self-assessment meeting (``parscore evaluate --missing``).

Pure: a result -> what each lead office must still bring. A sub-criterion is on the list when
it scores as missing (all its points are at stake) — nothing given yet, figures without a
document, or judged points without their explanation —, or when it lost points and has no
explanation (giải trình) yet. What is at stake is what the item can still gain, the same figure
the plan shows for it (:func:`parscore.plan.can_gain`). Survey items are not the commune's to
bring and are left out.
"""

from __future__ import annotations

from decimal import Decimal

from parscore.model.common import Text
from parscore.model.result import NodeResult, Outcome, UnitResult
from parscore.model.todo import TodoGroup, TodoItem, TodoList
from parscore.plan import can_gain, reliefs

__all__ = ["TodoGroup", "TodoItem", "TodoList", "todo"]


def _need(node: NodeResult) -> str | None:
    if node.outcome is Outcome.MISSING:
        if not node.inputs and not node.nothing_occurred:
            return "evidence"
        if node.needs_explanation and not node.explanation:
            return "explanation"
        return "document"
    if node.outcome in (Outcome.PARTIAL, Outcome.UNMET) and not node.explanation:
        return "explanation"
    return None


def todo(result: UnitResult) -> TodoList:
    groups: dict[str | None, list[TodoItem]] = {}
    relief_of = reliefs(result)

    for field in result.fields:  # the survey is not the commune's to bring
        for node in field.walk():
            commune = node.rule is not None and node.scored_by == "commune"  # not a survey row
            need = _need(node) if commune else None
            if need is not None:
                at_stake = can_gain(node, relief_of.get(node.id, Decimal(0)))
                proven = node.unproven if need == "document" else None
                gives = proven - node.points if proven is not None else None
                groups.setdefault(node.lead, []).append(
                    TodoItem(
                        id=node.id,
                        name=node.name,
                        need=need,
                        at_stake=at_stake,
                        on_supplying=gives if gives is not None and gives < at_stake else None,
                        reason=Text(vi=node.reason.vi, en=node.reason.en) if node.reason else None,
                        support=node.support,
                    )
                )
    built = [
        TodoGroup(office=office, items=items, at_stake=sum((i.at_stake for i in items), Decimal(0)))
        for office, items in groups.items()  # offices in the order of their first item
    ]
    return TodoList(
        source=result.source,
        unit=result.unit.name,
        year=result.year,
        groups=built,
        at_stake=sum((g.at_stake for g in built), Decimal(0)),
    )
