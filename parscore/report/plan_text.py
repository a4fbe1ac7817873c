"""The improvement plan as a document, in the form of the plans communes sign (Nghị định
30/2020/NĐ-CP): the header (the committee and the number on the left, the nation, the motto, the
place and date on the right), the title, an opening paragraph, I. purpose and requirements, II.
tasks and solutions by field, III. who does what, the closing sentence, the recipients and the
signature; then an annex with the figures (what each task is worth, what to do first, the
target).

:func:`document` builds it once, as blocks; the plain text (``text``, for a terminal), the
Markdown and the Word plan (:mod:`parscore.report.plan_docx`) only lay the blocks out. Things the
clerk fills (the number, the day, the signer) are left as dotted blanks, never invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from tabulate import tabulate

from parscore.classify import band_words
from parscore.messages import format_percent, format_points, render
from parscore.model.evidence import Unit
from parscore.model.plan import Plan, Step
from parscore.model.result import FieldScore
from parscore.report.common import Options, markdown_text
from parscore.report.width import PIPED_WIDTH, fit_table, text_width, wrap

Kind = Literal["section", "field", "item", "para", "bullet", "annex", "title", "note", "table"]


@dataclass(frozen=True)
class Table:
    heads: list[str]
    rows: list[list[str]]
    right: tuple[int, ...] = ()  # columns of numbers, right-aligned
    widths_cm: tuple[float, ...] = ()  # in Word; the text width is 16 cm
    #: rows that head a group (a field in the year plan's task table): bold, and in Word the
    #: cells after the first merged into one
    groups: tuple[int, ...] = ()


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str = ""
    table: Table | None = None


@dataclass(frozen=True)
class PlanDocument:
    left: list[str]  # the committee, the unit, the number
    right: list[str]  # the nation, the motto, the place and date
    title: str
    subtitle: str
    body: list[Block]
    recipients: list[str]  # "Nơi nhận:" first
    signature: list[str]  # "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", then the blank for the name
    annex: list[Block] = field(default_factory=list)
    landscape: bool = False  # A4 landscape in Word (a wide table: the appraisal annex)


# --- the content, once --------------------------------------------------------------------------


def commune_header(unit: Any, year: int, lang: str) -> tuple[list[str], list[str]]:
    """The two header columns of a document a commune's People's Committee issues (Nghị định
    30/2020): the committee, the unit and the number blank; the nation, the motto, the place and
    the date blank. ``unit``: anything with ``kind`` and ``name``."""
    names = {"kind": unit.kind, "name": unit.name, "year": year}
    left = [
        render("plan-doc.committee", None, lang),
        render("plan-doc.unit", names, lang).upper(),
        render("plan-doc.number", None, lang),
    ]
    right = [
        render("plan-doc.nation", None, lang),
        render("plan-doc.motto", None, lang),
        render("plan-doc.date", {"place": unit.name, "year": year}, lang),
    ]
    return left, right


def commune_signature(lang: str) -> list[str]:
    """On behalf of the People's Committee, the chairman, the blank for the name."""
    return [
        render("plan-doc.on-behalf", None, lang),
        render("plan-doc.chair", None, lang),
        render("plan-doc.signer", None, lang),
    ]


def document(plan: Plan, lang: str, top: int = 10) -> PlanDocument:
    unit = plan.unit
    names = {"kind": unit.kind, "name": unit.name, "year": plan.year}
    left, right = commune_header(unit, plan.year, lang)
    body = [
        Block("para", _opening(plan, lang)),
        *_purpose(plan, lang),
        *_tasks(plan, lang),
        *_organisation(plan, lang),
        Block("para", render("plan-doc.closing", names, lang)),
    ]
    return PlanDocument(
        left=left,
        right=right,
        title=render("plan-doc.title", None, lang),
        subtitle=render("plan-doc.subtitle", names, lang),
        body=body,
        recipients=_recipients(plan, lang),
        signature=commune_signature(lang),
        annex=_annex(plan, lang, top),
    )


def _result(plan: Plan, lang: str) -> str:
    index = format_percent(plan.index, lang)
    if plan.band is None and not plan.band_limits:
        return render("plan-doc.result", {"index": index}, lang)
    band = band_words(plan.band, plan.index_band, plan.band_limits, lang)
    return render("plan-doc.result-band", {"index": index, "band": band}, lang)


