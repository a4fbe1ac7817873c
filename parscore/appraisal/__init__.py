"""The province's year after the self-assessment: a commune's scores at every stage.

Stages (docs/appraisal.md):

* **claimed** — the points the commune claimed (``claimed:`` in its evidence); an item it
  claimed nothing for is scored at its computed points and listed as unclaimed;
* **computed** — what parscore computes from the commune's evidence (``evaluate`` alone);
* **round1** — the council's first round: *agreed* keeps the computed points; *points* gives
  the council's points; *inputs* rescored by the item's own rule from the inputs the council
  found; *explain* keeps the request's provisional ``points`` if it gives any, else the computed
  points, and the item is listed as awaiting; an item with no decision is scored at its
  computed points and listed as undecided — never counted as agreed. Bonus and penalty lines
  refused are left out; lines not decided are kept and listed;
* **explanation** — round 1, with each answer sent by the deadline that claims points counted
  at them; a late answer is listed and not counted;
* **final** — round 2's decisions over round 1's (round 1 alone when it asked for no
  explanation). An item asked about and not decided again stays awaiting. The final stage is
  what is published once nothing in it is undecided or awaited.

Every stage is scored by :func:`parscore.engine.evaluate` on the commune's checked evidence,
with the council's points fixed on the items it gave points to and its inputs in place of the
commune's: no scoring is written twice. Pure: no file is read here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from parscore.engine import Fixed, evaluate
from parscore.model.appraisal import ItemDecision
from parscore.model.checked import CheckedEvidence
from parscore.model.common import Text
from parscore.model.evidence import Item
from parscore.model.result import UnitResult, typed_value

if TYPE_CHECKING:
    from parscore.appraisal.checks import CheckedAppraisal
from parscore.model.stages import (
    STAGES,
    AnswerView,
    AppraisalStages,
    Decided,
    FieldStages,
    InputChange,
    ItemStages,
    LedgerStages,
    LedgerStatus,
    RoundInfo,
    Stage,
    StageTotals,
    Status,
)

__all__ = ["appraise", "appraise_stages", "score_stages"]


@dataclass
class _Plan:
    """How one stage scores: points fixed, inputs replaced, lines refused, and what is open."""

    fixed: dict[str, Fixed] = field(default_factory=dict)
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    refused: dict[str, set[int]] = field(default_factory=lambda: {"bonus": set(), "penalty": set()})
    undecided: list[str] = field(default_factory=list)
    awaiting: list[str] = field(default_factory=list)
    unclaimed: list[str] = field(default_factory=list)
    late: list[str] = field(default_factory=list)
    undecided_lines: list[str] = field(default_factory=list)

    def ledger(self, section: str, index: int, status: LedgerStatus) -> None:
        """A bonus or penalty line's decision at this stage: refused lines are not counted;
        undecided ones are counted as the commune wrote them, and listed."""
        if status == "refused":
            self.refused[section].add(index)
        elif status == "undecided":
            self.undecided_lines.append(f"{section}.{index + 1}")


def _status(decision: ItemDecision | None) -> Status:
    if decision is None or decision.decision is None:
        return "undecided"
    return decision.decision


def _apply(
    plan: _Plan,
    node_id: str,
    decision: ItemDecision | None,
    inputs: Mapping[str, dict[str, Any]],
    round_no: int,
) -> None:
    """One item's decision into a stage's plan."""
    status = _status(decision)
    if status == "undecided":
        plan.undecided.append(node_id)
        return
    assert decision is not None
    if status == "points":
        assert decision.points is not None, "checked"
        why = {"why": decision.reason or "", "round": round_no}
        plan.fixed[node_id] = Fixed(decision.points, "reason.appraised-points", why)
    elif status == "inputs":
        plan.inputs[node_id] = inputs[node_id]
        plan.reasons[node_id] = decision.reason or ""
    elif status == "explain":
        plan.awaiting.append(node_id)
        if decision.points is not None:
            ask = {"ask": decision.ask or "", "round": round_no}
            plan.fixed[node_id] = Fixed(decision.points, "reason.appraised-provisional", ask)


def _stage_evidence(checked: CheckedEvidence, plan: _Plan) -> CheckedEvidence:
    """The commune's evidence as a stage scores it: the council's inputs in place of the
    commune's, refused bonus and penalty lines left out. The commune's file is not touched."""
    ev = checked.evidence
    items = dict(ev.items)
    for node_id in plan.inputs:
        item = items.get(node_id) or Item()
        update: dict[str, Any] = {"nothing_occurred": None}
        if not item.documents and not item.explanation:  # the council's finding is the proof
            update["explanation"] = plan.reasons.get(node_id) or None
        items[node_id] = item.model_copy(update=update)
    new_ev = ev.model_copy(
        update={
            "items": items,
            "bonus": [e for i, e in enumerate(ev.bonus) if i not in plan.refused["bonus"]],
            "penalty": [e for i, e in enumerate(ev.penalty) if i not in plan.refused["penalty"]],
        }
    )
    inputs = {**checked.inputs, **plan.inputs}
    return checked.model_copy(update={"evidence": new_ev, "inputs": inputs})


def score_stages(checked: CheckedEvidence, plan: _Plan) -> UnitResult:
    """A stage's result: the engine on the stage's evidence, with its fixed points."""
    return evaluate(_stage_evidence(checked, plan), plan.fixed)


def _totals(stage: Stage, result: UnitResult, plan: _Plan) -> StageTotals:
    t = result.totals
    return StageTotals(
        stage=stage,
        appraisal=t.appraisal,
        survey=t.survey,
        bonus=t.bonus,
        penalty=t.penalty,
        total=t.total,
        applicable_max=t.applicable_max,
        index=t.index,
        band=t.band,
        undecided=plan.undecided,
        awaiting=plan.awaiting,
        unclaimed=plan.unclaimed,
        late=plan.late,
        undecided_lines=plan.undecided_lines,
    )


def _decided(
    decision: ItemDecision | None,
    inputs: Mapping[str, Any] | None,
    checked: CheckedEvidence | None = None,
    node_id: str = "",
) -> Decided:
    status = _status(decision)
    if decision is None:
        return Decided(status=status)
    given = {k: typed_value(inputs[k]) for k in decision.inputs or {} if inputs and k in inputs}
    return Decided(
        status=status,
        points=decision.points,
        inputs=given,
        changes=_changes(given, checked, node_id) if checked is not None else [],
        reason=decision.reason,
        ask=decision.ask,
    )


def _changes(given: dict[str, Any], checked: CheckedEvidence, node_id: str) -> list[InputChange]:
    """The inputs the council set, each with the rule's label and the commune's value."""
    node = checked.criteria.node_map.get(node_id)
    specs = {s.name: s for s in node.kind.inputs(node.rule)} if node is not None else {}
    own = checked.inputs.get(node_id, {})
    out = []
    for name, value in given.items():
        spec = specs.get(name)
        label = spec.label if spec is not None else Text(vi=name, en=name)
        commune = typed_value(own[name]) if own.get(name) is not None else None
        out.append(InputChange(name=name, label=label, value=value, commune=commune))
    return out


def _ledger_status(lines: list[Any], index: int) -> LedgerStatus:
    if index < len(lines) and lines[index].decision is not None:
        status: LedgerStatus = lines[index].decision
        return status
    return "undecided"


def _last_decision(first: list[Any], second: list[Any] | None, index: int) -> LedgerStatus:
    """A bonus or penalty line's final status: round 2's decision, else round 1's."""
    status = _ledger_status(second, index) if second is not None else "undecided"
    return _ledger_status(first, index) if status == "undecided" else status


