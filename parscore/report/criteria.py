"""``parscore criteria list`` and ``parscore criteria show``: a criteria set in words."""

from __future__ import annotations

from tabulate import tabulate

from parscore.messages import format_number, render
from parscore.model.criteria import CriteriaSet, LedgerRule, Node

#: what a sub-criterion scores when nothing to score occurred in the year
_NOTHING = {
    "full_points": "criteria-report.nothing-full-points",
    "not_applicable": "criteria-report.nothing-not-applicable",
    "zero": "criteria-report.nothing-zero",
}


def _n(value: object, lang: str) -> str:
    return format_number(value, lang)


def _node_lines(node: Node, lang: str, depth: int, limit: int | None, out: list[str]) -> None:
    indent = "  " * (depth - 1)
    line = f"{indent}{node.id} {node.name.get(lang)} [{_n(node.max, lang)}]"
    if node.is_leaf:
        line += f": {node.kind.describe(node.rule, node.max, lang)}"
        if node.when_nothing_occurred:
            line += "; " + render(_NOTHING[node.when_nothing_occurred], None, lang)
        if node.rule is not None and node.rule.penalty_when_unmet is not None:
            amount = _n(node.rule.penalty_when_unmet, lang)
            line += render("criteria-report.unmet-penalty", {"amount": amount}, lang)
    out.append(line)
    if limit is not None and depth >= limit:
        return
    for child in node.children or ():
        _node_lines(child, lang, depth + 1, limit, out)


def _ledger(name: str, rule: LedgerRule, lang: str) -> str:
    parts = []
    if rule.points_each is not None:
        parts.append(render("criteria-report.each", {"points": _n(rule.points_each, lang)}, lang))
    parts.append(render("criteria-report.cap", {"cap": _n(rule.cap, lang)}, lang))
    return f"{name}: {', '.join(parts)}"


def show(cs: CriteriaSet, lang: str = "vi", depth: int | None = None) -> str:
    appraisal, survey, total = (
        _n(v, lang) for v in (cs.split.appraisal, cs.split.survey, cs.total)
    )
    out = [
        f"{cs.id} — {cs.title.get(lang)}",
        render(
            "criteria-report.year",
            {"year": str(cs.year), "version": cs.version, "issuer": cs.issuer.get(lang)},
            lang,
        ),
        render(
            "criteria-report.total",
            {"total": total, "appraisal": appraisal, "survey": survey},
            lang,
        ),
        "",
    ]
    for field in cs.fields:
        _node_lines(field, lang, 1, depth, out)
    if cs.survey is not None:
        _node_lines(cs.survey, lang, 1, depth, out)
    out.append("")
    if cs.bonus is not None:
        out.append(_ledger(render("result.bonus", None, lang), cs.bonus, lang))
    if cs.penalty is not None:
        out.append(_ledger(render("result.penalty", None, lang), cs.penalty, lang))
    bands = "; ".join(f"{b.name.get(lang)} {b.interval.text(lang)}" for b in cs.bands)
    out.append(render("criteria-report.bands", {"bands": bands}, lang))
    return "\n".join(out) + "\n"


def listing(sets: list[CriteriaSet], lang: str = "vi") -> str:
    headers = ["id"] + [
        render(f"criteria-report.{code}", None, lang)
        for code in ("title", "year-heading", "version", "total-heading")
    ]
    rows = [
        [cs.id, cs.title.get(lang), str(cs.year), cs.version, _n(cs.total, lang)] for cs in sets
    ]
    return (
        tabulate(
            rows,
            headers=headers,
            disable_numparse=True,
            colalign=["left", "left", "right", "left", "right"],
        )
        + "\n"
    )
