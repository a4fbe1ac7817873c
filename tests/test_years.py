"""Year over year: crosswalks between criteria set versions, a unit against its past, a
comparison against last year through the lineage of merged communes. Every expectation is
worked out by hand from the shipped example files (their indexes are in the comments)."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from parscore.cli import main
from parscore.model.common import Text
from parscore.model.years import Crosswalk
from parscore.years import Item, check_crosswalk, diff_sets, entry_status

ROOT = Path(__file__).resolve().parent.parent
YEARS = ROOT / "docs" / "examples" / "years"
CROSSWALK = YEARS / "crosswalk-2023-2025.yaml"
LINEAGE = YEARS / "lineage-2025.yaml"
Y2025 = YEARS / "2025"


#: Vĩnh Linh's 2025 file under Vĩnh Chấp's name and code: the same unit in 2023 and 2025, so that
#: evaluate --previous compares it item by item (Vĩnh Linh itself has three old units)
VC2025 = Path()


@pytest.fixture(autouse=True, scope="module")
def _vinh_chap_2025(tmp_path_factory: pytest.TempPathFactory) -> None:
    global VC2025
    VC2025 = tmp_path_factory.mktemp("years") / "vinh-chap-2025.yaml"
    text = (Y2025 / "vinh-linh-2025.yaml").read_text(encoding="utf-8")
    VC2025.write_text(
        text.replace('name: "Vĩnh Linh"', 'name: "Vĩnh Chấp"').replace(
            'code: "90001"', 'code: "19213"'
        ),
        encoding="utf-8",
    )


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*args, "--lang", "en"])
    return result.exit_code, result.stdout, result.stderr


def item(i: str, name: str, most: str = "1", field: str = "1") -> Item:
    return Item(i, Text(vi=name), Decimal(most), field)


OLD = {
    "1.1": item("1.1", "Kế hoạch"),
    "1.2": item("1.2", "Báo cáo", "2"),
    "1.3": item("1.3", "Tuyên truyền"),
    "1.4": item("1.4", "Kiểm tra"),
    "1.5": item("1.5", "Sáng kiến"),
}
NEW = {
    "1.1": item("1.1", "Kế hoạch"),  # the same
    "1.2": item("1.2", "Báo cáo", "3"),  # re-weighted 2 → 3
    "1.3": item("1.3", "Tuyên truyền trực tuyến", "0.5"),  # split with 1.6
    "1.6": item("1.6", "Tuyên truyền tại thôn", "0.5"),
    "1.7": item("1.7", "Kiểm tra"),  # 1.4 renumbered
    "1.8": item("1.8", "Chuyển đổi số"),  # new; 1.5 dropped
}


def test_entry_status_says_what_happened_to_each_item():
    assert entry_status([OLD["1.1"]], [NEW["1.1"]]) == "same"
    assert entry_status([OLD["1.2"]], [NEW["1.2"]]) == "reweighted"
    assert entry_status([OLD["1.3"]], [NEW["1.3"], NEW["1.6"]]) == "split"
    assert entry_status([OLD["1.4"]], [NEW["1.7"]]) == "renamed"
    assert entry_status([OLD["1.1"], OLD["1.5"]], [NEW["1.1"]]) == "merged"
    assert entry_status([], [NEW["1.8"]]) == "new"
    assert entry_status([OLD["1.5"]], []) == "dropped"


def test_the_draft_pairs_the_same_id_or_a_unique_same_name_and_guesses_nothing_else():
    diff = diff_sets(OLD, NEW)
    pairs = {(tuple(i.id for i in e.old), tuple(i.id for i in e.new)): e for e in diff.entries}
    assert set(pairs) == {
        (("1.1",), ("1.1",)),
        (("1.2",), ("1.2",)),
        (("1.3",), ("1.3",)),  # the same id: paired, and said to have another name
        (("1.4",), ("1.7",)),  # renumbered: the same name, once on each side
        (("1.5",), ()),
        ((), ("1.6",)),
        ((), ("1.8",)),
    }
    assert pairs[(("1.3",), ("1.3",))].name_changed
    assert pairs[(("1.2",), ("1.2",))].status == "reweighted"


def test_two_items_of_one_name_are_never_matched_by_accident():
    old = {"2.1": item("2.1", "Báo cáo"), "2.2": item("2.2", "Báo cáo")}
    new = {"3.1": item("3.1", "Báo cáo"), "3.2": item("3.2", "Báo cáo")}
    statuses = sorted(e.status for e in diff_sets(old, new).entries)
    assert statuses == ["dropped", "dropped", "new", "new"]


def test_a_crosswalk_lists_every_item_of_both_sets_once():
    cw = Crosswalk.model_validate(
        {
            "crosswalk": {"old": "a", "new": "b"},
            "items": [
                {"old": "1.1", "new": "1.1"},
                {"old": "1.3", "new": ["1.3", "1.6"]},
                {"old": "1.4", "new": "1.7"},
                {"old": "1.4", "new": "1.9"},  # listed twice; 1.9 unknown
                {"old": [], "new": []},
            ],
        }
    )
    found = {(f.code, f.keys): f.args for f in check_crosswalk(cw, OLD, NEW)}
    assert found == {
        ("crosswalk.listed-twice", ("items", 3, "old", 0)): {
            "id": "1.4",
            "first": ("items", 2, "old", 0),
        },
        ("crosswalk.unknown-item", ("items", 3, "new", 0)): {"id": "1.9", "set": "b"},
        ("crosswalk.empty-entry", ("items", 4)): {},
        ("crosswalk.unlisted-old", ("items",)): {"set": "a", "listing": "1.2, 1.5", "count": 2},
        ("crosswalk.unlisted-new", ("items",)): {"set": "b", "listing": "1.2, 1.8", "count": 2},
    }


def test_criteria_diff_prints_the_changes_and_drafts_a_crosswalk_that_checks(tmp_path):
    out = tmp_path / "cw.yaml"
    code, stdout, _ = run(
        "criteria", "diff", "ref-commune-2023", "ref-commune-2025", "-o", str(out)
    )
    assert code == 0
    assert "35 sub-criteria the same, 3 changed, 2 new, 1 dropped" in stdout
    draft = out.read_text(encoding="utf-8")
    assert '  - {old: "6.4", new: []}  # dropped\n' in draft
    assert '  - {old: [], new: "8.4"}  # new\n' in draft
    assert '  - {old: "3.4", new: "3.4"}  # re-weighted; scored another way; 3.00 → 4.00\n' in draft
    # the draft is a valid crosswalk as it is: used, it compares 2.4 as new
    code, stdout, stderr = run(
        "evaluate",
        str(VC2025),
        "--previous",
        str(ROOT / "evidence" / "vinh-chap-2023.yaml"),
        "--crosswalk",
        str(out),
        "--format",
        "json",
    )
    assert code == 0, stderr
    items = {tuple(c["new"]): c for c in json.loads(stdout)["previous"][0]["items"]}
    assert items[("2.4",)]["status"] == "new"


def _history(*extra: str) -> dict:
    code, stdout, stderr = run(
        "evaluate",
        str(VC2025),
        "--previous",
        str(ROOT / "evidence" / "vinh-chap-2023.yaml"),
        *extra,
        "--format",
        "json",
    )
    assert code == 0, stderr
    return json.loads(stdout)


def test_evaluate_previous_follows_the_crosswalk_item_by_item():
    history = _history("--crosswalk", str(CROSSWALK))
    assert history["format"] == "parscore-change/1"
    (past,) = history["previous"]
    assert past["items_compared"] == "crosswalk"
    items = {(tuple(c["old"]), tuple(c["new"])): c for c in past["items"]}
    # 3.4: 412 of 1418 online in 2023 (29.05%: 17.5% to 35% → 1.5 of 3); 612 of 1418 in 2025
    # (43.16% ≥ 35% → 4 of 4): +2.5, re-weighted
    assert items[(("3.4",), ("3.4",))] | {} == {
        "old": ["3.4"],
        "new": ["3.4"],
        "name": {"vi": "Tỷ lệ hồ sơ trực tuyến", "en": "Share of dossiers filed online"},
        "status": "reweighted",
        "then": "1.50",
        "then_max": "3.00",
        "now": "4.00",
        "now_max": "4.00",
        "change": "2.50",
        "weighted_change": "2.00",  # 4 − 1.5 × 4 / 3: then at today's weight
    }
    # 2.3 split: met (1 of 1) then; 2.3 and 2.4 met now (0.5 + 0.5): no change
    split = items[(("2.3",), ("2.3", "2.4"))]
    assert (split["status"], split["then"], split["now"], split["change"]) == (
        "split",
        "1.00",
        "1.00",
        "0.00",
    )
    dropped, new = items[(("6.4",), ())], items[((), ("8.4",))]
    assert (dropped["status"], dropped["now"], dropped["change"]) == ("dropped", None, None)
    assert (new["status"], new["then"], new["now"], new["change"]) == ("new", None, "1.00", None)
    assert past["rose"] == ["3.4"]
    # 8.2 re-weighted 2 → 1: 1 of 2 then (90% to 100%), 0.5 of 1 now: −0.5 in points, the same
    # share: it did not fall
    lowered = items[(("8.2",), ("8.2",))]
    assert (lowered["change"], lowered["weighted_change"]) == ("-0.50", "0.00")
    assert past["fell"] == []
    # 84.41 (Vĩnh Chấp 2023) → 86.91 (Vĩnh Linh 2025)
    assert (past["index"], history["index"], past["index_change"]) == ("84.41", "86.91", "2.50")
    # the table shows the change in points and, beside it, the one the headline goes by
    code, table, stderr = run(
        "evaluate", str(VC2025), "--previous", str(ROOT / "evidence" / "vinh-chap-2023.yaml"),
        "--crosswalk", str(CROSSWALK), "--detail", "--format", "markdown",
    )  # fmt: skip
    assert code == 0, stderr
    flat = " ".join(table.split())  # Markdown: no cell wrapped
    assert "Rose most (at this year's maxima): 3.4 (+2.00)" in flat
    assert "+2.50 | re-weighted; +2.00 at this year's maximum |" in flat
    # 8.2 lost half a point but kept its share: why it is not among those that fell
    assert "−0.50 | re-weighted; +0.00 at this year's maximum |" in flat


def test_evaluate_previous_without_a_crosswalk_compares_the_index_and_fields_only():
    code, _, stderr = run(
        "evaluate",
        str(VC2025),
        "--previous",
        str(ROOT / "evidence" / "vinh-chap-2023.yaml"),
    )
    assert code == 0
    assert "[previous.no-crosswalk]" in stderr
    (past,) = _history()["previous"]
    assert (past["items_compared"], past["items"]) == ("not-compared", [])
    fields = {f["id"]: f for f in past["fields"]}
    assert fields["3"]["then_percent"] is not None


def test_evaluate_previous_of_the_same_set_compares_by_id(tmp_path):
    copy = tmp_path / "vinh-chap-2024.yaml"
    text = (ROOT / "evidence" / "vinh-chap-2023.yaml").read_text(encoding="utf-8")
    copy.write_text(
        text.replace("year: 2023", "year: 2024").replace("online: 412", "online: 200"),
        encoding="utf-8",
    )
    code, stdout, stderr = run(
        "evaluate", str(copy), "--previous", str(ROOT / "evidence" / "vinh-chap-2023.yaml")
    )
    assert code == 0, stderr
    # 200 of 1418 = 14.10% < 17.5% → 0 (was 1.5): "fell"
    assert "Fell most (at this year's maxima): 3.4 (−1.50)" in stdout
    assert "Sub-criteria compared: the same criteria set" in stdout


def test_a_broken_crosswalk_is_reported_at_its_lines(tmp_path):
    bad = tmp_path / "cw.yaml"
    text = CROSSWALK.read_text(encoding="utf-8").replace(
        '  - {old: "8.3", new: "8.3"}\n', '  - {old: "8.3", new: "8.9"}\n'
    )
    bad.write_text(text, encoding="utf-8")
    line = text.splitlines().index('  - {old: "8.3", new: "8.9"}') + 1
    code, _, stderr = run(
        "evaluate",
        str(VC2025),
        "--previous",
        str(ROOT / "evidence" / "vinh-chap-2023.yaml"),
        "--crosswalk",
        str(bad),
    )
    assert code == 2
    assert (
        f"cw.yaml:{line}:23: '8.9' is not a scored sub-criterion of the set ref-commune-2025 "
        "[crosswalk.unknown-item]"
    ) in stderr
    assert "1 sub-criteria of the new set ref-commune-2025 are not in the crosswalk" in stderr


# --- compare --previous ---------------------------------------------------------------------------


def _compare(*extra: str, previous: str = str(ROOT / "evidence")) -> dict:
    code, stdout, stderr = run(
        "compare", str(Y2025), "--previous", previous, *extra, "--format", "json", "--no-cache"
    )
    assert code == 0, stderr
    return json.loads(stdout)


def _rows(comparison: dict) -> dict[str, dict]:
    return {r["unit"]["name"]: r for g in comparison["groups"] for r in g["ranking"]}


def test_a_merged_unit_from_three_predecessors_weighted_and_one_from_two_by_the_mean():
    comparison = _compare("--lineage", str(LINEAGE))
    assert comparison["format"] == "parscore-comparison/5"
    rows = _rows(comparison)
    # (96.64 × 16000 + 84.41 × 9000 + 72.22 × 7000) / 32000 = 87.8584… → 87.86; now 86.91
    linh = rows["Vĩnh Linh"]["previous"]
    assert (linh["index"], linh["rule"], linh["derived"]) == ("87.86", "weighted", True)
    assert linh["predecessors"] == ["Hồ Xá", "Vĩnh Chấp", "Vĩnh Long"]
    assert (linh["index_change"], linh["rank_change"], linh["rank_note"]) == (
        "-0.95",
        None,
        "derived",
    )
    assert linh["band"] is None  # a derived unit had no band of its own
    # (85.67 + 72.87) / 2 = 79.27; now 85.17
    son = rows["Quế Sơn"]["previous"]
    assert (son["index"], son["rule"], son["index_change"]) == ("79.27", "mean", "5.90")
    # one old unit: continued, its own figures; ranked in its district then (3/3), in the
    # province now: no rank change
    phu = rows["Đông Phú"]["previous"]
    assert (phu["index"], phu["derived"], phu["rank"], phu["of"]) == ("55.23", False, 3, 3)
    assert (phu["rank_change"], phu["rank_note"], phu["band_move"]) == (
        None,
        "other-group",
        "same",
    )
    groups = {g["name"]: g["change"] for g in comparison["groups"]}
    # Đà Nẵng: +5.90 and +3.50: 2 up, mean change 4.70, best Quế Sơn, no decliner
    assert groups["Đà Nẵng"] | {} == {
        "compared": 2,
        "up": 2,
        "down": 0,
        "unchanged": 0,
        "new": [],
        "mean_then": "67.25",
        "mean_now": "71.95",
        "mean_change": "4.70",
        "best": {"name": "Quế Sơn", "kind": "xã", "change": "5.90", "derived": True, "tied": []},
        "worst": None,
        "band_moves": [],
    }
    assert groups["Quảng Trị"]["worst"] == {
        "name": "Vĩnh Linh",
        "kind": "xã",
        "change": "-0.95",
        "derived": True,
        "tied": [],
    }
    assert comparison["vanished"] == []
    assert comparison["previous"]["lineage_basis"].startswith("Nghị quyết số 0000")


def test_last_years_json_gives_the_same_figures_as_its_files(tmp_path):
    last = tmp_path / "so-sanh-2023.json"
    code, _, stderr = run("compare", str(ROOT / "evidence"), "--format", "json", "-o", str(last))
    assert code == 0, stderr
    from_json = _compare("--lineage", str(LINEAGE), previous=str(last))
    from_files = _compare("--lineage", str(LINEAGE))
    assert _rows(from_json) == _rows(from_files)
    assert from_json["previous"]["source"].endswith("so-sanh-2023.json")


def test_units_that_appear_and_disappear_without_a_lineage():
    comparison = _compare()
    rows = _rows(comparison)
    assert rows["Vĩnh Linh"]["previous"] is None  # a new code: no previous figures
    groups = {g["name"]: g["change"] for g in comparison["groups"]}
    assert groups["Quảng Trị"]["new"] == ["Vĩnh Linh"]
    assert groups["Quảng Trị"]["compared"] == 0
    vanished = {u["name"]: u["index"] for u in comparison["vanished"]}
    assert vanished == {
        "Quế Minh": "85.67",
        "Quế Xuân 1": "72.87",
        "Hồ Xá": "96.64",
        "Vĩnh Chấp": "84.41",
        "Vĩnh Long": "72.22",
    }


def test_a_code_reused_for_another_commune_is_caught(tmp_path):
    folder = tmp_path / "2025"
    shutil.copytree(Y2025, folder)
    path = folder / "que-son-2025.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('code: "90002"', 'code: "20662"'),
        encoding="utf-8",
    )
    code, _, stderr = run(
        "compare", str(folder), "--previous", str(ROOT / "evidence"), "--no-cache"
    )
    assert code == 2
    assert "the code 20662 is 'Quế Sơn' this year and was 'Quế Minh' last year" in stderr


def test_rank_changes_within_the_same_district(tmp_path):
    folder = tmp_path / "2024"
    folder.mkdir()
    for name in ("vinh-chap", "vinh-long", "ho-xa"):
        text = (ROOT / "evidence" / f"{name}-2023.yaml").read_text(encoding="utf-8")
        (folder / f"{name}-2024.yaml").write_text(
            text.replace("year: 2023", "year: 2024"), encoding="utf-8"
        )
    # the same files a year later, ranked in the same district: Vĩnh Chấp's plan of 06/02/2023
    # is late for 2023 (0.5) and early for 2024 (1): 84.41 → 84.91; the ranks stay
    code, stdout, stderr = run(
        "compare",
        str(folder),
        "--previous",
        str(ROOT / "evidence" / "ho-xa-2023.yaml"),
        "--previous",
        str(ROOT / "evidence" / "vinh-chap-2023.yaml"),
        "--previous",
        str(ROOT / "evidence" / "vinh-long-2023.yaml"),
        "--format",
        "json",
        "--no-cache",
    )
    assert code == 0, stderr
    rows = _rows(json.loads(stdout))
    for name, rank, change in (
        ("Hồ Xá", 1, "0.00"),
        ("Vĩnh Chấp", 2, "0.50"),
        ("Vĩnh Long", 3, "0.00"),
    ):
        previous = rows[name]["previous"]
        assert (previous["rank"], previous["rank_change"], previous["rank_note"]) == (
            rank,
            0,
            None,
        )
        assert previous["index_change"] == change


def test_the_summary_is_worded_as_published():
    args = ["compare", str(Y2025), "--previous", str(ROOT / "evidence")]
    result = CliRunner().invoke(main, [*args, "--lineage", str(LINEAGE), "--no-cache"])
    code, stdout = result.exit_code, result.stdout
    assert code == 0
    flat = " ".join(stdout.split())
    assert (
        "Các đơn vị có số liệu hai năm (2): chỉ số bình quân 71,95%, tăng 4,70% so với năm 2023; "
        "2 đơn vị tăng điểm, 0 đơn vị giảm, 0 không đổi."
    ) in flat
    # both against derived figures: marked, and the mark said
    assert (
        "Tăng nhiều nhất: xã Quế Sơn* (tăng 5,90%). (*: so với số liệu năm trước suy ra từ các "
        "đơn vị cũ)"
    ) in flat
    assert "Giảm nhiều nhất: xã Vĩnh Linh* (giảm 0,95%)." in flat


def test_every_format_shows_last_year(tmp_path):
    for fmt in ("markdown", "csv", "html", "xlsx"):
        out = tmp_path / f"out.{fmt}"
        code, _, stderr = run(
            "compare",
            str(Y2025),
            "--previous",
            str(ROOT / "evidence"),
            "--lineage",
            str(LINEAGE),
            "--format",
            fmt,
            "-o",
            str(out),
            "--no-cache",
        )
        assert code == 0, stderr
        if fmt == "xlsx":
            import openpyxl

            sheet = openpyxl.load_workbook(out)["Against last year"]
            values = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
            assert "Đà Nẵng" in values and 4.7 in values
            continue
        text = out.read_text(encoding="utf-8-sig")
        if fmt == "csv":
            header, first = text.splitlines()[:2]
            assert header.endswith(
                "previous_index,previous_derived,index_change,previous_rank,previous_of,"
                "rank_change,rank_note,previous_band"
            )
            assert first.endswith("79.27,mean,5.90,,,,derived,")
        elif fmt == "html":
            assert '<a href="#previous">' in text and '<section id="previous"' in text
            assert "79.27%* (mean of Quế Minh, Quế Xuân 1)" in text
            assert "up 5.90 points" in text
        else:  # Markdown: last year in a table of its own, the rule under it
            rows = [[c.strip() for c in line.split("|")] for line in text.splitlines()]
            assert [
                "",
                "1/2",
                "Quế Sơn",
                "85.17%",
                "79.27%*",
                "+5.90",
                "",
                "derived",
                "",
                "",
            ] in rows
            assert "- Quế Sơn*: mean of Quế Minh, Quế Xuân 1" in text
            assert "up 5.90 points" in text


@pytest.mark.parametrize("columns", ["120", "80"])
def test_the_table_against_last_year_stays_a_table_in_a_terminal(columns):
    args = ["compare", str(Y2025), "--previous", str(ROOT / "evidence"), "--lineage"]
    result = CliRunner(env={"COLUMNS": columns}).invoke(
        main, [*args, str(LINEAGE), "--no-cache", "--lang", "en"]
    )
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    # a row per unit, not a block of "heading: value" records
    assert not any(line.strip().startswith("Previous index:") for line in lines)
    rows = [line.split() for line in lines if line.lstrip().startswith(("1/2", "2/2", "1/1"))]
    assert ["1/2", "Quế", "Sơn", "85.17%", "79.27%*", "+5.90", "derived"] in rows
    assert [
        "2/2",
        "Đông",
        "Phú",
        "58.73%",
        "55.23%",
        "+3.50",
        "3/3",
        "other",
        "group",
        "Average",
    ] in rows


def test_a_previous_year_must_come_before():
    code, _, stderr = run("compare", str(ROOT / "evidence"), "--previous", str(Y2025), "--no-cache")
    assert code == 2
    assert "the previous year (2025) must come before the year compared (2023)" in stderr


def test_a_lineage_gives_each_old_unit_to_one_new_unit(tmp_path):
    bad = tmp_path / "lineage.yaml"
    text = LINEAGE.read_text(encoding="utf-8").replace(
        '{code: "20641", name: "Quế Xuân 1", district: "Quế Sơn"}',
        '{code: "19213", name: "Vĩnh Chấp", district: "Vĩnh Linh", weight: 3}',
    )
    bad.write_text(text, encoding="utf-8")
    code, _, stderr = run(
        "compare",
        str(Y2025),
        "--previous",
        str(ROOT / "evidence"),
        "--lineage",
        str(bad),
        "--no-cache",
    )
    assert code == 2
    assert "the old unit 'Vĩnh Chấp' already went into 'Vĩnh Linh'" in stderr
    assert "'Quế Sơn': give a weight (greater than 0) to every old unit, or to none" in stderr


def test_the_plan_says_what_fell_since_the_earlier_year(tmp_path):
    earlier = tmp_path / "vinh-chap-2022.yaml"
    text = (ROOT / "evidence" / "vinh-chap-2023.yaml").read_text(encoding="utf-8")
    # 600 of 1418 online in 2022 (42.31% ≥ 35% → 3); 412 in 2023 (29.05% → 1.5)
    earlier.write_text(
        text.replace("year: 2023", "year: 2022").replace("online: 412", "online: 600"),
        encoding="utf-8",
    )
    args = ["plan", str(ROOT / "evidence" / "vinh-chap-2023.yaml"), "--previous", str(earlier)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert "- 3.4 giảm từ 3 xuống 1,5 điểm so với năm 2022 (Tỷ lệ hồ sơ trực tuyến)" in (
        result.stdout
    )
    english = CliRunner().invoke(main, [*args, "--lang", "en", "--format", "json"])
    plan = json.loads(english.stdout)
    assert plan["since_year"] == 2022
    assert [(c["new"], c["then"], c["now"]) for c in plan["fell"]] == [(["3.4"], "3.00", "1.50")]


def test_band_moves_are_worded_as_published(tmp_path):
    last = tmp_path / "so-sanh-2023.json"
    code, _, stderr = run("compare", str(ROOT / "evidence"), "--format", "json", "-o", str(last))
    assert code == 0, stderr
    data = json.loads(last.read_text(encoding="utf-8"))
    for group in data["groups"]:
        for row in group["ranking"]:
            if row["unit"]["name"] == "Đông Phú":  # as if it had been Yếu at 40.00 in 2023
                row["index"], row["band"] = "40.00", {"vi": "Yếu", "en": "Weak"}
    last.write_text(json.dumps(data), encoding="utf-8")
    args = ["compare", str(Y2025), "--previous", str(last), "--lineage", str(LINEAGE)]
    result = CliRunner().invoke(main, [*args, "--no-cache"])
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "xã Đông Phú: từ yếu lên trung bình" in flat
    # 58.73 − 40.00 = +18.73, now the best improver of Đà Nẵng; (5.90 + 18.73) / 2 = 12.315
    assert "Tăng nhiều nhất: xã Đông Phú (tăng 18,73%)." in flat
    assert "chỉ số bình quân 71,95%, tăng 12,32% so với năm 2023" in flat


def test_a_code_the_lineage_merged_into_another_unit_is_caught(tmp_path):
    folder = tmp_path / "2025"
    shutil.copytree(Y2025, folder)
    # a fourth unit of 2025 named and coded as Vĩnh Chấp, which the lineage put into Vĩnh Linh
    text = (Y2025 / "dong-phu-2025.yaml").read_text(encoding="utf-8")
    (folder / "vinh-chap-2025.yaml").write_text(
        text.replace('name: "Đông Phú"', 'name: "Vĩnh Chấp"').replace(
            'code: "20638"', 'code: "19213"'
        ),
        encoding="utf-8",
    )
    code, _, stderr = run(
        "compare",
        str(folder),
        "--previous",
        str(ROOT / "evidence"),
        "--lineage",
        str(LINEAGE),
        "--no-cache",
    )
    assert code == 2
    assert (
        "the code 19213 of 'Vĩnh Chấp' was the code of 'Vĩnh Chấp' last year, which the lineage "
        "merged into 'Vĩnh Linh'"
    ) in stderr


@pytest.mark.parametrize(("which", "example"), [("crosswalk", CROSSWALK), ("lineage", LINEAGE)])
def test_the_shipped_crosswalk_and_lineage_fit_their_schemas(which, example):
    import jsonschema
    import yaml

    from parscore.schemas import schema

    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema(which)).validate(data)
    broken = {**data, "surprise": 1}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema(which)).validate(broken)


def test_the_change_json_fits_its_schema():
    import jsonschema

    from parscore.schemas import schema

    jsonschema.Draft202012Validator(schema("change")).validate(
        _history("--crosswalk", str(CROSSWALK))
    )


def test_last_years_file_must_be_a_comparison(tmp_path):
    result_json = tmp_path / "vinh-chap.json"
    code, _, _ = run(
        "evaluate",
        str(ROOT / "evidence" / "vinh-chap-2023.yaml"),
        "--format",
        "json",
        "-o",
        str(result_json),
    )
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "parscore-comparison/4", "groups": [', encoding="utf-8")
    for path, words in (
        (
            result_json,
            "not the output of 'parscore compare --format json' (format: parscore-result/",
        ),
        (broken, "cannot read last year's comparison:"),
    ):
        code, _, stderr = run("compare", str(Y2025), "--previous", str(path), "--no-cache")
        assert code == 2
        assert words in stderr


def test_a_broken_file_of_last_year_is_said_and_the_exit_code_tells(tmp_path):
    folder = tmp_path / "2023"
    shutil.copytree(ROOT / "evidence", folder)
    path = folder / "dong-phu-2023.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("online: 530", "online: 5300"), encoding="utf-8"
    )
    code, stdout, stderr = run("compare", str(Y2025), "--previous", str(folder), "--no-cache")
    assert code == 1
    assert "dong-phu-2023.yaml" in stderr
    assert "Đông Phú" in stdout  # still compared, without previous figures


def test_an_old_unit_missing_from_last_year_leaves_the_unit_without_previous_figures(tmp_path):
    lineage = tmp_path / "lineage.yaml"
    lineage.write_text(
        LINEAGE.read_text(encoding="utf-8").replace(
            '{code: "20641", name: "Quế Xuân 1", district: "Quế Sơn"}',
            '{code: "20999", name: "Quế Phú", district: "Quế Sơn"}',
        ),
        encoding="utf-8",
    )
    args = ["compare", str(Y2025), "--previous", str(ROOT / "evidence"), "--lineage"]
    code, stdout, stderr = run(*args, str(lineage), "--format", "json", "--no-cache")
    assert code == 0
    assert (
        "'Quế Sơn': the old unit 'Quế Phú' is not in last year's figures: no previous figures "
        "for this unit [previous.predecessor-missing]"
    ) in stderr
    comparison = json.loads(stdout)
    assert _rows(comparison)["Quế Sơn"]["previous"] is None
    # Quế Minh, found, is not taken by anyone: listed as no longer compared, with Quế Xuân 1
    assert {u["name"] for u in comparison["vanished"]} == {"Quế Minh", "Quế Xuân 1"}


def test_the_history_csv_is_for_programs():
    code, stdout, _ = run(
        "evaluate",
        str(VC2025),
        "--previous",
        str(ROOT / "evidence" / "vinh-chap-2023.yaml"),
        "--crosswalk",
        str(CROSSWALK),
        "--format",
        "csv",
    )
    assert code == 0
    rows = stdout.splitlines()
    assert rows[0] == (
        "year,then_year,level,old,new,status,then,then_max,now,now_max,change,weighted_change,"
        "then_unit,then_code,derived"
    )
    assert rows[1] == "2025,2023,index,,,,84.41,,86.91,,2.50,,Vĩnh Chấp,19213,"
    assert "2025,2023,item,2.3,2.3 2.4,split,1.00,1.00,1.00,1.00,0.00,0.00,Vĩnh Chấp,19213," in rows
    assert (
        "2025,2023,item,3.4,3.4,reweighted,1.50,3.00,4.00,4.00,2.50,2.00,Vĩnh Chấp,19213," in rows
    )


def test_crosswalks_chain_through_a_set_between(tmp_path):
    # 2023 → "mid-2024" (6.4 dropped) → 2025 (2.3 split, 8.4 new): the same as the direct one
    direct = CROSSWALK.read_text(encoding="utf-8")
    first = (
        direct.replace('new: "ref-commune-2025"', 'new: "mid-2024"')
        .replace('{old: "2.3", new: ["2.3", "2.4"]}', '{old: "2.3", new: "2.3"}')
        .replace('  - {old: [], new: "8.4"}  # mới\n', "")
    )
    second = direct.replace('old: "ref-commune-2023"', 'old: "mid-2024"').replace(
        '  - {old: "6.4", new: []}  # bỏ\n', ""
    )
    (tmp_path / "a-b.yaml").write_text(first, encoding="utf-8")
    (tmp_path / "b-c.yaml").write_text(second, encoding="utf-8")
    chained = _history(
        "--crosswalk", str(tmp_path / "b-c.yaml"), "--crosswalk", str(tmp_path / "a-b.yaml")
    )
    (past,) = chained["previous"]
    assert past["crosswalk"] == f"{tmp_path / 'a-b.yaml'} + {tmp_path / 'b-c.yaml'}"
    got = {(tuple(c["old"]), tuple(c["new"])): c["status"] for c in past["items"]}
    assert got[(("2.3",), ("2.3", "2.4"))] == "split"
    assert got[(("6.4",), ())] == "dropped"
    assert got[((), ("8.4",))] == "new"
    assert past["items"] == _history("--crosswalk", str(CROSSWALK))["previous"][0]["items"]
    # a chain whose two halves disagree on the set between is refused at its line
    (tmp_path / "b-c.yaml").write_text(
        second.replace('{old: "5.1", new: "5.1"}', '{old: "5.9", new: "5.1"}'), encoding="utf-8"
    )
    code, _, stderr = run(
        "evaluate",
        str(VC2025),
        "--previous",
        str(ROOT / "evidence" / "vinh-chap-2023.yaml"),
        "--crosswalk",
        str(tmp_path / "a-b.yaml"),
        "--crosswalk",
        str(tmp_path / "b-c.yaml"),
    )
    assert code == 2
    assert "'5.9' is not a scored sub-criterion of the set mid-2024" in stderr


def test_the_2025_reference_set_runs_its_shipped_cases():
    code, stdout, _ = run("criteria", "test", "ref-commune-2025")
    assert code == 0
    assert stdout.endswith(": 11 cases, 11 passed, 0 failed\n")


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "parscore-comparison/4", "groups": {"a": 1}}',
        '{"format": "parscore-comparison/4", "year": 2023, "group_by": "district", "criteria": '
        '{"id": "x", "version": "1", "year": 2023, "title": {"vi": "t"}}, "groups": [{"name": '
        '"A", "ranking": [{"rank": "x"}]}]}',
        "[" * 100_000,
        '{"format": "parscore-comparison/4", "year": 1e999}',
    ],
)
def test_a_damaged_comparison_json_is_refused_by_name(tmp_path, text):
    path = tmp_path / "so-sanh-2023.json"
    path.write_text(text, encoding="utf-8")
    code, _, stderr = run("compare", str(Y2025), "--previous", str(path), "--no-cache")
    assert code == 2
    assert f"{path}: cannot read last year's comparison" in stderr
    assert "[previous.bad-json]" in stderr


def test_options_that_need_one_another():
    code, _, stderr = run("compare", str(Y2025), "--lineage", str(LINEAGE))
    assert (code, stderr) == (2, "error: --lineage needs --previous (last year, to compare with)\n")
    evidence = str(ROOT / "evidence" / "vinh-chap-2023.yaml")
    code, _, stderr = run("evaluate", evidence, "--missing", "--previous", evidence)
    assert code == 2
    assert "--previous does not go with --missing" in stderr
    for command in ("evaluate", "plan"):  # a crosswalk alone would be ignored
        code, _, stderr = run(command, evidence, "--crosswalk", str(CROSSWALK))
        assert (code, stderr) == (
            2,
            "error: --crosswalk needs --previous (last year, to compare with)\n",
        )


# --- review of issue #16: what a Department specialist found --------------------------------------


def _so_sanh(tmp_path: Path) -> Path:
    out = tmp_path / "so-sanh-2023.json"
    code, _, stderr = run("compare", str(ROOT / "evidence"), "--format", "json", "-o", str(out))
    assert code == 0, stderr
    return out


def test_a_lineage_code_that_was_another_unit_is_refused_at_its_line(tmp_path):
    # 20638 is Đông Phú (Quế Sơn, another province), not Vĩnh Chấp: nothing may be derived from it
    lineage = tmp_path / "lin.yaml"
    lineage.write_text(
        LINEAGE.read_text(encoding="utf-8").replace(
            '{code: "19213", name: "Vĩnh Chấp"', '{code: "20638", name: "Vĩnh Chấp"'
        ),
        encoding="utf-8",
    )
    code, stdout, stderr = run(
        "compare",
        str(Y2025 / "vinh-linh-2025.yaml"),
        str(Y2025 / "que-son-2025.yaml"),
        "--previous",
        str(_so_sanh(tmp_path)),
        "--lineage",
        str(lineage),
    )
    assert code == 2
    assert stdout == ""
    assert (
        "lin.yaml:19:16: the lineage gives the code 20638 to 'Vĩnh Chấp' (district Vĩnh Linh), "
        "but last year 20638 was 'Đông Phú' (district Quế Sơn) [lineage.code-other-unit]"
    ) in stderr


def test_every_reused_code_is_placed_at_its_file_with_the_right_hint(tmp_path):
    folder = tmp_path / "2025"
    shutil.copytree(Y2025, folder)
    # Quế Sơn takes Đông Phú's code (the lineage, its entry renumbered, says nothing of it),
    # Đông Phú takes Quế Minh's (which the lineage merged into Quế Sơn) under its own name
    for name, old, new in (
        ("que-son-2025.yaml", '"90002"', '"20638"'),
        ("dong-phu-2025.yaml", '"20638"', '"20662"'),
    ):
        path = folder / name
        path.write_text(
            path.read_text(encoding="utf-8").replace(f"code: {old}", f"code: {new}"),
            encoding="utf-8",
        )
    lineage = tmp_path / "lineage.yaml"
    lineage.write_text(
        LINEAGE.read_text(encoding="utf-8").replace('  - code: "90002"', '  - code: "90009"'),
        encoding="utf-8",
    )
    code, _, stderr = run(
        "compare",
        str(folder),
        "--previous",
        str(ROOT / "evidence"),
        "--lineage",
        str(lineage),
        "--no-cache",
    )
    assert code == 2
    line = next(
        n
        for n, text in enumerate((folder / "que-son-2025.yaml").read_text().splitlines(), 1)
        if 'code: "20638"' in text
    )
    assert (
        f"que-son-2025.yaml:{line}:9: the code 20638 is 'Quế Sơn' this year and was 'Đông Phú' last "
        "year: the lineage (--lineage) does not say what 'Quế Sơn' was formed from; add it there "
        "[previous.code-reused-lineage]"
    ) in stderr
    assert "declare the arrangement with --lineage" not in stderr
    assert (
        "the code 20662 of 'Đông Phú' was the code of 'Quế Minh' last year, which the lineage "
        "merged into 'Quế Sơn': a code reused for another unit [previous.code-merged]"
    ) in stderr
    assert "dong-phu-2025.yaml:" in stderr


def test_units_tied_for_the_largest_rise_are_all_named(tmp_path):
    last = tmp_path / "so-sanh-2023.json"
    code, _, stderr = run("compare", str(ROOT / "evidence"), "--format", "json", "-o", str(last))
    assert code == 0, stderr
    data = json.loads(last.read_text(encoding="utf-8"))
    for group in data["groups"]:
        for row in group["ranking"]:
            if row["unit"]["name"] == "Đông Phú":  # 58.73 − 52.83 = 5.90, as Quế Sơn's rise
                row["index"] = "52.83"
    last.write_text(json.dumps(data), encoding="utf-8")
    args = ["compare", str(Y2025), "--previous", str(last), "--lineage", str(LINEAGE)]
    code, stdout, stderr = run(*args, "--no-cache")
    assert code == 0, stderr
    flat = " ".join(stdout.split())
    assert (
        "Largest rise: xã Quế Sơn*, xã Đông Phú, up 5.90 points. (*: against last year's "
        "figures derived from the old units)"
    ) in flat
    code, stdout, _ = run(*args, "--no-cache", "--format", "json")
    best = next(g for g in json.loads(stdout)["groups"] if g["name"] == "Đà Nẵng")["change"]["best"]
    assert best["tied"] == [{"name": "Đông Phú", "kind": "xã", "derived": False}]


def test_this_years_self_scores_against_last_years_appraisals_are_said(tmp_path):
    final = tmp_path / "final-2023.json"
    code, _, stderr = run(
        "compare",
        str(ROOT / "evidence"),
        str(ROOT / "appraisal"),
        "--format",
        "json",
        "-o",
        str(final),
    )
    assert code == 0, stderr
    assert json.loads(final.read_text(encoding="utf-8"))["stage"] == "final"
    args = ["compare", str(Y2025), "--previous", str(final), "--lineage", str(LINEAGE)]
    code, stdout, stderr = run(*args, "--no-cache")
    assert code == 0, stderr
    assert (
        "final-2023.json: warning: 2025 is on the self-assessments, 2023 on the final "
        "appraisals: two kinds of score compared [previous.stage-differs]"
    ) in stderr
    flat = " ".join(stdout.split())
    assert "Note: 2025 is on the self-assessments, 2023 on the final appraisals" in flat
    code, stdout, _ = run(*args, "--no-cache", "--format", "json")
    data = json.loads(stdout)
    assert (data["stage"], data["previous"]["stage"]) == ("self", "final")
    # the same stage both years: said, no warning
    code, stdout, stderr = run(
        "compare", str(Y2025), "--previous", str(_so_sanh(tmp_path)), "--lineage", str(LINEAGE)
    )
    assert "stage-differs" not in stderr
    assert "2025 and 2023 are both on the self-assessments." in " ".join(stdout.split())


def test_evaluate_previous_refuses_another_units_file():
    # Vĩnh Chấp is one of Vĩnh Linh's three old units; Đông Phú is another commune altogether
    for now, then in (
        ("vinh-linh-2025.yaml", "vinh-chap-2023.yaml"),
        ("que-son-2025.yaml", "dong-phu-2023.yaml"),
    ):
        for command in ("evaluate", "plan"):
            code, stdout, stderr = run(
                command,
                str(Y2025 / now),
                "--previous",
                str(ROOT / "evidence" / then),
                "--crosswalk",
                str(CROSSWALK),
            )
            assert code == 2, (command, now)
            assert stdout == ""
            assert "[previous.other-unit]" in stderr
    code, _, stderr = run(
        "evaluate",
        str(Y2025 / "que-son-2025.yaml"),
        "--previous",
        str(ROOT / "evidence" / "dong-phu-2023.yaml"),
        "--lineage",
        str(LINEAGE),
    )
    assert code == 2
    assert (
        "dong-phu-2023.yaml: this file is 'Đông Phú' (code 20638), which the lineage "
        "(--lineage) does not list among the old units of 'Quế Sơn' (code 90002) "
        "[previous.not-a-predecessor]"
    ) in " ".join(stderr.split())


def test_evaluate_previous_derives_a_merged_units_past_from_every_old_unit():
    olds = ["ho-xa-2023.yaml", "vinh-chap-2023.yaml", "vinh-long-2023.yaml"]
    args = ["evaluate", str(Y2025 / "vinh-linh-2025.yaml"), "--crosswalk", str(CROSSWALK)]
    for old in olds:
        args += ["--previous", str(ROOT / "evidence" / old)]
    code, stdout, stderr = run(*args, "--lineage", str(LINEAGE), "--format", "json")
    assert code == 0, stderr
    (past,) = json.loads(stdout)["previous"]
    # (16000 × 96.64 + 9000 × 84.41 + 7000 × 72.22) / 32000 = 87.858… → 87.86, as compare derives
    assert (past["derived"], past["rule"], past["index"], past["index_change"]) == (
        True,
        "weighted",
        "87.86",
        "-0.95",
    )
    assert past["unit"] is None and past["band"] is None
    assert [u["name"] for u in past["predecessors"]] == ["Hồ Xá", "Vĩnh Chấp", "Vĩnh Long"]
    assert (past["items_compared"], past["items"], past["fields"]) == ("derived", [], [])
    code, stdout, _ = run(*args, "--lineage", str(LINEAGE), "--format", "csv")
    assert stdout.splitlines()[1] == (
        "2025,2023,index,,,,87.86,,86.91,,-0.95,,Hồ Xá + Vĩnh Chấp + Vĩnh Long,,weighted"
    )
    code, stdout, _ = run(*args, "--lineage", str(LINEAGE))
    flat = " ".join(stdout.split())
    assert (
        "2023 (weighted mean of Hồ Xá, Vĩnh Chấp, Vĩnh Long): 87.86%*, no band (derived "
        "figures) (down 0.95 points)"
    ) in flat
    # one old unit missing: refused at the lineage, never derived from the others
    code, _, stderr = run(*args[:-2], "--lineage", str(LINEAGE))
    assert code == 2
    assert "the 2023 file of Vĩnh Long is not given" in " ".join(stderr.split())
    # the plan has no items to compare against derived figures: it says nothing fell from them
    code, stdout, stderr = run("plan", *args[1:], "--lineage", str(LINEAGE))
    assert code == 0, stderr
    assert "lost points" not in stdout


def test_evaluate_previous_names_the_unit_it_compares_with():
    code, stdout, _ = run(
        "evaluate",
        str(Y2025 / "dong-phu-2025.yaml"),
        "--previous",
        str(ROOT / "evidence" / "dong-phu-2023.yaml"),
        "--crosswalk",
        str(CROSSWALK),
        "--format",
        "json",
    )
    assert code == 0
    (past,) = json.loads(stdout)["previous"]
    assert (past["unit"]["name"], past["unit"]["code"], past["derived"]) == (
        "Đông Phú",
        "20638",
        False,
    )
    code, stdout, _ = run(
        "evaluate",
        str(Y2025 / "dong-phu-2025.yaml"),
        "--previous",
        str(ROOT / "evidence" / "dong-phu-2023.yaml"),
        "--crosswalk",
        str(CROSSWALK),
    )
    assert "2023 (thị trấn Đông Phú): 55.23%" in " ".join(stdout.split())


def test_the_plan_says_when_nothing_lost_points():
    # Vĩnh Chấp 2023 → 2025: no item fell at this year's maxima (see the crosswalk test above)
    args = ["plan", str(VC2025), "--previous", str(ROOT / "evidence" / "vinh-chap-2023.yaml")]
    code, stdout, stderr = run(*args, "--crosswalk", str(CROSSWALK))
    assert code == 0, stderr
    assert "No sub-criterion lost points since 2023." in " ".join(stdout.split())


def test_a_missing_old_unit_is_explained_in_the_report_with_its_lineage_line(tmp_path):
    lineage = tmp_path / "lineage.yaml"
    lineage.write_text(
        LINEAGE.read_text(encoding="utf-8").replace(
            '{code: "20641", name: "Quế Xuân 1", district: "Quế Sơn"}',
            '{code: "20999", name: "Quế Phú", district: "Quế Sơn"}',
        ),
        encoding="utf-8",
    )
    line = next(
        n for n, text in enumerate(lineage.read_text().splitlines(), 1) if "Quế Phú" in text
    )
    args = ["compare", str(Y2025), "--previous", str(ROOT / "evidence"), "--lineage"]
    code, stdout, _ = run(*args, str(lineage), "--no-cache")
    assert code == 0
    flat = " ".join(stdout.split())
    assert (
        f"Quế Sơn: no figures for 2023: the old unit Quế Phú is missing (lineage {lineage}:{line})."
    ) in flat
    # Quế Minh went into Quế Sơn: not "no longer compared" without a word
    assert "Quế Minh (Quế Sơn): 85.67% — merged into Quế Sơn; figures missing" in flat
    code, stdout, _ = run(*args, str(lineage), "--no-cache", "--format", "json")
    data = json.loads(stdout)
    assert data["previous"]["missing"] == [
        {"unit": "Quế Sơn", "predecessor": "Quế Phú", "where": f"{lineage}:{line}"}
    ]
    merged = {u["name"]: u["merged_into"] for u in data["vanished"]}
    assert merged == {"Quế Minh": "Quế Sơn", "Quế Xuân 1": None}


def test_a_crosswalk_for_another_pair_of_sets_is_said_not_used(tmp_path):
    text = CROSSWALK.read_text(encoding="utf-8")
    wrong, backwards = tmp_path / "wrong.yaml", tmp_path / "backwards.yaml"
    wrong.write_text(text.replace('old: "ref-commune-2023"', 'old: "ref-commune-2024"'), "utf-8")
    backwards.write_text(
        text.replace('old: "ref-commune-2023"', 'old: "X"')
        .replace('new: "ref-commune-2025"', 'new: "ref-commune-2023"')
        .replace('old: "X"', 'old: "ref-commune-2025"'),
        "utf-8",
    )
    args = [
        "evaluate",
        str(Y2025 / "dong-phu-2025.yaml"),
        "--previous",
        str(ROOT / "evidence" / "dong-phu-2023.yaml"),
    ]
    code, stdout, stderr = run(*args, "--crosswalk", str(wrong))
    assert code == 2 and stdout == ""
    assert (
        "wrong.yaml:11:1: this crosswalk (ref-commune-2024 → ref-commune-2025) is not used for "
        "ref-commune-2023 → ref-commune-2025 [crosswalk.not-used]"
    ) in " ".join(stderr.split())
    code, stdout, stderr = run(*args, "--crosswalk", str(backwards))
    assert code == 0
    assert (
        "backwards.yaml:11:1: warning: this crosswalk (ref-commune-2025 → ref-commune-2023) is not "
        "used" in stderr
    )


def test_mixed_inputs_of_last_year_are_refused_for_what_they_are(tmp_path):
    last = _so_sanh(tmp_path)
    base = ["compare", str(Y2025), "--no-cache", "--previous", str(last), "--previous"]
    for other in (str(last), str(ROOT / "evidence")):
        code, stdout, stderr = run(*base, other)
        assert code == 2 and stdout == ""
        assert "--previous takes one comparison JSON" in stderr
        assert "is a criteria set" not in stderr
    later = tmp_path / "dong-phu-2024.yaml"
    later.write_text(
        (ROOT / "evidence" / "dong-phu-2023.yaml")
        .read_text(encoding="utf-8")
        .replace("\nyear: 2023", "\nyear: 2024"),
        encoding="utf-8",
    )
    code, _, stderr = run(
        "compare",
        str(Y2025),
        "--no-cache",
        "--previous",
        str(ROOT / "evidence" / "ho-xa-2023.yaml"),
        "--previous",
        str(later),
    )
    assert code == 2
    assert "the files given with --previous are of different years" in stderr
    assert "give last year with --previous" not in stderr
    old = tmp_path / "old.json"
    old.write_text(
        last.read_text(encoding="utf-8").replace(
            '"parscore-comparison/5"', '"parscore-comparison/2"'
        ),
        encoding="utf-8",
    )
    code, _, stderr = run("compare", str(Y2025), "--no-cache", "--previous", str(old))
    assert code == 2
    assert (
        "the comparison parscore-comparison/2 is an old version, not supported: "
        "parscore-comparison/3 or later is needed"
    ) in " ".join(stderr.split())
    assert "Field required" not in stderr


def test_the_workbook_rows_against_last_year_are_as_high_as_their_lines(tmp_path):
    import openpyxl

    out = tmp_path / "c.xlsx"
    args = ["compare", str(Y2025), "--previous", str(ROOT / "evidence"), "--lineage"]
    code, _, stderr = run(*args, str(LINEAGE), "--no-cache", "--format", "xlsx", "-o", str(out))
    assert code == 0, stderr
    sheet = openpyxl.load_workbook(out)["Against last year"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "Đà Nẵng")
    summary = row[8].value
    assert "Largest rise" in summary
    # two lines of text, 121 and 102 characters, in a column of 80 (about 89 characters):
    # each wraps once, so four lines of 15 points (the text read as one wrapped paragraph gave
    # three, and the mark's line was clipped)
    first, second = summary.split("\n")
    assert (len(first), len(second)) == (121, 102)
    assert sheet.row_dimensions[row[0].row].height == 60


def test_a_crosswalk_item_listed_twice_and_a_missing_weight_are_placed_at_their_lines(tmp_path):
    text = CROSSWALK.read_text(encoding="utf-8")
    lines = text.splitlines()
    first = next(n for n, line in enumerate(lines, 1) if line.startswith('  - {old: "8.3"'))
    twice = tmp_path / "cw.yaml"
    twice.write_text(
        text.replace(
            '  - {old: "8.3", new: "8.3"}\n',
            '  - {old: ["8.3"], new: "8.3"}\n  - {old: "8.3", new: []}\n',
        ),
        encoding="utf-8",
    )
    code, _, stderr = run(
        "evaluate",
        str(VC2025),
        "--previous",
        str(ROOT / "evidence" / "vinh-chap-2023.yaml"),
        "--crosswalk",
        str(twice),
    )
    assert code == 2
    assert f"'8.3' is already on line {first}: each sub-criterion is listed once" in stderr
    weights = tmp_path / "lineage.yaml"
    weights.write_text(
        LINEAGE.read_text(encoding="utf-8").replace(
            'name: "Vĩnh Chấp", district: "Vĩnh Linh", weight: 9000}',
            'name: "Vĩnh Chấp", district: "Vĩnh Linh"}',
        ),
        encoding="utf-8",
    )
    line = next(
        n for n, text in enumerate(weights.read_text().splitlines(), 1) if "Vĩnh Chấp" in text
    )
    code, _, stderr = run(
        "compare",
        str(Y2025),
        "--previous",
        str(ROOT / "evidence"),
        "--lineage",
        str(weights),
        "--no-cache",
    )
    assert code == 2
    assert f"lineage.yaml:{line}:" in stderr and "[lineage.weights-partial]" in stderr


def test_the_2025_sets_header_points_at_a_shipped_crosswalk():
    head = (ROOT / "criteria" / "ref-commune-2025.yaml").read_text(encoding="utf-8")
    named = [w for w in head.split() if w.startswith("docs/") and w.endswith(".yaml")]
    assert named and all((ROOT / w).is_file() for w in named)


def test_two_units_of_last_year_under_one_code_are_refused(tmp_path):
    last = _so_sanh(tmp_path)
    data = json.loads(last.read_text(encoding="utf-8"))
    for group in data["groups"]:
        for row in group["ranking"]:
            if row["unit"]["name"] == "Vĩnh Long":  # given Đông Phú's code by mistake
                row["unit"]["code"] = "20638"
    last.write_text(json.dumps(data), encoding="utf-8")
    code, _, stderr = run("compare", str(Y2025), "--previous", str(last), "--no-cache")
    assert code == 2
    assert (
        "the code 20638 belongs to two units in last year's figures: 'Đông Phú' and 'Vĩnh Long'"
    ) in " ".join(stderr.split())
