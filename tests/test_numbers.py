"""Numbers of absurd size or precision, and values too long to echo.

Every number parscore reads has at most 15 digits before the decimal point and 6 after it
(``parscore.decimals.MAX_WHOLE_DIGITS``, ``MAX_DECIMALS``). Anything else is refused where it
is typed, before ``int()`` or ``Decimal()`` sees it: a 5,000-digit integer used to end in
Python's int-from-str limit, ``1e999999999`` in minutes of CPU and gigabytes of memory, and
``percent: 1e-99999999`` in an exact fraction built for minutes. Inside the bounds, the
largest values go through scoring and every report. Messages never echo more than a few
dozen characters of what was typed.
"""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parscore import yamlsource
from parscore.cli import main
from parscore.decimals import MAX_DECIMALS, MAX_WHOLE_DIGITS, number_bound_problem
from parscore.errors import InputError, Problem
from parscore.messages import SHOWN_CHARS, render

LARGEST = Decimal("999999999999999.999999")  # 15 digits before the point, 6 after
STEP = Decimal("0.000001")


# --- the bound itself ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "0",
        "-0",
        "999999999999999",
        "-999999999999999",
        "999999999999999.999999",
        "0.000001",
        "24.89",
        "0.125",
        "1e14",
        "1.5e14",
        "9.99999999999999e14",
        "1e-6",
        "1.5e-3",
        "150e-2",
        "1E+6",
        "+12",
        ".5",
        "5.",
        "0.100000",
        "1e000000000014",  # a long exponent that is still small
    ],
)
def test_numbers_inside_the_bounds_are_accepted(text):
    assert number_bound_problem(text) is None
    assert yamlsource.load_text(f"x: {text}\n", "t.yaml").data["x"] == Decimal(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1000000000000000", "number.too-large"),  # 10^15: 16 digits
        ("-1000000000000000", "number.too-large"),
        ("1e15", "number.too-large"),
        ("1e27", "number.too-large"),
        ("1e28", "number.too-large"),
        ("1e999999999", "number.too-large"),
        ("1" * 5000, "number.too-large"),
        ("1" * 5000 + ".5", "number.too-large"),
        ("1e" + "9" * 5000, "number.too-large"),
        ("0.0000001", "number.too-precise"),
        ("1e-7", "number.too-precise"),
        ("1e-400", "number.too-precise"),
        ("1e-99999999", "number.too-precise"),
        ("0.1000000", "number.too-precise"),  # trailing zeros are kept as typed, so they count
        ("100e-8", "number.too-precise"),
        ("0e-99999999", "number.too-precise"),
        ("0." + "0" * 5000 + "1", "number.too-precise"),
    ],
)
def test_numbers_outside_the_bounds_are_refused_where_they_are_typed(text, code):
    assert number_bound_problem(text) == code
    with pytest.raises(InputError) as caught:
        yamlsource.load_text(f"a: 1\nx: {text}\n", "t.yaml")
    [problem] = caught.value.problems
    assert (problem.code, problem.line, problem.column) == (code, 2, 4)
    assert problem.args["whole_digits"] == MAX_WHOLE_DIGITS
    assert problem.args["decimals"] == MAX_DECIMALS
    message = problem.format("en", show_source=False)
    assert "15 digits before the decimal point" in message or "15 before the point" in message
    assert len(message) < 250, message


def test_huge_numbers_are_refused_at_once():
    # 15 bytes that used to cost 3 minutes and 5.9 GB; a 4,301-digit integer that used to
    # end in ValueError; a fraction of 10^99999999 built while scoring
    text = "a: 1e999999999\nb: " + "7" * 4301 + "\nc: 1e-99999999\nd: -" + "9" * 100_000 + "\n"
    start = time.perf_counter()
    with pytest.raises(InputError) as caught:
        yamlsource.load_text(text, "t.yaml")
    assert time.perf_counter() - start < 2
    assert [p.code for p in caught.value.problems] == [
        "number.too-large",
        "number.too-large",
        "number.too-precise",
        "number.too-large",
    ]


def test_text_stays_text_and_quoted_numbers_are_not_converted():
    data = yamlsource.load_text(
        'a: "1e999999999"\nb: 00004\nc: 1e999999999x\nd: "' + "9" * 5000 + '"\n', "t.yaml"
    ).data
    assert data == {"a": "1e999999999", "b": "00004", "c": "1e999999999x", "d": "9" * 5000}


def test_exponent_notation_is_written_out():
    value = yamlsource.load_text("x: 1.5e3\n", "t.yaml").data["x"]
    assert value == 1500 and str(value) == "1500"


