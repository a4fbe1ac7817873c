"""Where an appraiser looks first (``parscore review``): the claims, documents, dates and
figures of one or more evidence files that most deserve a check, ranked by the points that
depend on them.

Each evidence file is read and checked through :mod:`parscore.loading` and scored by
:func:`parscore.engine.evaluate`; the parsed file (:class:`~parscore.yamlsource.Source`) is
kept only to place each finding at its line and column. The kinds of finding, why each is
worth a look and how its points at stake are counted are in docs/review.md:

- ``claim-above``: the commune claims more than its evidence gives (stake: the difference);
- ``no-evidence``: points claimed with no document and no explanation (stake: the claim);
- ``document-type``: none of an item's documents is of a type the set asks for
  (``document_types``), e.g. a report (BC) where a plan (KH) is required;
- ``date-after-assessment``, ``date-outside-window``, ``date-sunday``, ``date-holiday``: a
  document's (or a typed input's) date after the assessment, outside the evidence window, on a
  Sunday, or on a public holiday or official day off (``parscore/data/holidays-vn.yaml``);
- ``number-conflict``: one document number of one issuer cited with different dates or titles,
  in one file or across the files reviewed together;
- ``figures-disagree``: inputs the set says must agree (``agree:``) that do not;
- ``jump-index``, ``jump-field``: with last year's files, a rise of the index by more than the
  threshold, or of a field's share by at least :data:`FIELD_JUMP` percentage points.

An item's stake, unless said otherwise, is the points riding on it: the claimed score when the
commune gives one, else the computed points.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from parscore import yamlsource
from parscore.calendar_vn import document_type, holiday, holiday_years, is_numbered
from parscore.decimals import percent
from parscore.engine import evaluate
from parscore.errors import InputError, KeyPath, Problem, Severity, UsageError
from parscore.loading import (
    NOT_EVIDENCE,
    CriteriaResolver,
    document_kind,
    evidence_base,
    evidence_from_source,
    evidence_source,
)
from parscore.messages import Phrase, reason
from parscore.model.checked import CheckedEvidence
from parscore.model.common import comparable
from parscore.model.evidence import Document
from parscore.model.result import NodeResult, UnitResult
from parscore.model.review import Finding, Review
from parscore.model.setlevel import NATIONAL_WINDOW
from parscore.yamlsource import Source

#: A rise of the index by more than this many points over last year is flagged (the default
#: of ``--jump``). Published yearly tables move a province's mean by a few points (Bình Dương
#: communes 2017: +7.27) and its largest riser by some twenty-five (+25.9); 15 points, twice that
#: mean change, is a signal to look at the evidence behind the rise, not a verdict.
JUMP_THRESHOLD = Decimal(15)
#: A field whose share of its applicable maximum rose by at least this many percentage points.
FIELD_JUMP = Decimal(50)


@dataclass
class _Reviewed:
    """One evidence file read, checked and scored, with its parsed text for positions."""

    src: Source
    checked: CheckedEvidence
    result: UnitResult
    leaves: dict[str, NodeResult] = field(default_factory=dict)

    def line_stake(self, section: str, index: int) -> Decimal:
        """The points of the ``index``-th bonus or penalty line of the file."""
        ledger = self.result.bonus if section == "bonus" else self.result.penalty
        lines = [line for line in ledger.lines if line.source == "evidence"]
        return lines[index].points if index < len(lines) else Decimal(0)

    def stake(self, node_id: str) -> Decimal:
        node = self.leaves.get(node_id)
        if node is None:
            return Decimal(0)
        return node.claimed if node.claimed is not None else node.points


def _leaves(nodes: Iterable[NodeResult]) -> Iterator[NodeResult]:
    for node in nodes:
        if node.children:
            yield from _leaves(node.children)
        else:
            yield node


def read(path: Path, resolver: CriteriaResolver, *, named: bool = True) -> _Reviewed | None:
    """An evidence file, checked and scored; None for a criteria set found in a folder."""
    src = evidence_source(path, resolver.limits)  # a commune folder or a workbook
    if src is None:
        data = yamlsource.read_bytes(path, resolver.limits)
        src = yamlsource.load_bytes(data, yamlsource.display_name(path), resolver.limits)
        kind = document_kind(src.data)
        if kind not in ("evidence", None):  # a criteria set, an appraisal, an explanation
            if named:
                code = "review.not-evidence" if kind in ("appraisal", "explanation") else None
                code = code or NOT_EVIDENCE[kind or ""]
                raise UsageError(code, path=src.display, format=src.data.get("format"))
            return None
    checked = evidence_from_source(src, resolver, base=evidence_base(path))
    result = evaluate(checked)
    nodes = list(result.fields) + ([result.survey] if result.survey else [])
    return _Reviewed(src, checked, result, {n.id: n for n in _leaves(nodes)})


def _finding(
    r: _Reviewed,
    kind: str,
    keys: KeyPath,
    item: str | None,
    stake: Decimal,
    code: str,
    prefer_key: bool,
    args: dict[str, Any],
) -> Finding:
    """A finding placed at ``keys`` of the file ``r`` (or the office file or workbook cell that
    gave it)."""
    place = r.src.problem(code, keys, prefer_key=prefer_key)
    return Finding(
        kind=kind,  # type: ignore[arg-type]
        file=place.file,
        line=place.line,
        column=place.column,
        cell=place.cell or None,
        unit=r.checked.evidence.unit.name,
        item=item,
        stake=stake,
        reason=reason(code, args),
    )


class _Finder:
    """The findings of one file (and, across files, of document numbers)."""

    def __init__(self, reviewed: _Reviewed):
        self.r = reviewed
        self.found: list[Finding] = []

    def add(
        self,
        kind: str,
        keys: KeyPath,
        item: str | None,
        stake: Decimal,
        code: str,
        *,
        prefer_key: bool = False,
        **args: Any,
    ) -> None:
        self.found.append(_finding(self.r, kind, keys, item, stake, code, prefer_key, args))

    def run(self) -> list[Finding]:
        self.claims()
        self.number_forms()
        self.document_types()
        self.dates()
        self.agreements()
        return self.found

    def claims(self) -> None:
        for node_id, item in self.r.checked.evidence.items.items():
            node = self.r.leaves.get(node_id)
            if node is None or item.claimed is None:
                continue
            bare = not item.documents and item.explanation is None
            if bare and item.nothing_occurred is None and item.claimed > 0:
                self.add(
                    "no-evidence",
                    ("items", node_id),
                    node_id,
                    item.claimed,
                    "review.no-evidence",
                    prefer_key=True,
                    id=node_id,
                    claimed=item.claimed,
                )
            elif item.claimed > node.points:
                self.add(
                    "claim-above",
                    ("items", node_id, "claimed"),
                    node_id,
                    item.claimed - node.points,
                    "review.claim-above",
                    id=node_id,
                    claimed=item.claimed,
                    points=node.points,
                )

    def number_forms(self) -> None:
        """Document numbers not in the form số/ký hiệu (``10/KH-UBND``): a number typed another
        way cannot be looked up, and says no type (``document-type`` passes it by)."""
        for node_id, item in self.r.checked.evidence.items.items():
            for index, doc in enumerate(item.documents):
                if doc.number is None or is_numbered(doc.number):
                    continue
                self.add(
                    "number-form",
                    ("items", node_id, "documents", index, "number"),
                    node_id,
                    self.r.stake(node_id),
                    "review.number-form",
                    id=node_id,
                    number=doc.number,
                )

    def document_types(self) -> None:
        nodes = self.r.checked.criteria.node_map
        for node_id, item in self.r.checked.evidence.items.items():
            node = nodes.get(node_id)
            if node is None or not node.document_types or not item.documents:
                continue
            types = [document_type(d.number) for d in item.documents]
            if any(t in node.document_types for t in types):
                continue
            misfit = next((i for i, t in enumerate(types) if t is not None), None)
            if misfit is None:
                continue  # no number says its type: nothing to compare
            self.add(
                "document-type",
                ("items", node_id, "documents", misfit, "number"),
                node_id,
                self.r.stake(node_id),
                "review.document-type",
                id=node_id,
                number=item.documents[misfit].number,
                type=Phrase(f"doc-type.{types[misfit]}"),
                expected=", ".join(node.document_types),
            )

    def dates(self) -> None:
        """Each date finding once per file: a date cited by several items (one report in
        five, a date typed as an input and on its document) is one finding at its first
        place, naming every item, its stake the sum of theirs (each item counted once)."""
        ev = self.r.checked.evidence
        cited: list[tuple[dt.date, KeyPath, str, tuple[Any, ...], Decimal]] = []
        keys: KeyPath
        for node_id, item in ev.items.items():
            stake = self.r.stake(node_id)
            for name, value in self.r.checked.inputs.get(node_id, {}).items():
                if isinstance(value, dt.date):
                    cited.append((value, ("items", node_id, name), node_id, (node_id,), stake))
            for index, doc in enumerate(item.documents):
                if doc.date is not None:
                    keys = ("items", node_id, "documents", index, "date")
                    cited.append((doc.date, keys, node_id, (node_id,), stake))
        for section in ("bonus", "penalty"):
            for index, entry in enumerate(getattr(ev, section)):
                stake = self.r.line_stake(section, index)
                for number, doc in enumerate(entry.documents):
                    if doc.date is not None:
                        keys = (section, index, "documents", number, "date")
                        cited.append((doc.date, keys, section, (section, index), stake))
        groups: dict[tuple[str, dt.date], list[tuple[KeyPath, str, tuple[Any, ...], Decimal]]]
        groups = {}
        codes: dict[tuple[str, dt.date], tuple[str, dict[str, Any]]] = {}
        for day, where, cites_it, who, stake in cited:
            for kind, code, args in self.day(day):
                groups.setdefault((kind, day), []).append((where, cites_it, who, stake))
                codes[(kind, day)] = (code, args)
        order = {node_id: n for n, node_id in enumerate(self.r.checked.criteria.leaf_ids)}
        for (kind, day), cites in groups.items():
            code, args = codes[(kind, day)]
            # in the set's order, whatever order the file (or workbook, or folder) gives them
            cites.sort(key=lambda c: (order.get(c[1], len(order)), c[2]))
            stakes = {who: stake for _, _, who, stake in cites}  # an item counted once
            items = ", ".join(dict.fromkeys(item for _, item, _, _ in cites))
            self.add(kind, cites[0][0], items, sum(stakes.values(), Decimal(0)), code, **args)

    def day(self, day: dt.date) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """What is odd about a date: (kind, message code, its arguments)."""
        ev, cs = self.r.checked.evidence, self.r.checked.criteria
        assessed = ev.assessment.date if ev.assessment is not None else None
        if assessed is not None and day > assessed:
            yield (
                "date-after-assessment",
                "review.date-after-assessment",
                {"date": day, "assessed": assessed},
            )
        start, end = (cs.evidence_window or NATIONAL_WINDOW).dates(ev.year)
        if not start <= day <= end:
            args = {"date": day, "start": start, "end": end}
            yield "date-outside-window", "review.date-outside-window", args
        off = holiday(day)
        if off is not None:
            yield (
                "date-holiday",
                "review.date-holiday",
                {"date": day, "holiday": Phrase(f"holiday.{off}")},
            )
        elif day.weekday() == 6:
            yield "date-sunday", "review.date-sunday", {"date": day}

    def agreements(self) -> None:
        inputs = self.r.checked.inputs
        for agreement in self.r.checked.criteria.agree:
            refs = [ref.rpartition(".") for ref in agreement.inputs]
            given = [inputs.get(node_id, {}).get(name) for node_id, _, name in refs]
            values: list[Any] = [v for v in given if v is not None]
            if len(values) < len(given):
                continue  # an input not given: nothing to compare
            if agreement.relation == "equal":
                bad = next((i for i in range(1, len(values)) if values[i] != values[0]), None)
            else:
                bad = next((i for i in range(1, len(values)) if values[i - 1] > values[i]), None)
            if bad is None:
                continue
            node_id, _, name = refs[bad]
            shown = "; ".join(
                f"{ref} = {v}" for ref, v in zip(agreement.inputs, values, strict=True)
            )
            stake = sum((self.r.stake(n) for n in dict.fromkeys(r[0] for r in refs)), Decimal(0))
            self.add(
                "figures-disagree",
                ("items", node_id, name),
                node_id,
                stake,
                f"review.figures-{agreement.relation.replace('_', '-')}",
                name={"vi": agreement.name.vi, "en": agreement.name.en or agreement.name.vi},
                values=shown,
            )


# --- one document number, cited with different dates or titles ----------------------------------


@dataclass(frozen=True)
class _Citation:
    reviewed: _Reviewed
    keys: KeyPath
    item: str
    stake: Decimal
    number: str
    date: dt.date | None
    title: str | None


def _citations(r: _Reviewed) -> Iterator[tuple[tuple[str, ...], _Citation]]:
    """Every document with a number, keyed by its number and issuer; a document naming no
    issuer is the unit's own (compared within its file only)."""
    ev = r.checked.evidence
    own = ("own", r.src.display)
    places: list[tuple[KeyPath, str, Decimal, list[Document]]] = [
        (("items", node_id), node_id, r.stake(node_id), item.documents)
        for node_id, item in ev.items.items()
    ]
    for section in ("bonus", "penalty"):
        for index, entry in enumerate(getattr(ev, section)):
            stake = r.line_stake(section, index)
            places.append(((section, index), section, stake, entry.documents))
    for keys, item, stake, docs in places:
        for index, doc in enumerate(docs):
            if doc.number is None:
                continue
            number = comparable(doc.number).replace(" ", "").replace("đ", "d")  # QĐ typed QD
            issuer = ("issuer", _title_words(doc.issuer)) if doc.issuer else own
            where = keys + ("documents", index)
            citation = _Citation(r, where, item, stake, doc.number, doc.date, doc.title)
            yield (number, *issuer), citation


