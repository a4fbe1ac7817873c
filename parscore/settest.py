"""Tests a province runs on its own criteria set (``parscore criteria test SET CASES...``).

A case file is YAML written by the staff who encode the annex: for one sub-criterion, the inputs
a commune would give and the points (and outcome) the annex says they are worth::

    criteria: ref-commune-2023        # the id of the set the cases are written for
    cases:
      - item: "1.1.4"
        inputs: {done: 18, planned: 20}    # the rule's inputs, by the names the set gives them
        points: 0.75                       # what the annex says they are worth
        outcome: partial                   # optional: met, partial, unmet, missing...
        note: "đúng 90% thuộc mức 0,75"    # optional: what the case checks
      - item: "6.4"
        nothing_occurred: Không được giao vốn
        points: 0
        outcome: not_applicable

A case may also give ``documents`` and ``explanation`` as an evidence item does, and
``penalty`` (the points the rule books in the penalty ledger). Without ``documents`` or
``explanation`` the case gets one undated document, so that it tests the rule rather than the
documents requirement (``documents: []`` tests that requirement).

Each case becomes the smallest evidence file that holds that one item, checked by the same
checks as any evidence file (:func:`parscore.loading.evidence_from_source`) and scored by the
real engine. A problem in an item (an unknown input, a bad value) is placed at its line in the
case file. Pure apart from reading the files: results out, the CLI prints them.
"""

from __future__ import annotations

import difflib
import importlib.resources
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path as FsPath
from typing import Any

from parscore import yamlsource
from parscore.criteria_sets import SHIPPED_PACKAGE, CriteriaResolver
from parscore.errors import InputError, KeyPath, Problem, Severity
from parscore.messages import Phrase, suggestion
from parscore.model.common import found
from parscore.model.criteria import CriteriaSet, Node
from parscore.model.result import NodeResult, Outcome
from parscore.rules import RESERVED_KEYS
from parscore.yamlsource import Source

TOP_KEYS = ("criteria", "cases")
CASE_KEYS = (
    "item",
    "inputs",
    "documents",
    "explanation",
    "nothing_occurred",
    "points",
    "outcome",
    "penalty",
    "note",
)
#: Keys of a case copied as they are into the evidence item.
_ITEM_KEYS = ("documents", "explanation", "nothing_occurred")
#: The proof a case gets when it gives none: a document with no date, which no rule reads.
DEFAULT_DOCUMENTS = [{"number": "parscore-criteria-test"}]
CASES_FOLDER = "cases"


@dataclass(frozen=True)
class Case:
    """One case, checked: where it is, its item, and what it expects."""

    index: int
    item: str
    points: Decimal
    outcome: Outcome | None
    penalty: Decimal | None


@dataclass(frozen=True)
class CaseResult:
    """A case run: what it expected and what the set gave."""

    case: Case
    where: Problem  # the case's place in its file (code settest.case)
    points: Decimal
    outcome: Outcome
    penalty: Decimal
    reason: dict[str, str]

    @property
    def passed(self) -> bool:
        return not self.failures()

    def failures(self) -> list[Problem]:
        """The case's failures, as problems placed at the case."""
        case, found_here = self.case, []
        if case.points != self.points or (case.outcome not in (None, self.outcome)):
            found_here.append(self._at("settest.failed", **self._got()))
        if case.penalty is not None and case.penalty != self.penalty:
            found_here.append(
                self._at(
                    "settest.failed-penalty",
                    expected=_shown(case.penalty),
                    got=_shown(self.penalty),
                )
            )
        return found_here

    def _got(self) -> dict[str, Any]:
        case = self.case
        expected = Phrase("settest.points", {"points": _shown(case.points)})
        if case.outcome is not None:
            expected = Phrase(
                "settest.points-outcome",
                {"points": _shown(case.points), "outcome": _outcome_phrase(case.outcome)},
            )
        return {
            "expected": expected,
            "points": _shown(self.points),
            "outcome": _outcome_phrase(self.outcome),
            "reason": self.reason,
        }

    def _at(self, code: str, **args: Any) -> Problem:
        w = self.where
        return Problem(code, args, w.file, w.line, w.column, w.keys, source_line=w.source_line)


def _shown(points: Decimal) -> Decimal:
    """Points as the reports write them: two decimals (0,50)."""
    from parscore.decimals import quantize

    return quantize(points)


def _outcome_phrase(outcome: Outcome) -> Phrase:
    return Phrase("outcome." + outcome.value.replace("_", "-"))