def appraise(checked: CheckedEvidence, appraisal: CheckedAppraisal) -> UnitResult:
    """The commune's computed result with its appraisal, stage by stage."""
    return appraise_stages(checked, appraisal)[0]


def appraise_stages(
    checked: CheckedEvidence, appraisal: CheckedAppraisal
) -> tuple[UnitResult, dict[Stage, UnitResult]]:
    """:func:`appraise`, and each stage's own full result (what a comparison ranks): the plan
    of each stage that exists, each scored by the engine, then what the report shows."""
    computed = evaluate(checked)
    leaves = [n for n in computed.leaves() if n.scored_by == "commune"]
    plans = _plans(checked, appraisal, leaves)
    results: dict[Stage, UnitResult] = {
        stage: (computed if stage == "computed" else score_stages(checked, plan))
        for stage, plan in plans.items()
    }
    points: dict[Stage, dict[str, Decimal]] = {
        stage: {n.id: n.points for n in result.nodes()} for stage, result in results.items()
    }

    def by_stage(node_id: str) -> dict[Stage, Decimal | None]:
        return {s: points[s].get(node_id) if s in points else None for s in STAGES}

    ap = appraisal.appraisal
    explanation = appraisal.explanation
    stages = AppraisalStages(
        council=ap.council,
        issuer=ap.issuer,
        file=appraisal.source,
        explanation_file=appraisal.explanation_source or None,
        explanation_by=explanation.by if explanation is not None else None,
        explanation_date=explanation.date if explanation is not None else None,
        round1=_round_info(ap.round1),
        round2=_round_info(ap.round2) if ap.round2 is not None else None,
        stages=[_totals(stage, results[stage], plan) for stage, plan in plans.items()],
        fields=[
            FieldStages(id=f.id, name=f.name, max=f.max, points=by_stage(f.id))
            for f in computed.fields
        ],
        items=_items(checked, appraisal, computed, leaves, by_stage, points[list(plans)[-1]]),
        ledger=_ledger_stages(checked, appraisal, computed),
    )
    return computed.model_copy(update={"appraisal": stages}), results


