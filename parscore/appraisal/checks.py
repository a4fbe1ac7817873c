"""Reading an appraisal file and an explanation file, checked against the commune's evidence:
every problem located at its file, line and column, as evidence problems are.

An appraisal is refused when it is for another commune, year or criteria set than the
evidence, names a sub-criterion the set does not score (or one the survey team scores), gives
more points than the item's maximum, corrects an input the item's rule does not read, or
leaves out what its decision needs (the points, the reason, the inputs, what is asked). An
explanation is refused when it answers an item no one asked about; one sent after the deadline
is warned about and kept out of the explanation stage (see :mod:`parscore.appraisal`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from parscore import yamlsource
from parscore.checks.evidence import convert_input
from parscore.checks.pydantic_errors import model_keys, validation_problems
from parscore.checks.salvage import kept, salvage
from parscore.errors import InputError, KeyPath, Problem, Severity
from parscore.messages import Phrase, suggestion
from parscore.model.appraisal import (
    Appraisal,
    Explanation,
    ItemDecision,
    LedgerDecision,
    Round,
    UnitName,
)
from parscore.model.checked import CheckedEvidence, context_for
from parscore.model.common import comparable, found
from parscore.rules import RESERVED_KEYS
from parscore.yamlsource import Limits, Source

#: the keys each decision may carry besides ``decision``, ``reason`` and ``note``
_ALLOWED = {
    None: frozenset(),
    "agreed": frozenset(),
    "points": frozenset({"points"}),
    "inputs": frozenset({"inputs"}),
    "explain": frozenset({"ask", "points"}),
}


@dataclass(frozen=True)
class CheckedRound:
    """A round's decisions, checked: the inputs each ``inputs`` decision gives its item (the
    commune's, with the council's corrections over them, converted to their types)."""

    round: Round
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckedAppraisal:
    source: str
    appraisal: Appraisal
    round1: CheckedRound
    round2: CheckedRound | None
    explanation: Explanation | None = None
    explanation_source: str = ""
    late: frozenset[str] = frozenset()  # items whose answer came after the deadline
    warnings: tuple[Problem, ...] = ()


def _read(path: Path, limits: Limits) -> Source:
    return yamlsource.load_bytes(
        yamlsource.read_bytes(path, limits), yamlsource.display_name(path), limits
    )


def read_model(src: Source, model: type[BaseModel]) -> Any:
    """``model`` (an appraisal or an answer file) from ``src``, or its problems, located."""
    if not isinstance(src.data, dict):
        raise InputError([src.problem("doc.not-mapping", found=found(src.data))])
    try:
        return model.model_validate(src.data)
    except ValidationError as exc:
        raise InputError(validation_problems(src, exc, known_keys=model_keys(model))) from None


class _Checker:
    def __init__(self, src: Source, checked: CheckedEvidence):
        self.src = src
        self.checked = checked
        self.cs = checked.criteria
        self.nodes = self.cs.node_map
        self.problems: list[Problem] = []

    def add(self, code: str, keys: KeyPath, *, prefer_key: bool = False, **args: Any) -> None:
        self.problems.append(self.src.problem(code, keys, prefer_key=prefer_key, **args))

    def warn(self, code: str, keys: KeyPath, **args: Any) -> None:
        self.problems.append(self.src.problem(code, keys, severity=Severity.WARNING, **args))

    def same_commune(self, unit: UnitName, year: int, criteria: str) -> None:
        """The file is about the evidence's commune, year and set."""
        ev = self.checked.evidence
        if unit.code is not None and ev.unit.code is not None and unit.code != ev.unit.code:
            self.add(
                "appraisal.other-unit-code",
                ("unit", "code"),
                given=unit.code,
                expected=ev.unit.code,
                path=self.checked.source,
            )
        elif comparable(unit.name) != comparable(ev.unit.name):
            self.add(
                "appraisal.other-unit",
                ("unit", "name"),
                name=unit.name,
                expected=ev.unit.name,
                path=self.checked.source,
            )
        if year != ev.year:
            self.add("appraisal.other-year", ("year",), year=year, expected=ev.year)
        if criteria != self.cs.id:
            self.add("appraisal.other-set", ("criteria",), set=criteria, expected=self.cs.id)

    def node(self, path: KeyPath, node_id: str) -> Any:
        """The commune-scored leaf ``node_id`` names, or None with its problem."""
        node = self.nodes.get(node_id)
        if node is None:
            best = difflib.get_close_matches(node_id, self.cs.leaf_ids, n=1, cutoff=0.6)
            self.add(
                "appraisal.unknown-id",
                path,
                prefer_key=True,
                id=node_id,
                set=self.cs.id,
                **suggestion(best[0] if best else None),
            )
            return None
        if not node.is_leaf:
            children = ", ".join(n.id for n in node.walk() if n.is_leaf)
            self.add("appraisal.group", path, prefer_key=True, id=node_id, children=children)
            return None
        if node.scored_by != "commune":
            self.add("appraisal.survey-item", path, prefer_key=True, id=node_id)
            return None
        return node

    def round(self, name: str, rnd: Round) -> CheckedRound:
        inputs: dict[str, dict[str, Any]] = {}
        for node_id, decision in rnd.items.items():
            path: KeyPath = (name, "items", node_id)
            node = self.node(path, node_id)
            if node is None:
                continue
            self.decision(path, node, decision, inputs)
        ev = self.checked.evidence
        for section, lines, entries in (
            ("bonus", rnd.bonus, ev.bonus),
            ("penalty", rnd.penalty, ev.penalty),
        ):
            for index, line in enumerate(lines):
                self.ledger_line((name, section, index), line, len(entries))
        return CheckedRound(rnd, inputs)

    def decision(
        self, path: KeyPath, node: Any, d: ItemDecision, inputs: dict[str, dict[str, Any]]
    ) -> None:
        if d.decision is None and self._raw(path).get("decision") is not None:
            return  # the decision typed was refused (and said): nothing more to say of it
        given = {k for k in ("points", "inputs", "ask") if getattr(d, k) is not None}
        if d.decision is None and given:  # never taken silently: an item is decided or not
            self.add("appraisal.no-decision", path, prefer_key=True, given=", ".join(sorted(given)))
            return
        for key in sorted(given - _ALLOWED[d.decision]):
            self.add(
                "appraisal.key-not-for-decision",
                path + (key,),
                prefer_key=True,
                key=key,
                decision=d.decision or "—",
            )
        if d.points is not None and d.points > node.max:
            self.add(
                "appraisal.points-over-max",
                path + ("points",),
                value=d.points,
                max=node.max,
                id=node.id,
            )
        typed = self._raw(path)  # a key typed but refused was said already: not "needed" again
        if d.decision == "points" and d.points is None and typed.get("points") is None:
            self.add("appraisal.needs", path, prefer_key=True, key="points", decision="points")
        if d.decision in ("points", "inputs") and d.reason is None:
            self.add("appraisal.needs", path, prefer_key=True, key="reason", decision=d.decision)
        if d.decision == "explain" and d.ask is None:
            self.add("appraisal.needs", path, prefer_key=True, key="ask", decision="explain")
        if d.decision == "inputs":
            if not d.inputs:
                self.add("appraisal.needs", path, prefer_key=True, key="inputs", decision="inputs")
            else:
                values = self.corrected(path + ("inputs",), node, d.inputs)
                if values is not None:
                    inputs[node.id] = values

    def _raw(self, path: KeyPath) -> dict[str, Any]:
        """The mapping typed at ``path`` (empty when there is none)."""
        here: Any = self.src.data
        for key in path:
            here = here.get(key) if isinstance(here, dict) else None
        return here if isinstance(here, dict) else {}

    def corrected(self, path: KeyPath, node: Any, given: dict[str, Any]) -> dict[str, Any] | None:
        """The item's inputs with the council's over the commune's, converted and checked by the
        item's rule; None (with the problems) when they do not fit it."""
        specs = {spec.name: spec for spec in node.kind.inputs(node.rule)}
        values = dict(self.checked.inputs.get(node.id, {}))
        ok = True
        for key, raw in given.items():
            spec = specs.get(key)
            if spec is None:
                best = difflib.get_close_matches(key, sorted(specs), n=1, cutoff=0.6)
                self.add(
                    "evidence.unknown-input",
                    path + (key,),
                    prefer_key=True,
                    key=key,
                    id=node.id,
                    kind=node.kind.name,
                    expected=", ".join(specs),
                    **suggestion(best[0] if best else None),
                )
                ok = False
                continue
            value, code, args = convert_input(spec, raw)
            if code is not None:
                self.add(code, path + (key,), **args)
                ok = False
                continue
            values[key] = value
        if not ok:
            return None
        item = self.checked.evidence.items.get(node.id)
        ctx = context_for(self.checked.evidence, item)
        for problem in node.kind.check_inputs(node.rule, values, node.max, ctx):
            where = path + (problem.key,) if problem.key in given else path
            if problem.warning:
                self.warn(problem.code, where, **{"id": node.id, **problem.args})
            else:
                self.add(problem.code, where, **{"id": node.id, **problem.args})
                ok = False
        return values if ok else None

    def ledger_line(self, path: KeyPath, line: LedgerDecision, lines: int) -> None:
        if path[-1] >= lines:  # type: ignore[operator]
            self.add(
                "appraisal.no-such-line",
                path,
                section=Phrase(f"appraisal.section-{path[1]}"),
                count=lines,
                path=self.checked.source,
            )
        elif line.decision == "refused" and line.reason is None:
            self.add("appraisal.needs", path, key="reason", decision="refused")

    def dates(self, appraisal: Appraisal) -> None:
        """The rounds' dates agree: the explanation deadline not before round 1, round 2 not
        before round 1; a request for explanation has a deadline (warned: every answer counts)."""
        r1, r2 = appraisal.round1, appraisal.round2
        due = r1.explanation_due
        if due is not None and r1.date is not None and due < r1.date:
            self.add(
                "appraisal.due-before-round",
                ("round1", "explanation_due"),
                due=due,
                date=r1.date,
            )
        if r2 is not None and r2.date is not None and r1.date is not None and r2.date < r1.date:
            self.add(
                "appraisal.round2-before-round1", ("round2", "date"), date=r2.date, first=r1.date
            )
        asked = [i for i, d in r1.items.items() if d.decision == "explain"]
        if asked and due is None:
            self.warn("appraisal.no-due", ("round1",), ids=", ".join(asked))

    def raise_errors(self) -> None:
        if any(p.severity is Severity.ERROR for p in self.problems):
            raise InputError(self.problems)


