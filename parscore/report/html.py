"""The comparison as one self-contained HTML page, designed for a province (100 to 300 communes).

The page reads top down: a summary that fits one screen (bands with their counts, the mean and
median index, one line per district or province with its band mix, the fields' shares and the
sub-criteria most often short of full points), then one ranking table of every commune with its
district, its figures and its share of points per field (a compact coloured matrix, no chart that
repeats the ranking), then per sub-criterion who missed full points (the names themselves when
few, folded away otherwise), then the files left out. Table headers stay visible while scrolling
(``position: sticky``) and repeat on every printed page; rows and small tables are not split
across printed pages (A4 landscape).

No script, no external style sheet, font or image, no network: the file works offline, can be
mailed as it is and prints. Jinja2 escapes every text (autoescape on). Everything shown is
formatted here in Python with the one display rule (``messages.format_*``); figures derived for
the page (the whole page's mean, a field's lowest share) are computed from the exact values and
rounded once, where shown. Identical input gives identical text (no timestamps).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING

from parscore.compare import Comparison, Group, ItemStat, RankRow, mean, median
from parscore.messages import format_percent, format_points, format_signed, html_lang, render
from parscore.report.common import Options
from parscore.report.compare_common import (
    SCALE_GREEN,
    SCALE_RED,
    SCALE_YELLOW,
    band_text,
    group_header,
    group_title,
)

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATE = "compare.html.j2"

#: a sub-criterion's units short of full points are named in its row up to this many; more are
#: folded into a <details> element, by district (opened when printed)
INLINE_NAMES = 8
#: the summary lists this many sub-criteria most often short of full points
MOST_MISSED = 6


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
    return None if whole <= 0 else _two(Fraction(part * 100, whole))


def _two(value: Fraction) -> Decimal:
    from parscore.decimals import quantize_fraction

    return quantize_fraction(value)


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
    id: str
    name: str
    mean: Cell
    median: Cell
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
    index: str
    band: str
    band_colour: str | None
    fields: list[Cell]
    weakest: str
    weakest_title: str


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
    criteria: str
    summary: str
    labels: dict[str, str]
    fields: list[tuple[str, str]]
    band_names: list[str]
    overview: Overview
    ranking: list[RankBlock]
    district_column: bool
    items: list[ItemBlock]
    excluded: list[ProblemLine] = field(default_factory=list)


# --- the whole page's figures, from every group's exact values --------------------------------


@dataclass(frozen=True)
class _Row:
    """A compared unit with its group, its ranking row and its shares per field."""

    group: Group
    rank: RankRow
    percents: dict[str, Decimal | None]
    weakest: str | None
    gap: Decimal | None


def _rows(comparison: Comparison) -> list[_Row]:
    rows = []
    for group in comparison.groups:
        for rank, matrix in zip(group.ranking, group.matrix, strict=True):
            assert rank.unit == matrix.unit, "the matrix follows the ranking"
            rows.append(_Row(group, rank, matrix.percents, matrix.weakest_field, matrix.weakest_gap))
    return rows


def _district(comparison: Comparison, row: _Row, lang: str) -> str:
    """The district (or former district) a unit belongs to, as the ranking's column shows it."""
    if comparison.group_by == "district":
        return _group_name(comparison, row.group, lang)
    return ""


def _group_name(comparison: Comparison, group: Group, lang: str) -> str:
    from parscore.report.compare_common import group_name

    return group_name(comparison, group, lang)


def _stat(values: Sequence[Decimal], how: str) -> Decimal | None:
    if not values:
        return None
    if how == "mean":
        return mean(values)
    if how == "median":
        return median(values)
    return min(values) if how == "lowest" else max(values)


def _heat(value: Decimal | None, lang: str) -> Cell:
    return Cell(text=format_points(value, lang), colour=heat_colour(value))


# --- the summary -------------------------------------------------------------------------------


