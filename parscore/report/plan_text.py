"""The improvement plan as a Markdown document, shaped like the plans communes write: a header
with a place for the document number, what to do first, goals and tasks / solutions / lead and
coordinating bodies / timing for each field, the survey apart, and a summary table."""

from __future__ import annotations

from tabulate import tabulate

from parscore.plan import FieldSummary, Plan, Step
from parscore.report.common import Options, markdown_text, number, percent, unit_line

_L: dict[str, tuple[str, str]] = {
    "org": ("ỦY BAN NHÂN DÂN {kind} {name}", "PEOPLE'S COMMITTEE OF {name}"),
    "number": ("Số: ....../KH-UBND", "No.: ....../KH-UBND"),
    "title": ("KẾ HOẠCH", "PLAN"),
    "subtitle": (
        "Cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX) năm {year}",
        "Improving the PAR INDEX in {year}",
    ),
    "draft": (
        "Dự thảo do parscore lập từ kết quả tự đánh giá năm {assessed}: Chỉ số CCHC {index}, "
        "xếp loại {band}. Bộ tiêu chí {set}.",
        "Draft made by parscore from the {assessed} self-assessment: PAR INDEX {index}, band "
        "{band}. Criteria set {set}.",
    ),
    "first": ("I. NHỮNG VIỆC CẦN LÀM TRƯỚC", "I. WHAT TO DO FIRST"),
    "first_note": (
        "Bổ sung tài liệu kiểm chứng, giải trình là việc ít tốn công nhất; sau đó là các việc "
        "tăng được nhiều điểm nhất.",
        "Adding a missing document or explanation costs least; then the biggest gains.",
    ),
    "target": ("Mục tiêu Chỉ số {target}", "Target index {target}"),
    "target_yes": (
        "Đạt được với {count} tiêu chí sau (Chỉ số sau cải thiện: {after}): {ids}.",
        "Reached by improving these {count} sub-criteria (index after: {after}): {ids}.",
    ),
    "target_no": (
        "Chưa đạt được: cải thiện mọi tiêu chí xã tự chấm chỉ đưa Chỉ số lên {after}, còn thiếu "
        "{shortfall} (điểm điều tra xã hội học do đơn vị điều tra chấm).",
        "Out of reach: improving every self-assessed sub-criterion brings the index to {after}, "
        "{shortfall} short (survey points are scored by the surveying body).",
    ),
    "fields": ("II. NHIỆM VỤ, GIẢI PHÁP THEO LĨNH VỰC", "II. TASKS AND SOLUTIONS BY FIELD"),
    "tasks": ("a) Mục tiêu, nhiệm vụ", "a) Goals and tasks"),
    "solutions": ("b) Giải pháp", "b) Solutions"),
    "lead": ("c) Cơ quan chủ trì", "c) Lead body"),
    "support": ("d) Cơ quan phối hợp", "d) Coordinating bodies"),
    "timing": ("e) Thời gian thực hiện", "e) Timing"),
    "always": ("Thường xuyên", "Ongoing"),
    "survey": (
        "III. ĐIỂM ĐIỀU TRA XÃ HỘI HỌC (do đơn vị điều tra chấm)",
        "III. SURVEY POINTS (scored by the surveying body)",
    ),
    "survey_none": ("Không có mục nào bị mất điểm.", "No survey item lost points."),
    "summary": ("IV. BẢNG TỔNG HỢP", "IV. SUMMARY"),
    "no": ("STT", "No."),
    "content": ("Nội dung", "Task"),
    "lead_h": ("Chủ trì", "Lead"),
    "support_h": ("Phối hợp", "Coordinating"),
    "when_h": ("Thời gian hoàn thành", "Timing"),
    "gain_h": ("Điểm có thể tăng", "Points to gain"),
    "nothing": ("Không có tiêu chí nào bị mất điểm.", "No sub-criterion lost points."),
    "no_band": ("chưa xếp loại", "no band"),
}


def _t(key: str, lang: str, **args: object) -> str:
    vi, en = _L[key]
    return (vi if lang == "vi" else en).format(**args)


def _task(step: Step, lang: str) -> str:
    return f"{step.id} {step.name.get(lang)}: {step.action.get(lang)} (+{number(step.gain, lang)})"


# --- the plan's content, shared by the Markdown and the Word plan (only the layout differs) -----

SUMMARY_HEADS = ("no", "content", "lead_h", "support_h", "when_h", "gain_h")


def draft_note(plan: Plan, lang: str) -> str:
    """Where the draft comes from: the assessed year's index and band, and the set."""
    band = plan.band.get(lang) if plan.band else _t("no_band", lang)
    return _t(
        "draft",
        lang,
        assessed=plan.assessed_year,
        index=percent(plan.index, lang),
        band=band,
        set=plan.criteria.id,
    )


def target_lines(plan: Plan, lang: str) -> tuple[str, str] | None:
    """The target's heading and the sentence that answers it."""
    t = plan.target
    if t is None:
        return None
    heading = _t("target", lang, target=percent(t.target, lang))
    if t.reachable:
        return heading, _t(
            "target_yes",
            lang,
            count=len(t.chosen),
            after=percent(t.index_after, lang),
            ids=", ".join(t.chosen),
        )
    return heading, _t(
        "target_no", lang, after=percent(t.index_after, lang), shortfall=number(t.shortfall, lang)
    )