@dataclass(frozen=True)
class FileRun:
    """The cases of one file, run."""

    display: str
    results: tuple[CaseResult, ...]


# --- where the shipped cases are ----------------------------------------------------------------


def shipped_cases(set_id: str) -> Any | None:
    """The shipped case file of a shipped set (``criteria/cases/<id>.yaml``), or None."""
    entry = importlib.resources.files(SHIPPED_PACKAGE) / CASES_FOLDER / f"{set_id}.yaml"
    return entry if entry.is_file() else None


def read_shipped(entry: Any, limits: yamlsource.Limits) -> Source:
    display = f"{SHIPPED_PACKAGE.replace('.', '/')}/{CASES_FOLDER}/{entry.name}"
    if isinstance(entry, FsPath):
        from parscore import inputs

        inputs.record(entry)
    return yamlsource.load_bytes(entry.read_bytes(), display, limits)


def refuse_swapped(src: Source, key: str) -> None:
    """A case file given as the set (it has ``cases:``), or a set given as a case file (it has
    ``fields:``): the arguments are the wrong way round."""
    if isinstance(src.data, dict) and key in src.data:
        from parscore.errors import UsageError

        code = "usage.cases-not-set" if key == "cases" else "usage.set-not-cases"
        raise UsageError(code, path=src.display)


# --- checking a case file's shape ----------------------------------------------------------------


class _ShapeChecker:
    """The case file's own keys: a located problem for each one out of place."""

    def __init__(self, src: Source, cs: CriteriaSet):
        self.src = src
        self.cs = cs
        self.problems: list[Problem] = []
        self.nodes = {node.id: node for node in cs.nodes()}
        self.leaf_ids = [node.id for node in cs.leaves()]

    def add(self, code: str, keys: KeyPath, *, prefer_key: bool = False, **args: Any) -> None:
        self.problems.append(self.src.problem(code, keys, prefer_key=prefer_key, **args))

    def unknown_keys(self, mapping: dict[str, Any], known: tuple[str, ...], path: KeyPath) -> None:
        for key in mapping:
            if key not in known:
                best = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
                self.add(
                    "settest.unknown-key",
                    path + (key,),
                    prefer_key=True,
                    key=key,
                    expected=", ".join(known),
                    **suggestion(best[0] if best else None),
                )

    def run(self) -> list[Case]:
        data = self.src.data
        if not isinstance(data, dict):
            self.add("doc.not-mapping", (), found=found(data))
            return []
        self.unknown_keys(data, TOP_KEYS, ())
        self.criteria(data.get("criteria"))
        cases = data.get("cases")
        if not isinstance(cases, list) or not cases:
            self.add("settest.no-cases", ("cases",) if "cases" in data else ())
            return []
        checked = [self.case(index, raw) for index, raw in enumerate(cases)]
        return [case for case in checked if case is not None]

    def criteria(self, value: Any) -> None:
        if value is None:
            self.add("value.missing", (), key="criteria")
        elif str(value) != self.cs.id:
            self.add("settest.other-set", ("criteria",), cases_for=str(value), set=self.cs.id)

    def case(self, index: int, raw: Any) -> Case | None:
        path: KeyPath = ("cases", index)
        if not isinstance(raw, dict):
            self.add("settest.case-not-mapping", path, found=found(raw))
            return None
        self.unknown_keys(raw, CASE_KEYS, path)
        node = self.item(raw.get("item"), path)
        points = self.number(raw, "points", path, required=True)
        penalty = self.number(raw, "penalty", path, required=False)
        outcome = self.outcome(raw.get("outcome"), path)
        inputs = raw.get("inputs")
        if inputs is not None and not isinstance(inputs, dict):
            self.add("settest.inputs-not-mapping", path + ("inputs",), found=found(inputs))
            return None
        if node is None or points is None:
            return None  # the rest of the case is still checked by running it
        return Case(index, node.id, points, outcome, penalty)

    def item(self, value: Any, path: KeyPath) -> Node | None:
        if value is None:
            self.add("value.missing", path, key="item")
            return None
        item_id = format(value, "f") if isinstance(value, Decimal) else str(value)
        node = self.nodes.get(item_id)
        if node is None:
            best = difflib.get_close_matches(item_id, self.leaf_ids, n=1, cutoff=0.6)
            self.add(
                "evidence.unknown-id",
                path + ("item",),
                id=item_id,
                set=self.cs.id,
                **suggestion(best[0] if best else None),
            )
            return None
        if not node.is_leaf:
            children = ", ".join(n.id for n in node.walk() if n.is_leaf)
            self.add("evidence.not-scored", path + ("item",), id=item_id, children=children)
            return None
        return node

    def number(self, raw: dict[str, Any], key: str, path: KeyPath, *, required: bool) -> Any:
        value = raw.get(key)
        if value is None:
            if required:
                self.add("value.missing", path, key=key)
            return None
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)) or value < 0:
            self.add("settest.bad-points", path + (key,), key=key, found=found(value))
            return None
        return Decimal(value)

    def outcome(self, value: Any, path: KeyPath) -> Outcome | None:
        if value is None:
            return None
        known = [o.value for o in Outcome]
        if value not in known:
            best = difflib.get_close_matches(str(value), known, n=1, cutoff=0.6)
            self.add(
                "settest.bad-outcome",
                path + ("outcome",),
                value=str(value),
                choices=", ".join(known),
                **suggestion(best[0] if best else None),
            )
            return None
        return Outcome(value)