APPRAISAL_KEYS = model_keys(Appraisal) | RESERVED_KEYS


def _salvaged(src: Source, model: type[BaseModel]) -> tuple[Any, list[Problem], list[KeyPath]]:
    """``model`` from ``src``, with what it refuses set aside so that the checks against the
    evidence still run (every problem in one run, as for evidence): the model, the shape's
    problems and the key paths set aside. Raises when nothing can be checked."""
    if not isinstance(src.data, dict):
        raise InputError([src.problem("doc.not-mapping", found=found(src.data))])
    try:
        return model.model_validate(src.data), [], []
    except ValidationError as exc:
        shape = validation_problems(src, exc, known_keys=model_keys(model))
        salvaged, removed = salvage(model, src.data, exc)
        if salvaged is None:
            raise InputError(shape) from None
        return salvaged, shape, removed


def check_appraisal(src: Source, checked: CheckedEvidence) -> CheckedAppraisal:
    """An appraisal file, read into ``src``, checked against the commune's evidence."""
    appraisal: Appraisal
    appraisal, shape, removed = _salvaged(src, Appraisal)
    checker = _Checker(src, checked)
    checker.same_commune(appraisal.unit, appraisal.year, appraisal.criteria)
    round1 = checker.round("round1", appraisal.round1)
    round2 = checker.round("round2", appraisal.round2) if appraisal.round2 is not None else None
    checker.dates(appraisal)
    if shape:
        raise InputError(shape + kept(checker.problems, src.display, removed))
    checker.raise_errors()
    return CheckedAppraisal(
        source=src.display,
        appraisal=appraisal,
        round1=round1,
        round2=round2,
        warnings=tuple(checker.problems),
    )