def _band_counts(comparison: Comparison, groups: Sequence[Group]) -> list[int]:
    names = comparison.groups[0].bands
    return [sum(g.bands[i].count for g in groups) for i in range(len(names))]


def _band_lines(comparison: Comparison, lang: str) -> list[BandLine]:
    bands = comparison.groups[0].bands
    counts = _band_counts(comparison, comparison.groups)
    units = comparison.compared
    lines = [
        BandLine(
            name=band.band.get(lang),
            colour=band_colour(i, len(bands)),
            count=str(count),
            share=format_percent(_share(count, units), lang),
            width=_width(count, units),
        )
        for i, (band, count) in enumerate(zip(bands, counts, strict=True))
    ]
    unbanded = units - sum(counts)
    if unbanded:
        lines.append(
            BandLine(
                name=render("result.no-band", None, lang),
                colour="#bbbbbb",
                count=str(unbanded),
                share=format_percent(_share(unbanded, units), lang),
                width=_width(unbanded, units),
            )
        )
    return lines


def _group_line(
    comparison: Comparison, name: str, anchor: str, groups: Sequence[Group], lang: str
) -> GroupLine:
    """A line of the summary for ``groups`` (one district, or all of them)."""
    indexes = [row.index for g in groups for row in g.ranking]
    units = len(indexes)
    counts = _band_counts(comparison, groups)
    bands = comparison.groups[0].bands
    bar = [
        Segment(
            width=_width(count, units),
            colour=band_colour(i, len(bands)),
            title=f"{band.band.get(lang)}: {count}",
        )
        for i, (band, count) in enumerate(zip(bands, counts, strict=True))
        if count
    ]
    fields = []
    for f in comparison.fields:
        values = [p for g in groups for m in g.matrix if (p := m.percents.get(f.id)) is not None]
        fields.append(_heat(_stat(values, "mean"), lang))
    return GroupLine(
        name=name,
        anchor=anchor,
        units=str(units),
        mean=format_points(mean(indexes), lang),
        median=format_points(median(indexes), lang),
        counts=[str(c) for c in counts],
        bar=bar,
        fields=fields,
    )


def _field_lines(comparison: Comparison, rows: Sequence[_Row], lang: str) -> list[FieldLine]:
    lines = []
    for f in comparison.fields:
        values = [p for r in rows if (p := r.percents.get(f.id)) is not None]
        lines.append(
            FieldLine(
                id=f.id,
                name=f.name.get(lang),
                mean=_heat(_stat(values, "mean"), lang),
                median=_heat(_stat(values, "median"), lang),
                lowest=_heat(_stat(values, "lowest"), lang),
                highest=_heat(_stat(values, "highest"), lang),
                weakest_of=str(sum(r.weakest == f.id for r in rows)),
            )
        )
    return lines


