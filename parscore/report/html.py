"""The comparison as one self-contained HTML page, designed for a province (100 to 300 communes).

The page reads top down: a summary that fits one screen (bands with their counts, the mean and
median index, one line per district or province with its band mix, the fields' shares and the
sub-criteria most often short of full points), then one ranking table of every commune with its
district, its figures and its share of points per field (a compact coloured matrix, no chart that
repeats the ranking), then per sub-criterion who missed full points (the names themselves when
few, folded away by district otherwise, unfolded in print), then the units not ranked (not
assessed, or naming no group) and the files left out. Table headers stay visible while scrolling
(``position: sticky``) and repeat on every printed page; rows and small tables are not split
across printed pages (A4 landscape).

The district column shows the district (or former district) each file names, whatever the
grouping: ranked by province since the 2025 reform, it still tells a specialist where a commune
lies; it is left out when no file names one.

No script, no external style sheet, font or image, no network: the file works offline, can be
mailed as it is and prints. Jinja2 escapes every text (autoescape on). Everything shown is
formatted here in Python with the one display rule (``messages.format_*``); figures derived for
the page (the whole page's mean, a field's lowest share) are computed from the exact values and
rounded once, where shown. Identical input gives identical text (no timestamps).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING

from parscore.compare import (
    BandCount,
    Comparison,
    Group,
    ItemStat,
    MatrixRow,
    RankRow,
    exact_index,
    mean,
    median,
)
from parscore.decimals import quantize_fraction
from parscore.messages import format_percent, format_points, format_signed, html_lang, render
from parscore.report.common import Options
from parscore.report.compare_common import (
    SCALE_GREEN,
    SCALE_RED,
    SCALE_YELLOW,
    band_text,
    group_header,
    group_name,
    group_title,
    nominal_max,
    note_code,
    stage_line,
    unranked,
)
from parscore.report.compare_common import heading as compare_heading

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATE = "compare.html.j2"

#: a sub-criterion's units short of full points are named in its row up to this many; more are
#: folded into a <details> element, by district (opened when printed)
INLINE_NAMES = 8
#: the summary lists this many sub-criteria most often short of full points
MOST_MISSED = 6
#: the colour of units without a band
NO_BAND = "#bbbbbb"


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def heat_colour(value: Decimal | Fraction | None) -> str | None:
    """Red at 0 %, yellow at 50 %, green at 100 % (the Excel sheet's scale), as ``#rrggbb``;
    None for no value. Computed exactly, so the page is the same on every machine."""
    if value is None:
        return None
    share = min(max(Fraction(value), Fraction(0)), Fraction(100))
    if share <= 50:
        start, end, t = _rgb(SCALE_RED), _rgb(SCALE_YELLOW), share / 50
    else:
        start, end, t = _rgb(SCALE_YELLOW), _rgb(SCALE_GREEN), (share - 50) / 50
    channels = (round(a + (b - a) * t) for a, b in zip(start, end, strict=True))
    return "#" + "".join(f"{c:02x}" for c in channels)


def band_colour(position: int, count: int) -> str:
    """The colour of the band at ``position`` (0 the best) of ``count``: green down to red on
    the same scale as the shares."""
    if count <= 1:
        return SCALE_GREEN.lower()
    return heat_colour(Fraction(100 * (count - 1 - position), count - 1)) or SCALE_GREEN


def _width(part: int, whole: int) -> str:
    """A share as a CSS percentage with at most two decimals, the same on every machine."""
    if whole <= 0:
        return "0%"
    text = format(Decimal(round(Fraction(part * 100, whole) * 100)).scaleb(-2), "f")
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"


def _share(part: int, whole: int) -> Decimal | None:
    """part / whole as a percentage, exact, rounded once to two decimals."""
    return None if whole <= 0 else quantize_fraction(Fraction(part * 100, whole))


# --- what the template receives: text ready to show, numbers already formatted --------------


@dataclass(frozen=True)
class Cell:
    text: str
    colour: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Segment:
    """One band's part of a stacked bar."""

    width: str
    colour: str
    title: str


@dataclass(frozen=True)
class BandLine:
    name: str
    colour: str
    count: str
    share: str
    width: str


@dataclass(frozen=True)
class GroupLine:
    """A district's (or province's) line of the summary."""

    name: str
    anchor: str
    units: str
    mean: str
    median: str
    counts: list[str]
    bar: list[Segment]
    fields: list[Cell]


@dataclass(frozen=True)
class FieldLine:
    """A field over every unit ranked: its mean and median share (None when the page holds
    several groups: see the groups' lines), its lowest and highest, and of how many units it is
    the weakest field."""

    id: str
    name: str
    mean: Cell | None
    median: Cell | None
    lowest: Cell
    highest: Cell
    weakest_of: str


@dataclass(frozen=True)
class RankLine:
    rank: str
    name: str
    code: str
    district: str
    appraisal: str
    survey: str
    ledger: str
    total: str
    reduced_max: str
    index: str
    band: str
    band_colour: str | None
    fields: list[Cell]
    weakest: str
    weakest_title: str


@dataclass(frozen=True)
class ChangeBlock:
    """With --previous: one group against last year: its summary lines and, per ranked unit,
    its rank, name, index and last year's figures in words (parscore/report/years.py)."""

    heading: str
    lines: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class AgainstLastYear:
    title: str
    notes: list[str]
    headers: list[str]
    groups: list[ChangeBlock]
    vanished_title: str
    vanished: list[str]


@dataclass(frozen=True)
class RankBlock:
    """The ranking's rows of one group (one <tbody>), under its heading row."""

    heading: str
    anchor: str
    note: str
    rows: list[RankLine]


@dataclass(frozen=True)
class NameGroup:
    """Units short of full points in one district (``heading`` empty when not grouped)."""

    heading: str
    names: str


@dataclass(frozen=True)
class ItemLine:
    id: str
    name: str
    missed: str
    share: Cell
    width: str
    inline: str
    folded: str
    groups: list[NameGroup]
    note: str
    missed_share: Fraction  # exact, to find the most missed; not shown


@dataclass(frozen=True)
class ItemBlock:
    """A field's sub-criteria (one <tbody>)."""

    heading: str
    items: list[ItemLine]


@dataclass(frozen=True)
class UnitLine:
    """A unit listed apart from the ranking (not assessed, or without the grouping level)."""

    name: str
    code: str
    group: str
    file: str


@dataclass(frozen=True)
class Unranked:
    """A list of units not ranked, with why (the same words as the other formats)."""

    anchor: str
    title: str
    note: str
    units: list[UnitLine]


@dataclass(frozen=True)
class ProblemLine:
    file: str
    where: str
    message: str


@dataclass(frozen=True)
class Overview:
    bands: list[BandLine]
    mean: str
    median: str
    groups: list[GroupLine]
    total: GroupLine | None
    fields: list[FieldLine]
    most_missed: list[ItemLine]


@dataclass
class Page:
    lang: str
    title: str
    heading: str
    criteria: str
    summary: str
    labels: dict[str, str]
    fields: list[tuple[str, str]]
    band_names: list[str]
    overview: Overview
    ranking: list[RankBlock]
    district_column: bool
    reduced_max_note: str
    items: list[ItemBlock]
    unranked: list[Unranked] = field(default_factory=list)
    excluded: list[ProblemLine] = field(default_factory=list)
    against: AgainstLastYear | None = None
    stage_note: str = ""  # ranked on the final appraisal: says so, with the mean gap


# --- the whole page's figures, from every group's exact values ----------------------------------


@dataclass(frozen=True)
class _Row:
    """A ranked unit with its group, its ranking row and its shares per field."""

    group: Group
    rank: RankRow
    matrix: MatrixRow


def _rows(comparison: Comparison) -> list[_Row]:
    rows = []
    for group in comparison.groups:
        for rank, matrix in zip(group.ranking, group.matrix, strict=True):
            assert rank.unit == matrix.unit, "the matrix follows the ranking"
            rows.append(_Row(group, rank, matrix))
    return rows


def _bands(comparison: Comparison) -> list[BandCount]:
    """The set's bands, best first (every group counts them all); none when nothing is ranked."""
    return comparison.groups[0].bands if comparison.groups else []


def _group_name(comparison: Comparison, group: Group, lang: str) -> str:
    return group_name(comparison, group, lang)


def _heat(value: Decimal | None, lang: str) -> Cell:
    return Cell(text=format_points(value, lang), colour=heat_colour(value))


# --- the summary -------------------------------------------------------------------------------


def _band_counts(comparison: Comparison, groups: Sequence[Group]) -> list[int]:
    return [sum(g.bands[i].count for g in groups) for i in range(len(_bands(comparison)))]


def _band_line(name: str, colour: str, count: int, units: int, lang: str) -> BandLine:
    return BandLine(
        name=name,
        colour=colour,
        count=str(count),
        share=format_percent(_share(count, units), lang),
        width=_width(count, units),
    )


def _band_lines(comparison: Comparison, lang: str) -> list[BandLine]:
    bands = _bands(comparison)
    counts = _band_counts(comparison, comparison.groups)
    units = comparison.compared
    lines = [
        _band_line(band.band.get(lang), band_colour(i, len(bands)), count, units, lang)
        for i, (band, count) in enumerate(zip(bands, counts, strict=True))
    ]
    if unbanded := units - sum(counts):
        lines.append(
            _band_line(render("result.no-band", None, lang), NO_BAND, unbanded, units, lang)
        )
    return lines


def _band_bar(comparison: Comparison, groups: Sequence[Group], lang: str) -> list[Segment]:
    bands = _bands(comparison)
    units = sum(len(g.ranking) for g in groups)
    return [
        Segment(
            width=_width(count, units),
            colour=band_colour(i, len(bands)),
            title=f"{band.band.get(lang)}: {count}",
        )
        for i, (band, count) in enumerate(zip(bands, _band_counts(comparison, groups), strict=True))
        if count
    ]


def _group_line(comparison: Comparison, position: int, group: Group, lang: str) -> GroupLine:
    """A district's (or province's) line of the summary: its own figures, exact in the model."""
    return GroupLine(
        name=_group_name(comparison, group, lang),
        anchor=f"rank-g{position}",
        units=str(len(group.ranking)),
        mean=format_percent(group.mean_index, lang),
        median=format_percent(group.median_index, lang),
        counts=[str(c) for c in _band_counts(comparison, [group])],
        bar=_band_bar(comparison, [group], lang),
        fields=[_heat(f.mean, lang) for f in group.fields],
    )


def _total_line(comparison: Comparison, lang: str) -> GroupLine:
    """The line of every group together: the mean and median of the exact indexes, rounded
    once, and each field's mean over every ranked unit (exact in the model)."""
    indexes = [exact_index(row) for g in comparison.groups for row in g.ranking]
    return GroupLine(
        name=render("comparison.all", None, lang),
        anchor="",
        units=str(len(indexes)),
        mean=format_percent(mean(indexes), lang),
        median=format_percent(median(indexes), lang),
        counts=[str(c) for c in _band_counts(comparison, comparison.groups)],
        bar=_band_bar(comparison, comparison.groups, lang),
        fields=[_heat(f.mean, lang) for f in comparison.fields],
    )


def _field_lines(comparison: Comparison, rows: Sequence[_Row], lang: str) -> list[FieldLine]:
    lines = []
    for f in comparison.fields:
        # a rounded share is the exact one's rounding: the lowest and highest stay exact
        values = [p for r in rows if (p := r.matrix.percents.get(f.id)) is not None]
        lines.append(
            FieldLine(
                id=f.id,
                name=f.name.get(lang),
                mean=_heat(f.mean, lang),
                median=_heat(f.median, lang),
                lowest=_heat(min(values) if values else None, lang),
                highest=_heat(max(values) if values else None, lang),
                weakest_of=str(sum(r.matrix.weakest_field == f.id for r in rows)),
            )
        )
    return lines


def _overview(
    comparison: Comparison, rows: Sequence[_Row], items: Sequence[ItemLine], lang: str
) -> Overview:
    several = len(comparison.groups) > 1
    total = _total_line(comparison, lang) if comparison.groups else None
    return Overview(
        bands=_band_lines(comparison, lang),
        mean=total.mean if total is not None else "",
        median=total.median if total is not None else "",
        groups=[
            _group_line(comparison, i, g, lang) for i, g in enumerate(comparison.groups, start=1)
        ]
        if several
        else [],
        total=total if several else None,
        fields=_field_lines(comparison, rows, lang) if rows else [],
        most_missed=_most_missed(items),
    )


def _most_missed(items: Sequence[ItemLine]) -> list[ItemLine]:
    """The sub-criteria most often short of full points (by share of the units it applies to;
    ties in the set's order); none that every unit got in full."""
    missed = [(position, item) for position, item in enumerate(items) if item.missed_share]
    ordered = sorted(missed, key=lambda pair: (-pair[1].missed_share, pair[0]))
    return [item for _, item in ordered[:MOST_MISSED]]


# --- who missed full points ----------------------------------------------------------------------


def _short_of_full(group: Group, item: ItemStat) -> list[RankRow]:
    """The group's units that ``item`` applies to and that fell short of full points on it, in
    ranking order (each matrix row lists its unit's, exactly)."""
    return [
        rank
        for rank, matrix in zip(group.ranking, group.matrix, strict=True)
        if item.id in matrix.short
    ]


def _names(
    comparison: Comparison, by_group: Sequence[tuple[Group, list[RankRow]]], lang: str
) -> tuple[str, list[NameGroup]]:
    """A few names inline (with their district when there are several), or by district."""
    listed = sum(len(rows) for _, rows in by_group)
    grouped = len(comparison.groups) > 1
    if listed <= INLINE_NAMES:
        inline = ", ".join(
            f"{row.unit.name} ({_group_name(comparison, g, lang)})" if grouped else row.unit.name
            for g, rows in by_group
            for row in rows
        )
        return inline, []
    return "", [
        NameGroup(
            heading=f"{_group_name(comparison, g, lang)} ({len(rows)})" if grouped else "",
            names=", ".join(row.unit.name for row in rows),
        )
        for g, rows in by_group
        if rows
    ]


def _item_line(comparison: Comparison, position: int, lang: str) -> ItemLine:
    """The sub-criterion at ``position`` of the set's order, over every group."""
    stats = [g.items[position] for g in comparison.groups]
    applicable = sum(s.applicable for s in stats)
    missed = applicable - sum(len(s.full) for s in stats)
    by_group = [(g, _short_of_full(g, s)) for g, s in zip(comparison.groups, stats, strict=True)]
    listed = sum(len(rows) for _, rows in by_group)
    inline, name_groups = _names(comparison, by_group, lang)
    share = Fraction(missed * 100, applicable) if applicable else Fraction(0)
    return ItemLine(
        id=stats[0].id,
        name=stats[0].name.get(lang),
        missed=f"{missed}/{applicable}",
        share=Cell(
            text=format_points(quantize_fraction(share), lang), colour=heat_colour(100 - share)
        ),
        width=_width(missed, applicable),
        inline=inline,
        folded=render("comparison.html-units", {"count": listed}, lang) if name_groups else "",
        groups=name_groups,
        note=_not_applicable_note(comparison.compared - applicable, lang),
        missed_share=share,
    )


def _not_applicable_note(not_applicable: int, lang: str) -> str:
    """How many units the item does not apply to (they are neither counted nor listed)."""
    if not not_applicable:
        return ""
    return render("comparison.html-not-applicable", {"count": not_applicable}, lang)


def _item_blocks(comparison: Comparison, lines: Sequence[ItemLine], lang: str) -> list[ItemBlock]:
    fields = {f.id: f"{f.id}. {f.name.get(lang)}" for f in comparison.fields}
    blocks: dict[str, ItemBlock] = {}
    stats = comparison.groups[0].items if comparison.groups else []
    for stat, line in zip(stats, lines, strict=True):
        block = blocks.setdefault(stat.field, ItemBlock(fields.get(stat.field, stat.field), []))
        block.items.append(line)
    return list(blocks.values())


# --- the ranking ---------------------------------------------------------------------------------


def _ledger(row: RankRow, lang: str) -> str:
    """Bonus and penalty as "+0,50 −0,25"; nothing for none."""
    parts = []
    if row.bonus:
        parts.append("+" + format_points(row.bonus, lang))
    if row.penalty:
        parts.append("−" + format_points(row.penalty, lang))
    return " ".join(parts)


def _weakest(comparison: Comparison, row: _Row, lang: str) -> tuple[str, str]:
    """The weakest field's id with its gap to the group median ("6 (−8,33)", as the other
    formats show it), and its name with the gap (a tooltip); a dash for a unit at or above the
    group median in every field."""
    m = row.matrix
    if m.weakest_field is None:
        if m.no_weakest == "at-or-above-median":
            return "–", render("comparison.no-weakest", None, lang)
        return "", render("comparison.nothing-comparable", None, lang)
    names = {f.id: f"{f.id}. {f.name.get(lang)}" for f in comparison.fields}
    title = names.get(m.weakest_field, m.weakest_field)
    cell = m.weakest_field
    if m.weakest_gap is not None:
        gap = f" ({format_signed(m.weakest_gap, lang)})"
        title, cell = title + gap, cell + gap
    return cell, title


def _rank_line(comparison: Comparison, row: _Row, colours: dict[str, str], lang: str) -> RankLine:
    r = row.rank
    weakest, title = _weakest(comparison, row, lang)
    reduced = r.reduced_max
    return RankLine(
        rank=f"{r.rank}/{r.of}",
        name=r.unit.name,
        code=r.unit.code or "",
        district=r.unit.district or "",
        # ranked on the final appraisal: the appraised points (bonus and penalty included)
        appraisal=format_points(r.appraisal if r.appraised is None else r.appraised, lang),
        survey=format_points(r.survey, lang),
        ledger=_ledger(r, lang),
        total=format_points(r.total, lang),
        reduced_max=format_points(reduced, lang) if reduced is not None else "",
        index=format_percent(r.index, lang),
        band=band_text(r.band, lang, r),
        band_colour=colours.get(r.band.get(lang)) if r.band is not None else None,
        fields=[_heat(row.matrix.percents.get(f.id), lang) for f in comparison.fields],
        weakest=weakest,
        weakest_title=title,
    )


def _ranking(comparison: Comparison, rows: Sequence[_Row], lang: str) -> list[RankBlock]:
    bands = _bands(comparison)
    colours = {b.band.get(lang): band_colour(i, len(bands)) for i, b in enumerate(bands)}
    blocks = []
    for position, group in enumerate(comparison.groups, start=1):
        figures = {
            "mean": format_points(group.mean_index, lang),
            "median": format_points(group.median_index, lang),
        }
        count = render("comparison.compared", {"count": len(group.ranking)}, lang)
        blocks.append(
            RankBlock(
                heading=group_title(comparison, group, lang),
                anchor=f"rank-g{position}",
                note=f"{count} — {render('comparison.summary', figures, lang)}",
                rows=[_rank_line(comparison, r, colours, lang) for r in rows if r.group is group],
            )
        )
    return blocks


# --- the page ------------------------------------------------------------------------------------

_PAGE_LABELS = {
    "contents": "comparison.html-contents",
    "overview": "comparison.html-overview",
    "ranking": "comparison.sheet-ranking",
    "missed_title": "comparison.html-missed-title",
    "rank": "comparison.rank",
    "unit": "comparison.unit",
    "code": "comparison.code",
    "district": "comparison.group-district",
    "index": "result.index",
    "band": "result.band",
    "total": "result.total",
    "appraisal": "comparison.appraisal",
    "survey": "result.survey",
    "ledger": "comparison.bonus-penalty",
    "weakest": "comparison.weakest",
    "mean": "comparison.mean",
    "median": "comparison.median",
    "lowest": "comparison.html-lowest",
    "highest": "comparison.html-highest",
    "weakest_of": "comparison.html-weakest-of",
    "band_counts": "comparison.band-counts",
    "units": "comparison.units",
    "share": "comparison.html-share",
    "mean_index": "comparison.mean-index",
    "median_index": "comparison.median-index",
    "fields_title": "comparison.html-fields",
    "band_mix": "comparison.html-band-mix",
    "most_missed": "comparison.html-most-missed",
    "item": "result.item",
    "missed": "comparison.missed",
    "missed_units": "comparison.missed-units",
    "none_missed": "comparison.html-none-missed",
    "ranking_note": "comparison.html-ranking-note",
    "applicable_max": "comparison.applicable-max",
    "nothing_ranked": "comparison.html-nothing-ranked",
    "excluded_title": "comparison.excluded-title",
    "file": "comparison.file",
    "message": "comparison.message",
    "field": "result.field",
}


def _excluded(comparison: Comparison, lang: str) -> list[ProblemLine]:
    lines = []
    for excluded in comparison.excluded:
        for problem in excluded.problems:
            where = render(
                "comparison.line-column", {"line": problem.line, "column": problem.column}, lang
            )
            if not problem.line:  # the whole file, or a workbook's cell ("x.xlsx: Sheet!F14")
                where = problem.file if problem.file != excluded.file else ""
            elif problem.file != excluded.file:
                where = f"{problem.file}, {where}"
            lines.append(
                ProblemLine(file=excluded.file, where=where, message=problem.message.get(lang))
            )
        if not excluded.problems:
            lines.append(ProblemLine(file=excluded.file, where="", message=""))
    return lines


def _unranked(comparison: Comparison, lang: str) -> list[Unranked]:
    """The units listed and not ranked: not assessed, or naming no group."""
    return [
        Unranked(
            anchor=reason,
            title=render(f"comparison.{reason}-title", None, lang),
            note=render(note_code(reason), None, lang),
            units=[UnitLine(u.name, u.code or "", u.group or "", u.source) for u in units],
        )
        for reason, units in unranked(comparison)
    ]


def _reduced_max_note(comparison: Comparison, lang: str) -> str:
    """How the index relates to the total, when some unit's maximum is reduced by
    sub-criteria that do not apply to it."""
    most = nominal_max(comparison)
    note = {"max": format_points(most, lang)} if most is not None else {}
    return "" if most is None else render("comparison.applicable-max-note", note, lang)


def _labels(comparison: Comparison, lang: str) -> dict[str, str]:
    labels = {key: render(code, None, lang) for key, code in _PAGE_LABELS.items()}
    if comparison.stage == "final":
        labels["appraisal"] = render("comparison.appraised", None, lang)
    labels["group"] = group_header(comparison, lang)
    return labels


def _summary(comparison: Comparison, lang: str) -> str:
    """What the page covers: units ranked, and those listed apart or left out."""
    parts = [render("comparison.compared", {"count": comparison.compared}, lang)]
    for code, count in (
        ("comparison.html-not-assessed-count", len(comparison.not_assessed)),
        ("comparison.html-ungrouped-count", len(comparison.ungrouped)),
        ("comparison.excluded-count", len(comparison.excluded)),
    ):
        if count:
            parts.append(render(code, {"count": count}, lang))
    return "; ".join(parts)


def _titles(comparison: Comparison, lang: str) -> tuple[str, str]:
    """The page's heading (the year assessed, and the province or district when the page
    holds one) and its window title (the year, the criteria set and the grouping, as every
    comparison format titles it)."""
    heading = render("comparison.compare-title", {"year": comparison.year}, lang)
    if len(comparison.groups) == 1 and comparison.groups[0].name is not None:
        heading += " — " + group_title(comparison, comparison.groups[0], lang)
    return heading, compare_heading(comparison, lang)


def _against(comparison: Comparison, lang: str) -> AgainstLastYear | None:
    """With --previous: each group against last year (parscore/report/years.py)."""
    from parscore.report.years import (
        PREVIOUS_HEADINGS,
        group_change_lines,
        notes,
        row_cells,
        vanished_lines,
    )

    prev = comparison.previous
    if prev is None:
        return None
    codes = ["comparison.rank", "comparison.unit", "result.index", *PREVIOUS_HEADINGS]
    return AgainstLastYear(
        title=render("years.sheet-change", None, lang) + f" ({prev.year})",
        notes=notes(comparison, lang),
        headers=[render(code, None, lang) for code in codes],
        groups=[
            ChangeBlock(
                heading=group_title(comparison, group, lang),
                lines=group_change_lines(comparison, group, lang),
                rows=[
                    [f"{r.rank}/{r.of}", r.unit.name, format_percent(r.index, lang)]
                    + row_cells(r, lang)
                    for r in group.ranking
                ],
            )
            for group in comparison.groups
        ],
        vanished_title=render("years.vanished-title", {"year": prev.year}, lang),
        vanished=vanished_lines(comparison, lang),
    )


def page(comparison: Comparison, opts: Options) -> Page:
    """What the page shows, all text formatted (exposed for tests and other templates)."""
    lang = opts.lang
    c = comparison.criteria
    rows = _rows(comparison)
    ranking = _ranking(comparison, rows, lang)
    positions = range(len(comparison.groups[0].items)) if comparison.groups else range(0)
    items = [_item_line(comparison, i, lang) for i in positions]
    heading, title = _titles(comparison, lang)
    return Page(
        lang=html_lang(lang),
        title=title,
        heading=heading,
        criteria=render(
            "result.criteria-line",
            {"id": c.id, "version": c.version, "title": c.title.get(lang)},
            lang,
        ),
        summary=_summary(comparison, lang),
        labels=_labels(comparison, lang),
        fields=[(f.id, f.name.get(lang)) for f in comparison.fields],
        band_names=[b.band.get(lang) for b in _bands(comparison)],
        overview=_overview(comparison, rows, items, lang),
        ranking=ranking,
        district_column=any(line.district for block in ranking for line in block.rows),
        reduced_max_note=_reduced_max_note(comparison, lang),
        stage_note=stage_line(comparison, lang, columns=False) or "",
        items=_item_blocks(comparison, items, lang),
        unranked=_unranked(comparison, lang),
        excluded=_excluded(comparison, lang),
        against=_against(comparison, lang),
    )


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined  # ≈70 ms: only when asked

    return Environment(
        loader=PackageLoader("parscore.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def to_html(comparison: Comparison, opts: Options) -> str:
    """One self-contained HTML page; identical input gives identical text."""
    text = _environment().get_template(TEMPLATE).render(page=page(comparison, opts))
    return unicodedata.normalize("NFC", text)


__all__ = ["band_colour", "heat_colour", "page", "to_html"]
