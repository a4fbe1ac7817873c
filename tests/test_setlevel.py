"""The set-level forms of issue #14, on a set written as a province writes it
(tests/data/setlevel/setlevel-2025.yaml): band conditions beyond the index, survey rows inside
a field, the evidence window, unit kinds by assessment year, and the total's cap. Every figure
below is computed by hand from that set."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parscore import yamlsource
from parscore.cli import main
from parscore.engine import evaluate
from parscore.engine import score as fast_score
from parscore.errors import InputError
from parscore.loading import CriteriaResolver, criteria_from_source, evidence_from_source
from parscore.model.result import UnitResult
from parscore.plan import make_plan
from parscore.report.template import UnitInfo, render_template
from parscore.todo import todo

DATA = Path(__file__).parent / "data" / "setlevel"
SET = (DATA / "setlevel-2025.yaml").read_text(encoding="utf-8")
CO_TO = (DATA / "co-to-2025.yaml").read_text(encoding="utf-8")


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "setlevel-2025.yaml").write_text(SET, encoding="utf-8")
    return tmp_path


def checked(folder: Path, text: str):
    return evidence_from_source(
        yamlsource.load_text(text, "ev.yaml"), CriteriaResolver(), base=folder
    )


def score(folder: Path, text: str = CO_TO) -> UnitResult:
    return evaluate(checked(folder, text))


def problems(folder: Path, text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        checked(folder, text)
    return [p.format("en", show_source=False) for p in info.value.problems]


def warnings(folder: Path, text: str) -> list[str]:
    return [p.format("en", show_source=False) for p in checked(folder, text).warnings]


def set_problems(text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        criteria_from_source(yamlsource.load_text(text, "set.yaml"))
    return [p.format("en", show_source=False) for p in info.value.problems]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# -- 12. the total's cap -------------------------------------------------------------------


def test_a_perfect_commune_with_a_bonus_is_capped_where_the_set_says_so(folder):
    t = score(folder).totals
    # 4 + 4 (3 appraisal + the survey row 1) + survey 2 = 10; bonus 2 × 0.5 = 1 (cap 1): 11
    assert (t.total, t.uncapped_total, t.index) == (Decimal(10), Decimal(11), Decimal("100.00"))
    assert t.capped and t.band is not None and t.band.vi == "Xuất sắc"


def test_without_cap_total_the_index_goes_above_100(folder):
    (folder / "setlevel-2025.yaml").write_text(edit(SET, "cap_total: true\n", ""), encoding="utf-8")
    t = score(folder).totals
    assert (t.total, t.uncapped_total, t.index) == (Decimal(11), None, Decimal("110.00"))
    assert not t.capped and t.band is not None and t.band.vi == "Xuất sắc"


def test_a_total_below_the_maximum_is_not_capped(folder):
    t = score(folder, CO_TO.split("bonus:")[0]).totals
    assert (t.total, t.uncapped_total, t.index) == (Decimal(10), None, Decimal("100.00"))


# -- 6. survey rows inside a field ---------------------------------------------------------


def test_appraisal_and_survey_are_split_by_who_scores_each_row(folder):
    result = score(folder, edit(CO_TO, "satisfied: 50,", "satisfied: 40,"))
    t = result.totals
    # 2.2 is 40/50 × 1 = 0.80 survey points inside field 2 (3 + 0.8 = 3.8)
    assert (t.appraisal, t.appraisal_max) == (Decimal(7), Decimal(7))
    assert (t.survey, t.survey_max) == (Decimal("2.80"), Decimal(3))
    field2 = result.fields[1]
    assert field2.points == Decimal("3.80")
    row = field2.children[1]
    assert (row.id, row.scored_by, row.outcome.value) == ("2.2", "outside", "outside")


def test_a_survey_row_is_not_the_communes_to_fill(folder):
    text = edit(CO_TO, 'survey:\n  "2.2": {satisfied: 50, responses: 50}\n', "survey:\n")
    text = edit(text, "items:\n", 'items:\n  "2.2": {satisfied: 50, responses: 50}\n')
    assert problems(folder, text) == [
        "ev.yaml:12:3: '2.2' is a survey item: put it under 'survey' [evidence.survey-in-items]"
    ]


def test_a_survey_row_waiting_for_its_points_is_not_on_the_to_do_list_nor_the_plan(folder):
    result = score(folder, edit(CO_TO, '  "2.2": {satisfied: 50, responses: 50}\n', ""))
    row = result.fields[1].children[1]
    assert (row.outcome.value, row.points, row.missing_count) == ("missing", Decimal(0), 0)
    assert all(i.id != "2.2" for g in todo(result).groups for i in g.items)
    plan = make_plan(result)
    assert all(s.id != "2.2" for s in plan.steps)
    assert [s.id for s in plan.survey] == ["2.2"]  # listed apart, as the survey is


def test_the_template_puts_survey_rows_under_survey(folder):
    cs = criteria_from_source(yamlsource.load_text(SET, "set.yaml"))
    text = render_template(cs, UnitInfo(name="Cô Tô", kind="đặc khu"), "en")
    items, survey = text.split("\nsurvey:\n")
    assert '"2.2":' not in items and '"2.1":' in items
    assert survey.index('"2.2":') < survey.index('"S.1":')


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "rule: {kind: survey_share}\nsurvey:",
            "rule: {kind: survey_share}\n        when_nothing_occurred: zero\nsurvey:",
            None,
        ),
        (
            "        scored_by: outside\n        rule: {kind: survey_share}\n",
            "        rule: {kind: survey_share}\n",
            [
                "set.yaml:16:20: the 'appraisal' part declares 7 points, but the tree gives 8 "
                "[criteria.split-mismatch]",
                "set.yaml:16:31: the 'survey' part declares 3 points, but the tree gives 2 "
                "[criteria.split-mismatch]",
                "set.yaml:53:22: '2.2' uses survey_share: survey points are scored by the "
                "surveying body; write scored_by: outside on the item, or put it under 'survey' "
                "[criteria.survey-rule-in-field]",
            ],
        ),
        (
            "    key: procedures\n",
            "    key: procedures\n    scored_by: outside\n",
            [
                "set.yaml:43:16: the group '2' sits in a field, so the commune scores it "
                "(scored_by: commune): write scored_by: outside on each item the survey scores "
                "[criteria.field-outside]"
            ],
        ),
    ],
)
def test_survey_rows_in_the_set(old, new, expected):
    text = edit(SET, old, new)
    if expected is None:
        criteria_from_source(yamlsource.load_text(text, "set.yaml"))
    else:
        assert set_problems(text) == expected


# -- 5. classification conditions ----------------------------------------------------------


def test_discipline_at_warning_level_lowers_excellent_to_good_with_the_reason(folder):
    t = score(folder, edit(CO_TO, "discipline: none", "discipline: warning")).totals
    assert t.index == Decimal("100.00")
    assert t.band is not None and t.index_band is not None
    assert (t.band.vi, t.index_band.vi) == ("Tốt", "Xuất sắc")
    assert [r.code for r in t.band_limits] == ["band.limit-discipline"]
    assert t.band_limits[0].vi == (
        "có cán bộ, công chức bị kỷ luật hình thức cảnh cáo trong năm (từ cảnh cáo trở lên)"
    )


def test_a_reprimand_is_below_the_warning_level(folder):
    t = score(folder, edit(CO_TO, "discipline: none", "discipline: reprimand")).totals
    assert t.band is not None and t.band.vi == "Xuất sắc" and not t.lowered


def test_discipline_not_stated_is_not_assumed_clean(folder):
    text = edit(CO_TO, "facts: {discipline: none}\n", "")
    assert warnings(folder, text) == [
        "ev.yaml:3:1: warning: the set setlevel-2025 looks at discipline to class units: write "
        "facts: {discipline: ...} (none, reprimand, warning, demotion, dismissal); without it "
        "the unit cannot be Excellent [evidence.facts-missing]"
    ]
    t = score(folder, text).totals
    assert t.band is not None and t.band.vi == "Tốt"
    assert [r.code for r in t.band_limits] == ["band.limit-discipline-unknown"]


def test_a_field_under_its_minimum_refuses_good_and_better(folder):
    # 2.1: 90/300 × 3 = 0.90; field 2 = 0.90 + 1 = 1.90 of 4 = 47.50% < 50%
    # total 4 + 1.9 + 2 + 1 = 8.90: index 89.00 (Tốt) -> Khá. The discipline condition sits on
    # Xuất sắc, above the index's band: it does not apply.
    text = edit(CO_TO, "on_time: 300", "on_time: 90")
    text = edit(text, "discipline: none", "discipline: dismissal")
    result = score(folder, text)
    t = result.totals
    assert (t.index, t.band and t.band.vi, t.index_band and t.index_band.vi) == (
        Decimal("89.00"),
        "Khá",
        "Tốt",
    )
    assert [r.vi for r in t.band_limits] == [
        "lĩnh vực 2 “Cải cách thủ tục hành chính” đạt 47,50% số điểm, dưới 50%"
    ]


def test_exactly_the_minimum_is_not_under_it(folder):
    # 2.1: 100/300 × 3 = 1.00; field 2 = 2 of 4 = 50%: not below 50%
    t = score(folder, edit(CO_TO, "on_time: 300", "on_time: 100")).totals
    assert t.index == Decimal("90.00") and t.band is not None and t.band.vi == "Xuất sắc"


def test_a_condition_on_one_field_looks_at_that_field_only(folder):
    (folder / "setlevel-2025.yaml").write_text(
        edit(SET, "{field_below: 50}", '{field_below: 50, field: "1"}'), encoding="utf-8"
    )
    t = score(folder, edit(CO_TO, "on_time: 300", "on_time: 90")).totals
    assert t.band is not None and t.band.vi == "Tốt" and not t.lowered


def test_a_condition_on_the_lowest_band_leaves_no_band(folder):
    (folder / "setlevel-2025.yaml").write_text(
        edit(SET, "Weak}, below: 50}", "Weak}, below: 50, not_when: [{field_below: 50}]}"),
        encoding="utf-8",
    )
    t = score(folder, edit(CO_TO, "on_time: 300", "on_time: 90")).totals
    assert t.band is None and t.index_band is not None and t.index_band.vi == "Tốt"
    (folder / "ev.yaml").write_text(edit(CO_TO, "on_time: 300", "on_time: 90"), "utf-8")
    assert "Xếp loại: không xếp loại — chỉ số ở mức Tốt, nhưng lĩnh vực 2" in (
        run("evaluate", str(folder / "ev.yaml")).stdout
    )


def test_every_report_shows_the_band_with_its_reason(folder):
    (folder / "ev.yaml").write_text(
        edit(CO_TO, "discipline: none", "discipline: warning"), encoding="utf-8"
    )
    ev = str(folder / "ev.yaml")
    because = "vì có cán bộ, công chức bị kỷ luật hình thức cảnh cáo trong năm"
    table = " ".join(run("evaluate", ev).stdout.split())
    assert f"Chỉ số CCHC: 100,00% — Xếp loại: Tốt — không xếp Xuất sắc {because}" in table
    assert "Tổng điểm 11,00 vượt mức tối đa 10,00" in table
    assert (
        f"Tốt — không xếp Xuất sắc {because}" in run("evaluate", ev, "--format", "markdown").stdout
    )
    csv_en = run("evaluate", ev, "--format", "csv", "--lang", "en").stdout
    assert "Good — not Excellent: an official was disciplined during the year (warning" in csv_en
    data = json.loads(run("evaluate", ev, "--format", "json").stdout)
    assert data["format"] == "parscore-result/5"
    assert (
        data["totals"]["band"]["vi"] == "Tốt" and data["totals"]["index_band"]["vi"] == "Xuất sắc"
    )
    assert data["totals"]["uncapped_total"] == "11.00"
    UnitResult.model_validate_json(json.dumps(data))  # parses back
    plan = " ".join(run("plan", ev).stdout.split())
    assert f"xếp loại Tốt — không xếp Xuất sắc {because}" in plan
    for fmt in ("table", "markdown", "csv", "json", "html"):
        out = run("compare", ev, "--format", fmt, "--group-by", "province", "--no-cache").stdout
        shown = '"code": "band.limit-discipline"' if fmt == "json" else "Tốt — không xếp"
        assert shown in out, fmt


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "{discipline_at_least: warning}",
            "{discipline_at_least: warning, field_below: 50}",
            "set.yaml:23:9: each band condition (not_when) gives exactly one of "
            "discipline_at_least and field_below (field only with field_below) "
            "[criteria.condition-shape]",
        ),
        (
            "{discipline_at_least: warning}",
            '{discipline_at_least: warning, field: "1"}',
            "set.yaml:23:9: each band condition (not_when) gives exactly one of "
            "discipline_at_least and field_below (field only with field_below) "
            "[criteria.condition-shape]",
        ),
        (
            "{field_below: 50}",
            '{field_below: 50, field: "3"}',
            "set.yaml:28:34: '3' is not a field of the set; its fields: 1, 2 "
            "[criteria.condition-field]",
        ),
        (
            "{discipline_at_least: warning}",
            "{discipline_at_least: canh_cao}",
            "set.yaml:23:31: 'canh_cao' is not allowed: choose one of 'reprimand', 'warning', "
            "'demotion', 'dismissal' [value.choice]",
        ),
    ],
)
def test_band_conditions_are_checked_with_their_place(old, new, expected):
    assert set_problems(edit(SET, old, new)) == [expected]


# -- 9. the evidence window ----------------------------------------------------------------


def test_documents_inside_the_sets_window_are_fine(folder):
    # 20/12/2024 (from 15/12/N-1) and 15/01/2026 (to 31/01/N+1): no warning
    assert warnings(folder, CO_TO) == []


@pytest.mark.parametrize("date", ["14/12/2024", "01/02/2026"])
def test_documents_outside_the_window_are_warned_about(folder, date):
    text = edit(CO_TO, "date: 20/12/2024", f"date: {date}")
    assert warnings(folder, text) == [
        f"ev.yaml:14:45: warning: the document dated {date} is outside the evidence window of "
        "year 2025 (15/12/2024 to 31/01/2026) [evidence.document-year]"
    ]


def test_without_a_window_the_year_and_the_january_after_it_count(folder):
    (folder / "setlevel-2025.yaml").write_text(
        edit(SET, "evidence_window: {from: 15/12/N-1, to: 31/01/N+1}\n", ""), encoding="utf-8"
    )
    assert warnings(folder, CO_TO) == [
        "ev.yaml:14:45: warning: the document dated 20/12/2024 is outside the evidence window of "
        "year 2025 (01/01/2025 to 31/01/2026) [evidence.document-year]"
    ]


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        (
            "{from: 15/12/N-2, to: 31/01/N+1}",
            "set.yaml:18:25: '15/12/N-2' is not a date of the evidence window: write dd/mm/N, "
            "dd/mm/N-1 or dd/mm/N+1 (N is the assessment year), e.g. 31/01/N+1 "
            "[criteria.window-date]",
        ),
        (
            "{from: 15/12/N-1, to: 31/02/N+1}",
            "set.yaml:18:40: '31/02/N+1' is not a date of the evidence window: write dd/mm/N, "
            "dd/mm/N-1 or dd/mm/N+1 (N is the assessment year), e.g. 31/01/N+1 "
            "[criteria.window-date]",
        ),
        (
            "{from: 01/02/N+1, to: 31/01/N+1}",
            "set.yaml:18:18: the evidence window starts (01/02/N+1) after it ends (31/01/N+1) "
            "[criteria.window-order]",
        ),
    ],
)
def test_the_window_is_checked_with_its_place(window, expected):
    text = edit(SET, "{from: 15/12/N-1, to: 31/01/N+1}", window)
    assert set_problems(text) == [expected]


# -- 10. the units that exist now ----------------------------------------------------------


def test_dac_khu_is_a_unit_from_2025(folder):
    assert score(folder).unit.kind == "đặc khu"


def test_dac_khu_before_2025_is_refused(folder):
    (folder / "setlevel-2025.yaml").write_text(edit(SET, "year: 2025", "year: 2024"), "utf-8")
    found = problems(folder, edit(CO_TO, "year: 2025", "year: 2024"))
    assert [p for p in found if "kind" in p] == [
        "ev.yaml:5:9: 'đặc khu' units exist only since 1 July 2025: the assessment year 2024 is "
        "of the units before the reform (xã, phường, thị trấn) [evidence.kind-not-yet]"
    ]


@pytest.mark.parametrize("kind", ["thị trấn", "huyện", "thị xã", "thành phố"])
def test_thi_tran_and_districts_are_gone_from_2025(folder, kind):
    assert problems(folder, edit(CO_TO, "kind: đặc khu", f"kind: {kind}")) == [
        f"ev.yaml:5:9: there is no '{kind}' since 1 July 2025: from the assessment year 2025, "
        "a commune-level unit is a xã, phường or đặc khu [evidence.kind-gone]"
    ]


def test_a_district_named_from_2025_is_the_former_district(folder):
    text = edit(CO_TO, "  parents:\n", "  parents:\n    - {level: district, name: Cô Tô}\n")
    assert warnings(folder, text) == [
        "ev.yaml:7:31: warning: districts ended on 1 July 2025: 'Cô Tô' is read as the former "
        "district [evidence.former-district]"
    ]
    (folder / "ev.yaml").write_text(text, encoding="utf-8")
    out = run("compare", str(folder / "ev.yaml"), "--group-by", "district", "--no-cache")
    assert out.exit_code == 0 and "Cô Tô" in out.stdout


def test_template_kinds_follow_the_reform(tmp_path):
    out = run(
        "template", "--criteria", str(DATA / "setlevel-2025.yaml"), "--unit", "Cô Tô",
        "--kind", "đặc khu", "--output", str(tmp_path / "t.yaml"),
    )  # fmt: skip
    assert out.exit_code == 0, out.stderr
    assert 'kind: "đặc khu"' in (tmp_path / "t.yaml").read_text(encoding="utf-8")


def test_the_template_asks_for_the_facts_the_bands_read(folder):
    cs = criteria_from_source(yamlsource.load_text(SET, "set.yaml"))
    text = render_template(cs, UnitInfo(name="Cô Tô", kind="đặc khu"), "en")
    assert "\nfacts:\n  discipline:  # the heaviest discipline of an official" in text
    plain = edit(SET, "      - {discipline_at_least: warning}\n", "      - {field_below: 40}\n")
    cs = criteria_from_source(yamlsource.load_text(plain, "set.yaml"))
    assert "facts:" not in render_template(cs, UnitInfo(name="Cô Tô", kind="xã"), "en")


def test_criteria_show_states_the_set_level_forms():
    out = " ".join(run("criteria", "show", str(DATA / "setlevel-2025.yaml")).stdout.split())
    assert (
        "Xuất sắc từ 90 trở lên (không xếp loại này trở lên khi có cán bộ, công chức bị kỷ luật "
        "từ cảnh cáo trở lên); Tốt từ 80 đến dưới 90 (không xếp loại này trở lên khi có lĩnh vực "
        "đạt dưới 50%)"
    ) in out
    assert "Tài liệu kiểm chứng của năm N: ngày từ 15/12/N-1 đến 31/01/N+1" in out
    assert "Tổng điểm không vượt quá mức tối đa, kể cả điểm thưởng (cap_total)" in out


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("discipline: none", "discipline: none"),
        ("discipline: none", "discipline: warning"),
        ("on_time: 300", "on_time: 90"),
        ('  "2.2": {satisfied: 50, responses: 50}\n', ""),
    ],
)
def test_the_comparisons_fast_scorer_gives_the_same_totals(folder, old, new):
    prepared = checked(folder, edit(CO_TO, old, new))
    assert fast_score(prepared).totals == evaluate(prepared).totals


@pytest.mark.parametrize(
    ("kind", "year", "expected"),
    [
        ("thị trấn", "2025", "there is no 'thị trấn' since 1 July 2025"),
        ("đặc khu", "2024", "'đặc khu' units exist only since 1 July 2025"),
    ],
)
def test_template_refuses_a_kind_the_year_does_not_have(tmp_path, kind, year, expected):
    out = run(
        "--lang", "en", "template", "--criteria", str(DATA / "setlevel-2025.yaml"),
        "--unit", "Cô Tô", "--kind", kind, "--year", year, "--output", str(tmp_path / "t.yaml"),
    )  # fmt: skip
    assert out.exit_code == 2 and expected in out.stderr
    assert not (tmp_path / "t.yaml").exists()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    on_time=st.integers(0, 300),
    discipline=st.sampled_from(["none", "reprimand", "warning", "demotion", "dismissal"]),
    satisfied=st.integers(0, 50),
)
def test_conditions_only_ever_lower_the_band(folder, on_time, discipline, satisfied):
    text = edit(CO_TO, "on_time: 300", f"on_time: {on_time}")
    text = edit(text, "discipline: none", f"discipline: {discipline}")
    text = edit(text, "satisfied: 50,", f"satisfied: {satisfied},")
    t = score(folder, text).totals
    names = ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu", None]
    got = names.index(t.band.vi if t.band else None)
    by_index = names.index((t.index_band or t.band).vi if (t.index_band or t.band) else None)
    assert got >= by_index  # never better than the index's band
    assert (got > by_index) == bool(t.band_limits)
    assert t.appraisal + t.survey + t.bonus - t.penalty == (t.uncapped_total or t.total)


def test_a_comparison_says_which_totals_the_set_capped(folder, monkeypatch):
    """A ranking row keeps the total before the cap, as the result does (JSON and CSV)."""
    import json

    monkeypatch.chdir(folder)
    (folder / "co-to.yaml").write_text(CO_TO, encoding="utf-8")
    data = json.loads(run("compare", "co-to.yaml", "--no-cache", "--format", "json").stdout)
    (row,) = [r for g in data["groups"] for r in g["ranking"]]
    assert (row["total"], row["uncapped_total"], row["index"]) == ("10.00", "11.00", "100.00")
    csv = run("compare", "co-to.yaml", "--no-cache", "--format", "csv").stdout.splitlines()
    header, line = csv[0].split(","), csv[1].split(",")
    assert line[header.index("uncapped_total")] == "11.00"


def test_the_report_shows_the_split_by_who_scores_each_row(folder, monkeypatch):
    """The text report gives the appraisal and survey points as the split counts them: the
    survey's maximum there is its branch's plus the survey rows inside fields."""
    monkeypatch.chdir(folder)
    (folder / "co-to.yaml").write_text(CO_TO, encoding="utf-8")
    out = run("evaluate", "co-to.yaml", "--lang", "en").stdout
    cs = CriteriaResolver().load(str(folder / "setlevel-2025.yaml"))
    inside = sum(
        (n.max for f in cs.fields for n in f.walk() if n.is_leaf and n.scored_by == "outside"),
        Decimal(0),
    )
    assert inside > 0 and cs.survey is not None
    survey_max = f"{cs.survey.max + inside:.2f}"
    appraisal_max = f"{sum((f.max for f in cs.fields), Decimal(0)) - inside:.2f}"
    line = next(row for row in out.splitlines() if row.startswith("Appraised criteria:"))
    assert line.endswith(f"/{survey_max}") and f"/{appraisal_max} — Survey:" in line
