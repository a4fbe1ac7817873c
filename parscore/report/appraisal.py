"""A commune's appraisal, stage by stage (``evaluate --appraisal``), as a terminal table or
Markdown: the rounds, the totals, index and band at every stage, per field and per
sub-criterion the self-assessed and appraised points with what changed and why, the bonus and
penalty lines, and which score is published."""

from __future__ import annotations

from decimal import Decimal

from parscore.messages import Phrase, format_date, format_percent, format_points, render
from parscore.model.result import UnitResult
from parscore.model.stages import AppraisalStages, Decided, InputChange, ItemStages, Stage
from parscore.report.common import Options, unit_line
from parscore.report.text import Section, Table, render_sections


def _stages(ap: AppraisalStages) -> list[Stage]:
    return [s.stage for s in ap.stages]


def _points(value: Decimal | None, lang: str) -> str:
    return format_points(value, lang) if value is not None else "—"


def _head(result: UnitResult, ap: AppraisalStages, lang: str) -> Section:
    lines = [unit_line(result.unit, lang)]
    lines.append(render("appraisal.council-line", {"council": ap.council, "file": ap.file}, lang))
    for number, rnd in ((1, ap.round1), (2, ap.round2)):
        if rnd is None:
            continue
        args = {
            "round": number,
            "date": format_date(rnd.date, lang) if rnd.date is not None else "—",
            "who": ", ".join(rnd.appraisers) or "—",
        }
        lines.append(render("appraisal.round-line", args, lang))
        if rnd.explanation_due is not None:
            due = {"date": format_date(rnd.explanation_due, lang)}
            lines.append(render("appraisal.due-line", due, lang))
    if ap.explanation_file is not None and ap.explanation_date is not None:
        args = {
            "file": ap.explanation_file,
            "by": ap.explanation_by or "—",
            "date": format_date(ap.explanation_date, lang),
        }
        lines.append(render("appraisal.explanation-line", args, lang))
    return Section("", lines=lines)


def _notes(ids: list[str], code: str, lang: str) -> str:
    return render(code, {"count": len(ids), "ids": ", ".join(ids)}, lang) if ids else ""


def _line_names(lines: list[str], lang: str) -> list[str]:
    """'bonus.1' -> 'thưởng 1' / 'bonus 1'."""
    names = []
    for line in lines:
        section, _, number = line.partition(".")
        names.append(render(f"appraisal.line-{section}", {"number": number}, lang))
    return names


def _totals(ap: AppraisalStages, lang: str) -> Section:
    rows = []
    for s in ap.stages:
        notes = [
            _notes(s.unclaimed, "appraisal.note-unclaimed", lang),
            _notes(s.undecided, "appraisal.note-undecided", lang),
            _notes(s.awaiting, "appraisal.note-awaiting", lang),
            _notes(s.late, "appraisal.note-late", lang),
            _notes(_line_names(s.undecided_lines, lang), "appraisal.note-undecided-lines", lang),
        ]
        rows.append(
            [
                render(f"appraisal.stage-{s.stage}", None, lang),
                format_points(s.appraisal, lang),
                format_points(s.survey, lang),
                format_points(s.bonus, lang),
                format_points(s.penalty, lang),
                format_points(s.total, lang),
                format_percent(s.index, lang),
                s.band.get(lang) if s.band is not None else render("result.no-band", None, lang),
                "; ".join(n for n in notes if n),
            ]
        )
    headers = [
        render(code, None, lang)
        for code in (
            "appraisal.stage",
            "comparison.appraisal",
            "result.survey",
            "result.bonus",
            "result.penalty",
            "result.total",
            "result.index",
            "result.band",
            "appraisal.notes",
        )
    ]
    align = ["left"] + ["right"] * 6 + ["left", "left"]
    table = Table(headers, rows, align, notes_from=8)
    return Section(render("appraisal.totals", None, lang), table=table)


def _by_field(ap: AppraisalStages, lang: str) -> Section:
    stages = _stages(ap)
    headers = [render("result.field", None, lang), render("result.max", None, lang)]
    headers += [render(f"appraisal.stage-{s}", None, lang) for s in stages]
    rows = [
        [f"{f.id}. {f.name.get(lang)}", format_points(f.max, lang)]
        + [_points(f.points[s], lang) for s in stages]
        for f in ap.fields
    ]
    table = Table(headers, rows, ["left"] + ["right"] * (1 + len(stages)))
    return Section(render("appraisal.by-field", None, lang), table=table)


