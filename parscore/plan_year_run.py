"""``parscore plan-year``: the inputs read (the criteria set, last year's evidence or its JSON
result), the unit
and the year settled, then the pure draft (:func:`parscore.plan_year.make_year_plan`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from parscore.errors import InputError, Problem, Severity, UsageError
from parscore.loading import CriteriaResolver, load_criteria, load_evidence
from parscore.model.criteria import CriteriaSet
from parscore.model.evidence import Parent, Unit
from parscore.model.result import RESULT_FORMAT, UnitResult
from parscore.plan_year import YearPlan, make_year_plan


def _nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text else text


def _unit(
    name: str | None,
    kind: str | None,
    district: str | None,
    province: str | None,
    before: Unit | None,
) -> Unit:
    """The unit the options name, completed from last year's file (its kind, district and
    province) where an option is not given."""
    if name is None:
        if before is None:
            raise UsageError("usage.plan-year-unit")
        name = before.name
    parents = []
    for level, given in (("district", district), ("province", province)):
        known = before.parent(level) if before is not None else None
        if given:
            parents.append(Parent(level=level, name=_nfc(given)))  # type: ignore[arg-type]
        elif known is not None:
            parents.append(known)
    chosen = kind or (before.kind if before is not None else "xã")
    return Unit(name=_nfc(name), kind=chosen, parents=parents)  # type: ignore[arg-type]


def _result_file(path: Path, sets: CriteriaResolver) -> UnitResult:
    """Last year's result as ``evaluate --format json`` wrote it."""
    from pydantic import ValidationError

    from parscore.yamlsource import decode, display_name, read_bytes

    shown = display_name(path)
    text = decode(read_bytes(path, sets.limits), shown)
    try:
        return UnitResult.model_validate_json(text)
    except ValidationError:
        problem = Problem("plan-year.not-a-result", {"format": RESULT_FORMAT}, shown, 1, 1)
        raise InputError([problem]) from None


def draft(
    sets: CriteriaResolver,
    *,
    criteria_ref: str | None,
    unit_name: str | None,
    unit_kind: str | None,
    district: str | None,
    province: str | None,
    year: int | None,
    previous: Path | None,
    appraisal: Path | None = None,
    warn: Callable[[list[Problem]], None] = lambda problems: None,
) -> YearPlan:
    """The plan; with ``appraisal`` (the council's file on the ``previous`` evidence), it
    stands on the published appraisal, as a JSON result of ``evaluate --appraisal`` does."""
    from parscore.checks.evidence import kind_problem
    from parscore.engine import evaluate

    result: UnitResult | None = None
    cs: CriteriaSet | None = None
    is_json = previous is not None and previous.suffix.lower() == ".json"
    if appraisal is not None and (previous is None or is_json):
        raise UsageError("usage.plan-year-appraisal")
    if previous is not None and is_json:
        result = _result_file(previous, sets)
    elif previous is not None:
        prepared = load_evidence(previous, sets)
        cs = prepared.criteria
        if appraisal is not None:
            from parscore.appraisal.run import appraisal_result

            result = appraisal_result(prepared, appraisal, None, sets.limits, warn)
        else:
            result = evaluate(prepared)
    if criteria_ref is not None:
        cs = load_criteria(criteria_ref, sets)
    elif cs is None and result is not None:  # last year's set, until the new one is given
        cs = load_criteria(result.criteria.id, sets)
    if cs is None:
        raise UsageError("usage.plan-year-criteria")
    unit = _unit(unit_name, unit_kind, district, province, result.unit if result else None)
    year = year or (result.year + 1 if result is not None else cs.year)
    if (problem := kind_problem(unit.kind, year)) is not None:
        raise UsageError(problem, kind=unit.kind, year=year)
    if year not in (cs.year, cs.year + 1):  # the year after the set's: its set is not out yet
        args = {"set": cs.id, "set_year": cs.year, "year": year}
        warn([Problem("plan-year.set-year", args, cs.id, severity=Severity.WARNING)])
    return make_year_plan(cs, unit, year, result)
