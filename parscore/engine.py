"""Pure scoring: a checked evidence file -> a :class:`UnitResult`. No I/O, no clock, no printing.

The method (see docs/method.md):

* each scored sub-criterion ends as met, partial, unmet, missing evidence, not applicable or
  scored outside, with its points and a reason (a message code with its arguments, rendered in
  Vietnamese and English by :func:`parscore.messages.reason`), and what its rule says would
  gain points from there (read by :mod:`parscore.plan`);
* missing evidence scores 0 and is shown as missing, never as met;
* a group's points are the sum of its children's; not-applicable sub-criteria leave the
  denominator (``applicable_max``);
* the index is (appraisal + survey + bonus − penalty) / applicable maximum × 100, rounded to two
  decimals half up; the band is read from that rounded index, as published.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from parscore.bands import find
from parscore.decimals import percent, tidy
from parscore.errors import Problem, Severity, sort_problems
from parscore.messages import Phrase, reason
from parscore.model.checked import CheckedEvidence
from parscore.model.common import Text
from parscore.model.criteria import CriteriaSet, LedgerRule, Node
from parscore.model.evidence import Item, LedgerEntry
from parscore.model.result import (
    CriteriaRef,
    Improvement,
    Ledger,
    LedgerKindTotal,
    LedgerLine,
    NodeResult,
    Notice,
    Outcome,
    Reason,
    Totals,
    UnitResult,
    Weakest,
    WeakField,
    WeakItem,
    typed_value,
)

ZERO = Decimal(0)


def percent_of(points: Decimal, maximum: Decimal) -> Decimal | None:
    if maximum <= 0:
        return None
    return percent(points, maximum)


#: The rule texts of the sets scored lately, by set identity: a batch scores hundreds of files
#: against one set, and its words are worked out once. The set is kept with its texts so that
#: its identity cannot be reused while the entry lives.
_RULE_TEXTS: OrderedDict[int, tuple[CriteriaSet, dict[str, Text]]] = OrderedDict()
_RULE_TEXT_SETS = 8


def rule_texts(cs: CriteriaSet) -> dict[str, Text]:
    """Each scored node's rule in words, in both languages, by node id."""
    hit = _RULE_TEXTS.get(id(cs))
    if hit is not None and hit[0] is cs:
        _RULE_TEXTS.move_to_end(id(cs))
        return hit[1]
    texts = {
        node.id: Text(
            vi=node.kind.describe(node.rule, node.max, "vi"),
            en=node.kind.describe(node.rule, node.max, "en"),
        )
        for node in cs.leaves()
    }
    _RULE_TEXTS[id(cs)] = (cs, texts)
    while len(_RULE_TEXTS) > _RULE_TEXT_SETS:
        _RULE_TEXTS.popitem(last=False)
    return texts


class _Judged(NamedTuple):
    """What a leaf's evidence is worth: points, outcome, reason, the points the inputs would
    earn once proven (with a document or an explanation) when that is all they lack, and
    whether the rule scored the inputs (not missing evidence, not "nothing occurred"): only
    then can its rule say what would gain points."""

    points: Decimal
    outcome: Outcome
    why: Reason
    unproven: Decimal | None
    by_rule: bool = True


@dataclass(frozen=True)
class _Scored:
    """A node's result, and the penalty lines its rules booked (summed into the ledger after
    the tree is scored)."""

    result: NodeResult
    booked: tuple[LedgerLine, ...] = ()


