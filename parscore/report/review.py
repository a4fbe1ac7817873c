"""The reports of ``parscore review``: a terminal table (as wide as the other reports), JSON and
CSV. A reporter formats the findings and never recomputes them."""

from __future__ import annotations

import io

from parscore.messages import Phrase, format_points, render
from parscore.model.review import Finding, Review
from parscore.report.common import Options, SafeCSVWriter
from parscore.report.text import Section, Table, render_sections


def _place(f: Finding) -> str:
    return f"{f.file}:{f.line}:{f.column}" if f.line else f.file


def table(review: Review, opts: Options) -> str:
    """One ranked table: points at stake, place, unit, item and why; the why goes under each
    row when the terminal is too narrow."""
    lang = opts.lang
    count = len(review.files)
    files = Phrase("review.file" if count == 1 else "review.files", {"count": count})
    title = render("review.title", {"files": files, "count": len(review.findings)}, lang)
    sections: list[Section] = []
    if review.findings:
        headers = [
            "#",
            render("review.col-stake", None, lang),
            render("review.col-place", None, lang),
            render("review.col-unit", None, lang),
            render("review.col-item", None, lang),
            render("review.col-why", None, lang),
        ]
        rows = [
            [
                str(number),
                format_points(f.stake, lang),
                _place(f),
                f.unit,
                f.item or "",
                f.reason.get(lang),
            ]
            for number, f in enumerate(review.findings, 1)
        ]
        align = ["right", "right", "left", "left", "left", "left"]
        sections.append(Section("", table=Table(headers, rows, align, notes_from=5)))
    else:
        sections.append(Section("", lines=[render("review.none", None, lang)]))
    notes = []
    if review.left_out:
        notes.append(render("review.left-out", {"files": ", ".join(review.left_out)}, lang))
    years = review.holiday_years
    notes.append(render("review.holidays-note", {"first": years[0], "last": years[-1]}, lang))
    sections.append(Section("", lines=notes))
    return render_sections(sections, title, False, opts.width)


def to_json(review: Review, opts: Options) -> bytes:
    return review.__pydantic_serializer__.to_json(review, indent=2) + b"\n"


#: the CSV's column ids: ASCII, the same in every language, for programs
CSV_COLUMNS = ["rank", "stake", "kind", "file", "line", "column", "unit", "item", "code", "why"]


def to_csv(review: Review, opts: Options) -> str:
    out = io.StringIO()
    writer = SafeCSVWriter(out)
    writer.writerow(CSV_COLUMNS)
    for number, f in enumerate(review.findings, 1):
        writer.writerow(
            [
                number,
                f.stake,
                f.kind,
                f.file,
                f.line,
                f.column,
                f.unit,
                f.item or "",
                f.reason.code,
                f.reason.get(opts.lang),
            ]
        )
    return out.getvalue()
