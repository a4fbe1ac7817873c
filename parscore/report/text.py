"""The terminal table and the Markdown report: the same sections, framed two ways."""

from __future__ import annotations

from dataclasses import dataclass, field

from tabulate import tabulate

from parscore.classify import band_words
from parscore.messages import format_date, format_percent, format_points, format_signed, render
from parscore.model.result import Ledger, LedgerLine, NodeResult, UnitResult, WeakField
from parscore.report.common import (
    Options,
    documents_text,
    markdown_text,
    outcome_text,
    reason_text,
    unit_line,
)
from parscore.report.width import GAP, PIPED_WIDTH, fit_table, text_width, wrap


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    align: list[str]
    #: in the terminal, no column wider than this many cells (None: as wide as there is room)
    widths: list[int | None] | None = None
    #: in a terminal too narrow for the whole table, the columns from this one on are written
    #: under each row instead (``width.fit_table``)
    notes_from: int | None = None
    #: in a narrow terminal, the width a text column gets before the headings of the number
    #: columns do (``width.READABLE``; wider where the names matter more than the headings)
    readable: int | None = None


@dataclass
class Section:
    heading: str
    lines: list[str] = field(default_factory=list)
    table: Table | None = None


def render_sections(
    sections: list[Section], title: str, markdown: bool, width: int | None = None
) -> str:
    """The sections under a title, as a terminal text or as Markdown. In Markdown every text
    goes through ``markdown_text`` here, once: names, titles, document numbers and reasons come
    from input files. A terminal text fits ``width`` cells a line (default: the fixed width of
    piped output, ``width.PIPED_WIDTH``); Markdown is never wrapped."""
    if markdown:
        return _markdown_sections(sections, title)
    width = width or PIPED_WIDTH
    out = [*wrap(title, width), "=" * min(text_width(title), width)]
    for section in sections:
        out.append("")
        if section.heading:
            out.extend(wrap(section.heading, width))
            out.append("-" * min(text_width(section.heading), width))
        for line in section.lines:
            out.extend(wrap(line, width, indent="    "))
        if section.table is not None:
            if section.lines:
                out.append("")
            out.append(_fitted(section.table, width))
    return "\n".join(out).rstrip() + "\n"


def _fitted(table: Table, width: int) -> str:
    """A table in the terminal: at most ``width`` cells a line, and no column wider than its
    ``widths`` entry when it has one (a long text is easier to read in a narrower column)."""
    if table.widths is not None:
        width = min(width, _capped_width(table))
    if table.readable is not None:
        return fit_table(
            table.headers, table.rows, table.align, width, table.notes_from, table.readable
        )
    return fit_table(table.headers, table.rows, table.align, width, table.notes_from)


def _capped_width(table: Table) -> int:
    """The widest the table is with its columns held to ``widths``."""
    assert table.widths is not None
    total = len(GAP) * (len(table.headers) - 1)
    for i, cap in enumerate(table.widths):
        natural = max(text_width(row[i]) for row in [table.headers, *table.rows])
        total += natural if cap is None else min(natural, cap)
    return total


def _markdown_sections(sections: list[Section], title: str) -> str:
    out = [f"# {markdown_text(title)}"]
    for section in map(_escaped, sections):
        out.append("")
        if section.heading:
            out.extend([f"## {section.heading}", ""])
        out.extend(section.lines)
        if section.table is not None:
            if section.lines:
                out.append("")
            out.append(
                tabulate(
                    section.table.rows,
                    headers=section.table.headers,
                    tablefmt="pipe",
                    disable_numparse=True,
                    colalign=section.table.align,
                )
            )
    return "\n".join(out).rstrip() + "\n"


def _escaped(section: Section) -> Section:
    table = section.table
    if table is not None:
        table = Table(
            [markdown_text(h) for h in table.headers],
            [[markdown_text(cell) for cell in row] for row in table.rows],
            table.align,
            table.widths,
            table.notes_from,
        )
    return Section(
        markdown_text(section.heading), [markdown_text(line) for line in section.lines], table
    )


