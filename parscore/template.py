"""The evidence file a commune fills for its Q4 meeting (``parscore template``). Pure: text out.

Every scored sub-criterion is present in the order of the set, preceded by comments: its text,
maximum, how it is scored, the evidence expected and the lead office. Inputs are left empty, so
an unfilled item is reported as missing evidence, never scored as a silent zero.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from parscore.messages import format_number
from parscore.model.criteria import CriteriaSet, Node
from parscore.rules import InputSpec

_TYPE_HINT = {
    "count": ("số nguyên", "whole number"),
    "number": ("số", "number"),
    "points": ("số điểm", "points"),
    "percent": ("tỷ lệ %, 0–100", "percentage, 0–100"),
    "bool": ("true hoặc false", "true or false"),
    "date": ("dd/mm/yyyy", "dd/mm/yyyy"),
    "choice": ("một trong: {choices}", "one of: {choices}"),
}

_NOTHING = {
    "full_points": ("không phát sinh → đủ điểm", "nothing occurred → full points"),
    "not_applicable": ("không phát sinh → không áp dụng", "nothing occurred → not applicable"),
    "zero": ("không phát sinh → 0 điểm", "nothing occurred → 0 points"),
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


def _input_hint(spec: InputSpec, lang: str) -> str:
    vi, en = _TYPE_HINT[spec.type]
    hint = (vi if lang == "vi" else en).format(choices=", ".join(spec.choices))
    return f"{spec.label.get(lang)} ({hint})"


def _item(node: Node, lang: str, indent: str) -> list[str]:
    kind = node.kind
    words = {
        "max": ("tối đa", "max"),
        "rule": ("Cách chấm", "Scoring"),
        "evidence": ("Tài liệu kiểm chứng", "Evidence"),
        "lead": ("Chủ trì", "Lead"),
        "or": ("hoặc", "or"),
        "nothing": ("Không phát sinh", "Nothing occurred"),
    }
    w = {key: (vi if lang == "vi" else en) for key, (vi, en) in words.items()}
    lines = [
        _comment(
            f"{node.id} {node.name.get(lang)} — {w['max']} {format_number(node.max, lang)}", indent
        ),
        _comment(f"{w['rule']}: {kind.describe(node.rule, node.max, lang)}", indent),
    ]
    if node.when_nothing_occurred:
        vi, en = _NOTHING[node.when_nothing_occurred]
        lines.append(
            _comment(
                f"{w['nothing']}: {vi if lang == 'vi' else en} (nothing_occurred: ...)", indent
            )
        )
    hint = kind.fill_hint(node.rule, lang)
    if hint:
        lines.append(_comment(hint, indent))
    if node.evidence:
        lines.append(_comment(f"{w['evidence']}: {node.evidence.get(lang)}", indent))
    if node.lead:
        lead = node.lead + (f" (+ {', '.join(node.support)})" if node.support else "")
        lines.append(_comment(f"{w['lead']}: {lead}", indent))
    lines.append(f"{indent}{_q(node.id)}:")
    inner = indent + "  "
    specs = kind.inputs(node.rule)
    groups = sorted(
        {spec.group for spec in specs if spec.group}, key=[s.group for s in specs].index
    )
    for spec in specs:
        if spec.group and groups and spec.group != groups[0]:
            continue  # alternatives are shown as comments below
        lines.append(f"{inner}{spec.name}:  # {_input_hint(spec, lang)}")
    for group in groups[1:]:
        alternative = [s for s in specs if s.group == group]
        shown = ", ".join(f"{s.name}: ..." for s in alternative)
        lines.append(
            _comment(
                f"{w['or']} {shown} — {'; '.join(_input_hint(s, lang) for s in alternative)}", inner
            )
        )
    if node.scored_by == "commune":
        lines.append(f"{inner}documents:")
        lines.append(f"{inner}explanation:")
        lines.append(f"{inner}claimed:")
    return lines


def render_template(
    cs: CriteriaSet, unit: UnitInfo, lang: str = "vi", criteria_ref: str | None = None
) -> str:
    """``criteria_ref`` is what the file names as its set (default: the set's id)."""
    vi = lang == "vi"
    year = unit.year or cs.year
    head = [
        "# yaml-language-server: $schema=evidence.schema.json",
        (
            "# Tệp minh chứng tự đánh giá Chỉ số CCHC năm {year} — {kind} {name}"
            if vi
            else "# PAR INDEX self-assessment evidence, {year} — {name}"
        ).format(year=year, kind=unit.kind, name=unit.name),
        (
            "# Bộ tiêu chí: {id} (phiên bản {version}) — {title}"
            if vi
            else "# Criteria set: {id} (version {version}) — {title}"
        ).format(id=cs.id, version=cs.version, title=cs.title.get(lang)),
        "#",
    ]
    if vi:
        head += [
            "# Cách điền: ghi dữ liệu sau dấu hai chấm; mục nào để trống được tính là CHƯA CÓ",
            "# MINH CHỨNG (0 điểm, có trong danh sách 'parscore evaluate --missing').",
            "# Ngày viết dd/mm/yyyy (06/02/2023 là ngày 6 tháng 2).",
            "# Số dùng dấu chấm thập phân: 92.5",
            "# Tài liệu kiểm chứng, ví dụ:",
            "#   documents:",
            "#     - number: 10/KH-UBND",
            "#       date: 06/02/2023",
            "#       issuer: UBND xã",
            "#       title: Kế hoạch cải cách hành chính năm",
            "#       section: Mục II",
            "# Nếu trong năm không phát sinh việc cần chấm: nothing_occurred: <lý do>",
            "# Kiểm tra tệp: parscore validate <tệp>   Chấm điểm: parscore evaluate <tệp>",
            "# Để trình soạn thảo (VS Code + YAML) kiểm tra khi gõ, tạo tệp lược đồ ở dòng đầu:",
            "#   parscore schema evidence --output evidence.schema.json",
        ]
    else:
        head += [
            "# Fill in the values after the colons; an item left empty counts as MISSING",
            "# EVIDENCE (0 points, listed by 'parscore evaluate --missing').",
            "# Dates as dd/mm/yyyy (06/02/2023 is 6 February).",
            "# Numbers with a decimal point: 92.5",
            "# Evidence documents, for example:",
            "#   documents:",
            "#     - number: 10/KH-UBND",
            "#       date: 06/02/2023",
            "#       issuer: People's Committee",
            "#       title: Yearly reform plan",
            "#       section: Section II",
            "# When nothing to score occurred in the year: nothing_occurred: <reason>",
            "# Check the file: parscore validate <file>   Score it: parscore evaluate <file>",
            "# For an editor (VS Code + YAML) to check as you type, create the schema named on",
            "# the first line: parscore schema evidence --output evidence.schema.json",
        ]
    lines = head + ["", "unit:", f"  name: {_q(unit.name)}"]
    if unit.code:
        lines.append(f"  code: {_q(unit.code)}")
    lines.append(f"  kind: {_q(unit.kind)}")
    parents = [("district", unit.district), ("province", unit.province)]
    given = [(level, name) for level, name in parents if name]
    if given:
        lines.append("  parents:")
        for level, name in given:
            lines.append(f"    - {{level: {level}, name: {_q(name)}}}")
    else:
        lines.append(
            "  parents: []  # - {level: district, name: ...}  - {level: province, name: ...}"
        )
    lines += [
        f"year: {year}",
        f"criteria: {_q(criteria_ref or cs.id)}",
        "assessment:",
        "  by:  # " + ("Tổ công tác tự đánh giá" if vi else "the working group"),
        "  date:  # dd/mm/yyyy",
        "",
        "items:",
    ]
    for field in cs.fields:
        lines.append("")
        lines.append(
            _comment(
                f"===== {field.id}. {field.name.get(lang)} ({format_number(field.max, lang)}"
                f" {'điểm' if vi else 'points'}) =====",
                "  ",
            )
        )
        for node in field.walk():
            if node.is_leaf:
                lines.extend(_item(node, lang, "  "))
    if cs.survey is not None:
        lines += [
            "",
            _comment(
                "Điểm điều tra xã hội học: do đơn vị điều tra gửi về, xã không tự chấm."
                if vi
                else "Survey points: sent by the surveying body; the commune does not score them.",
                "",
            ),
            "survey:",
        ]
        for node in cs.survey.walk():
            if node.is_leaf:
                lines.extend(_item(node, lang, "  "))
    if cs.bonus is not None:
        lines += [
            "",
            _comment(
                "Điểm thưởng: - {reason: ..., points: ..., documents: [...]}"
                if vi
                else "Bonus: - {reason: ..., points: ..., documents: [...]}",
                "",
            ),
            "bonus: []",
        ]
    if cs.penalty is not None:
        lines += [
            _comment(
                "Điểm trừ: - {reason: ..., points: ...}"
                if vi
                else "Penalty: - {reason: ..., points: ...}",
                "",
            ),
            "penalty: []",
        ]
    return "\n".join(lines) + "\n"