def _opening(plan: Plan, lang: str) -> str:
    args = {
        "assessed": plan.assessed_year,
        "result": _result(plan, lang),
        "kind": plan.unit.kind,
        "name": plan.unit.name,
        "year": plan.year,
    }
    return render("plan-doc.opening", args, lang)


def _purpose(plan: Plan, lang: str) -> list[Block]:
    years = {"assessed": plan.assessed_year, "year": plan.year}
    aims = [render("plan-doc.aim-remedy", years, lang), render("plan-doc.aim-staff", None, lang)]
    t = plan.target
    if t is not None and t.reachable:
        code = "plan-doc.aim-keep" if not t.chosen else "plan-doc.aim-target"
        aims.append(render(code, {"target": format_percent(t.target, lang), **years}, lang))
    return [
        Block("section", render("plan-doc.purpose", None, lang)),
        Block("item", render("plan-doc.aims", None, lang)),
        *(Block("bullet", aim) for aim in aims),
        Block("item", render("plan-doc.requirements", None, lang)),
        Block("bullet", render("plan-doc.req-concrete", None, lang)),
        Block("bullet", render("plan-doc.req-evidence", None, lang)),
    ]


def field_sections(plan: Plan) -> list[tuple[FieldScore, list[list[Step]]]]:
    """The fields that have steps, in the set's order; in each, the steps grouped by
    sub-criterion in id order (1.2 before 1.10)."""
    by_field: dict[str, list[Step]] = {}
    for step in plan.steps:
        by_field.setdefault(step.field, []).append(step)
    sections = []
    for f in plan.fields:
        nodes: dict[str, list[Step]] = {}
        for step in sorted(by_field.get(f.id, []), key=_id_order):
            nodes.setdefault(step.id, []).append(step)
        if nodes:
            sections.append((f, list(nodes.values())))
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


def numbered(plan: Plan) -> list[tuple[str, FieldScore, list[list[Step]]]]:
    """Each field with its number in Part II (1., 2., ...), in the set's order."""
    return [(str(n), f, nodes) for n, (f, nodes) in enumerate(field_sections(plan), start=1)]


def sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else text


def goals(steps: list[Step], lang: str, assessed: int) -> str:
    """The item's missing document or explanation first, then its best step (a rule lists
    alternatives, best first: the plan sets the best as the goal)."""
    said = [
        render(f"plan-doc.goal-{s.cost}", {"assessed": assessed}, lang)
        for s in steps
        if s.cost != "action"
    ]
    said += [s.action.get(lang) for s in steps if s.cost == "action"][:1]
    return sentence("; ".join(said))


def item_lines(steps: list[Step], lang: str, assessed: int) -> list[str]:
    """A sub-criterion's lines: goals and tasks, solutions, lead, coordinating, timing."""
    first = steps[0]
    lines = [(render("plan-doc.tasks", None, lang), goals(steps, lang, assessed))]
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
    return [f"{label}: {text}" for label, text in lines]


def _tasks(plan: Plan, lang: str) -> list[Block]:
    """II. Per field, per sub-criterion: numbered 1., 1.1., ..., each task heading naming its
    sub-criterion's id in the set, so that the plan's numbers are not read as ids."""
    out = [Block("section", render("plan-doc.fields", None, lang))]
    if not plan.steps:
        out.append(
            Block("para", render("plan-doc.nothing", {"assessed": plan.assessed_year}, lang))
        )
    for number, f, nodes in numbered(plan):
        out.append(Block("field", f"{number}. {f.name.get(lang)}"))
        for m, steps in enumerate(nodes, start=1):
            name = steps[0].name.get(lang)
            title = {"number": f"{number}.{m}", "name": name, "id": steps[0].id}
            out.append(Block("item", render("plan-doc.item-title", title, lang)))
            lines = item_lines(steps, lang, plan.assessed_year)
            out += [Block("para", line) for line in lines]
    return out


def _offices(plan: Plan) -> dict[str | None, list[str]]:
    """Each lead office (in order of its first task in Part II) and its task numbers."""
    offices: dict[str | None, list[str]] = {}
    for number, _f, nodes in numbered(plan):
        for m, steps in enumerate(nodes, start=1):
            offices.setdefault(steps[0].lead, []).append(f"{number}.{m}")
    return offices


