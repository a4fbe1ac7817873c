"""The to-do list for the Q4 self-assessment meeting (``parscore evaluate --missing``).

Pure: a result -> what each lead office must still bring. A sub-criterion is on the list when
it scores as missing (all its points are at stake) — nothing given yet, figures without a
document, or judged points without their explanation —, or when it lost points and has no
explanation (giải trình) yet (the points lost are at stake). Survey items are not the commune's
to bring and are left out.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from parscore.model.common import RESULT_CONFIG, Text
from parscore.model.result import NodeResult, Outcome, UnitResult
from parscore.rules import KINDS


class TodoItem(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    need: Literal["evidence", "document", "explanation"] = Field(
        description="evidence: nothing given yet; document: figures without a document; "
        "explanation: a giải trình"
    )
    at_stake: Decimal
    reason: Text | None
    support: list[str] = Field(default_factory=list)


class TodoGroup(BaseModel):
    model_config = RESULT_CONFIG

    office: str | None = Field(description="lead office (chủ trì); None when the set names none")
    items: list[TodoItem]
    at_stake: Decimal


class TodoList(BaseModel):
    model_config = RESULT_CONFIG

    source: str
    unit: str
    year: int
    groups: list[TodoGroup]
    at_stake: Decimal


def _need(node: NodeResult) -> tuple[str, Decimal] | None:
    if node.outcome is Outcome.MISSING:
        if not node.inputs and not node.nothing_occurred:
            return "evidence", node.max
        if node.rule in KINDS and KINDS[node.rule].needs_explanation and not node.explanation:
            return "explanation", node.max
        return "document", node.max
    if node.outcome in (Outcome.PARTIAL, Outcome.UNMET) and not node.explanation:
        return "explanation", node.applicable_max - node.points
    return None


def todo(result: UnitResult) -> TodoList:
    groups: dict[str | None, list[TodoItem]] = {}

    for field in result.fields:  # the survey is not the commune's to bring
        for node in field.walk():
            need = _need(node) if node.rule is not None else None
            if need is not None:
                groups.setdefault(node.lead, []).append(
                    TodoItem(
                        id=node.id,
                        name=node.name,
                        need=need[0],
                        at_stake=need[1],
                        reason=node.reason,
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
