"""One figure for what a sub-criterion can still gain: the to-do list (evaluate --missing), the
plan's annex and its target all use plan.can_gain; and the plan's JSON has a schema."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal as D
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from parscore.cli import main
from parscore.engine import evaluate
from parscore.loading import CriteriaResolver, load_evidence
from parscore.plan import make_plan
from parscore.report.common import Options
from parscore.report.plan_text import text
from parscore.todo import todo

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
EXAMPLES = sorted((ROOT / "evidence").glob("*.yaml"))


def scored(path: Path):
    return evaluate(load_evidence(path, CriteriaResolver()))


def steps_total(plan, node_id: str) -> D:
    """An item's cheapest step (its document or explanation) plus its best action."""
    steps = [s for s in plan.steps if s.id == node_id]
    cheap = sum((s.gain for s in steps if s.cost != "action"), D(0))
    return cheap + max((s.gain for s in steps if s.cost == "action"), default=D(0))


def test_dong_phu_to_do_list_and_plan_agree_on_every_item():
    result = scored(ROOT / "evidence" / "dong-phu-2023.yaml")
    listed = {item.id: item.at_stake for group in todo(result).groups for item in group.items}
    plan = make_plan(result)
    gains = {item.id: item.gain for item in plan.items}
    assert listed  # 1.5, 2.3, 5.1 (nothing given) and 7.5 (judged points, no explanation)
    for node_id, at_stake in listed.items():
        assert gains[node_id] == at_stake == steps_total(plan, node_id), node_id
    # 7.5: the explanation brings the judged 1 point, meeting it in full the other 1
    assert listed["7.5"] == D(2)
    assert [(s.cost, s.gain) for s in plan.steps if s.id == "7.5"] == [
        ("explanation", D(1)),
        ("action", D(1)),
    ]
    row = next(line for line in text(plan, Options()).splitlines() if line.startswith("7.5 "))
    assert re.search(r"\s0,00\s+2,00\s+2,00\s+Công chức Văn hóa", row), row  # now, max, gain


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_item_gains_the_same_in_the_plan_and_its_steps(path):
    result = scored(path)
    plan = make_plan(result)
    assert {i.id for i in plan.items} == {s.id for s in plan.steps}
    for item in plan.items:
        assert item.gain == steps_total(plan, item.id), item.id
    listed = {i.id: i.at_stake for g in todo(result).groups for i in g.items}
    gains = {i.id: i.gain for i in plan.items}
    assert all(gains[node_id] == at_stake for node_id, at_stake in listed.items())


EVIDENCE = """\
unit: {name: Vĩnh Chấp, code: "19435", kind: xã}
year: 2023
criteria: set.yaml
items:
  "1.1":
    documents: [{number: 10/KH-UBND, date: 06/02/2023}]
  "1.2": {done: 18, planned: 20, documents: [{number: 3/BC, date: 01/12/2023}]}
  "1.3": {met: false}
  "2.1": {on_time: 1150, received: 1200, documents: [{number: 2/BC, date: 01/12/2023}]}
"""


def test_an_unmet_item_without_explanation_counts_its_penalty_in_both(tmp_path, monkeypatch):
    shutil.copy(DATA / "mini-set.yaml", tmp_path / "set.yaml")
    (tmp_path / "ev.yaml").write_text(EVIDENCE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = scored(tmp_path / "ev.yaml")
    listed = {i.id: i.at_stake for g in todo(result).groups for i in g.items}
    # 1.3 failed (0 of 1.5) and booked a 0.25 penalty: meeting it gains both
    assert listed["1.3"] == D("1.75")
    plan = make_plan(result)
    assert {i.id: i.gain for i in plan.items}["1.3"] == D("1.75") == steps_total(plan, "1.3")


def test_the_plan_schema_validates_every_examples_plan():
    runner = CliRunner()
    schema = json.loads(runner.invoke(main, ["schema", "plan"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"] == "parscore improvement plan (plan --format json)"
    for path in EXAMPLES:
        out = runner.invoke(main, ["plan", str(path), "--format", "json", "--target", "90"])
        assert out.exit_code == 0, out.stderr
        jsonschema.validate(json.loads(out.stdout), schema)
    broken = json.loads(runner.invoke(main, ["plan", str(EXAMPLES[0]), "--format", "json"]).stdout)
    broken["items"][0]["gain"] = 1.5  # a float, not the decimal string the format promises
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