def _organisation(plan: Plan, lang: str) -> list[Block]:
    """III. What each office is responsible for."""
    kind = plan.unit.kind
    out = [Block("section", render("plan-doc.organisation", None, lang))]
    offices = _offices(plan)
    named = [o for o in offices if o is not None] + ([None] if None in offices else [])
    n = 0
    for n, office in enumerate(named, start=1):
        name = office or render("plan-doc.no-lead", None, lang)
        refs = ", ".join(offices[office])
        out.append(Block("item", f"{n}. {name}"))
        out.append(
            Block("para", render("plan-doc.office-tasks", {"refs": refs, "kind": kind}, lang))
        )
    out.append(Block("item", f"{n + 1}. {render('plan-doc.others', {'kind': kind}, lang)}"))
    out.append(Block("para", render("plan-doc.others-tasks", None, lang)))
    out.append(Block("para", render("plan-doc.difficulties", {"kind": kind}, lang)))
    return out


def _recipients(plan: Plan, lang: str) -> list[str]:
    return recipients(plan.unit, plan.year, lang)


def recipients(unit: Unit, year: int, lang: str) -> list[str]:
    """Nơi nhận of a plan of ``year``: the body above (the district's until mid-2025, the
    province's after), the commune's leaders, the offices, the file."""
    kind = {"kind": unit.kind}
    district, province = unit.parent("district"), unit.parent("province")
    if district is not None and year <= 2025:
        above = render("plan-doc.to-district", {"name": district.name}, lang)
    elif province is not None:
        above = render("plan-doc.to-province", {"name": province.name}, lang)
    else:
        above = render("plan-doc.to-above", None, lang)
    return [
        render("plan-doc.recipients", None, lang),
        above,
        render("plan-doc.to-party", kind, lang),
        render("plan-doc.to-leaders", kind, lang),
        render("plan-doc.to-offices", None, lang),
        render("plan-doc.to-file", None, lang),
    ]


# --- the annex: the figures ---------------------------------------------------------------------


def _annex(plan: Plan, lang: str, top: int) -> list[Block]:
    unit = {"kind": plan.unit.kind, "name": plan.unit.name}
    assessed = {"assessed": plan.assessed_year}
    out = [
        Block("annex", render("plan-doc.annex", None, lang)),
        Block("title", render("plan-doc.annex-title", assessed, lang)),
        Block("note", render("plan-doc.annex-note", unit, lang)),
        *_annex_results(plan, lang),
        *_annex_first(plan, lang, top),
        *_annex_items(plan, lang),
    ]
    n = 4
    target = target_lines(plan, lang)
    if target is not None:
        out += [Block("item", target[0]), Block("para", target[1])]
        n = 5
    out.append(Block("item", render("plan-doc.survey", {"n": n}, lang)))
    if not plan.survey:
        out.append(Block("para", render("plan-doc.survey-none", None, lang)))
    for s in plan.survey:
        points = f"{format_points(s.points, lang)}/{format_points(s.max, lang)}"
        out.append(Block("bullet", f"{s.id} {s.name.get(lang)}: {points}"))
    if plan.since_year is not None:  # plan --previous: what was lost since (report/years.py)
        from parscore.report.years import plan_fell_lines

        out.append(Block("item", f"{n + 1}. {render('years.plan-heading', None, lang)}"))
        out += [Block("bullet", line) for line in plan_fell_lines(plan, lang)]
        if not plan.fell:
            out.append(
                Block("para", render("years.plan-none-fell", {"year": plan.since_year}, lang))
            )
    return out


def _annex_results(plan: Plan, lang: str) -> list[Block]:
    band = band_words(plan.band, plan.index_band, plan.band_limits, lang)
    line = {
        "index": format_percent(plan.index, lang),
        "band": band,
        "set": plan.criteria.title.get(lang),
    }
    rows = [
        [
            str(n),
            f.name.get(lang),
            format_points(f.points, lang),
            format_points(f.applicable_max, lang),
            format_percent(f.points / f.applicable_max * 100 if f.applicable_max else None, lang),
        ]
        for n, f in enumerate(plan.fields, start=1)
    ]
    heads = ["plan-doc.no", "plan-doc.field-h", "plan-doc.points-h", "plan-doc.max-h"]
    table = Table(
        [render(code, None, lang) for code in (*heads, "plan-doc.share-h")],
        rows,
        right=(0, 2, 3, 4),
        widths_cm=(1.2, 8.0, 2.2, 2.4, 2.2),
    )
    return [
        Block("item", render("plan-doc.results", {"assessed": plan.assessed_year}, lang)),
        Block("para", render("plan-doc.results-line", line, lang)),
        Block("table", table=table),
    ]


