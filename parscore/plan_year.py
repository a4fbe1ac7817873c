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
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal

from parscore.messages import LANGS, render
from parscore.model.common import Text
from parscore.model.criteria import CriteriaSet, Node
from parscore.model.evidence import Unit
from parscore.model.plan import Step
from parscore.model.result import NodeResult, UnitResult
from parscore.model.stages import ItemStages
from parscore.plan import item_gains, make_plan
from parscore.rules.deliverables import DeliverablesParams
from parscore.rules.timeliness import TimelinessParams

__all__ = ["Previous", "Report", "Task", "TaskGroup", "YearPlan", "make_year_plan", "uncovered"]


@dataclass(frozen=True)
class Task:
    """One task of the plan: a scored sub-criterion and what the year must bring for it."""

    id: str  # the sub-criterion
    name: Text
    task: Text | None  # the set's wording of the task (a verb first); None: the set has none
    kind: str  # its rule's kind
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
    #: the council scored it below what its evidence earns: its first step says what it found
    cut: bool = False

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


#: which of last year's scores the plan stands on: the council's published appraisal (its
#: final points), the commune's self-assessment (its claimed index, while the appraisal is not
#: published; the items then stand on the points its evidence earns), or the points its
#: evidence earns (a result without an appraisal)
Basis = Literal["appraisal", "self", "evidence"]


@dataclass(frozen=True)
class Previous:
    """Last year's result, as far as the plan uses it."""

    year: int
    index: Decimal
    band: Text | None
    weak: tuple[str, ...]  # the sub-criteria that lost points, what to do first first
    basis: Basis = "evidence"
    #: with an appraisal not yet published: the index the commune's evidence earns
    evidence_index: Decimal | None = None


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
    #: the plan's own deadline: the task that issues a plan on time (1.1.1 of the reference set)
    issue_by: Task | None = None

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
    assert node.rule is not None  # a scored leaf
    return Task(
        id=node.id,
        name=node.name,
        task=node.task,
        kind=node.rule.kind,
        field=field_id,
        max=node.max,
        goal=goal,
        evidence=_output(node),
        lead=node.lead,
        support=tuple(node.support),
        due=due,
        timing=node.timing if not due else None,
    )


def _output(node: Node) -> Text | None:
    """The evidence the task produces: the set's ``evidence`` text without what it tells the
    person filling in the evidence file (a clause naming the rule's input keys, "ghi score và
    scale 100"): the text up to the ":" or ";" before the first key; nothing when a key opens it.
    A key is told by the Vietnamese text, where an input's English name can be nothing else;
    then the English text is cut alike."""
    if node.evidence is None or node.rule is None:
        return node.evidence
    names = [spec.name for spec in node.kind.inputs(node.rule)]
    if not names:
        return node.evidence
    key = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    if key.search(node.evidence.vi) is None:
        return node.evidence
    kept = {}
    for lang in LANGS:
        said = node.evidence.get(lang)
        if (found := key.search(said)) is not None:
            cut = max(said.rfind(":", 0, found.start()), said.rfind(";", 0, found.start()))
            said = said[:cut].rstrip(" ,:;") if cut >= 0 else ""
        if not said:
            return None
        kept[lang] = said
    return Text(**kept)


def _reports(cs: CriteriaSet, year: int) -> list[Report]:
    """Every deliverable of the set's scored items, by due date (the set's order at a tie)."""
    reports = [
        Report(name=d.name, due=d.due_in(year), item=node.id, lead=node.lead)
        for node in cs.leaves()
        if node.scored_by == "commune" and isinstance(node.rule, DeliverablesParams)
        for d in node.rule.deliverables
    ]
    return sorted(reports, key=lambda r: r.due)  # stable: the set's order at a tie


@dataclass(frozen=True)
class _Before:
    """Last year as the plan reads it: the summary, each weak item's steps, its points then
    and what it can gain."""

    previous: Previous
    steps: dict[str, tuple[Step, ...]]
    points: dict[str, Decimal]
    gains: dict[str, Decimal]
    cut: frozenset[str] = frozenset()


