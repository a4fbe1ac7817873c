"""The improvement plan as a Markdown document, shaped like the plans communes write: a header
with a place for the document number, what to do first, goals and tasks / solutions / lead and
coordinating bodies / timing for each field, the survey apart, and a summary table."""

from __future__ import annotations

from tabulate import tabulate

from parscore.messages import format_percent, format_points, render
from parscore.model.plan import Plan, Step
from parscore.model.result import FieldScore
from parscore.report.common import Options, markdown_text, unit_line


def _task(step: Step, lang: str) -> str:
    gain = format_points(step.gain, lang)
    return f"{step.id} {step.name.get(lang)}: {step.action.get(lang)} (+{gain})"


# --- the plan's content, shared by the Markdown and the Word plan (only the layout differs) -----

SUMMARY_HEADS = (
    "plan-doc.no",
    "plan-doc.content",
    "plan-doc.lead-h",
    "plan-doc.support-h",
    "plan-doc.when-h",
    "plan-doc.gain-h",
)


def draft_note(plan: Plan, lang: str) -> str:
    """Where the draft comes from: the assessed year's index and band, and the set."""
    band = plan.band.get(lang) if plan.band else render("result.no-band", None, lang)
    return render(
        "plan-doc.draft",
        {
            "assessed": plan.assessed_year,
            "index": format_percent(plan.index, lang),
            "band": band,
            "set": plan.criteria.id,
        },
        lang,
    )


def target_lines(plan: Plan, lang: str) -> tuple[str, str] | None:
    """The target's heading and the sentence that answers it."""
    t = plan.target
    if t is None:
        return None
    heading = render("plan-doc.target", {"target": format_percent(t.target, lang)}, lang)
    if t.reachable:
        return heading, render(
            "plan-doc.target-yes",
            {
                "count": len(t.chosen),
                "after": format_percent(t.index_after, lang),
                "ids": ", ".join(t.chosen),
            },
            lang,
        )
    return heading, render(
        "plan-doc.target-no",
        {
            "after": format_percent(t.index_after, lang),
            "shortfall": format_points(t.shortfall, lang),
        },
        lang,
    )


def field_sections(plan: Plan) -> list[tuple[FieldScore, list[list[Step]]]]:
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


def field_heading(field: FieldScore, lang: str) -> str:
    return (
        f"{field.id}. {field.name.get(lang)} "
        f"({format_points(field.points, lang)}/{format_points(field.applicable_max, lang)})"
    )


def node_lines(steps: list[Step], lang: str) -> list[tuple[str, str]]:
    """A sub-criterion's lines: goals and tasks, solutions, lead, coordinating, timing."""
    first = steps[0]
    lines = [
        (
            render("plan-doc.tasks", None, lang),
            "; ".join(f"{s.action.get(lang)} (+{format_points(s.gain, lang)})" for s in steps),
        )
    ]
    if first.advice:
        lines.append((render("plan-doc.solutions", None, lang), first.advice.get(lang)))
    lines += [
        (render("plan-doc.lead", None, lang), first.lead or "—"),
        (render("plan-doc.support", None, lang), ", ".join(first.support) or "—"),
        (
            render("plan-doc.timing", None, lang),
            first.timing or render("plan-doc.always", None, lang),
        ),
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
            s.timing or render("plan-doc.always", None, lang),
            format_points(s.gain, lang),
        ]
        for i, s in enumerate(plan.steps, start=1)
    ]


def markdown(plan: Plan, opts: Options) -> str:
    lang = opts.lang
    out = [
        *_md_head(plan, lang),
        *_md_first(plan, lang, opts.top),
        *_md_fields(plan, lang),
        *_md_survey(plan, lang),
        "",
        f"## {render('plan-doc.summary', None, lang)}",
        "",
    ]
    # every line and cell through the one Markdown escape: names, actions, offices come from
    # the criteria set and the evidence
    out = [markdown_text(line) for line in out]
    rows = [[markdown_text(value) for value in row] for row in summary_rows(plan, lang)]
    out.append(
        tabulate(
            rows,
            headers=[render(code, None, lang) for code in SUMMARY_HEADS],
            tablefmt="pipe",
            disable_numparse=True,
            colalign=["right", "left", "left", "left", "left", "right"],
        )
    )
    return "\n".join(out).rstrip() + "\n"


def _md_head(plan: Plan, lang: str) -> list[str]:
    """The committee, the document number, the title and where the draft comes from."""
    unit = plan.unit
    org = render("plan-doc.org", {"kind": unit.kind.upper(), "name": unit.name.upper()}, lang)
    return [
        f"**{org}**  ",
        render("plan-doc.number", None, lang),
        "",
        f"# {render('plan-doc.title', None, lang)}",
        "",
        f"**{render('plan-doc.subtitle', {'year': plan.year}, lang)}**",
        "",
        unit_line(unit, lang) + "  ",
        draft_note(plan, lang),
        "",
    ]


def _md_first(plan: Plan, lang: str, top: int) -> list[str]:
    """I. What to do first, and the target."""
    out = [
        f"## {render('plan-doc.first', None, lang)}",
        "",
        render("plan-doc.first-note", None, lang),
        "",
    ]
    if not plan.steps:
        out.append(render("plan-doc.nothing", None, lang))
    for index, step in enumerate(plan.steps[: max(top, 1)], start=1):
        out.append(f"{index}. {_task(step, lang)}")
    target = target_lines(plan, lang)
    if target is not None:
        out += ["", f"**{target[0]}**", "", target[1]]
    return out


def _md_fields(plan: Plan, lang: str) -> list[str]:
    """II. Per field, per sub-criterion."""
    out = ["", f"## {render('plan-doc.fields', None, lang)}", ""]
    for field, nodes in field_sections(plan):
        out += [f"### {field_heading(field, lang)}", ""]
        for steps in nodes:
            out += [f"**{steps[0].id} {steps[0].name.get(lang)}**", ""]
            out += [f"- {label}: {text}" for label, text in node_lines(steps, lang)]
            out.append("")
    return out


def _md_survey(plan: Plan, lang: str) -> list[str]:
    """III. The survey points lost."""
    out = [f"## {render('plan-doc.survey', None, lang)}", ""]
    if not plan.survey:
        out.append(render("plan-doc.survey-none", None, lang))
    out += [
        f"- {s.id} {s.name.get(lang)}: {format_points(s.points, lang)}/{format_points(s.max, lang)}"
        for s in plan.survey
    ]
    return out


def to_json(plan: Plan, opts: Options) -> str:
    return plan.model_dump_json(indent=2) + "\n"