# --- one case as an evidence file ---------------------------------------------------------------


class _CaseSource(Source):
    """The evidence file a case stands for, placed in the case file: a problem about the item's
    key ``on_tme`` is shown at ``on_tme`` under the case's ``inputs``."""

    def __init__(self, cases: Source, index: int, data: dict[str, Any]):
        super().__init__(cases.display, cases.text, cases.root, data)
        self._case: KeyPath = ("cases", index)
        self._own = set((cases.data["cases"][index] or {}).keys())

    def node_at(self, keys: KeyPath, *, prefer_key: bool = False) -> Any:
        return super().node_at(self._translate(keys), prefer_key=prefer_key)

    def _translate(self, keys: KeyPath) -> KeyPath:
        if len(keys) < 2 or keys[0] not in ("items", "survey"):
            return self._case
        if len(keys) == 2:
            return self._case + ("item",)
        key, rest = keys[2], keys[3:]
        if key in self._own and key in RESERVED_KEYS:
            return self._case + (key,) + rest
        return self._case + ("inputs", key) + rest


def _evidence_data(cs: CriteriaSet, node: Node, raw: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = dict(raw.get("inputs") or {})
    for key in _ITEM_KEYS:
        if key in raw:
            item[key] = raw[key]
    if "documents" not in raw and "explanation" not in raw:
        item["documents"] = DEFAULT_DOCUMENTS
    section = "survey" if node.scored_by == "outside" else "items"
    return {
        "unit": {"name": "parscore criteria test", "kind": "xã"},
        "year": cs.year,
        "criteria": cs.id,
        section: {node.id: item},
    }


def _node_result(results: list[NodeResult], node_id: str) -> NodeResult:
    for top in results:
        for node in top.walk():
            if node.id == node_id:
                return node
    raise KeyError(node_id)  # pragma: no cover - the case's item was checked against the set


def run_case(
    cases: Source, case: Case, cs: CriteriaSet, location: str, resolver: CriteriaResolver
) -> CaseResult:
    """Score one case's item with the real checks and engine; InputError for a bad item."""
    from parscore.engine import evaluate
    from parscore.loading import evidence_from_source

    node = next(n for n in cs.leaves() if n.id == case.item)
    raw = cases.data["cases"][case.index]
    src = _CaseSource(cases, case.index, _evidence_data(cs, node, raw))
    checked = evidence_from_source(src, resolver, criteria=location)
    result = evaluate(checked)
    tops = [*result.fields, *([result.survey] if result.survey is not None else [])]
    scored = _node_result(tops, case.item)
    where = cases.problem("settest.case", ("cases", case.index))
    return CaseResult(
        case=case,
        where=where,
        points=scored.points,
        outcome=scored.outcome,
        penalty=result.penalty.points,
        reason={"vi": scored.reason.vi, "en": scored.reason.en} if scored.reason else {},
    )


def run_file(cases: Source, cs: CriteriaSet, location: str, resolver: CriteriaResolver) -> FileRun:
    """Every case of one file; InputError with every problem of the file when any is bad."""
    checker = _ShapeChecker(cases, cs)
    checked = checker.run()
    problems = list(checker.problems)
    results: list[CaseResult] = []
    for case in checked:
        try:
            results.append(run_case(cases, case, cs, location, resolver))
        except InputError as exc:
            problems += [p for p in exc.problems if p.severity is Severity.ERROR]
    if problems:
        raise InputError(problems)
    return FileRun(cases.display, tuple(results))
