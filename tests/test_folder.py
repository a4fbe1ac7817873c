"""One commune as a folder of office files: written by the template, merged into one file's
evidence, conflicts named at both places, compared as one commune, shipped as an example."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from parscore.cli import main
from parscore.convert import converted
from parscore.engine import evaluate
from parscore.errors import InputError
from parscore.loading import CriteriaResolver, load_criteria, load_evidence

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "evidence" / "vinh-chap-2023.yaml"
SHIPPED = ROOT / "examples" / "vinh-chap-2023"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*args, "--lang", "en"])
    return result.exit_code, result.stdout, result.stderr


def test_the_template_writes_one_file_per_lead_office(tmp_path: Path) -> None:
    folder = tmp_path / "vinh-chap-2024"
    code, _, _ = _run(
        "template",
        "--criteria",
        "ref-commune-2023",
        "--unit",
        "Vĩnh Chấp",
        "--year",
        "2024",
        "--folder",
        "-o",
        str(folder),
    )
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "bo-phan-mot-cua.yaml",
        "commune.yaml",
        "cong-chuc-tai-chinh-ke-toan.yaml",
        "cong-chuc-tu-phap-ho-tich.yaml",
        "cong-chuc-van-hoa-xa-hoi.yaml",
        "so-noi-vu-don-vi-dieu-tra.yaml",
        "van-phong-hdnd-va-ubnd.yaml",
    ]
    justice = (folder / "cong-chuc-tu-phap-ho-tich.yaml").read_text("utf-8")
    ids = [line.strip()[1:-2] for line in justice.splitlines() if line.startswith('  "')]
    # the sub-criteria the set gives to the justice officer (criteria/ref-commune-2023.yaml)
    assert ids == ["2.1", "2.2", "2.3", "3.1", "3.6"]
    assert "year: 2024" in justice and "criteria:" not in justice
    # unfilled, the folder is one commune with everything missing, per office
    code, out, _ = _run("evaluate", str(folder), "--standing", "--format", "csv")
    assert code == 0
    # its 5 sub-criteria, none filled; at stake their maxima: 3 + 2 + 1 + 2 + 2
    assert "Công chức Tư pháp – Hộ tịch,5,0,5,0,0,10.00,2.1 2.2 2.3 3.1 3.6,,\n" in out
    # a second time without --force: refused, nothing changed
    code, _, err = _run(
        "template", "--criteria", "ref-commune-2023", "--unit", "X", "--folder", "-o", str(folder)
    )
    assert code == 2 and "commune.yaml" in err
    assert (folder / "cong-chuc-tu-phap-ho-tich.yaml").read_text("utf-8") == justice


def test_a_folder_scores_as_the_single_file() -> None:
    resolver = CriteriaResolver()
    single = evaluate(load_evidence(EXAMPLE, resolver))
    folder = evaluate(load_evidence(SHIPPED, resolver))
    assert folder.totals == single.totals
    assert [n.points for f in folder.fields for n in f.walk()] == [
        n.points for f in single.fields for n in f.walk()
    ]


def test_the_shipped_folder_is_the_example_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    files = converted(
        Path("evidence/vinh-chap-2023.yaml"),
        Path("examples/vinh-chap-2023"),
        "folder",
        CriteriaResolver(),
        "vi",
    )
    assert {p.name: data for p, data in files.items()} == {
        p.name: p.read_bytes() for p in SHIPPED.iterdir()
    }


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "vc"
    shutil.copytree(SHIPPED, target)
    return target


def _problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_evidence(path)
    return [p.format("en", show_source=False) for p in info.value.problems]


def test_an_under_indented_key_in_an_office_file_is_said_as_in_one_file(folder: Path) -> None:
    """``found: 5`` typed at the ids' indentation: the indentation hint, as in a single file
    (in an office file the checks' own messages were shown instead)."""
    office = folder / "cong-chuc-tu-phap-ho-tich.yaml"
    text = office.read_text("utf-8")
    assert "    found: 2\n" in text
    office.write_text(text.replace("    found: 2\n", "", 1) + "  found: 2\n", "utf-8")
    line = len(office.read_text("utf-8").splitlines())
    problems = _problems(folder)
    hints = [p for p in problems if "[evidence.under-indented]" in p]
    assert len(hints) == 1
    assert hints[0].startswith(f"{office.as_posix()}:{line}:3:") and "'found'" in hints[0]
    assert not any("[evidence.unknown-id]" in p or "[value.id]" in p for p in problems)


def test_an_item_in_two_files_names_both_places(folder: Path) -> None:
    (folder / "them.yaml").write_text('items:\n  "3.2":\n    on_time: 1\n', "utf-8")
    first = folder / "bo-phan-mot-cua.yaml"
    line = first.read_text("utf-8").splitlines().index('  "3.2":') + 1
    assert _problems(folder) == [
        f"{folder.as_posix()}/them.yaml:2:3: sub-criterion '3.2' is already given at "
        f"{folder.as_posix()}/bo-phan-mot-cua.yaml:{line}:3: each sub-criterion is given by one "
        "file (one office) only [folder.item-twice]"
    ]


def test_a_year_or_unit_that_differs_from_the_head(folder: Path) -> None:
    office = folder / "cong-chuc-van-hoa-xa-hoi.yaml"
    text = office.read_text("utf-8")
    office.write_text(text.replace("year: 2023", "year: 2024").replace("Vĩnh Chấp", "Vĩnh Tú"))
    head = (folder / "commune.yaml").read_text("utf-8").splitlines()
    year_line = head.index("year: 2023") + 1
    name_line = head.index('  name: "Vĩnh Chấp"') + 1
    where = folder.as_posix()
    assert _problems(folder) == [
        f'{where}/cong-chuc-van-hoa-xa-hoi.yaml:3:9: \'unit.name\' is "Vĩnh Tú" here but "Vĩnh Chấp" in '
        f"the head file ({where}/commune.yaml:{name_line}:9) [folder.differs]",
        f"{where}/cong-chuc-van-hoa-xa-hoi.yaml:4:7: 'year' is 2024 here but 2023 in the head "
        f"file ({where}/commune.yaml:{year_line}:7) [folder.differs]",
    ]


def test_a_key_that_belongs_in_the_head(folder: Path) -> None:
    (folder / "zz.yaml").write_text("bonus: []\n", "utf-8")
    assert [p.split(": ", 1)[0] for p in _problems(folder)] == [f"{folder.as_posix()}/zz.yaml:1:1"]


def test_problems_inside_an_office_file_keep_their_line(folder: Path) -> None:
    office = folder / "cong-chuc-tai-chinh-ke-toan.yaml"
    lines = office.read_text("utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("    claimed:"))
    lines[index] = "    claimed: 0,5"
    office.write_text("\n".join(lines) + "\n", "utf-8")
    [problem] = _problems(folder)
    assert problem.startswith(f"{office.as_posix()}:{index + 1}:14: ")
    assert problem.endswith("[value.decimal-comma]")


def test_a_folder_without_its_head_is_not_a_commune(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("items: {}\n", "utf-8")
    assert _problems(tmp_path) == [
        f"{tmp_path.as_posix()}: this folder is not one commune's evidence: it has no head file "
        "'commune.yaml' (unit, year, criteria set); to score one commune give its evidence "
        "file, to compare the communes in the folder use parscore compare [folder.no-head]"
    ]


def test_compare_tells_a_commune_folder_from_a_folder_of_communes(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copytree(SHIPPED, batch / "vinh-chap")
    shutil.copy(ROOT / "evidence" / "vinh-long-2023.yaml", batch)
    shutil.copy(ROOT / "examples" / "vinh-chap-2023.xlsx", tmp_path / "vc.xlsx")
    code, out, _ = _run("compare", str(batch), "--format", "csv")
    assert code == 0
    rows = out.splitlines()[1:]
    assert len(rows) == 2 and any("Vĩnh Chấp" in r for r in rows)
    code, out, _ = _run("compare", str(batch / "vinh-chap"), "--format", "csv")
    assert code == 0 and len(out.splitlines()) == 2  # the folder itself: one commune
    # the same commune as a folder and as a workbook: two files for one unit, refused
    code, _, err = _run("compare", str(batch / "vinh-chap"), str(tmp_path / "vc.xlsx"))
    assert code == 2 and "vc.xlsx" in err


def test_compare_finds_a_workbook_named_in_upper_case(tmp_path: Path) -> None:
    """An old Excel saves ``VL.XLSX``: found in a folder as ``vl.xlsx`` is (it was skipped)."""
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(ROOT / "examples" / "vinh-chap-2023.xlsx", batch / "VC.XLSX")
    shutil.copy(ROOT / "evidence" / "vinh-long-2023.yaml", batch / "VL.YAML")
    code, out, _ = _run("compare", str(batch), "--format", "csv")
    assert code == 0
    rows = out.splitlines()[1:]
    assert len(rows) == 2 and sum("Vĩnh Chấp" in r for r in rows) == 1


def test_validate_and_plan_take_a_folder(folder: Path, tmp_path: Path) -> None:
    code, out, _ = _run("validate", str(folder))
    assert code == 0 and out == f"{folder.as_posix()}: valid\n"
    code, out, _ = _run("plan", str(folder))
    assert code == 0
    assert out == _run("plan", str(EXAMPLE))[1]


def test_the_template_writes_the_set_it_names(tmp_path: Path) -> None:
    cs = load_criteria("ref-commune-2023")
    assert cs.id == "ref-commune-2023"
    folder = tmp_path / "f"
    assert (
        _run(
            "template",
            "--criteria",
            "ref-commune-2023",
            "--unit",
            "X",
            "--folder",
            "-o",
            str(folder),
        )[0]
        == 0
    )
    assert 'criteria: "ref-commune-2023"' in (folder / "commune.yaml").read_text("utf-8")


def test_where_the_meeting_stands_per_office(tmp_path: Path) -> None:
    example = ROOT / "evidence" / "dong-phu-2023.yaml"
    code, out, _ = _run("evaluate", str(example), "--standing", "--format", "csv")
    assert code == 0
    # the example's header: 1.5, 2.3 and 5.1 absent (max 1, 1 and 2), 7.5 judged without its
    # explanation (max 2); the other offices have everything in
    assert out.splitlines() == [
        "office,items,filled,not_filled,lacking_document,lacking_explanation,at_stake,"
        "not_filled_ids,lacking_document_ids,lacking_explanation_ids",
        "Văn phòng HĐND và UBND,20,18,2,0,0,3.00,1.5 5.1,,",
        "Công chức Tư pháp – Hộ tịch,5,4,1,0,0,1.00,2.3,,",  # --missing's order: 2.3 before 7.5
        "Công chức Văn hóa – Xã hội,2,2,0,0,1,2.00,,,7.5",
        "Bộ phận Một cửa,7,7,0,0,0,0.00,,,",
        "Công chức Tài chính – Kế toán,5,5,0,0,0,0.00,,,",
    ]
    book = tmp_path / "dp.xlsx"
    assert _run("convert", str(example), "-o", str(book))[0] == 0
    assert _run("evaluate", str(book), "--standing", "--format", "csv")[1] == out
    code, _, err = _run("evaluate", str(example), "--standing", "--missing")
    assert code == 2 and "--standing" in err
    for view in ("--standing", "--missing"):  # --detail was passed over in silence
        code, out, err = _run("evaluate", str(example), view, "--detail")
        assert code == 2 and not out and f"--detail is for the score table, not with {view}" in err


def test_a_comparison_workbook_beside_the_files_is_passed_over(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(ROOT / "evidence" / "vinh-long-2023.yaml", batch)
    shutil.copy(ROOT / "evidence" / "ho-xa-2023.yaml", batch)
    report = batch / "so-sanh.xlsx"
    assert _run("compare", str(batch), "--format", "xlsx", "-o", str(report))[0] == 0
    code, out, _ = _run("compare", str(batch), "--format", "csv")
    assert code == 0 and len(out.splitlines()) == 3  # the two communes, the workbook passed over
    code, _, err = _run("compare", str(batch), str(report))  # named: refused, said
    assert code == 1 and "[workbook.not-score-sheet]" in err


def test_standing_counts_every_item_once_in_the_to_do_lists_order(tmp_path: Path) -> None:
    """1.1.1, scored from its document's date alone, is filled (it was neither filled nor not
    filled: 19 + 0 of 20); the offices come in --missing's order (the one with something to do
    first), then the others in the set's."""
    from parscore import yamlsource
    from parscore.convert import evidence_text

    data = yamlsource.load_file(EXAMPLE).data
    del data["items"]["2.3"]  # led by Công chức Tư pháp – Hộ tịch, the third office in the set
    path = tmp_path / "vc.yaml"
    path.write_text(evidence_text(data), "utf-8")
    code, out, _ = _run("evaluate", str(path), "--standing", "--format", "csv")
    assert code == 0
    assert out.splitlines() == [
        "office,items,filled,not_filled,lacking_document,lacking_explanation,at_stake,"
        "not_filled_ids,lacking_document_ids,lacking_explanation_ids",
        "Công chức Tư pháp – Hộ tịch,5,4,1,0,0,1.00,2.3,,",
        "Văn phòng HĐND và UBND,20,20,0,0,0,0.00,,,",
        "Công chức Văn hóa – Xã hội,2,2,0,0,0,0.00,,,",
        "Bộ phận Một cửa,7,7,0,0,0,0.00,,,",
        "Công chức Tài chính – Kế toán,5,5,0,0,0,0.00,,,",
    ]
    missing = _run("evaluate", str(path), "--missing")[1]
    assert "Công chức Tư pháp – Hộ tịch" in missing and "Văn phòng HĐND" not in missing


def test_standing_in_80_columns_keeps_office_names_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """In Vietnamese, the clerk's language (English headings are single long words)."""
    monkeypatch.setenv("COLUMNS", "80")
    run = CliRunner().invoke(main, ["evaluate", str(EXAMPLE), "--standing"])
    code, out = run.exit_code, run.stdout
    assert code == 0
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    for name in ("Văn phòng HĐND và UBND", "Công chức Tài chính – Kế toán"):
        assert any(line.startswith(name + " ") for line in lines), name


def test_an_empty_office_file_is_skipped_and_said_with_the_other_problems(folder: Path) -> None:
    """An office file not filled yet (empty, or comments only) refused the whole commune and
    hid the other files' problems: it is skipped with a warning, the others are reported."""
    (folder / "moi.yaml").write_text("# bộ phận mới: chưa ghi\n", "utf-8")
    (folder / "them.yaml").write_text('items:\n  "9.9": {x: 1}\n', "utf-8")
    problems = _problems(folder)
    assert any(
        p.startswith(f"{(folder / 'moi.yaml').as_posix()}:") and "[folder.empty-file]" in p
        for p in problems
    )
    assert any("them.yaml" in p and "[evidence.unknown-id]" in p for p in problems)
    (folder / "them.yaml").unlink()
    checked = load_evidence(folder)  # only the empty file: a warning
    assert [w.code for w in checked.warnings if w.code.startswith("folder.")] == [
        "folder.empty-file"
    ]


def test_a_value_that_differs_only_by_type_or_a_space_is_shown_quoted(folder: Path) -> None:
    (folder / "z.yaml").write_text('year: "2023"\nunit: {name: "Vĩnh Chấp "}\n', "utf-8")
    problems = [p for p in _problems(folder) if "[folder.differs]" in p]
    assert len(problems) == 2
    assert "'year' is \"2023\" here but 2023 in the head file" in problems[0]
    assert '\'unit.name\' is "Vĩnh Chấp " here but "Vĩnh Chấp" in the head file' in problems[1]


def test_a_workbook_in_the_folder_and_the_head_file_alone_are_said(folder: Path) -> None:
    shutil.copy(ROOT / "examples" / "vinh-chap-2023.xlsx", folder / "bang.xlsx")
    code, _, err = _run("validate", str(folder))
    assert code == 0
    assert f"{(folder / 'bang.xlsx').as_posix()}: warning: a workbook inside a commune" in err
    code, _, err = _run("validate", str(folder / "commune.yaml"))
    assert "[folder.head-alone]" in err and "name the folder" in err
    code, out, err = _run("evaluate", str(folder / "commune.yaml"))
    assert "name the folder" in out + err