def _md(text: str, markdown: bool) -> str:
    """A cell on one line (Markdown escaping is ``render_sections``'s, for every text at once)."""
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


def _table(lang: str, columns: list[tuple[str, str]], rows: list[list[str]]) -> Table:
    """``columns``: (catalogue code of the heading, or "" for none; alignment)."""
    return Table(
        [render(code, None, lang) if code else "" for code, _ in columns],
        rows,
        [align for _, align in columns],
    )


_FIELD_COLUMNS = [
    ("", "left"),
    ("result.field", "left"),
    ("result.points", "right"),
    ("result.max", "right"),
    ("result.percent", "right"),
]


def _field_row(node: NodeResult | WeakField, lang: str, markdown: bool) -> list[str]:
    return [
        node.id,
        _md(node.name.get(lang), markdown),
        format_points(node.points, lang),
        format_points(node.applicable_max, lang),
        format_percent(node.percent, lang),
    ]


def result_sections(result: UnitResult, opts: Options, markdown: bool) -> list[Section]:
    """The unit result's sections, in order; each is built by one function below."""
    lang = opts.lang
    sections = [
        _head(result, lang, markdown),
        _by_field(result, lang, markdown),
        _summary(result, lang, markdown),
        _weak_fields(result, opts, markdown),
        _weak_items(result, opts, markdown),
        _ledger(result, lang, markdown),
        _ledger_kinds(result, lang, markdown),
        _claims(result, lang, markdown),
        _detail(result, lang, markdown) if opts.detail else None,
        _warnings(result, lang, markdown),
    ]
    return [section for section in sections if section is not None]


def _head(result: UnitResult, lang: str, markdown: bool) -> Section:
    """Who, on which criteria set, assessed by whom and when."""
    criteria = result.criteria
    lines = [
        unit_line(result.unit, lang),
        render(
            "result.criteria-line",
            {"id": criteria.id, "version": criteria.version, "title": criteria.title.get(lang)},
            lang,
        ),
    ]
    assessment = result.assessment
    if assessment and (assessment.by or assessment.date):
        when = format_date(assessment.date, lang) if assessment.date else ""
        who_when = ", ".join(x for x in (assessment.by or "", when) if x)
        lines.append(f"{render('result.assessed', None, lang)}: {who_when}")
    if markdown:
        lines = [line + "  " for line in lines]  # Markdown line breaks
    return Section("", lines=lines)


def _capped(code: str, ledger: Ledger, lang: str) -> str:
    """ "Điểm thưởng (tối đa 3)": a ledger's name (the set's own, if it gives one) and its
    cap."""
    name = ledger.name.get(lang) if ledger.name is not None else render(code, None, lang)
    if ledger.cap is None:
        return name
    cap = render("result.cap", {"cap": format_points(ledger.cap, lang)}, lang)
    return f"{name} ({cap})"


def _by_field(result: UnitResult, lang: str, markdown: bool) -> Section:
    t = result.totals
    rows = [_field_row(f, lang, markdown) for f in result.fields]
    if result.survey is not None:
        rows.append(_field_row(result.survey, lang, markdown))
    rows += [
        [
            "",
            _md(_capped("result.bonus", result.bonus, lang), markdown),
            format_signed(t.bonus, lang) if t.bonus else format_points(t.bonus, lang),
            "",
            "",
        ],
        [
            "",
            _md(_capped("result.penalty", result.penalty, lang), markdown),
            ("−" if t.penalty else "") + format_points(t.penalty, lang),  # no "−0,00"
            "",
            "",
        ],
        [
            "",
            render("result.total", None, lang),
            format_points(t.total, lang),
            format_points(t.applicable_max, lang),
            "",
        ],
    ]
    return Section(render("result.by-field", None, lang), table=_table(lang, _FIELD_COLUMNS, rows))


