"""Files -> validated models, with every problem located at its file, line and column.

The checks live in modules named for what they check: :mod:`parscore.checks.pydantic_errors`
(the shape, as pydantic sees it), :mod:`parscore.checks.criteria` (a whole criteria set),
:mod:`parscore.checks.evidence` (an evidence file against its set); criteria sets are found by
:mod:`parscore.criteria_sets`. This module reads the files and calls them in turn.

Validation happens in two passes over a parsed :class:`~parscore.yamlsource.Source`:

1. the pydantic models check the shape; each error's ``loc`` is mapped back to the YAML node
   it names (the key for an unknown key, the parent mapping for a missing one, the value
   otherwise) and its type to a message of the catalogue;
2. checks that need the whole document follow: in a criteria set, ids unique, parents equal to
   the sum of their children, bands with no gap, the declared total; in an evidence file, ids
   known to the set, inputs that fit their rule, documents dated in the year.

All problems are collected and raised together as one :class:`~parscore.errors.InputError`.
An evidence file whose shape pydantic refuses is still checked against its set, with the values
refused set aside (:mod:`parscore.checks.salvage`), so that one run reports every problem; an
item's key typed at the ids' indentation is said as such (:mod:`parscore.checks.indentation`).
Warnings do not stop anything: they travel with the loaded evidence into the result.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path as FsPath
from typing import Any

from pydantic import ValidationError

from parscore import yamlsource
from parscore.checks.criteria import criteria_from_source
from parscore.checks.evidence import check_evidence
from parscore.checks.indentation import under_indented
from parscore.checks.pydantic_errors import model_keys, validation_problems
from parscore.checks.salvage import kept, salvage
from parscore.criteria_sets import (
    CriteriaResolver,
    looks_like_path,
    shipped_sets,
)
from parscore.errors import InputError, KeyPath, Problem, Severity
from parscore.model.checked import CheckedEvidence
from parscore.model.common import BlankTexts, found
from parscore.model.criteria import CriteriaSet
from parscore.model.evidence import Evidence
from parscore.rules import RESERVED_KEYS
from parscore.yamlsource import Source

__all__ = [
    "CriteriaResolver",
    "check_criteria",
    "criteria_from_source",
    "document_kind",
    "evidence_from_bytes",
    "evidence_base",
    "evidence_from_source",
    "evidence_source",
    "is_workbook",
    "load_criteria",
    "load_evidence",
    "looks_like_path",
    "looks_like_workbook",
    "shipped_sets",
]

WORKBOOK_SUFFIX = ".xlsx"
ZIP_SIGNATURE = b"PK\x03\x04"
_EVIDENCE_KEYS = model_keys(Evidence) | RESERVED_KEYS


def evidence_from_source(
    src: Source,
    resolver: CriteriaResolver,
    *,
    criteria: str | None = None,
    base: FsPath | None = None,
) -> CheckedEvidence:
    """Validate an evidence document and check it against its criteria set.

    ``criteria`` overrides the set the file names; relative paths in the file are taken from
    ``base`` (the file's folder).
    """
    data = src.data
    # a workbook's inserted row, said with everything else; a warning (a workbook named .yaml)
    # travels with the warnings
    early = [p for p in src.read_problems if p.severity is Severity.ERROR]
    noted = [p for p in src.read_problems if p.severity is not Severity.ERROR]
    if not isinstance(data, dict):
        raise InputError([*early, src.problem("doc.not-mapping", found=found(data))])
    shape: list[Problem] = []
    removed: list[KeyPath] = []
    blank = BlankTexts()  # told whether an optional text was blank (then said where)
    try:
        ev: Evidence | None = Evidence.model_validate(data, context=blank)
    except ValidationError as exc:
        # every problem in one run: the checks go on with what the models refused set aside
        shape = validation_problems(src, exc, known_keys=_EVIDENCE_KEYS)
        ev, removed = salvage(Evidence, data, exc)
        blank.found = True  # what was set aside was not all seen: looked for
    if ev is None:
        raise InputError(early + under_indented(src, shape))
    try:
        checked = _check_against_set(src, resolver, ev, criteria, base, blank.found)
    except InputError as exc:
        problems = shape + kept(exc.problems, src.files, removed)
        raise InputError(early + noted + under_indented(src, problems)) from None
    if shape or early:
        problems = shape + kept(noted + list(checked.warnings), src.files, removed)
        raise InputError(early + under_indented(src, problems))
    if noted:
        return checked.model_copy(update={"warnings": (*noted, *checked.warnings)})
    return checked


def _check_against_set(
    src: Source,
    resolver: CriteriaResolver,
    ev: Evidence,
    criteria: str | None,
    base: FsPath | None,
    blank_texts: bool = True,
) -> CheckedEvidence:
    if criteria is not None:
        location = resolver.locate(criteria, FsPath.cwd())
    else:

        def where() -> Problem:  # placed only if the set is not found
            return src.problem("criteria.not-found", ("criteria",))

        location = resolver.locate(ev.criteria, base, referrer=where)
    return check_evidence(src, resolver.load(location), ev, location, blank_texts=blank_texts)


#: what is said of a file of another kind given where evidence is expected
NOT_EVIDENCE = {
    "criteria": "usage.not-evidence",
    "appraisal": "usage.appraisal-file",
    "explanation": "usage.appraisal-file",
    "output": "usage.parscore-output",
}


def document_kind(data: Any) -> str | None:
    """'criteria', 'evidence', 'appraisal' or 'explanation', told apart by content; 'output'
    for a file parscore wrote (``format: parscore-…``: a result, a comparison, a plan...)."""
    if isinstance(data, dict):
        written = data.get("format")
        if isinstance(written, str) and written.startswith("parscore-"):
            return "output"
        if ("council" in data or "round1" in data) and "unit" in data:
            return "appraisal"
        if "answers" in data and "unit" in data:
            return "explanation"
        if "fields" in data or ("extends" in data and "unit" not in data):
            return "criteria"
        if "unit" in data:
            return "evidence"
    return None


def evidence_from_bytes(
    data: bytes,
    path: FsPath,
    resolver: CriteriaResolver,
    *,
    criteria: str | None = None,
    read: Callable[[bytes, str, yamlsource.Limits], Source] = yamlsource.load_bytes,
) -> CheckedEvidence:
    """An evidence file's bytes, read from ``path``, checked against its criteria set.
    A criteria set given where evidence was expected is a usage error. ``read`` parses the
    bytes: the located reader, or a fast path with its problems (:mod:`parscore.fastyaml`)."""
    src = read(data, yamlsource.display_name(path), resolver.limits)
    kind = document_kind(src.data)
    if kind in ("criteria", "appraisal", "explanation", "output"):
        from parscore.errors import UsageError

        raise UsageError(NOT_EVIDENCE[kind], path=src.display, format=src.data.get("format"))
    return evidence_from_source(src, resolver, criteria=criteria, base=path.parent)


def load_evidence(
    path: FsPath | str,
    resolver: CriteriaResolver | None = None,
    *,
    criteria: str | None = None,
) -> CheckedEvidence:
    """One commune's evidence, in any of its forms: a YAML file, a commune folder (a head file
    and one file per office, :mod:`parscore.folder`) or a score-sheet workbook (``.xlsx``,
    :mod:`parscore.workbook`): one evidence model, checked the same way."""
    path = FsPath(path)
    resolver = resolver or CriteriaResolver()
    src = evidence_source(path, resolver.limits)
    if src is not None:
        return evidence_from_source(src, resolver, criteria=criteria, base=evidence_base(path))
    data = yamlsource.read_bytes(path, resolver.limits)
    checked = evidence_from_bytes(data, path, resolver, criteria=criteria)
    from parscore.folder import head_alone

    alone = head_alone(path)  # a commune folder's head file named alone: said
    if alone is not None:
        return checked.model_copy(update={"warnings": (alone, *checked.warnings)})
    return checked


def evidence_base(path: FsPath) -> FsPath:
    """Where relative paths in a commune's evidence are taken from: a folder is its own base,
    a file's is the folder it is in."""
    return path if path.is_dir() else path.parent