def task_text(step: Step, lang: str) -> str:
    return f"{step.id} {step.name.get(lang)}"


def _annex_first(plan: Plan, lang: str, top: int) -> list[Block]:
    """What to do first: the cheapest steps, then the biggest gains, each with its points."""
    out = [
        Block("item", render("plan-doc.first", None, lang)),
        Block("para", render("plan-doc.first-note", None, lang)),
    ]
    if not plan.steps:
        return [*out, Block("para", render("plan-doc.none-lost", None, lang))]
    rows = [
        [str(i), task_text(s, lang), sentence(s.action.get(lang)), format_points(s.gain, lang)]
        for i, s in enumerate(plan.steps[: max(top, 1)], start=1)
    ]
    heads = ("plan-doc.no", "plan-doc.item-h", "plan-doc.step-h", "plan-doc.gain-h")
    table = Table(
        [render(code, None, lang) for code in heads],
        rows,
        right=(0, 3),
        widths_cm=(1.2, 5.6, 7.0, 2.2),
    )
    return [*out, Block("table", table=table)]


def _annex_items(plan: Plan, lang: str) -> list[Block]:
    """Every sub-criterion that can gain points, and how many all told (the to-do list's
    figure), with a total."""
    out = [
        Block("item", render("plan-doc.by-item", None, lang)),
        Block("para", render("plan-doc.by-item-note", None, lang)),
    ]
    if not plan.items:
        return [*out, Block("para", render("plan-doc.none-lost", None, lang))]
    rows = [
        [
            f"{i.id} {i.name.get(lang)}",
            format_points(i.points, lang),
            format_points(i.applicable_max, lang),
            format_points(i.gain, lang),
            i.lead or "—",
        ]
        for i in plan.items
    ]
    total = sum((i.gain for i in plan.items), Decimal(0))
    rows.append([render("plan-doc.total", None, lang), "", "", format_points(total, lang), ""])
    heads = ("plan-doc.item-h", "plan-doc.now-h", "plan-doc.max-h", "plan-doc.gain-h")
    table = Table(
        [render(code, None, lang) for code in (*heads, "plan-doc.lead-h")],
        rows,
        right=(1, 2, 3),
        widths_cm=(5.2, 2.2, 2.4, 2.2, 4.0),
    )
    return [*out, Block("table", table=table)]


def target_lines(plan: Plan, lang: str) -> tuple[str, str] | None:
    """The target's heading and the sentence that answers it: already reached, reached with
    these sub-criteria, or out of reach by how much."""
    t = plan.target
    if t is None:
        return None
    heading = render("plan-doc.target", {"target": format_percent(t.target, lang)}, lang)
    if t.reachable and not t.chosen:
        args = {"assessed": plan.assessed_year, "index": format_percent(plan.index, lang)}
        return heading, render("plan-doc.target-met", args, lang)
    if t.reachable:
        args = {
            "count": len(t.chosen),
            "after": format_percent(t.index_after, lang),
            "ids": ", ".join(t.chosen),
        }
        return heading, render("plan-doc.target-yes", args, lang)
    args = {
        "after": format_percent(t.index_after, lang),
        "shortfall": format_points(t.shortfall, lang),
    }
    if t.best_possible is not None and t.best_possible < t.target:  # not even with the survey
        args["best"] = format_percent(t.best_possible, lang)
        return heading, render("plan-doc.target-impossible", args, lang)
    return heading, render("plan-doc.target-no", args, lang)


# --- Markdown and plain text --------------------------------------------------------------------


def _aligns(table: Table) -> list[str]:
    return ["right" if c in table.right else "left" for c in range(len(table.heads))]


def _two_columns(left: list[str], right: list[str]) -> list[list[str]]:
    depth = max(len(left), len(right))
    return [
        [left[i] if i < len(left) else "", right[i] if i < len(right) else ""] for i in range(depth)
    ]


def _md_bold(text: str) -> str:
    return f"**{text}**" if text else ""


def markdown(plan: Plan, opts: Options) -> str:
    """The plan in Markdown (:func:`markdown_document`)."""
    return markdown_document(document(plan, opts.lang, opts.top))


