"""Start-up: each command imports what it uses and no more (issue #13).

Which modules a command imports is behaviour, not timing: a module family imported by a command
that does not use it (the years' models by ``evaluate``, pydantic by ``--help``) costs every run
its import and its model builds. Each case runs parscore in a fresh interpreter, as a user does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import commune_copies

from parscore import yamlsource
from parscore.loading import CriteriaResolver

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "evidence/vinh-chap-2023.yaml"

#: what a run of ``parscore ARGS`` imported: the modules' names, printed as JSON
_PROBE = """
import contextlib, io, json, sys
sys.argv = ["parscore", *json.loads(sys.argv[1])]
from parscore.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main()
    except SystemExit as exc:
        code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def imported(*args: str) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(run.stdout)
    assert seen["code"] in (0, None), run.stderr
    return set(seen["modules"])


def family(modules: set[str], *names: str) -> set[str]:
    """The modules of ``modules`` that are one of ``names`` or inside one of them."""
    return {m for m in modules if any(m == n or m.startswith(n + ".") for n in names)}


#: what scoring one commune does not need: last year (years, their models), the to-do list
#: and the plans (evaluate --missing, plan, plan-year), sets that extend another, the workbooks
#: and Word documents, the JSON Schema checker
NOT_FOR_EVALUATE = (
    "parscore.model.years",
    "parscore.years",
    "parscore.yearfiles",
    "parscore.todo",
    "parscore.model.todo",
    "parscore.plan",
    "parscore.model.plan",
    "parscore.plan_year",
    "parscore.extend",
    "parscore.model.extension",
    "parscore.appraisal",
    "parscore.model.appraisal",
    "parscore.workbook",
    "openpyxl",
    "xlsxwriter",
    "docx",
    "jinja2",
    "jsonschema",
)


def test_evaluate_imports_only_what_scoring_one_commune_needs() -> None:
    modules = imported("evaluate", EXAMPLE)
    assert "parscore.engine" in modules  # the probe saw a real run
    assert family(modules, *NOT_FOR_EVALUATE) == set()


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_evaluate_in_other_formats_imports_no_more(fmt: str) -> None:
    assert family(imported("evaluate", EXAMPLE, "--format", fmt), *NOT_FOR_EVALUATE) == set()


def test_evaluate_missing_still_imports_the_to_do_list() -> None:
    modules = imported("evaluate", EXAMPLE, "--missing")
    assert {"parscore.todo", "parscore.plan"} <= modules


def test_help_imports_no_model_nor_yaml() -> None:
    modules = imported("--help")
    assert "parscore.cli" in modules
    assert family(modules, "pydantic", "yaml", "parscore.model", "tabulate") == set()


def test_a_valid_set_is_loaded_without_its_located_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """The node tree that places a problem at its line and column is composed only when a
    problem needs one: loading the shipped set, which has none, composes no tree."""
    composed: list[str] = []
    load_text = yamlsource.load_text

    def counting(text: str, display: str, *args: object, **kwargs: object) -> object:
        composed.append(display)
        return load_text(text, display, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlsource, "load_text", counting)
    cs = CriteriaResolver().load("ref-commune-2023")
    assert cs.id == "ref-commune-2023"
    assert composed == []


# --- compare --jobs: the pool ------------------------------------------------------------------

FORK = pytest.mark.skipif(
    sys.platform != "linux", reason="the workers see the test's patches only when forked"
)


@FORK
def test_chunks_shrink_as_the_files_run_out_a_few_at_a_time(tmp_path, monkeypatch) -> None:
    """Each chunk an eighth of what is left a worker, down to LAST_CHUNK files, and never more
    than two a worker submitted and not yet finished: the workers end together, and the parent
    watches a few futures, not hundreds. The outcomes are the one-process ones, in order."""
    from concurrent.futures import ProcessPoolExecutor

    from parscore import batch
    from parscore.yamlsource import DEFAULT_LIMITS

    files = commune_copies(tmp_path, 64)
    chunks: list[int] = []
    pending: set[object] = set()
    most = 0

    class Watched(ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal most
            future = super().submit(fn, *args, **kwargs)
            chunks.append(len(args[0]))
            pending.add(future)
            most = max(most, len(pending))
            future.add_done_callback(pending.discard)
            return future

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Watched)
    monkeypatch.setattr(batch, "LAST_CHUNK", 2)
    scored = batch.score_files(files, None, DEFAULT_LIMITS, jobs=2)
    # 64 files, 2 workers: 64 // 16 = 4 first, then 60 // 16 = 3 (five times, to 45 left),
    # then 45 // 16 = 2, down to LAST_CHUNK: twenty-two chunks of 2, and the last file
    assert chunks == [4] + [3] * 5 + [2] * 22 + [1]
    assert most <= 4
    monkeypatch.undo()
    alone = batch.score_files(files, None, DEFAULT_LIMITS, jobs=1)
    assert [s.file for s in scored] == [str(f) for f in files]
    assert [s.summary for s in scored] == [s.summary for s in alone]
    assert all(s.summary is not None for s in scored)


@pytest.mark.parametrize(
    ("count", "sizes"),
    [
        (1, [1]),
        (3, [1, 1, 1]),
        (40, [2] * 20),  # a few files: small chunks from the start
        (300, [18, 17] + [16] * 16 + [9]),
    ],
)
def test_chunk_sizes(count: int, sizes: list[int]) -> None:
    from parscore.batch import _chunks

    chunks = _chunks(count, 2)
    assert [len(c) for c in chunks] == sizes
    assert [i for c in chunks for i in c] == list(range(count))
