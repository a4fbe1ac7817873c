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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, NamedTuple, TypeVar

from parscore.classify import classify
from parscore.decimals import percent, tidy
from parscore.errors import Problem, Severity, sort_problems
from parscore.messages import Phrase, reason
from parscore.model.checked import CheckedEvidence, context_for
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
    NodeScore,
    Notice,
    Outcome,
    Reason,
    Totals,
    UnitResult,
    UnitScore,
    Weakest,
    WeakField,
    WeakItem,
    typed_value,
)
from parscore.rules.base import ReasonArgs

ZERO = Decimal(0)


def percent_of(points: Decimal, maximum: Decimal) -> Decimal | None:
    if maximum <= 0:
        return None
    # every node of every file asks, and a set's few maxima meet few points: worked out once
    # (equal numbers written apart, 1.5 and 1.50, have the same percentage, written alike)
    key = (points, maximum)
    shown = _PERCENTS.get(key)
    if shown is None:
        if len(_PERCENTS) >= _PERCENTS_KEPT:
            _PERCENTS.clear()
        shown = _PERCENTS[key] = percent(points, maximum)
    return shown


_PERCENTS: dict[tuple[Decimal, Decimal], Decimal] = {}
_PERCENTS_KEPT = 4096


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
    """What a leaf's evidence is worth: points, outcome, the reason's code and arguments
    (rendered only when a full result is built), the points the inputs would earn once proven
    (with a document or an explanation) when that is all they lack, and whether the rule
    scored the inputs (not missing evidence, not "nothing occurred"): only then can its rule
    say what would gain points."""

    points: Decimal
    outcome: Outcome
    code: str
    args: ReasonArgs | None  # made when the reason is rendered, if the rule deferred them
    unproven: Decimal | None
    by_rule: bool = True

    @property
    def why(self) -> Reason:
        args = self.args
        return reason(self.code, args() if callable(args) else args)


class Fixed(NamedTuple):
    """Points a sub-criterion is given by someone other than its rule (an appraisal council,
    :mod:`parscore.appraisal`), with the reason's code and arguments: the leaf is scored at
    them, and its group, ledgers, totals and band follow by the same code as any other."""

    points: Decimal
    code: str
    args: dict[str, Any] | None = None


N = TypeVar("N", NodeResult, NodeScore)


def _group_outcome(node: Node, children: list[N]) -> tuple[Decimal, Decimal, Outcome]:
    """A group's points and applicable maximum, the sums of its children's, and its outcome."""
    points = tidy(sum((c.points for c in children), ZERO))
    applicable = tidy(sum((c.applicable_max for c in children), ZERO))
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
    return points, applicable, outcome


@dataclass(frozen=True)
class _Scored(Generic[N]):
    """A tree as :meth:`_Tree.tree` scored it: what :meth:`_Tree.totals` sums."""

    fields: list[N]
    survey: N | None
    booked: tuple[Node, ...]  # the nodes whose rules booked a penalty
    leaves: list[N]  # every leaf, in the set's order


