"""Year over year in words: two criteria set versions side by side and the drafted crosswalk
(``criteria diff``), a unit against its past (``evaluate --previous``: table, Markdown, JSON,
CSV), and the pieces a comparison against last year adds to every comparison format."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

from parscore.messages import Phrase, format_percent, format_points, format_signed, render
from parscore.model.compare import Comparison, Group, RankRow
from parscore.model.criteria import CriteriaSet
from parscore.model.years import ItemChange, PreviousFigures, UnitHistory
from parscore.report.common import Options, SafeCSVWriter
from parscore.report.text import Section, Table, render_sections
from parscore.years import SetDiff, item_label

# --- criteria diff --------------------------------------------------------------------------------


def _ids(items: list[Any]) -> str:
    return " + ".join(i.id for i in items) or "—"


def _max(items: list[Any], lang: str) -> str:
    if not items:
        return ""
    return format_points(sum((i.max for i in items), Decimal(0)), lang)


def _status(status: str, lang: str) -> str:
    return render(f"years.status-{status}", None, lang)


def diff_text(diff: SetDiff, old: CriteriaSet, new: CriteriaSet, opts: Options) -> str:
    lang = opts.lang
    title = render(
        "years.diff-title",
        {
            "old": old.id,
            "old_version": old.version,
            "old_year": old.year,
            "new": new.id,
            "new_version": new.version,
            "new_year": new.year,
        },
        lang,
    )
    counts = {
        "same": sum(e.status == "same" and not e.rule_changed for e in diff.entries),
        "new": sum(e.status == "new" for e in diff.entries),
        "dropped": sum(e.status == "dropped" for e in diff.entries),
    }
    counts["changed"] = len(diff.entries) - sum(counts.values())
    sections = [Section("", lines=[render("years.diff-count", counts, lang)])]
    if diff.fields:
        sections.append(
            Section(
                render("years.diff-fields", None, lang),
                table=Table(
                    [
                        "",
                        "",
                        render("years.max-old", None, lang),
                        render("years.max-new", None, lang),
                    ],
                    [
                        [
                            f.id,
                            f.name.get(lang),
                            format_points(f.old_max, lang),
                            format_points(f.new_max, lang),
                        ]
                        for f in diff.fields
                    ],
                    ["left", "left", "right", "right"],
                ),
            )
        )
    if diff.changed:
        rows = []
        for e in diff.changed:
            notes = [] if e.status == "same" else [_status(e.status, lang)]
            if e.name_changed:
                notes.append(render("years.name-changed", None, lang))
            if e.rule_changed:
                notes.append(render("years.rule-changed", None, lang))
            named = e.new[0] if e.new else e.old[0]
            rows.append(
                [
                    _ids(e.old),
                    _ids(e.new),
                    named.name.get(lang),
                    _max(e.old, lang),
                    _max(e.new, lang),
                    "; ".join(notes),
                ]
            )
        headers = ["years.old", "years.new", "result.item", "years.max-old", "years.max-new"]
        sections.append(
            Section(
                render("years.diff-items", None, lang),
                table=Table(
                    [
                        *(render(c, None, lang) for c in headers),
                        render("years.change-kind", None, lang),
                    ],
                    rows,
                    ["left", "left", "left", "right", "right", "left"],
                    widths=[None, None, 40, None, None, 30],
                ),
            )
        )
    else:
        sections.append(Section("", lines=[render("years.diff-none", None, lang)]))
    return render_sections(sections, title, False, opts.width)


def _yaml_ids(items: list[Any]) -> str:
    if len(items) == 1:
        return json.dumps(items[0].id)
    return "[" + ", ".join(json.dumps(i.id) for i in items) + "]"


def draft_crosswalk(diff: SetDiff, old: CriteriaSet, new: CriteriaSet, lang: str) -> str:
    """The crosswalk file the diff drafts: every item of both sets once, with a comment on each
    line that is not the same item unchanged."""
    head = render("years.draft-head", None, lang)
    lines = [f"# {line}" if line else "#" for line in head.split("\n")]
    lines += [
        "",
        "crosswalk:",
        f"  old: {json.dumps(old.id)}",
        f"  new: {json.dumps(new.id)}",
        "items:",
    ]
    for e in diff.entries:
        notes = []
        if e.status != "same":
            notes.append(_status(e.status, lang))
        if e.name_changed:
            notes.append(render("years.name-changed", None, lang))
        if e.rule_changed:
            notes.append(render("years.rule-changed", None, lang))
        if e.status == "reweighted":
            notes.append(f"{_max(e.old, lang)} → {_max(e.new, lang)}")
        old_ids = _yaml_ids(e.old) if e.old else "[]"
        new_ids = _yaml_ids(e.new) if e.new else "[]"
        comment = f"  # {'; '.join(notes)}" if notes else ""
        lines.append(f"  - {{old: {old_ids}, new: {new_ids}}}{comment}")
    return "\n".join(lines) + "\n"


# --- a unit against its past ----------------------------------------------------------------------


def change_words(value: Decimal | None, lang: str, unit: str = "%") -> str:
    """ "tăng 1,36%", "giảm 0,50%", "không đổi" (empty for None)."""
    if value is None:
        return ""
    if value == 0:
        return render("years.no-change", None, lang)
    code = "years.up" if value > 0 else "years.down"
    if unit == "%":  # a change of a percentage: points of it ("tăng 1,36%" as published)
        unit = render("years.points-of-percent", None, lang)
    return render(code, {"value": format_points(abs(value), lang) + unit}, lang)


def _band(band: Any, lang: str) -> str:
    return band.get(lang) if band is not None else render("result.no-band", None, lang)


def _history_sections(history: UnitHistory, opts: Options, md: bool) -> list[Section]:
    lang = opts.lang
    sections: list[Section] = []
    for past in history.previous:
        lines = [
            render(
                "years.index-line",
                {
                    "year": history.year,
                    "index": format_percent(history.index, lang),
                    "band": _band(history.band, lang),
                    "then": past.year,
                    "then_unit": _then_unit(past, lang),
                    "then_index": format_percent(past.index, lang) + ("*" if past.derived else ""),
                    "then_band": _band(past.band, lang)
                    if not past.derived
                    else render("years.not-derived", None, lang),
                    "change": change_words(past.index_change, lang),
                },
                lang,
            )
        ]
        how = Phrase(f"years.how-{past.items_compared}", {"file": past.crosswalk or ""})
        lines.append(render("years.items-by", {"how": how}, lang))
        if past.rose:
            lines.append(
                render("years.rose-most", {"items": _moves(past.items, past.rose, lang)}, lang)
            )
        if past.fell:
            lines.append(
                render("years.fell-most", {"items": _moves(past.items, past.fell, lang)}, lang)
            )
        if md:
            lines = [f"- {line}" for line in lines]
        since = render(
            "years.since",
            {"year": past.year, "set": past.criteria.id, "version": past.criteria.version},
            lang,
        )
        sections.append(Section(since, lines=lines))
        if past.derived:  # the index only: no field or item is derived
            continue
        then_h = render("years.then", {"year": past.year}, lang)
        now_h = render("years.now", {"year": history.year}, lang)
        sections.append(
            Section(
                render("years.fields", None, lang),
                table=Table(
                    [
                        "",
                        render("result.field", None, lang),
                        then_h,
                        now_h,
                        render("years.change", None, lang),
                    ],
                    [
                        [
                            f.id,
                            f.name.get(lang),
                            format_percent(f.then_percent, lang),
                            format_percent(f.now_percent, lang),
                            format_signed(f.change, lang) if f.change is not None else "",
                        ]
                        for f in past.fields
                    ],
                    ["left", "left", "right", "right", "right"],
                    widths=[None, 40, None, None, None],
                ),
            )
        )
        shown = [c for c in past.items if opts.detail or c.change is None or c.change != 0]
        if shown:
            sections.append(
                Section(
                    render("years.items" if opts.detail else "years.items-moved", None, lang),
                    table=Table(
                        [
                            render("years.old", None, lang),
                            render("years.new", None, lang),
                            render("result.item", None, lang),
                            then_h,
                            now_h,
                            render("years.change", None, lang),
                            render("years.change-kind", None, lang),
                        ],
                        [_item_row(c, lang) for c in shown],
                        ["left", "left", "left", "right", "right", "right", "left"],
                        widths=[None, None, 36, None, None, None, None],
                    ),
                )
            )
    return sections


def _then_unit(past: Any, lang: str) -> str:
    """Whose figures these are: "xã Vĩnh Chấp", or "bình quân gia quyền của Hồ Xá, …" (the
    index beside it marked *; a second * here would pair with it as emphasis in Markdown)."""
    if past.derived:
        code = "years.rule-weighted" if past.rule == "weighted" else "years.rule-mean"
        return render(code, {"units": ", ".join(u.name for u in past.predecessors)}, lang)
    unit = past.unit
    return f"{unit.kind} {unit.name}" if unit is not None else ""


def _pick(items: list[ItemChange], labels: list[str]) -> list[ItemChange]:
    by_label = {item_label(c): c for c in items}
    return [by_label[label] for label in labels if label in by_label]


def _moves(items: list[ItemChange], labels: list[str], lang: str) -> str:
    return ", ".join(
        f"{item_label(c)} ({format_signed(c.weighted_change, lang)})"
        for c in _pick(items, labels)
        if c.weighted_change is not None
    )


def _points_of(value: Decimal | None, most: Decimal | None, lang: str) -> str:
    if value is None:
        return ""
    return f"{format_points(value, lang)}/{format_points(most, lang)}"


def _item_row(c: ItemChange, lang: str) -> list[str]:
    return [
        ", ".join(c.old) or "—",
        ", ".join(c.new) or "—",
        c.name.get(lang),
        _points_of(c.then, c.then_max, lang),
        _points_of(c.now, c.now_max, lang),
        format_signed(c.change, lang) if c.change is not None else "",
        _status_of(c, lang),
    ]


def _status_of(c: ItemChange, lang: str) -> str:
    """The kind of change, and where the maximum changed, the change at this year's maximum
    (what the headline's "moved most" goes by), so that the two figures are never read as
    contradicting each other."""
    status = _status(c.status, lang)
    if c.weighted_change is None or c.weighted_change == c.change:
        return status
    weighted = format_signed(c.weighted_change, lang)
    return render("years.weighted-note", {"status": status, "change": weighted}, lang)


def _history_title(history: UnitHistory, lang: str) -> str:
    return render(
        "years.history-title",
        {"kind": history.unit.kind, "name": history.unit.name, "year": history.year},
        lang,
    )


def history_table(history: UnitHistory, opts: Options) -> str:
    return render_sections(
        _history_sections(history, opts, False),
        _history_title(history, opts.lang),
        False,
        opts.width,
    )


def history_markdown(history: UnitHistory, opts: Options) -> str:
    return render_sections(
        _history_sections(history, opts, True), _history_title(history, opts.lang), markdown=True
    )


def history_json(history: UnitHistory, opts: Options) -> bytes:
    return history.__pydantic_serializer__.to_json(history, indent=2) + b"\n"


def history_csv(history: UnitHistory, opts: Options) -> str:
    """One row per item and year: for programs, ASCII column ids, decimals with a point."""
    out = io.StringIO()
    writer = SafeCSVWriter(out)
    writer.writerow(
        [
            "year",
            "then_year",
            "level",
            "old",
            "new",
            "status",
            "then",
            "then_max",
            "now",
            "now_max",
            "change",
            "weighted_change",
            "then_unit",
            "then_code",
            "derived",
        ]
    )
    blank = ""
    for past in history.previous:
        # whose figures: the unit's own (its name and code then), or derived ("mean", "weighted")
        whose = (
            [" + ".join(u.name for u in past.predecessors), "", past.rule]
            if past.derived
            else [
                past.unit.name if past.unit else "",
                _or(past.unit.code if past.unit else None),
                "",
            ]
        )
        writer.writerow(
            [
                history.year,
                past.year,
                "index",
                "",
                "",
                "",
                past.index,
                blank,
                history.index,
                blank,
                past.index_change,
                blank,
                *whose,
            ]
        )
        for f in past.fields:
            writer.writerow(
                [
                    history.year,
                    past.year,
                    "field",
                    f.id,
                    f.id,
                    "",
                    _or(f.then_percent),
                    "",
                    _or(f.now_percent),
                    "",
                    _or(f.change),
                    "",
                    *whose,
                ]
            )
        for c in past.items:
            writer.writerow(
                [
                    history.year,
                    past.year,
                    "item",
                    " ".join(c.old),
                    " ".join(c.new),
                    c.status,
                    _or(c.then),
                    _or(c.then_max),
                    _or(c.now),
                    _or(c.now_max),
                    _or(c.change),
                    _or(c.weighted_change),
                    *whose,
                ]
            )
    return out.getvalue()


def _or(value: Any) -> Any:
    return "" if value is None else value


HISTORY_REPORTERS = {
    "table": history_table,
    "markdown": history_markdown,
    "json": history_json,
    "csv": history_csv,
}


# --- a comparison against last year: what every comparison format adds ----------------------------


def previous_index_text(p: PreviousFigures, lang: str) -> str:
    """Last year's index; a derived one marked, with its rule and its old units."""
    index = format_percent(p.index, lang)
    if not p.derived:
        return index
    code = "years.derived-weighted" if p.rule == "weighted" else "years.derived-mean"
    return render(code, {"index": index, "units": ", ".join(p.predecessors)}, lang)


def derived_text(p: PreviousFigures, lang: str) -> str:
    """How a derived previous index was made ("bình quân của A, B"); empty for its own."""
    if not p.derived:
        return ""
    code = "years.rule-weighted" if p.rule == "weighted" else "years.rule-mean"
    return render(code, {"units": ", ".join(p.predecessors)}, lang)


def rank_change_text(p: PreviousFigures, lang: str) -> str:
    if p.rank_change is None:
        return render(f"years.rank-{p.rank_note or 'not-ranked'}", None, lang)
    if p.rank_change == 0:
        return render("years.rank-same", None, lang)
    code = "years.rank-up" if p.rank_change > 0 else "years.rank-down"
    return render(code, {"count": abs(p.rank_change)}, lang)


def prev_rank_text(p: PreviousFigures) -> str:
    return f"{p.rank}/{p.of}" if p.rank is not None and p.of is not None else ""


def group_change_lines(comparison: Comparison, group: Group, lang: str) -> list[str]:
    """The summary sentence as the published notices word it, the best and worst movers,
    the band moves, the units without previous figures."""
    change = group.change
    prev = comparison.previous
    if change is None or prev is None:
        return []
    names = {r.unit.name for r in group.ranking}
    lacking = [
        render(
            "years.lacking-line",
            {"unit": m.unit, "year": prev.year, "predecessor": m.predecessor, "where": m.where},
            lang,
        )
        for m in prev.missing
        if m.unit in names
    ]
    if change.compared == 0:
        return [render("years.summary-none", {"year": prev.year}, lang), *lacking]
    lines = [
        render(
            "years.summary",
            {
                "mean_now": format_points(change.mean_now, lang),
                "change": change_words(change.mean_change, lang),
                "year": prev.year,
                "compared": change.compared,
                "up": change.up,
                "down": change.down,
                "unchanged": change.unchanged,
            },
            lang,
        )
    ]
    for code, mover in (("years.best", change.best), ("years.worst", change.worst)):
        if mover is not None:
            units = [(mover.kind, mover.name, mover.derived)]
            units += [(t.kind, t.name, t.derived) for t in mover.tied]
            marked = any(derived for _, _, derived in units)
            args = {
                "units": ", ".join(
                    f"{kind} {name}{'*' if derived and marked else ''}"
                    for kind, name, derived in units
                ),
                "change": change_words(mover.change, lang),
            }
            line = render(code, args, lang)
            if marked:
                line += " " + render("years.mover-derived", None, lang)
            lines.append(line)
    for move in change.band_moves:
        args = {
            "kind": move.kind,
            "name": move.name,
            "then": move.then.get(lang).lower(),
            "now": move.now.get(lang).lower(),
        }
        lines.append(render(f"years.band-{move.direction}", args, lang))
    if change.new:
        lines.append(render("years.new-units", {"units": ", ".join(change.new)}, lang))
    return lines + lacking


def notes(comparison: Comparison, lang: str) -> list[str]:
    """Under the title: how derived figures are made, why ranks are not compared."""
    prev = comparison.previous
    if prev is None:
        return []
    rows = [r for g in comparison.groups for r in g.ranking if r.previous is not None]
    stages = {
        "year": comparison.year,
        "stage": Phrase(f"years.stage-{comparison.stage}"),
        "then": prev.year,
        "then_stage": Phrase(f"years.stage-{prev.stage}"),
    }
    code = "years.stages" if prev.stage == comparison.stage else "years.stages-differ"
    out = [render(code, stages, lang)]
    if any(r.previous is not None and r.previous.derived for r in rows):
        out.append(render("years.derived-note", {"basis": prev.lineage_basis or "—"}, lang))
    if any(r.previous is not None and r.previous.rank_note == "other-group" for r in rows):
        args = {
            "then": prev.year,
            "now": comparison.year,
            "then_grouping": Phrase(f"years.grouping-{prev.group_by}"),
            "now_grouping": Phrase(f"years.grouping-{comparison.group_by}"),
        }
        out.append(render("years.other-group-note", args, lang))
    return out


def heading_suffix(comparison: Comparison, lang: str, heading: str) -> str:
    """A comparison's title, with the year it is compared against."""
    prev = comparison.previous
    if prev is None:
        return heading
    args = {"year": prev.year, "source": prev.source}
    return heading + " — " + render("years.heading-previous", args, lang)


def row_cells(row: RankRow, lang: str) -> list[str]:
    """The previous index, index change, previous rank, rank change and previous band of a
    ranking row, in words (empty for a unit without previous figures)."""
    p = row.previous
    if p is None:
        return ["", "", "", "", ""]
    return [
        previous_index_text(p, lang),
        change_words(p.index_change, lang),
        prev_rank_text(p),
        rank_change_text(p, lang),
        _band(p.band, lang) if p.band is not None else "",
    ]


def previous_table(comparison: Comparison, group: Group, lang: str) -> Table | None:
    """The group against last year, a table of its own beside the ranking (so that the ranking
    keeps its columns in a terminal of 120): rank, unit, index now and then (a derived one
    marked *), the change in points, last year's rank and the rank change (a short reason when
    not compared: the notes under the title say why), last year's band. Under it, each derived
    figure's rule and old units."""
    prev = comparison.previous
    if prev is None or not any(r.previous is not None for r in group.ranking):
        return None
    rows = []
    for r in group.ranking:
        p = r.previous
        cells = [f"{r.rank}/{r.of}", r.unit.name, format_percent(r.index, lang)]
        if p is None:
            rows.append([*cells, "", "", "", "", ""])
            continue
        if p.rank_change is None:
            moved = render(f"years.rank-short-{p.rank_note or 'not-ranked'}", None, lang)
        else:
            moved = f"{p.rank_change:+d}".replace("-", "−") if p.rank_change else "0"
        rows.append(
            [
                *cells,
                format_percent(p.index, lang) + ("*" if p.derived else ""),
                format_signed(p.index_change, lang),
                prev_rank_text(p),
                moved,
                p.band.get(lang) if p.band is not None else "",
            ]
        )
    years = {"year": comparison.year, "then": prev.year}
    headers = [
        render("comparison.rank", None, lang),
        render("comparison.unit", None, lang),
        render("years.index-of", {"year": comparison.year}, lang),
        render("years.index-of", {"year": prev.year}, lang),
        render("years.change-points", None, lang),
        render("years.rank-of", {"year": prev.year}, lang),
        render("years.rank-change", None, lang),
        render("years.band-of", years, lang),
    ]
    return Table(
        headers, rows, ["right", "left", "right", "right", "right", "right", "left", "left"]
    )


def derived_lines(group: Group, lang: str) -> list[str]:
    """ "Quế Sơn*: bình quân của Quế Minh, Quế Xuân 1": how each derived figure was made."""
    return [
        f"{r.unit.name}*: {derived_text(r.previous, lang)}"
        for r in group.ranking
        if r.previous is not None and r.previous.derived
    ]


PREVIOUS_HEADINGS = [
    "years.prev-index",
    "years.index-change",
    "years.prev-rank",
    "years.rank-change",
    "years.prev-band",
]

#: the CSV's columns with --previous (ASCII ids, after the others)
CSV_PREVIOUS = [
    "previous_index",
    "previous_derived",
    "index_change",
    "previous_rank",
    "previous_of",
    "rank_change",
    "rank_note",
    "previous_band",
]


def csv_cells(row: RankRow, lang: str) -> list[Any]:
    p = row.previous
    if p is None:
        return [""] * len(CSV_PREVIOUS)
    return [
        p.index,
        p.rule if p.derived else "",
        p.index_change,
        _or(p.rank),
        _or(p.of),
        _or(p.rank_change),
        p.rank_note or "",
        p.band.get(lang) if p.band is not None else "",
    ]


def vanished_lines(comparison: Comparison, lang: str) -> list[str]:
    """Last year's units that no unit of this year continues, with their index then."""
    return [
        f"{u.name}{f' ({u.group})' if u.group else ''}: {format_percent(u.index, lang)}"
        + (
            " — " + render("years.merged-lacking", {"unit": u.merged_into}, lang)
            if u.merged_into
            else ""
        )
        for u in comparison.vanished
    ]


def vanished_section(comparison: Comparison, lang: str, md: bool) -> list[Section]:
    if comparison.previous is None or not comparison.vanished:
        return []
    title = render("years.vanished-title", {"year": comparison.previous.year}, lang)
    return [
        Section(
            title,
            lines=[("- " if md else "  ") + line for line in vanished_lines(comparison, lang)],
        )
    ]


def plan_fell_lines(plan: Any, lang: str) -> list[str]:
    """ "3.4 fell from 3 to 1,5 points since 2024": each sub-criterion that lost points."""
    lines = []
    for c in plan.fell:
        then, now = _plain_points(c.then, lang), _plain_points(c.now, lang)
        if c.then_max != c.now_max:  # re-weighted or split: each out of its maximum
            then = f"{then}/{_plain_points(c.then_max, lang)}"
            now = f"{now}/{_plain_points(c.now_max, lang)}"
        args = {"id": item_label(c), "then": then, "now": now, "year": plan.since_year}
        lines.append(f"{render('years.plan-fell', args, lang)} ({c.name.get(lang)})")
    return lines


def _plain_points(value: Decimal | None, lang: str) -> str:
    """Points as a sentence writes them: 3, 1,5, 0,25 (no trailing zeros)."""
    from parscore.messages import format_number

    if value is None:
        return ""
    text = format(value.normalize(), "f") if value != 0 else "0"
    return format_number(Decimal(text), lang)
