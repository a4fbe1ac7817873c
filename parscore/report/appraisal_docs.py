"""The documents of the province's year, in the form of the improvement plan (Nghị định
30/2020/NĐ-CP, :mod:`parscore.report.plan_docx` lays them out):

- the appraisal minutes of a commune (biên bản thẩm định): the council, the date, who appraised,
  per field the self-assessed and appraised points, each item changed and why, the bonus and
  penalty decisions, the conclusion, the signature block;
- the request for explanation sent to a commune: which items, what is asked, the points
  provisionally given, the deadline;
- the results annex of the province's decision (DOCX and XLSX): STT, unit, self-assessed,
  appraised and survey points, total, index, band, rank.

Same inputs, same bytes (the plan's fixed properties and zip dates; the workbook's fixed date).
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from parscore.messages import Phrase, format_percent, format_points, render
from parscore.model.compare import Comparison
from parscore.model.result import UnitResult
from parscore.model.stages import AppraisalStages, ItemStages, RoundInfo
from parscore.report.plan_docx import document_docx
from parscore.report.plan_text import Block, PlanDocument, Table


def _nation(place: str, day: dt.date | None, lang: str) -> list[str]:
    if day is not None:
        date = render("appraisal-doc.date", {"place": place, **_dmy(day)}, lang)
    else:
        date = render("appraisal-doc.no-date", {"place": place}, lang)
    return [render("plan-doc.nation", None, lang), render("plan-doc.motto", None, lang), date]


def _dmy(day: dt.date) -> dict[str, str]:
    return {"d": f"{day.day:02d}", "m": f"{day.month:02d}", "y": str(day.year)}


def _province(result: UnitResult) -> str:
    province = result.unit.parent("province")
    return province.name if province is not None else ""


def _left(result: UnitResult, number: str, lang: str) -> list[str]:
    committee = render("appraisal-doc.committee", {"province": _province(result)}, lang)
    return [
        committee.upper(),
        render("appraisal-doc.council", None, lang),
        render(number, None, lang),
    ]


def _p(value: Decimal | None, lang: str) -> str:
    return format_points(value, lang) if value is not None else "—"


def _stages(result: UnitResult) -> AppraisalStages:
    assert result.appraisal is not None, "an appraised result"
    return result.appraisal


def _self_stage(ap: AppraisalStages) -> str:
    return "claimed" if ap.stage("claimed") is not None else "computed"


def _last(ap: AppraisalStages) -> str:
    return ap.stages[-1].stage


def _why(item: ItemStages, lang: str) -> str:
    from parscore.report.appraisal import _why as why  # the same words as the terminal report

    return why(item, lang)


def _names(result: UnitResult) -> dict[str, object]:
    return {"kind": result.unit.kind, "name": result.unit.name, "year": result.year}


def _recipients(result: UnitResult, lang: str) -> list[str]:
    return [
        render("plan-doc.recipients", None, lang),
        render("appraisal-doc.to-unit", _names(result), lang),
        render("appraisal-doc.to-file", None, lang),
    ]


def _signature(lang: str) -> list[str]:
    return [
        render("appraisal-doc.on-behalf", None, lang),
        render("appraisal-doc.chair", None, lang),
        "……………………",
    ]


def minutes(result: UnitResult, lang: str) -> PlanDocument:
    """The appraisal minutes of one commune."""
    ap = _stages(result)
    last_round: RoundInfo = ap.round2 or ap.round1
    own, last = _self_stage(ap), _last(ap)
    everyone = [*ap.round1.appraisers, *(ap.round2.appraisers if ap.round2 else [])]
    appraisers = ", ".join(dict.fromkeys(everyone))  # each once, in order
    body = [
        Block(
            "para",
            render(
                "appraisal-doc.minutes-opening",
                {**_names(result), "council": ap.council, "who": appraisers or "……"},
                lang,
            ),
        ),
        Block("section", render("appraisal-doc.by-field", None, lang)),
        Block(
            "para",
            "",
            Table(
                heads=[render(c, None, lang) for c in _FIELD_HEADS],
                rows=[
                    [
                        f"{f.id}. {f.name.get(lang)}",
                        format_points(f.max, lang),
                        _p(f.points[own], lang),  # type: ignore[index]
                        _p(f.points[last], lang),  # type: ignore[index]
                    ]
                    for f in ap.fields
                ],
                right=(1, 2, 3),
                widths_cm=(8.5, 2.2, 2.6, 2.7),
            ),
        ),
        Block("section", render("appraisal-doc.changed", None, lang)),
    ]
    changed = [i for i in ap.items if i.points[own] != i.points[last]]  # type: ignore[index]
    if changed:
        body.append(
            Block(
                "para",
                "",
                Table(
                    heads=[render(c, None, lang) for c in _ITEM_HEADS],
                    rows=[
                        [
                            i.id,
                            _p(i.points[own], lang),  # type: ignore[index]
                            _p(i.points[last], lang),  # type: ignore[index]
                            _why(i, lang),
                        ]
                        for i in changed
                    ],
                    right=(1, 2),
                    widths_cm=(1.6, 2.2, 2.2, 10.0),
                ),
            )
        )
    else:
        body.append(Block("para", render("appraisal-doc.nothing-changed", None, lang)))
    if ap.ledger:
        body.append(Block("section", render("appraisal.ledger", None, lang)))
        for line in ap.ledger:
            status = line.round2 or line.round1
            args = {
                "section": Phrase(f"result.{line.section}"),
                "text": line.text,
                "points": format_points(line.points, lang),
                "decision": Phrase(f"appraisal.line-{status}"),
                "why": f" — {line.reason}" if line.reason else "",
            }
            body.append(Block("bullet", render("appraisal-doc.line", args, lang)))
    body += [Block("section", render("appraisal-doc.conclusion", None, lang))]
    body += [Block("para", line) for line in _conclusion(ap, lang)]
    if last_round.conclusion:
        body.append(Block("para", last_round.conclusion))
    return PlanDocument(
        left=_left(result, "appraisal-doc.minutes-number", lang),
        right=_nation(_province(result) or result.unit.name, last_round.date, lang),
        title=render("appraisal-doc.minutes-title", None, lang),
        subtitle=render("appraisal-doc.minutes-subtitle", _names(result), lang),
        body=body,
        recipients=_recipients(result, lang),
        signature=_signature(lang),
    )


_FIELD_HEADS = (
    "result.field",
    "result.max",
    "appraisal-doc.self",
    "appraisal-doc.appraised",
)
_ITEM_HEADS = ("appraisal.item", "appraisal-doc.self", "appraisal-doc.appraised", "appraisal.why")


def _conclusion(ap: AppraisalStages, lang: str) -> list[str]:
    own = ap.stage(_self_stage(ap))  # type: ignore[arg-type]
    final = ap.stage("final")
    assert own is not None
    lines = []
    if final is None or not final.complete:
        count = 0 if final is None else len(final.undecided) + len(final.awaiting)
        lines.append(render("appraisal-doc.not-final", {"count": count}, lang))
        return lines
    band = final.band.get(lang) if final.band is not None else "—"
    args = {
        "self": format_points(own.total, lang),
        "appraisal": format_points(final.appraisal, lang),
        "survey": format_points(final.survey, lang),
        "bonus": format_points(final.bonus, lang),
        "penalty": format_points(final.penalty, lang),
        "total": format_points(final.total, lang),
        "index": format_percent(final.index, lang),
        "band": band,
    }
    lines.append(render("appraisal-doc.final-line", args, lang))
    return lines


def request(result: UnitResult, lang: str) -> PlanDocument:
    """The request for explanation of round 1, sent to the commune."""
    ap = _stages(result)
    asked = [i for i in ap.items if i.round1.status == "explain"]
    due = ap.round1.explanation_due
    deadline = (
        render("appraisal-doc.due", _dmy(due), lang)
        if due is not None
        else render("appraisal-doc.no-due", None, lang)
    )
    own = _self_stage(ap)
    body = [
        Block("note", render("appraisal-doc.to", _names(result), lang)),
        Block(
            "para",
            render(
                "appraisal-doc.request-opening",
                {**_names(result), "council": ap.council, "count": len(asked), "due": deadline},
                lang,
            ),
        ),
    ]
    if asked:
        rows = [
            [
                str(n),
                f"{i.id}. {i.name.get(lang)}",
                _p(i.points[own], lang),  # type: ignore[index]
                _p(i.points["round1"], lang),
                i.round1.ask or "",
            ]
            for n, i in enumerate(asked, start=1)
        ]
        heads = [
            render(c, None, lang)
            for c in (
                "appraisal-doc.stt",
                "appraisal.item",
                "appraisal-doc.self",
                "appraisal-doc.provisional",
                "appraisal-doc.asked",
            )
        ]
        body.append(
            Block(
                "para", "", Table(heads, rows, right=(0, 2, 3), widths_cm=(1.0, 5.0, 2.0, 2.0, 6.0))
            )
        )
    body.append(Block("para", render("appraisal-doc.request-closing", {"due": deadline}, lang)))
    return PlanDocument(
        left=_left(result, "appraisal-doc.request-number", lang),
        right=_nation(_province(result) or result.unit.name, ap.round1.date, lang),
        title=render("appraisal-doc.request-title", None, lang),
        subtitle=render("appraisal-doc.request-subtitle", _names(result), lang),
        body=body,
        recipients=_recipients(result, lang),
        signature=_signature(lang),
    )


# --- the results annex of the province's decision ---------------------------------------------

_ANNEX_HEADS = (
    "appraisal-doc.stt",
    "comparison.unit",
    "appraisal-doc.self",
    "appraisal-doc.appraised",
    "result.survey",
    "result.total",
    "result.index",
    "result.band",
    "appraisal-doc.rank",
)


def annex_rows(comparison: Comparison, lang: str) -> list[tuple[str | None, list[list[object]]]]:
    """Per group (None when there is one), the annex's rows as values: STT, the unit, then
    the self-assessed points (its total less the survey), the appraised points (appraisal,
    bonus and penalty: the total less the survey), the survey points, the total, the index, the
    band and the rank "x/N"."""
    groups = []
    for group in comparison.groups:
        rows: list[list[object]] = []
        for n, row in enumerate(group.ranking, start=1):
            own = row.self_total - row.survey if row.self_total is not None else None
            rows.append(
                [
                    n,
                    render("plan-doc.unit", {"kind": row.unit.kind, "name": row.unit.name}, lang),
                    own,
                    row.total - row.survey,
                    row.survey,
                    row.total,
                    row.index,
                    row.band.get(lang) if row.band is not None else "",
                    f"{row.rank}/{row.of}",
                ]
            )
        groups.append((group.name if len(comparison.groups) > 1 else None, rows))
    return groups


def _cell(value: object, lang: str, index: bool = False) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return format_percent(value, lang) if index else format_points(value, lang)
    return str(value)


def annex(comparison: Comparison, lang: str) -> PlanDocument:
    body = [
        Block("note", render("appraisal-doc.annex-note", None, lang)),
    ]
    for name, rows in annex_rows(comparison, lang):
        if name is not None:
            body.append(Block("field", name))
        table_rows = [[_cell(v, lang, index=(c == 6)) for c, v in enumerate(r)] for r in rows]
        body.append(
            Block(
                "para",
                "",
                Table(
                    [render(c, None, lang) for c in _ANNEX_HEADS],
                    table_rows,
                    right=(0, 2, 3, 4, 5, 6, 8),
                    widths_cm=(0.9, 3.0, 1.7, 1.7, 1.7, 1.7, 1.8, 2.0, 1.5),
                ),
            )
        )
    if comparison.mean_gap is not None:
        gap = {"gap": format_points(comparison.mean_gap, lang)}
        body.append(Block("para", render("appraisal-doc.annex-gap", gap, lang)))
    return PlanDocument(
        left=[render("plan-doc.committee", None, lang), _annex_province(comparison).upper(), ""],
        right=[render("plan-doc.nation", None, lang), render("plan-doc.motto", None, lang), ""],
        title=render("appraisal-doc.annex-title", None, lang),
        subtitle=render("appraisal-doc.annex-subtitle", {"year": comparison.year}, lang),
        body=body,
        recipients=[],
        signature=[],
    )


def _annex_province(comparison: Comparison) -> str:
    """The province, when the comparison is of one province's units."""
    names = {g.name for g in comparison.groups if g.name is not None}
    if comparison.group_by == "province" and len(names) == 1:
        return next(iter(names))
    return ""