# --- messages never echo a long value ------------------------------------------------------------


def test_a_long_argument_is_cut_with_an_ellipsis():
    text = render(
        "value.unknown-key",
        {"key": "k" * 10_000, "suggestion": ""},
        "en",
        short=True,
    )
    assert text == "unknown key '" + "k" * (SHOWN_CHARS - 1) + "…'"
    # without short (report texts), render leaves arguments alone
    assert len(render("value.choice", {"value": "v" * 100, "choices": "a"}, "en")) > 100


def test_problem_messages_cut_every_echoed_value():
    problem = Problem("value.quoted-number", {"value": "9" * 5000}, "f.yaml", 1, 1)
    for lang in ("vi", "en"):
        assert len(problem.message(lang)) < 3 * SHOWN_CHARS + 60


H = "unit:\n  name: Vĩnh Chấp\n  kind: xã\nyear: 2023\ncriteria: ref-commune-2023\n"


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


@pytest.mark.parametrize(
    ("body", "code", "shown"),
    [
        ("? " + "k" * 10_000 + "\n: 1\n", "value.unknown-key", "'" + "k" * 39 + "…'"),
        (
            'items:\n  "3.2":\n    ? ' + "k" * 10_000 + "\n    : 1\n",
            "evidence.unknown-input",
            "'" + "k" * 39 + "…'",
        ),
        (
            'items:\n  "3.2":\n    on_time: ' + "1" * 5000 + "\n    settled: 1\n",
            "number.too-large",
            "the number " + "1" * 39 + "… ",
        ),
        (
            'items:\n  "3.2":\n    on_time: "' + "1" * 5000 + '"\n    settled: 1\n',
            "number.too-large",
            "the number " + "1" * 39 + "… ",
        ),
        ("notes: " + "1" * 5000 + "\n", "number.too-large", "the number " + "1" * 39 + "… "),
        ("assessment: " + "x" * 5000 + "\n", "value.expected-mapping", "got 'xxxx"),
    ],
)
def test_the_command_line_never_echoes_a_long_value(tmp_path, monkeypatch, body, code, shown):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ev.yaml").write_text(H + body, encoding="utf-8")
    result = run("validate", "--lang", "en", "ev.yaml")
    assert result.exit_code == 1, result.stderr
    first = result.stderr.split("\n")[0]
    assert first.endswith(f"[{code}]"), first
    assert shown in first
    assert len(first) < 200, first
    scored = run("evaluate", "--lang", "vi", "ev.yaml")
    assert scored.exit_code == 2 and "Traceback" not in scored.stderr


# --- the largest numbers go through everything ---------------------------------------------------


def extreme_set(leaf: Decimal, survey: Decimal, ledger: Decimal, step: Decimal) -> str:
    """A criteria set whose numbers are as large or as fine as the bounds allow: seven scored
    sub-criteria of ``leaf`` points each (their sum must stay within the bounds too), a
    survey item, bonus and penalty ledgers of ``ledger`` points."""
    field = leaf * 7
    total = field + survey
    return f"""\
id: extreme
title: Extreme
issuer: Test
year: 2023
version: "1"
total: {total}
split: {{appraisal: {field}, survey: {survey}}}
bands:
  - {{name: High, at_least: 99.999999}}
  - {{name: Low, below: 99.999999}}
bonus: {{points_each: {ledger}, cap: {ledger}}}
penalty: {{points_each: {ledger}, cap: {ledger}}}
fields:
  - id: "1"
    name: Field
    max: {field}
    children:
      - {{id: "1.1", name: Share, max: {leaf}, rule: {{kind: proportional, part: done,
          total: {{name: planned, type: number}}}}}}
      - id: "1.2"
        name: Bands
        max: {leaf}
        rule:
          kind: bands
          part: done
          total: planned
          bands:
            - {{at_least: 99.999999, points: {leaf}}}
            - {{at_least: 0.000001, below: 99.999999, points: {step}}}
            - {{below: 0.000001, points: 0}}
      - {{id: "1.3", name: Judged, max: {leaf}, rule: {{kind: judged, step: {step}}}}}
      - {{id: "1.4", name: Deduction, max: {leaf}, rule: {{kind: deduction, per_incident: {leaf},
          floor: 0}}}}
      - {{id: "1.5", name: Pass, max: {leaf}, rule: {{kind: pass_fail,
          penalty_when_unmet: {ledger}}}}}
      - id: "1.6"
        name: Count
        max: {leaf}
        rule:
          kind: count_bands
          bands:
            - {{at_most: 999999999999998, points: {leaf}}}
            - {{at_least: 999999999999999, points: 0}}
      - {{id: "1.7", name: Timely, max: {leaf}, rule: {{kind: timeliness, on_time: {leaf},
          late: {step}, due: "31/01"}}}}
survey:
  id: S
  name: Survey
  max: {survey}
  scored_by: outside
  children:
    - {{id: S.1, name: Survey, max: {survey}, scored_by: outside, rule: {{kind: survey_share}}}}
"""


