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

from parscore.errors import Problem, Severity
from parscore.messages import Phrase, format_percent, format_points, render
from parscore.model.common import comparable
from parscore.model.compare import Comparison
from parscore.model.result import UnitResult
from parscore.model.stages import AppraisalStages, RoundInfo
from parscore.report.appraisal import why
from parscore.report.compare_common import nominal_max
from parscore.report.plan_docx import FONT, document_docx
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


#: evidence file → the body its council's documents are issued under (:func:`body_of`)
#: ("text", an issuer as written) or (level, name): a district or a province
Body = tuple[str, str]
Bodies = dict[str, Body]

#: the day districts ceased to appraise and rank their communes (DOMAIN §6)
REFORM = dt.date(2025, 7, 1)
_DISTRICT_KINDS = ("huyện", "quận", "thị xã", "thành phố")


def committee(level: str, name: str, lang: str) -> str:
    """'Ủy ban nhân dân huyện Quế Sơn', 'Ủy ban nhân dân tỉnh Quảng Nam' (a district's name that
    carries its kind, 'thị xã Điện Bàn', is written as it is)."""
    if level == "district":
        kind = any(comparable(name).startswith(k + " ") for k in _DISTRICT_KINDS)
        code = "appraisal-doc.committee-named" if kind else "appraisal-doc.committee-district"
        return render(code, {"district": name}, lang)
    return render("appraisal-doc.committee", {"province": name}, lang)


def body_of(result: UnitResult) -> tuple[str, str]:
    """The body the council's documents are issued under, in no language: ("text", the file's
    ``issuer:``); else ("district", name) when the council's name names the commune's
    district, ("province", name) when it names the province; else by date: the district
    before 1/7/2025 (round 1's date, else the year assessed: up to 2024), the province since."""
    ap = _stages(result)
    if ap.issuer:
        return "text", ap.issuer
    district, province = result.unit.parent("district"), result.unit.parent("province")
    council = comparable(ap.council)
    if district is not None and comparable(district.name) in council:
        return "district", district.name
    if province is not None and comparable(province.name) in council:
        return "province", province.name
    before = ap.round1.date < REFORM if ap.round1.date is not None else result.year <= 2024
    if before and district is not None:
        return "district", district.name
    return "province", _province(result)


def _place(result: UnitResult) -> str:
    """Where the documents are dated: the issuing district or province ("Quế Sơn, ngày …")."""
    level, name = body_of(result)
    return name if level != "text" and name else _province(result) or result.unit.name


def body_text(body: tuple[str, str], lang: str) -> str:
    level, name = body
    return name if level == "text" else committee(level, name, lang)


def issuer(result: UnitResult, lang: str) -> str:
    """The header's first line: :func:`body_of` written in ``lang``."""
    return body_text(body_of(result), lang)


