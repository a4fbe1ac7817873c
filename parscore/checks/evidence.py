"""Checks of an evidence file against its criteria set: ids known to the set and in their
section, inputs that fit their rule (converted to their types), claims within the maximum,
"nothing occurred" where the set allows it, bonus and penalty lines with a ledger, documents
dated in the year; blank optional text is warned about."""

from __future__ import annotations

import datetime as dt
import difflib
from decimal import Decimal
from typing import Any

from pydantic_core import PydanticCustomError

from parscore.errors import InputError, KeyPath, Problem, Severity
from parscore.messages import closest, suggestion
from parscore.model.checked import CheckedEvidence, context_for
from parscore.model.common import found, is_blank, number_problem, parse_date
from parscore.model.criteria import CriteriaSet, LedgerRule
from parscore.model.evidence import Document, Evidence, Item, LedgerEntry
from parscore.model.setlevel import NATIONAL_WINDOW
from parscore.rules import RESERVED_KEYS, InputSpec
from parscore.yamlsource import Source


def convert_input(spec: InputSpec, value: Any) -> tuple[Any, str | None, dict[str, Any]]:
    """(converted value, problem code or None, args)."""
    if spec.type == "bool":
        if isinstance(value, bool):
            return value, None, {}
        return None, "value.expected-bool", {"found": found(value)}
    if spec.type == "date":
        try:
            return parse_date(value), None, {}
        except PydanticCustomError as exc:  # not a date, or no such day
            return None, exc.type, {"value": value}
    if spec.type == "choice":
        if isinstance(value, str) and value in spec.choices:
            return value, None, {}
        return None, "value.choice", {"value": value, "choices": ", ".join(spec.choices)}
    if spec.type == "count":
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0:
                return None, "value.negative", {"value": value}
            return value, None, {}
        code, args = number_problem(value, integer=True)
        return None, code, args
    # number, points, percent
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        number = Decimal(value)
        if number < 0:
            return None, "value.negative", {"value": value}
        if spec.type == "percent" and number > 100:
            return None, "evidence.percent-over-100", {"value": value}
        return number, None, {}
    code, args = number_problem(value, integer=False)
    return None, code, args


#: The 2025 reform (1/7/2025): the assessment years from 2025 are of the new units.
REFORM_YEAR = 2025
NEW_KINDS = frozenset({"đặc khu"})
GONE_KINDS = frozenset({"thị trấn", "huyện", "thị xã", "thành phố"})


def kind_problem(kind: str, year: int) -> str | None:
    """The message code when a unit of ``kind`` cannot be assessed for ``year``: đặc khu before
    2025, thị trấn and the district-level kinds from 2025 (the 2025 assessment is made after
    1/7/2025, of the new units)."""
    if year < REFORM_YEAR and kind in NEW_KINDS:
        return "evidence.kind-not-yet"
    if year >= REFORM_YEAR and kind in GONE_KINDS:
        return "evidence.kind-gone"
    return None


# optional texts of an evidence file: blank ones count as not given, with a warning
_ITEM_TEXTS = ("explanation", "nothing_occurred", "note")
_DOCUMENT_TEXTS = ("number", "issuer", "title", "section")