def _summary(result: UnitResult, lang: str, markdown: bool) -> Section:
    """The index and the band, the appraisal and survey points, and how many sub-criteria lack
    evidence."""
    t = result.totals
    band = band_words(t.band, t.index_band, t.band_limits, lang)
    index = format_percent(t.index, lang)
    line = render("result.index-line", {"index": index, "band": band}, lang)
    summary = Section("", lines=[f"**{line}**" if markdown else line])
    split = {  # by who scores each row, wherever it sits (survey rows may sit in fields)
        "appraisal": format_points(t.appraisal, lang),
        "appraisal_max": format_points(t.appraisal_max, lang),
        "survey": format_points(t.survey, lang),
        "survey_max": format_points(t.survey_max, lang),
    }
    summary.lines.append(render("result.split-line", split, lang))
    if t.uncapped_total is not None:
        args = {
            "uncapped": format_points(t.uncapped_total, lang),
            "max": format_points(t.applicable_max, lang),
        }
        summary.lines.append(render("band.capped", args, lang))
    missing = sum(f.missing_count for f in result.fields)
    if missing:
        summary.lines.append(render("result.missing-note", {"count": missing}, lang))
    return summary


def _weak_fields(result: UnitResult, opts: Options, markdown: bool) -> Section | None:
    weak = result.weakest.fields[: opts.top]
    if not weak:
        return None
    rows = [_field_row(w, opts.lang, markdown) for w in weak]
    heading = render("result.weak-fields", None, opts.lang)
    return Section(heading, table=_table(opts.lang, _FIELD_COLUMNS, rows))


_WEAK_ITEM_COLUMNS = [
    ("", "left"),
    ("result.item", "left"),
    ("result.lost", "right"),
    ("result.points", "right"),
    ("result.max", "right"),
    ("result.outcome", "left"),
]


def _weak_items(result: UnitResult, opts: Options, markdown: bool) -> Section | None:
    lang = opts.lang
    weak = result.weakest.items[: opts.top]
    if not weak:
        return None
    rows = [
        [
            w.id,
            _md(w.name.get(lang), markdown),
            format_points(w.lost, lang),
            format_points(w.points, lang),
            format_points(w.applicable_max, lang),
            outcome_text(w.outcome, lang),
        ]
        for w in weak
    ]
    heading = render("result.weak-items", None, lang)
    return Section(heading, table=_table(lang, _WEAK_ITEM_COLUMNS, rows))


_LEDGER_COLUMNS = [
    ("", "left"),
    ("result.reason", "left"),
    ("result.points", "right"),
    ("result.evidence", "left"),
]


def _ledger(result: UnitResult, lang: str, markdown: bool) -> Section | None:
    """Every bonus and penalty line, with where it comes from."""
    rows = [
        [
            render(f"result.{name}", None, lang),
            _md(_line_reason(line, ledger, lang), markdown),
            ("+" if name == "bonus" else "−") + format_points(line.points, lang),
            _md(_ledger_source(line, lang), markdown),
        ]
        for name, ledger in (("bonus", result.bonus), ("penalty", result.penalty))
        for line in ledger.lines
    ]
    if not rows:
        return None
    return Section(render("result.ledger", None, lang), table=_table(lang, _LEDGER_COLUMNS, rows))


_KIND_COLUMNS = [
    ("", "left"),
    ("result.kind", "left"),
    ("result.count", "right"),
    ("result.sum", "right"),
    ("result.cap-heading", "right"),
    ("result.points", "right"),
]


def _ledger_kinds(result: UnitResult, lang: str, markdown: bool) -> Section | None:
    """Per kind of bonus or penalty line: how many, their points, the kind's cap and what
    counts, marked where the cap bit."""
    rows = [
        [
            render(f"result.{name}", None, lang),
            _md(kind.name.get(lang), markdown),
            str(kind.count),
            format_points(kind.sum, lang),
            format_points(kind.cap, lang) if kind.cap is not None else "",
            format_points(kind.points, lang)
            + (render("result.cap-bit", None, lang) if kind.points < kind.sum else ""),
        ]
        for name, ledger in (("bonus", result.bonus), ("penalty", result.penalty))
        for kind in ledger.kinds
    ]
    if not rows:
        return None
    heading = render("result.ledger-kinds", None, lang)
    return Section(heading, table=_table(lang, _KIND_COLUMNS, rows))