def _overview(
    comparison: Comparison, rows: Sequence[_Row], items: Sequence[ItemLine], lang: str
) -> Overview:
    indexes = [r.rank.index for r in rows]
    groups = [
        _group_line(comparison, _group_name(comparison, g, lang), f"g{i}", [g], lang)
        for i, g in enumerate(comparison.groups, start=1)
    ]
    several = len(groups) > 1
    total = render("comparison.all", None, lang)
    return Overview(
        bands=_band_lines(comparison, lang),
        mean=format_points(mean(indexes), lang),
        median=format_points(median(indexes), lang),
        groups=groups if several else [],
        total=_group_line(comparison, total, "", comparison.groups, lang) if several else None,
        fields=_field_lines(comparison, rows, lang),
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
    """The group's units without full points on ``item``, in ranking order. ``item.full`` names
    the units with full points in the same order, so one walk pairs them (a name that two units
    share is taken by the first of them)."""
    full = iter(item.full)
    wanted = next(full, None)
    short = []
    for row in group.ranking:
        if wanted is not None and row.unit.name == wanted:
            wanted = next(full, None)
        else:
            short.append(row)
    return short


def _item_line(comparison: Comparison, position: int, lang: str) -> ItemLine:
    """The sub-criterion at ``position`` of the set's order, over every group."""
    stats = [g.items[position] for g in comparison.groups]
    first = stats[0]
    applicable = sum(s.applicable for s in stats)
    missed = applicable - sum(len(s.full) for s in stats)
    not_applicable = comparison.compared - applicable
    by_group = [(g, _short_of_full(g, s)) for g, s in zip(comparison.groups, stats, strict=True)]
    listed = sum(len(rows) for _, rows in by_group)
    grouped = comparison.group_by == "district" and len(comparison.groups) > 1
    inline = ""
    if 0 < listed <= INLINE_NAMES:
        inline = ", ".join(
            f"{row.unit.name} ({_group_name(comparison, g, lang)})" if grouped else row.unit.name
            for g, rows in by_group
            for row in rows
        )
    name_groups = []
    if listed > INLINE_NAMES:
        name_groups = [
            NameGroup(
                heading=f"{_group_name(comparison, g, lang)} ({len(rows)})" if grouped else "",
                names=", ".join(row.unit.name for row in rows),
            )
            for g, rows in by_group
            if rows
        ]
    share = Fraction(missed * 100, applicable) if applicable else Fraction(0)
    return ItemLine(
        id=first.id,
        name=first.name.get(lang),
        missed=f"{missed}/{applicable}",
        share=Cell(text=format_points(_two(share), lang), colour=heat_colour(100 - share)),
        width=_width(missed, applicable),
        inline=inline,
        folded=render("comparison.page-units", {"count": listed}, lang) if name_groups else "",
        groups=name_groups,
        note=_not_applicable_note(not_applicable, listed, lang),
        missed_share=share,
    )


def _not_applicable_note(not_applicable: int, listed: int, lang: str) -> str:
    if not not_applicable:
        return ""
    code = "comparison.page-not-applicable-listed" if listed else "comparison.page-not-applicable"
    return render(code, {"count": not_applicable}, lang)


def _item_blocks(comparison: Comparison, lines: Sequence[ItemLine], lang: str) -> list[ItemBlock]:
    fields = {f.id: f"{f.id}. {f.name.get(lang)}" for f in comparison.fields}
    blocks: dict[str, ItemBlock] = {}
    for stat, line in zip(comparison.groups[0].items, lines, strict=True):
        block = blocks.setdefault(stat.field, ItemBlock(fields.get(stat.field, stat.field), []))
        block.items.append(line)
    return list(blocks.values())


# --- the ranking ---------------------------------------------------------------------------------


def _plus(value: Decimal, lang: str) -> str:
    return "+" + format_points(value, lang) if value else ""


def _minus(value: Decimal, lang: str) -> str:
    return "−" + format_points(value, lang) if value else ""


def _ledger(row: RankRow, lang: str) -> str:
    return " ".join(part for part in (_plus(row.bonus, lang), _minus(row.penalty, lang)) if part)


def _rank_line(comparison: Comparison, row: _Row, colours: dict[str, str], lang: str) -> RankLine:
    r = row.rank
    names = {f.id: f"{f.id}. {f.name.get(lang)}" for f in comparison.fields}
    weakest = row.weakest or ""
    title = names.get(weakest, weakest)
    if row.gap is not None:
        title += f" ({format_signed(row.gap, lang)})"
    return RankLine(
        rank=f"{r.rank}/{r.of}",
        name=r.unit.name,
        code=r.unit.code or "",
        district=_district(comparison, row, lang),
        appraisal=format_points(r.appraisal, lang),
        survey=format_points(r.survey, lang),
        ledger=_ledger(r, lang),
        total=format_points(r.total, lang),
        index=format_points(r.index, lang),
        band=band_text(r.band, lang),
        band_colour=colours.get(r.band.get(lang)) if r.band is not None else None,
        fields=[_heat(row.percents.get(f.id), lang) for f in comparison.fields],
        weakest=weakest,
        weakest_title=title,
    )


def _ranking(comparison: Comparison, rows: Sequence[_Row], lang: str) -> list[RankBlock]:
    bands = comparison.groups[0].bands
    colours = {b.band.get(lang): band_colour(i, len(bands)) for i, b in enumerate(bands)}
    blocks = []
    for position, group in enumerate(comparison.groups, start=1):
        lines = [_rank_line(comparison, r, colours, lang) for r in rows if r.group is group]
        note = render(
            "comparison.summary",
            {"mean": format_points(group.mean_index, lang), "median": format_points(group.median_index, lang)},
            lang,
        )
        blocks.append(
            RankBlock(
                heading=group_title(comparison, group, lang),
                anchor=f"rank-g{position}",
                note=f"{render('comparison.compared', {'count': len(lines)}, lang)} — {note}",
                rows=lines,
            )
        )
    return blocks


# --- the page ------------------------------------------------------------------------------------

_PAGE_LABELS = {
    "contents": "comparison.page-contents",
    "overview": "comparison.page-overview",
    "ranking": "comparison.sheet-ranking",
    "missed_title": "comparison.page-missed-title",
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
    "heatmap": "comparison.heatmap",
    "weakest": "comparison.weakest",
    "mean": "comparison.mean",
    "median": "comparison.median",
    "lowest": "comparison.page-lowest",
    "highest": "comparison.page-highest",
    "weakest_of": "comparison.page-weakest-of",
    "band_counts": "comparison.band-counts",
    "units": "comparison.units",
    "share": "comparison.page-share",
    "mean_index": "comparison.mean-index",
    "median_index": "comparison.median-index",
    "fields_title": "comparison.page-fields",
    "band_mix": "comparison.page-band-mix",
    "most_missed": "comparison.page-most-missed",
    "item": "result.item",
    "missed": "comparison.page-missed",
    "missed_units": "comparison.page-missed-units",
    "none_missed": "comparison.page-none-missed",
    "ranking_note": "comparison.page-ranking-note",
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
            if problem.file != excluded.file:
                where = f"{problem.file}, {where}"
            lines.append(
                ProblemLine(file=excluded.file, where=where, message=problem.message.get(lang))
            )
        if not excluded.problems:
            lines.append(ProblemLine(file=excluded.file, where="", message=""))
    return lines


def _labels(comparison: Comparison, lang: str) -> dict[str, str]:
    labels = {key: render(code, None, lang) for key, code in _PAGE_LABELS.items()}
    labels["group"] = group_header(comparison, lang)
    return labels


def page(comparison: Comparison, opts: Options) -> Page:
    """What the page shows, all text formatted (exposed for tests and other templates)."""
    lang = opts.lang
    c = comparison.criteria
    summary = render("comparison.compared", {"count": comparison.compared}, lang)
    if comparison.excluded:
        summary += "; " + render(
            "comparison.excluded-count", {"count": len(comparison.excluded)}, lang
        )
    rows = _rows(comparison)
    ranking = _ranking(comparison, rows, lang)
    items = [_item_line(comparison, i, lang) for i in range(len(comparison.groups[0].items))]
    return Page(
        lang=html_lang(lang),
        title=render("comparison.compare-title", {"year": c.year}, lang),
        criteria=render(
            "result.criteria-line",
            {"id": c.id, "version": c.version, "title": c.title.get(lang)},
            lang,
        ),
        summary=summary,
        labels=_labels(comparison, lang),
        fields=[(f.id, f.name.get(lang)) for f in comparison.fields],
        band_names=[b.band.get(lang) for b in comparison.groups[0].bands],
        overview=_overview(comparison, rows, items, lang),
        ranking=ranking,
        district_column=any(line.district for block in ranking for line in block.rows),
        items=_item_blocks(comparison, items, lang),
        excluded=_excluded(comparison, lang),
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