def markdown_document(doc: PlanDocument) -> str:
    """A document in Markdown, as near the document's form as Markdown goes: the header and the
    signature as two-column tables, sections as headings, the annex after a rule. Every plan
    (the improvement plan, the year's reform plan) is laid out by this one function."""
    esc = markdown_text
    head = _two_columns([esc(x) for x in doc.left], [esc(x) for x in doc.right])
    head = [
        [_md_bold(a) if i < 2 else a, _md_bold(b) if i < 2 else f"*{b}*"]
        for i, (a, b) in enumerate(head)
    ]
    out = [_md_table(head[0], head[1:], ["center", "center"]), ""]
    out += [f"# {esc(doc.title)}", "", _md_bold(esc(doc.subtitle)), ""]
    out += _md_blocks(doc.body)
    foot = _two_columns([esc(x) for x in doc.recipients], [esc(x) for x in doc.signature])
    foot = [
        [_md_bold(a) if i == 0 else a, _md_bold(b) if i < 2 else b] for i, (a, b) in enumerate(foot)
    ]
    out += [_md_table(foot[0], foot[1:], ["left", "center"]), ""]
    if doc.annex:
        out += ["---", "", *_md_blocks(doc.annex)]
    return "\n".join(out).rstrip() + "\n"


def _md_table(heads: list[str], rows: list[list[str]], align: list[str]) -> str:
    return str(
        tabulate(rows, headers=heads, tablefmt="pipe", disable_numparse=True, colalign=align)
    )


_MD_PREFIX = {"section": "## ", "field": "### ", "annex": "## ", "bullet": "- "}


def _md_blocks(blocks: list[Block]) -> list[str]:
    out = []
    for b in blocks:
        if b.table is not None:
            rows = [
                [
                    _md_bold(markdown_text(v)) if r in b.table.groups else markdown_text(v)
                    for v in row
                ]
                for r, row in enumerate(b.table.rows)
            ]
            heads = [markdown_text(h) for h in b.table.heads]
            out += [_md_table(heads, rows, _aligns(b.table)), ""]
            continue
        text = markdown_text(b.text)
        if b.kind in ("item", "title"):
            text = _md_bold(text)
        elif b.kind == "note":
            text = f"*{text}*"
        out += [_MD_PREFIX.get(b.kind, "") + text, ""]
    return out


def text(plan: Plan, opts: Options) -> str:
    """The plan as plain text (:func:`text_document`)."""
    return text_document(document(plan, opts.lang, opts.top), opts.width or PIPED_WIDTH)


def text_document(doc: PlanDocument, width: int) -> str:
    """A document as plain text for a terminal (and a pipe, the fixed width's bytes): no
    Markdown marks, the header and signature side by side, paragraphs and tables laid out in
    ``width`` (:mod:`parscore.report.width`)."""
    out = [_side_by_side(doc.left, doc.right, width), ""]
    out += [*wrap(doc.title, width), *wrap(doc.subtitle, width), ""]
    out += _text_blocks(doc.body, width)
    out += [_side_by_side(doc.recipients, doc.signature, width), ""]
    out += _text_blocks(doc.annex, width)
    return "\n".join(out).rstrip() + "\n"


def _side_by_side(left: list[str], right: list[str], width: int) -> str:
    """Two blocks of lines side by side (the header, the recipients and the signature), two
    spaces apart; when they do not fit, the left side wraps in the room the right one leaves
    (half the width when that is under 24 cells)."""
    natural = max(map(text_width, left or [""]))
    room = width - 2 - max(map(text_width, right or [""]))
    cut = natural if natural <= room else (room if room >= 24 else (width - 2) // 2)
    lefts = [line for text in left for line in wrap(text, cut, indent="  ")]
    rights = [line for text in right for line in wrap(text, width - 2 - cut)]
    rows = []
    for i in range(max(len(lefts), len(rights))):
        one = lefts[i] if i < len(lefts) else ""
        two = rights[i] if i < len(rights) else ""
        rows.append((one + " " * (cut - text_width(one)) + "  " + two).rstrip())
    return "\n".join(rows)


def _text_blocks(blocks: list[Block], width: int) -> list[str]:
    out = []
    for b in blocks:
        if b.table is not None:
            out += [fit_table(b.table.heads, b.table.rows, _aligns(b.table), width), ""]
        elif b.kind == "annex":
            out += ["", "-" * 40, *wrap(b.text.upper(), width), ""]
        elif b.kind == "bullet":
            out += [*wrap("- " + b.text, width, indent="  "), ""]
        else:
            out += [*wrap(b.text, width), ""]
    return out


def to_json(plan: Plan, opts: Options) -> str:
    return plan.model_dump_json(indent=2) + "\n"
