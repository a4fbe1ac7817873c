"""``compare`` on the appraised scores: each commune's appraisal found among the files
compared, and its final stage ranked.

How an appraisal is found: every appraisal and explanation file among the files and folders
``compare`` reads (told from evidence by content) is matched to its commune by the unit code and
year it names (by the unit's name when it names no code). A commune whose final appraisal is
finished (nothing undecided, no explanation awaited) is ranked on it, with its self-assessed
total beside; any other commune is listed as not appraised, never ranked on its self-score among
appraised ones. An appraisal that fails its checks, that names a commune no evidence file is
for, or that is the second one for a commune, is left out with its problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parscore import yamlsource
from parscore.errors import InputError, Problem, Severity
from parscore.model.appraisal import Appraisal, Explanation
from parscore.model.common import comparable
from parscore.model.compare import UnitSummary
from parscore.yamlsource import Limits


@dataclass
class Appraised:
    ranked: list[UnitSummary] = field(default_factory=list)
    not_appraised: list[UnitSummary] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: evidence file → the body its council's documents are issued under (the annex's header)
    bodies: dict[str, tuple[str, str]] = field(default_factory=dict)


def _key(code: str | None, name: str, year: int) -> tuple[str, str, int]:
    return ("code", code, year) if code is not None else ("name", comparable(name), year)


def _keys(unit: Any, year: int) -> list[tuple[str, str, int]]:
    keys = [_key(None, unit.name, year)]
    if unit.code is not None:
        keys.insert(0, _key(unit.code, unit.name, year))
    return keys


def appraised(
    good: list[Any],
    side: list[Any],
    limits: Limits,
    criteria: str | None = None,
    survey: Any = None,
) -> Appraised:
    """``good``: the evidence files scored (batch.FileOutcome with a summary); ``side``: the
    appraisal and explanation files met among the files compared; ``survey``: the province's
    survey table (:mod:`parscore.survey_table`), whose rows replace the files' survey points at
    every stage, as they did when the files were scored."""
    from parscore.appraisal import appraise_stages
    from parscore.appraisal.checks import check_appraisal, check_explanation, read_model
    from parscore.compare import summarize
    from parscore.loading import CriteriaResolver, document_kind, load_evidence
    from parscore.report.appraisal_docs import body_of

    out = Appraised()
    tables: dict[str, dict[tuple[str, str, int], yamlsource.Source]] = {
        "appraisal": {},
        "explanation": {},
    }
    for outcome in side:
        try:
            src = yamlsource.load_file(Path(outcome.file), limits)
            kind = document_kind(src.data)
            assert kind in tables, "told apart by content"
            doc = read_model(src, Appraisal if kind == "appraisal" else Explanation)
        except InputError as exc:
            out.problems.extend(exc.problems)
            continue
        unit_key = _key(doc.unit.code, doc.unit.name, doc.year)
        other = tables[kind].get(unit_key)
        if other is not None:
            out.problems.append(src.problem("appraisal.duplicate", ("unit",), other=other.display))
            continue
        tables[kind][unit_key] = src
    resolver = CriteriaResolver(limits)
    used: set[tuple[str, str, int]] = set()
    used_answers: set[tuple[str, str, int]] = set()
    for outcome in good:
        summary: UnitSummary = outcome.summary
        keys = _keys(summary.unit, summary.year)
        key: tuple[str, str, int] | None = next((k for k in keys if k in tables["appraisal"]), None)
        if key is None:
            out.not_appraised.append(summary)
            continue
        used.add(key)
        answers_key = next((k for k in keys if k in tables["explanation"]), None)
        if answers_key is not None:
            used_answers.add(answers_key)
        try:
            checked = load_evidence(Path(outcome.file), resolver, criteria=criteria)
            if survey is not None:
                from parscore.survey_table import apply

                checked = apply(checked, survey)
            ap = check_appraisal(tables["appraisal"][key], checked)
            if answers_key is not None:
                ap = check_explanation(tables["explanation"][answers_key], checked, ap)
        except InputError as exc:
            out.problems.extend(exc.problems)
            out.not_appraised.append(summary)
            continue
        full, results = appraise_stages(checked, ap)
        if full.appraisal is None or full.appraisal.published is None:
            out.not_appraised.append(summary)
            continue
        out.bodies[summary.source] = body_of(full)
        self_stage = results.get("claimed") or results["computed"]
        out.ranked.append(
            summarize(results["final"]).model_copy(
                update={"self_total": self_stage.totals.total, "source": summary.source}
            )
        )
    for seen, src in tables["appraisal"].items():
        if seen not in used:
            out.problems.append(src.problem("appraisal.no-evidence", ("unit",)))
    for seen, src in tables["explanation"].items():
        if seen not in used_answers:  # no appraisal to answer: said, so that it is not lost
            out.problems.append(
                src.problem("explanation.no-appraisal", ("unit",), severity=Severity.WARNING)
            )
    return out