class _Tree(Generic[N]):
    """The one scoring method: every leaf judged, groups summed, the ledgers and the totals.
    What is built of each node and of the whole is a subclass's: the full result
    (:class:`_Scorer`), or only the points and outcomes a comparison keeps (:class:`_Fast`)."""

    def __init__(self, checked: CheckedEvidence, fixed: Mapping[str, Fixed] | None = None):
        self.checked = checked
        self.cs: CriteriaSet = checked.criteria
        self.ev = checked.evidence
        self.fixed: Mapping[str, Fixed] = fixed or {}
        #: while the tree is scored (:meth:`tree` hands them over): the nodes whose rules
        #: booked a penalty, and every leaf's result, in the set's order
        self.booked: list[Node] = []
        self.leaves: list[N] = []

    def leaf_result(self, leaf: _Leaf, judged: _Judged, applicable: Decimal) -> N:
        raise NotImplementedError

    def group_result(self, node: Node, level: int, children: list[N]) -> N:
        raise NotImplementedError

    # -- leaves ----------------------------------------------------------------------------
    def leaf(self, node: Node, level: int) -> N:
        in_survey = node.scored_by == "outside"
        item = (self.ev.survey if in_survey else self.ev.items).get(node.id)
        values = self.checked.inputs.get(node.id, {})
        given = self.fixed.get(node.id) if self.fixed else None
        if given is not None:
            judged = self._given(node, given, in_survey)
        else:
            judged = self._outcome(node, item, values, in_survey)
        applicable = ZERO if judged.outcome is Outcome.NOT_APPLICABLE else node.max
        if (
            judged.outcome is Outcome.UNMET
            and node.rule is not None
            and node.rule.penalty_when_unmet is not None
        ):
            self.booked.append(node)
        result = self.leaf_result(_Leaf(node, level, item, values), judged, applicable)
        self.leaves.append(result)
        return result

    def _outcome(self, node: Node, item: Item | None, values: Any, in_survey: bool) -> _Judged:
        kind = node.kind
        if item is None:
            code = "reason.survey-pending" if in_survey else "reason.no-evidence"
            return _Judged(ZERO, Outcome.MISSING, code, None, None, by_rule=False)
        if item.nothing_occurred is not None:
            said = {"vi": item.nothing_occurred, "en": item.nothing_occurred}
            return self._nothing(node, said)
        ctx = context_for(self.ev, item)
        if not kind.is_given(node.rule, values, ctx):
            return _Judged(ZERO, Outcome.MISSING, "reason.no-inputs", None, None, by_rule=False)
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
            return _Judged(ZERO, Outcome.MISSING, "reason.no-document", None, scored.points)
        if kind.needs_explanation and not item.explanation:
            return _Judged(ZERO, Outcome.MISSING, "reason.needs-explanation", None, scored.points)
        if in_survey:
            outcome = Outcome.OUTSIDE
        elif scored.points >= node.max:
            outcome = Outcome.MET
        elif scored.points > 0:
            outcome = Outcome.PARTIAL
        else:
            outcome = Outcome.UNMET
        return _Judged(scored.points, outcome, scored.reason, scored.args, None)

    def _given(self, node: Node, given: Fixed, in_survey: bool) -> _Judged:
        """A leaf scored at points given from outside its rule: its outcome follows them."""
        points = given.points
        if in_survey:
            outcome = Outcome.OUTSIDE
        elif points >= node.max:
            outcome = Outcome.MET
        elif points > 0:
            outcome = Outcome.PARTIAL
        else:
            outcome = Outcome.UNMET
        return _Judged(points, outcome, given.code, given.args, None, by_rule=False)

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
        return _Judged(points, outcome, code, {"why": why}, None, by_rule=False)

    # -- groups ----------------------------------------------------------------------------
    def node(self, node: Node, level: int) -> N:
        if node.rule is not None:  # a leaf (Node.is_leaf)
            return self.leaf(node, level)
        children = [self.node(child, level + 1) for child in node.children or ()]
        return self.group_result(node, level, children)

    # -- everything ------------------------------------------------------------------------
    def tree(self) -> _Scored[N]:
        """The whole tree scored: its fields, its survey, the nodes whose rules booked a
        penalty, and every leaf."""
        cs = self.cs
        self.booked, self.leaves = [], []
        fields = [self.node(field, 1) for field in cs.fields]
        survey = self.node(cs.survey, 1) if cs.survey is not None else None
        return _Scored(fields, survey, tuple(self.booked), self.leaves)

    def totals(self, scored: _Scored[N], bonus: Decimal, penalty: Decimal) -> Totals:
        """Appraisal and survey points as the leaves are scored (a survey row inside a field
        counts as survey); the total, capped where the set says so; the index; the band."""
        cs = self.cs
        fields: list[N] = scored.fields
        tops = [*fields, *([scored.survey] if scored.survey is not None else [])]
        split = _split(scored.leaves)
        applicable = tidy(sum((top.applicable_max for top in tops), ZERO))
        total = tidy(split["commune"][0] + split["outside"][0] + bonus - penalty)
        uncapped = None
        if cs.cap_total and total > applicable:
            uncapped, total = total, applicable
        index = percent_of(total, applicable)
        if index is None:  # nothing applicable at all
            index = ZERO
        band = classify(cs, index, fields, self.ev.facts)
        return Totals(
            appraisal=split["commune"][0],
            appraisal_max=split["commune"][1],
            survey=split["outside"][0],
            survey_max=split["outside"][1],
            bonus=bonus,
            penalty=penalty,
            total=total,
            max=cs.total,
            applicable_max=applicable,
            index=index,
            band=band.band,
            uncapped_total=uncapped,
            index_band=band.index_band,
            band_limits=band.limits,
        )


