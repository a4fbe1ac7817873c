"""A comparison as a terminal table, Markdown, CSV (one row per commune) or JSON."""

from __future__ import annotations

import io
from collections.abc import Sequence

from parscore.compare import Comparison, Group, RankRow
from parscore.messages import format_percent, format_points, render
from parscore.report.common import Options, SafeCSVWriter
from parscore.report.compare_common import (
    Column,
    band_text,
    group_title,
    heading,
    nominal_max,
    note_code,
    ranking_columns,
    stage_line,
    unit_line,
    unranked,
    weakest_text,
)
from parscore.report.text import Section, Table, _md, render_sections


def _cell(column: Column, row: RankRow, lang: str, md: bool) -> str:
    value = column.cell(row, lang)
    if column.kind == "points":
        return format_points(value, lang)
    if column.kind == "percent":
        return format_percent(value, lang)
    text = str(value) if value is not None else ""
    return _md(text, md) if column.typed else text


def _group_sections(comparison: Comparison, group: Group, opts: Options, md: bool) -> list[Section]:
    """One group's ranking, bands, field statistics, matrix and (with --detail) sub-criteria."""
    lang = opts.lang
    sections = [
        _ranking(comparison, group, lang, md),
        *_against_last_year(comparison, group, lang, md),
        _bands(group, lang),
        _field_stats(comparison, group, lang, md),
        _matrix(comparison, group, lang, md),
    ]
    return sections + ([_items_full(comparison, group, lang, md)] if opts.detail else [])


def _against_last_year(comparison: Comparison, group: Group, lang: str, md: bool) -> list[Section]:
    """With --previous: the group against last year, in the published wording."""
    from parscore.report.years import group_change_lines

    lines = group_change_lines(comparison, group, lang)
    return [Section("", lines=[("- " if md else "") + line for line in lines])] if lines else []


def _titled(comparison: Comparison, group: Group, code: str, lang: str) -> str:
    """A group's section title, naming the group: "Huyện Quế Sơn — Lĩnh vực: …"."""
    return f"{group_title(comparison, group, lang)} — {render(code, None, lang)}"


def _ranking(comparison: Comparison, group: Group, lang: str, md: bool) -> Section:
    title = group_title(comparison, group, lang)
    columns = ranking_columns(comparison, group=group)
    return Section(
        f"{title}: {render('comparison.sheet-ranking', None, lang).lower()}",
        table=Table(
            [render(column.code, None, lang) for column in columns],
            [[_cell(column, row, lang, md) for column in columns] for row in group.ranking],
            [column.align for column in columns],
        ),
    )


def _bands(group: Group, lang: str) -> Section:
    mean, median = format_points(group.mean_index, lang), format_points(group.median_index, lang)
    return Section(
        "",
        lines=[render("comparison.summary", {"mean": mean, "median": median}, lang)],
        table=Table(
            [render("result.band", None, lang), render("comparison.units", None, lang)],
            [[b.band.get(lang), str(b.count)] for b in group.bands],
            ["left", "right"],
        ),
    )


def _field_stats(comparison: Comparison, group: Group, lang: str, md: bool) -> Section:
    codes = ("result.field", "comparison.mean", "comparison.median")
    return Section(
        _titled(comparison, group, "comparison.field-stats", lang),
        table=Table(
            ["", *(render(code, None, lang) for code in codes)],
            [
                [
                    f.id,
                    _md(f.name.get(lang), md),
                    format_percent(f.mean, lang),
                    format_percent(f.median, lang),
                ]
                for f in group.fields
            ],
            ["left", "left", "right", "right"],
        ),
    )


def _matrix(comparison: Comparison, group: Group, lang: str, md: bool) -> Section:
    """Every unit's share of points in every field, and its weakest field."""
    ids = [f.id for f in comparison.fields]
    return Section(
        _titled(comparison, group, "comparison.heatmap", lang),
        table=Table(
            [render("comparison.unit", None, lang), *ids, render("comparison.weakest", None, lang)],
            [
                [
                    _md(m.unit.name, md),
                    *(format_percent(m.percents.get(i), lang) for i in ids),
                    weakest_text(m, lang),
                ]
                for m in group.matrix
            ],
            ["left", *(["right"] * len(ids)), "left"],
        ),
    )


def _items_full(comparison: Comparison, group: Group, lang: str, md: bool) -> Section:
    """Who got full points on each sub-criterion (--detail): whom to ask how."""
    codes = ("result.item", "comparison.full", "comparison.full-units")
    return Section(
        _titled(comparison, group, "comparison.items-full", lang),
        table=Table(
            ["", *(render(code, None, lang) for code in codes)],
            [
                [
                    i.id,
                    _md(i.name.get(lang), md),
                    f"{len(i.full)}/{i.applicable}",
                    _md(", ".join(i.full), md),
                ]
                for i in group.items
            ],
            ["left", "left", "right", "left"],
            widths=[None, 40, None, 60],
        ),
    )


def _notes(comparison: Comparison, lang: str) -> list[Section]:
    """Under the title: how the index relates to the total, when some unit's maximum is
    reduced by sub-criteria that do not apply to it."""
    most = nominal_max(comparison)
    lines = [line] if (line := stage_line(comparison, lang)) is not None else []
    if most is not None:
        lines.append(
            render("comparison.applicable-max-note", {"max": format_points(most, lang)}, lang)
        )
    return [Section("", lines=lines)] if lines else []


