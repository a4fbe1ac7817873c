"""Whatever a file holds, reading and scoring it ends in a result or in located problems —
never in another exception. Bounded budgets, so CI stays quick."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parscore import yamlsource
from parscore.engine import evaluate
from parscore.errors import InputError
from parscore.loading import CriteriaResolver, criteria_from_source, evidence_from_source

DATA = Path(__file__).parent / "data"
EXAMPLE = (Path(__file__).resolve().parent.parent / "evidence" / "vinh-chap-2023.yaml").read_text(
    "utf-8"
)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _located(exc: InputError) -> None:
    assert exc.problems, "an InputError always carries its problems"
    for problem in exc.problems:
        assert problem.file
        problem.format("vi")
        problem.format("en")


def _try_evidence(data: bytes, folder: Path) -> None:
    try:
        src = yamlsource.load_bytes(data, "fuzz.yaml")
        evaluate(evidence_from_source(src, CriteriaResolver(), base=folder))
    except InputError as exc:
        _located(exc)


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data):
    _try_evidence(data, DATA)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 5000),
    st.text(max_size=12),
    st.sampled_from(
        [
            "1.5",
            "1,5",
            "92%",
            "06/02/2023",
            "31/02/2023",
            "yes",
            "ref-commune-2023",
            "on_time",
            "late",
            "1.1.1",
            "3.2",
            "S.1",
            ".inf",
            "00004",
            "xã",
        ]
    ),
)
keys = st.sampled_from(
    [
        "unit",
        "name",
        "kind",
        "year",
        "criteria",
        "items",
        "survey",
        "bonus",
        "penalty",
        "documents",
        "number",
        "date",
        "met",
        "on_time",
        "settled",
        "percent",
        "claimed",
        "explanation",
        "nothing_occurred",
        "parents",
        "level",
        "1.1.1",
        "3.2",
        "S.1",
        "points",
        "reason",
        "status",
        "xyz",
    ]
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)
    ),
    max_leaves=25,
)


@FUZZ
@given(documents)
def test_arbitrary_yaml_shaped_documents(doc):
    text = yaml.safe_dump(doc, allow_unicode=True)
    _try_evidence(text.encode("utf-8"), DATA)


@FUZZ
@given(st.data())
def test_mutated_example(data):
    """The shipped example with one line replaced by something else."""
    lines = EXAMPLE.splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    replacement = data.draw(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(
                [
                    "  x: [",
                    "\t",
                    "- - -",
                    "&a b",
                    "*a",
                    "!!python/object:x y",
                    "<<: {}",
                    "    on_time: -1",
                    "    met: maybe",
                    "items: 5",
                    "---",
                ]
            ),
        )
    )
    lines[index] = replacement
    _try_evidence(
        "\n".join(lines).encode("utf-8"), Path(__file__).resolve().parent.parent / "evidence"
    )


@FUZZ
@given(documents)
def test_arbitrary_criteria_documents(doc):
    text = yaml.safe_dump(
        {"fields": doc} if not isinstance(doc, dict) else {**doc, "fields": doc}, allow_unicode=True
    )
    try:
        criteria_from_source(yamlsource.load_text(text, "set.yaml"))
    except InputError as exc:
        _located(exc)


def test_regression_cases(tmp_path):
    """Inputs that once broke something, kept as they were found."""
    shutil.copy(DATA / "mini-set.yaml", tmp_path / "set.yaml")
    cases = [
        b"",
        b"\xff\xfe",
        b"[",
        b"unit: {name: x, kind: x\xc3\xa3}\nyear: 2023\ncriteria: set.yaml\n",
        b"unit: {name: a, kind: xa}\nyear: 1\ncriteria: /nonexistent/dir/\n",
        b"unit: {name: a, kind: x\xc3\xa3}\nyear: 2023\ncriteria: .\n",
    ]
    for case in cases:
        _try_evidence(case, tmp_path)