def check_explanation(
    src: Source, checked: CheckedEvidence, appraisal: CheckedAppraisal
) -> CheckedAppraisal:
    """The commune's answers, read into ``src``, checked against the requests of round 1; the
    appraisal with them. An answer after round 1's deadline is warned about and listed late."""
    explanation: Explanation
    explanation, shape, removed = _salvaged(src, Explanation)
    checker = _Checker(src, checked)
    checker.same_commune(explanation.unit, explanation.year, explanation.criteria)
    requested = {
        node_id for node_id, d in appraisal.round1.round.items.items() if d.decision == "explain"
    }
    due = appraisal.appraisal.round1.explanation_due
    late = set()
    for node_id, answer in explanation.answers.items():
        path: KeyPath = ("answers", node_id)
        node = checker.node(path, node_id)
        if node is None:
            continue
        if node_id not in requested:
            checker.add(
                "explanation.not-requested",
                path,
                prefer_key=True,
                id=node_id,
                path=appraisal.source,
            )
            continue
        if answer.claimed is not None and answer.claimed > node.max:
            checker.add(
                "appraisal.points-over-max",
                path + ("claimed",),
                value=answer.claimed,
                max=node.max,
                id=node_id,
            )
        sent = answer.date or explanation.date
        if due is not None and sent > due:
            where = path + ("date",) if answer.date is not None else ("date",)
            checker.warn("explanation.late", where, id=node_id, date=sent, due=due)
            late.add(node_id)
            continue
        for index, doc in enumerate(answer.documents):
            if doc.date is not None and doc.date > sent:  # it cannot have been sent with it
                counted = due is None or doc.date <= due
                checker.warn(
                    "explanation.document-after" if counted else "explanation.document-after-due",
                    path + ("documents", index, "date"),
                    id=node_id,
                    date=doc.date,
                    sent=sent,
                    due=due or "—",
                )
                if not counted:
                    late.add(node_id)
                    break
    if shape:
        raise InputError(shape + kept(checker.problems, src.display, removed))
    checker.raise_errors()
    return CheckedAppraisal(
        source=appraisal.source,
        appraisal=appraisal.appraisal,
        round1=appraisal.round1,
        round2=appraisal.round2,
        explanation=explanation,
        explanation_source=src.display,
        late=frozenset(late),
        warnings=appraisal.warnings + tuple(checker.problems),
    )