#: Abbreviations titles are written with and without: compared spelled out.
_SPELLED = {
    "cchc": "cải cách hành chính",
    "tthc": "thủ tục hành chính",
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "kt-xh": "kinh tế - xã hội",
}


def _title_words(title: str) -> str:
    """A title as compared: without what it says in parentheses, abbreviations spelled out."""
    words = re.sub(r"\([^)]*\)", " ", comparable(title)).replace("ỷ", "ủy").split()
    return " ".join(_SPELLED.get(w.strip(".,;:()'\"“”"), w) for w in words)


def _same_title(a: str | None, b: str | None) -> bool:
    """Titles agree when either is missing or one holds the other, abbreviations spelled out
    ("Kế hoạch CCHC năm 2023" and "Quyết định ban hành Kế hoạch cải cách hành chính năm 2023"
    may cite one document)."""
    if a is None or b is None:
        return True
    x, y = _title_words(a), _title_words(b)
    return x in y or y in x


def _short_place(place: Problem) -> str:
    """Where the first citation is, inside a finding's reason: ``file:line`` or, in a
    workbook, ``file: Sheet!F14``."""
    return f"{place.file}: {place.cell}" if place.cell else f"{place.file}:{place.line}"


def _places(citations: Iterable[_Citation]) -> str:
    return ", ".join(
        dict.fromkeys(
            _short_place(c.reviewed.src.problem("review.number-date", c.keys)) for c in citations
        )
    )


