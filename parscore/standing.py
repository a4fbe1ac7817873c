"""Where the Q4 meeting stands (``parscore evaluate --standing``): for one commune (a file, a
folder of office files or a workbook), per lead office, how many of its sub-criteria are filled,
which still lack a document or an explanation, and the points still at stake.

Pure, and built on the to-do list of ``--missing`` (:mod:`parscore.todo`): an item is *filled*
unless the to-do list calls its evidence missing (so every item is counted once: filled, or not
filled); what it still *needs* and the points *at
stake* are the to-do list's, so the two views never disagree. Every office that leads a
sub-criterion the commune fills is listed, in the set's order, those with nothing left to do
too, so the group sees the whole table. Survey rows are not the commune's and are left out.
"""

from __future__ import annotations

import io
from decimal import Decimal

from pydantic import BaseModel, Field

from parscore.messages import format_points, render
from parscore.model.common import RESULT_CONFIG, JsonNumber
from parscore.model.result import UnitResult
from parscore.report import text
from parscore.report.common import Options, SafeCSVWriter
from parscore.todo import todo

#: an office's name whole ("Công chức Tài chính – Kế toán") before a heading takes the room
OFFICE_WIDTH = 32


class OfficeStanding(BaseModel):
    model_config = RESULT_CONFIG

    office: str | None = Field(description="lead office (chủ trì); None when the set names none")
    items: int = Field(description="sub-criteria the office leads")
    filled: int = Field(description="of them, those given inputs or 'nothing occurred'")
    not_filled: list[str] = Field(description="ids given nothing yet")
    lacking_document: list[str] = Field(description="ids whose figures have no document")
    lacking_explanation: list[str] = Field(description="ids that need an explanation")
    at_stake: JsonNumber


class Standing(BaseModel):
    model_config = RESULT_CONFIG

    source: str
    unit: str
    year: int
    offices: list[OfficeStanding]
    items: int
    filled: int
    at_stake: JsonNumber


def standing(result: UnitResult) -> Standing:
    todo_list = todo(result)
    needs = {
        group.office: {item.id: item.need for item in group.items} for group in todo_list.groups
    }
    stakes = {group.office: group.at_stake for group in todo_list.groups}
    led: dict[str | None, list[str]] = {}
    for field in result.fields:
        for node in field.walk():
            if node.rule is None or node.scored_by != "commune":
                continue
            led.setdefault(node.lead, []).append(node.id)
    # the offices in the to-do list's order, then those with nothing left to do, in the set's
    order = [group.office for group in todo_list.groups if group.office in led]
    order += [office for office in led if office not in order]
    offices = []
    for office in order:
        ids, need = led[office], needs.get(office, {})
        offices.append(
            OfficeStanding(
                office=office,
                items=len(ids),
                # every item counted once: filled unless the to-do list calls it missing (1.1.1,
                # scored from its document's date alone, is filled though it has no input)
                filled=sum(1 for i in ids if need.get(i) != "evidence"),
                not_filled=[i for i in ids if need.get(i) == "evidence"],
                lacking_document=[i for i in ids if need.get(i) == "document"],
                lacking_explanation=[i for i in ids if need.get(i) == "explanation"],
                at_stake=stakes.get(office, Decimal(0)),
            )
        )
    return Standing(
        source=result.source,
        unit=result.unit.name,
        year=result.year,
        offices=offices,
        items=sum(o.items for o in offices),
        filled=sum(o.filled for o in offices),
        at_stake=todo_list.at_stake,
    )


# --- reporters ---------------------------------------------------------------------------------


def _office(office: OfficeStanding, lang: str) -> str:
    return office.office or render("todo.unassigned", None, lang)


def _ids(ids: list[str]) -> str:
    return ", ".join(ids) if ids else "—"


def standing_text(view: Standing, opts: Options, markdown: bool) -> str:
    lang = opts.lang
    title = render("standing.title", {"unit": view.unit, "year": view.year}, lang)
    headers = [
        render("todo.office", None, lang),
        render("standing.items", None, lang),
        render("standing.filled", None, lang),
        render("standing.not-filled", None, lang),
        render("standing.no-document", None, lang),
        render("standing.no-explanation", None, lang),
        render("todo.at-stake", None, lang),
    ]
    rows = [
        [
            _office(o, lang),
            str(o.items),
            str(o.filled),
            str(len(o.not_filled)),
            str(len(o.lacking_document)),
            str(len(o.lacking_explanation)),
            format_points(o.at_stake, lang),
        ]
        for o in view.offices
    ]
    rows.append(
        [
            render("todo.total", None, lang),
            str(view.items),
            str(view.filled),
            str(sum(len(o.not_filled) for o in view.offices)),
            str(sum(len(o.lacking_document) for o in view.offices)),
            str(sum(len(o.lacking_explanation) for o in view.offices)),
            format_points(view.at_stake, lang),
        ]
    )
    align = ["left", "right", "right", "right", "right", "right", "right"]
    # in a narrow terminal the offices' names whole first, then the number columns' headings
    table = text.Table(headers, rows, align, readable=OFFICE_WIDTH)
    sections = [text.Section("", table=table)]
    for o in view.offices:
        if not (o.not_filled or o.lacking_document or o.lacking_explanation):
            continue
        lines = [
            f"{render(code, None, lang)}: {_ids(ids)}"
            for code, ids in (
                ("standing.not-filled", o.not_filled),
                ("standing.no-document", o.lacking_document),
                ("standing.no-explanation", o.lacking_explanation),
            )
            if ids
        ]
        bullet = "- " if markdown else ""
        sections.append(text.Section(_office(o, lang), lines=[bullet + line for line in lines]))
    return text.render_sections(sections, title, markdown, opts.width)


def standing_csv(view: Standing, opts: Options) -> str:
    """One row per office, with the table's counts, then the ids behind each count (separated
    by spaces), so that a spreadsheet sums the counts and a clerk still finds the items."""
    out = io.StringIO()
    writer = SafeCSVWriter(out)
    writer.writerow(
        (
            "office",
            "items",
            "filled",
            "not_filled",
            "lacking_document",
            "lacking_explanation",
            "at_stake",
            "not_filled_ids",
            "lacking_document_ids",
            "lacking_explanation_ids",
        )
    )
    for o in view.offices:
        lists = (o.not_filled, o.lacking_document, o.lacking_explanation)
        writer.writerow(
            [
                o.office or "",
                o.items,
                o.filled,
                *(len(ids) for ids in lists),
                o.at_stake,
                *(" ".join(ids) for ids in lists),
            ]
        )
    return out.getvalue()


STANDING_REPORTERS = {
    "table": lambda view, opts: standing_text(view, opts, markdown=False),
    "markdown": lambda view, opts: standing_text(view, opts, markdown=True),
    "json": lambda view, opts: view.model_dump_json(indent=2) + "\n",
    "csv": standing_csv,
}

__all__ = ["STANDING_REPORTERS", "OfficeStanding", "Standing", "standing"]