def annex_docx(comparison: Comparison, lang: str) -> bytes:
    return document_docx(annex(comparison, lang), lang)


def annex_xlsx(comparison: Comparison, lang: str) -> bytes:
    """The annex as a workbook: one sheet, numbers as numbers (two decimals)."""
    import xlsxwriter

    from parscore.report.xlsx import FIXED_CREATED, _footer, _formats, _Sheet

    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    title = render("appraisal-doc.annex-subtitle", {"year": comparison.year}, lang)
    workbook.set_properties({"title": title, "author": "parscore", "created": FIXED_CREATED})
    sheet = _Sheet(workbook, render("appraisal-doc.annex-sheet", None, lang), _formats(workbook))
    notes = [render("appraisal-doc.annex-title", None, lang) + " — " + title]
    notes.append(render("appraisal-doc.annex-note", None, lang))
    if comparison.mean_gap is not None:
        notes.append(
            render(
                "appraisal-doc.annex-gap", {"gap": format_points(comparison.mean_gap, lang)}, lang
            )
        )
    sheet.title(notes)
    heads = [render(c, None, lang) for c in _ANNEX_HEADS]
    grouped = len(comparison.groups) > 1
    if grouped:
        heads.insert(1, render(f"comparison.group-{comparison.group_by}", None, lang))
    sheet.header(heads)
    for name, rows in annex_rows(comparison, lang):
        for values in rows:
            if grouped:
                values = [values[0], name or "", *values[1:]]
            for col, value in enumerate(values):
                if isinstance(value, Decimal):
                    index = heads[col] == render("result.index", None, lang)
                    sheet.number(col, value, "percent" if index else "number")
                elif isinstance(value, int):
                    sheet.integer(col, value)
                else:
                    sheet.text(col, str(value))
            sheet.next_row()
    sheet.finish(len(heads), _footer(lang), freeze_cols=2)
    workbook.close()
    return out.getvalue()


def minutes_docx(result: UnitResult, lang: str) -> bytes:
    return document_docx(minutes(result, lang), lang)


def request_docx(result: UnitResult, lang: str) -> bytes:
    return document_docx(request(result, lang), lang)