def _stake(citations: Iterable[_Citation]) -> Decimal:
    """The points riding on some citations: each item of each file counted once."""
    stakes = {(id(c.reviewed), c.item, c.keys[:2]): c.stake for c in citations}
    return sum(stakes.values(), Decimal(0))


def _items(citations: Iterable[_Citation]) -> str:
    return ", ".join(dict.fromkeys(c.item for c in citations))


def _year_groups(citations: list[_Citation]) -> list[list[_Citation]]:
    """Citations of one number that may be one document: numbers start again from 01 every
    1 January (Nghị định 30/2020/NĐ-CP), so dated citations are grouped by their year; an
    undated one joins every group."""
    years = sorted({c.date.year for c in citations if c.date is not None})
    undated = [c for c in citations if c.date is None]
    if not years:
        return [undated]
    return [[c for c in citations if c.date is None or c.date.year == y] for y in years]


def _conflict(group: list[_Citation]) -> Finding | None:
    """One finding for one document cited inconsistently, placed at the citation that differs
    from the others and naming every citation.

    Dates: the date most citations give is taken as the document's (on a tie, the first
    cited); the finding is at the first citation of another date, its stake that of every
    citation of another date. Titles are free text (a decision described once by its kind,
    once by what it decides), so a difference of title alone is the weaker signal: compared
    only between citations of one date, and ranked after the findings on dates and figures
    (:func:`_rank`). When both differ, the finding says both."""
    dated = [(c, c.date) for c in group if c.date is not None]
    counts: dict[dt.date, int] = {}
    for _, day in dated:
        counts[day] = counts.get(day, 0) + 1
    if len(counts) > 1:
        best = max(counts.values())
        usual = next(day for _, day in dated if counts[day] == best)
        odd = [c for c, day in dated if day != usual]
        agreeing = [c for c in group if c.date == usual or c.date is None]
        first = odd[0]
        other_titles = [c.title for c in agreeing if not _same_title(first.title, c.title)]
        titles: Any = ""
        if other_titles:
            titles = Phrase(
                "review.number-also-title", {"title": first.title, "first_title": other_titles[0]}
            )
        return _finding(
            first.reviewed,
            "number-conflict",
            first.keys + ("date",),
            _items(odd),
            _stake(odd),
            "review.number-date",
            False,
            {
                "number": first.number,
                "date": first.date,
                "here": _places(odd),
                "first_date": usual,
                "where": _places(c for c in agreeing),
                "titles": titles,
            },
        )
    reference = group[0]
    odd = [c for c in group[1:] if not _same_title(reference.title, c.title)]
    if not odd:
        return None
    first = odd[0]
    agreeing = [c for c in group if c not in odd]
    return _finding(
        first.reviewed,
        "number-conflict",
        first.keys + ("title",),
        _items(odd),
        _stake(odd),
        "review.number-title",
        False,
        {
            "number": first.number,
            "title": first.title or "",
            "first_title": reference.title or "",
            "here": _places(odd),
            "where": _places(agreeing),
        },
    )


