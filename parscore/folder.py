"""One commune's evidence as a folder: a head file and one file per office.

The rule (docs/workbook.md): a folder is **one commune** when it holds a head file named
``commune.yaml`` (or ``commune.yml``). The head holds what a single evidence file holds (unit,
year, criteria, assessment, facts, bonus, penalty, notes, and items if it likes). Every other
``.yaml``/``.yml`` file directly in the folder (not below it, not hidden) is an **office file**:
its ``items:`` and ``survey:``, and optionally ``unit:``, ``year:`` and ``criteria:`` repeated to
say whose file it is, which must then agree with the head. Any other key belongs in the head.

The files are merged into one document read by the same checks as a single file: each problem
is placed in the file and at the line where the value was typed (:class:`FolderSource`). An item
given in two files, or a unit, year or set that differs from the head's, is an error naming both
places. A folder without a head file is not a commune (``compare`` searches it for communes).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from parscore import yamlsource
from parscore.errors import InputError, KeyPath, Problem, Severity
from parscore.yamlsource import Limits, Source, display_name

__all__ = ["HEAD_NAMES", "FolderSource", "is_commune_folder", "office_files", "read_folder"]

HEAD_NAMES = ("commune.yaml", "commune.yml")
SUFFIXES = (".yaml", ".yml")
#: Keys an office file may hold; the others belong in the head file.
OFFICE_KEYS = ("unit", "year", "criteria", "items", "survey")
_SECTIONS = ("items", "survey")
_AGREE = ("unit", "year", "criteria")
#: Office files one commune folder may hold: a commune has a dozen offices.
MAX_FILES = 200


def head_file(folder: Path) -> Path | None:
    for name in HEAD_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def is_commune_folder(folder: Path) -> bool:
    """A folder holding a head file (``commune.yaml``) is one commune."""
    return folder.is_dir() and head_file(folder) is not None


def office_files(folder: Path, head: Path) -> list[Path]:
    """The office files of a commune folder, in name order."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise InputError(
            [Problem("file.unreadable", {"reason": exc.strerror or str(exc)}, display_name(folder))]
        ) from None
    return [
        folder / name
        for name in names
        if name.endswith(SUFFIXES)
        and not name.startswith((".", "~"))
        and name != head.name
        and not (folder / name).is_dir()
    ]


class FolderSource(Source):
    """The head and office files of one commune, merged: ``data`` is the merged document and
    every key path is placed in the file that gave it."""

    def __init__(self, display: str, head: Source, data: Any, owners: dict[KeyPath, Source]):
        super().__init__(display, head.text, head.root, data)
        self.head = head
        self.owners = owners
        self._files = frozenset({head.display, *(s.display for s in owners.values())})

    @property
    def files(self) -> frozenset[str]:
        return self._files

    def _owner(self, keys: KeyPath) -> Source:
        return self.owners.get(tuple(keys[:2]), self.head)

    def position(self, keys: KeyPath, *, prefer_key: bool = False) -> tuple[int, int]:
        return self._owner(keys).position(keys, prefer_key=prefer_key)

    def problem(
        self,
        code: str,
        keys: KeyPath = (),
        *,
        prefer_key: bool = False,
        severity: Severity = Severity.ERROR,
        **args: Any,
    ) -> Problem:
        owner = self._owner(keys)
        return owner.problem(code, keys, prefer_key=prefer_key, severity=severity, **args)


def _differs(head: Source, office: Source, key: str, problems: list[Problem]) -> None:
    """``unit``, ``year`` or ``criteria`` repeated in an office file: the same as the head's.
    For the unit, each key the office file gives is compared."""
    theirs = office.data[key]
    ours = head.data.get(key) if isinstance(head.data, dict) else None
    pairs: list[tuple[KeyPath, Any, Any]] = []
    if key == "unit" and isinstance(theirs, dict) and isinstance(ours, dict):
        pairs = [((key, sub), value, ours.get(sub)) for sub, value in theirs.items()]
    else:
        pairs = [((key,), theirs, ours)]
    for path, value, expected in pairs:
        if value != expected:
            there = head.problem("folder.differs", path)
            problems.append(
                office.problem(
                    "folder.differs",
                    path,
                    key=".".join(str(k) for k in path),
                    value=_shown_value(value),
                    expected=_shown_value(expected),
                    path=there.where(),
                )
            )


