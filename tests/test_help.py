"""Help in the user's language (issue #12, point 8): every help text is a catalogue code with
Vietnamese and English, shown in the language of --lang (wherever it is on the command line),
else PARSCORE_LANG, else Vietnamese; click's own words too; the exit codes, 3 included."""

from __future__ import annotations

import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from parscore import cli
from parscore.cli import main
from parscore.cli_help import EXIT_CODES
from parscore.messages import CATALOGUE, LANGS, render

ENGLISH_WORDS = ("Usage:", "Options:", "Show this message", "default:", "Exit codes")
VIETNAMESE_WORDS = ("Cách dùng:", "Tùy chọn:", "Hiện trợ giúp này rồi thoát.", "Mã thoát:")


def show_help(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(main, list(args), env=env or {}, prog_name="parscore")
    assert result.exit_code == 0, result.output
    assert "cli.help." not in result.stdout  # every code rendered
    return result.stdout


def commands(group: click.Group = main, path: tuple[str, ...] = ()):
    """Every command under ``group`` (itself included), with the words that reach it."""
    yield path, group
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))
        else:
            yield (*path, name), command


COMMAND_PATHS = [path for path, _ in commands()]


def test_help_is_vietnamese_by_default(monkeypatch):
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    text = show_help("--help")
    for words in (*VIETNAMESE_WORDS, "Lệnh:", "mặc định: 10M", "chấm điểm Chỉ số"):
        assert words in text
    for words in (*ENGLISH_WORDS, "Commands:"):
        assert words not in text
    assert text.startswith("Cách dùng: parscore [TÙY_CHỌN] LỆNH [THAM_SỐ]...")


@pytest.mark.parametrize(
    "args, env",
    [
        (["--help", "--lang", "en"], {}),
        (["--help", "--lang=en"], {}),
        (["--lang", "en", "--help"], {}),
        (["--help"], {"PARSCORE_LANG": "en"}),
    ],
    ids=["lang-after-help", "lang=en", "lang-before-help", "PARSCORE_LANG"],
)
def test_evaluate_help_follows_the_language(args, env, monkeypatch):
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    text = show_help("evaluate", *args, env=env)
    assert text.startswith("Usage: parscore evaluate [OPTIONS] EVIDENCE")
    for words in ENGLISH_WORDS:
        assert words in text
    for words in VIETNAMESE_WORDS:
        assert words not in text
    assert "Show every sub-criterion: points, reason, evidence." in " ".join(text.split())


@pytest.mark.parametrize(
    "args", [["--lang", "en", "--help"], ["--help", "--lang", "en"], ["--lang=en", "--help"]]
)
def test_the_main_help_follows_a_lang_typed_before_any_command(args, monkeypatch):
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    text = show_help(*args)
    assert "Usage: parscore [OPTIONS] COMMAND" in text and "Cách dùng" not in text


