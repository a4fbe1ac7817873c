"""The shipped data: the reference set and the example communes.

Every example validates and scores; together they show every rule kind the reference set uses
and every outcome; the reports of every format match their golden files (regenerate with
PARSCORE_UPDATE_GOLDEN=1 after a deliberate change, and read the diff).
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from parscore.cli import main
from parscore.engine import evaluate
from parscore.loading import CriteriaResolver, load_evidence, shipped_sets
from parscore.model.result import Outcome, UnitResult
from parscore.rules import KINDS
from parscore.schemas import schema

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "evidence").glob("*.yaml"))
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def results() -> dict[str, UnitResult]:
    resolver = CriteriaResolver()
    return {path.name: evaluate(load_evidence(path, resolver)) for path in EXAMPLES}


def test_the_reference_set_is_shipped_complete():
    sets = shipped_sets()
    assert "ref-commune-2023" in sets
    cs = CriteriaResolver().load("ref-commune-2023")
    assert cs.total == 100 and cs.split.appraisal == 70 and cs.split.survey == 30
    assert [f.key for f in cs.fields] == [
        "direction",
        "institutions",
        "procedures",
        "apparatus",
        "civil_service",
        "public_finance",
        "e_government",
        "impact",
    ]
    assert [f.max for f in cs.fields] == [10, 6, 16, 5, 8, 6, 12, 7]
    assert cs.survey is not None and [s.max for s in cs.survey.children or []] == [5, 6, 7, 6, 6]
    for node in cs.leaves():
        assert node.name.en, node.id
        if node.scored_by == "commune":
            assert node.evidence and node.lead and node.advice and node.advice.en, node.id
    # the reference set need not use every kind (tests/rules/ covers each); those it uses exist
    assert {node.kind.name for node in cs.leaves()} <= set(KINDS)


def test_shipped_files_are_named_by_their_id_and_nfc():
    for ref, entry in shipped_sets().items():
        text = entry.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), ref
        assert CriteriaResolver().load(ref).id == ref


def test_the_reference_set_fits_its_json_schema():
    entry = shipped_sets()["ref-commune-2023"]
    data = json.loads(json.dumps(yaml.safe_load(entry.read_text("utf-8")), default=str))
    jsonschema.validate(data, schema("criteria"))


def test_six_communes_of_two_districts():
    assert len(EXAMPLES) >= 6
    districts = Counter()
    for path in EXAMPLES:
        data = yaml.safe_load(path.read_text("utf-8"))
        assert data["year"] == 2023
        parents = {p["level"]: p["name"] for p in data["unit"]["parents"]}
        districts[unicodedata.normalize("NFC", parents["district"])] += 1
    assert len(districts) >= 2 and all(count >= 3 for count in districts.values()), districts


def test_every_example_validates(results):
    result = CliRunner().invoke(main, ["validate", *map(str, EXAMPLES)])
    assert result.exit_code == 0, result.stdout + result.stderr


def test_every_example_reports_every_part(results):
    for name, result in results.items():
        assert len(result.fields) == 8, name
        assert result.survey is not None and result.survey.outcome is not Outcome.MISSING, name
        assert result.totals.band is not None, name
        assert result.weakest.fields and result.weakest.items, name


def test_examples_show_every_rule_kind_and_every_outcome(results):
    kinds = Counter(node.rule for r in results.values() for node in r.leaves())
    outcomes = Counter(node.outcome for r in results.values() for node in r.leaves())
    used = {node.kind.name for node in CriteriaResolver().load("ref-commune-2023").leaves()}
    assert set(kinds) == used, kinds  # every kind the reference set uses is shown
    assert set(outcomes) == set(Outcome), outcomes


def test_examples_show_the_cases_a_commune_meets(results):
    every = [(name, node) for name, r in results.items() for node in r.leaves()]
    reasons_en = [node.reason.en or "" for _, node in every if node.reason]
    assert any(r.startswith("late:") for r in reasons_en), "a document issued late"
    assert any(r.startswith("on time:") for r in reasons_en), "a document issued on time"
    assert any("nothing occurred" in r and "full points" in r for r in reasons_en)
    assert any(
        node.outcome is Outcome.NOT_APPLICABLE and node.nothing_occurred for _, node in every
    )
    over_claims = {
        name for name, node in every if node.claim_difference and node.claim_difference > 0
    }
    assert len(over_claims) >= 2, over_claims
    assert any(r.totals.bonus > 0 for r in results.values())
    assert any(line.source == "rule" for r in results.values() for line in r.penalty.lines)
    assert any(line.source == "evidence" for r in results.values() for line in r.penalty.lines)
    survey_inputs = {frozenset(node.inputs) for _, node in every if node.outcome is Outcome.OUTSIDE}
    assert {
        frozenset({"satisfied", "responses"}),
        frozenset({"percent"}),
        frozenset({"points"}),
    } <= survey_inputs


def test_examples_spread_across_three_bands(results):
    bands = {r.totals.band.vi for r in results.values() if r.totals.band}
    assert len(bands) >= 3, bands


def test_some_example_is_typed_in_decomposed_unicode():
    raw = [path.read_text("utf-8") for path in EXAMPLES]
    assert any(not unicodedata.is_normalized("NFC", text) for text in raw)


def test_json_results_fit_the_schema_and_parse_back(results):
    result_schema = schema("result")
    for name, result in results.items():
        text = result.model_dump_json()
        jsonschema.validate(json.loads(text), result_schema)
        assert UnitResult.model_validate_json(text) == result, name


# --- golden files ---------------------------------------------------------------------------

GOLDEN_CASES = [
    ("vinh-chap-2023.yaml", ["--format", "table"], "vinh-chap-2023.table.txt"),
    (
        "vinh-chap-2023.yaml",
        ["--format", "table", "--lang", "en", "--detail"],
        "vinh-chap-2023.detail-en.txt",
    ),
    ("vinh-chap-2023.yaml", ["--format", "markdown", "--detail"], "vinh-chap-2023.md"),
    ("vinh-chap-2023.yaml", ["--format", "csv"], "vinh-chap-2023.csv"),
    ("vinh-chap-2023.yaml", ["--format", "json"], "vinh-chap-2023.json"),
    ("dong-phu-2023.yaml", ["--missing"], "dong-phu-2023.missing.txt"),
    (
        "dong-phu-2023.yaml",
        ["--missing", "--format", "markdown", "--lang", "en"],
        "dong-phu-2023.missing-en.md",
    ),
]


@pytest.mark.parametrize("example, args, golden", GOLDEN_CASES, ids=[c[2] for c in GOLDEN_CASES])
def test_reports_match_golden_files(example, args, golden, monkeypatch):
    monkeypatch.chdir(ROOT)  # the source shown in reports is the path as given
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    result = CliRunner().invoke(main, ["evaluate", f"evidence/{example}", *args])
    assert result.exit_code == 0, result.stderr
    path = GOLDEN / golden
    if os.environ.get("PARSCORE_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(result.stdout, encoding="utf-8", newline="\n")
    assert result.stdout == path.read_text(encoding="utf-8")
