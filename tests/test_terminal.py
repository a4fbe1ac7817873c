"""Terminal text fits its width (issue #12, point 6): every line of every table and report
within the width, text wrapped inside its column, no number split across lines, and piped
output the same from run to run."""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from parscore.cli import main
from parscore.report import width as w
from parscore.report.width import fit_table, output_width, text_width, wrap

ROOT = Path(__file__).parent.parent

COMMANDS = {
    "evaluate": ["evaluate", "evidence/vinh-chap-2023.yaml"],
    "detail": ["evaluate", "evidence/vinh-chap-2023.yaml", "--detail"],
    "detail-en": ["evaluate", "evidence/vinh-chap-2023.yaml", "--detail", "--lang", "en"],
    "missing": ["evaluate", "evidence/dong-phu-2023.yaml", "--missing"],
    "compare": ["compare", "evidence", "--detail", "--no-cache"],
    "criteria-show": ["criteria", "show", "ref-commune-2023"],
    "criteria-list": ["criteria", "list"],
    "plan": ["plan", "evidence/dong-phu-2023.yaml", "--target", "90"],
    "plan-en": ["plan", "evidence/vinh-chap-2023.yaml", "--lang", "en"],
}

#: a number as parscore writes it: 10,00 · 84,41% · 06/02/2023 · 1/3 · 10/KH-UBND · 1.1.1
NUMBER = re.compile(r"\d[\d.,/:%–-]*(?<=[\d%])")


