"""The comparison as one self-contained HTML page: tables, an SVG ranking chart, a heat map.

No script, no external style sheet, font or image, no network: the file works offline, can be
mailed as it is and prints (A4 landscape, one group per page). Jinja2 escapes every text
(autoescape on), commune names inside the SVG included. Everything shown is formatted here in
Python with the one display rule (report.common.number / percent); the template only lays it out.
Identical input gives identical text (no timestamps).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING

from parscore.compare import Comparison, Group, RankRow
from parscore.messages import format_percent, format_points, format_signed, html_lang, render
from parscore.report.common import Options
from parscore.report.compare_common import (
    SCALE_GREEN,
    SCALE_RED,
    SCALE_YELLOW,
    band_text,
    group_title,
)

if TYPE_CHECKING:
    from jinja2 import Environment

TEMPLATE = "compare.html.j2"

# The ranking chart's geometry (SVG user units; the chart scales down to the page width).
CHART_LABEL = 240  # room for "x/N name" left of the bars
CHART_BARS = 400  # an index of 100
CHART_VALUE = 70  # room for the value right of the longest bar
CHART_ROW = 24
CHART_BAR = 16
CHART_TOP = 6
CHART_AXIS = 22
CHART_TICKS = (0, 25, 50, 75, 100)
CHART_NAME_CHARS = 32  # longer names are cut with "…" (the bar's <title> has them in full)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def heat_colour(value: Decimal | None) -> str | None:
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


def _coord(value: Fraction | int) -> str:
    """An SVG coordinate with at most two decimals, the same on every machine."""
    text = format(Decimal(round(Fraction(value) * 100)).scaleb(-2), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# --- what the template receives: text ready to show, numbers already formatted --------------


@dataclass(frozen=True)
class Cell:
    text: str
    colour: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class RankLine:
    rank: str
    name: str
    code: str
    index: str
    band: str
    total: str
    survey: str
    bonus_penalty: str


@dataclass(frozen=True)
class Bar:
    title: str
    label: str
    value: str
    width: str
    y: str
    text_y: str
    value_x: str


@dataclass(frozen=True)
class Tick:
    x: str
    text: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    width: str
    height: str
    bars_x: str
    bars_top: str
    bars_bottom: str
    label_x: str
    axis_y: str
    bar_height: str
    ticks: list[Tick]
    bars: list[Bar]


@dataclass(frozen=True)
class HeatRow:
    name: str
    cells: list[Cell]
    weakest: str
    weakest_title: str
    gap: str


@dataclass(frozen=True)
class ItemLine:
    id: str
    name: str
    full: str
    units: str


@dataclass(frozen=True)
class GroupView:
    heading: str
    count: str
    ranking: list[RankLine]
    chart: Chart
    heat: list[HeatRow]
    medians: list[Cell]
    means: list[Cell]
    bands: list[tuple[str, int]]
    mean_index: str
    median_index: str
    items: list[ItemLine]


@dataclass(frozen=True)
class ProblemLine:
    file: str
    where: str
    message: str


@dataclass
class Page:
    lang: str
    title: str
    criteria: str
    summary: str
    labels: dict[str, str]
    fields: list[tuple[str, str]]
    groups: list[GroupView] = field(default_factory=list)
    excluded: list[ProblemLine] = field(default_factory=list)


def _heading(comparison: Comparison, group: Group, lang: str) -> str:
    return group_title(comparison, group, lang)


def _plus(value: Decimal, lang: str) -> str:
    return "+" + format_points(value, lang) if value else format_points(value, lang)


def _minus(value: Decimal, lang: str) -> str:
    return "−" + format_points(value, lang) if value else format_points(value, lang)


def _short(name: str) -> str:
    return name if len(name) <= CHART_NAME_CHARS else name[: CHART_NAME_CHARS - 1] + "…"


def _chart(number_in_page: int, heading: str, group: Group, lang: str) -> Chart:
    rows = len(group.ranking)
    bars_bottom = CHART_TOP + rows * CHART_ROW
    bars = []
    for position, row in enumerate(group.ranking):
        share = min(max(Fraction(row.index), Fraction(0)), Fraction(100))
        width = share * CHART_BARS / 100
        top = CHART_TOP + position * CHART_ROW + (CHART_ROW - CHART_BAR) // 2
        rank = f"{row.rank}/{row.of}"
        value = format_points(row.index, lang)
        bars.append(
            Bar(
                title=f"{rank} {row.unit.name}: {value} ({band_text(row.band, lang)})",
                label=f"{rank}  {_short(row.unit.name)}",
                value=value,
                width=_coord(width),
                y=_coord(top),
                text_y=_coord(top + CHART_BAR - 4),
                value_x=_coord(CHART_LABEL + width + 6),
            )
        )
    ticks = [
        Tick(x=_coord(CHART_LABEL + Fraction(t * CHART_BARS, 100)), text=str(t))
        for t in CHART_TICKS
    ]
    return Chart(
        id=f"chart-{number_in_page}",
        title=f"{render('comparison.chart', None, lang)} — {heading}",
        width=str(CHART_LABEL + CHART_BARS + CHART_VALUE),
        height=str(bars_bottom + CHART_AXIS),
        bars_x=str(CHART_LABEL),
        bars_top=str(CHART_TOP),
        bars_bottom=str(bars_bottom),
        label_x=str(CHART_LABEL - 8),
        axis_y=str(bars_bottom + CHART_AXIS - 6),
        bar_height=str(CHART_BAR),
        ticks=ticks,
        bars=bars,
    )


def _group(number_in_page: int, comparison: Comparison, group: Group, lang: str) -> GroupView:
    heading = _heading(comparison, group, lang)
    return GroupView(
        heading=heading,
        count=render("comparison.compared", {"count": len(group.ranking)}, lang),
        ranking=[_rank_line(row, lang) for row in group.ranking],
        chart=_chart(number_in_page, heading, group, lang),
        heat=_heat_rows(comparison, group, lang),
        medians=_stat_cells(comparison, group, "median", lang),
        means=_stat_cells(comparison, group, "mean", lang),
        bands=[(b.band.get(lang), b.count) for b in group.bands],
        mean_index=format_points(group.mean_index, lang),
        median_index=format_points(group.median_index, lang),
        items=[
            ItemLine(
                id=item.id,
                name=item.name.get(lang),
                full=f"{len(item.full)}/{item.applicable}",
                units=", ".join(item.full),
            )
            for item in group.items
        ],
    )


def _rank_line(row: RankRow, lang: str) -> RankLine:
    return RankLine(
        rank=f"{row.rank}/{row.of}",
        name=row.unit.name,
        code=row.unit.code or "",
        index=format_points(row.index, lang),
        band=band_text(row.band, lang),
        total=format_points(row.total, lang),
        survey=format_points(row.survey, lang),
        bonus_penalty=f"{_plus(row.bonus, lang)} / {_minus(row.penalty, lang)}",
    )


def _heat_rows(comparison: Comparison, group: Group, lang: str) -> list[HeatRow]:
    """The matrix: each unit's share of points per field, coloured, with its weakest field."""
    field_names = {f.id: f"{f.id}. {f.name.get(lang)}" for f in comparison.fields}
    heat = []
    for row in group.matrix:
        cells = [
            Cell(
                text=format_points(row.percents.get(f.id), lang),
                colour=heat_colour(row.percents.get(f.id)),
                title=f"{row.unit.name} — {field_names[f.id]}: "
                f"{format_percent(row.percents.get(f.id), lang)}",
            )
            for f in comparison.fields
        ]
        weakest = row.weakest_field or ""
        heat.append(
            HeatRow(
                name=row.unit.name,
                cells=cells,
                weakest=weakest,
                weakest_title=field_names.get(weakest, weakest),
                gap=format_signed(row.weakest_gap, lang) if row.weakest_gap is not None else "",
            )
        )
    return heat


