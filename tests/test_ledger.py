"""Bonus and penalty with their own rubric: kinds of line, each with its points and cap, under
the ledger's cap; a line names its kind. Totals are worked out by hand in each test."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from parscore import yamlsource
from parscore.cli import main
from parscore.engine import evaluate
from parscore.errors import InputError
from parscore.loading import CriteriaResolver, criteria_from_source, evidence_from_source

DATA = Path(__file__).parent / "data"
MINI = (DATA / "mini-set.yaml").read_text(encoding="utf-8")

LEDGERS = """\
penalty:
  cap: 5
  points_each: 0.25
  kinds:
    - {id: late-report, name: {vi: Báo cáo chậm, en: Late report}, points_each: 0.25, cap: 0.5}
bonus:
  cap: 3
  points_each: 0.5
  kinds:
    - id: initiative-province
      name: {vi: Sáng kiến được tỉnh công nhận, en: Initiative recognised by the province}
      points_each: 1
      cap: 2
    - id: initiative-ministry
      name: {vi: Sáng kiến được bộ công nhận, en: Initiative recognised by a ministry}
      points_each: 2
      cap: 2
    - {id: model-replicated, name: {vi: Mô hình được nhân rộng, en: Model replicated}}
"""
KINDED = MINI.replace(
    "penalty: {points_each: 0.25, cap: 5}\nbonus: {points_each: 0.5, cap: 2}\n", LEDGERS
)

EVIDENCE = """\
unit: {name: Vĩnh Chấp, kind: xã}
year: 2023
criteria: set.yaml
items:
  "1.3": {met: false}
"""

LINES = """\
bonus:
  - {kind: initiative-province, reason: Một cửa không giấy}
  - {kind: initiative-province, reason: Sổ tay thủ tục}
  - {kind: initiative-province, reason: Hẹn giờ qua Zalo}
  - {kind: initiative-ministry, reason: Mô hình dân vận khéo}
  - {reason: Khen thưởng khác}
penalty:
  - {kind: late-report, reason: Báo cáo quý I chậm}
  - {kind: late-report, reason: Báo cáo quý II chậm}
  - {kind: late-report, reason: Báo cáo quý III chậm}
  - {reason: Để hồ sơ quá hạn, points: 0.25}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "set.yaml").write_text(KINDED, encoding="utf-8")
    return tmp_path


def load(folder: Path, text: str):
    src = yamlsource.load_text(text, "ev.yaml")
    return evidence_from_source(src, CriteriaResolver(), base=folder)