def number_conflicts(files: list[_Reviewed]) -> list[Finding]:
    """One finding per document number (of one issuer, one year) cited with different dates or
    titles, in one file or across the files reviewed (:func:`_conflict`)."""
    cited: dict[tuple[str, ...], list[_Citation]] = {}
    for r in files:
        for key, citation in _citations(r):
            cited.setdefault(key, []).append(citation)
    found: list[Finding] = []
    for citations in cited.values():
        for group in _year_groups(citations):
            if len(group) > 1 and (finding := _conflict(group)) is not None:
                found.append(finding)
    return found


def _rank(finding: Finding) -> tuple[Any, ...]:
    """Most points at stake first; a difference of title alone after the rest (titles are free
    text), findings worth no points last; then by place."""
    weak = finding.reason.code == "review.number-title"
    place = (finding.file, finding.line, finding.column, finding.kind)
    return (finding.stake == 0, weak, -finding.stake, *place)


# --- last year ------------------------------------------------------------------------------


def _identity(result: UnitResult) -> tuple[str, ...]:
    unit = result.unit
    if unit.code:
        return ("code", comparable(unit.code))
    return ("name", comparable(unit.name), *(comparable(p.name) for p in unit.parents))


def jumps(files: list[_Reviewed], previous: list[UnitResult], threshold: Decimal) -> list[Finding]:
    before = {_identity(p): p for p in previous}
    found: list[Finding] = []
    for r in files:
        last = before.get(_identity(r.result))
        if last is None or last.year >= r.result.year:
            continue
        finder = _Finder(r)
        now, then = r.result.totals, last.totals
        rise = now.index - then.index
        if rise > threshold:
            finder.add(
                "jump-index",
                ("year",),
                None,
                # last year's index is the share comparable across sets (a set may change its
                # maximum): the points of this year's total above that share
                now.total - then.index * now.applicable_max / 100,
                "review.jump-index",
                year=last.year,
                before=then.index,
                now=now.index,
                rise=rise,
                threshold=threshold,
            )
        old_fields = {f.id: f for f in last.fields}
        for f in r.result.fields:
            old = old_fields.get(f.id)
            if old is None or f.applicable_max <= 0 or old.applicable_max <= 0:
                continue
            share_now = percent(f.points, f.applicable_max)
            share_then = percent(old.points, old.applicable_max)
            if share_now - share_then >= FIELD_JUMP:
                first = next((n.id for n in _leaves([f]) if n.id in r.checked.evidence.items), None)
                keys: KeyPath = ("items", first) if first else ("year",)
                finder.add(
                    "jump-field",
                    keys,
                    f.id,
                    f.points - old.points * f.applicable_max / old.applicable_max,
                    "review.jump-field",
                    prefer_key=first is not None,
                    id=f.id,
                    name={"vi": f.name.vi, "en": f.name.en or f.name.vi},
                    year=last.year,
                    before=share_then,
                    now=share_now,
                )
        found.extend(finder.found)
    return found