class _Scorer:
    def __init__(self, checked: CheckedEvidence):
        self.checked = checked
        self.cs: CriteriaSet = checked.criteria
        self.ev = checked.evidence
        self.rule_texts = rule_texts(self.cs)

    # -- leaves ----------------------------------------------------------------------------
    def leaf(self, node: Node, level: int) -> _Scored:
        in_survey = node.scored_by == "outside"
        item = (self.ev.survey if in_survey else self.ev.items).get(node.id)
        values = self.checked.inputs.get(node.id, {})
        kind = node.kind
        common: dict[str, Any] = {
            "id": node.id,
            "name": node.name,
            "level": level,
            "max": node.max,
            "rule": kind.name,
            "rule_text": self.rule_texts[node.id],
            "needs_explanation": kind.needs_explanation,
            "lead": node.lead,
            "support": list(node.support),
            "timing": node.timing,
            "advice": node.advice,
        }
        if item is not None:
            common.update(
                inputs={key: typed_value(value) for key, value in values.items()},
                documents=list(item.documents),
                explanation=item.explanation,
                nothing_occurred=item.nothing_occurred,
                claimed=item.claimed,
            )
        judged = self._outcome(node, item, values, in_survey)
        points, outcome, why, unproven = judged.points, judged.outcome, judged.why, judged.unproven
        applicable = ZERO if outcome is Outcome.NOT_APPLICABLE else node.max
        booked: tuple[LedgerLine, ...] = ()
        if (
            outcome is Outcome.UNMET
            and node.rule is not None
            and node.rule.penalty_when_unmet is not None
        ):
            booked = (
                LedgerLine(
                    reason=reason(
                        "ledger.booked",
                        {
                            "id": node.id,
                            "name": {"vi": node.name.get("vi"), "en": node.name.get("en")},
                        },
                    ),
                    points=node.rule.penalty_when_unmet,
                    source="rule",
                    node=node.id,
                ),
            )
        claim_difference = None
        if item is not None and item.claimed is not None and item.claimed != points:
            claim_difference = item.claimed - points
        result = NodeResult(
            **common,
            applicable_max=applicable,
            points=points,
            percent=percent_of(points, applicable),
            outcome=outcome,
            reason=why,
            claim_difference=claim_difference,
            unproven=unproven,
            improvements=self._improvements(node, values, judged) if judged.by_rule else [],
            missing_count=1 if outcome is Outcome.MISSING else 0,
        )
        return _Scored(result, booked)

    @staticmethod
    def _improvements(node: Node, values: Any, judged: _Judged) -> list[Improvement]:
        """What the rule says would gain points from the points the inputs earn (once proven,
        when only proof is lacking). None for the survey (not the commune's to improve)."""
        if judged.outcome is Outcome.OUTSIDE or judged.points >= node.max:
            return []
        base = judged.unproven if judged.unproven is not None else judged.points
        return [
            Improvement(points=gain.points, action=reason(gain.action, gain.args))
            for gain in node.kind.improve(node.rule, node.max, dict(values), base)
        ]

    def _outcome(self, node: Node, item: Item | None, values: Any, in_survey: bool) -> _Judged:
        kind = node.kind
        if item is None:
            code = "reason.survey-pending" if in_survey else "reason.no-evidence"
            return _Judged(ZERO, Outcome.MISSING, reason(code), None, by_rule=False)
        if item.nothing_occurred is not None:
            said = {"vi": item.nothing_occurred, "en": item.nothing_occurred}
            return self._nothing(node, said)
        ctx = self.checked.context(item)
        if not kind.is_given(node.rule, values, ctx):
            return _Judged(ZERO, Outcome.MISSING, reason("reason.no-inputs"), None, by_rule=False)
        scored = kind.score(node.rule, node.max, values, ctx)
        if scored.nothing_occurred:
            return self._nothing(node, Phrase("reason.total-zero"))
        documents_required = (
            node.documents_required
            if node.documents_required is not None
            else self.cs.documents_required
        )
        if (
            not in_survey
            and documents_required
            and scored.points > 0  # proof is needed for points; a declared failure needs none
            and not item.documents
            and not item.explanation
        ):
            return _Judged(ZERO, Outcome.MISSING, reason("reason.no-document"), scored.points)
        if kind.needs_explanation and not item.explanation:
            return _Judged(ZERO, Outcome.MISSING, reason("reason.needs-explanation"), scored.points)
        why = reason(scored.reason, scored.args)
        if in_survey:
            return _Judged(scored.points, Outcome.OUTSIDE, why, None)
        if scored.points >= node.max:
            return _Judged(scored.points, Outcome.MET, why, None)
        if scored.points > 0:
            return _Judged(scored.points, Outcome.PARTIAL, why, None)
        return _Judged(scored.points, Outcome.UNMET, why, None)

    def _nothing(self, node: Node, why: Phrase | dict[str, str]) -> _Judged:
        policy = node.when_nothing_occurred
        if policy == "full_points":
            outcome, points, code = Outcome.MET, node.max, "reason.nothing-full"
        elif policy == "not_applicable":
            outcome, points, code = Outcome.NOT_APPLICABLE, ZERO, "reason.nothing-na"
        elif policy == "zero":
            outcome, points, code = Outcome.UNMET, ZERO, "reason.nothing-zero"
        else:  # a total of 0 on a node with no declared case: never guess full points
            outcome, points, code = Outcome.MISSING, ZERO, "reason.nothing-undeclared"
        return _Judged(points, outcome, reason(code, {"why": why}), None, by_rule=False)

    # -- groups ----------------------------------------------------------------------------
    def node(self, node: Node, level: int) -> _Scored:
        if node.is_leaf:
            return self.leaf(node, level)
        scored = [self.node(child, level + 1) for child in node.children or ()]
        children = [s.result for s in scored]
        points = tidy(sum((c.points for c in children), ZERO))
        applicable = tidy(sum((c.applicable_max for c in children), ZERO))
        missing = sum(c.missing_count for c in children)
        outcomes = {c.outcome for c in children}
        if applicable == 0:
            outcome = Outcome.NOT_APPLICABLE
        elif outcomes == {Outcome.MISSING}:
            outcome = Outcome.MISSING
        elif node.scored_by == "outside":
            outcome = Outcome.OUTSIDE
        elif points >= applicable:
            outcome = Outcome.MET
        elif points > 0:
            outcome = Outcome.PARTIAL
        else:
            outcome = Outcome.UNMET
        result = NodeResult(
            id=node.id,
            name=node.name,
            level=level,
            max=node.max,
            applicable_max=applicable,
            points=points,
            percent=percent_of(points, applicable),
            outcome=outcome,
            lead=node.lead,
            support=list(node.support),
            missing_count=missing,
            children=children,
        )
        return _Scored(result, tuple(line for s in scored for line in s.booked))

    # -- ledgers ---------------------------------------------------------------------------
    def ledger(
        self, entries: list[LedgerEntry], rule: LedgerRule | None, booked: tuple[LedgerLine, ...]
    ) -> Ledger:
        # The loader refuses entries where the set has no such ledger, entries of a kind the
        # set does not list, and entries with no points where neither kind nor ledger gives any.
        lines = [
            LedgerLine(
                reason=reason("ledger.entry", {"text": entry.reason}),
                points=_entry_points(entry, rule),
                source="evidence",
                documents=list(entry.documents),
                kind=entry.kind,
            )
            for entry in entries
        ] + list(booked)
        kinds = _kind_totals(lines, rule)
        total = tidy(
            sum((line.points for line in lines if line.kind is None), ZERO)
            + sum((k.points for k in kinds), ZERO)
        )
        cap = rule.cap if rule is not None else None
        return Ledger(
            lines=lines,
            name=rule.name if rule is not None else None,
            kinds=kinds,
            sum=total,
            cap=cap,
            points=min(total, cap) if cap is not None else total,
        )

    # -- everything ------------------------------------------------------------------------
    def run(self) -> UnitResult:
        cs, ev = self.cs, self.ev
        scored = [self.node(field, 1) for field in cs.fields]
        if cs.survey is not None:
            scored.append(self.node(cs.survey, 1))
        booked = tuple(line for s in scored for line in s.booked)
        fields = [s.result for s in scored[: len(cs.fields)]]
        survey = scored[-1].result if cs.survey is not None else None
        bonus = self.ledger(ev.bonus, cs.bonus, ())
        penalty = self.ledger(ev.penalty, cs.penalty, booked)
        appraisal = tidy(sum((f.points for f in fields), ZERO))
        survey_points = survey.points if survey is not None else ZERO
        total = tidy(appraisal + survey_points + bonus.points - penalty.points)
        applicable = tidy(
            sum((f.applicable_max for f in fields), ZERO)
            + (survey.applicable_max if survey is not None else ZERO)
        )
        index = percent_of(total, applicable)
        if index is None:  # nothing applicable at all
            index = ZERO
        band_index = find([b.interval for b in cs.bands], index)
        totals = Totals(
            appraisal=appraisal,
            appraisal_max=tidy(sum((f.max for f in fields), ZERO)),
            survey=survey_points,
            survey_max=survey.max if survey is not None else ZERO,
            bonus=bonus.points,
            penalty=penalty.points,
            total=total,
            max=cs.total,
            applicable_max=applicable,
            index=index,
            band=cs.bands[band_index].name if band_index is not None else None,
        )
        return UnitResult(
            source=self.checked.source,
            unit=ev.unit,
            year=ev.year,
            criteria=CriteriaRef(id=cs.id, version=cs.version, year=cs.year, title=cs.title),
            assessment=ev.assessment,
            fields=fields,
            survey=survey,
            bonus=bonus,
            penalty=penalty,
            totals=totals,
            weakest=weakest(fields),
            warnings=[
                notice(p)
                for p in sort_problems(list(self.checked.warnings))
                if p.severity is Severity.WARNING
            ],
        )


