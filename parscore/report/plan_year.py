"""The year's reform plan as a document, in the form of the seed plans communes sign (Nghị định
30/2020/NĐ-CP): the header, the number, the place and date, the title; I. goals and
requirements; II. the main tasks, last year's weak sub-criteria first, then by field; III. the
table of tasks (STT, nội dung, chủ trì, phối hợp, thời gian hoàn thành), every scored
sub-criterion in it, and the reporting calendar; IV. implementation; Nơi nhận and the signature.

:func:`document` builds it once, as the improvement plan's blocks
(:class:`parscore.report.plan_text.PlanDocument`); the text, Markdown and Word layouts are the
improvement plan's own (``text_document``, ``markdown_document``, ``document_docx``).
"""

from __future__ import annotations

import re

from parscore.messages import format_date, format_percent, format_points, render
from parscore.plan_year import Task, YearPlan
from parscore.report.common import Options
from parscore.report.plan_text import (
    Block,
    PlanDocument,
    Table,
    commune_header,
    commune_signature,
    goals,
    markdown_document,
    recipients,
    text_document,
)
from parscore.report.width import PIPED_WIDTH

#: STT, content, lead, helpers, deadline: 16 cm, the text width of an A4 page
TASK_WIDTHS_CM = (1.2, 6.5, 2.8, 2.8, 2.7)
REPORT_WIDTHS_CM = (1.3, 7.7, 4.0, 3.0)
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: int) -> str:
    """1 -> I, 4 -> IV, 9 -> IX: the numbers of the table's groups, as the seed writes them."""
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def document(plan: YearPlan, lang: str) -> PlanDocument:
    unit = plan.unit
    names = {"kind": unit.kind, "name": unit.name, "year": plan.year}
    left, right = commune_header(unit, plan.year, lang)
    body = [
        Block("para", _opening(plan, lang)),
        *_purpose(plan, lang),
        *_main_tasks(plan, lang),
        *_task_table(plan, lang),
        *_calendar(plan, lang),
        *_organisation(plan, lang),
        Block("para", render("plan-year.closing", names, lang)),
    ]
    return PlanDocument(
        left=left,
        right=right,
        title=render("plan-doc.title", None, lang),
        subtitle=render("plan-year.subtitle", names, lang),
        body=body,
        recipients=recipients(unit, plan.year, lang),
        signature=commune_signature(lang),
    )


def _opening(plan: YearPlan, lang: str) -> str:
    before = ""
    if plan.previous is not None:
        p = plan.previous
        index = format_percent(p.index, lang)
        if p.band is not None:
            result = render(
                "plan-doc.result-band", {"index": index, "band": p.band.get(lang)}, lang
            )
        else:
            result = render("plan-doc.result", {"index": index}, lang)
        args = {"assessed": p.year, "result": result}
        if p.evidence_index is not None:
            args["evidence"] = format_percent(p.evidence_index, lang)
        before = render(f"plan-year.opening-{p.basis}", args, lang)
    args = {
        "set": plan.criteria_title.get(lang),
        "previous": before,
        "kind": plan.unit.kind,
        "name": plan.unit.name,
        "year": plan.year,
    }
    return render("plan-year.opening", args, lang)


def _purpose(plan: YearPlan, lang: str) -> list[Block]:
    kind = plan.unit.kind
    aims = [
        render(
            "plan-year.aim-all", {"year": plan.year, "count": len(plan.tasks()), "kind": kind}, lang
        )
    ]
    weak = plan.weak_tasks()
    if plan.previous is not None and weak:
        args = {"assessed": plan.previous.year, "count": len(weak)}
        aims.append(render("plan-year.aim-remedy", args, lang))
    if plan.outside:
        aims.append(render("plan-year.aim-service", None, lang))
    return [
        Block("section", render("plan-year.purpose", None, lang)),
        Block("item", render("plan-year.aims", None, lang)),
        *(Block("bullet", aim) for aim in aims),
        Block("item", render("plan-doc.requirements", None, lang)),
        Block("bullet", render("plan-year.req-tasks", None, lang)),
        Block("bullet", render("plan-year.req-reports", None, lang)),
        Block("bullet", render("plan-doc.req-evidence", None, lang)),
    ]


