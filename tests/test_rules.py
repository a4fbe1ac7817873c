"""Rule cases written as data: ``tests/rules/<kind>.yaml``, one file per rule kind.

Each case builds the smallest criteria set that holds one sub-criterion scored by the case's
rule, an evidence file with the case's item, and runs the real loading path (YAML text →
criteria set → evidence → engine). A case file looks like::

    kind: bands                 # the rule kind the file is about
    defaults:                   # optional: keys every case starts from (a case overrides them)
      max: 1.5
      rule: {kind: bands, part: done, total: planned, bands: [...]}
    cases:
      - name: exactly 90% falls in the lower band      # the test id
        max: 1.5                                      # the sub-criterion's maximum
        rule: {...}                                   # written into the criteria set as is
        when_nothing_occurred: full_points            # optional, on the node
        documents_required: false                     # optional, on the node
        set: {documents_required: false}              # optional: keys of the set (null removes)
        place: field | survey                         # default: survey for survey_share
        section: items | survey                       # where the evidence puts the item
        item: {done: 18, planned: 20}                 # absent: the node has no evidence
        year: 2023                                    # the evidence year (the set's is 2023)
        expect:                                       # what the result must be
          points: 0.75          # exact Decimal
          outcome: partial
          applicable_max: 0     # optional
          penalty: 0.25         # optional: the penalty ledger's points
          warnings: [evidence.status-contradicts-dates]   # optional: exactly these codes
          reason_en: "90.00%"   # optional: the English reason contains this
          describe_vi: "..."    # optional: describe(params, max, 'vi') contains this
          describe_en: "..."
          improve:              # optional: exactly what would gain points from here, best first
            - {points: 1.5, en: "raise the share ...", vi: "nâng tỷ lệ ..."}   # vi optional
        expect_error:           # instead of expect: the set or the evidence is refused
          code: criteria.bands-gap
          at: "below: 69"       # optional: the problem's source line contains this
        xfail: "reason"         # a known parscore bug: the case must fail (strict)

Unless the item gives ``documents`` (or is a survey item), the runner adds one dated document,
so that cases test the rule rather than the documents requirement.

Whatever a case expects, every scored case also checks what every kind promises: the rule in
words in both languages, nothing to gain at full points, and the kind's claim about its inputs
(an input marked ``rising`` never lowers the points when raised).
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from yamlwrite import to_yaml

from parscore import yamlsource
from parscore.engine import evaluate
from parscore.errors import InputError, Severity
from parscore.loading import CriteriaResolver, criteria_from_source, evidence_from_source
from parscore.messages import render
from parscore.model.result import NodeResult, Outcome, UnitResult
from parscore.rules import KINDS, Context
from parscore.rules.base import InputSpec, RuleKind

RULES_DIR = Path(__file__).parent / "rules"
YEAR = 2023
DEFAULT_DOCUMENTS = [{"number": "1/BC-UBND", "date": "01/06/2023"}]

CASE_KEYS = {
    "name",
    "max",
    "rule",
    "when_nothing_occurred",
    "documents_required",
    "set",
    "place",
    "section",
    "item",
    "year",
    "expect",
    "expect_error",
    "xfail",
}
EXPECT_KEYS = {
    "points",
    "outcome",
    "applicable_max",
    "penalty",
    "warnings",
    "reason_en",
    "reason_vi",
    "describe_vi",
    "describe_en",
    "claim_difference",
    "improve",
}
#: What the cases of every registered kind must show between them.
EVERY_KIND_SHOWS = ("points", "improve", "describe_vi", "describe_en")
ERROR_KEYS = {"code", "at"}


# --- reading the case files: numbers as exact Decimals -------------------------------------------


class _CaseLoader(yaml.SafeLoader):
    """PyYAML's safe loader, but every float is the Decimal typed in the file."""


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    return Decimal(loader.construct_scalar(node).replace("_", ""))


_CaseLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


# --- writing YAML that parscore reads back as typed ----------------------------------------------