class _EvidenceChecker:
    def __init__(self, src: Source, cs: CriteriaSet, ev: Evidence, *, blank_texts: bool = True):
        self.src = src
        self.cs = cs
        self.ev = ev
        self.problems: list[Problem] = []
        self.inputs: dict[str, dict[str, Any]] = {}
        self.nodes = cs.node_map  # made once per set
        self.survey_ids = cs.survey_ids
        self.leaf_ids = cs.leaf_ids
        self.specs = cs.input_specs
        self.window = (cs.evidence_window or NATIONAL_WINDOW).dates(ev.year)
        self.look_for_blank_texts = blank_texts

    def add(
        self,
        code: str,
        keys: KeyPath,
        *,
        prefer_key: bool = False,
        warning: bool = False,
        **args: Any,
    ) -> None:
        severity = Severity.WARNING if warning else Severity.ERROR
        self.problems.append(
            self.src.problem(code, keys, prefer_key=prefer_key, severity=severity, **args)
        )

    def run(self) -> None:
        ev, cs = self.ev, self.cs
        if self.look_for_blank_texts:
            self.blank_texts()
        if ev.year != cs.year:
            self.add(
                "evidence.year-mismatch",
                ("year",),
                warning=True,
                year=ev.year,
                set=cs.id,
                set_year=cs.year,
            )
        self.unit_kind()
        self.facts()
        levels = [p.level for p in ev.unit.parents]
        for index, level in enumerate(levels):
            if level in levels[:index]:
                self.add(
                    "evidence.duplicate-parent-level",
                    ("unit", "parents", index, "level"),
                    level=level,
                )
        for section, items in (("items", ev.items), ("survey", ev.survey)):
            for node_id, item in items.items():
                self.item(section, node_id, item)
        self.plan_tasks()
        for section, entries, ledger in (
            ("bonus", ev.bonus, cs.bonus),
            ("penalty", ev.penalty, cs.penalty),
        ):
            for index, entry in enumerate(entries):
                if ledger is None:
                    self.add(f"evidence.{section}-without-ledger", (section, index), set=cs.id)
                else:
                    self.ledger_entry((section, index), entry, ledger)
                self.documents((section, index), entry.documents)

    def plan_tasks(self) -> None:
        """The commune's own year plan, listed as ``plan_tasks`` (under 1.1.2 or 1.1.3): every
        sub-criterion a task serves is one of the set's; the scored sub-criteria that no task
        serves are warned about, once, at the first list (an empty list too: a plan with no
        task covers nothing)."""
        listed = [
            (node_id, item)
            for node_id, item in self.ev.items.items()
            if "plan_tasks" in item.model_fields_set
        ]
        if not listed:
            return
        from parscore.plan_year import uncovered

        served: list[str] = []
        for node_id, item in listed:
            for t, task in enumerate(item.plan_tasks):
                for s, ref in enumerate(task.serves):
                    if ref in self.nodes:
                        served.append(ref)
                        continue
                    best = difflib.get_close_matches(ref, list(self.nodes), n=1, cutoff=0.6)
                    where: KeyPath = ("items", node_id, "plan_tasks", t, "serves", s)
                    args = {"id": ref, "set": self.cs.id, **suggestion(best[0] if best else None)}
                    self.add("evidence.plan-unknown-item", where, **args)
        missing = uncovered(self.cs, served)
        if missing:
            listing = ", ".join(missing)
            self.add(
                "evidence.plan-uncovered",
                ("items", listed[0][0], "plan_tasks"),
                prefer_key=True,
                warning=True,
                count=len(missing),
                listing=listing,
            )

    def ledger_entry(self, path: KeyPath, entry: LedgerEntry, ledger: LedgerRule) -> None:
        """A bonus or penalty line: its kind one the set lists, and points it gives or gets
        from its kind or the ledger."""
        kind = None
        if entry.kind is not None:
            kind = ledger.kind(entry.kind)
            if kind is None and not ledger.kinds:
                self.add("evidence.ledger-without-kinds", path + ("kind",), section=path[0])
                return
            if kind is None:
                known = [k.id for k in ledger.kinds]
                best = difflib.get_close_matches(entry.kind, known, n=1, cutoff=0.6)
                self.add(
                    "evidence.unknown-ledger-kind",
                    path + ("kind",),
                    kind=entry.kind,
                    section=path[0],
                    known=", ".join(known),
                    **suggestion(best[0] if best else None),
                )
                return
        each = kind.points_each if kind is not None else None
        if entry.points is None and each is None and ledger.points_each is None:
            missing = "kind" if ledger.kinds and entry.kind is None else "points"
            self.add("value.missing", path, key=missing)

    def unit_kind(self) -> None:
        """Unit kinds follow the assessment year: the 2025 reform (1/7/2025) made the commune
        level xã, phường and đặc khu, and ended thị trấn and the district level. An assessment
        of 2025 or later is of the new units; a district named then is the former district."""
        kind, year = self.ev.unit.kind, self.ev.year
        code = kind_problem(kind, year)
        if code is not None:
            self.add(code, ("unit", "kind"), kind=kind, year=year)
        for index, parent in enumerate(self.ev.unit.parents):
            if year >= REFORM_YEAR and parent.level == "district":
                here = ("unit", "parents", index, "name")
                self.add("evidence.former-district", here, warning=True, name=parent.name)

    def facts(self) -> None:
        """A set whose bands look at discipline needs the file to state it."""
        stated = self.ev.facts.discipline if self.ev.facts is not None else None
        bands = [b for b in self.cs.bands if any(c.discipline_at_least for c in b.not_when)]
        if stated is None and bands:
            name = bands[-1].name
            self.add(
                "evidence.facts-missing",
                ("facts",) if self.ev.facts is not None else (),
                warning=True,
                set=self.cs.id,
                band={"vi": name.get("vi"), "en": name.get("en")},
            )

    def blank_texts(self) -> None:
        """Warn where optional text holds nothing to read (spaces, a zero-width space): the
        models count it as not given, and the clerk should know why an explanation or a
        document number they see as typed does not count."""
        data = self.src.data

        def check(mapping: Any, path: KeyPath, keys: tuple[str, ...]) -> None:
            if not isinstance(mapping, dict):
                return
            for key in keys:
                value = mapping.get(key)
                if isinstance(value, str) and is_blank(value):
                    self.add("evidence.blank-text", path + (key,), warning=True, key=key)
            documents = mapping.get("documents")
            if isinstance(documents, list):
                for index, doc in enumerate(documents):
                    check(doc, path + ("documents", index), _DOCUMENT_TEXTS)

        check(data, (), ("notes",))
        check(data.get("assessment"), ("assessment",), ("by",))
        for section in ("items", "survey"):
            items = data.get(section)
            if isinstance(items, dict):
                for node_id, item in items.items():
                    check(item, (section, node_id), _ITEM_TEXTS)
        for section in ("bonus", "penalty"):
            entries = data.get(section)
            if isinstance(entries, list):
                for index, entry in enumerate(entries):
                    check(entry, (section, index), ())

    def item(self, section: str, node_id: str, item: Item) -> None:
        path: KeyPath = (section, node_id)
        node = self.nodes.get(node_id)
        if node is None:
            best = difflib.get_close_matches(node_id, self.leaf_ids, n=1, cutoff=0.6)
            self.add(
                "evidence.unknown-id",
                path,
                prefer_key=True,
                id=node_id,
                set=self.cs.id,
                **suggestion(best[0] if best else None),
            )
            return
        if not node.is_leaf:
            children = ", ".join(n.id for n in node.walk() if n.is_leaf)
            self.add("evidence.not-scored", path, prefer_key=True, id=node_id, children=children)
            return
        in_survey = node_id in self.survey_ids
        if section == "items" and in_survey:
            self.add("evidence.survey-in-items", path, prefer_key=True, id=node_id)
            return
        if section == "survey" and not in_survey:
            self.add("evidence.item-in-survey", path, prefer_key=True, id=node_id)
            return
        kind = node.kind
        specs = self.specs[node_id]  # the rule's inputs by name, made once per set
        values: dict[str, Any] = {}
        ok = True
        for key, raw in (item.model_extra or {}).items():  # the inputs, as Item.inputs
            spec = specs.get(key)
            if spec is None and key.isdigit():
                # inside { } a comma separates entries: "percent: 92,5" became 92 and a key "5"
                self.add("value.comma-in-braces", path + (key,), prefer_key=True, digits=key)
                ok = False
                continue
            if spec is None:
                guess = closest(key, sorted(specs) + sorted(RESERVED_KEYS))
                self.add(
                    "evidence.unknown-input",
                    path + (key,),
                    prefer_key=True,
                    key=key,
                    id=node_id,
                    kind=kind.name,
                    expected=", ".join(specs),
                    **suggestion(guess),
                )
                ok = False
                continue
            if raw is None:  # left empty, as templates leave it: not given
                continue
            value, code, args = convert_input(spec, raw)
            if code is not None:
                if code == "value.choice" and spec.unknown_choice is not None:
                    code, args = spec.unknown_choice, {**args, "id": node_id}
                self.add(code, path + (key,), **args)
                ok = False
                continue
            values[key] = value
        if item.claimed is not None and item.claimed > node.max:
            self.add(
                "evidence.claimed-over-max", path + ("claimed",), value=item.claimed, max=node.max
            )
        if item.nothing_occurred is not None:
            if node.when_nothing_occurred is None:
                self.add(
                    "evidence.nothing-not-allowed",
                    path + ("nothing_occurred",),
                    prefer_key=True,
                    id=node_id,
                )
                ok = False
            elif values:
                self.add(
                    "evidence.nothing-with-inputs",
                    path + ("nothing_occurred",),
                    prefer_key=True,
                    inputs=", ".join(values),
                )
                ok = False
        self.documents(path, item.documents)
        if not ok:
            return
        ctx = context_for(self.ev, item)
        for problem in kind.check_inputs(node.rule, values, node.max, ctx):
            here = path + (problem.key,)
            self.add(problem.code, here, warning=problem.warning, **{"id": node_id, **problem.args})
            ok = ok and problem.warning
        if ok:
            self.inputs[node_id] = values
            self.input_dates(path, values)

    def input_dates(self, path: KeyPath, values: dict[str, Any]) -> None:
        """A date typed as an input (a report's date sent, a day done) outside the year's
        evidence window is warned about, as a document's date is."""
        for name, value in values.items():
            if isinstance(value, dt.date):
                self.date_in_window(value, path + (name,), "evidence.input-date-outside", name)

    def date_in_window(self, day: dt.date, where: KeyPath, code: str, name: str = "") -> None:
        """A warning (``code``) at ``where`` when ``day`` (of the input ``name``, if one) is
        outside the evidence window."""
        start, end = self.window
        if not start <= day <= end:
            args: dict[str, Any] = {"date": day, "year": self.ev.year, "start": start, "end": end}
            if name:
                args["input"] = name
            self.add(code, where, warning=True, **args)

    def documents(self, path: KeyPath, documents: list[Document]) -> None:
        for index, doc in enumerate(documents):
            here = path + ("documents", index)
            if doc.number is None:
                self.add("evidence.document-no-number", here, warning=True)
            if doc.date is None:
                self.add("evidence.document-no-date", here, warning=True)
            else:
                self.date_in_window(doc.date, here + ("date",), "evidence.document-year")


def check_evidence(
    src: Source, cs: CriteriaSet, ev: Evidence, location: str, *, blank_texts: bool = True
) -> CheckedEvidence:
    """``ev``, read from ``src``, checked against ``cs`` (found at ``location``). Errors and
    warnings are raised together; warnings alone travel with the checked evidence. With
    ``blank_texts`` false the file is not searched for blank optional texts: validating it
    found none (:class:`~parscore.model.common.BlankTexts`)."""
    checker = _EvidenceChecker(src, cs, ev, blank_texts=blank_texts)
    checker.run()
    if any(p.severity is Severity.ERROR for p in checker.problems):
        raise InputError(checker.problems)
    return CheckedEvidence(
        source=src.display,
        criteria=cs,
        evidence=ev,
        inputs=checker.inputs,
        warnings=tuple(checker.problems),
        criteria_location=location,
    )