#: rule kinds whose goal says what is needed better than the improvement plan's step
#: ("ít nhất 1 sáng kiến ..." rather than "số sáng kiến ...: từ 0 thành 1"); the share kinds
#: keep their step, which says by how much ("nâng tỷ lệ từ 24,89% lên 35% (thêm 117 ...)")
GOAL_SAYS_IT = frozenset({"per_item", "count_bands", "deduction", "levels"})


def _lower_first(said: str) -> str:
    return said[:1].lower() + said[1:] if said[1:2].islower() else said  # "TTHC" stays


def needed(task: Task, assessed: int, lang: str) -> str:
    """What last year's result says the sub-criterion needs, as a clause: what the council
    found (when it cut the item), its missing document or explanation, then the best step (the
    improvement plan's words) or, for the kinds whose goal says it better, the goal."""
    steps = list(task.steps)
    parts = []
    if task.cut:
        parts.append(_lower_first(steps.pop(0).action.get(lang)))
    if task.goal is not None and task.kind in GOAL_SAYS_IT:
        rest = [s for s in steps if s.cost != "action"]
        if rest:
            parts.append(_lower_first(goals(rest, lang, assessed).rstrip(".")))
        if any(s.cost == "action" for s in steps):
            parts.append(_lower_first(task.goal.get(lang)))
    elif steps:
        parts.append(_lower_first(goals(steps, lang, assessed).rstrip(".")))
    return "; ".join(parts)


def task_words(task: Task, lang: str) -> str:
    """The task as the set words it (a verb first), else "Thực hiện: <the sub-criterion>"."""
    if task.task is not None:
        return task.task.get(lang)
    return render("plan-year.task-default", {"name": task.name.get(lang)}, lang)


def content(task: Task, lang: str) -> str:
    """The task and what its full points ask for ("...; yêu cầu: ...")."""
    said = task_words(task, lang)
    if task.goal is None:
        return said
    goal = task.goal.get(lang)
    goal = goal[:1].lower() + goal[1:] if goal[1:2].islower() else goal  # "TTHC" stays
    return render("plan-year.content", {"task": said, "goal": goal}, lang)


def _priority(plan: YearPlan, task: Task, lang: str, code: str = "plan-year.priority") -> str:
    """A weak task's mark: what it needs is said once, in item 1 of Part II."""
    if not task.weak or plan.previous is None:
        return ""
    return render(code, {"assessed": plan.previous.year}, lang)


def _main_tasks(plan: YearPlan, lang: str) -> list[Block]:
    """II. Last year's weak sub-criteria first (when given), then each field's tasks."""
    out = [Block("section", render("plan-year.fields", None, lang))]
    number = 0
    if plan.previous is not None:
        number = 1
        assessed = plan.previous.year
        heading = f"plan-year.weak-{plan.previous.basis}"
        out.append(Block("field", render(heading, {"number": 1, "assessed": assessed}, lang)))
        weak = plan.weak_tasks()
        if not weak:
            out.append(Block("para", render("plan-year.none-weak", {"assessed": assessed}, lang)))
        for task in weak:
            args = {
                "id": task.id,
                "name": task.name.get(lang),
                "assessed": assessed,
                "points": format_points(task.points_before, lang),
                "max": format_points(task.max, lang),
                "needed": needed(task, assessed, lang),
                "gain": format_points(task.gain, lang),
            }
            out.append(Block("bullet", render("plan-year.weak-line", args, lang)))
    for group in plan.groups:
        number += 1
        out.append(Block("field", f"{number}. {group.name.get(lang)}"))
        for task in group.tasks:
            args = {
                "content": content(task, lang),
                "priority": _priority(plan, task, lang),
                "id": task.id,
                "evidence": task.evidence.get(lang) if task.evidence else "",
            }
            code = "plan-year.task-line" if task.evidence else "plan-year.task-line-bare"
            out.append(Block("bullet", render(code, args, lang)))
    return out