# --- the whole run --------------------------------------------------------------------------


@dataclass
class ReviewRun:
    review: Review
    problems: list[Problem]
    read: list[Path]


def _read_all(
    paths: Iterable[Path], resolver: CriteriaResolver
) -> tuple[list[_Reviewed], list[Problem], list[str], list[Path]]:
    from parscore.batch import find_files, not_score_sheet

    found = find_files(paths)  # compare's finding, and its skipping: see below
    reviewed: list[_Reviewed] = []
    problems = list(found.problems)
    left_out: list[str] = []
    for path in found.files:
        try:
            r = read(path, resolver, named=str(path) in found.named)
        except InputError as exc:
            if not_score_sheet(exc) and str(path) not in found.named:
                continue  # another workbook found beside the files (a survey table): as compare
            problems.extend(exc.problems)
            left_out.append(yamlsource.display_name(path))
            continue
        if r is not None:
            problems.extend(r.checked.warnings)
            reviewed.append(r)
    return reviewed, problems, left_out, found.files


def _previous(
    paths: Iterable[Path], resolver: CriteriaResolver
) -> tuple[list[UnitResult], list[Problem], list[str], list[Path]]:
    """Last year's results: evidence files (scored here) or ``evaluate --format json``
    results; with the problems of those that cannot be read, and their names."""
    results: list[UnitResult] = []
    problems: list[Problem] = []
    left_out: list[str] = []
    files: list[Path] = []
    yaml_paths: list[Path] = []
    for path in paths:
        if path.suffix.lower() != ".json" or not path.is_file():
            yaml_paths.append(path)
            continue
        files.append(path)
        display = yamlsource.display_name(path)
        try:
            data = yamlsource.read_bytes(path, resolver.limits)
            results.append(UnitResult.model_validate_json(data))
        except InputError as exc:
            problems.extend(exc.problems)
            left_out.append(display)
        except ValueError:  # not a result (pydantic's ValidationError is a ValueError)
            problems.append(Problem("review.previous-not-result", {}, display))
            left_out.append(display)
    if yaml_paths:
        reviewed, more, out, read_files = _read_all(yaml_paths, resolver)
        results.extend(r.result for r in reviewed)
        problems.extend(p for p in more if p.severity.value == "error")
        left_out.extend(out)
        files.extend(read_files)
    return results, problems, left_out, files