def extreme_evidence(name: str, judged: Decimal, ledger: Decimal) -> str:
    big = 10**MAX_WHOLE_DIGITS - 1
    return f"""\
unit:
  name: {name}
  kind: xã
  parents: [{{level: province, name: Tỉnh}}]
year: 2023
criteria: set.yaml
items:
  "1.1": {{done: {big - 1}, planned: {LARGEST}, explanation: x, claimed: 0.000001}}
  "1.2": {{done: 1, planned: {big}, explanation: x}}
  "1.3": {{points: {judged}, explanation: x}}
  "1.4": {{incidents: {big}, explanation: x}}
  "1.5": {{met: false, explanation: x}}
  "1.6": {{count: {big - 1}, explanation: x}}
  "1.7": {{status: late, explanation: x}}
survey:
  S.1: {{satisfied: 1, responses: {big}}}
bonus:
  - {{reason: Sáng kiến, points: {ledger}}}
  - {{reason: Sáng kiến, points: {ledger}}}
penalty:
  - {{reason: Chậm, points: {ledger}}}
"""


def every_report(
    folder: Path, target: str = "99.999999", langs: tuple[str, ...] = ("vi", "en")
) -> None:
    """Every command and format over the files in ``folder``: none may fail."""
    files = sorted(str(p) for p in folder.glob("ev*.yaml"))
    one = files[0]
    checked = run("validate", *files)
    assert checked.exit_code == 0, checked.stderr
    for lang in langs:
        for fmt in ("table", "json", "csv", "markdown"):
            for extra in ([], ["--detail"], ["--missing"]):
                result = run("evaluate", one, "--lang", lang, "--format", fmt, *extra)
                assert result.exit_code == 0, (fmt, extra, result.stderr)
        result = run("evaluate", one, "--format", "json")
        json.loads(result.stdout)
        for fmt in ("markdown", "json", "docx"):
            out = folder / f"plan-{lang}.{fmt}"
            args = ["plan", one, "--lang", lang, "--format", fmt, "--target", target]
            result = run(*args, "--output", str(out), "--force")
            assert result.exit_code == 0, (fmt, result.stderr)
        for fmt in ("table", "csv", "json", "markdown", "xlsx", "html"):
            out = folder / f"compare-{lang}.{fmt}"
            args = ["compare", *files, "--lang", lang, "--format", fmt, "--detail"]
            result = run(*args, "--output", str(out), "--force", "--jobs", "1")
            assert result.exit_code == 0, (fmt, result.stderr)


def test_the_largest_numbers_go_through_every_report(tmp_path):
    leaf = Decimal("142857142857142.857142")  # seven of them: 999999999999999.999994
    survey = Decimal("0.000005")
    (tmp_path / "set.yaml").write_text(extreme_set(leaf, survey, LARGEST, STEP), "utf-8")
    for name in ("Một", "Hai"):
        evidence = extreme_evidence(name, leaf - STEP, LARGEST)
        (tmp_path / f"ev-{name}.yaml").write_text(evidence, encoding="utf-8")
    every_report(tmp_path)
    result = run("evaluate", str(tmp_path / "ev-Một.yaml"), "--format", "json")
    totals = json.loads(result.stdout)["totals"]
    assert Decimal(totals["bonus"]) == LARGEST and Decimal(totals["penalty"]) == LARGEST


def test_the_finest_numbers_go_through_every_report(tmp_path):
    # a maximum of a millionth of a point: bonus points far above it give an index of 10^23
    (tmp_path / "set.yaml").write_text(extreme_set(STEP, STEP, LARGEST, STEP), "utf-8")
    for name in ("Một", "Hai"):
        evidence = extreme_evidence(name, STEP, LARGEST if name == "Một" else STEP)
        (tmp_path / f"ev-{name}.yaml").write_text(evidence, encoding="utf-8")
    every_report(tmp_path, target="0.000001")


# --- a property: whatever parscore accepts, it scores and reports --------------------------------


