"""Reporters: one registry, name -> function(result, options) -> text.

A reporter only formats; it never recomputes a score. ``--format`` chooses by name.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from parscore.classify import band_words
from parscore.messages import format_points, render
from parscore.model.result import UnitResult
from parscore.report import text
from parscore.report.common import (
    Options,
    SafeCSVWriter,
    documents_text,
    outcome_text,
    reason_text,
    unit_line,
)

if TYPE_CHECKING:  # the to-do family (plans, years) is imported by evaluate --missing only
    from parscore.todo import TodoItem, TodoList

Reporter = Callable[[UnitResult, Options], str]
TodoReporter = Callable[["TodoList", Options], str]


def to_json(result: UnitResult, opts: Options) -> str:
    return result.model_dump_json(indent=2) + "\n"


CSV_COLUMNS = (
    "row",
    "id",
    "level",
    "name",
    "outcome",
    "points",
    "max",
    "applicable_max",
    "percent",
    "claimed",
    "claim_difference",
    "reason",
    "lead",
    "documents",
)


def to_csv(result: UnitResult, opts: Options) -> str:
    """One row per node, then the bonus, penalty, total and index rows. Numbers as exact
    decimals with a point, for programs; people get the table, Markdown or a spreadsheet."""
    lang = opts.lang
    out = io.StringIO()
    writer = SafeCSVWriter(out)
    writer.writerow(CSV_COLUMNS)
    for node in result.nodes():
        writer.writerow(
            [
                "node",
                node.id,
                node.level,
                node.name.get(lang),
                node.outcome.value,
                node.points,
                node.max,
                node.applicable_max,
                node.percent if node.percent is not None else "",
                node.claimed if node.claimed is not None else "",
                node.claim_difference if node.claim_difference is not None else "",
                reason_text(node, lang),
                node.lead or "",
                documents_text(node, lang),
            ]
        )
    t = result.totals
    for row, value, maximum in (
        ("bonus", t.bonus, result.bonus.cap),
        ("penalty", t.penalty, result.penalty.cap),
        ("total", t.total, t.applicable_max),
        ("index", t.index, None),
    ):
        name = render(f"result.{row}", None, lang)
        reason = band_words(t.band, t.index_band, t.band_limits, lang) if row == "index" else ""
        if row == "total" and t.uncapped_total is not None:
            args = {
                "uncapped": format_points(t.uncapped_total, lang),
                "max": format_points(t.applicable_max, lang),
            }
            reason = render("band.capped", args, lang)
        writer.writerow(
            [
                row,
                "",
                "",
                name,
                "",
                value,
                maximum if maximum is not None else "",
                "",
                "",
                "",
                "",
                reason,
                "",
                "",
            ]
        )
    return out.getvalue()


REPORTERS: dict[str, Reporter] = {
    "table": text.table,
    "json": to_json,
    "csv": to_csv,
    "markdown": text.markdown,
}


# --- the meeting to-do list ----------------------------------------------------------------------


def todo_text(todo: TodoList, opts: Options, markdown: bool) -> str:
    lang = opts.lang
    title = render("todo.title", {"unit": todo.unit, "year": todo.year}, lang)
    if not todo.groups:
        return text.render_sections(
            [text.Section("", lines=[render("todo.none", None, lang)])],
            title,
            markdown,
            opts.width,
        )
    sections = []
    for group in todo.groups:
        office = group.office or render("todo.unassigned", None, lang)
        at_stake = (
            f"{render('todo.at-stake', None, lang).lower()} {format_points(group.at_stake, lang)}"
        )
        heading = f"{render('todo.office', None, lang)}: {office} — {at_stake}"
        rows = [
            [
                item.id,
                item.name.get(lang),
                _need_text(item, lang),
                format_points(item.at_stake, lang),
                reason_text(item, lang),
            ]
            for item in group.items
        ]
        sections.append(
            text.Section(
                heading,
                table=text.Table(
                    [
                        "",
                        render("result.item", None, lang),
                        render("todo.need", None, lang),
                        render("todo.at-stake", None, lang),
                        render("result.reason", None, lang),
                    ],
                    rows,
                    ["left", "left", "left", "right", "left"],
                ),
            )
        )
    sections.append(
        text.Section(
            "",
            lines=[
                f"{render('todo.total', None, lang)}: {format_points(todo.at_stake, lang)} "
                f"({render('todo.at-stake', None, lang).lower()})"
            ],
        )
    )
    return text.render_sections(sections, title, markdown, opts.width)


def _need_text(item: TodoItem, lang: str) -> str:
    """What to bring, and, for a document whose figures would earn less than the item can
    still gain, what the document alone gives (the plan's first step)."""
    need = render(f"todo.{item.need}", None, lang)
    if item.on_supplying is None:
        return need
    return render(
        "todo.gives", {"need": need, "points": format_points(item.on_supplying, lang)}, lang
    )


def todo_csv(todo: TodoList, opts: Options) -> str:
    out = io.StringIO()
    writer = SafeCSVWriter(out)
    writer.writerow(("office", "id", "name", "need", "at_stake", "on_supplying", "reason"))
    for group in todo.groups:
        for item in group.items:
            writer.writerow(
                [
                    group.office or "",
                    item.id,
                    item.name.get(opts.lang),
                    item.need,
                    item.at_stake,
                    "" if item.on_supplying is None else item.on_supplying,
                    reason_text(item, opts.lang),
                ]
            )
    return out.getvalue()


TODO_REPORTERS: dict[str, TodoReporter] = {
    "table": lambda todo, opts: todo_text(todo, opts, markdown=False),
    "markdown": lambda todo, opts: todo_text(todo, opts, markdown=True),
    "json": lambda todo, opts: todo.model_dump_json(indent=2) + "\n",
    "csv": todo_csv,
}

__all__ = ["REPORTERS", "TODO_REPORTERS", "Options", "outcome_text", "percent", "unit_line"]
