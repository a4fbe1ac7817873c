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

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from parscore.engine import Fixed, evaluate
from parscore.model.appraisal import ItemDecision
from parscore.model.checked import CheckedEvidence
from parscore.model.evidence import Item
from parscore.model.result import UnitResult, typed_value
from parscore.model.stages import (
    AnswerView,
    AppraisalStages,
    Decided,
    FieldStages,
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
    )


def _decided(decision: ItemDecision | None, inputs: Mapping[str, Any] | None) -> Decided:
    status = _status(decision)
    if decision is None:
        return Decided(status=status)
    return Decided(
        status=status,
        points=decision.points,
        inputs={k: typed_value(inputs[k]) for k in decision.inputs or {} if inputs and k in inputs},
        reason=decision.reason,
        ask=decision.ask,
    )


def _ledger_status(lines: list[Any], index: int) -> LedgerStatus:
    if index < len(lines) and lines[index].decision is not None:
        status: LedgerStatus = lines[index].decision
        return status
    return "undecided"


def appraise(checked: CheckedEvidence, appraisal: Any) -> UnitResult:
    """The commune's computed result with its appraisal, stage by stage (``appraisal``: a
    :class:`parscore.appraisal.checks.CheckedAppraisal`)."""
    return appraise_stages(checked, appraisal)[0]


def appraise_stages(
    checked: CheckedEvidence, appraisal: Any
) -> tuple[UnitResult, dict[Stage, UnitResult]]:
    """:func:`appraise`, and each stage's own full result (what a comparison ranks)."""
    ap = appraisal.appraisal
    computed = evaluate(checked)
    leaves = [n for n in computed.leaves() if n.scored_by == "commune"]
    r1, r2 = appraisal.round1, appraisal.round2
    answers = appraisal.explanation.answers if appraisal.explanation is not None else {}

    plans: dict[Stage, _Plan] = {}
    claims = {n.id: n.claimed for n in leaves if n.claimed is not None}
    if claims:
        claimed = _Plan()
        for node in leaves:
            if node.claimed is not None:
                claimed.fixed[node.id] = Fixed(node.claimed, "reason.claimed-points", None)
            else:
                claimed.unclaimed.append(node.id)
        plans["claimed"] = claimed
    plans["computed"] = _Plan()

    round1 = _Plan()
    for node in leaves:
        _apply(round1, node.id, r1.round.items.get(node.id), r1.inputs, 1)
    for section in ("bonus", "penalty"):
        lines = getattr(r1.round, section)
        for index in range(len(getattr(checked.evidence, section))):
            if _ledger_status(lines, index) == "refused":
                round1.refused[section].add(index)
    plans["round1"] = round1

    if appraisal.explanation is not None:
        explained = _Plan(
            fixed=dict(round1.fixed),
            inputs=dict(round1.inputs),
            reasons=dict(round1.reasons),
            refused=round1.refused,
            undecided=list(round1.undecided),
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
        plans["explanation"] = explained

    requested = [n.id for n in leaves if _status(r1.round.items.get(n.id)) == "explain"]
    if r2 is not None or not requested:
        final = _Plan()
        rnd2_items = r2.round.items if r2 is not None else {}
        for node in leaves:
            if node.id in rnd2_items:
                _apply(final, node.id, rnd2_items[node.id], r2.inputs, 2)  # type: ignore[union-attr]
            else:
                _apply(final, node.id, r1.round.items.get(node.id), r1.inputs, 1)
        for section in ("bonus", "penalty"):
            first = getattr(r1.round, section)
            second = getattr(r2.round, section) if r2 is not None else []
            for index in range(len(getattr(checked.evidence, section))):
                status = _ledger_status(second, index)
                if status == "undecided":
                    status = _ledger_status(first, index)
                if status == "refused":
                    final.refused[section].add(index)
        plans["final"] = final

    results: dict[Stage, UnitResult] = {
        stage: (computed if stage == "computed" else score_stages(checked, plan))
        for stage, plan in plans.items()
    }
    points: dict[Stage, dict[str, Decimal]] = {
        stage: {n.id: n.points for n in result.nodes()} for stage, result in results.items()
    }
    last: Stage = list(plans)[-1]

    def by_stage(node_id: str) -> dict[Stage, Decimal | None]:
        stages: tuple[Stage, ...] = ("claimed", "computed", "round1", "explanation", "final")
        return {s: points[s].get(node_id) if s in points else None for s in stages}

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
                round1=_decided(r1.round.items.get(node.id), r1.inputs.get(node.id)),
                answer=None
                if answer is None or appraisal.explanation is None
                else AnswerView(
                    text=answer.text,
                    claimed=answer.claimed,
                    date=answer.date or appraisal.explanation.date,
                    late=node.id in appraisal.late,
                    documents=list(answer.documents),
                ),
                round2=_decided(r2.round.items.get(node.id), r2.inputs.get(node.id))
                if r2 is not None and node.id in r2.round.items
                else None,
                changed=points[last][node.id] != node.points,
            )
        )
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
                s2 = _ledger_status(second, index)
                if s2 == "undecided":
                    s2 = _ledger_status(first, index)
                else:
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
    stages = AppraisalStages(
        council=ap.council,
        file=appraisal.source,
        explanation_file=appraisal.explanation_source or None,
        explanation_by=appraisal.explanation.by if appraisal.explanation is not None else None,
        explanation_date=appraisal.explanation.date if appraisal.explanation is not None else None,
        round1=_round_info(ap.round1),
        round2=_round_info(ap.round2) if ap.round2 is not None else None,
        stages=[_totals(stage, results[stage], plan) for stage, plan in plans.items()],
        fields=[
            FieldStages(id=f.id, name=f.name, max=f.max, points=by_stage(f.id))
            for f in computed.fields
        ],
        items=items,
        ledger=ledger,
    )
    return computed.model_copy(update={"appraisal": stages}), results


def _round_info(rnd: Any) -> RoundInfo:
    return RoundInfo(
        date=rnd.date,
        appraisers=list(rnd.appraisers),
        explanation_due=rnd.explanation_due,
        conclusion=rnd.conclusion,
    )
