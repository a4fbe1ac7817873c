"""A comparison as a terminal table, Markdown, CSV (one row per commune) or JSON."""

from __future__ import annotations

import io

from parscore.compare import Comparison, Group
from parscore.report.common import Options, SafeCSVWriter, number, percent
from parscore.report.compare_common import band_text, clabel, group_title
from parscore.report.text import Section, Table, _md, render


def _group_sections(comparison: Comparison, group: Group, opts: Options, md: bool) -> list[Section]:
    lang = opts.lang
    title = group_title(comparison, group, lang)
    rows = [
        [
            f"{row.rank}/{row.of}",
            _md(row.unit.name, md),
            row.unit.code or "",
            percent(row.index, lang),
            band_text(row.band, lang),
            number(row.total, lang),
            number(row.appraisal, lang),
            number(row.survey, lang),
            number(row.bonus, lang),
            number(row.penalty, lang),
        ]
        for row in group.ranking
    ]
    ranking = Section(
        f"{title}: {clabel('sheet_ranking', lang).lower()}",
        table=Table(
            [
                clabel(k, lang)
                for k in (
                    "rank",
                    "unit",
                    "code",
                    "index",
                    "band",
                    "total",
                    "appraisal",
                    "survey",
                    "bonus",
                    "penalty",
                )
            ],
            rows,
            ["right", "left", "left", "right", "left", "right", "right", "right", "right", "right"],
        ),
    )
    bands = Section(
        "",
        table=Table(
            [clabel("band_counts", lang), clabel("units", lang)],
            [[b.band.get(lang), str(b.count)] for b in group.bands],
            ["left", "right"],
        ),
    )
    bands.lines = [
        clabel(
            "summary",
            lang,
            mean=number(group.mean_index, lang),
            median=number(group.median_index, lang),
        )
    ]
    fields = Section(
        clabel("field_stats", lang),
        table=Table(
            ["", clabel("field", lang), clabel("mean", lang), clabel("median", lang)],
            [
                [f.id, _md(f.name.get(lang), md), percent(f.mean, lang), percent(f.median, lang)]
                for f in group.fields
            ],
            ["left", "left", "right", "right"],
        ),
    )
    ids = [f.id for f in comparison.fields]
    matrix = Section(
        clabel("heatmap", lang),
        table=Table(
            [clabel("unit", lang), *ids, clabel("weakest", lang)],
            [
                [
                    _md(m.unit.name, md),
                    *(percent(m.percents.get(i), lang) for i in ids),
                    f"{m.weakest_field} ({number(m.weakest_gap, lang)})" if m.weakest_field else "",
                ]
                for m in group.matrix
            ],
            ["left", *(["right"] * len(ids)), "left"],
        ),
    )
    items = Section(
        clabel("items_full", lang),
        table=Table(
            ["", clabel("item", lang), clabel("full", lang), clabel("full_units", lang)],
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
    return [ranking, bands, fields, matrix] + ([items] if opts.detail else [])


def _sections(comparison: Comparison, opts: Options, md: bool) -> list[Section]:
    sections: list[Section] = []
    for group in comparison.groups:
        sections.extend(_group_sections(comparison, group, opts, md))
    if comparison.excluded:
        lines = []
        for excluded in comparison.excluded:
            for p in excluded.problems:
                where = f"{p.file}:{p.line}:{p.column}" if p.line else p.file
                lines.append(
                    ("- " if md else "") + f"{where}: {p.message.get(opts.lang)} [{p.code}]"
                )
        sections.append(Section(clabel("excluded_title", opts.lang), lines=lines))
    return sections


def _title(comparison: Comparison, lang: str) -> str:
    return clabel("compare_heading", lang, set=comparison.criteria.id, count=comparison.compared)


def table(comparison: Comparison, opts: Options) -> str:
    return render(_sections(comparison, opts, False), _title(comparison, opts.lang), markdown=False)


def markdown(comparison: Comparison, opts: Options) -> str:
    return render(_sections(comparison, opts, True), _title(comparison, opts.lang), markdown=True)


def to_json(comparison: Comparison, opts: Options) -> str:
    return comparison.model_dump_json(indent=2) + "\n"


def to_csv(comparison: Comparison, opts: Options) -> str:
    """One row per compared unit; numbers as exact decimals with a point, for programs."""
    ids = [f.id for f in comparison.fields]
    out = io.StringIO()
    writer = SafeCSVWriter(out)
    writer.writerow(
        [
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
            *(f"field_{i}" for i in ids),
            "weakest_field",
            "weakest_gap",
        ]
    )
    for group in comparison.groups:
        matrix = {m.unit.source: m for m in group.matrix}
        for row in group.ranking:
            m = matrix[row.unit.source]
            writer.writerow(
                [
                    group.name or "",
                    row.rank,
                    row.of,
                    row.unit.name,
                    row.unit.code or "",
                    row.unit.kind,
                    row.unit.source,
                    row.index,
                    row.band.get(opts.lang) if row.band else "",
                    row.total,
                    row.appraisal,
                    row.survey,
                    row.bonus,
                    row.penalty,
                    *("" if m.percents.get(i) is None else m.percents[i] for i in ids),
                    m.weakest_field or "",
                    "" if m.weakest_gap is None else m.weakest_gap,
                ]
            )
    return out.getvalue()
