"""A comparison as a terminal table, Markdown, CSV (one row per commune) or JSON."""

from __future__ import annotations

import csv
import io

from parscore.compare import Comparison, Group
from parscore.report.common import Options, number, percent
from parscore.report.text import Section, Table, _md, render

_L: dict[str, tuple[str, str]] = {
    "title": (
        "So sánh Chỉ số CCHC — {set} ({count} đơn vị)",
        "PAR INDEX comparison — {set} ({count} units)",
    ),
    "all": ("Tất cả đơn vị", "All units"),
    "district": ("Huyện {name}", "{name} district"),
    "province": ("Tỉnh {name}", "{name} province"),
    "no_group": ("Không rõ {level}", "No {level} given"),
    "ranking": ("Xếp hạng", "Ranking"),
    "rank": ("Vị thứ", "Rank"),
    "unit": ("Đơn vị", "Unit"),
    "code": ("Mã", "Code"),
    "index": ("Chỉ số", "Index"),
    "band": ("Xếp loại", "Band"),
    "total": ("Tổng điểm", "Total"),
    "appraisal": ("Thẩm định", "Appraisal"),
    "survey": ("Điều tra", "Survey"),
    "bonus": ("Thưởng", "Bonus"),
    "penalty": ("Trừ", "Penalty"),
    "bands": ("Xếp loại", "Bands"),
    "count": ("Số đơn vị", "Units"),
    "summary": (
        "Chỉ số bình quân {mean}%, trung vị {median}%",
        "Mean index {mean}%, median {median}%",
    ),
    "fields": ("Lĩnh vực (tỷ lệ điểm đạt được)", "Fields (share of points achieved)"),
    "field": ("Lĩnh vực", "Field"),
    "mean": ("Bình quân", "Mean"),
    "median": ("Trung vị", "Median"),
    "matrix": ("Tỷ lệ đạt theo lĩnh vực của từng đơn vị", "Each unit's share by field"),
    "weakest": ("Yếu nhất so với trung vị", "Weakest against the median"),
    "items": (
        "Tiêu chí: đơn vị đạt đủ điểm (hỏi kinh nghiệm)",
        "Sub-criteria: who got full points (ask them how)",
    ),
    "item": ("Tiêu chí", "Sub-criterion"),
    "full": ("Đủ điểm", "Full"),
    "who": ("Đơn vị đạt đủ điểm", "Who"),
    "excluded": ("Tệp bị loại khỏi so sánh", "Files left out of the comparison"),
    "no_band": ("chưa xếp loại", "no band"),
}


def _t(key: str, lang: str, **args: object) -> str:
    vi, en = _L[key]
    return (vi if lang == "vi" else en).format(**args)


def group_title(comparison: Comparison, group: Group, lang: str) -> str:
    if comparison.group_by == "none":
        return _t("all", lang)
    if group.name is None:
        return _t("no_group", lang, level=comparison.group_by)
    return _t(comparison.group_by, lang, name=group.name)


def _group_sections(comparison: Comparison, group: Group, opts: Options, md: bool) -> list[Section]:
    lang = opts.lang
    title = group_title(comparison, group, lang)
    rows = [
        [
            f"{row.rank}/{row.of}",
            _md(row.unit.name, md),
            row.unit.code or "",
            percent(row.index, lang),
            row.band.get(lang) if row.band else _t("no_band", lang),
            number(row.total, lang),
            number(row.appraisal, lang),
            number(row.survey, lang),
            number(row.bonus, lang),
            number(row.penalty, lang),
        ]
        for row in group.ranking
    ]
    ranking = Section(
        f"{title}: {_t('ranking', lang).lower()}",
        table=Table(
            [
                _t(k, lang)
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
            [_t("bands", lang), _t("count", lang)],
            [[b.band.get(lang), str(b.count)] for b in group.bands],
            ["left", "right"],
        ),
    )
    bands.lines = [
        _t(
            "summary",
            lang,
            mean=number(group.mean_index, lang),
            median=number(group.median_index, lang),
        )
    ]
    fields = Section(
        _t("fields", lang),
        table=Table(
            ["", _t("field", lang), _t("mean", lang), _t("median", lang)],
            [
                [f.id, _md(f.name.get(lang), md), percent(f.mean, lang), percent(f.median, lang)]
                for f in group.fields
            ],
            ["left", "left", "right", "right"],
        ),
    )
    ids = [f.id for f in comparison.fields]
    matrix = Section(
        _t("matrix", lang),
        table=Table(
            [_t("unit", lang), *ids, _t("weakest", lang)],
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
        _t("items", lang),
        table=Table(
            ["", _t("item", lang), _t("full", lang), _t("who", lang)],
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
        sections.append(Section(_t("excluded", opts.lang), lines=lines))
    return sections


def _title(comparison: Comparison, lang: str) -> str:
    return _t("title", lang, set=comparison.criteria.id, count=comparison.compared)


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
    writer = csv.writer(out, lineterminator="\n")
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
