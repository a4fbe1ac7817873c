"""``evaluate --appraisal`` and ``appraisal init`` but the printing: files in, text out."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from parscore.errors import Problem
from parscore.model.checked import CheckedEvidence
from parscore.model.result import UnitResult
from parscore.report.common import Options
from parscore.yamlsource import Limits


def appraisal_text(
    prepared: CheckedEvidence,
    appraisal: Path,
    explanation: Path | None,
    fmt: str,
    opts: Options,
    limits: Limits,
    warn: Callable[[list[Problem]], None],
) -> str:
    """The commune's scores at every stage, as ``fmt`` (table, markdown, json). Warnings of
    the evidence and of the appraisal files go to ``warn``."""
    from parscore.report import appraisal as report
    from parscore.report import to_json

    result = appraisal_result(prepared, appraisal, explanation, limits, warn)
    if fmt == "json":
        return to_json(result, opts)
    return report.markdown(result, opts) if fmt == "markdown" else report.table(result, opts)


def appraisal_result(
    prepared: CheckedEvidence,
    appraisal: Path,
    explanation: Path | None,
    limits: Limits,
    warn: Callable[[list[Problem]], None],
) -> UnitResult:
    """The commune's result with its appraisal, stage by stage; the warnings to ``warn``."""
    from parscore.appraisal import appraise
    from parscore.appraisal.checks import load_appraisal

    checked = load_appraisal(appraisal, prepared, explanation, limits)
    warn(list(prepared.warnings) + list(checked.warnings))
    return appraise(prepared, checked)


def appraisal_file(
    prepared: CheckedEvidence, evidence: Path, output: Path, council: str | None, lang: str
) -> str:
    """The council's file pre-filled from ``prepared`` (read from ``evidence``), naming the
    evidence relative to where it is written."""
    from parscore.engine import evaluate
    from parscore.report.appraisal_file import render_appraisal_file

    ref = Path(os.path.relpath(evidence.resolve(), output.resolve().parent)).as_posix()
    return render_appraisal_file(evaluate(prepared), ref, council, lang)