def test_a_lang_typed_before_the_command_is_the_command_s_language(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    env = {"PARSCORE_LANG": "vi"}  # typed on the command line wins over the environment
    before = runner.invoke(main, ["--lang", "en", "evaluate", "nope.yaml"], env=env)
    assert before.exit_code == 2 and "nope.yaml: no such file" in before.stderr
    after = runner.invoke(main, ["--lang", "en", "evaluate", "nope.yaml", "--lang", "vi"])
    assert "nope.yaml: không có tệp này" in after.stderr  # the command's own wins
    listing = runner.invoke(main, ["--lang", "en", "criteria", "list"], env=env)
    assert "Commune PAR INDEX criteria" in listing.stdout


def test_the_command_line_wins_over_the_environment(monkeypatch):
    text = show_help("evaluate", "--help", "--lang", "vi", env={"PARSCORE_LANG": "en"})
    assert "Hiện mọi tiêu chí thành phần" in " ".join(text.split()) and "Usage:" not in text
    assert "Usage:" in show_help("--help", env={"PARSCORE_LANG": "en"})


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", COMMAND_PATHS, ids=" ".join)
def test_every_help_lists_the_exit_codes(path, lang):
    text = show_help(*path, "--help", env={"PARSCORE_LANG": lang})
    section = text.split(render("cli.help.exit-codes", None, lang) + ":")[1]
    codes = re.findall(r"^  (\d+) ", section, re.MULTILINE)
    assert codes == ["0", "1", "2", "3", "141"] == [str(c) for c in EXIT_CODES]
    assert EXIT_CODES == (
        cli.EXIT_OK,
        cli.EXIT_PROBLEMS,
        cli.EXIT_BAD_INPUT,
        cli.EXIT_INTERNAL,
        cli.EXIT_PIPE,
    )
    assert render("cli.help.exit-3", None, lang).split(",")[0] in text


def test_every_command_and_option_has_help_in_both_languages():
    seen = 0
    for path, command in commands():
        ctx = click.Context(command, info_name=" ".join(("parscore", *path)))
        assert command.help in CATALOGUE, path
        for param in command.get_params(ctx):
            if isinstance(param, click.Option):
                assert param.help in CATALOGUE, (path, param.name)
                seen += 1
    assert seen > 40
    for code, texts in CATALOGUE.items():
        if code.startswith("cli.help."):
            assert all(text.strip() for text in texts), code
            if code not in ("cli.help.exit-codes",):
                assert texts[0] != texts[1] or code.endswith("-141"), code


def test_help_of_a_command_in_both_languages_differs_only_in_words():
    vi = show_help("compare", "--help", env={"PARSCORE_LANG": "vi"})
    en = show_help("compare", "--help", env={"PARSCORE_LANG": "en"})
    options = ["--group-by", "--jobs", "--no-cache", "--format", "--detail", "--output"]
    for option in options:
        assert option in vi and option in en
    assert "Xếp hạng và so sánh các xã" in vi and "Rank and compare communes" in en


def test_help_imports_no_heavy_library():
    """``parscore --help`` stays fast: no YAML, pydantic, tabulate or wcwidth for help."""
    script = (
        "import sys\n"
        "from parscore.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = {'yaml', 'pydantic', 'tabulate', 'wcwidth', 'jsonschema', 'parscore.engine'}\n"
        "print('HEAVY', sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "HEAVY []"


@pytest.mark.parametrize(
    "lang, words", [("vi", "lỗi nội bộ (internal error)"), ("en", "Please report it")]
)
def test_an_internal_error_is_told_in_the_language(lang, words, monkeypatch):
    import parscore.report.criteria

    def boom(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.delenv("PARSCORE_DEBUG", raising=False)
    monkeypatch.setattr(parscore.report.criteria, "listing", boom)
    result = CliRunner().invoke(main, ["criteria", "list", "--lang", lang])
    assert result.exit_code == 3
    assert words in result.stderr and "ValueError: boom" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args, vi, en",
    [
        (["evaluate"], "lỗi: thiếu tham số 'MINH_CHỨNG'.", "Missing argument 'EVIDENCE'."),
        (
            ["evaluate", "x.yaml", "--format", "pdf"],
            "lỗi: giá trị không hợp lệ cho '--format': 'pdf' không phải một trong 'table',",
            "Invalid value for '--format': 'pdf' is not one of 'table',",
        ),
        (["evaluate", "x.yaml", "--top", "0"], "0 nằm ngoài khoảng x>=1.", "not in the range"),
        (["evaluate", "x.yaml", "--detal"], "không có tùy chọn '--detal' (có phải", "--detal"),
        (["evalute"], "lỗi: không có lệnh 'evalute' (có phải 'evaluate'", "'evalute'"),
        (["evaluate", "a", "b"], "lỗi: thừa tham số (b)", "unexpected extra argument"),
    ],
)
def test_a_usage_error_is_told_in_the_language(args, vi, en, monkeypatch):
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    runner = CliRunner()
    result = runner.invoke(main, args, prog_name="parscore")
    assert result.exit_code == 2
    assert vi in result.stderr
    assert result.stderr.startswith("Cách dùng: parscore")
    assert "Xem 'parscore" in result.stderr and "--help' để được trợ giúp." in result.stderr
    english = runner.invoke(main, [*args, "--lang", "en"], prog_name="parscore")
    assert english.exit_code == 2
    assert en in english.stderr and "error: " in english.stderr
    assert english.stderr.startswith("Usage: parscore") and "Try 'parscore" in english.stderr


def test_a_click_message_not_known_stays_as_click_wrote_it():
    from parscore.cli_help import click_message

    assert click_message("Something new in click 9.", "vi") == "Something new in click 9."
    assert click_message("Missing argument 'X'.", "en") == "Missing argument 'X'."
    assert click_message("Missing argument 'X'.", "vi") == "thiếu tham số 'X'."


def test_a_group_passes_its_lang_to_the_command_under_it(monkeypatch):
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    from click.testing import CliRunner

    from parscore.cli import main

    def out(*args: str) -> str:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout

    assert out("criteria", "--lang", "en", "list").startswith("id  ")
    assert "title" in out("criteria", "--lang", "en", "list").splitlines()[0]
    assert "tên" in out("criteria", "--lang", "en", "list", "--lang", "vi").splitlines()[0]
    assert "tên" in out("--lang", "en", "criteria", "--lang", "vi", "list").splitlines()[0]
    assert out("appraisal", "--lang", "en", "--help").startswith("Usage: main appraisal")


def test_schema_help_lists_every_kind_and_its_usage_fits_a_line(monkeypatch):
    from click.testing import CliRunner

    from parscore.cli import SCHEMA_NAMES, main

    monkeypatch.setenv("COLUMNS", "80")
    for lang, last, kind in (("vi", " hoặc ", "LOẠI"), ("en", " or ", "KIND")):
        text = CliRunner().invoke(main, ["schema", "--help", "--lang", lang]).stdout
        usage = text.splitlines()[0]
        assert usage.endswith(f" {kind}") and len(usage) <= 80
        kinds = " ".join(text.split(f"{kind}: ", 1)[1].split("\n\n", 1)[0].split())
        assert kinds.rstrip(".").replace(last, ", ").split(", ") == list(SCHEMA_NAMES)


def test_an_option_before_its_command_says_where_it_goes(monkeypatch):
    from click.testing import CliRunner

    from parscore.cli import main

    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    result = CliRunner().invoke(main, ["--detail", "evaluate", "x.yaml"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "lỗi: không có tùy chọn '--detail' (--detail là tùy chọn của lệnh: đặt sau tên lệnh, "
        "ví dụ parscore evaluate --detail …)\n"
    )
    # an option no command has gets no such hint
    result = CliRunner().invoke(main, ["--bogus", "evaluate", "x.yaml"])
    assert result.stderr.endswith("lỗi: không có tùy chọn '--bogus'\n")


def test_metavars_are_in_the_help_s_language(monkeypatch):
    from click.testing import CliRunner

    from parscore.cli import main

    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    vi = CliRunner().invoke(main, ["criteria", "test", "--help"]).stdout
    assert vi.startswith("Cách dùng: main criteria test [TÙY_CHỌN] MÃ_BỘ|ĐƯỜNG_DẪN [TRƯỜNG_HỢP]")
    assert "--criteria MÃ_BỘ|ĐƯỜNG_DẪN" in CliRunner().invoke(main, ["evaluate", "--help"]).stdout
    en = CliRunner().invoke(main, ["criteria", "test", "--help", "--lang", "en"]).stdout
    assert en.startswith("Usage: main criteria test [OPTIONS] ID|PATH [CASES]")
    # the words a help text names a value by are the usage line's
    from parscore.messages import CATALOGUE

    assert "MINH_CHỨNG" in CATALOGUE["cli.help.evaluate"][0]