def _plans(
    checked: CheckedEvidence, appraisal: CheckedAppraisal, leaves: list[Any]
) -> dict[Stage, _Plan]:
    """How each stage that exists scores, in order: claimed (when the commune claimed any
    points), computed, round 1, explanation (when there are answers), final (when round 2 was
    held, or round 1 asked for no explanation)."""
    plans: dict[Stage, _Plan] = {}
    if any(n.claimed is not None for n in leaves):
        plans["claimed"] = _claimed_plan(leaves)
    plans["computed"] = _Plan()
    round1 = plans["round1"] = _round1_plan(checked, appraisal, leaves)
    if appraisal.explanation is not None:
        plans["explanation"] = _explained_plan(round1, appraisal)
    r1, r2 = appraisal.round1, appraisal.round2
    requested = [n.id for n in leaves if _status(r1.round.items.get(n.id)) == "explain"]
    if r2 is not None or not requested:
        plans["final"] = _final_plan(checked, appraisal, leaves)
    return plans


def _claimed_plan(leaves: list[Any]) -> _Plan:
    """The commune's claimed points fixed; an item it claimed none for at its computed points."""
    claimed = _Plan()
    for node in leaves:
        if node.claimed is not None:
            claimed.fixed[node.id] = Fixed(node.claimed, "reason.claimed-points", None)
        else:
            claimed.unclaimed.append(node.id)
    return claimed


def _round1_plan(checked: CheckedEvidence, appraisal: CheckedAppraisal, leaves: list[Any]) -> _Plan:
    r1 = appraisal.round1
    round1 = _Plan()
    for node in leaves:
        _apply(round1, node.id, r1.round.items.get(node.id), r1.inputs, 1)
    for section in ("bonus", "penalty"):
        lines = getattr(r1.round, section)
        for index in range(len(getattr(checked.evidence, section))):
            round1.ledger(section, index, _ledger_status(lines, index))
    return round1


def _explained_plan(round1: _Plan, appraisal: CheckedAppraisal) -> _Plan:
    """Round 1, with each answer sent in time that claims points counted at them."""
    answers = appraisal.explanation.answers if appraisal.explanation is not None else {}
    explained = _Plan(
        fixed=dict(round1.fixed),
        inputs=dict(round1.inputs),
        reasons=dict(round1.reasons),
        refused=round1.refused,
        undecided=list(round1.undecided),
        undecided_lines=list(round1.undecided_lines),
    )
    for node_id in round1.awaiting:
        answer = answers.get(node_id)
        if answer is None:
            explained.awaiting.append(node_id)
        elif node_id in appraisal.late:
            explained.late.append(node_id)
            explained.awaiting.append(node_id)
        elif answer.claimed is not None:
            explained.fixed[node_id] = Fixed(
                answer.claimed, "reason.explanation-claimed", {"text": answer.text}
            )
    return explained