# --- collecting the cases ----------------------------------------------------------------------


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(RULES_DIR.glob("*.yaml")):
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_CaseLoader)
        assert set(doc) <= {"kind", "defaults", "cases"}, f"{path.name}: unknown top-level keys"
        kind = doc["kind"]
        assert kind in KINDS, f"{path.name}: unknown kind {kind!r}"
        assert path.stem == kind, f"{path.name} should be named {kind}.yaml"
        defaults = doc.get("defaults") or {}
        names = set()
        for raw in doc["cases"]:
            case = {**defaults, **raw}
            unknown = set(case) - CASE_KEYS
            assert not unknown, f"{path.name}: case {case.get('name')!r} has unknown keys {unknown}"
            assert ("expect" in case) != ("expect_error" in case), (
                f"{path.name}: case {case['name']!r} needs exactly one of expect / expect_error"
            )
            assert set(case.get("expect") or {}) <= EXPECT_KEYS, case["name"]
            assert set(case.get("expect_error") or {}) <= ERROR_KEYS, case["name"]
            assert case["name"] not in names, f"{path.name}: duplicate case name {case['name']!r}"
            names.add(case["name"])
            case["_kind"] = kind
            marks = []
            if case.get("xfail"):
                marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
            params.append(pytest.param(case, id=f"{kind}: {case['name']}", marks=marks))
    return params


CASES = _load_cases()


def test_every_kind_has_cases() -> None:
    """Each registered kind has its case file, and its cases pin its points, what would gain
    points, and its rule in words."""
    kinds = {p.values[0]["_kind"] for p in CASES}
    assert kinds == set(KINDS)
    for kind in KINDS:
        shown = {
            key
            for p in CASES
            if p.values[0]["_kind"] == kind
            for key in p.values[0].get("expect") or {}
        }
        missing = [key for key in EVERY_KIND_SHOWS if key not in shown]
        assert not missing, f"tests/rules/{kind}.yaml: no case expects {missing}"


def test_enough_cases() -> None:
    assert len(CASES) >= 80


# --- building the documents of one case --------------------------------------------------------


def _place(case: dict[str, Any]) -> str:
    default = "survey" if case["_kind"] == "survey_share" else "field"
    return case.get("place", default)


def build_set(case: dict[str, Any]) -> dict[str, Any]:
    maximum = Decimal(case.get("max", 1))
    place = _place(case)
    node: dict[str, Any] = {
        "id": "1.1" if place == "field" else "S.1",
        "name": {"vi": "Tiêu chí thử", "en": "Test criterion"},
        "max": maximum,
    }
    if place == "survey":
        node["scored_by"] = "outside"
    for key in ("when_nothing_occurred", "documents_required"):
        if key in case:
            node[key] = case[key]
    node["rule"] = case["rule"]
    cs: dict[str, Any] = {
        "id": "rule-case",
        "title": {"vi": "Bộ thử một tiêu chí", "en": "One-criterion test set"},
        "issuer": {"vi": "Kiểm thử", "en": "Tests"},
        "year": YEAR,
        "version": "1",
    }
    if place == "field":
        fields = [
            {
                "id": "1",
                "name": {"vi": "Lĩnh vực thử", "en": "Test field"},
                "max": maximum,
                "children": [node],
            }
        ]
        survey = None
        appraisal, survey_max = maximum, Decimal(0)
    else:
        one = {"id": "1.1", "name": "Có kế hoạch", "max": 1, "rule": {"kind": "pass_fail"}}
        fields = [{"id": "1", "name": "Lĩnh vực thử", "max": 1, "children": [one]}]
        survey = {
            "id": "S",
            "name": {"vi": "Điều tra", "en": "Survey"},
            "max": maximum,
            "scored_by": "outside",
            "children": [node],
        }
        appraisal, survey_max = Decimal(1), maximum
    cs.update(
        total=appraisal + survey_max,
        split={"appraisal": appraisal, "survey": survey_max},
        bands=[
            {"name": {"vi": "Xuất sắc", "en": "Excellent"}, "at_least": 90},
            {"name": {"vi": "Tốt", "en": "Good"}, "at_least": 80, "below": 90},
            {"name": {"vi": "Khá", "en": "Fair"}, "below": 80},
        ],
        penalty={"points_each": Decimal("0.25"), "cap": 5},
        bonus={"points_each": Decimal("0.5"), "cap": 2},
        fields=fields,
    )
    if survey is not None:
        cs["survey"] = survey
    for key, value in (case.get("set") or {}).items():
        if value is None:
            cs.pop(key, None)
        else:
            cs[key] = value
    return cs


