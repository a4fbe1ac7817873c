"""``parscore criteria list`` and ``parscore criteria show``: a criteria set in words."""

from __future__ import annotations

from tabulate import tabulate

from parscore.messages import format_number
from parscore.model.criteria import CriteriaSet, LedgerRule, Node

_NOTHING = {
    "full_points": ("không phát sinh: đủ điểm", "nothing occurred: full points"),
    "not_applicable": ("không phát sinh: không áp dụng", "nothing occurred: not applicable"),
    "zero": ("không phát sinh: 0 điểm", "nothing occurred: 0 points"),
}


def _n(value: object, lang: str) -> str:
    return format_number(value, lang)


def _node_lines(node: Node, lang: str, depth: int, limit: int | None, out: list[str]) -> None:
    indent = "  " * (depth - 1)
    line = f"{indent}{node.id} {node.name.get(lang)} [{_n(node.max, lang)}]"
    if node.is_leaf:
        line += f": {node.kind.describe(node.rule, node.max, lang)}"
        if node.when_nothing_occurred:
            vi, en = _NOTHING[node.when_nothing_occurred]
            line += f"; {vi if lang == 'vi' else en}"
        if node.rule is not None and node.rule.penalty_when_unmet is not None:
            amount = _n(node.rule.penalty_when_unmet, lang)
            line += (
                f"; không đạt: trừ {amount} điểm" if lang == "vi" else f"; unmet: {amount} penalty"
            )
    out.append(line)
    if limit is not None and depth >= limit:
        return
    for child in node.children or ():
        _node_lines(child, lang, depth + 1, limit, out)


def _ledger(name: str, rule: LedgerRule, lang: str) -> str:
    parts = []
    if rule.points_each is not None:
        parts.append(f"{_n(rule.points_each, lang)} {'mỗi mục' if lang == 'vi' else 'each'}")
    parts.append(f"{'tối đa' if lang == 'vi' else 'cap'} {_n(rule.cap, lang)}")
    return f"{name}: {', '.join(parts)}"


def show(cs: CriteriaSet, lang: str = "vi", depth: int | None = None) -> str:
    vi = lang == "vi"
    appraisal, survey, total = (
        _n(v, lang) for v in (cs.split.appraisal, cs.split.survey, cs.total)
    )
    out = [
        f"{cs.id} — {cs.title.get(lang)}",
        (
            f"Năm {cs.year}, phiên bản {cs.version}; {cs.issuer.get(lang)}"
            if vi
            else f"Year {cs.year}, version {cs.version}; {cs.issuer.get(lang)}"
        ),
        (
            f"Tổng {total} điểm: thẩm định {appraisal} + điều tra {survey}"
            if vi
            else f"Total {total} points: appraisal {appraisal} + survey {survey}"
        ),
        "",
    ]
    for field in cs.fields:
        _node_lines(field, lang, 1, depth, out)
    if cs.survey is not None:
        _node_lines(cs.survey, lang, 1, depth, out)
    out.append("")
    if cs.bonus is not None:
        out.append(_ledger("Điểm thưởng" if vi else "Bonus", cs.bonus, lang))
    if cs.penalty is not None:
        out.append(_ledger("Điểm trừ" if vi else "Penalty", cs.penalty, lang))
    bands = "; ".join(f"{b.name.get(lang)} {b.interval.text(lang)}" for b in cs.bands)
    out.append(f"{'Xếp loại' if vi else 'Bands'}: {bands}")
    return "\n".join(out) + "\n"


def listing(sets: list[CriteriaSet], lang: str = "vi") -> str:
    vi = lang == "vi"
    headers = [
        "id",
        "tên" if vi else "title",
        "năm" if vi else "year",
        "phiên bản" if vi else "version",
        "tổng" if vi else "total",
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
