"""A criteria set that extends another: resolved into one set, checked as a whole, each problem
placed in the file whose text caused it; the cache's digest covers every file of the chain."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from parscore.cli import main
from parscore.engine import evaluate
from parscore.errors import InputError
from parscore.loading import CriteriaResolver, load_evidence
from parscore.schemas import schema

ROOT = Path(__file__).resolve().parent.parent
WARD = ROOT / "docs" / "examples" / "ref-ward-2023.yaml"
MINI = (Path(__file__).parent / "data" / "mini-set.yaml").read_text(encoding="utf-8")

HEAD = 'extends: base.yaml\nid: child-2023\ntitle: Bộ mở rộng\nversion: "1"\n'


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(folder: Path, child: str, base: str = MINI) -> list[str]:
    """The problems of ``child`` over ``base``, as validate prints them (no source lines)."""
    write(folder, "base.yaml", base)
    path = write(folder, "child.yaml", child)
    with pytest.raises(InputError) as info:
        CriteriaResolver().load(str(path))
    return [p.format("en", show_source=False).split("/")[-1] for p in info.value.problems]


# --- the example ---------------------------------------------------------------------------


def test_the_ward_example_differs_from_its_base_where_it_says():
    resolver = CriteriaResolver()
    ward, commune = resolver.load(str(WARD)), resolver.load("ref-commune-2023")
    assert (ward.id, ward.version, ward.year) == ("ref-ward-2023", "1.0", 2023)
    assert [f.max for f in ward.fields] == [10, 6, 16, 5, 8, 5, 13, 7]
    assert ward.total == 100 and ward.split == commune.split
    ids = [n.id for n in ward.nodes()]
    assert "6.4" not in ids and ids.index("7.6") == ids.index("7.3") + 1
    old = {n.id: n for n in commune.nodes()}
    differ = [n.id for n in ward.nodes() if n.id not in old or n != old[n.id]]
    # 3 differs only through its child 3.4; 6 and 7 by their maxima and children
    assert differ == ["3", "3.4", "6", "7", "7.6"]
    assert [k.id for k in ward.bonus.kinds] == ["initiative-district", "initiative-province"]
    extended = resolver.extended(str(WARD))
    assert extended is not None and extended.base == "ref-commune-2023"
    assert dict(extended.changed) == {
        "3.4": "replaced",
        "6": "reweighted",
        "7": "reweighted",
        "7.6": "added",
    }


def test_a_ward_is_scored_on_the_ward_set(tmp_path):
    evidence = f"""\
unit: {{name: Đông Lương, kind: phường}}
year: 2023
criteria: {WARD.as_posix()}
items:
  "3.4": {{online: 50, received: 100, documents: [{{number: 1/BC, date: 01/12/2023}}]}}
  "7.6": {{met: true, documents: [{{number: 2/BC, date: 02/12/2023}}]}}
bonus:
  - {{kind: initiative-district, reason: Một cửa không giấy}}
  - {{kind: initiative-district, reason: Sổ tay thủ tục}}
  - {{kind: initiative-district, reason: Hẹn giờ qua Zalo}}
