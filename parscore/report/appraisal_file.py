"""The council's appraisal file, pre-filled from a commune's scored evidence (``parscore
appraisal init``): the header, and round 1 with every sub-criterion the commune scores, its
claimed and computed points in a comment and its decision left empty, and every bonus and
penalty line of the evidence, undecided. An item no one looks at stays visibly undecided."""

from __future__ import annotations

import json

from parscore.escaping import one_line
from parscore.messages import format_points, render
from parscore.model.result import UnitResult


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: str) -> str:
    return f"{indent}# {one_line(text)}".rstrip()


def render_appraisal_file(
    result: UnitResult, evidence_ref: str, council: str | None, lang: str
) -> str:
    unit = result.unit
    out = [
        _comment(
            render(
                "appraisal-file.head",
                {"year": result.year, "unit": unit.name, "file": result.source},
                lang,
            ),
            "",
        ),
        _comment(render("appraisal-file.how", None, lang), ""),
        f"council: {_q(council or render('appraisal-file.council', None, lang))}",
        "unit:",
        f"  name: {_q(unit.name)}",
    ]
    if unit.code is not None:
        out.append(f"  code: {_q(unit.code)}")
    out += [
        f"year: {result.year}",
        f"criteria: {_q(result.criteria.id)}",
        f"evidence: {_q(evidence_ref)}",
        "round1:",
        "  date:",
        "  appraisers: []",
        "  explanation_due:",
        "  items:",
    ]
    for field in result.fields:
        out.append(_comment(f"{field.id}. {field.name.get(lang)}", "    "))
        for node in field.walk():
            if node.rule is None or node.scored_by != "commune":
                continue
            args = {
                "name": node.name.get(lang),
                "max": format_points(node.max, lang),
                "claimed": format_points(node.claimed, lang) if node.claimed is not None else "—",
                "computed": format_points(node.points, lang),
            }
            out.append(_comment(render("appraisal-file.item", args, lang), "    "))
            out.append(f"    {_q(node.id)}:")
            out.append("      decision:")
    for section, ledger in (("bonus", result.bonus), ("penalty", result.penalty)):
        lines = [line for line in ledger.lines if line.source == "evidence"]
        if not lines:
            continue
        out.append(f"  {section}:")
        for line in lines:
            args = {"text": line.reason.get(lang), "points": format_points(line.points, lang)}
            out.append(_comment(render("appraisal-file.line", args, lang), "    "))
            out.append("    - decision:")
    return "\n".join(out) + "\n"