def _left(result: UnitResult, number: str, lang: str) -> list[str]:
    return [
        issuer(result, lang).upper(),
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
                "appraisal-doc.minutes-opening"
                + ("-explained" if ap.explanation_file is not None else ""),
                {**_names(result), "council": ap.council, "who": appraisers or "……"},
                lang,
            ),
        ),
        Block("section", render("appraisal-doc.by-field", None, lang)),
        Block(
            "para",
            "",
            Table(
                heads=_heads(_FIELD_HEADS, last, lang),
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
                    heads=_heads(_ITEM_HEADS, last, lang),
                    rows=[
                        [
                            i.id,
                            _p(i.points[own], lang),  # type: ignore[index]
                            _p(i.points[last], lang),  # type: ignore[index]
                            why(i, lang),  # the words of the terminal report
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
        right=_nation(_place(result), last_round.date, lang),
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


def _heads(codes: tuple[str, ...], last: str, lang: str) -> list[str]:
    """The heads, the last stage's column named after it when it is not the council's final
    appraisal (after the explanation, round 2 not held yet: the commune's own claims)."""
    appraised = "appraisal-doc.appraised" if last == "final" else f"appraisal.stage-{last}"
    return [render(appraised if c == "appraisal-doc.appraised" else c, None, lang) for c in codes]


def _conclusion(ap: AppraisalStages, lang: str) -> list[str]:
    own = ap.stage(_self_stage(ap))  # type: ignore[arg-type]
    final = ap.stage("final")
    assert own is not None
    lines = []
    if final is None or not final.complete:
        # what the council has decided so far: the latest stage it has reached (round 1 when
        # an explanation is still awaited and round 2 is not held)
        latest = final or ap.stage("explanation") or ap.stage("round1")
        count = latest.open_count if latest is not None else 0
        lines.append(render("appraisal-doc.not-final", {"count": count}, lang))
        return lines
    band = final.band.get(lang) if final.band is not None else "—"
    args = {
        "self": format_points(own.points, lang),
        "appraisal": format_points(final.points, lang),
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
                "para", "", Table(heads, rows, right=(0, 2, 3), widths_cm=(1.4, 4.6, 2.0, 2.0, 6.0))
            )
        )
    body.append(Block("para", render("appraisal-doc.request-closing", {"due": deadline}, lang)))
    return PlanDocument(
        left=_left(result, "appraisal-doc.request-number", lang),
        right=_nation(_place(result), ap.round1.date, lang),
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
            rows.append(
                [
                    n,
                    render("plan-doc.unit", {"kind": row.unit.kind, "name": row.unit.name}, lang),
                    row.self_points,
                    row.appraised,
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


def annex_max_note(comparison: Comparison, lang: str) -> str | None:
    """The units whose applicable maximum is not the set's (their index is then not their
    total), each with it: 'xã Vĩnh Long 99,00'; None when there are none."""
    most = nominal_max(comparison)
    if most is None:
        return None
    units = [
        render("plan-doc.unit", {"kind": r.unit.kind, "name": r.unit.name}, lang)
        + " "
        + format_points(r.reduced_max, lang)
        for g in comparison.groups
        for r in g.ranking
        if r.reduced_max is not None
    ]
    args = {"max": format_points(most, lang), "units": ", ".join(units)}
    return render("appraisal-doc.annex-max", args, lang)


def annex_missing_note(comparison: Comparison, lang: str) -> str | None:
    """The units compared without a final appraisal: named in the annex itself (not only on
    the terminal), so that a rank "1/1" in a district of three is read as it is; None when
    every unit is ranked."""
    if not comparison.not_appraised:
        return None
    units = [
        render("plan-doc.unit", {"kind": u.kind, "name": u.name}, lang)
        for u in comparison.not_appraised
    ]
    return render("appraisal-doc.annex-missing", {"units": ", ".join(units)}, lang)


def annex(comparison: Comparison, lang: str, bodies: Bodies | None = None) -> PlanDocument:
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
                    # A4 landscape (24.7 cm): "STT", "thị trấn Đông Phú", "Trung bình" and
                    # "84,59%" each on one line at 13 pt
                    widths_cm=(1.5, 5.6, 2.6, 2.6, 2.6, 2.4, 2.5, 2.9, 2.0),
                ),
            )
        )
    if (missing := annex_missing_note(comparison, lang)) is not None:
        body.append(Block("para", missing))
    if (reduced := annex_max_note(comparison, lang)) is not None:
        body.append(Block("para", reduced))
    if comparison.mean_gap is not None:
        gap = {"gap": format_points(comparison.mean_gap, lang)}
        body.append(Block("para", render("appraisal-doc.annex-gap", gap, lang)))
    return PlanDocument(
        left=[annex_issuer(comparison, lang, bodies)[0].upper(), "", ""],
        right=[render("plan-doc.nation", None, lang), render("plan-doc.motto", None, lang), ""],
        title=render("appraisal-doc.annex-title", None, lang),
        subtitle=render("appraisal-doc.annex-subtitle", {"year": comparison.year}, lang),
        body=body,
        recipients=[],
        signature=[],
        landscape=True,
    )


def annex_issuer(
    comparison: Comparison, lang: str, bodies: Bodies | None = None
) -> tuple[str, str | None]:
    """The body the annex's decision is issued under: the one their councils' files give
    (``bodies``: evidence file → :func:`body_of`) when they all give the same; else from its
    communes: their district's People's Committee for a year before the reform (up to 2024)
    when they are of one district, their province's when they are of one province; and the
    code of a warning when they span provinces (the header then names no committee) or,
    before the reform, districts (each district ranked its own communes then)."""
    units = [r.unit for g in comparison.groups for r in g.ranking]
    given = {bodies[u.source] for u in units if u.source in bodies} if bodies else set()
    if len(given) == 1:
        return body_text(next(iter(given)), lang), None
    provinces = sorted({u.province for u in units if u.province})
    districts = sorted({u.district for u in units if u.district})
    before = comparison.year <= 2024
    if before and len(districts) == 1 and len(provinces) <= 1:
        return committee("district", districts[0], lang), None
    if len(provinces) == 1:
        warning = "appraisal-doc.annex-districts" if before and len(districts) > 1 else None
        return committee("province", provinces[0], lang), warning
    none = render("plan-doc.committee", None, lang)
    return none, "appraisal-doc.annex-provinces" if len(provinces) > 1 else None


def issuer_warning(
    comparison: Comparison, lang: str, output: str, bodies: Bodies | None = None
) -> Problem | None:
    """The warning when the annex's communes span provinces (or districts, before the
    reform): its header cannot name their one issuing body."""
    _, code = annex_issuer(comparison, lang, bodies)
    if code is None:
        return None
    units = [r.unit for g in comparison.groups for r in g.ranking]
    level = "province" if code.endswith("provinces") else "district"
    names = sorted({getattr(u, level) for u in units if getattr(u, level)})
    args = {"names": ", ".join(names), "year": comparison.year}
    return Problem(code, args, output, severity=Severity.WARNING)


def annex_docx(comparison: Comparison, lang: str, bodies: Bodies | None = None) -> bytes:
    return document_docx(annex(comparison, lang, bodies), lang)


def annex_xlsx(comparison: Comparison, lang: str, bodies: Bodies | None = None) -> bytes:
    """The annex as a workbook: one sheet, numbers as numbers (two decimals)."""
    import xlsxwriter

    from parscore.report.xlsx import FIXED_CREATED, _footer, _formats, _Sheet

    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    title = render("appraisal-doc.annex-subtitle", {"year": comparison.year}, lang)
    workbook.set_properties({"title": title, "author": "parscore", "created": FIXED_CREATED})
    formats = _formats(workbook)
    for cell_format in formats.values():  # the decision's font, as its Word annex
        cell_format.set_font_name(FONT)
    sheet = _Sheet(workbook, render("appraisal-doc.annex-sheet", None, lang), formats)
    notes = [render("appraisal-doc.annex-title", None, lang) + " — " + title]
    notes.append(render("appraisal-doc.annex-note", None, lang))
    if (missing := annex_missing_note(comparison, lang)) is not None:
        notes.append(missing)
    if (reduced := annex_max_note(comparison, lang)) is not None:
        notes.append(reduced)
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