#: the usual timings a set writes (in Vietnamese: ``timing`` is the set's words), each with
#: its catalogue code; a timing not among them is shown as the set writes it
_TIMINGS = {
    "thường xuyên": "plan-year.timing.ongoing",
    "hằng quý": "plan-year.timing.quarterly",
    "hàng quý": "plan-year.timing.quarterly",
    "hằng tháng": "plan-year.timing.monthly",
    "hàng tháng": "plan-year.timing.monthly",
    "hằng năm": "plan-year.timing.yearly",
    "hàng năm": "plan-year.timing.yearly",
    "cả năm": "plan-year.timing.all-year",
    "trong năm": "plan-year.timing.all-year",
    "6 tháng đầu năm": "plan-year.timing.first-half",
    "6 tháng cuối năm": "plan-year.timing.second-half",
    "theo thời hạn luật định": "plan-year.timing.by-law",
}
_QUARTER = re.compile(r"quý (i|ii|iii|iv)")
_BEFORE = re.compile(r"trước (?:ngày )?(\d{1,2}/\d{1,2}(?:/\d{4})?)")


def timing_words(timing: str, lang: str) -> str:
    """The set's usual timing in ``lang``: the common words ("Quý IV", "Thường xuyên",
    "Trước 31/01") through the catalogue; any other as the set writes it."""
    if lang == "vi":
        return timing
    said = " ".join(timing.lower().split())
    if (code := _TIMINGS.get(said)) is not None:
        return render(code, None, lang)
    if (quarter := _QUARTER.fullmatch(said)) is not None:
        number = ("i", "ii", "iii", "iv").index(quarter.group(1)) + 1
        return render("plan-year.timing.quarter", {"number": number}, lang)
    if (before := _BEFORE.fullmatch(said)) is not None:
        return render("plan-year.timing.before", {"date": before.group(1)}, lang)
    return timing


def deadline(task: Task, year: int, lang: str) -> str:
    """The set's due dates; else the lead office's usual timing from the set, marked (*);
    else the year, marked (**)."""
    if task.due:
        dates = ", ".join(format_date(d, lang) for d in task.due)
        return render("plan-year.due", {"dates": dates}, lang)
    if task.timing:
        shown = timing_words(task.timing, lang)
        return render("plan-year.usual", {"timing": shown, "year": year}, lang)
    return render("plan-year.no-timing", {"year": year}, lang)


def task_rows(plan: YearPlan, lang: str) -> tuple[list[list[str]], tuple[int, ...]]:
    """The rows of Part III's table, a group row for each field (its number in Roman
    numerals), then its tasks numbered from 1; and the indexes of the group rows."""
    rows: list[list[str]] = []
    groups = []
    for g, group in enumerate(plan.groups, start=1):
        groups.append(len(rows))
        rows.append([roman(g), group.name.get(lang).upper(), "", "", ""])
        for n, task in enumerate(group.tasks, start=1):
            row = render(
                "plan-year.row",
                {
                    "content": content(task, lang),
                    "id": task.id,
                    "priority": _priority(plan, task, lang, "plan-year.priority-row"),
                },
                lang,
            )
            rows.append(
                [
                    str(n),
                    row,
                    task.lead or "—",
                    ", ".join(task.support) or "—",
                    deadline(task, plan.year, lang),
                ]
            )
    return rows, tuple(groups)