def load_appraisal(
    path: Path,
    checked: CheckedEvidence,
    explanation: Path | None = None,
    limits: Limits = yamlsource.DEFAULT_LIMITS,
) -> CheckedAppraisal:
    """The council's file at ``path`` (and the commune's answers at ``explanation``), checked
    against the commune's evidence ``checked``."""
    result = check_appraisal(_read(path, limits), checked)
    if explanation is not None:
        result = check_explanation(_read(explanation, limits), checked, result)
    return result


def _check_answers(
    src: Source, explanation: Explanation, path: Path, resolver: Any
) -> list[Problem]:
    """``validate`` on an answer file: each answer against the criteria set it names (an item
    the set has, scored by the commune, claiming at most its maximum), as ``evaluate`` checks
    them against the evidence. A set that cannot be found leaves the answers unchecked."""
    try:
        cs = resolver.load(explanation.criteria, path.parent)
    except InputError:
        return []
    problems = []
    for node_id, answer in explanation.answers.items():
        node = cs.node_map.get(node_id)
        where: KeyPath = ("answers", node_id)
        if node is None or not node.is_leaf or node.scored_by != "commune":
            continue  # said with its evidence (evaluate --explanation)
        if answer.claimed is not None and answer.claimed > node.max:
            problems.append(
                src.problem(
                    "appraisal.points-over-max",
                    where + ("claimed",),
                    value=answer.claimed,
                    max=node.max,
                    id=node_id,
                )
            )
    if problems:
        raise InputError(problems)
    return []


def check_file(src: Source, kind: str, path: Path, resolver: Any) -> list[Problem]:
    """``validate`` on an appraisal or explanation file: its shape; an appraisal naming its
    evidence (``evidence:``) is also checked against it. The problems (warnings only when the
    file is valid); raises InputError for errors."""
    from parscore.loading import load_evidence

    if kind == "explanation":
        return _check_answers(src, read_model(src, Explanation), path, resolver)
    named = src.data.get("evidence") if isinstance(src.data, dict) else None
    evidence = path.parent / named if isinstance(named, str) and named.strip() else None
    if evidence is None or not evidence.is_file():
        try:
            read_model(src, Appraisal)  # its shape: all that can be checked without the evidence
        except InputError as exc:
            missing = [] if evidence is None else [_evidence_not_found(src)]
            raise InputError(exc.problems + missing) from None
        if evidence is not None:
            raise InputError([_evidence_not_found(src)])
        return []
    # against the evidence, every problem at once: the shape's and the decisions' (points
    # above an item's maximum, items the set does not have...)
    checked = load_evidence(evidence, resolver)
    return list(check_appraisal(src, checked).warnings)


def _evidence_not_found(src: Source) -> Problem:
    return src.problem("appraisal.evidence-not-found", ("evidence",))