"""
    result = evaluate(load_evidence(write(tmp_path, "ev.yaml", evidence)))
    points = {n.id: n.points for n in result.nodes()}
    assert points["3.4"] == Decimal("1.5")  # 50% is below the wards' 60%, at least 30%
    assert points["7.6"] == 1
    assert result.criteria.id == "ref-ward-2023"
    # three district initiatives at 0.5: 1.5, capped at 1 for the kind
    assert [(k.count, k.sum, k.points) for k in result.bonus.kinds] == [(3, Decimal("1.5"), 1)]
    assert result.totals.bonus == 1


def test_the_example_validates_fits_the_schema_and_is_shown_marked():
    runner = CliRunner()
    checked = runner.invoke(main, ["validate", "--lang", "en", str(WARD)])
    assert checked.exit_code == 0, checked.stderr
    data = json.loads(json.dumps(yaml.safe_load(WARD.read_text("utf-8")), default=str))
    jsonschema.validate(data, schema("criteria"))
    shown = runner.invoke(main, ["criteria", "show", "--lang", "en", str(WARD)]).stdout
    assert "Extends ref-commune-2023" in shown
    assert "7.6 Cashless fee payments at the one-stop desk [1] (added)" in shown
    assert "6 Public finance reform [5] (re-weighted)" in shown
    assert "3.4 Share of dossiers filed online [3] (replaced)" in shown
    assert "(added)" not in runner.invoke(main, ["criteria", "show", "ref-commune-2023"]).stdout


def test_the_schema_refuses_an_extension_without_its_identity():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"extends": "ref-commune-2023", "id": "x"}, schema("criteria"))


# --- hand-computed resolutions ---------------------------------------------------------------


CHANGES = (
    "changes:\n"
    "  remove: ['1.3']\n"
    "  reweight: {'1': 3.5, '1.2': {max: 2, rule: {kind: pass_fail}}}\n"
    "  add:\n"
    "    - under: '1'\n"
    "      before: '1.1'\n"
    "      node: {id: '1.0', name: Mới, max: 0.5, rule: {kind: pass_fail}}\n"
)


def test_remove_reweight_and_add_over_the_mini_set(tmp_path):
    # field 1: 1.0 added (0.5) + 1.1 (1) + 1.2 re-weighted (2) = 3.5, 1.3 removed; field 2: 4
    child = HEAD + "total: 9.5\nsplit: {appraisal: 7.5, survey: 2}\n" + CHANGES
    write(tmp_path, "base.yaml", MINI)
    cs = CriteriaResolver().load(str(write(tmp_path, "child.yaml", child)))
    assert [n.id for n in cs.fields[0].children or []] == ["1.0", "1.1", "1.2"]
    assert [n.max for n in cs.fields[0].children or []] == [Decimal("0.5"), 1, 2]
    assert cs.fields[0].max == Decimal("3.5") and cs.total == Decimal("9.5")
    assert cs.fields[0].children[2].rule.kind == "pass_fail"  # type: ignore[index, union-attr]


def test_a_total_the_changes_break_is_placed_at_the_change_to_a_field(tmp_path):
    # the base's total (10) and split (8) no longer fit: field 1 re-weighted to 3.5 did it
    found = problems(tmp_path, HEAD + CHANGES)
    assert found == [
        "child.yaml:7:19: the 'appraisal' part declares 8 points, but the tree gives 7.5 "
        "[criteria.split-mismatch]",
        "child.yaml:7:19: the declared total is 10, but the fields (7.5) and the survey (2) add "
        "up to 9.5 [criteria.total-mismatch]",
    ]


def test_a_sum_the_changes_break_is_placed_at_the_change(tmp_path):
    # 1: 0.5 + 1 + 2 = 3.5 against the new maximum 3, written in the extension
    child = HEAD + "total: 9\nsplit: {appraisal: 7, survey: 2}\n" + CHANGES.replace("3.5", "3")
    assert problems(tmp_path, child) == [
        "child.yaml:9:19: '1' has a maximum of 3, but its children add up to 3.5 "
        "[criteria.sum-mismatch]"
    ]


def test_a_reweight_that_breaks_a_sum_is_placed_at_the_reweight(tmp_path):
    child = HEAD + "changes:\n  reweight:\n    '2.1': 5\n"
    found = problems(tmp_path, child)
    assert [line.split(": ", 1)[0] for line in found] == ["child.yaml:7:12"]
    assert any("[criteria.sum-mismatch]" in line for line in found), found


def test_a_rule_above_its_new_maximum_is_placed_at_the_reweight(tmp_path):
    # 1.1's rule gives 1 point on time, above its new maximum 0.5; the total moves with field 1
    child = HEAD + "changes:\n  reweight: {'1.1': 0.5, '1': 3.5}\n"
    found = problems(tmp_path, child)
    rule = [line for line in found if "'1.1'" in line]
    assert rule and all(line.startswith("child.yaml:6:21: ") for line in rule), found
    assert [line.rsplit("[", 1)[1] for line in found if line.startswith("child.yaml:6:31: ")] == [
        "criteria.split-mismatch]",
        "criteria.total-mismatch]",
    ]


def test_an_unknown_id_is_placed_in_the_change_with_a_suggestion(tmp_path):
    child = HEAD + (
        "changes:\n  replace:\n    - {id: '2.2', name: X, max: 4, rule: {kind: pass_fail}}\n"
    )
    assert problems(tmp_path, child) == [
        "child.yaml:7:12: the set base.yaml has no node '2.2' (did you mean '2.1'?) "
        "[extend.unknown-id]"
    ]


def test_the_changes_say_what_cannot_be_done(tmp_path):
    child = HEAD + (
        "changes:\n"
        "  remove: ['9']\n"
        "  reweight: {'1.9': 1}\n"
        "  add:\n"
        "    - {under: '1.1', node: {id: '1.1.1', name: X, max: 1, rule: {kind: pass_fail}}}\n"
        "    - {under: '1', after: '2.1', node: {id: '1.5', name: X, max: 1, rule: {kind: pass_fail}}}\n"
        "    - {under: '1', node: {id: '1.2', name: X, max: 1, rule: {kind: pass_fail}}}\n"
        "    - {under: '1', after: '1.1', before: '1.2', node: {id: '1.6', name: X, max: 1, "
        "rule: {kind: pass_fail}}}\n"
    )
    assert [line.rsplit("[", 1)[1] for line in problems(tmp_path, child)] == [
        "extend.unknown-id]",
        "extend.unknown-id]",
        "extend.under-leaf]",
        "extend.not-sibling]",
        "extend.id-exists]",
        "extend.after-and-before]",
    ]


def test_an_extension_changes_its_tree_only_under_changes(tmp_path):
    child = HEAD + "fields: []\ntotl: 10\n"
    assert problems(tmp_path, child) == [
        "child.yaml:5:1: a set that extends another does not write 'fields' again: write its "
        "changes under 'changes:' (add, replace, reweight, remove) [extend.tree-key]"
    ]
    assert problems(tmp_path, HEAD + "totl: 10\n") == [
        "child.yaml:5:1: unknown key 'totl' (did you mean 'total'?) [value.unknown-key]"
    ]


def test_an_extension_needs_its_own_identity(tmp_path):
    child = "extends: base.yaml\nid: mini-2023\nversion: '2'\n"
    assert problems(tmp_path, child) == [
        "child.yaml:1:1: the required key 'title' is missing [value.missing]"
    ]
    child = "extends: base.yaml\nid: mini-2023\ntitle: X\nversion: '2'\n"
    assert problems(tmp_path, child) == [
        "child.yaml:2:5: a set that extends another needs its own id, not its base's "
        "'mini-2023' [extend.same-id]"
    ]


def test_a_problem_inside_the_base_is_placed_in_the_base(tmp_path):
    broken = MINI.replace("max: 4\n    children:", "max: 5\n    children:", 1)
    found = problems(tmp_path, HEAD, broken)
    assert found and all(line.startswith("base.yaml:") for line in found), found


def test_a_missing_base_is_placed_at_extends(tmp_path):
    path = write(tmp_path, "child.yaml", HEAD)
    with pytest.raises(InputError) as info:
        CriteriaResolver().load(str(path))
    [problem] = info.value.problems
    assert (problem.line, problem.column, problem.code) == (1, 10, "criteria.file-not-found")


def test_sets_that_extend_each_other_in_a_circle_are_refused(tmp_path):
    write(tmp_path, "a.yaml", HEAD.replace("base.yaml", "b.yaml"))
    write(tmp_path, "b.yaml", HEAD.replace("base.yaml", "a.yaml").replace("child", "b"))
    with pytest.raises(InputError) as info:
        CriteriaResolver().load(str(tmp_path / "a.yaml"))
    assert [p.format("en", show_source=False).split("/")[-1] for p in info.value.problems] == [
        "b.yaml:1:10: these sets extend each other in a circle: a.yaml → b.yaml → a.yaml "
        "[extend.cycle]"
    ]


def test_a_chain_too_long_is_refused_and_a_short_one_resolves(tmp_path):
    write(tmp_path, "s0.yaml", MINI)
    for n in range(1, 10):
        text = HEAD.replace("base.yaml", f"s{n - 1}.yaml").replace("child", f"s{n}")
        write(tmp_path, f"s{n}.yaml", text)
    assert CriteriaResolver().load(str(tmp_path / "s8.yaml")).id == "s8-2023"
    with pytest.raises(InputError) as info:
        CriteriaResolver().load(str(tmp_path / "s9.yaml"))
    assert [p.code for p in info.value.problems] == ["extend.too-deep"]


def test_validate_places_a_problem_in_the_file_that_caused_it(tmp_path):
    write(tmp_path, "base.yaml", MINI)
    write(tmp_path, "child.yaml", HEAD + "changes:\n  reweight:\n    '2.1': 5\n")
    result = CliRunner().invoke(main, ["validate", "--lang", "en", str(tmp_path / "child.yaml")])
    assert result.exit_code == 1
    assert "child.yaml:7:12: " in result.stderr and "base.yaml" not in result.stderr


# --- the cache's digest ----------------------------------------------------------------------


def test_the_digest_covers_every_file_of_the_chain(tmp_path):
    write(tmp_path, "base.yaml", MINI)
    child = str(write(tmp_path, "child.yaml", HEAD))
    before = CriteriaResolver().fingerprint(child)
    assert CriteriaResolver().chain(child) == (str((tmp_path / "base.yaml").resolve()),)
    write(tmp_path, "base.yaml", MINI.replace("title: {vi: Bộ thử", "title: {vi: Bộ thử mới"))
    after = CriteriaResolver().fingerprint(child)
    assert before is not None and after is not None and before != after
    (tmp_path / "base.yaml").unlink()
    assert CriteriaResolver().fingerprint(child) is None


def test_a_whole_set_keeps_the_digest_of_its_bytes(tmp_path):
    import hashlib

    path = write(tmp_path, "base.yaml", MINI)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert CriteriaResolver().fingerprint(str(path)) == digest


def test_a_changed_base_is_never_served_stale_from_the_cache(tmp_path, tmp_path_factory):
    from parscore import batch
    from parscore.yamlsource import DEFAULT_LIMITS

    write(tmp_path, "base.yaml", MINI)
    write(tmp_path, "child.yaml", HEAD)
    evidence = write(
        tmp_path,
        "ev.yaml",
        "unit: {name: Vĩnh Chấp, kind: xã, parents: [{level: district, name: Vĩnh Linh}]}\n"
        "year: 2023\ncriteria: child.yaml\n"
        'items:\n  "1.3": {met: true, explanation: đủ người}\n',
    )
    cache = tmp_path_factory.mktemp("cache")

    def run():
        batch._resolver.cache_clear()  # a new run: the sets are read again
        return batch.score_files([evidence], None, DEFAULT_LIMITS, cache_folder=cache)[0]

    first, second = run(), run()
    assert (first.cached, second.cached) == (False, True)
    # the base alone changes: its lowest band is renamed
    write(tmp_path, "base.yaml", MINI.replace("Khá, en: Fair", "Trung bình, en: Average"))
    third = run()
    assert not third.cached and third.summary is not None
    assert third.summary.totals.band != first.summary.totals.band  # type: ignore[union-attr]


def test_a_new_maximum_typed_wrong_gets_one_message_at_its_value(tmp_path):
    child = HEAD + 'changes:\n  reweight: {"2.1": "6"}\n'
    assert problems(tmp_path, child) == [
        "child.yaml:6:21: '6' is in quotes, so it is text: write 6 without the quotes "
        "[value.quoted-number]"
    ]


def test_a_node_replaced_twice_is_refused_at_the_second(tmp_path):
    node = "{id: '1.2', name: X, max: 1.5, rule: {kind: pass_fail}}"
    child = HEAD + f"changes:\n  replace:\n    - {node}\n    - {node}\n"
    assert problems(tmp_path, child) == [
        "child.yaml:8:12: '1.2' is already replaced on line 7 [extend.replaced-twice]"
    ]


def test_a_problem_a_top_level_key_causes_is_placed_at_that_key(tmp_path):
    # the base's 1.3 books a penalty when unmet; the extension takes the penalty away
    assert problems(tmp_path, HEAD + "penalty:\n") == [
        "child.yaml:5:9: '1.3' books a penalty, but the set has no 'penalty' section "
        "[criteria.penalty-without-ledger]"
    ]


def test_an_extension_changes_one_parameter_and_keeps_the_others(tmp_path):
    """A ward set raising one target writes that one: the base's other parameters stay."""
    child = write(
        tmp_path,
        "ward.yaml",
        'extends: ref-commune-2023\nid: ward-2023\ntitle: Phường\nversion: "1"\n'
        "parameters: {online_share_target: 50}\n",
    )
    cs = CriteriaResolver().load(str(child))
    assert cs.parameters is not None
    assert dict(cs.parameters) == {
        "online_share_target": 50,
        "digitised_target": 60,
        "online_payment_target": 30,
    }
    bands = {n.id: n for n in cs.leaves()}["3.4"].rule.bands  # resolved from the new target
    assert [b.interval.low for b in bands][:2] == [50, 25]


def test_the_template_of_a_set_with_bonus_kinds_lists_them(tmp_path):
    out = tmp_path / "w.yaml"
    args = ["template", "--criteria", str(WARD), "--unit", "Đông Lương", "--kind", "phường"]
    result = CliRunner().invoke(main, [*args, "--output", str(out)])
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    cs = CriteriaResolver().load(str(WARD))
    assert cs.bonus is not None and cs.bonus.kinds
    for kind in cs.bonus.kinds:
        assert f"#   kind: {kind.id} — {kind.name.vi} (" in text
    assert CliRunner().invoke(main, ["validate", str(out), "--strict"]).exit_code == 0
