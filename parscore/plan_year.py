"""The year's reform plan (kế hoạch cải cách hành chính năm), drafted from the criteria set. Pure.

Every sub-criterion the commune scores becomes one task of its field: what the full points ask
for (the rule's goal: thresholds, targets and due dates from the set, never invented), the
evidence it will produce, the lead office and the coordinating ones, and when it is done (the
set's due dates in the plan's year; where the set has none, the lead office's usual timing
written in the set, marked as such). So the plan covers every scored sub-criterion by
construction. The set's deliverables (the quarterly, half-year and annual reports) make the
reporting calendar.

With last year's result, the sub-criteria that lost points come first, each with what is needed
(the improvement plan's steps, :func:`parscore.plan.make_plan`) and what it can still gain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from parscore.messages import LANGS, render
from parscore.model.common import Text
from parscore.model.criteria import CriteriaSet, Node
from parscore.model.evidence import Unit
from parscore.model.plan import Step
from parscore.model.result import UnitResult
from parscore.plan import item_gains, make_plan
from parscore.rules.deliverables import DeliverablesParams

__all__ = ["Previous", "Report", "Task", "TaskGroup", "YearPlan", "make_year_plan", "uncovered"]


@dataclass(frozen=True)
class Task:
    """One task of the plan: a scored sub-criterion and what the year must bring for it."""

    id: str  # the sub-criterion
    name: Text
    field: str
    max: Decimal
    goal: Text | None  # what the full points ask for; None: the name says it
    evidence: Text | None  # the evidence it will produce
    lead: str | None
    support: tuple[str, ...]
    due: tuple[dt.date, ...]  # the set's due dates, in the plan's year
    timing: str | None  # the lead office's usual timing (from the set), where no due date
    #: with last year's result: what it lost and what is needed (the improvement plan's steps)
    steps: tuple[Step, ...] = ()
    points_before: Decimal | None = None
    gain: Decimal | None = None

    @property
    def weak(self) -> bool:
        return bool(self.steps)


@dataclass(frozen=True)
class TaskGroup:
    """A field and its tasks, weak ones first, then in the set's order."""

    id: str
    name: Text
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class Report:
    """A report of the reporting calendar: a deliverable of the set and its due date."""

    name: Text
    due: dt.date
    item: str  # the sub-criterion that scores it
    lead: str | None


@dataclass(frozen=True)
class Previous:
    """Last year's result, as far as the plan uses it."""

    year: int
    index: Decimal
    band: Text | None
    weak: tuple[str, ...]  # the sub-criteria that lost points, what to do first first


@dataclass(frozen=True)
class YearPlan:
    unit: Unit
    year: int
    criteria: str  # the set's id
    criteria_title: Text
    groups: tuple[TaskGroup, ...]
    reports: tuple[Report, ...]
    previous: Previous | None = None
    outside: tuple[Text, ...] = field(default=())  # survey items: scored outside the commune

    def tasks(self) -> list[Task]:
        return [task for group in self.groups for task in group.tasks]

    def weak_tasks(self) -> list[Task]:
        """The tasks that lost points last year, in the improvement plan's order."""
        if self.previous is None:
            return []
        by_id = {task.id: task for task in self.tasks()}
        return [by_id[i] for i in self.previous.weak if i in by_id]


def _text(code: str, args: dict[str, object]) -> Text:
    return Text(**{lang: render(code, args, lang) for lang in LANGS})


def _goal(node: Node, year: int) -> tuple[Text | None, tuple[dt.date, ...]]:
    assert node.rule is not None
    goal = node.kind.goal(node.rule, node.max, year)
    if goal is None:
        return None, ()
    return _text(goal.action, goal.args), goal.due


def _task(node: Node, field_id: str, year: int) -> Task:
    goal, due = _goal(node, year)
    return Task(
        id=node.id,
        name=node.name,
        field=field_id,
        max=node.max,
        goal=goal,
        evidence=node.evidence,
        lead=node.lead,
        support=tuple(node.support),
        due=due,
        timing=node.timing if not due else None,
    )


def _reports(cs: CriteriaSet, year: int) -> list[Report]:
    """Every deliverable of the set's scored items, by due date (the set's order at a tie)."""
    reports = [
        Report(name=d.name, due=d.due_in(year), item=node.id, lead=node.lead)
        for node in cs.leaves()
        if node.scored_by == "commune" and isinstance(node.rule, DeliverablesParams)
        for d in node.rule.deliverables
    ]
    return sorted(reports, key=lambda r: r.due)  # stable: the set's order at a tie


def _previous(result: UnitResult) -> tuple[Previous, dict[str, tuple[Step, ...]]]:
    """Last year's weak items, in the order the improvement plan would take them."""
    steps: dict[str, list[Step]] = {}
    for step in make_plan(result).steps:  # cheapest first, then the biggest gains
        steps.setdefault(step.id, []).append(step)
    previous = Previous(
        year=result.year,
        index=result.totals.index,
        band=result.totals.band,
        weak=tuple(steps),
    )
    return previous, {node_id: tuple(found) for node_id, found in steps.items()}


def make_year_plan(
    cs: CriteriaSet, unit: Unit, year: int, previous: UnitResult | None = None
) -> YearPlan:
    """The plan of ``year`` for ``unit`` from the set ``cs``; with last year's result, its weak
    sub-criteria first (in the plan and in each field)."""
    before: Previous | None = None
    weak: dict[str, tuple[Step, ...]] = {}
    gains: dict[str, Decimal] = {}
    points: dict[str, Decimal] = {}
    if previous is not None:
        before, weak = _previous(previous)
        gains = item_gains(previous)
        points = {node.id: node.points for node in previous.leaves()}
    order = {node_id: n for n, node_id in enumerate(before.weak)} if before else {}
    groups = []
    for top in cs.fields:
        tasks = []
        for node in top.walk():
            if not node.is_leaf or node.scored_by != "commune":
                continue
            task = _task(node, top.id, year)
            if node.id in weak:
                task = replace(
                    task,
                    steps=weak[node.id],
                    points_before=points.get(node.id),
                    gain=gains.get(node.id),
                )
            tasks.append(task)
        tasks.sort(key=lambda t: order.get(t.id, len(order)))  # stable: the set's order
        if tasks:
            groups.append(TaskGroup(id=top.id, name=top.name, tasks=tuple(tasks)))
    outside = tuple(node.name for node in cs.leaves() if node.scored_by == "outside")
    return YearPlan(
        unit=unit,
        year=year,
        criteria=cs.id,
        criteria_title=cs.title,
        groups=tuple(groups),
        reports=tuple(_reports(cs, year)),
        previous=before,
        outside=outside,
    )


def uncovered(cs: CriteriaSet, served: Iterable[str]) -> list[str]:
    """The set's scored sub-criteria (scored by the commune) that none of ``served`` names,
    in the set's order: what a commune's own plan leaves out. A task that names a criterion
    or a field serves every sub-criterion under it."""
    named = set(served)
    missing = []
    for top in cs.fields:
        for node in top.walk():
            if not node.is_leaf or node.scored_by != "commune":
                continue
            ancestors = _ancestors(node.id)
            if not named.intersection(ancestors):
                missing.append(node.id)
    return missing


def _ancestors(node_id: str) -> list[str]:
    """``3.2.1`` -> ``3.2.1``, ``3.2``, ``3``."""
    parts = node_id.split(".")
    return [".".join(parts[:n]) for n in range(len(parts), 0, -1)]
