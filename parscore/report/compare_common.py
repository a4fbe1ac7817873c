"""Words and names shared by every comparison report (table, Markdown, CSV, XLSX, HTML), so that
they all say the same thing the same way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from parscore.classify import band_words
from parscore.compare import Comparison, Group, MatrixRow, RankRow, UnitRef
from parscore.messages import Phrase, format_signed, render

#: the colour scale of percentages achieved, red at 0, yellow at 50, green at 100 (XLSX and HTML)
SCALE_RED, SCALE_YELLOW, SCALE_GREEN = "#F8696B", "#FFEB84", "#63BE7B"


def group_header(comparison: Comparison, lang: str) -> str:
    """The group column's heading: Huyện / Tỉnh / Nhóm."""
    code = {"district": "comparison.group-district", "province": "comparison.group-province"}
    return render(code.get(comparison.group_by, "comparison.group"), None, lang)


def group_name(comparison: Comparison, group: Group, lang: str) -> str:
    """The group column's value: the district or province, "Tất cả" when not grouped."""
    if group.name is not None:
        return group.name
    return render(
        "comparison.all" if comparison.group_by == "none" else "comparison.unknown-group",
        None,
        lang,
    )


def group_title(comparison: Comparison, group: Group, lang: str) -> str:
    """A group as a heading: "Huyện Quế Sơn" / "Quế Sơn district"; all units; not given."""
    if group.name is None:
        return render(
            "comparison.all-units" if comparison.group_by == "none" else "comparison.unknown-group",
            None,
            lang,
        )
    return render(f"comparison.group-title-{comparison.group_by}", {"name": group.name}, lang)


def heading(comparison: Comparison, lang: str) -> str:
    """The comparison's title: the year, the criteria set and how units are grouped (and the
    year it is compared against)."""
    from parscore.report.years import heading_suffix

    return heading_suffix(comparison, lang, _heading(comparison, lang))


def _heading(comparison: Comparison, lang: str) -> str:
    return render(
        "comparison.compare-heading",
        {
            "year": comparison.year,
            "set": comparison.criteria.id,
            "version": comparison.criteria.version,
            "grouping": Phrase(f"comparison.grouping-{comparison.group_by}"),
            "count": comparison.compared,
        },
        lang,
    )


def nominal_max(comparison: Comparison) -> Decimal | None:
    """The set's maximum when some ranked unit's applicable maximum differs from it (the index
    is then not the total, and reports show that unit's applicable maximum), else None."""
    rows = (row for group in comparison.groups for row in group.ranking)
    return next((row.max for row in rows if row.reduced_max is not None), None)


def weakest_text(row: MatrixRow, lang: str) -> str:
    """A unit's weakest field with its gap to the group median ("6 (−8,33)"), or why there is
    none."""
    if row.weakest_field is not None and row.weakest_gap is not None:
        return f"{row.weakest_field} ({format_signed(row.weakest_gap, lang)})"
    if row.no_weakest == "at-or-above-median":
        return render("comparison.no-weakest", None, lang)
    return render("comparison.nothing-comparable", None, lang)


def unranked(comparison: Comparison) -> list[tuple[str, list[UnitRef]]]:
    """The units listed and not ranked, by reason: each title's catalogue code, its note's
    code and its units (only the lists that have any)."""
    lists = [
        ("not-assessed", comparison.not_assessed),
        (f"ungrouped-{comparison.group_by}", comparison.ungrouped),
        ("not-appraised", comparison.not_appraised),
    ]
    return [(reason, units) for reason, units in lists if units]


def note_code(reason: str) -> str:
    """The note under a list of units not ranked (``reason`` as :func:`unranked` gives it)."""
    return (
        "comparison.ungrouped-note"
        if reason.startswith("ungrouped")
        else f"comparison.{reason}-note"
    )


def stage_line(comparison: Comparison, lang: str, *, columns: bool = True) -> str | None:
    """Ranked on the final appraisal: says so, with the mean gap to the self-assessments (and,
    with ``columns``, what the self-assessed columns are)."""
    if comparison.stage != "final":
        return (
            render("comparison.stage-self-note", None, lang) if comparison.computed_self else None
        )
    gap = format_signed(comparison.mean_gap, lang) if comparison.mean_gap is not None else "—"
    code = "comparison.stage-final-note" if columns else "comparison.stage-final-short"
    return render(code, {"gap": gap}, lang)


def unit_line(unit: UnitRef) -> tuple[str, dict[str, str]]:
    """A unit listed outside the ranking: its name, its group when known, its file."""
    if unit.group is not None:
        return "comparison.unit-in-group", {
            "name": unit.name,
            "group": unit.group,
            "file": unit.source,
        }
    return "comparison.unit-file", {"name": unit.name, "file": unit.source}


def band_text(band: Any, lang: str, row: RankRow | None = None) -> str:
    """A band's name; with its ranking row, and the set's conditions lowered it, with why."""
    if row is not None:
        return band_words(row.band, row.index_band, row.band_limits, lang)
    return band.get(lang) if band is not None else render("result.no-band", None, lang)