def _previous_unused(
    files: list[_Reviewed], before: list[UnitResult], paths: list[Path]
) -> list[Problem]:
    """A warning when ``--previous`` gave nothing to compare with: no result could be read
    from it (an empty folder), or none is of a unit reviewed here, in an earlier year. Without
    it, no finding of a rise reads as "no rise"."""
    shown = ", ".join(yamlsource.display_name(p) for p in paths)
    if not before:
        return [Problem("review.previous-none", {}, shown, severity=Severity.WARNING)]
    earlier = {_identity(p): p.year for p in before}
    if any(earlier.get(_identity(r.result), r.result.year) < r.result.year for r in files):
        return []
    count = {"count": len(before)}
    return [Problem("review.previous-unmatched", count, shown, severity=Severity.WARNING)]


def review_paths(
    paths: Iterable[Path],
    resolver: CriteriaResolver | None = None,
    *,
    previous: Iterable[Path] = (),
    threshold: Decimal = JUMP_THRESHOLD,
) -> ReviewRun:
    """Review every evidence file given or found below a folder; with ``previous``, compare
    each commune with last year's file or result of the same unit."""
    resolver = resolver or CriteriaResolver()
    files, problems, left_out, read_paths = _read_all(paths, resolver)
    findings: list[Finding] = []
    for r in files:
        findings.extend(_Finder(r).run())
    findings.extend(number_conflicts(files))
    previous = list(previous)
    before: list[UnitResult] = []
    if previous:
        before, more, out, more_read = _previous(previous, resolver)
        problems.extend(more)
        left_out = left_out + out
        read_paths = read_paths + more_read
        findings.extend(jumps(files, before, threshold))
        problems.extend(_previous_unused(files, before, previous))
    findings.sort(key=_rank)
    review = Review(
        files=[r.src.display for r in files],
        previous=[yamlsource.display_name(p) for p in previous],
        jump_threshold=threshold,
        holiday_years=holiday_years(),
        findings=findings,
        left_out=left_out,
    )
    return ReviewRun(review, problems, read_paths)
