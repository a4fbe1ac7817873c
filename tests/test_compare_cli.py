"""`parscore compare` as a Department of Home Affairs uses it: folders of communes, broken files
among them, refusals, processes, formats."""

from __future__ import annotations

import json
import os
import shutil
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from parscore.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "evidence"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The six example communes, in two district folders."""
    for name in ("vinh-chap", "vinh-long", "ho-xa"):
        (tmp_path / "vinh-linh").mkdir(exist_ok=True)
        shutil.copy(EXAMPLES / f"{name}-2023.yaml", tmp_path / "vinh-linh")
    for name in ("que-minh", "que-xuan-1", "dong-phu"):
        (tmp_path / "que-son").mkdir(exist_ok=True)
        shutil.copy(EXAMPLES / f"{name}-2023.yaml", tmp_path / "que-son")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    return tmp_path


def test_ranks_every_commune_per_district(folder):
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert (
        "PAR INDEX comparison 2023 — criteria set ref-commune-2023 (1.0) — ranked by district "
        "(6 units)" in out.splitlines()[0]
    )
    assert "Quế Sơn district: ranking" in out and "Vĩnh Linh district: ranking" in out
    assert "1/3  Hồ Xá" in out and "3/3  Đông Phú" in out
    assert "Mean index 84.42%, median 84.41%" in out


def test_json_groups_and_ranks(folder):
    data = json.loads(run("compare", ".", "--format", "json").stdout)
    assert data["group_by"] == "district"
    assert [g["name"] for g in data["groups"]] == ["Quế Sơn", "Vĩnh Linh"]
    ranks = [(r["rank"], r["of"], r["unit"]["name"]) for r in data["groups"][1]["ranking"]]
    assert ranks == [(1, 3, "Hồ Xá"), (2, 3, "Vĩnh Chấp"), (3, 3, "Vĩnh Long")]


def test_group_by_none_and_province(folder):
    data = json.loads(run("compare", ".", "--format", "json", "--group-by", "none").stdout)
    assert [g["name"] for g in data["groups"]] == [None]
    assert data["groups"][0]["ranking"][0]["of"] == 6
    data = json.loads(run("compare", ".", "--format", "json", "--group-by", "province").stdout)
    assert [g["name"] for g in data["groups"]] == ["Quảng Nam", "Quảng Trị"]


def test_a_broken_file_is_reported_and_the_others_still_ranked(folder):
    bad = folder / "que-son" / "zz-broken.yaml"
    bad.write_text(
        (folder / "que-son" / "que-minh-2023.yaml")
        .read_text("utf-8")
        .replace("Quế Minh", "Quế Phú")
        .replace('code: "20662"', 'code: "20663"')
        .replace("year: 2023", "year: 2023\nyear: 2024"),
        encoding="utf-8",
    )
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 1
    assert "que-son/zz-broken.yaml:" in result.stderr and "[yaml.duplicate-key]" in result.stderr
    assert "(6 units)" in result.stdout  # the six others are ranked
    assert "Files left out of the comparison" in result.stdout
    assert "que-son/zz-broken.yaml" in result.stdout.split("Files left out")[1]
    assert "Traceback" not in result.stderr


def test_files_on_different_sets_are_refused_by_name(folder):
    (folder / "set.yaml").write_text(
        (ROOT / "tests" / "data" / "mini-set.yaml").read_text("utf-8"), encoding="utf-8"
    )
    (folder / "mini-ev.yaml").write_text(
        "unit: {name: X, kind: xã}\nyear: 2023\ncriteria: set.yaml\n", encoding="utf-8"
    )
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 2
    assert "different criteria sets" in result.stderr
    assert (
        "mini-2023 1: mini-ev.yaml; ref-commune-2023 1.0: que-son/dong-phu-2023.yaml"
        in result.stderr
    )
    assert "set.yaml" not in result.stderr  # a criteria set found in the folder is skipped


def test_a_criteria_set_named_as_a_commune_is_reported(folder):
    (folder / "set.yaml").write_text(
        (ROOT / "tests" / "data" / "mini-set.yaml").read_text("utf-8"), encoding="utf-8"
    )
    result = run("compare", "que-son", "set.yaml", "--lang", "en")
    assert result.exit_code == 1
    assert "set.yaml is a criteria set, not an evidence file" in result.stderr


def test_two_files_for_one_unit_and_year_are_refused(folder):
    shutil.copy(folder / "que-son" / "que-minh-2023.yaml", folder / "copy.yaml")
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 2
    assert "Quế Minh 2023 has two files:" in result.stderr
    assert "copy.yaml" in result.stderr and "que-minh-2023.yaml" in result.stderr


def test_two_processes_give_the_same_output(folder):
    one = run("compare", ".", "--format", "json")
    two = run("compare", ".", "--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_csv_one_row_per_commune_with_a_bom_in_files(folder):
    out = run("compare", ".", "--format", "csv").stdout
    lines = out.splitlines()
    assert lines[0].startswith("group,rank,of,name,code,kind,source,index,band")
    assert len(lines) == 7
    assert run("compare", ".", "--format", "csv", "--output", "out.csv").exit_code == 0
    assert (folder / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_xlsx_needs_an_output_file(folder):
    result = run("compare", ".", "--format", "xlsx", "--lang", "en")
    assert result.exit_code == 2
    assert "--output" in result.stderr


def test_output_is_deterministic(folder):
    for fmt in ("table", "markdown", "csv", "json"):
        assert (
            run("compare", ".", "--format", fmt).stdout
            == run("compare", ".", "--format", fmt).stdout
        )


@pytest.mark.skipif(os.name == "nt", reason="symbolic links")
def test_link_loops_unreadable_files_and_yaml_named_folders(folder):
    os.symlink(folder / "que-son", folder / "que-son" / "loop")
    (folder / "x.yaml").mkdir()  # a folder named like a file: searched, not read
    shutil.copy(EXAMPLES / "vinh-chap-2023.yaml", folder / "x.yaml" / "inside.yaml")
    unreadable = folder / "locked.yaml"
    unreadable.write_text("unit: {}\n", encoding="utf-8")
    unreadable.chmod(0)
    os.symlink(folder / "missing.yaml", folder / "dangling.yaml")
    try:
        result = run("compare", ".", "--lang", "en")
    finally:
        unreadable.chmod(0o644)
    assert result.exit_code in (1, 2), result.stderr
    err = result.stderr
    assert "a link loop" in err
    assert "dangling.yaml: a link to a file that does not exist" in err
    if os.geteuid() != 0:  # root reads any file
        assert "locked.yaml: cannot read the file" in err
    # x.yaml/inside.yaml is the same unit as vinh-linh/vinh-chap-2023.yaml: refused by name
    assert "Vĩnh Chấp 2023 has two files" in err


def test_nothing_to_compare(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "error: no evidence file to compare in . (.yaml files, .xlsx score sheets or commune folders)\n"
    )


def test_progress_never_reaches_stdout(folder):
    # CliRunner's stderr is not a terminal: no bar at all; and the data on stdout is clean
    result = run("compare", ".", "--format", "csv")
    assert "Scoring" not in result.stdout and "Đang chấm" not in result.stdout


def _with_code(folder: Path, code_line: str, name: str) -> Path:
    text = (folder / "que-son" / "que-minh-2023.yaml").read_text("utf-8")
    copy = folder / name
    copy.write_text(text.replace('code: "20662"', code_line, 1), encoding="utf-8")
    return copy


def test_a_code_with_spaces_around_it_is_the_same_unit(folder):
    _with_code(folder, 'code: " 20662 "', "copy.yaml")
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 2
    assert "Quế Minh 2023 has two files:" in result.stderr


def test_a_code_with_an_invisible_character_is_refused_where_it_is(folder):
    _with_code(folder, 'code: "\u200b20662"', "zwsp.yaml")
    result = run("compare", ".", "--lang", "en", "--format", "json")
    assert result.exit_code == 1  # the file is left out, the others ranked
    assert (
        "zwsp.yaml:29:9: '<U+200B>20662' holds the invisible character U+200B at position 1: "
        "type the code again, digits only [value.invisible-char]" in result.stderr
    )
    ranked = [r["unit"]["name"] for g in json.loads(result.stdout)["groups"] for r in g["ranking"]]
    assert ranked.count("Quế Minh") == 1


# --- issue #12: years, empty files, units without their group, weakest fields, maxima -------------


def test_a_copy_of_another_year_is_refused_by_name(folder):
    # a 2024 copy of a commune dropped into the 2023 folder: before, ranked twice, exit 0
    text = (folder / "vinh-linh" / "vinh-chap-2023.yaml").read_text("utf-8")
    assert text.count("year: 2023") == 1
    copy = folder / "vinh-linh" / "vinh-chap-2024.yaml"
    copy.write_text(text.replace("year: 2023", "year: 2024"), encoding="utf-8")
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "the files are of different years and cannot be ranked together: " in result.stderr
    # the odd one out first, with its year; then the year of the others
    assert "2024: vinh-linh/vinh-chap-2024.yaml; 2023: " in result.stderr
    assert result.stderr.rstrip().endswith(
        "; compare each year on its own (give last year with --previous)"
    )
    assert "Traceback" not in result.stderr
    vi = run("compare", ".")
    assert vi.exit_code == 2 and "các tệp thuộc những năm khác nhau" in vi.stderr


def _template(folder: Path, name: str = "Vĩnh Thủy", **parents: str) -> Path:
    """An unfilled evidence file, as `parscore template` writes it."""
    out = folder / "vinh-linh" / "vinh-thuy-2023.yaml"
    args = ["template", "--criteria", "ref-commune-2023", "--unit", name, "--year", "2023"]
    for level, value in parents.items():
        args += [f"--{level}", value]
    result = run(*args, "--output", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def test_an_unfilled_template_is_listed_as_not_assessed_not_ranked_last(folder):
    before = json.loads(run("compare", ".", "--format", "json").stdout)
    _template(folder, district="Vĩnh Linh", province="Quảng Trị")
    result = run("compare", ".", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    vinh_linh = data["groups"][1]
    assert vinh_linh["name"] == "Vĩnh Linh"
    # not ranked 4/4 at 0.00 Yếu: the ranking, bands, mean and median are those without it
    assert [r["unit"]["name"] for r in vinh_linh["ranking"]] == ["Hồ Xá", "Vĩnh Chấp", "Vĩnh Long"]
    assert [r["of"] for r in vinh_linh["ranking"]] == [3, 3, 3]
    assert data["groups"] == before["groups"]
    assert [(u["name"], u["group"], u["year"]) for u in data["not_assessed"]] == [
        ("Vĩnh Thủy", "Vĩnh Linh", 2023)
    ]
    assert data["not_assessed"][0]["source"] == "vinh-linh/vinh-thuy-2023.yaml"
    table = run("compare", ".", "--lang", "en").stdout
    section = table.split("Units not assessed (no evidence in the file)")[1]
    assert "Not ranked, and not counted in bands, means and medians." in section
    assert "Vĩnh Thủy (Vĩnh Linh) — vinh-linh/vinh-thuy-2023.yaml" in section
    assert "Vĩnh Thủy" not in table.split("Units not assessed")[0]
    csv_rows = run("compare", ".", "--format", "csv").stdout.splitlines()
    assert csv_rows[-1].startswith("Vĩnh Linh,,,Vĩnh Thủy,,xã,vinh-linh/vinh-thuy-2023.yaml,")
    assert csv_rows[-1].endswith(",2023,,,not_assessed,Vĩnh Linh,,,,self,,")


def test_one_file_without_a_district_is_named_not_absorbed(folder):
    # before: the whole comparison became one group, without a word
    _template(folder, province="Quảng Trị")  # no district
    text = (folder / "vinh-linh" / "vinh-chap-2023.yaml").read_text("utf-8")
    no_district = "\n".join(line for line in text.splitlines() if "level: district" not in line)
    assert no_district != text
    (folder / "vinh-linh" / "vinh-chap-2023.yaml").write_text(no_district + "\n", "utf-8")
    data = json.loads(run("compare", ".", "--format", "json").stdout)
    assert data["group_by"] == "district"
    assert [g["name"] for g in data["groups"]] == ["Quế Sơn", "Vĩnh Linh"]
    assert [r["unit"]["name"] for r in data["groups"][1]["ranking"]] == ["Hồ Xá", "Vĩnh Long"]
    assert [(u["name"], u["group"]) for u in data["ungrouped"]] == [("Vĩnh Chấp", None)]
    # an unfilled file is "not assessed", whatever it lacks
    assert [u["name"] for u in data["not_assessed"]] == ["Vĩnh Thủy"]
    table = run("compare", ".", "--lang", "en").stdout
    assert "Units naming no district" in table
    assert "Vĩnh Chấp — vinh-linh/vinh-chap-2023.yaml" in table
    assert "Not ranked, as their group is unknown" in table


def test_the_same_gap_prints_the_same_for_every_unit(folder):
    # Quế Xuân 1 has 3.5 of 6 in field 6 (7/12) against a median of 4 of 6 (8/12); Vĩnh Chấp
    # 5.5 of 6 (11/12) against 6 of 6: both exactly 1/12 below, −8.333…%. From the rounded
    # percentages the first was 58.33 − 66.67 = −8.34 and the second 91.67 − 100 = −8.33.
    data = json.loads(run("compare", ".", "--format", "json").stdout)
    rows = {m["unit"]["name"]: m for g in data["groups"] for m in g["matrix"]}
    assert rows["Quế Xuân 1"]["percents"]["6"] == "58.33"
    assert rows["Vĩnh Chấp"]["percents"]["6"] == "91.67"
    for name in ("Quế Xuân 1", "Vĩnh Chấp"):
        assert (rows[name]["weakest_field"], rows[name]["weakest_gap"]) == ("6", "-8.33")
    table = run("compare", ".", "--lang", "en").stdout
    assert table.count("6 (−8.33)") == 2 and "8.34" not in table


def test_a_unit_above_the_median_everywhere_has_no_weakest_field(folder, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # one line per unit, so that texts are found whole
    data = json.loads(run("compare", ".", "--format", "json").stdout)
    rows = {m["unit"]["name"]: m for g in data["groups"] for m in g["matrix"]}
    fields = {g["name"]: {f["id"]: f["median"] for f in g["fields"]} for g in data["groups"]}
    # Hồ Xá: at or above Vĩnh Linh's median in all eight fields (before: "2 (0,00)")
    hồ_xá = rows["Hồ Xá"]
    assert all(Decimal(hồ_xá["percents"][f]) >= Decimal(m) for f, m in fields["Vĩnh Linh"].items())
    assert (hồ_xá["weakest_field"], hồ_xá["weakest_gap"]) == (None, None)
    assert hồ_xá["no_weakest"] == "at-or-above-median"
    table = run("compare", ".").stdout
    assert table.count("không có (mọi lĩnh vực ≥ trung vị)") == 2  # Hồ Xá and Quế Minh
    assert " 2 (0,00)" not in table


def test_the_applicable_maximum_is_shown_where_the_index_is_not_the_total(folder, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # one line per unit, so that texts are found whole
    # Vĩnh Long: 6.4 does not apply (no capital assigned), so 71.50 points of 99 give 72.22%
    data = json.loads(run("compare", ".", "--format", "json").stdout)
    rows = {r["unit"]["name"]: r for g in data["groups"] for r in g["ranking"]}
    long = rows["Vĩnh Long"]
    assert (long["total"], long["max"], long["applicable_max"], long["index"]) == (
        "71.50",
        "100.00",
        "99.00",
        "72.22",
    )
    assert rows["Hồ Xá"]["applicable_max"] == rows["Hồ Xá"]["max"] == "100.00"
    table = run("compare", ".", "--lang", "en").stdout
    assert "The 'Applicable max' column gives a unit's maximum when it is not 100" in table
    long_line = next(line for line in table.splitlines() if "Vĩnh Long" in line)
    assert "72.22%" in long_line and "71.50" in long_line and "99.00" in long_line
    que_son = table.split("Quế Sơn district: ranking")[1].split("\n\n")[0]
    assert "Applicable max" not in que_son  # no unit of Quế Sơn has a reduced maximum
    markdown = run("compare", ".", "--format", "markdown").stdout
    long_md = next(line for line in markdown.splitlines() if "| Vĩnh Long |" in line)
    cells = [cell.strip() for cell in long_md.strip("|").split("|")]
    assert cells[5:7] == ["71,50", "99,00"] and "Tối đa áp dụng" in markdown
    csv_lines = run("compare", ".", "--format", "csv").stdout.splitlines()
    header = csv_lines[0].split(",")
    long_csv = next(line.split(",") for line in csv_lines if ",Vĩnh Long," in line)
    assert long_csv[header.index("applicable_max")] == "99.00"
    assert long_csv[header.index("max")] == "100.00"


def test_the_title_names_the_year_the_set_and_the_grouping(folder):
    for fmt, prefix in (("table", ""), ("markdown", "# ")):
        first = run("compare", ".", "--format", fmt).stdout.splitlines()[0]
        assert first == (
            f"{prefix}So sánh Chỉ số CCHC năm 2023 — bộ tiêu chí ref-commune-2023 (1.0) — "
            "xếp hạng theo huyện (6 đơn vị)"
        )
    flat = run("compare", ".", "--group-by", "province", "--lang", "en").stdout
    assert flat.splitlines()[0].endswith("— ranked by province (6 units)")


def test_comparison_json_validates_against_its_schema(folder):
    _template(folder, province="Quảng Trị")
    result = run("compare", ".", "--format", "json")
    schema = json.loads(run("schema", "comparison").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema)
    assert schema["title"] == "parscore comparison (compare --format json)"
    for required in ("year", "not_assessed", "ungrouped", "groups"):
        assert required in schema["properties"]
    broken = {**document, "year": "2023"}  # the schema can fail
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_csv_columns_are_the_same_ascii_ids_in_every_language_with_decimal_points(folder):
    vi = run("compare", ".", "--format", "csv").stdout.splitlines()
    en = run("compare", ".", "--format", "csv", "--lang", "en").stdout.splitlines()
    assert vi[0] == en[0] and vi[0].isascii()
    assert vi[0].split(",")[-13:] == [
        "weakest_field",
        "weakest_gap",
        "year",
        "max",
        "applicable_max",
        "status",
        "district",
        "band_reason",
        "uncapped_total",
        "self_total",
        "stage",
        "self_points",
        "appraised_points",
    ]
    header = vi[0].split(",")
    row = next(line.split(",") for line in vi if ",Vĩnh Long," in line)
    assert row[header.index("index")] == "72.22"  # a point, never the Vietnamese comma
    assert row[header.index("field_3")] == "74.94"
    assert row[header.index("status")] == "ranked"
    assert row[header.index("district")] == "Vĩnh Linh"


def test_ranked_by_province_each_commune_keeps_its_district(folder, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    by_province = run("compare", ".", "--group-by", "province").stdout
    header = next(line for line in by_province.splitlines() if line.startswith("Vị thứ"))
    assert "Huyện" in header.split()
    hồ_xá = next(line for line in by_province.splitlines() if line.split()[1:3] == ["Hồ", "Xá"])
    assert "Vĩnh Linh" in hồ_xá
    by_district = run("compare", ".").stdout  # the group is the district: no column for it
    header = next(line for line in by_district.splitlines() if line.startswith("Vị thứ"))
    assert "Huyện" not in header.split()


def test_every_section_of_a_group_names_its_group(folder):
    """Two districts: each one's sections are told apart by their titles, in Markdown too."""
    markdown = run("compare", ".", "--format", "markdown", "--detail").stdout
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert len(headings) == len(set(headings)), headings
    assert "## Huyện Quế Sơn — Lĩnh vực: bình quân và trung vị" in headings