def build_evidence(case: dict[str, Any]) -> dict[str, Any]:
    place = _place(case)
    node_id = "1.1" if place == "field" else "S.1"
    section = case.get("section", "items" if place == "field" else "survey")
    ev: dict[str, Any] = {
        "unit": {"name": "Vĩnh Chấp", "code": "19435", "kind": "xã"},
        "year": case.get("year", YEAR),
        "criteria": "set.yaml",
    }
    if "item" in case:
        item = dict(case["item"] or {})
        if "documents" not in item and section == "items":
            item["documents"] = DEFAULT_DOCUMENTS
        ev[section] = {node_id: item}
    return ev


def _node(result: UnitResult, case: dict[str, Any]) -> NodeResult:
    if _place(case) == "field":
        return result.fields[0].children[0]
    assert result.survey is not None
    return result.survey.children[0]


def _check_error(case: dict[str, Any], exc: InputError, stage: str) -> None:
    want = case.get("expect_error")
    if want is None:
        shown = "\n".join(p.format("en") for p in exc.problems)
        pytest.fail(f"the {stage} was refused:\n{shown}")
    errors = [p for p in exc.problems if p.severity is Severity.ERROR]
    matching = [p for p in errors if p.code == want["code"]]
    shown = "\n".join(p.format("en") for p in exc.problems)
    assert matching, f"expected {want['code']} from the {stage}, got:\n{shown}"
    for problem in matching:
        assert problem.line > 0, f"{problem.code} has no line:\n{shown}"
        assert problem.message("vi") and problem.message("en")
    if "at" in want:
        assert any(want["at"] in (p.source_line or "") for p in matching), (
            f"no {want['code']} on a line containing {want['at']!r}:\n{shown}"
        )


# --- the test ------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_rule_case(case: dict[str, Any], tmp_path: Path) -> None:
    set_text = to_yaml(build_set(case))
    (tmp_path / "set.yaml").write_text(set_text, encoding="utf-8")
    try:
        cs = criteria_from_source(yamlsource.load_text(set_text, "set.yaml"))
    except InputError as exc:
        _check_error(case, exc, "criteria set")
        return

    ev_text = to_yaml(build_evidence(case))
    try:
        prepared = evidence_from_source(
            yamlsource.load_text(ev_text, "ev.yaml"), CriteriaResolver(), base=tmp_path
        )
    except InputError as exc:
        _check_error(case, exc, "evidence")
        return
    if "expect_error" in case:
        pytest.fail(f"expected {case['expect_error']['code']}, but everything loaded")

    result = evaluate(prepared)
    node = _node(result, case)
    expect = case["expect"]
    if "points" in expect:
        assert isinstance(node.points, Decimal)
        assert node.points == Decimal(expect["points"]), node.reason
    if "outcome" in expect:
        assert node.outcome is Outcome(expect["outcome"]), node.reason
    if "applicable_max" in expect:
        assert node.applicable_max == Decimal(expect["applicable_max"])
    if "penalty" in expect:
        assert result.penalty.points == Decimal(expect["penalty"])
    if "claim_difference" in expect:
        want = expect["claim_difference"]
        assert node.claim_difference == (None if want is None else Decimal(want))
    if "warnings" in expect:
        codes = sorted(p.code for p in prepared.warnings if p.severity is Severity.WARNING)
        assert codes == sorted(expect["warnings"])
        assert sorted(w.code for w in result.warnings) == sorted(expect["warnings"])
    for lang in ("vi", "en"):
        if f"reason_{lang}" in expect:
            assert node.reason is not None
            assert expect[f"reason_{lang}"] in node.reason.get(lang)
    # every scored node carries a reason in both languages and the rule in words
    assert node.reason is not None and node.reason.vi and node.reason.en
    source_node = next(n for n in cs.leaves() if n.id == node.id)
    for lang in ("vi", "en"):
        described = source_node.kind.describe(source_node.rule, source_node.max, lang)
        assert described
        if f"describe_{lang}" in expect:
            assert expect[f"describe_{lang}"] in described
    assert node.rule_text is not None
    assert node.rule_text.vi == source_node.kind.describe(source_node.rule, source_node.max, "vi")

    values = dict(prepared.inputs.get(node.id, {}))
    if node.outcome in (Outcome.MISSING, Outcome.NOT_APPLICABLE) or not values:
        assert "improve" not in expect, "improve is checked from inputs that were scored"
        return
    kind, rule = source_node.kind, source_node.rule
    found = kind.improve_in(
        rule, source_node.max, values, node.points, Context(case.get("year", YEAR))
    )
    if "improve" in expect:
        want = expect["improve"]
        assert [g.points for g in found] == [Decimal(w["points"]) for w in want]
        for gain, wanted in zip(found, want, strict=True):
            for lang in ("vi", "en"):
                if lang in wanted:
                    assert render(gain.action, gain.args, lang) == wanted[lang]
    if node.points == source_node.max:
        assert found == [], "nothing to gain at full points"
    for raised in _raised(kind, rule, values):
        if _accepted(kind, rule, raised, source_node.max):
            after = kind.score(rule, source_node.max, raised, Context(YEAR)).points
            before = kind.score(rule, source_node.max, values, Context(YEAR)).points
            assert after >= before, f"raising a rising input lowered the points: {raised}"


