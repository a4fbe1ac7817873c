"""``parscore convert``: one commune's evidence from one form into another: a YAML file, a commune
folder (a head file and one file per lead office, :mod:`parscore.folder`) or the score sheet
workbook (:mod:`parscore.workbook`).

The evidence is read and checked first, exactly as ``evaluate`` reads it: a form with errors is
refused with its problems (placed at their line or cell), never converted half-right. What is
written is the document as read, value for value, so the same set scores it the same: numbers
exact, dates as dd/mm/yyyy, every input, document, explanation, claimed score, note, bonus and
penalty line. YAML comments are not evidence and are not carried.
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from parscore.loading import (
    CriteriaResolver,
    evidence_base,
    evidence_from_source,
    evidence_source,
    looks_like_path,
)
from parscore.model.checked import CheckedEvidence
from parscore.model.criteria import CriteriaSet
from parscore.report.template import UnitInfo, office_slug
from parscore.workbook import mapping
from parscore.yamlsource import Source, display_name, load_file

_PLAIN_KEY = re.compile(r"[a-z_][a-z0-9_]*")


# --- the YAML text ------------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is YAML double-quoted


def _key(key: Any) -> str:
    text = str(key)
    return text if _PLAIN_KEY.fullmatch(text) else json.dumps(text, ensure_ascii=False)


def _flow(mapping: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{_key(k)}: {_scalar(v)}" for k, v in mapping.items()) + "}"


def _is_flat(value: Any) -> bool:
    return isinstance(value, dict) and all(not isinstance(v, (dict, list)) for v in value.values())


def _lines(value: Any, indent: str) -> list[str]:
    """A mapping's lines at ``indent``."""
    lines: list[str] = []
    for key, item in value.items():
        head = f"{indent}{_key(key)}:"
        if isinstance(item, dict):
            lines += [head + " {}"] if not item else [head, *_lines(item, indent + "  ")]
        elif isinstance(item, list):
            if not item:
                lines.append(head + " []")
                continue
            lines.append(head)
            for element in item:
                if _is_flat(element):
                    lines.append(f"{indent}  - {_flow(element)}")
                elif isinstance(element, dict):
                    inner = _lines(element, indent + "    ")
                    lines.append(f"{indent}  - {inner[0].lstrip()}")
                    lines += inner[1:]
                else:
                    lines.append(f"{indent}  - {_scalar(element)}")
        else:
            text = _scalar(item)
            lines.append(f"{head} {text}" if text else head)
    return lines


def evidence_text(data: dict[str, Any], comment: str = "") -> str:
    """An evidence document as YAML that parscore reads back to the same values."""
    top = [f"# {line}".rstrip() for line in comment.splitlines()]
    return "\n".join([*top, *_lines(data, "")]) + "\n"


# --- a commune folder ---------------------------------------------------------------------------


def split_by_office(data: dict[str, Any], cs: CriteriaSet) -> dict[str, dict[str, Any]]:
    """The document as a commune folder: ``commune.yaml`` (all but the items an office leads) and
    one file per lead office with its items, named for it. File name -> document."""
    lead = {node.id: node.lead for node in cs.leaves()}
    head = {k: v for k, v in data.items() if k not in ("items", "survey")}
    unit = mapping(data.get("unit"))
    offices: dict[str, dict[str, Any]] = {}
    for section in ("items", "survey"):
        for node_id, item in mapping(data.get(section)).items():
            office = lead.get(node_id)
            if office is None:
                head.setdefault(section, {})[node_id] = item
                continue
            name = office_slug(office) + ".yaml"
            file = offices.setdefault(name, {"unit": {"name": unit.get("name")}})
            file["year"] = data.get("year")
            file.setdefault(section, {})[node_id] = item
    return {"commune.yaml": head, **dict(sorted(offices.items()))}


# --- reading, checking, writing -----------------------------------------------------------------


def read_checked(path: Path, resolver: CriteriaResolver) -> tuple[Source, CheckedEvidence]:
    """Any form of one commune's evidence, read and checked (errors raised, located)."""
    src = evidence_source(path, resolver.limits) or load_file(path, resolver.limits)
    return src, evidence_from_source(src, resolver, base=evidence_base(path))


def _moved_ref(data: dict[str, Any], source: Path, target_folder: Path) -> dict[str, Any]:
    """A criteria set named by a relative path, named again from where the output is."""
    ref = data.get("criteria")
    if not isinstance(ref, str) or not looks_like_path(ref) or Path(ref).is_absolute():
        return data
    base = evidence_base(source)
    moved = os.path.relpath((base / ref).resolve(), target_folder.resolve())
    return {**data, "criteria": Path(moved).as_posix()}


def unit_info(data: dict[str, Any]) -> UnitInfo:
    unit = mapping(data.get("unit"))
    parents = {p.get("level"): p.get("name") for p in unit.get("parents") or []}
    return UnitInfo(
        name=str(unit.get("name", "")),
        kind=str(unit.get("kind", "xã")),
        code=unit.get("code"),
        year=data.get("year") if isinstance(data.get("year"), int) else None,
        district=parents.get("district"),
        province=parents.get("province"),
    )


def converted(
    source: Path, target: Path, kind: str, resolver: CriteriaResolver, lang: str
) -> dict[Path, bytes]:
    """What ``convert`` writes: target path -> bytes. ``kind``: yaml, xlsx or folder."""
    src, checked = read_checked(source, resolver)
    folder = target if kind == "folder" else target.parent
    data = _moved_ref(dict(src.data), source, folder)
    comment = f"parscore convert {display_name(source)}"
    if kind == "xlsx":
        from parscore.workbook.write import workbook_bytes

        ref = data.get("criteria")
        info = unit_info(data)
        return {target: workbook_bytes(checked.criteria, info, lang, ref, data)}
    if kind == "folder":
        files = split_by_office(data, checked.criteria)
        return {
            target / name: evidence_text(doc, comment).encode("utf-8")
            for name, doc in files.items()
        }
    return {target: evidence_text(data, comment).encode("utf-8")}


__all__ = ["converted", "evidence_text", "split_by_office"]