def run(args: list[str], columns: int | None, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    env = {"COLUMNS": str(columns)} if columns else {}
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code in (0, 1), result.stderr  # compare: 1 when a file is left out
    return result.stdout


def too_wide(text: str, columns: int) -> list[str]:
    return [line for line in text.splitlines() if text_width(line) > columns]


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("columns", [80, 100, 120])
def test_every_line_fits_the_width(name, columns, monkeypatch):
    out = run(COMMANDS[name], columns, monkeypatch)
    assert out.strip()
    assert too_wide(out, columns) == []


@pytest.mark.parametrize("name", COMMANDS)
def test_no_number_is_split_across_lines(name, monkeypatch):
    """The numbers of the 80-column text are those of a text too wide to wrap anything
    ("10," then "00" on the next line would be two other numbers), each at least as often (a
    stacked table repeats its headings)."""
    wide = Counter(NUMBER.findall(run(COMMANDS[name], 1000, monkeypatch)))
    narrow = Counter(NUMBER.findall(run(COMMANDS[name], 80, monkeypatch)))
    assert wide  # the pattern finds the report's numbers
    assert set(narrow) == set(wide)
    assert all(narrow[number] >= count for number, count in wide.items())


def test_narrow_output_is_wrapped_and_wide_output_is_not(monkeypatch):
    narrow = run(COMMANDS["detail"], 80, monkeypatch)
    wide = run(COMMANDS["evaluate"], 1000, monkeypatch)
    assert len(narrow.splitlines()) > len(run(COMMANDS["detail"], 1000, monkeypatch).splitlines())
    assert max(map(text_width, wide.splitlines())) > 120  # a long line kept whole
    assert "Xây dựng và phát triển chính quyền điện tử, chính quyền số" in wide
    assert "Xây dựng và phát triển chính quyền điện tử, chính quyền số" not in run(
        COMMANDS["evaluate"], 80, monkeypatch
    )


@pytest.mark.parametrize("name", COMMANDS)
def test_piped_output_has_a_fixed_width_and_is_the_same_each_run(name, monkeypatch):
    first = run(COMMANDS[name], None, monkeypatch)
    assert run(COMMANDS[name], None, monkeypatch) == first
    assert too_wide(first, w.PIPED_WIDTH) == []
    assert first == run(COMMANDS[name], w.PIPED_WIDTH, monkeypatch)


def test_the_width_function(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    assert output_width(terminal=False) == w.PIPED_WIDTH == 100
    monkeypatch.setattr(w.shutil, "get_terminal_size", lambda fallback: os.terminal_size((132, 40)))
    assert output_width(terminal=True) == 132
    monkeypatch.setattr(w.shutil, "get_terminal_size", lambda fallback: os.terminal_size((40, 40)))
    assert output_width(terminal=True) == w.MIN_WIDTH == 80  # never less than 80
    monkeypatch.setenv("COLUMNS", "90")
    assert output_width(terminal=False) == output_width(terminal=True) == 90
    monkeypatch.setenv("COLUMNS", "20")
    assert output_width(terminal=False) == 80
    monkeypatch.setenv("COLUMNS", "wide")
    assert output_width(terminal=False) == 100


def test_a_file_written_with_output_has_the_piped_width(tmp_path, monkeypatch):
    monkeypatch.setattr(w, "_stdout_is_terminal", lambda: True)
    monkeypatch.setattr(w.shutil, "get_terminal_size", lambda fallback: os.terminal_size((200, 40)))
    monkeypatch.chdir(ROOT)
    target = tmp_path / "out.txt"
    args = ["evaluate", "evidence/vinh-chap-2023.yaml", "--detail", "--output", str(target)]
    assert CliRunner().invoke(main, args).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert max(map(text_width, text.splitlines())) == w.PIPED_WIDTH


# --- the layout itself ----------------------------------------------------------------------


def test_wrap_breaks_at_spaces_and_never_inside_a_number():
    lines = wrap("Tổng số hồ sơ 1.234.567,89 đã giải quyết đúng hạn 10/KH-UBND", 8)
    assert "1.234.567,89" in lines and "10/KH-UBND" in lines  # wider than 8, yet whole
    assert all(text_width(line) <= 8 for line in lines if not NUMBER.search(line))
    assert (
        " ".join(lines).split()
        == "Tổng số hồ sơ 1.234.567,89 đã giải quyết đúng hạn 10/KH-UBND".split()
    )


def test_a_long_word_without_digits_is_cut_to_fit():
    assert wrap("x" * 50, 20) == ["x" * 20, "x" * 20, "x" * 10]


def test_wide_characters_count_two_cells():
    assert text_width("Điểm") == 4
    assert text_width("評価") == 4
    assert text_width("e\u0301") == 1  # a combining accent takes no cell
    lines = fit_table(["名前", "点"], [["評価" * 20, "10,00"]], ["left", "right"], 30)
    assert all(text_width(line) <= 30 for line in lines.splitlines())


def test_text_columns_wrap_and_number_columns_do_not():
    headers = ["", "Tiêu chí", "Điểm"]
    rows = [["1.1", "Kế hoạch xác định đủ nhiệm vụ và bố trí kinh phí " * 3, "100,00"]]
    out = fit_table(headers, rows, ["left", "left", "right"], 40).splitlines()
    assert all(text_width(line) <= 40 for line in out)
    assert out[2].startswith("1.1") and out[2].endswith("100,00")
    assert sum("100,00" in line for line in out) == 1
    assert len(out) > 4  # the name took several lines, in its column
    assert all(line.startswith("     ") for line in out[3:])


def test_a_table_too_narrow_for_its_numbers_is_stacked():
    headers = ["Đơn vị", *(str(i) for i in range(1, 13))]
    rows = [["Quế Xuân 1", *["100,00%"] * 12], ["Đông Phú", *["37,50%"] * 12]]
    out = fit_table(headers, rows, ["left", *["right"] * 12], 80)
    assert out.splitlines()[0] == "Quế Xuân 1"
    assert "1: 100,00%; 2: 100,00%;" in out
    assert all(text_width(line) <= 80 for line in out.splitlines())
    assert Counter(NUMBER.findall(out))["100,00%"] == 12


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_in_a_real_terminal_the_output_takes_its_width(tmp_path):
    """parscore in a pseudo-terminal 90 columns wide, COLUMNS unset: lines up to 90 cells,
    wider than the fixed width of piped output would allow."""
    import fcntl
    import pty
    import struct
    import subprocess
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 110, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "PARSCORE_LANG")}
    script = "from parscore.cli import main; main()"
    args = ["evaluate", "evidence/vinh-chap-2023.yaml", "--detail"]
    with subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=follower, cwd=ROOT, env=env
    ) as proc:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.wait(timeout=60) == 0
    os.close(leader)
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    widths = [text_width(line) for line in text.splitlines()]
    assert max(widths) <= 110
    assert max(widths) > w.PIPED_WIDTH


WORD = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠỆỘỨ評", min_size=1, max_size=30)
NUMBER_WORD = st.from_regex(r"[0-9]{1,4}([,./][0-9]{1,3}){0,7}%?", fullmatch=True)
CELL = st.lists(st.one_of(WORD, NUMBER_WORD), max_size=25).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 9).flatmap(
        lambda n: st.tuples(
            st.lists(st.lists(WORD, max_size=3).map(" ".join), min_size=n, max_size=n),
            st.lists(st.lists(CELL, min_size=n, max_size=n), max_size=6),
            st.lists(st.sampled_from(["left", "right"]), min_size=n, max_size=n),
        )
    ),
    st.integers(80, 160),
)
def test_any_table_fits_and_keeps_its_numbers_whole(table, columns):
    headers, rows, align = table
    rows = [
        [cell if a == "left" else cell[:12] for cell, a in zip(row, align, strict=True)]
        for row in rows
    ]
    out = fit_table(headers, rows, align, columns)
    assert too_wide(out, columns) == []
    given_numbers = Counter(n for row in rows for cell in row for n in NUMBER.findall(cell))
    shown = Counter(NUMBER.findall(out))
    assert all(shown[number] >= count for number, count in given_numbers.items())
