"""The evidence file a commune fills for its Q4 meeting (``parscore template``). Pure: text out.

Every scored sub-criterion is present in the order of the set, preceded by comments: its text,
maximum, how it is scored, the evidence expected and the lead office. Inputs are left empty, so
an unfilled item is reported as missing evidence, never scored as a silent zero. Every word of
the comments is a ``template.`` code in :mod:`parscore.messages`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from parscore.messages import Phrase, format_number, format_points, render
from parscore.model.criteria import CriteriaSet, LedgerRule, Node
from parscore.rules import InputSpec

#: what a sub-criterion scores when nothing to score occurred in the year
NOTHING_OCCURRED = {
    "full_points": "template.nothing-full-points",
    "not_applicable": "template.nothing-not-applicable",
    "zero": "template.nothing-zero",
}


@dataclass(frozen=True)
class UnitInfo:
    name: str
    kind: str = "xã"
    code: str | None = None
    year: int | None = None
    district: str | None = None
    province: str | None = None


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: str) -> str:
    return "\n".join(f"{indent}# {line}".rstrip() for line in text.splitlines() or [""])


def input_hint(spec: InputSpec, lang: str) -> str:
    hint = render(f"template.type-{spec.type}", {"choices": ", ".join(spec.choices)}, lang)
    return f"{spec.label.get(lang)} ({hint})"


def _item_comments(node: Node, lang: str, indent: str) -> list[str]:
    """What is scored and how, above the item's keys."""
    kind = node.kind
    texts = [
        render(
            "template.item",
            {"id": node.id, "name": node.name.get(lang), "max": format_number(node.max, lang)},
            lang,
        ),
        render("template.rule", {"rule": kind.describe(node.rule, node.max, lang)}, lang),
    ]
    if node.when_nothing_occurred:
        what = Phrase(NOTHING_OCCURRED[node.when_nothing_occurred])
        texts.append(render("template.nothing", {"what": what}, lang))
    texts.append(kind.fill_hint(node.rule, lang) or "")
    if node.evidence:
        texts.append(render("template.evidence", {"evidence": node.evidence.get(lang)}, lang))
    if node.lead:
        lead = node.lead + (f" (+ {', '.join(node.support)})" if node.support else "")
        texts.append(render("template.lead", {"lead": lead}, lang))
    return [_comment(text, indent) for text in texts if text]


def _item_inputs(node: Node, lang: str, indent: str) -> list[str]:
    """The item's empty keys: the inputs of its first group, the other groups as comments."""
    specs = node.kind.inputs(node.rule)
    groups = sorted(
        {spec.group for spec in specs if spec.group}, key=[s.group for s in specs].index
    )
    lines = [
        f"{indent}{spec.name}:  # {input_hint(spec, lang)}"
        for spec in specs
        if not (spec.group and groups and spec.group != groups[0])
    ]
    for group in groups[1:]:
        alternative = [s for s in specs if s.group == group]
        shown = ", ".join(f"{s.name}: ..." for s in alternative)
        hints = "; ".join(input_hint(s, lang) for s in alternative)
        lines.append(
            _comment(render("template.or", {"shown": shown, "hints": hints}, lang), indent)
        )
    if node.scored_by == "commune":
        lines += [f"{indent}documents:", f"{indent}explanation:", f"{indent}claimed:"]
    return lines


def _item(node: Node, lang: str, indent: str) -> list[str]:
    return [
        *_item_comments(node, lang, indent),
        f"{indent}{_q(node.id)}:",
        *_item_inputs(node, lang, indent + "  "),
    ]


def schema_name(cs: CriteriaSet) -> str:
    """The file the first line points at, beside the evidence file: the set's own schema
    (``parscore schema evidence --criteria ID``, or ``parscore template --schema``)."""
    return f"{cs.id}.schema.json"