def _entry_points(entry: LedgerEntry, rule: LedgerRule | None) -> Decimal:
    """The line's own points, else its kind's points each, else the ledger's."""
    if entry.points is not None:
        return entry.points
    assert rule is not None, "checked when the file loaded"
    kind = rule.kind(entry.kind) if entry.kind is not None else None
    each = kind.points_each if kind is not None else None
    each = each if each is not None else rule.points_each
    assert each is not None, "checked when the file loaded"
    return each


def _kind_totals(lines: list[LedgerLine], rule: LedgerRule | None) -> list[LedgerKindTotal]:
    """Per kind the set lists, in its order, the lines of that kind, capped at its cap."""
    totals = []
    for kind in rule.kinds if rule is not None else ():
        points = [line.points for line in lines if line.kind == kind.id]
        if not points:
            continue
        raw = tidy(sum(points, ZERO))
        totals.append(
            LedgerKindTotal(
                id=kind.id,
                name=kind.name,
                count=len(points),
                sum=raw,
                cap=kind.cap,
                points=min(raw, kind.cap) if kind.cap is not None else raw,
            )
        )
    return totals


def weakest(fields: list[NodeResult]) -> Weakest:
    """Fields by percentage achieved (lowest first); sub-criteria by points lost (most first).
    Ties keep the order of the criteria set."""
    weak_fields = [
        WeakField(
            id=f.id,
            name=f.name,
            points=f.points,
            applicable_max=f.applicable_max,
            percent=f.percent,
        )
        for f in fields
        if f.percent is not None
    ]
    weak_fields.sort(key=lambda f: f.percent)  # stable: set order breaks ties
    items = [
        WeakItem(
            id=node.id,
            name=node.name,
            field=field.id,
            points=node.points,
            applicable_max=node.applicable_max,
            lost=node.applicable_max - node.points,
            outcome=node.outcome,
        )
        for field in fields
        for node in field.walk()
        if node.rule is not None and node.applicable_max > node.points
    ]
    items.sort(key=lambda i: -i.lost)
    return Weakest(fields=weak_fields, items=items)


def notice(problem: Problem) -> Notice:
    return Notice(
        file=problem.file,
        line=problem.line,
        column=problem.column,
        code=problem.code,
        message=Text(vi=problem.message("vi"), en=problem.message("en")),
    )


def evaluate(checked: CheckedEvidence) -> UnitResult:
    """Score one commune. Pure: the same checked evidence always gives the same result."""
    return _Scorer(checked).run()