def _raised(kind: type[RuleKind], rule: Any, values: dict[str, Any]) -> list[dict[str, Any]]:
    """The inputs with one input the kind claims to be rising raised (true, +1, ×2 + 1)."""
    out = []
    for spec in kind.inputs(rule):
        value = values.get(spec.name)
        if not spec.rising or value is None:
            continue
        if spec.type == "bool":
            out.append({**values, spec.name: True})
            continue
        for more in (value + 1, value * 2 + 1):
            out.append({**values, spec.name: _within(spec, more)})
    return out


def _within(spec: InputSpec, value: Any) -> Any:
    return min(value, Decimal(100)) if spec.type == "percent" else value


def _accepted(kind: type[RuleKind], rule: Any, values: dict[str, Any], maximum: Decimal) -> bool:
    ctx = Context(YEAR)
    problems = kind.check_inputs(rule, values, maximum, ctx)
    return kind.is_given(rule, values, ctx) and all(p.warning for p in problems)


# --- every refusal pinned exactly ----------------------------------------------------------------

GOLDEN_ERRORS = Path(__file__).parent / "golden" / "rule-errors.txt"


def _refusal(case: dict[str, Any], folder: Path) -> list[str]:
    """The exact messages (en, then vi) with which the set or the evidence of a case is refused."""
    set_text = to_yaml(build_set(case))
    (folder / "set.yaml").write_text(set_text, encoding="utf-8")
    try:
        criteria_from_source(yamlsource.load_text(set_text, "set.yaml"))
        evidence_from_source(
            yamlsource.load_text(to_yaml(build_evidence(case)), "ev.yaml"),
            CriteriaResolver(),
            base=folder,
        )
    except InputError as exc:
        return [p.format(lang, show_source=False) for p in exc.problems for lang in ("en", "vi")]
    return ["(not refused)"]


def test_every_refusal_is_pinned_with_its_exact_place_and_text(tmp_path: Path) -> None:
    """One reviewable file holds the exact ``file:line:col: message [code]`` of every error
    case above; PARSCORE_UPDATE_GOLDEN=1 rewrites it after a deliberate change."""
    lines: list[str] = []
    for case in CASES:
        if "expect_error" in case.values[0]:
            lines.append(f"# {case.id}")
            lines.extend(f"  {message}" for message in _refusal(case.values[0], tmp_path))
    text = "\n".join(lines) + "\n"
    if os.environ.get("PARSCORE_UPDATE_GOLDEN"):
        GOLDEN_ERRORS.write_text(text, encoding="utf-8", newline="\n")
    assert text == GOLDEN_ERRORS.read_text(encoding="utf-8")