def _head(cs: CriteriaSet, unit: UnitInfo, year: int, lang: str, ref: str) -> list[str]:
    """The schema line, what the file is, and how to fill it."""
    title = render("template.title", {"year": year, "kind": unit.kind, "name": unit.name}, lang)
    criteria = render(
        "template.criteria",
        {"id": cs.id, "version": cs.version, "title": cs.title.get(lang)},
        lang,
    )
    return [
        f"# yaml-language-server: $schema={schema_name(cs)}",
        _comment(title, ""),
        _comment(criteria, ""),
        "#",
        _comment(render("template.how-to", {"ref": ref, "schema": schema_name(cs)}, lang), ""),
    ]


def _unit(unit: UnitInfo) -> list[str]:
    lines = ["unit:", f"  name: {_q(unit.name)}"]
    if unit.code:
        lines.append(f"  code: {_q(unit.code)}")
    lines.append(f"  kind: {_q(unit.kind)}")
    given = [
        (level, name)
        for level, name in (("district", unit.district), ("province", unit.province))
        if name
    ]
    if not given:
        return [
            *lines,
            "  parents: []  # - {level: district, name: ...}  - {level: province, name: ...}",
        ]
    lines.append("  parents:")
    lines += [f"    - {{level: {level}, name: {_q(name)}}}" for level, name in given]
    return lines


def _items(cs: CriteriaSet, lang: str) -> list[str]:
    lines = ["items:"]
    for field in cs.fields:
        heading = render(
            "template.field",
            {"id": field.id, "name": field.name.get(lang), "max": format_number(field.max, lang)},
            lang,
        )
        lines += ["", _comment(heading, "  ")]
        lines += [line for node in _commune_leaves(field) for line in _item(node, lang, "  ")]
    return lines


def _facts(cs: CriteriaSet, lang: str) -> list[str]:
    """The facts the set's bands read, to fill (only when they read some)."""
    if not any(c.discipline_at_least for b in cs.bands for c in b.not_when):
        return []
    return ["facts:", "  discipline:  # " + render("template.discipline", None, lang)]


def _commune_leaves(field: Node) -> list[Node]:
    """The leaves the commune fills (survey rows inside a field go under ``survey:``)."""
    return [n for n in field.walk() if n.is_leaf and n.scored_by == "commune"]


def _survey_and_ledgers(cs: CriteriaSet, lang: str) -> list[str]:
    rows = [n for n in cs.leaves() if n.scored_by == "outside"]  # survey rows in fields too
    return _survey_and_ledgers_of(cs, lang, rows)


def _ledger_kinds(ledger: LedgerRule, lang: str) -> list[str]:
    """The kinds a line may name (kind: ...), each with its name, points and cap."""
    lines = []
    for kind in ledger.kinds:
        args = {
            "id": kind.id,
            "name": kind.name.get(lang),
            "points": format_points(kind.points_each, lang)
            if kind.points_each is not None
            else "…",
            "cap": format_points(kind.cap, lang) if kind.cap is not None else "—",
        }
        lines.append(_comment(render("template.ledger-kind", args, lang), ""))
    return lines


def render_template(
    cs: CriteriaSet, unit: UnitInfo, lang: str = "vi", criteria_ref: str | None = None
) -> str:
    """``criteria_ref`` is what the file names as its set (default: the set's id)."""
    year = unit.year or cs.year
    lines = [
        *_head(cs, unit, year, lang, criteria_ref or cs.id),
        "",
        *_unit(unit),
        f"year: {year}",
        f"criteria: {_q(criteria_ref or cs.id)}",
        "assessment:",
        "  by:  # " + render("template.assessed-by", None, lang),
        "  date:  # dd/mm/yyyy",
        *_facts(cs, lang),
        "",
        *_items(cs, lang),
        *_survey_and_ledgers(cs, lang),
    ]
    return "\n".join(lines) + "\n"


# --- a commune folder: a head file and one file per lead office (parscore/folder.py) -----------