def _final_plan(checked: CheckedEvidence, appraisal: CheckedAppraisal, leaves: list[Any]) -> _Plan:
    """Round 2's decisions over round 1's, item by item and line by line."""
    r1, r2 = appraisal.round1, appraisal.round2
    final = _Plan()
    rnd2_items = r2.round.items if r2 is not None else {}
    for node in leaves:
        if r2 is not None and node.id in rnd2_items:
            _apply(final, node.id, rnd2_items[node.id], r2.inputs, 2)
        else:
            _apply(final, node.id, r1.round.items.get(node.id), r1.inputs, 1)
    for section in ("bonus", "penalty"):
        first = getattr(r1.round, section)
        second = getattr(r2.round, section) if r2 is not None else None
        for index in range(len(getattr(checked.evidence, section))):
            final.ledger(section, index, _last_decision(first, second, index))
    return final


def _items(
    checked: CheckedEvidence,
    appraisal: CheckedAppraisal,
    computed: UnitResult,
    leaves: list[Any],
    by_stage: Callable[[str], dict[Stage, Decimal | None]],
    last: dict[str, Decimal],
) -> list[ItemStages]:
    """Each commune-scored sub-criterion at every stage, with the decisions and the answer."""
    r1, r2 = appraisal.round1, appraisal.round2
    explanation = appraisal.explanation
    answers = explanation.answers if explanation is not None else {}
    field_of = {n.id: f.id for f in computed.fields for n in f.walk()}
    items = []
    for node in leaves:
        answer = answers.get(node.id)
        items.append(
            ItemStages(
                id=node.id,
                name=node.name,
                field=field_of[node.id],
                max=node.max,
                points=by_stage(node.id),
                round1=_decided(
                    r1.round.items.get(node.id), r1.inputs.get(node.id), checked, node.id
                ),
                answer=None
                if answer is None or explanation is None
                else AnswerView(
                    text=answer.text,
                    claimed=answer.claimed,
                    date=answer.date or explanation.date,
                    late=node.id in appraisal.late,
                    documents=list(answer.documents),
                ),
                round2=_decided(
                    r2.round.items.get(node.id), r2.inputs.get(node.id), checked, node.id
                )
                if r2 is not None and node.id in r2.round.items
                else None,
                changed=last[node.id] != node.points,
            )
        )
    return items


def _ledger_stages(
    checked: CheckedEvidence, appraisal: CheckedAppraisal, computed: UnitResult
) -> list[LedgerStages]:
    """Each bonus and penalty line of the evidence with round 1's and the final decision."""
    r1, r2 = appraisal.round1, appraisal.round2
    ledger = []
    for section in ("bonus", "penalty"):
        first = getattr(r1.round, section)
        second = getattr(r2.round, section) if r2 is not None else []
        computed_lines = [ln for ln in getattr(computed, section).lines if ln.source == "evidence"]
        for index, line in enumerate(computed_lines):
            entry = getattr(checked.evidence, section)[index]
            s2: LedgerStatus | None = None
            decision = first[index] if index < len(first) else None
            if r2 is not None:  # the final decision: round 2's, else round 1's
                s2 = _last_decision(first, second, index)
                if _ledger_status(second, index) != "undecided":
                    decision = second[index]
            ledger.append(
                LedgerStages(
                    section=section,  # type: ignore[arg-type]
                    number=index + 1,
                    text=entry.reason,
                    points=line.points,
                    round1=_ledger_status(first, index),
                    round2=s2,
                    reason=decision.reason if decision is not None else None,
                )
            )
    return ledger


def _round_info(rnd: Any) -> RoundInfo:
    return RoundInfo(
        date=rnd.date,
        appraisers=list(rnd.appraisers),
        explanation_due=rnd.explanation_due,
        conclusion=rnd.conclusion,
    )