def bounded(min_value: int = 0) -> st.SearchStrategy[Decimal]:
    """Decimals inside the bounds, from both ends: a millionth up to 10^15 − a millionth."""
    unit = st.integers(min_value, 10 ** (MAX_WHOLE_DIGITS + MAX_DECIMALS) - 1)
    big = st.integers(0, 10**6).map(lambda n: 10 ** (MAX_WHOLE_DIGITS + MAX_DECIMALS) - 1 - n)
    return (
        st.one_of(unit, big)
        .filter(lambda n: n >= min_value)
        .map(lambda n: Decimal(n).scaleb(-MAX_DECIMALS))
    )


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    leaf=bounded(1).map(lambda d: max(STEP, d / 8).quantize(STEP)),
    survey=bounded(1).map(lambda d: max(STEP, d / 8).quantize(STEP)),
    ledger=bounded(1),
    judged=st.integers(0, 10**6),
)
def test_any_accepted_number_goes_through_every_report(
    tmp_path_factory: Any, leaf: Decimal, survey: Decimal, ledger: Decimal, judged: int
) -> None:
    folder = tmp_path_factory.mktemp("numbers")
    (folder / "set.yaml").write_text(extreme_set(leaf, survey, ledger, STEP), encoding="utf-8")
    points = max(Decimal(0), leaf - judged * STEP)
    for name in ("Một", "Hai"):
        evidence = extreme_evidence(name, points, ledger)
        (folder / f"ev-{name}.yaml").write_text(evidence, encoding="utf-8")
    every_report(folder, langs=("vi",))


def test_plan_orders_ids_without_int():
    from types import SimpleNamespace

    from parscore.report.plan_text import _id_order

    ids = ["1.10", "1.2", "1.a", "1." + "9" * 5000, "1.02", "1.b"]
    ordered = sorted(ids, key=lambda i: _id_order(SimpleNamespace(id=i)))  # type: ignore[arg-type]
    assert ordered == ["1.02", "1.2", "1.10", "1." + "9" * 5000, "1.a", "1.b"]


def test_rounding_never_fails_on_a_large_value():
    from parscore.decimals import quantize, tidy
    from parscore.messages import format_points as number

    # beyond the default 28 digits of precision: InvalidOperation in every report before
    assert quantize(Decimal("1e27")) == Decimal("1e27")
    assert number(Decimal("1e28"), "en") == "1" + "0" * 28 + ".00"
    assert str(tidy(Decimal("1e27"))) == "1" + "0" * 27


def test_models_built_in_python_keep_the_bounds():
    from pydantic import TypeAdapter, ValidationError

    from parscore.model.common import Count, Points

    for value in (Decimal("1e999999999"), Decimal("1e-400"), Decimal("1.0000000"), 10**5000):
        with pytest.raises(ValidationError) as caught:
            TypeAdapter(Points).validate_python(value)
        assert caught.value.errors()[0]["type"].startswith("number.too-")
    with pytest.raises(ValidationError):
        TypeAdapter(Count).validate_python(10**15)
    assert TypeAdapter(Points).validate_python(LARGEST) == LARGEST
    assert TypeAdapter(Count).validate_python(10**15 - 1) == 10**15 - 1


PLAN_EVIDENCE = Path(__file__).parent / "data" / "binh-duong-2017" / "ben-cat-2017.yaml"


@pytest.mark.parametrize(
    "target", ["nan", "inf", "-inf", "1e-400", "84.1234567", "201", "-1", "9" * 5000, "abc", ""]
)
def test_plan_refuses_a_target_outside_the_bounds(target):
    result = run("plan", str(PLAN_EVIDENCE), "--lang", "en", f"--target={target}")
    assert result.exit_code == 2, result.stdout
    assert "Invalid value for '--target'" in result.stderr
    assert "internal error" not in result.stderr
    assert len(result.stderr.split("\n")[-2]) < 200


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "'84,5' dùng dấu phẩy: hãy viết dấu chấm thập phân, ví dụ 84.5"),
        ("en", "'84,5' has a decimal comma: write a decimal point, e.g. 84.5"),
    ],
)
def test_a_target_with_a_decimal_comma_is_shown_how_to_write_it(lang, said):
    """A clerk writes 84,5: the refusal says, in the clerk's language, to write 84.5."""
    result = run("plan", str(PLAN_EVIDENCE), "--lang", lang, "--target", "84,5")
    assert result.exit_code == 2
    assert said in result.stderr


@pytest.mark.parametrize(
    ("target", "shown"), [("-0", "0.00%"), ("1e2", "100.00%"), ("84.5", "84.50%")]
)
def test_plan_reads_a_target_as_an_exact_decimal(target, shown):
    result = run("plan", str(PLAN_EVIDENCE), "--lang", "en", f"--target={target}")
    assert result.exit_code == 0, result.stderr
    assert f"Target index {shown}" in result.stdout