def _cut(item: ItemStages, node: NodeResult, field_id: str, points: Decimal) -> Step:
    """A sub-criterion the council scored below what its evidence earns: remedy what the
    council found (its reason, else what it asked)."""
    decided = item.round2 or item.round1
    said = decided.reason or decided.ask or item.round1.reason or item.round1.ask
    args: dict[str, object] = {"reason": said or ""}
    code = "plan-year.appraisal-cut" if said else "plan-year.appraisal-cut-bare"
    return Step(
        id=item.id,
        name=item.name,
        field=field_id,
        cost="action",
        action=_text(code, args),
        points_now=points,
        points_after=node.points,
        gain=node.points - points,
        lead=node.lead,
        support=list(node.support),
        timing=node.timing,
        advice=node.advice,
    )


def _previous(result: UnitResult) -> _Before:
    """Last year's weak items, in the order the improvement plan would take them. With the
    council's published appraisal, its final points: the items it cut come first (what it
    found is the remedy), then the improvement plan's steps, each item at its final points."""
    steps: dict[str, list[Step]] = {}
    for step in make_plan(result).steps:  # cheapest first, then the biggest gains
        steps.setdefault(step.id, []).append(step)
    points = {node.id: node.points for node in result.leaves()}
    gains = item_gains(result)
    stages = result.appraisal
    published = stages.published if stages is not None else None
    cut: dict[str, list[Step]] = {}
    if stages is not None and published is not None:
        nodes = {node.id: node for node in result.leaves()}
        for item in stages.items:
            final = item.points.get("final")
            node = nodes.get(item.id)
            if final is None or node is None or final == node.points:
                continue
            if final > node.points:  # the council gave more than the evidence earns
                points[item.id] = final
                if final >= node.applicable_max:
                    steps.pop(item.id, None)
                    gains.pop(item.id, None)
                continue
            cut[item.id] = [_cut(item, node, item.field, final), *steps.pop(item.id, [])]
            gains[item.id] = gains.get(item.id, Decimal(0)) + node.points - final
            points[item.id] = final
        steps = {**cut, **steps}
        previous = Previous(
            year=result.year,
            index=published.index,
            band=published.band,
            weak=tuple(steps),
            basis="appraisal",
        )
    elif stages is not None and (claimed := stages.stage("claimed")) is not None:
        previous = Previous(
            year=result.year,
            index=claimed.index,
            band=claimed.band,
            weak=tuple(steps),
            basis="self",
            evidence_index=result.totals.index,
        )
    else:
        previous = Previous(
            year=result.year, index=result.totals.index, band=result.totals.band, weak=tuple(steps)
        )
    return _Before(
        previous=previous,
        steps={node_id: tuple(found) for node_id, found in steps.items()},
        points=points,
        gains=gains,
        cut=frozenset(cut),
    )


def make_year_plan(
    cs: CriteriaSet, unit: Unit, year: int, previous: UnitResult | None = None
) -> YearPlan:
    """The plan of ``year`` for ``unit`` from the set ``cs``; with last year's result, its weak
    sub-criteria first (in the plan and in each field)."""
    before: Previous | None = None
    weak: dict[str, tuple[Step, ...]] = {}
    gains: dict[str, Decimal] = {}
    points: dict[str, Decimal] = {}
    cut: frozenset[str] = frozenset()
    if previous is not None:
        read = _previous(previous)
        before, weak, gains, points = read.previous, read.steps, read.gains, read.points
        cut = read.cut
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
                    cut=node.id in cut,
                )
            tasks.append(task)
        tasks.sort(key=lambda t: order.get(t.id, len(order)))  # stable: the set's order
        if tasks:
            groups.append(TaskGroup(id=top.id, name=top.name, tasks=tuple(tasks)))
    outside = tuple(node.name for node in cs.leaves() if node.scored_by == "outside")
    tasks = [task for group in groups for task in group.tasks]
    return YearPlan(
        unit=unit,
        year=year,
        criteria=cs.id,
        criteria_title=cs.title,
        groups=tuple(groups),
        reports=tuple(_reports(cs, year)),
        previous=before,
        outside=outside,
        issue_by=_issue_by(cs, tasks),
    )


def _issue_by(cs: CriteriaSet, tasks: list[Task]) -> Task | None:
    """The task whose due date is the plan's own: the first sub-criterion, in the set's
    order, scored on time against a due date and proven by a plan (document type KH)."""
    by_id = {task.id: task for task in tasks}
    for node in cs.leaves():
        task = by_id.get(node.id)
        if (
            task is not None
            and task.due
            and isinstance(node.rule, TimelinessParams)
            and "KH" in node.document_types
        ):
            return task
    return None


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