def _shown_value(value: Any) -> str:
    """A value as typed, text quoted: "2024" (text) and 2024 (a number), "Thử " and "Thử" are
    told apart in the message."""
    return f'"{value}"' if isinstance(value, str) else str(value)


def merge(head: Source, offices: list[Source], display: str) -> FolderSource:
    """The head and office files as one document. The merge's problems travel with it
    (``read_problems``), reported with every problem the checks find, in one run; an empty
    office file (nothing, or only comments) is skipped with a warning."""
    problems: list[Problem] = []
    if not isinstance(head.data, dict):
        from parscore.model.common import found

        raise InputError([head.problem("doc.not-mapping", found=found(head.data))])
    data = dict(head.data)
    owners: dict[KeyPath, Source] = {}
    for section in _SECTIONS:
        if isinstance(data.get(section), dict):
            data[section] = dict(data[section])
    for office in offices:
        if office.data is None:  # an office file not filled yet
            problems.append(office.problem("folder.empty-file", severity=Severity.WARNING))
            continue
        if not isinstance(office.data, dict):
            from parscore.model.common import found

            problems.append(office.problem("doc.not-mapping", found=found(office.data)))
            continue
        for key, value in office.data.items():
            if key in _AGREE:
                _differs(head, office, key, problems)
            elif key in _SECTIONS:
                _merge_section(head, office, key, value, data, owners, problems)
            else:
                problems.append(
                    office.problem("folder.head-key", (key,), prefer_key=True, key=str(key))
                )
    merged = FolderSource(display, head, data, owners)
    merged.read_problems = problems
    return merged


def _merge_section(
    head: Source,
    office: Source,
    section: str,
    value: Any,
    data: dict[str, Any],
    owners: dict[KeyPath, Source],
    problems: list[Problem],
) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        from parscore.model.common import found

        problems.append(office.problem("value.expected-mapping", (section,), found=found(value)))
        return
    target = data.get(section)
    if target is None:
        target = data[section] = {}
    if not isinstance(target, dict):  # the head's own section is refused by the models
        return
    for node_id, item in value.items():
        keys = (section, node_id)
        if node_id in target:
            first = owners.get(keys, head).problem("folder.item-twice", keys, prefer_key=True)
            problems.append(
                office.problem(
                    "folder.item-twice", keys, prefer_key=True, id=str(node_id), path=first.where()
                )
            )
            continue
        target[node_id] = item
        owners[keys] = office


def read_folder(folder: Path, limits: Limits) -> FolderSource:
    """A commune folder's files read and merged (not yet checked against the set)."""
    head_path = head_file(folder)
    shown = display_name(folder)
    if head_path is None:
        raise InputError([Problem("folder.no-head", {"head": HEAD_NAMES[0]}, shown)])
    paths = office_files(folder, head_path)
    if len(paths) > MAX_FILES:
        raise InputError([Problem("folder.too-many", {"limit": MAX_FILES}, shown)])
    head = yamlsource.load_file(head_path, limits)
    offices: list[Source] = []
    problems: list[Problem] = []
    for path in paths:  # a file that cannot be read is said with the others' problems
        try:
            offices.append(yamlsource.load_file(path, limits))
        except InputError as exc:
            if [p.code for p in exc.problems] == ["file.empty"]:  # not filled yet: skipped
                empty = Problem(
                    "folder.empty-file", {}, display_name(path), severity=Severity.WARNING
                )
                problems.append(empty)
            else:
                problems += exc.problems
    for path in _workbooks(folder):
        problems.append(
            Problem("folder.workbook-ignored", {}, display_name(path), severity=Severity.WARNING)
        )
    merged = merge(head, offices, shown)
    merged.read_problems = problems + merged.read_problems
    return merged


def _workbooks(folder: Path) -> list[Path]:
    """Workbooks lying in a commune folder: not read (the folder's evidence is its YAML)."""
    from parscore.loading import is_workbook

    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [folder / n for n in names if is_workbook(Path(n)) and not n.startswith((".", "~$"))]


def head_alone(path: Path) -> Problem | None:
    """A warning when ``path`` is a commune folder's head file read alone: the office files
    beside it are not read (give the folder)."""
    if path.name not in HEAD_NAMES or path.parent.name == "":
        return None
    try:
        offices = office_files(path.parent, path)
    except InputError:
        return None
    if not offices:
        return None
    folder = display_name(path.parent)
    return Problem(
        "folder.head-alone",
        {"folder": folder, "count": len(offices)},
        display_name(path),
        severity=Severity.WARNING,
    )
