"""parscore review: each kind of finding on a crafted file (tests/data/review/), its place and
its points at stake computed by hand; the calendar and document types as data; the command
line's formats and exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from parscore.calendar_vn import document_type, holiday, holiday_years, is_numbered
from parscore.cli import main
from parscore.errors import InputError
from parscore.loading import load_criteria
from parscore.model.review import Review
from parscore.review import ReviewRun, review_paths

DATA = Path(__file__).parent / "data" / "review"
LAST = Path(__file__).parent / "data" / "review-last"
D = Decimal


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def planted() -> Review:
    return review_paths(
        [DATA / "other.yaml", DATA / "planted.yaml", DATA / "clean.yaml"], previous=[LAST]
    ).review


def _found(review: Review) -> list[tuple[str, str, int, int, Decimal]]:
    return [(f.kind, Path(f.file).name, f.line, f.column, f.stake) for f in review.findings]


def test_every_planted_finding_with_its_place_and_stake(planted):
    # hand-computed: 2.1 = 90/100 × 3 = 2.70 (claimed 3); 2.2 = 100/120 × 2 = 1.67;
    # 1.1 met = 1; 1.2 claimed 2 with nothing = 0 (missing); bonus 0.5: total 5.87 of 8,
    # index 73.38. In 2022: 2.1 = 10/100 × 3 = 0.30, the rest 0: index 3.75.
    assert _found(planted) == [
        ("jump-index", "planted.yaml", 3, 7, D("5.57")),  # 5.87 - 0.30
        ("figures-disagree", "planted.yaml", 22, 14, D("4.67")),  # 2.1's 3 claimed + 2.2's 1.67
        ("jump-field", "planted.yaml", 14, 3, D("4.07")),  # field 2: 4.37 - 0.30
        ("date-after-assessment", "planted.yaml", 19, 36, D(3)),  # 10/12 after 05/12
        ("date-sunday", "planted.yaml", 19, 36, D(3)),  # 10/12/2023 is a Sunday
        ("no-evidence", "planted.yaml", 12, 3, D(2)),  # 1.2: claimed 2, nothing given
        ("number-conflict", "planted.yaml", 24, 36, D("1.67")),  # 50/BC-UBND: 10/12, then 01/12
        ("date-outside-window", "planted.yaml", 25, 36, D("1.67")),  # 03/12/2022
        ("document-type", "planted.yaml", 11, 18, D(1)),  # a report (BC) where KH is required
        ("date-holiday", "planted.yaml", 11, 37, D(1)),  # 22/01/2023: mùng 1 Tết Quý Mão
        ("claim-above", "planted.yaml", 17, 14, D("0.30")),  # 3 claimed, 2.70 computed
        # a title alone differing is ranked after the rest: 7/QĐ-UBND, another title
        ("number-conflict", "planted.yaml", 28, 86, D("0.50")),
    ]


def test_reasons_say_why(planted):
    by_kind = {f.kind: f for f in planted.findings}
    assert by_kind["claim-above"].reason.en == "3 points claimed on 2.1; the evidence gives 2.70"
    assert by_kind["document-type"].reason.vi == (
        "tài liệu số 168/BC-UBND là báo cáo (BC); tiêu chí 1.1 cần tài liệu loại: KH"
    )
    assert by_kind["date-holiday"].reason.en == (
        "dated 22/01/2023, a day off: Lunar New Year (Tết)"
    )
    assert by_kind["figures-disagree"].reason.en == (
        "figures that must be equal (Dossiers settled) differ: 2.1.settled = 100; 2.2.settled = 120"
    )
    assert by_kind["jump-index"].reason.en == (
        "the index rose 69.63 points over 2022 (3.75 to 73.38), above the threshold 15"
    )
    titled = [f for f in planted.findings if f.reason.code == "review.number-title"]
    assert titled[0].reason.en.startswith("document 7/QĐ-UBND titled 'Quyết định công nhận")
    assert "other.yaml:9" in titled[0].reason.en  # where the other citation is


def test_a_clean_file_has_nothing_to_find():
    review = review_paths([DATA / "clean.yaml"]).review
    assert review.findings == []
    assert review.files == [str(DATA / "clean.yaml")]


def test_a_higher_threshold_keeps_the_jump_out():
    review = review_paths([DATA / "planted.yaml"], previous=[LAST], threshold=D(70)).review
    assert "jump-index" not in {f.kind for f in review.findings}
    assert "jump-field" in {f.kind for f in review.findings}  # fields have their own bound


def test_without_last_year_no_jump():
    review = review_paths([DATA / "planted.yaml"]).review
    assert not {"jump-index", "jump-field"} & {f.kind for f in review.findings}


# --- the calendar and document numbers, as data -----------------------------------------------

# mùng 1 Tết by year, as the published calendars give it
TET = {
    2016: dt.date(2016, 2, 8),
    2017: dt.date(2017, 1, 28),
    2018: dt.date(2018, 2, 16),
    2019: dt.date(2019, 2, 5),
    2020: dt.date(2020, 1, 25),
    2021: dt.date(2021, 2, 12),
    2022: dt.date(2022, 2, 1),
    2023: dt.date(2023, 1, 22),
    2024: dt.date(2024, 2, 10),
    2025: dt.date(2025, 1, 29),
    2026: dt.date(2026, 2, 17),
}


def test_the_holidays_cover_2016_to_2026_with_tet_each_year():
    assert holiday_years() == list(range(2016, 2027))
    for day in TET.values():
        assert holiday(day) == "tet"


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (dt.date(2023, 1, 2), "day-off"),  # 1/1/2023 a Sunday: the Monday off
        (dt.date(2023, 4, 29), "hung-kings"),  # 10/3 âm lịch Quý Mão
        (dt.date(2023, 5, 1), "labour"),
        (dt.date(2023, 9, 2), "national"),
        (dt.date(2024, 4, 18), "hung-kings"),
        (dt.date(2023, 12, 4), None),  # a Monday
        (dt.date(2030, 1, 1), None),  # not covered
    ],
)
def test_holiday(day, kind):
    assert holiday(day) == kind


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        ("10/KH-UBND", "KH"),
        ("168/BC-UBND", "BC"),
        ("142/QĐ-UBND", "QĐ"),
        ("05/2023/QĐ-UBND", "QĐ"),
        ("88/TTr-UBND", "TTr"),
        ("123/UBND-VP", "CV"),
        ("Sổ theo dõi", None),
        ("", None),
    ],
)
def test_document_type(number, kind):
    assert document_type(number) == kind


@pytest.mark.parametrize(
    ("number", "numbered"),
    [
        ("10/KH-UBND", True),
        ("05/2023/QĐ-UBND", True),
        ("123/UBND-VP", True),
        ("7a/BC-UBND", True),
        ("KH-UBND số 10", False),
        ("BC 45/UBND", False),
        ("10-KH/UBND", False),
        ("10/2023", False),
        ("Sổ theo dõi", False),
    ],
)
def test_a_number_in_the_form_number_symbol(number, numbered):
    assert is_numbered(number) is numbered


def test_a_number_typed_another_way_is_found(tmp_path):
    text = (EVIDENCE / "vinh-chap-2023.yaml").read_text(encoding="utf-8")
    first = text.index('number: "', text.index('"1.1.1":')) + len('number: "')
    end = text.index('"', first)
    wrong = text[:first] + "KH-UBND số 10" + text[end:]
    path = tmp_path / "vc.yaml"
    path.write_text(wrong, encoding="utf-8")
    found = [f for f in review_paths([path]).review.findings if f.kind == "number-form"]
    assert [(f.item, f.line, f.reason.args["number"]) for f in found] == [
        ("1.1.1", text[:first].count("\n") + 1, "KH-UBND số 10")
    ]
    assert not [
        f
        for f in review_paths([EVIDENCE / "vinh-chap-2023.yaml"]).review.findings
        if f.kind == "number-form"
    ]


def test_the_reference_set_says_which_documents_and_figures():
    cs = load_criteria("ref-commune-2023")
    assert cs.node_map["1.1.4"].document_types == ["BC"]
    assert cs.node_map["1.5"].document_types == ["QĐ"]
    assert [a.inputs for a in cs.agree] == [
        ["3.2.settled", "3.5.settled"],
        ["7.3.with_fees", "3.4.received"],
    ]


def test_an_agreement_naming_an_unknown_input_is_refused_with_its_place(tmp_path):
    text = (DATA / "set.yaml").read_text("utf-8").replace('"2.2.settled"', '"2.2.setled"')
    bad = tmp_path / "set.yaml"
    bad.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        load_criteria(str(bad))
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column) == ("criteria.agree-input", 17, 29)
    assert problem.message("en") == (
        "'2.2.setled' is not an input of a scored item; that item's inputs: "
        "2.2.digitised, 2.2.settled, 2.2.percent"
    )


# --- the command line ---------------------------------------------------------------------


def test_exit_code_is_0_whatever_was_found_and_1_with_strict():
    planted = str(DATA / "planted.yaml")
    assert run("review", planted).exit_code == 0
    assert run("review", planted, "--strict").exit_code == 1
    assert run("review", str(DATA / "clean.yaml"), "--strict").exit_code == 0


def test_skip_a_kind_and_refuse_an_unknown_one():
    result = run("review", str(DATA / "planted.yaml"), "--format", "json", "--skip", "date-sunday")
    kinds = {f["kind"] for f in json.loads(result.stdout)["findings"]}
    assert "date-sunday" not in kinds and "claim-above" in kinds
    bad = run("review", str(DATA / "planted.yaml"), "--skip", "sunday", "--lang", "en")
    assert bad.exit_code == 2
    assert "'sunday' is not a kind of finding" in bad.stderr


def test_json_parses_back_and_numbers_are_strings():
    result = run("review", str(DATA / "planted.yaml"), "--format", "json")
    assert result.exit_code == 0
    review = Review.model_validate_json(result.stdout)
    data = json.loads(result.stdout)
    assert data["format"] == "parscore-review/1"
    assert data["findings"][0]["stake"] == "4.67"
    assert review.findings[0].kind == "figures-disagree"


def test_csv_columns_and_table_width():
    result = run("review", str(DATA / "planted.yaml"), "--format", "csv", "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[0] == "rank,stake,kind,file,line,column,cell,unit,item,code,why"
    assert lines[1].startswith("1,4.67,figures-disagree,")
    table = run("review", str(DATA / "planted.yaml"), "--lang", "en").stdout
    assert max(len(line) for line in table.splitlines()) <= 100
    assert "Where to look first — 1 file, 9 findings" in table


def test_a_file_with_problems_is_left_out_and_the_others_reviewed(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("unit: {name: X, kind: xã}\nyear: 2023\ncriteria: nowhere.yaml\n", "utf-8")
    result = run("review", str(bad), str(DATA / "planted.yaml"), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["left_out"] == [str(bad)]
    assert data["findings"]


def test_the_shipped_example_s_planted_claims_are_found():
    # evidence/vinh-chap-2023.yaml's header: 1.1.1 late plan (0.5, claimed 1), 1.1.4 exactly 90%
    # (0.75, claimed 1.5), 3.1 96/98 × 2 = 1.96 (claimed 2)
    path = Path(__file__).parent.parent / "evidence" / "vinh-chap-2023.yaml"
    review = review_paths([path]).review
    claims = {(f.item, f.stake) for f in review.findings if f.kind == "claim-above"}
    assert claims == {("1.1.1", D("0.50")), ("1.1.4", D("0.75")), ("3.1", D("0.04"))}
    # 1.5 cites a submission (88/TTr-UBND) where a decision recognising the initiative is needed
    assert any(f.kind == "document-type" and f.item == "1.5" for f in review.findings)


def test_last_year_as_a_json_result(tmp_path):
    last = tmp_path / "planted-2022.json"
    written = run("evaluate", str(LAST / "planted-2022.yaml"), "--format", "json", "-o", str(last))
    assert written.exit_code == 0, written.stderr
    review = review_paths([DATA / "planted.yaml"], previous=[last]).review
    jump = next(f for f in review.findings if f.kind == "jump-index")
    assert jump.stake == D("5.57")
    not_a_result = tmp_path / "x.json"
    not_a_result.write_text("{}", "utf-8")
    result = run(
        "review", str(DATA / "planted.yaml"), "--previous", str(not_a_result), "--lang", "en"
    )
    assert result.exit_code == 1  # left out, as a file of this year would be
    assert (
        f"{not_a_result}: not a result written by parscore evaluate --format json" in result.stderr
    )


def test_a_previous_that_gives_nothing_to_compare_with_is_said(tmp_path):
    """An empty folder, or last year's files of other units, checked no rise: said, so that no
    finding of a rise is not read as no rise (the review still runs: exit 0)."""

    def codes(run: ReviewRun) -> list[str]:
        return [p.code for p in run.problems]

    empty = tmp_path / "empty"
    empty.mkdir()
    assert "review.previous-none" in codes(review_paths([DATA / "planted.yaml"], previous=[empty]))
    other = review_paths([DATA / "planted.yaml"], previous=[DATA / "clean.yaml"])
    assert "review.previous-unmatched" in codes(other)
    matched = review_paths([DATA / "planted.yaml"], previous=[LAST])
    assert not {"review.previous-none", "review.previous-unmatched"} & set(codes(matched))
    result = run("review", str(DATA / "planted.yaml"), "--previous", str(empty), "--lang", "en")
    assert result.exit_code == 0
    assert f"{empty}: warning: no result of last year could be read here" in result.stderr


def test_a_number_of_another_year_is_another_document(tmp_path):
    # numbers start again every 1 January: 50/BC-UBND of 2023 and of January 2024 differ
    text = (
        (DATA / "planted.yaml")
        .read_text("utf-8")
        .replace("01/12/2023, issuer", "15/01/2024, issuer")
    )
    (tmp_path / "set.yaml").write_text((DATA / "set.yaml").read_text("utf-8"), "utf-8")
    path = tmp_path / "planted.yaml"
    path.write_text(text, "utf-8")
    review = review_paths([path]).review
    assert "number-conflict" not in {f.kind for f in review.findings}


def test_the_json_follows_its_schema():
    import jsonschema

    from parscore.schemas import schema

    result = run("review", str(DATA), "--format", "json", "--previous", str(LAST))
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema("review"))
    assert schema("review")["title"] == "parscore review (review --format json)"


def test_a_workbook_and_a_commune_folder_are_reviewed_with_their_places():
    # the shipped example in its two other forms: the same findings, each placed where the
    # clerk typed it (the workbook's sheet and cell, the office file and its line)
    root = Path(__file__).parent.parent
    examples = root / "examples"
    as_yaml = run("review", str(root / "evidence/vinh-chap-2023.yaml"), "--format", "csv").stdout
    as_book = run("review", str(examples / "vinh-chap-2023.xlsx"), "--format", "csv").stdout
    as_folder = run("review", str(examples / "vinh-chap-2023"), "--format", "csv").stdout
    rows = [list(csv.reader(io.StringIO(text)))[1:] for text in (as_yaml, as_book, as_folder)]
    assert len(rows[0]) > 0 and len(rows[0]) == len(rows[1]) == len(rows[2])
    kinds = [sorted((r[1], r[2], r[8]) for r in found) for found in rows]
    assert kinds[0] == kinds[1] == kinds[2]  # stake, kind, item
    assert all(r[6].startswith("Chấm điểm!") and r[4] != "0" for r in rows[1])
    offices = {Path(r[3]).name for r in rows[2]}
    assert all(Path(r[3]).parent.name == "vinh-chap-2023" for r in rows[2])
    assert offices - {"commune.yaml"} and "bo-phan-mot-cua.yaml" in offices


def test_an_appraisal_file_named_is_refused_and_one_found_in_a_folder_is_left_alone(tmp_path):
    appraisal = Path(__file__).parent.parent / "appraisal"
    named = run("review", str(appraisal / "vinh-chap-2023.yaml"), "--lang", "en")
    assert named.exit_code == 2
    assert "vinh-chap-2023.yaml is an appraisal or explanation file" in named.stderr
    found = run("review", str(appraisal), "--format", "json")
    assert found.exit_code == 0 and json.loads(found.stdout)["files"] == []


def test_yaml_findings_have_no_cell_in_json():
    result = run("review", str(DATA / "planted.yaml"), "--format", "json")
    cells = {f["cell"] for f in json.loads(result.stdout)["findings"]}
    assert cells == {None}  # docs and schema: a workbook's Sheet!F14, else null


def test_a_missing_file_alone_is_bad_input_as_in_compare(tmp_path):
    missing = tmp_path / "nonexist.yaml"
    for command in ("review", "compare"):
        result = run(command, str(missing), "--lang", "en")
        assert result.exit_code == 2, command
        assert f"{missing}: no such file [file.not-found]" in result.stderr
    # beside a file that is reviewed, it is a file left out
    assert run("review", str(missing), str(DATA / "planted.yaml")).exit_code == 1


def test_a_survey_table_is_skipped_in_a_folder_and_refused_by_name(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    root = Path(__file__).parent.parent
    folder = tmp_path / "tinh"
    folder.mkdir()
    (folder / "set.yaml").write_text((DATA / "set.yaml").read_text("utf-8"), "utf-8")
    (folder / "planted.yaml").write_text((DATA / "planted.yaml").read_text("utf-8"), "utf-8")
    book = openpyxl.Workbook()
    book.active.append(["ma_don_vi", "S.1"])
    book.active.append(["20638", "148/200"])
    book.save(folder / "khao-sat.xlsx")
    table = folder / "khao-sat.csv"
    table.write_text((root / "evidence" / "khao-sat-2023.csv").read_text("utf-8"), "utf-8")
    result = run("review", str(folder), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["files"] == [str(folder / "planted.yaml")]
    for command in ("review", "compare"):
        named = run(command, str(table), "--lang", "en")
        assert named.exit_code == 2, command
        assert (
            f"error: {table} is a CSV file, not a commune's evidence: a province's survey table "
            "goes to --survey (evaluate, compare)"
        ) in named.stderr


EVIDENCE = Path(__file__).parent.parent / "evidence"


def _ho_xa(tmp_path: Path, old: str, new: str) -> Path:
    """The shipped Hồ Xá file with one change (its set is the built-in reference set)."""
    text = (EVIDENCE / "ho-xa-2023.yaml").read_text("utf-8")
    assert old in text
    path = tmp_path / "ho-xa-2023.yaml"
    path.write_text(text.replace(old, new), "utf-8")
    return path


def test_one_date_finding_per_date_naming_every_item_with_their_stakes_summed(tmp_path):
    review = review_paths([EVIDENCE / "ho-xa-2023.yaml"]).review
    late = [
        (f.line, f.item, f.stake, f.reason.args["date"])
        for f in review.findings
        if f.kind == "date-after-assessment"
    ]
    # assessed 08/12/2023; the stakes are the items' claims: 3.2 4.97, 3.3 1, 3.4 3, 3.5 2,
    # 3.6 2, 7.2 2 (249/BC-UBND of 11/12) and 7.1 3, 7.3 2, 7.4 2.66, 7.5 2 (251/BC-UBND of 12/12)
    assert late == [
        (152, "3.2, 3.3, 3.4, 3.5, 3.6, 7.2", D("14.97"), "2023-12-11"),
        (274, "7.1, 7.3, 7.4, 7.5", D("9.66"), "2023-12-12"),
        (324, "8.2", D(2), "2023-12-14"),
        (265, "6.4", D(1), "2023-12-13"),
    ]
    # a Sunday typed as an input (q1, line 68) and on its report (line 73): one finding
    path = _ho_xa(tmp_path, "08/03/2023", "05/03/2023")
    sundays = [
        (f.line, f.item, f.stake)
        for f in review_paths([path]).review.findings
        if f.kind == "date-sunday"
    ]
    assert sundays == [(68, "1.2.1", D(1))]


def _conflicts(path: Path) -> list[tuple[int, str | None, Decimal, str]]:
    return [
        (f.line, f.item, f.stake, f.reason.en)
        for f in review_paths([path]).review.findings
        if f.kind == "number-conflict"
    ]


def test_the_citation_that_differs_is_flagged_naming_every_other(tmp_path):
    # 06/KH-UBND is cited by 1.1.1 (line 44), 1.1.2 (51) and 1.1.3 (57): only 1.1.1 mistyped
    plan = 'date: "17/01/2023", issuer: "UBND thị trấn Hồ Xá", title: "Kế hoạch cải cách hành '
    plan += 'chính thị trấn Hồ Xá năm 2023"}'
    path = _ho_xa(tmp_path, plan, plan.replace("17/01", "18/01"))
    p = str(path)
    title = (
        f"document 3398/QĐ-UBND titled 'Quyết định công nhận sáng kiến cấp huyện năm 2023' "
        f"({p}:356); cited as 'Quyết định công nhận sáng kiến 'Trả kết quả TTHC qua dịch vụ "
        f"bưu chính tại nhà cho người cao tuổi'' ({p}:109)"
    )
    assert _conflicts(path) == [
        (
            44,
            "1.1.1",
            D(1),  # 1.1.1's claim
            f"document 06/KH-UBND dated 18/01/2023 ({p}:44); cited as of 17/01/2023 ({p}:51, "
            f"{p}:57)",
        ),
        (356, "bonus", D("0.50"), title),  # a title alone: ranked after the rest
    ]
    # another date and another title: both said
    path = _ho_xa(
        tmp_path, plan, plan.replace("17/01", "18/01").replace("cải cách hành chính", "kiểm tra")
    )
    assert _conflicts(path)[0][3] == (
        f"document 06/KH-UBND dated 18/01/2023 ({p}:44), titled 'Kế hoạch kiểm tra thị trấn Hồ "
        f"Xá năm 2023' (elsewhere: 'Kế hoạch cải cách hành chính thị trấn Hồ Xá năm 2023'); "
        f"cited as of 17/01/2023 ({p}:51, {p}:57)"
    )


def test_a_plain_d_and_a_spelled_out_issuer_are_the_same_document(tmp_path):
    old = '{number: "3398/QĐ-UBND", date: "18/10/2023", issuer: "UBND huyện Vĩnh Linh", title: "'
    old += "Quyết định công nhận sáng kiến cấp"
    new = '{number: "3398/QD-UBND", date: "19/10/2023", issuer: "Ủy ban nhân dân huyện Vĩnh Linh"'
    new += ', title: "Quyết định công nhận sáng kiến cấp'
    path = _ho_xa(tmp_path, old, new)
    (line, item, stake, why), *_ = _conflicts(path)
    # 1-1 tie: the first cited (1.5, line 109) is taken as the document's date
    assert (line, item, stake) == (356, "bonus", D("0.50"))
    assert why.startswith("document 3398/QD-UBND dated 19/10/2023")
    assert document_type("142/QD-UBND") == "QĐ" and document_type("05/HD-UBND") == "HD"


def test_each_tet_break_is_listed_whole_weekends_included():
    # a Saturday or Sunday next to a day of the Tết break is a day of it (the header's rule):
    # 2025's break was 25/01 (Saturday) to 02/02 (Sunday)
    days = [dt.date(2025, 1, 25) + dt.timedelta(days=n) for n in range(9)]
    assert [holiday(d) for d in days] == ["tet"] * 9
    assert holiday(dt.date(2025, 1, 24)) is None and holiday(dt.date(2025, 2, 3)) is None
    for year in holiday_years():
        tet = sorted(d for d in _days_off(year) if holiday(d) == "tet")
        before, after = tet[0] - dt.timedelta(days=1), tet[-1] + dt.timedelta(days=1)
        assert before.weekday() < 5 and after.weekday() < 5, year  # nothing left out
        assert tet == [tet[0] + dt.timedelta(days=n) for n in range(len(tet))], year


def _days_off(year: int) -> list[dt.date]:
    start = dt.date(year, 1, 1)
    return [
        start + dt.timedelta(days=n)
        for n in range(366)
        if (start + dt.timedelta(days=n)).year == year
    ]


def test_a_jump_over_a_set_of_another_maximum_is_counted_on_the_index(tmp_path):
    last = tmp_path / "planted-2022.json"
    written = run("evaluate", str(LAST / "planted-2022.yaml"), "--format", "json", "-o", str(last))
    assert written.exit_code == 0, written.stderr
    data = json.loads(last.read_text("utf-8"))
    # last year's set twice as large: 0.60 of 16 is the same index, 3.75
    data["totals"].update(total="0.60", max="16.00", applicable_max="16.00")
    for f in data["fields"]:
        f.update(points=str(D(f["points"]) * 2), applicable_max=str(D(f["applicable_max"]) * 2))
    last.write_text(json.dumps(data), "utf-8")
    review = review_paths([DATA / "planted.yaml"], previous=[last]).review
    stakes = {f.kind: f.stake for f in review.findings if f.kind.startswith("jump")}
    # 5.87 − 3.75% of this year's 8 = 5.87 − 0.30; field 2: 4.37 − 0.60 × 4/8 = 4.07
    assert stakes == {"jump-index": D("5.57"), "jump-field": D("4.07")}


def test_the_shipped_examples_plant_a_date_conflict():
    # evidence/que-minh-2023.yaml's header: 3.6 cites 189/BC-UBND as of 12/11/2023, the five
    # other citations as of 11/12/2023; its stake is 3.6's claim, 1.5 (computed 3/4 × 2 = 1.50)
    review = review_paths([EVIDENCE / "que-minh-2023.yaml"]).review
    found = [(f.item, f.stake) for f in review.findings if f.kind == "number-conflict"]
    assert found == [("3.6", D("1.50"))]


def test_the_shipped_examples_plant_figures_that_disagree():
    # evidence/ho-xa-2023.yaml's header: 3.5 settled 2865, 3.2 settled 2856; the stake is the
    # two items' claims, 3.2's 4.97 + 3.5's 2 (1950/2865 is still above 60%: its full 2 points)
    review = review_paths([EVIDENCE / "ho-xa-2023.yaml"]).review
    found = [(f.item, f.line, f.stake) for f in review.findings if f.kind == "figures-disagree"]
    assert found == [("3.5", 171, D("6.97"))]