class _Leaf(NamedTuple):
    """A scored node and what the evidence says of it."""

    node: Node
    level: int
    item: Item | None
    values: Any


class _Scorer(_Tree[NodeResult]):
    """The full result: every reason in both languages, inputs, documents, improvements."""

    def __init__(self, checked: CheckedEvidence, fixed: Mapping[str, Fixed] | None = None):
        super().__init__(checked, fixed)
        self.rule_texts = rule_texts(self.cs)

    def leaf_result(self, leaf: _Leaf, judged: _Judged, applicable: Decimal) -> NodeResult:
        node, item, values = leaf.node, leaf.item, leaf.values
        kind = node.kind
        common: dict[str, Any] = {
            "id": node.id,
            "name": node.name,
            "level": leaf.level,
            "max": node.max,
            "rule": kind.name,
            "scored_by": node.scored_by,
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
        points, outcome = judged.points, judged.outcome
        claim_difference = None
        if item is not None and item.claimed is not None and item.claimed != points:
            claim_difference = item.claimed - points
        return NodeResult(
            **common,
            applicable_max=applicable,
            points=points,
            percent=percent_of(points, applicable),
            outcome=outcome,
            reason=judged.why,
            claim_difference=claim_difference,
            unproven=judged.unproven,
            improvements=self._improvements(node, values, judged, item) if judged.by_rule else [],
            missing_count=_missing(node, outcome),
        )

    def _improvements(
        self, node: Node, values: Any, judged: _Judged, item: Item | None
    ) -> list[Improvement]:
        """What the rule says would gain points from the points the inputs earn (once proven,
        when only proof is lacking). None for the survey (not the commune's to improve)."""
        if judged.outcome is Outcome.OUTSIDE or judged.points >= node.max:
            return []
        base = judged.unproven if judged.unproven is not None else judged.points
        return [
            Improvement(points=gain.points, action=reason(gain.action, gain.args))
            for gain in node.kind.improve_in(
                node.rule, node.max, dict(values), base, self.checked.context(item)
            )
        ]

    def group_result(self, node: Node, level: int, children: list[NodeResult]) -> NodeResult:
        points, applicable, outcome = _group_outcome(node, children)
        return NodeResult(
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
            missing_count=sum(c.missing_count for c in children),
            children=children,
            scored_by=node.scored_by,
        )

    # -- ledgers ---------------------------------------------------------------------------
    def ledger(
        self, entries: list[LedgerEntry], rule: LedgerRule | None, booked: tuple[Node, ...]
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
        ] + [_booked_line(node) for node in booked]
        kinds = _kind_totals([(line.kind, line.points) for line in lines], rule)
        total = _ledger_sum([(line.kind, line.points) for line in lines], kinds)
        cap = rule.cap if rule is not None else None
        return Ledger(
            lines=lines,
            name=rule.name if rule is not None else None,
            kinds=kinds,
            sum=total,
            cap=cap,
            points=min(total, cap) if cap is not None else total,
        )

    def run(self) -> UnitResult:
        cs, ev = self.cs, self.ev
        scored = self.tree()
        fields, survey = scored.fields, scored.survey
        bonus = self.ledger(ev.bonus, cs.bonus, ())
        penalty = self.ledger(ev.penalty, cs.penalty, scored.booked)
        return UnitResult(
            source=self.checked.source,
            unit=ev.unit,
            year=ev.year,
            criteria=criteria_ref(cs),
            assessment=ev.assessment,
            fields=fields,
            survey=survey,
            bonus=bonus,
            penalty=penalty,
            totals=self.totals(scored, bonus.points, penalty.points),
            weakest=weakest(fields),
            warnings=[
                notice(p)
                for p in sort_problems(list(self.checked.warnings))
                if p.severity is Severity.WARNING
            ],
        )


class _Fast(_Tree[NodeScore]):
    """Only what a comparison keeps: each node's points and outcome, the totals. No reason is
    rendered and no result model validated; the points are the full result's, by the same
    code (:class:`_Tree`)."""

    def leaf_result(self, leaf: _Leaf, judged: _Judged, applicable: Decimal) -> NodeScore:
        node = leaf.node
        points = judged.points
        return NodeScore(
            node.id,
            node.name,
            leaf.level,
            node.max,
            applicable,
            points,
            percent_of(points, applicable),
            judged.outcome,
            node.kind.name,
            _missing(node, judged.outcome),
            (),
            node.scored_by,
        )

    def group_result(self, node: Node, level: int, children: list[NodeScore]) -> NodeScore:
        points, applicable, outcome = _group_outcome(node, children)
        return NodeScore(
            node.id,
            node.name,
            level,
            node.max,
            applicable,
            points,
            percent_of(points, applicable),
            outcome,
            None,
            sum(c.missing_count for c in children),
            tuple(children),
            node.scored_by,
        )

    def ledger(
        self, entries: list[LedgerEntry], rule: LedgerRule | None, booked: tuple[Node, ...]
    ) -> Decimal:
        """The ledger's points: as :meth:`_Scorer.ledger` sums and caps them."""
        lines = [(entry.kind, _entry_points(entry, rule)) for entry in entries]
        lines += [(None, _booked_points(node)) for node in booked]
        total = _ledger_sum(lines, _kind_totals(lines, rule))
        return min(total, rule.cap) if rule is not None and rule.cap is not None else total

    def run(self) -> UnitScore:
        cs, ev = self.cs, self.ev
        scored = self.tree()
        fields, survey = scored.fields, scored.survey
        bonus = self.ledger(ev.bonus, cs.bonus, ())
        penalty = self.ledger(ev.penalty, cs.penalty, scored.booked)
        return UnitScore(
            source=self.checked.source,
            unit=ev.unit,
            year=ev.year,
            criteria=criteria_ref(cs),
            assessment=ev.assessment,
            fields=fields,
            survey=survey,
            totals=self.totals(scored, bonus, penalty),
            assessed=holds_evidence(self.checked),
        )


def _missing(node: Node, outcome: Outcome) -> int:
    """1 for a sub-criterion of the commune's that lacks evidence; survey points not received
    yet are not the commune's to bring."""
    return 1 if outcome is Outcome.MISSING and node.scored_by == "commune" else 0


def _split(leaves: Iterable[NodeResult | NodeScore]) -> dict[str, tuple[Decimal, Decimal]]:
    """Points and applicable maxima (a sub-criterion that does not apply to the unit counts
    0) by who scores each leaf: the commune ("commune") or outside."""
    sums = {"commune": (ZERO, ZERO), "outside": (ZERO, ZERO)}
    for leaf in leaves:
        points, maximum = sums[leaf.scored_by]
        sums[leaf.scored_by] = (points + leaf.points, maximum + leaf.applicable_max)
    return {key: (tidy(p), tidy(m)) for key, (p, m) in sums.items()}


def holds_evidence(checked: CheckedEvidence) -> bool:
    """Whether the file holds any evidence, as :func:`parscore.compare.has_evidence` tells it
    from a full result: an item (the survey's included) with an input, a document, an
    explanation, a "nothing occurred" or a claimed score, or a bonus or penalty line."""
    ev = checked.evidence
    if ev.bonus or ev.penalty:
        return True
    for items in (ev.items, ev.survey):
        for node_id, item in items.items():
            if checked.inputs.get(node_id) or item.documents or item.explanation:
                return True
            if item.nothing_occurred or item.claimed is not None:
                return True
    return False


def _booked_points(node: Node) -> Decimal:
    assert node.rule is not None and node.rule.penalty_when_unmet is not None, "booked"
    return node.rule.penalty_when_unmet


def _booked_line(node: Node) -> LedgerLine:
    return LedgerLine(
        reason=reason(
            "ledger.booked",
            {"id": node.id, "name": {"vi": node.name.get("vi"), "en": node.name.get("en")}},
        ),
        points=_booked_points(node),
        source="rule",
        node=node.id,
    )


#: Each set's reference, by set identity (kept with the set, as :data:`_RULE_TEXTS`).
_REFS: OrderedDict[int, tuple[CriteriaSet, CriteriaRef]] = OrderedDict()


def criteria_ref(cs: CriteriaSet) -> CriteriaRef:
    """The set a result was scored with, built once per set."""
    hit = _REFS.get(id(cs))
    if hit is not None and hit[0] is cs:
        return hit[1]
    ref = CriteriaRef(id=cs.id, version=cs.version, year=cs.year, title=cs.title)
    _REFS[id(cs)] = (cs, ref)
    while len(_REFS) > _RULE_TEXT_SETS:
        _REFS.popitem(last=False)
    return ref


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


def _kind_totals(
    lines: list[tuple[str | None, Decimal]], rule: LedgerRule | None
) -> list[LedgerKindTotal]:
    """Per kind the set lists, in its order, its lines' points (``lines``: each line's kind
    and points), capped at the kind's cap; kinds with no line are left out."""
    totals = []
    for kind in rule.kinds if rule is not None else ():
        points = [value for kind_id, value in lines if kind_id == kind.id]
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


def _ledger_sum(lines: list[tuple[str | None, Decimal]], kinds: list[LedgerKindTotal]) -> Decimal:
    """The lines of no kind, and each kind's points capped: what the ledger's cap applies to."""
    loose = sum((value for kind_id, value in lines if kind_id is None), ZERO)
    return tidy(loose + sum((k.points for k in kinds), ZERO))


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
    cell = bool(problem.cell)  # a workbook's cell: the file names it ("x.xlsx: Sheet!F14")
    return Notice(
        file=problem.where() if cell else problem.file,
        line=0 if cell else problem.line,
        column=0 if cell else problem.column,
        code=problem.code,
        message=Text(vi=problem.message("vi"), en=problem.message("en")),
    )


def evaluate(checked: CheckedEvidence, fixed: Mapping[str, Fixed] | None = None) -> UnitResult:
    """Score one commune. Pure: the same checked evidence always gives the same result.
    ``fixed``: sub-criteria scored at points given from outside their rule (an appraisal)."""
    return _Scorer(checked, fixed).run()


def score(checked: CheckedEvidence, fixed: Mapping[str, Fixed] | None = None) -> UnitScore:
    """Score one commune to its points and outcomes only, for a comparison of many: the same
    points, outcomes and totals as :func:`evaluate` (the same code scores both), with no
    reason, input or document kept (``summarize(score(x)) == summarize(evaluate(x))``)."""
    return _Fast(checked, fixed).run()