def is_workbook(path: FsPath) -> bool:
    """A score-sheet workbook, told by its name (any case: .xlsx, .XLSX); the one test of it
    (batch, compare, template and convert ask here)."""
    return path.suffix.lower() == WORKBOOK_SUFFIX


def evidence_source(path: FsPath, limits: yamlsource.Limits) -> Source | None:
    """A commune folder or a workbook read into one located source; None for a YAML file."""
    if path.is_dir():
        from parscore.folder import read_folder

        return read_folder(path, limits)
    if is_workbook(path):
        from parscore.workbook.read import read_workbook

        return read_workbook(path, limits)
    if looks_like_workbook(path):  # a workbook saved under another name: read as one, said
        from parscore.workbook.read import read_workbook

        src = read_workbook(path, limits)
        warning = Problem("workbook.misnamed", {}, src.display, severity=Severity.WARNING)
        src.read_problems.insert(0, warning)
        return src
    return None


def looks_like_workbook(path: FsPath) -> bool:
    """A file that begins as a zip archive (an .xlsx workbook) whatever its name; not a YAML
    file, which is text."""
    try:
        if not path.is_file():  # a FIFO or a device is never opened here (it would wait)
            return False
        with path.open("rb") as handle:
            return handle.read(4) == ZIP_SIGNATURE
    except OSError:
        return False  # reported when it is read


def check_criteria(src: Source, resolver: CriteriaResolver, path: FsPath) -> CriteriaSet:
    """A criteria file read from ``path``, checked; over the sets it extends, if it does."""
    location = str(path.resolve())
    return resolver.resolve_source(src, path.parent, (location,))[0]


def load_criteria(ref: str, resolver: CriteriaResolver | None = None) -> CriteriaSet:
    return (resolver or CriteriaResolver()).load(ref, FsPath.cwd())