_CLAIM_COLUMNS = [
    ("", "left"),
    ("result.item", "left"),
    ("result.claimed", "right"),
    ("result.points", "right"),
    ("result.difference", "right"),
]


def _claims(result: UnitResult, lang: str, markdown: bool) -> Section | None:
    """The scores the commune claimed that differ from the computed ones."""
    rows = [
        [
            n.id,
            _md(n.name.get(lang), markdown),
            format_points(n.claimed, lang),
            format_points(n.points, lang),
            format_signed(n.claim_difference, lang),
        ]
        for n in result.nodes()
        if n.claim_difference is not None
    ]
    if not rows:
        return None
    return Section(render("result.claims", None, lang), table=_table(lang, _CLAIM_COLUMNS, rows))


def _warnings(result: UnitResult, lang: str, markdown: bool) -> Section | None:
    if not result.warnings:
        return None
    bullet = "- " if markdown else ""
    lines = [
        f"{bullet}{w.file}{f':{w.line}:{w.column}' if w.line else ''}: {w.message.get(lang)}"
        for w in result.warnings
    ]
    return Section(render("result.warnings", None, lang), lines=lines)


def _line_reason(line: LedgerLine, ledger: Ledger, lang: str) -> str:
    """A line's reason, and the name of its kind when it has one."""
    kind = next((k for k in ledger.kinds if k.id == line.kind), None)
    text = line.reason.get(lang)
    return text if kind is None else f"{text} ({kind.name.get(lang)})"


def _ledger_source(line: LedgerLine, lang: str) -> str:
    if line.source == "rule":
        return render("result.booked-by-rule", {"id": line.node}, lang)
    parts = []
    for doc in line.documents:
        words = [doc.number or ""]
        if doc.date:
            words.append(format_date(doc.date, lang))
        parts.append(" ".join(w for w in words if w))
    return "; ".join(p for p in parts if p)


def _detail(result: UnitResult, lang: str, markdown: bool) -> Section:
    rows: list[list[str]] = []
    for node in result.nodes():
        name = _md(node.name.get(lang), markdown)
        if node.rule is None:  # a group: its points, no outcome of its own
            rows.append(
                [
                    node.id,
                    name,
                    format_points(node.points, lang),
                    format_points(node.applicable_max, lang),
                    "",
                    "",
                    "",
                ]
            )
            continue
        why = reason_text(node, lang)
        if node.claim_difference is not None:
            why += f" [{render('result.claimed', None, lang)} {format_points(node.claimed, lang)}]"
        evidence = documents_text(node, lang)
        if node.explanation:
            explained = f"{render('result.explanation', None, lang)}: {node.explanation}"
            evidence = f"{evidence}; {explained}" if evidence else explained
        rows.append(
            [
                node.id,
                name,
                format_points(node.points, lang),
                format_points(node.max, lang),
                outcome_text(node.outcome, lang),
                _md(why, markdown),
                _md(evidence, markdown),
            ]
        )
    columns = [
        ("", "left"),
        ("result.item", "left"),
        ("result.points", "right"),
        ("result.max", "right"),
        ("result.outcome", "left"),
        ("result.reason", "left"),
        ("result.evidence", "left"),
    ]
    table = _table(lang, columns, rows)
    table.widths = [None, 36, None, None, 14, 44, 44]  # about 180 columns in a terminal
    table.notes_from = 5  # narrower: the reason and the evidence under each row
    return Section(render("result.details", None, lang), table=table)


def table(result: UnitResult, opts: Options) -> str:
    title = render("result.title", {"year": result.year}, opts.lang)
    sections = result_sections(result, opts, markdown=False)
    return render_sections(sections, title, markdown=False, width=opts.width)


def markdown(result: UnitResult, opts: Options) -> str:
    title = render("result.title", {"year": result.year}, opts.lang)
    return render_sections(result_sections(result, opts, markdown=True), title, markdown=True)


__all__ = ["table", "markdown", "render_sections", "Section", "Table"]