def problems(folder: Path, text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        load(folder, text)
    return [p.format("en", show_source=False) for p in info.value.problems]


def test_kinds_count_their_own_points_and_caps(folder):
    result = evaluate(load(folder, EVIDENCE + LINES))
    bonus = result.bonus
    # province: 3 x 1 = 3, cap 2 -> 2; ministry: 1 x 2 = 2, cap 2 -> 2; a line of no kind: 0.5
    assert [(k.id, k.count, k.sum, k.cap, k.points) for k in bonus.kinds] == [
        ("initiative-province", 3, 3, 2, 2),
        ("initiative-ministry", 1, 2, 2, 2),
    ]
    assert [line.points for line in bonus.lines] == [1, 1, 1, 2, Decimal("0.5")]
    assert [line.kind for line in bonus.lines][:2] == ["initiative-province"] * 2
    assert bonus.sum == Decimal("4.5") and bonus.cap == 3 and bonus.points == 3
    # late reports: 3 x 0.25 = 0.75, cap 0.5; a line of 0.25; 1.3 unmet books 0.25 by its rule
    penalty = result.penalty
    assert [(k.id, k.count, k.sum, k.points) for k in penalty.kinds] == [
        ("late-report", 3, Decimal("0.75"), Decimal("0.5"))
    ]
    assert penalty.sum == 1 and penalty.points == 1
    assert result.totals.bonus == 3 and result.totals.penalty == 1


def test_a_line_of_a_kind_may_give_its_own_points(folder):
    lines = "bonus:\n  - {kind: model-replicated, reason: Nhân rộng, points: 0.75}\n"
    result = evaluate(load(folder, EVIDENCE + lines))
    assert [(k.id, k.sum, k.cap, k.points) for k in result.bonus.kinds] == [
        ("model-replicated", Decimal("0.75"), None, Decimal("0.75"))
    ]
    assert result.totals.bonus == Decimal("0.75")


def test_a_set_without_kinds_scores_as_before(tmp_path):
    (tmp_path / "set.yaml").write_text(MINI, encoding="utf-8")
    lines = "bonus:\n" + "  - {reason: Sáng kiến}\n" * 5
    result = evaluate(load(tmp_path, EVIDENCE + lines))
    assert result.bonus.kinds == [] and result.bonus.sum == Decimal("2.5")
    assert result.bonus.points == 2  # the ledger's cap


def test_an_unknown_kind_is_placed_and_a_near_one_suggested(folder):
    lines = "bonus:\n  - {kind: initiative-provice, reason: Một cửa không giấy}\n"
    assert problems(folder, EVIDENCE + lines) == [
        "ev.yaml:7:12: the set has no kind 'initiative-provice' in 'bonus'; its kinds are: "
        "initiative-province, initiative-ministry, model-replicated "
        "(did you mean 'initiative-province'?) [evidence.unknown-ledger-kind]"
    ]


def test_a_kind_in_a_ledger_without_kinds_is_refused(tmp_path):
    (tmp_path / "set.yaml").write_text(MINI, encoding="utf-8")
    lines = "penalty:\n  - {kind: late-report, reason: Chậm}\n"
    assert problems(tmp_path, EVIDENCE + lines) == [
        "ev.yaml:7:12: the set's 'penalty' has no kinds: remove 'kind:' (each line counts its "
        "own points, or the section's points each) [evidence.ledger-without-kinds]"
    ]


def test_a_line_of_a_kind_without_points_needs_points(folder):
    text = KINDED.replace("  points_each: 0.5\n  kinds:", "  kinds:")
    (folder / "set.yaml").write_text(text, encoding="utf-8")
    lines = "bonus:\n  - {kind: model-replicated, reason: Nhân rộng}\n  - {reason: Khác}\n"
    assert problems(folder, EVIDENCE + lines) == [
        "ev.yaml:7:5: the required key 'points' is missing [value.missing]",
        "ev.yaml:8:5: the required key 'kind' is missing [value.missing]",
    ]


def test_a_kind_listed_twice_is_refused():
    text = KINDED.replace("id: initiative-ministry", "id: initiative-province")
    with pytest.raises(InputError) as info:
        criteria_from_source(yamlsource.load_text(text, "set.yaml"))
    assert [p.format("en", show_source=False) for p in info.value.problems] == [
        "set.yaml:26:11: the kind 'initiative-province' is already listed on line 22 "
        "[criteria.duplicate-ledger-kind]"
    ]


def test_the_report_shows_each_kind_and_where_its_cap_bit(folder):
    (folder / "ev.yaml").write_text(EVIDENCE + LINES, encoding="utf-8")
    out = CliRunner().invoke(main, ["evaluate", "--lang", "en", str(folder / "ev.yaml")])
    assert out.exit_code == 0, out.stderr
    assert "Bonus and penalty by kind" in out.stdout
    by_kind = out.stdout.split("Bonus and penalty by kind")[1]
    rows = [line for line in by_kind.split("\n") if "Initiative recognised" in line]
    assert "3.00" in rows[0] and "2.00 (cap reached)" in rows[0], rows
    assert "(cap reached)" not in rows[1]
    shown = CliRunner().invoke(main, ["criteria", "show", "--lang", "en", str(folder / "set.yaml")])
    assert "initiative-ministry Initiative recognised by a ministry: 2 each, cap 2" in shown.stdout


def test_a_ledger_named_by_the_set_is_shown_under_its_name(folder):
    named = KINDED.replace(
        "bonus:\n  cap: 3\n",
        'bonus:\n  name: {vi: "Nội dung 9. Điểm thưởng", en: "Content 9"}\n  cap: 3\n',
    )
    (folder / "set.yaml").write_text(named, encoding="utf-8")
    result = evaluate(load(folder, EVIDENCE + LINES))
    assert result.bonus.name is not None and result.bonus.name.en == "Content 9"
    assert result.penalty.name is None
    (folder / "ev.yaml").write_text(EVIDENCE + LINES, encoding="utf-8")
    out = CliRunner().invoke(main, ["evaluate", "--lang", "en", str(folder / "ev.yaml")]).stdout
    assert "Content 9 (cap 3.00)" in out and "Penalty (cap 5.00)" in out
    vi = CliRunner().invoke(main, ["criteria", "show", str(folder / "set.yaml")]).stdout
    assert "Nội dung 9. Điểm thưởng: 0,5 mỗi mục, tối đa 3" in vi


def test_the_fast_builder_caps_each_kind_as_the_full_result_does(folder):
    from parscore.engine import score

    checked = load(folder, EVIDENCE + LINES)
    fast, full = score(checked).totals, evaluate(checked).totals
    assert (fast.bonus, fast.penalty) == (full.bonus, full.penalty) == (3, 1)
    assert fast == full


def test_each_line_shows_its_kind_and_the_json_fits_its_schema(folder):
    import json

    import jsonschema

    from parscore.schemas import schema

    (folder / "ev.yaml").write_text(EVIDENCE + LINES, encoding="utf-8")
    runner = CliRunner()
    args = ["evaluate", "--lang", "en", "--format", "markdown", str(folder / "ev.yaml")]
    text = runner.invoke(main, args).stdout
    cells = [[c.strip() for c in line.split("|")] for line in text.split("\n")]
    assert [
        "",
        "Bonus",
        "Sổ tay thủ tục (Initiative recognised by the province)",
        "+1.00",
        "",
        "",
    ] in cells
    assert ["", "Bonus", "Khen thưởng khác", "+0.50", "", ""] in cells  # no kind: the reason
    out = runner.invoke(main, ["evaluate", "--format", "json", str(folder / "ev.yaml")]).stdout
    document = json.loads(out)
    jsonschema.validate(document, schema("result"))
    assert document["bonus"]["kinds"][0] == {
        "id": "initiative-province",
        "name": {
            "vi": "Sáng kiến được tỉnh công nhận",
            "en": "Initiative recognised by the province",
        },
        "count": 3,
        "sum": "3.00",
        "cap": "2.00",
        "points": "2.00",
    }
    assert document["bonus"]["lines"][0]["kind"] == "initiative-province"