def _unranked(comparison: Comparison, lang: str, md: bool) -> list[Section]:
    """The units listed and not ranked: not assessed, lacking the group."""
    sections = []
    for reason, units in unranked(comparison):
        lines = [render(note_code(reason), None, lang), ""]
        lines += [("- " if md else "  ") + render(*unit_line(u), lang) for u in units]
        sections.append(Section(render(f"comparison.{reason}-title", None, lang), lines=lines))
    return sections


def _sections(comparison: Comparison, opts: Options, md: bool) -> list[Section]:
    from parscore.report.years import notes as previous_notes
    from parscore.report.years import vanished_section

    sections: list[Section] = _notes(comparison, opts.lang)
    sections += [Section("", lines=[note]) for note in previous_notes(comparison, opts.lang)]
    for group in comparison.groups:
        sections.extend(_group_sections(comparison, group, opts, md))
    sections.extend(_unranked(comparison, opts.lang, md))
    sections.extend(vanished_section(comparison, opts.lang, md))
    if comparison.excluded:
        lines = []
        for excluded in comparison.excluded:
            for p in excluded.problems:
                where = f"{p.file}:{p.line}:{p.column}" if p.line else p.file
                lines.append(
                    ("- " if md else "") + f"{where}: {p.message.get(opts.lang)} [{p.code}]"
                )
        sections.append(Section(render("comparison.excluded-title", None, opts.lang), lines=lines))
    return sections


def table(comparison: Comparison, opts: Options) -> str:
    return render_sections(
        _sections(comparison, opts, False), heading(comparison, opts.lang), False, opts.width
    )


def markdown(comparison: Comparison, opts: Options) -> str:
    return render_sections(
        _sections(comparison, opts, True), heading(comparison, opts.lang), markdown=True
    )


def to_json(comparison: Comparison, opts: Options) -> bytes:
    """The comparison as JSON, UTF-8 bytes as the serializer writes them: a province's JSON is
    tens of MB, and held as text it would take twice that and again to encode."""
    return comparison.__pydantic_serializer__.to_json(comparison, indent=2) + b"\n"


#: the CSV's column ids: ASCII, the same in every language, for programs (docs/formats.md);
#: one ``field_<id>`` column per field comes after ``penalty``
CSV_HEAD = [
    "group",
    "rank",
    "of",
    "name",
    "code",
    "kind",
    "source",
    "index",
    "band",
    "total",
    "appraisal",
    "survey",
    "bonus",
    "penalty",
]
CSV_TAIL = [
    "weakest_field",
    "weakest_gap",
    "year",
    "max",
    "applicable_max",
    "status",
    "district",
    "band_reason",
    "uncapped_total",
    "self_total",
    "stage",
    "self_points",
    "appraised_points",
]


def _csv_ranked(
    group: Group,
    row: RankRow,
    percents: Sequence[object],
    weakest: Sequence[object],
    lang: str,
    stage: str = "self",
) -> list[object]:
    return [
        group.name or "",
        row.rank,
        row.of,
        row.unit.name,
        row.unit.code or "",
        row.unit.kind,
        row.unit.source,
        row.index,
        row.band.get(lang) if row.band else "",
        row.total,
        row.appraisal,
        row.survey,
        row.bonus,
        row.penalty,
        *percents,
        *weakest,
        row.unit.year,
        row.max,
        row.applicable_max,
        "ranked",
        row.unit.district or "",
        band_text(row.band, lang, row) if row.band_limits else "",
        "" if row.uncapped_total is None else row.uncapped_total,
        "" if row.self_total is None else row.self_total,
        stage,
        "" if row.self_points is None else row.self_points,
        "" if row.appraised is None else row.appraised,
    ]


def to_csv(comparison: Comparison, opts: Options) -> str:
    """One row per unit, for programs: ranked units first, group by group, then the units not
    assessed and those lacking their group (``status``), with their identity only. Column ids
    are ASCII and never translated; numbers are exact decimals with a point."""
    ids = [f.id for f in comparison.fields]
    out = io.StringIO()
    writer = SafeCSVWriter(out)
    from parscore.report.years import CSV_PREVIOUS, csv_cells

    against = comparison.previous is not None  # --previous: last year's columns at the end
    writer.writerow(
        [*CSV_HEAD, *(f"field_{i}" for i in ids), *CSV_TAIL, *(CSV_PREVIOUS if against else [])]
    )
    for group in comparison.groups:
        matrix = {m.unit.source: m for m in group.matrix}
        for row in group.ranking:
            m = matrix[row.unit.source]
            percents = ["" if m.percents.get(i) is None else m.percents[i] for i in ids]
            weakest = [m.weakest_field or "", "" if m.weakest_gap is None else m.weakest_gap]
            cells = _csv_ranked(group, row, percents, weakest, opts.lang, comparison.stage)
            writer.writerow([*cells, *(csv_cells(row, opts.lang) if against else [])])
    blank = [""] * (len(CSV_HEAD) - 7 + len(ids) + 2)  # index .. weakest_gap
    for status, units in (
        ("not_assessed", comparison.not_assessed),
        ("ungrouped", comparison.ungrouped),
        ("not_appraised", comparison.not_appraised),
    ):
        for u in units:
            identity = [u.group or "", "", "", u.name, u.code or "", u.kind, u.source]
            tail = [u.year, "", "", status, u.district or "", "", "", "", comparison.stage, "", ""]
            writer.writerow(
                [*identity, *blank, *tail, *([""] * len(CSV_PREVIOUS) if against else [])]
            )
    return out.getvalue()