def field_sections(plan: Plan) -> list[tuple[FieldSummary, list[list[Step]]]]:
    """The fields that have steps, in the set's order; in each, the steps grouped by
    sub-criterion in id order (1.2 before 1.10)."""
    by_field: dict[str, list[Step]] = {}
    for step in plan.steps:
        by_field.setdefault(step.field, []).append(step)
    sections = []
    for field in plan.fields:
        nodes: dict[str, list[Step]] = {}
        for step in sorted(by_field.get(field.id, []), key=_id_order):
            nodes.setdefault(step.id, []).append(step)
        if nodes:
            sections.append((field, list(nodes.values())))
    return sections


def _id_order(step: Step) -> list[tuple[int, int, str, str]]:
    """1.2 before 1.10; numbers before letters (1.1 before 1.a). Digits are compared as text
    by length, never through int(): an id of 5,000 digits is beyond int()'s limit."""
    order = []
    for part in step.id.split("."):
        if part.isdigit():
            digits = part.lstrip("0")
            order.append((0, len(digits), digits, part))
        else:
            order.append((1, 0, part, part))
    return order


def field_heading(field: FieldSummary, lang: str) -> str:
    return (
        f"{field.id}. {field.name.get(lang)} "
        f"({number(field.points, lang)}/{number(field.applicable_max, lang)})"
    )


def node_lines(steps: list[Step], lang: str) -> list[tuple[str, str]]:
    """A sub-criterion's lines: goals and tasks, solutions, lead, coordinating, timing."""
    first = steps[0]
    lines = [
        (
            _t("tasks", lang),
            "; ".join(f"{s.action.get(lang)} (+{number(s.gain, lang)})" for s in steps),
        )
    ]
    if first.advice:
        lines.append((_t("solutions", lang), first.advice.get(lang)))
    lines += [
        (_t("lead", lang), first.lead or "—"),
        (_t("support", lang), ", ".join(first.support) or "—"),
        (_t("timing", lang), first.timing or _t("always", lang)),
    ]
    return lines


def summary_rows(plan: Plan, lang: str) -> list[list[str]]:
    """STT, nội dung, chủ trì, phối hợp, thời gian hoàn thành, điểm có thể tăng."""
    return [
        [
            str(i),
            _task(s, lang),
            s.lead or "—",
            ", ".join(s.support) or "—",
            s.timing or _t("always", lang),
            number(s.gain, lang),
        ]
        for i, s in enumerate(plan.steps, start=1)
    ]


def markdown(plan: Plan, opts: Options) -> str:
    lang = opts.lang
    unit = plan.unit
    out = [
        f"**{_t('org', lang, kind=unit.kind.upper(), name=unit.name.upper())}**  ",
        f"{_t('number', lang)}",
        "",
        f"# {_t('title', lang)}",
        "",
        f"**{_t('subtitle', lang, year=plan.year)}**",
        "",
        unit_line(plan.unit, lang) + "  ",
        draft_note(plan, lang),
        "",
        f"## {_t('first', lang)}",
        "",
        _t("first_note", lang),
        "",
    ]
    if not plan.steps:
        out.append(_t("nothing", lang))
    for number_, step in enumerate(plan.steps[: max(opts.top, 1)], start=1):
        out.append(f"{number_}. {_task(step, lang)}")
    target = target_lines(plan, lang)
    if target is not None:
        out += ["", f"**{target[0]}**", "", target[1]]
    out += ["", f"## {_t('fields', lang)}", ""]
    for field, nodes in field_sections(plan):
        out += [f"### {field_heading(field, lang)}", ""]
        for steps in nodes:
            out += [f"**{steps[0].id} {steps[0].name.get(lang)}**", ""]
            out += [f"- {label}: {text}" for label, text in node_lines(steps, lang)]
            out.append("")
    out += [f"## {_t('survey', lang)}", ""]
    if plan.survey:
        out += [
            f"- {s.id} {s.name.get(lang)}: {number(s.points, lang)}/{number(s.max, lang)}"
            for s in plan.survey
        ]
    else:
        out.append(_t("survey_none", lang))
    out += ["", f"## {_t('summary', lang)}", ""]
    # every line and cell through the one Markdown escape: names, actions, offices come from
    # the criteria set and the evidence
    out = [markdown_text(line) for line in out]
    rows = [[markdown_text(value) for value in row] for row in summary_rows(plan, lang)]
    out.append(
        tabulate(
            rows,
            headers=[_t(k, lang) for k in SUMMARY_HEADS],
            tablefmt="pipe",
            disable_numparse=True,
            colalign=["right", "left", "left", "left", "left", "right"],
        )
    )
    return "\n".join(out).rstrip() + "\n"


def to_json(plan: Plan, opts: Options) -> str:
    return plan.model_dump_json(indent=2) + "\n"