def _value(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return render("appraisal.yes" if value else "appraisal.no", None, lang)
    return str(value)


def _change(change: InputChange, lang: str) -> str:
    """'Số TTHC được công khai đầy đủ, đúng hạn: 97 (xã kê khai 101)'."""
    args = {
        "label": change.label.get(lang),
        "value": _value(change.value, lang),
        "commune": _value(change.commune, lang) if change.commune is not None else "—",
    }
    return render("appraisal.input-change", args, lang)


def _decision_text(d: Decided, round_no: int, lang: str) -> str:
    args: dict[str, object] = {"round": round_no}
    if d.status == "points":
        args |= {"points": _points(d.points, lang), "why": d.reason or ""}
    elif d.status == "inputs":
        shown = "; ".join(_change(c, lang) for c in d.changes) or ", ".join(
            f"{k} = {v}" for k, v in d.inputs.items()
        )
        args |= {"inputs": shown, "why": d.reason or ""}
    elif d.status == "explain":
        provisional = (
            Phrase("appraisal.provisional", {"points": _points(d.points, lang)})
            if d.points is not None
            else ""
        )
        args |= {"ask": d.ask or "", "provisional": provisional}
    return render(f"appraisal.decision-{d.status}", args, lang)


def why(item: ItemStages, lang: str) -> str:
    """What was decided on ``item`` and why, round by round, with the answer between: the
    words of the terminal report and of the minutes."""
    parts = [_decision_text(item.round1, 1, lang)]
    if item.answer is not None:
        args = {
            "date": format_date(item.answer.date, lang),
            "text": item.answer.text,
            "claimed": Phrase("appraisal.answer-claimed", {"points": item.answer.claimed})
            if item.answer.claimed is not None
            else "",
        }
        code = "appraisal.answer-late" if item.answer.late else "appraisal.answer"
        parts.append(render(code, args, lang))
    if item.round2 is not None:
        parts.append(_decision_text(item.round2, 2, lang))
    return " ".join(parts)


def _items(ap: AppraisalStages, lang: str, detail: bool) -> Section:
    stages = _stages(ap)
    shown = [
        i
        for i in ap.items
        if detail
        or i.changed
        or i.round1.status != "agreed"
        or i.round2 is not None
        or (i.points.get("claimed") not in (None, i.points["computed"]))
    ]
    headers = [render("appraisal.item", None, lang), render("result.max", None, lang)]
    headers += [render(f"appraisal.stage-{s}", None, lang) for s in stages]
    headers.append(render("appraisal.why", None, lang))
    rows = [
        [i.id, format_points(i.max, lang)]
        + [_points(i.points[s], lang) for s in stages]
        + [why(i, lang)]
        for i in shown
    ]
    align = ["left"] + ["right"] * (1 + len(stages)) + ["left"]
    table = Table(headers, rows, align, notes_from=2 + len(stages))
    hidden = len(ap.items) - len(shown)
    lines = [render("appraisal.items-hidden", {"count": hidden}, lang)] if hidden else []
    return Section(render("appraisal.by-item", None, lang), lines=lines, table=table)


def _ledger(ap: AppraisalStages, lang: str) -> Section | None:
    if not ap.ledger:
        return None
    rows = [
        [
            render(f"result.{line.section}", None, lang),
            str(line.number),
            line.text,
            format_points(line.points, lang),
            render(f"appraisal.line-{line.round1}", None, lang),
            render(f"appraisal.line-{line.round2}", None, lang) if line.round2 else "—",
            line.reason or "",
        ]
        for line in ap.ledger
    ]
    headers = [
        "",
        "#",
        render("appraisal.line-text", None, lang),
        render("result.points", None, lang),
        render("appraisal.stage-round1", None, lang),
        render("appraisal.stage-final", None, lang),
        render("appraisal.why", None, lang),
    ]
    align = ["left", "right", "left", "right", "left", "left", "left"]
    return Section(
        render("appraisal.ledger", None, lang), table=Table(headers, rows, align, notes_from=6)
    )


def _published(ap: AppraisalStages, lang: str) -> Section:
    final = ap.stage("final")
    if final is None:
        line = render("appraisal.no-final", None, lang)
    elif not final.complete:
        args = {"count": final.open_count}
        line = render("appraisal.final-open", args, lang)
    else:
        band = final.band.get(lang) if final.band is not None else "—"
        own = ap.stage("claimed") or ap.stage("computed")
        assert own is not None, "every appraisal has its self-assessed stage"
        published = {
            "self": format_points(own.points, lang),
            "appraised": format_points(final.points, lang),
            "total": format_points(final.total, lang),
            "index": format_percent(final.index, lang),
            "band": band,
        }
        line = render("appraisal.final-published", published, lang)
    return Section("", lines=[line, render("appraisal.undecided-rule", None, lang)])


def sections(result: UnitResult, opts: Options) -> list[Section]:
    ap = result.appraisal
    assert ap is not None, "evaluate --appraisal"
    found = [
        _head(result, ap, opts.lang),
        _totals(ap, opts.lang),
        _published(ap, opts.lang),
        _by_field(ap, opts.lang),
        _items(ap, opts.lang, opts.detail),
        _ledger(ap, opts.lang),
    ]
    return [s for s in found if s is not None]


def _title(result: UnitResult, lang: str) -> str:
    return render("appraisal.title", {"year": result.year, "set": result.criteria.id}, lang)


def table(result: UnitResult, opts: Options) -> str:
    return render_sections(sections(result, opts), _title(result, opts.lang), False, opts.width)


def markdown(result: UnitResult, opts: Options) -> str:
    return render_sections(sections(result, opts), _title(result, opts.lang), True)