def _task_table(plan: YearPlan, lang: str) -> list[Block]:
    rows, groups = task_rows(plan, lang)
    heads = ("plan-doc.no", "plan-year.content-h", "plan-year.lead-h", "plan-year.support-h")
    table = Table(
        [render(code, None, lang) for code in (*heads, "plan-year.when-h")],
        rows,
        widths_cm=TASK_WIDTHS_CM,
        groups=groups,
    )
    out = [
        Block("section", render("plan-year.table-section", None, lang)),
        Block("item", render("plan-year.table", None, lang)),
        Block("table", table=table),
        # plain paragraphs: an italic Markdown note would end at the "(*)" inside it
        Block("para", render("plan-year.table-note", {"set": plan.criteria}, lang)),
    ]
    if any(not t.due and not t.timing for t in plan.tasks()):
        out.append(
            Block("para", render("plan-year.table-note-none", {"kind": plan.unit.kind}, lang))
        )
    return out


def _calendar(plan: YearPlan, lang: str) -> list[Block]:
    out = [Block("item", render("plan-year.calendar", None, lang))]
    if not plan.reports:
        return [*out, Block("para", render("plan-year.calendar-none", None, lang))]
    rows = [
        [str(n), r.name.get(lang), r.lead or "—", format_date(r.due, lang)]
        for n, r in enumerate(plan.reports, start=1)
    ]
    heads = ("plan-doc.no", "plan-year.report-h", "plan-year.lead-h", "plan-year.report-due-h")
    table = Table(
        [render(code, None, lang) for code in heads],
        rows,
        widths_cm=REPORT_WIDTHS_CM,
    )
    ids = ", ".join(dict.fromkeys(r.item for r in plan.reports))
    return [
        *out,
        Block("table", table=table),
        Block("note", render("plan-year.calendar-note", {"ids": ids}, lang)),
    ]


def _organisation(plan: YearPlan, lang: str) -> list[Block]:
    """IV. Funding, then what each lead office is responsible for (its task numbers in Part
    III, "II.3": group II, task 3), then the other bodies."""
    kind = plan.unit.kind
    out = [Block("section", render("plan-year.organisation", None, lang))]
    if plan.issue_by is not None:
        due = plan.issue_by.due[0]
        lead = plan.issue_by.lead or render("plan-doc.no-lead", None, lang)
        args = {"date": format_date(due, lang), "id": plan.issue_by.id, "kind": kind, "lead": lead}
        out.append(Block("para", render("plan-year.issue-by", args, lang)))
    out += [
        Block("item", render("plan-year.funding", None, lang)),
        Block("para", render("plan-year.funding-text", {"kind": kind, "year": plan.year}, lang)),
    ]
    offices: dict[str | None, list[str]] = {}
    for g, group in enumerate(plan.groups, start=1):
        for n, task in enumerate(group.tasks, start=1):
            offices.setdefault(task.lead, []).append(f"{roman(g)}.{n}")
    reporting = {r.lead for r in plan.reports}
    named = [o for o in offices if o is not None] + ([None] if None in offices else [])
    n = 1
    for n, office in enumerate(named, start=2):
        name = office or render("plan-doc.no-lead", None, lang)
        refs = ", ".join(offices[office])
        out.append(Block("item", f"{n}. {name}"))
        out.append(
            Block("para", render("plan-year.office-tasks", {"refs": refs, "kind": kind}, lang))
        )
        if office in reporting:
            out.append(Block("para", render("plan-year.office-reports", None, lang)))
    out.append(Block("item", f"{n + 1}. {render('plan-doc.others', {'kind': kind}, lang)}"))
    out.append(Block("para", render("plan-doc.others-tasks", None, lang)))
    out.append(Block("para", render("plan-doc.difficulties", {"kind": kind}, lang)))
    return out


# --- the formats: the improvement plan's layouts ------------------------------------------------


def text(plan: YearPlan, opts: Options) -> str:
    return text_document(document(plan, opts.lang), opts.width or PIPED_WIDTH)


def markdown(plan: YearPlan, opts: Options) -> str:
    return markdown_document(document(plan, opts.lang))


def to_docx(plan: YearPlan, opts: Options) -> bytes:
    from parscore.report.plan_docx import document_docx

    return document_docx(document(plan, opts.lang), opts.lang)
