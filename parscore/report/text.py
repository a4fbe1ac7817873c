"""The terminal table and the Markdown report: the same sections, framed two ways."""

from __future__ import annotations

from dataclasses import dataclass, field

from tabulate import tabulate

from parscore.messages import format_date, format_percent, format_points, format_signed, render
from parscore.model.result import Ledger, LedgerLine, NodeResult, UnitResult, WeakField
from parscore.report.common import Options, documents_text, markdown_text, outcome_text, unit_line


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    align: list[str]
    #: in the terminal, wrap each column at this many characters (None: never)
    widths: list[int | None] | None = None


@dataclass
class Section:
    heading: str
    lines: list[str] = field(default_factory=list)
    table: Table | None = None


def render_sections(sections: list[Section], title: str, markdown: bool) -> str:
    """The sections under a title, as a terminal text or as Markdown. In Markdown every text
    goes through ``markdown_text`` here, once: names, titles, document numbers and reasons come
    from input files."""
    if markdown:
        title = markdown_text(title)
        sections = [_escaped(section) for section in sections]
    out: list[str] = []
    out.append(f"# {title}" if markdown else title)
    if not markdown:
        out.append("=" * min(len(title), 100))
    for section in sections:
        out.append("")
        if section.heading:
            if markdown:
                out.append(f"## {section.heading}")
                out.append("")
            else:
                out.append(section.heading)
                out.append("-" * min(len(section.heading), 100))
        out.extend(section.lines)
        if section.table is not None:
            if section.lines:
                out.append("")
            out.append(
                tabulate(
                    section.table.rows,
                    headers=section.table.headers,
                    tablefmt="pipe" if markdown else "simple",
                    disable_numparse=True,
                    colalign=section.table.align,
                    maxcolwidths=None if markdown else section.table.widths,
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
    lang = opts.lang
    t = result.totals
    head = Section("")
    head.lines.append(unit_line(result.unit, lang))
    criteria = result.criteria
    head.lines.append(
        render(
            "result.criteria-line",
            {"id": criteria.id, "version": criteria.version, "title": criteria.title.get(lang)},
            lang,
        )
    )
    if result.assessment and (result.assessment.by or result.assessment.date):
        who = result.assessment.by or ""
        when = format_date(result.assessment.date, lang) if result.assessment.date else ""
        head.lines.append(
            f"{render('result.assessed', None, lang)}: {', '.join(x for x in (who, when) if x)}"
        )
    if markdown:
        head.lines = [line + "  " for line in head.lines]  # Markdown line breaks

    def cap(ledger: Ledger) -> str:
        if ledger.cap is None:
            return ""
        return f" ({render('result.cap', {'cap': format_points(ledger.cap, lang)}, lang)})"

    rows = [_field_row(f, lang, markdown) for f in result.fields]
    if result.survey is not None:
        rows.append(_field_row(result.survey, lang, markdown))
    rows += [
        [
            "",
            render("result.bonus", None, lang) + cap(result.bonus),
            format_signed(t.bonus, lang),
            "",
            "",
        ],
        [
            "",
            render("result.penalty", None, lang) + cap(result.penalty),
            "−" + format_points(t.penalty, lang),
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
    band = t.band.get(lang) if t.band else render("result.no-band", None, lang)
    index_line = render(
        "result.index-line", {"index": format_percent(t.index, lang), "band": band}, lang
    )
    summary = Section("", lines=[f"**{index_line}**" if markdown else index_line])
    missing = sum(f.missing_count for f in result.fields)
    if missing:
        summary.lines.append(render("result.missing-note", {"count": missing}, lang))
    sections = [
        head,
        Section(render("result.by-field", None, lang), table=_table(lang, _FIELD_COLUMNS, rows)),
        summary,
    ]

    weak_fields = result.weakest.fields[: opts.top]
    if weak_fields:
        rows = [_field_row(w, lang, markdown) for w in weak_fields]
        sections.append(
            Section(
                render("result.weak-fields", None, lang), table=_table(lang, _FIELD_COLUMNS, rows)
            )
        )
    weak_items = result.weakest.items[: opts.top]
    if weak_items:
        columns = [
            ("", "left"),
            ("result.item", "left"),
            ("result.lost", "right"),
            ("result.points", "right"),
            ("result.max", "right"),
            ("result.outcome", "left"),
        ]
        rows = [
            [
                w.id,
                _md(w.name.get(lang), markdown),
                format_points(w.lost, lang),
                format_points(w.points, lang),
                format_points(w.applicable_max, lang),
                outcome_text(w.outcome, lang),
            ]
            for w in weak_items
        ]
        sections.append(
            Section(render("result.weak-items", None, lang), table=_table(lang, columns, rows))
        )

    rows = [
        [
            render(f"result.{name}", None, lang),
            _md(line.reason.get(lang), markdown),
            ("+" if name == "bonus" else "−") + format_points(line.points, lang),
            _md(_ledger_source(line, lang), markdown),
        ]
        for name, ledger in (("bonus", result.bonus), ("penalty", result.penalty))
        for line in ledger.lines
    ]
    if rows:
        columns = [
            ("", "left"),
            ("result.reason", "left"),
            ("result.points", "right"),
            ("result.evidence", "left"),
        ]
        sections.append(
            Section(render("result.ledger", None, lang), table=_table(lang, columns, rows))
        )

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
    if rows:
        columns = [
            ("", "left"),
            ("result.item", "left"),
            ("result.claimed", "right"),
            ("result.points", "right"),
            ("result.difference", "right"),
        ]
        sections.append(
            Section(render("result.claims", None, lang), table=_table(lang, columns, rows))
        )

    if opts.detail:
        sections.append(_detail(result, lang, markdown))

    if result.warnings:
        bullet = "- " if markdown else ""
        sections.append(
            Section(
                render("result.warnings", None, lang),
                lines=[
                    f"{bullet}{w.file}:{w.line}:{w.column}: {w.message.get(lang)}"
                    for w in result.warnings
                ],
            )
        )
    return sections


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
        why = node.reason.get(lang) if node.reason else ""
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
    return Section(render("result.details", None, lang), table=table)


def table(result: UnitResult, opts: Options) -> str:
    title = render("result.title", {"year": result.year}, opts.lang)
    return render_sections(result_sections(result, opts, markdown=False), title, markdown=False)


def markdown(result: UnitResult, opts: Options) -> str:
    title = render("result.title", {"year": result.year}, opts.lang)
    return render_sections(result_sections(result, opts, markdown=True), title, markdown=True)


__all__ = ["table", "markdown", "render_sections", "Section", "Table"]