def _stat_cells(comparison: Comparison, group: Group, which: str, lang: str) -> list[Cell]:
    """The group's median or mean share per field, coloured as the matrix."""
    stats = {s.id: s for s in group.fields}
    cells = []
    for f in comparison.fields:
        stat = stats.get(f.id)
        value = getattr(stat, which) if stat is not None else None
        cells.append(Cell(text=format_points(value, lang), colour=heat_colour(value)))
    return cells


_PAGE_LABELS = {
    "rank": "comparison.rank",
    "unit": "comparison.unit",
    "code": "comparison.code",
    "index": "result.index",
    "band": "result.band",
    "total": "result.total",
    "survey": "result.survey",
    "bonus_penalty": "comparison.bonus-penalty",
    "chart": "comparison.chart",
    "heatmap": "comparison.heatmap",
    "weakest": "comparison.weakest",
    "gap": "comparison.gap",
    "median": "comparison.median",
    "mean": "comparison.mean",
    "band_counts": "comparison.band-counts",
    "units": "comparison.units",
    "mean_index": "comparison.mean-index",
    "median_index": "comparison.median-index",
    "items_full": "comparison.items-full",
    "item": "result.item",
    "full": "comparison.full",
    "full_units": "comparison.full-units",
    "excluded_title": "comparison.excluded-title",
    "file": "comparison.file",
    "message": "comparison.message",
    "field": "result.field",
}


def page(comparison: Comparison, opts: Options) -> Page:
    """What the page shows, all text formatted (exposed for tests and other templates)."""
    lang = opts.lang
    c = comparison.criteria
    summary = render("comparison.compared", {"count": comparison.compared}, lang)
    if comparison.excluded:
        summary += "; " + render(
            "comparison.excluded-count", {"count": len(comparison.excluded)}, lang
        )
    result = Page(
        lang=html_lang(lang),
        title=render("comparison.compare-title", {"year": c.year}, lang),
        criteria=render(
            "result.criteria-line",
            {"id": c.id, "version": c.version, "title": c.title.get(lang)},
            lang,
        ),
        summary=summary,
        labels={key: render(code, None, lang) for key, code in _PAGE_LABELS.items()},
        fields=[(f.id, f.name.get(lang)) for f in comparison.fields],
    )
    for position, group in enumerate(comparison.groups, start=1):
        result.groups.append(_group(position, comparison, group, lang))
    for excluded in comparison.excluded:
        for problem in excluded.problems:
            where = render(
                "comparison.line-column", {"line": problem.line, "column": problem.column}, lang
            )
            if problem.file != excluded.file:
                where = f"{problem.file}, {where}"
            result.excluded.append(
                ProblemLine(file=excluded.file, where=where, message=problem.message.get(lang))
            )
        if not excluded.problems:
            result.excluded.append(ProblemLine(file=excluded.file, where="", message=""))
    return result


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


__all__ = ["to_html", "heat_colour", "page"]