def office_slug(office: str | None) -> str:
    """A file name for an office, in plain ASCII: "Công chức Tư pháp – Hộ tịch" ->
    "cong-chuc-tu-phap-ho-tich"."""
    import re
    import unicodedata

    if not office:
        return "chung"
    text = unicodedata.normalize("NFD", office.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "bo-phan"


def _office_items(cs: CriteriaSet, office: str, lang: str) -> list[str]:
    """The items (and survey rows) one office leads, under their field headings."""
    lines: list[str] = []
    commune: list[str] = []
    for field in cs.fields:
        mine = [n for n in _commune_leaves(field) if n.lead == office]
        if mine:
            heading = render(
                "template.field",
                {
                    "id": field.id,
                    "name": field.name.get(lang),
                    "max": format_number(field.max, lang),
                },
                lang,
            )
            commune += ["", _comment(heading, "  ")]
            commune += [line for node in mine for line in _item(node, lang, "  ")]
    if commune:
        lines += ["items:", *commune]
    rows = [n for n in cs.leaves() if n.scored_by == "outside" and n.lead == office]
    if rows:
        lines += ["", _comment(render("template.survey", None, lang), ""), "survey:"]
        lines += [line for node in rows for line in _item(node, lang, "  ")]
    return lines


def render_folder(
    cs: CriteriaSet, unit: UnitInfo, lang: str = "vi", criteria_ref: str | None = None
) -> dict[str, str]:
    """A commune folder to fill: ``commune.yaml`` (unit, year, set, assessment, bonus and
    penalty, and the items no office leads) and one file per lead office, named for it, with
    only the items it leads, in the set's order. File name -> text."""
    year = unit.year or cs.year
    ref = criteria_ref or cs.id
    offices = list(dict.fromkeys(n.lead for n in cs.leaves() if n.lead))
    nobody = [n for n in cs.leaves() if not n.lead]
    head = [
        *_head(cs, unit, year, lang, ref),
        _comment(render("template.folder-head", None, lang), ""),
        "",
        *_unit(unit),
        f"year: {year}",
        f"criteria: {_q(ref)}",
        "assessment:",
        "  by:  # " + render("template.assessed-by", None, lang),
        "  date:  # dd/mm/yyyy",
        *_facts(cs, lang),
    ]
    if any(n.scored_by == "commune" for n in nobody):
        head += ["", "items:"]
        head += [line for n in nobody if n.scored_by == "commune" for line in _item(n, lang, "  ")]
    head += _survey_and_ledgers_of(cs, lang, [n for n in nobody if n.scored_by == "outside"])
    files = {"commune.yaml": "\n".join(head) + "\n"}
    for office in offices:
        title = render("template.folder-office", {"office": office}, lang)
        lines = [
            _comment(title, ""),
            "",
            f"unit: {{name: {_q(unit.name)}}}",
            f"year: {year}",
            "",
            *_office_items(cs, office, lang),
        ]
        name = office_slug(office) + ".yaml"
        while name in files:  # two offices whose names read alike
            name = name[:-5] + "-2.yaml"
        files[name] = "\n".join(lines) + "\n"
    return files


def _survey_and_ledgers_of(cs: CriteriaSet, lang: str, rows: list[Node]) -> list[str]:
    """Survey rows no office leads, and the bonus and penalty ledgers, for the head file."""
    lines: list[str] = []
    if rows:
        lines += ["", _comment(render("template.survey", None, lang), ""), "survey:"]
        lines += [line for node in rows for line in _item(node, lang, "  ")]
    if cs.bonus is not None:
        lines += ["", _comment(render("template.bonus", None, lang), "")]
        lines += [*_ledger_kinds(cs.bonus, lang), "bonus: []"]
    if cs.penalty is not None:
        lines += [_comment(render("template.penalty", None, lang), "")]
        lines += [*_ledger_kinds(cs.penalty, lang), "penalty: []"]
    return lines
