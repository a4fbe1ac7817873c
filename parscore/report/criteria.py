"""``parscore criteria list`` and ``parscore criteria show``: a criteria set in words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from parscore.messages import Phrase, format_number, render
from parscore.model.criteria import ClassBand, CriteriaSet, LedgerRule, Node
from parscore.model.setlevel import BandCondition

if TYPE_CHECKING:
    from parscore.extend import Extended
from parscore.report.width import PIPED_WIDTH, fit_table, text_width, wrap

#: what a sub-criterion scores when nothing to score occurred in the year
_NOTHING = {
    "full_points": "criteria-report.nothing-full-points",
    "not_applicable": "criteria-report.nothing-not-applicable",
    "zero": "criteria-report.nothing-zero",
}


def _n(value: object, lang: str) -> str:
    return format_number(value, lang)


def _node_lines(
    node: Node,
    lang: str,
    depth: int,
    limit: int | None,
    width: int,
    out: list[str],
    marks: Mapping[str, str] | None = None,
) -> None:
    indent = "  " * (depth - 1)
    line = f"{indent}{node.id} {node.name.get(lang)} [{_n(node.max, lang)}]"
    if marks and node.id in marks:  # a set that extends another: what it added or changed
        line += render(f"criteria-report.{marks[node.id]}", None, lang)
    if node.is_leaf:
        line += f": {node.kind.describe(node.rule, node.max, lang)}"
        if node.when_nothing_occurred:
            line += "; " + render(_NOTHING[node.when_nothing_occurred], None, lang)
        if node.rule is not None and node.rule.penalty_when_unmet is not None:
            amount = _n(node.rule.penalty_when_unmet, lang)
            line += render("criteria-report.unmet-penalty", {"amount": amount}, lang)
    out.extend(wrap(line, width, indent=indent + " " * (text_width(node.id) + 1)))
    if limit is not None and depth >= limit:
        return
    for child in node.children or ():
        _node_lines(child, lang, depth + 1, limit, width, out, marks)


def _ledger(name: str, rule: LedgerRule, lang: str) -> list[str]:
    """The ledger (under the set's own name for it, if it gives one), then each kind."""
    name = rule.name.get(lang) if rule.name is not None else name
    parts = []
    if rule.points_each is not None:
        parts.append(render("criteria-report.each", {"points": _n(rule.points_each, lang)}, lang))
    parts.append(render("criteria-report.cap", {"cap": _n(rule.cap, lang)}, lang))
    lines = [f"{name}: {', '.join(parts)}"]
    for kind in rule.kinds:
        each = []
        if kind.points_each is not None:
            each.append(
                render("criteria-report.each", {"points": _n(kind.points_each, lang)}, lang)
            )
        if kind.cap is not None:
            each.append(render("criteria-report.cap", {"cap": _n(kind.cap, lang)}, lang))
        lines.append(
            f"  {kind.id} {kind.name.get(lang)}" + (f": {', '.join(each)}" if each else "")
        )
    return lines


def show(
    cs: CriteriaSet,
    lang: str = "vi",
    depth: int | None = None,
    width: int | None = None,
    extended: Extended | None = None,
) -> str:
    """The set's tree, a line a node (wrapped to ``width`` cells, default the fixed width of
    piped output, under the node's name); for a set that extends another, what it changed is
    marked."""
    width = width or PIPED_WIDTH
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
    marks = extended.changed if extended is not None else None
    if extended is not None:
        out[-1:] = [render("criteria-report.extends", {"base": extended.base}, lang), ""]
    for field in cs.fields:
        _node_lines(field, lang, 1, depth, width, out, marks)
    if cs.survey is not None:
        _node_lines(cs.survey, lang, 1, depth, width, out, marks)
    out.append("")
    if cs.bonus is not None:
        out.extend(_ledger(render("result.bonus", None, lang), cs.bonus, lang))
    if cs.penalty is not None:
        out.extend(_ledger(render("result.penalty", None, lang), cs.penalty, lang))
    bands = "; ".join(_band(b, lang) for b in cs.bands)
    out.append(render("criteria-report.bands", {"bands": bands}, lang))
    out.extend(_set_level(cs, lang))
    return "\n".join(line for text in out for line in wrap(text, width, indent="    ")) + "\n"


def _band(band: ClassBand, lang: str) -> str:
    text = f"{band.name.get(lang)} {band.interval.text(lang)}"
    if not band.not_when:
        return text
    conditions = "; ".join(_condition(c, lang) for c in band.not_when)
    return render("criteria-report.not-when", {"band": text, "conditions": conditions}, lang)


def _condition(condition: BandCondition, lang: str) -> str:
    if condition.discipline_at_least is not None:
        bound = Phrase(f"discipline.{condition.discipline_at_least}")
        return render("criteria-report.when-discipline", {"bound": bound}, lang)
    if condition.field is not None:
        args = {"field": condition.field, "bound": condition.field_below}
        return render("criteria-report.when-field", args, lang)
    return render("criteria-report.when-any-field", {"bound": condition.field_below}, lang)


def _set_level(cs: CriteriaSet, lang: str) -> list[str]:
    """The evidence window and the total's cap, when the set says something of them."""
    lines = []
    if cs.evidence_window is not None:
        window = {"start": cs.evidence_window.start, "end": cs.evidence_window.end}
        lines.append(render("criteria-report.window", window, lang))
    if cs.cap_total:
        lines.append(render("criteria-report.cap-total", None, lang))
    return lines


def listing(sets: list[CriteriaSet], lang: str = "vi", width: int | None = None) -> str:
    headers = ["id"] + [
        render(f"criteria-report.{code}", None, lang)
        for code in ("title", "year-heading", "version", "total-heading")
    ]
    rows = [
        [cs.id, cs.title.get(lang), str(cs.year), cs.version, _n(cs.total, lang)] for cs in sets
    ]
    align = ["left", "left", "right", "left", "right"]
    return fit_table(headers, rows, align, width or PIPED_WIDTH) + "\n"
