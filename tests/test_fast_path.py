"""The fast path for batches (:func:`parscore.engine.score`, what ``compare`` scores with) gives
the same points, outcomes, summaries, ranks and JSON report as the full result of
:func:`parscore.engine.evaluate`: over every shipped example, over hypothesis-generated
evidence on a set with every rule kind, and over communes written by the benchmarks' generator.
"""

from __future__ import annotations

import math
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_properties import SETTINGS, evidences, load

from parscore import batch
from parscore.compare import compare, outline_of, summarize
from parscore.decimals import quantize_fraction
from parscore.engine import evaluate, score
from parscore.loading import CriteriaResolver, load_evidence
from parscore.model.result import NodeResult, NodeScore, UnitResult, UnitScore
from parscore.yamlsource import DEFAULT_LIMITS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "evidence").glob("*.yaml"))


def _node(node: NodeResult | NodeScore) -> tuple[Any, ...]:
    return (
        node.id,
        node.level,
        node.max,
        node.applicable_max,
        node.points,
        node.percent,
        node.outcome,
        node.rule,
        node.missing_count,
        len(node.children),
    )


def assert_same(full: UnitResult, fast: UnitScore) -> None:
    """Every node's points and outcome, the totals and the summary are the same."""
    assert [_node(n) for n in fast.nodes()] == [_node(n) for n in full.nodes()]
    assert [n.id for n in fast.leaves()] == [n.id for n in full.leaves()]
    assert fast.totals == full.totals
    assert (fast.source, fast.unit, fast.year, fast.criteria, fast.assessment) == (
        full.source,
        full.unit,
        full.year,
        full.criteria,
        full.assessment,
    )
    assert summarize(fast).model_dump_json() == summarize(full).model_dump_json()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_scores_the_same_on_both_paths(path):
    checked = load_evidence(path)
    assert_same(evaluate(checked), score(checked))


@SETTINGS
@given(evidences())
def test_generated_evidence_scores_the_same_on_both_paths(ev: dict[str, Any]) -> None:
    checked = load(ev)
    assert_same(evaluate(checked), score(checked))


def test_the_fast_path_keeps_no_reason_and_evaluate_still_does():
    checked = load_evidence(EXAMPLES[0])
    full = evaluate(checked)
    assert all(n.reason is not None and n.reason.vi and n.reason.en for n in full.leaves())
    assert not hasattr(score(checked).fields[0], "reason")


def test_a_share_s_reason_is_made_for_evaluate_and_never_for_the_fast_path(monkeypatch):
    """bands, proportional and survey_share defer their reason's arguments (issue #13):
    evaluate makes them for every leaf they score, score() for none, and the points agree."""
    from parscore.rules import base

    checked = load_evidence(ROOT / "evidence" / "vinh-chap-2023.yaml")
    made: list[str] = []
    share_args = base.share_args

    def counted(params: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        made.append(params.kind)
        return share_args(params, *args, **kwargs)

    for module in ("share_bands", "proportional", "survey_share"):
        monkeypatch.setattr(f"parscore.rules.{module}.share_args", counted)
    fast = score(checked)
    assert made == []
    full = evaluate(checked)
    # the reasons that show a share: once each, with its percentage in the arguments
    codes = ("reason.band", "reason.proportional", "reason.proportional-target", "reason.survey")
    shares = [n for n in full.leaves() if n.reason is not None and n.reason.code in codes]
    assert len(shares) >= 3 and len(made) == len(shares)
    assert all("percent" in n.reason.args for n in shares if n.reason is not None)
    assert_same(full, fast)


@pytest.fixture(scope="module")
def communes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 communes written by benchmarks/generate.py, seeded (about 100 districts' worth of
    names, so that groups, ties and bands vary)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    folder = tmp_path_factory.mktemp("communes")
    generate.generate(60, folder, seed=13, quiet=True)
    return folder


def test_compare_ranks_and_writes_the_same_json_on_both_paths(communes, monkeypatch):
    monkeypatch.chdir(communes)
    files = sorted(Path(".").glob("*.yaml"))
    resolver = CriteriaResolver()
    checked = [load_evidence(f, resolver) for f in files]
    for one in checked:
        assert_same(evaluate(one), score(one))
    cs = checked[0].criteria
    outline = outline_of(cs.fields, cs.bands)
    full = compare([summarize(evaluate(c)) for c in checked], outline=outline)
    run = batch.compare_paths([Path(".")], None, DEFAULT_LIMITS)  # the fast path
    assert run.comparison is not None and run.problems == []
    assert run.comparison.compared == len(files) == 60
    ranks = [(r.unit.source, r.rank, r.of) for g in full.groups for r in g.ranking]
    fast_ranks = [(r.unit.source, r.rank, r.of) for g in run.comparison.groups for r in g.ranking]
    assert fast_ranks == ranks
    assert run.comparison.model_dump_json() == full.model_dump_json()


@given(st.integers(-(10**30), 10**30), st.integers(1, 10**12))
def test_rounding_a_share_in_integers_is_the_exact_half_up(numerator: int, denominator: int):
    value = Fraction(numerator, denominator)
    hundredths = math.floor(abs(value) * 100 + Fraction(1, 2))  # the definition, in Fractions
    expected = Decimal(hundredths if value >= 0 else -hundredths).scaleb(-2)
    assert quantize_fraction(value) == expected
    assert str(quantize_fraction(value)) == str(expected)


def _template_variants(tmp_path: Path) -> list[tuple[str, Path]]:
    """An unfilled template, and copies of it holding one piece of evidence each."""
    import yaml
    from click.testing import CliRunner

    from parscore.cli import main

    blank = tmp_path / "blank.yaml"
    args = ["template", "--criteria", "ref-commune-2023", "--unit", "Xã Trống", "--year", "2023"]
    assert CliRunner().invoke(main, [*args, "--output", str(blank)]).exit_code == 0
    data = yaml.safe_load(blank.read_text(encoding="utf-8"))
    first = next(iter(data["items"]))
    changes = {
        "claimed": lambda d: d["items"][first].update(claimed=1),
        "explanation": lambda d: d["items"][first].update(explanation="Đã giải trình"),
        "survey": lambda d: d["survey"][next(iter(d["survey"]))].update(claimed=1),
        "bonus": lambda d: d.update(bonus=[{"reason": "Sáng kiến được công nhận", "points": 0.5}]),
    }
    variants = [("blank", blank)]
    for name, change in changes.items():
        copy = yaml.safe_load(blank.read_text(encoding="utf-8"))
        change(copy)
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(copy, allow_unicode=True), encoding="utf-8")
        variants.append((name, path))
    return variants


def test_an_unfilled_template_is_not_assessed_on_both_paths(tmp_path):
    from parscore.compare import has_evidence

    for name, path in _template_variants(tmp_path):
        checked = load_evidence(path)
        full, fast = evaluate(checked), score(checked)
        assert has_evidence(full) == has_evidence(fast) == (name != "blank"), name
        assert_same(full, fast)