@dataclass(frozen=True)
class Column:
    """One column of a comparison table, for every format that shows it: the catalogue code of
    its heading, its cell for a row (a number, or a text in the language), how a number is
    written (``points``, ``percent``, ``integer``; ``text`` for texts), its alignment, and
    whether it is a text typed in an input file (kept on one line in a table)."""

    code: str
    cell: Callable[[RankRow, str], Any]
    kind: Literal["text", "integer", "points", "percent"] = "points"
    align: Literal["left", "right"] = "right"
    typed: bool = False


RANK = Column("comparison.rank", lambda r, lang: f"{r.rank}/{r.of}", "text")
RANK_NUMBER = Column("comparison.rank-number", lambda r, lang: r.rank, "integer")
UNIT = Column("comparison.unit", lambda r, lang: r.unit.name, "text", "left", typed=True)
CODE = Column("comparison.code", lambda r, lang: r.unit.code, "text", "left")
KIND = Column("comparison.kind", lambda r, lang: r.unit.kind, "text", "left")
FILE = Column("comparison.file", lambda r, lang: r.unit.source, "text", "left")
#: the (former) district each file names: shown unless the ranking is by district already
DISTRICT = Column("comparison.group-district", lambda r, lang: r.unit.district, "text", "left")
#: the applicable maximum, only where it differs from the set's: the index is then not the total
APPLICABLE_MAX = Column("comparison.applicable-max", lambda r, lang: r.reduced_max)
#: ranked on the final appraisal: the self-assessed points beside the appraised ones, and
#: self − appraised (both with bonus and penalty, without the survey: docs/appraisal.md)
SELF_TOTAL = Column("comparison.self-total", lambda r, lang: r.self_points)
GAP = Column("comparison.self-gap", lambda r, lang: r.gap)
APPRAISED = Column("comparison.appraised", lambda r, lang: r.appraised)
#: the points of the sub-criteria outside the survey, before bonus and penalty (any stage)
CRITERIA_POINTS = Column("comparison.appraisal", lambda r, lang: r.appraisal)
#: the ranking's own columns, shown by the table, Markdown and the workbook
RANKING = [
    RANK,
    UNIT,
    CODE,
    DISTRICT,
    Column("result.index", lambda r, lang: r.index, "percent"),
    Column("result.band", lambda r, lang: band_text(r.band, lang, r), "text", "left"),
    Column("result.total", lambda r, lang: r.total),
    APPLICABLE_MAX,
    SELF_TOTAL,
    GAP,
    APPRAISED,
    CRITERIA_POINTS,
    Column("result.survey", lambda r, lang: r.survey),
    Column("result.bonus", lambda r, lang: r.bonus),
    Column("result.penalty", lambda r, lang: r.penalty),
]


def _previous(position: int) -> Callable[[RankRow, str], Any]:
    from parscore.report.years import row_cells

    return lambda r, lang: row_cells(r, lang)[position]


#: with --previous: last year's index (derived ones marked), the change, last year's rank, the
#: rank change (or why it is not compared) and last year's band (parscore/report/years.py)
PREVIOUS = [
    Column(code, _previous(position), "text", "right" if position < 4 else "left")
    for position, code in enumerate(
        [
            "years.prev-index",
            "years.index-change",
            "years.prev-rank",
            "years.rank-change",
            "years.prev-band",
        ]
    )
]


def _previous_value(attr: str) -> Callable[[RankRow, str], Any]:
    return lambda r, lang: getattr(r.previous, attr) if r.previous is not None else None


def _previous_rule(r: RankRow, lang: str) -> str:
    from parscore.report.years import derived_text

    return derived_text(r.previous, lang) if r.previous is not None else ""


#: the same, as numbers where they are numbers (the workbook): last year's index, how it was
#: derived (empty: its own), the change, last year's rank, the rank change (or why not), band
PREVIOUS_NUMBERS = [
    Column("years.prev-index", _previous_value("index"), "percent"),
    Column("years.derived", _previous_rule, "text", "left"),
    Column("years.index-change", _previous_value("index_change")),
    PREVIOUS[2],
    PREVIOUS[3],
    PREVIOUS[4],
]


def ranking_columns(
    comparison: Comparison,
    columns: list[Column] | None = None,
    group: Group | None = None,
    previous: list[Column] = PREVIOUS,
) -> list[Column]:
    """The ranking's columns (``RANKING`` by default), without the applicable maximum when
    every ranked unit's (of ``group``, when given) is the set's, and without the district when
    the ranking is by district or no file names one; with last year's after the band when the
    comparison is against last year."""
    chosen = RANKING if columns is None else columns
    if comparison.previous is not None:
        after = next((i for i, c in enumerate(chosen) if c.code == "result.band"), len(chosen))
        chosen = [*chosen[: after + 1], *previous, *chosen[after + 1 :]]
    rows = group.ranking if group is not None else [r for g in comparison.groups for r in g.ranking]
    left_out = set()
    if not any(row.reduced_max is not None for row in rows):
        left_out.add(id(APPLICABLE_MAX))
    if comparison.group_by == "district" or not any(row.unit.district for row in rows):
        left_out.add(id(DISTRICT))
    if comparison.stage != "final":
        left_out |= {id(SELF_TOTAL), id(GAP), id(APPRAISED)}
    else:
        left_out.add(id(CRITERIA_POINTS))
    return [column for column in chosen if id(column) not in left_out]
