"""Files -> validated models, with every problem located at its file, line and column.

Validation happens in two passes over a parsed :class:`~parscore.yamlsource.Source`:

1. the pydantic models check the shape; each error's ``loc`` is mapped back to the YAML node
   it names (the key for an unknown key, the parent mapping for a missing one, the value
   otherwise) and its type to a message of the catalogue;
2. checks that need the whole document follow: in a criteria set, ids unique, parents equal to
   the sum of their children, bands with no gap, the declared total; in an evidence file, ids
   known to the set, inputs that fit their rule, documents dated in the year.

All problems are collected and raised together as one :class:`~parscore.errors.InputError`.
Warnings do not stop anything: they travel with the loaded evidence into the result.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib.resources
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError

from parscore import yamlsource
from parscore.bands import coverage_problems
from parscore.decimals import tidy
from parscore.errors import InputError, KeyPath, Problem, Severity
from parscore.messages import CATALOGUE, suggestion
from parscore.model.checked import CheckedEvidence, context_for
from parscore.model.common import found, is_blank, number_problem, parse_date
from parscore.model.criteria import CriteriaSet, Node
from parscore.model.evidence import Document, Evidence, Item
from parscore.rules import RESERVED_KEYS, InputSpec
from parscore.yamlsource import Limits, Source

SHIPPED_PACKAGE = "parscore.criteria"

# ---------------------------------------------------------------------------------------------
# pydantic errors -> problems


_TYPE_ERRORS = {
    "string_type": "value.expected-text",
    "bool_type": "value.expected-bool",
    "bool_parsing": "value.expected-bool",
    "dict_type": "value.expected-mapping",
    "model_type": "value.expected-mapping",
    "model_attributes_type": "value.expected-mapping",
    "list_type": "value.expected-list",
}


def _error_message(
    error: Mapping[str, Any], known_keys: frozenset[str]
) -> tuple[str, dict[str, Any], bool]:
    """(code, args, prefer_key) for one pydantic error."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    loc = error["loc"]
    last = loc[-1] if loc else ""
    if kind in CATALOGUE:  # our own PydanticCustomError: the type is the message code
        return kind, dict(ctx), False
    if kind == "missing":
        return "value.missing", {"key": last}, False
    if kind == "extra_forbidden":
        best = difflib.get_close_matches(str(last), sorted(known_keys), n=1, cutoff=0.75)
        return "value.unknown-key", {"key": last, **suggestion(best[0] if best else None)}, True
    if value is None and (
        kind in _TYPE_ERRORS or kind.endswith("_type") or kind.endswith("_parsing")
    ):
        return "value.empty-text", {}, False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        code, args = number_problem(value, integer=True)
        return code, args, False
    if kind in ("decimal_type", "decimal_parsing", "float_type", "float_parsing", "finite_number"):
        code, args = number_problem(value, integer=False)
        return code, args, False
    if kind in _TYPE_ERRORS:
        return _TYPE_ERRORS[kind], {"found": found(value)}, False
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace(" or ", ", ")
        return "value.choice", {"value": value, "choices": choices}, False
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag"))
        best = difflib.get_close_matches(tag, _kind_names(), n=1, cutoff=0.6)
        args = {
            "value": tag,
            "choices": ", ".join(_kind_names()),
            **suggestion(best[0] if best else None),
        }
        return "criteria.unknown-kind", args, False
    if kind == "union_tag_not_found":
        return "value.missing", {"key": ctx.get("discriminator", "kind").strip("'")}, False
    if kind == "greater_than_equal":
        if ctx.get("ge") == 0:
            return "value.negative", {"value": value}, False
        return "value.too-small", {"value": value, "limit": ctx.get("ge")}, False
    if kind == "greater_than":
        if ctx.get("gt") == 0:
            return "value.not-positive", {"value": value}, False
        return "value.too-small", {"value": value, "limit": ctx.get("gt")}, False
    if kind in ("less_than_equal", "less_than"):
        return "value.too-large", {"value": value, "limit": ctx.get("le", ctx.get("lt"))}, False
    if kind == "string_too_short":
        return "value.empty-text", {}, False
    if kind == "too_short":
        if ctx.get("min_length", 1) > 1:
            return "value.too-few", {"min": ctx["min_length"]}, False
        return "value.empty-list", {}, False
    if kind == "too_long":
        return (
            "value.too-many",
            {"count": ctx.get("actual_length"), "max": ctx["max_length"]},
            False,
        )
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern.startswith("^[a-z][a-z0-9_]"):
            return "value.name", {"value": value}, False
        if pattern.startswith("^[a-z0-9][a-z0-9._-]"):
            return "value.set-id", {"value": value}, False
        return "value.id", {"value": value}, False
    return "value.invalid", {"detail": error.get("msg", kind)}, False


def _kind_names() -> list[str]:
    from parscore.rules import KINDS

    return sorted(KINDS)


def _model_keys(*models: type[BaseModel]) -> frozenset[str]:
    """Every key any of these models (and the models inside them) accepts."""
    seen: set[type] = set()
    keys: set[str] = set()

    def visit(tp: Any) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp in seen:
                return
            seen.add(tp)
            for name, info in tp.model_fields.items():
                keys.add(info.alias or name)
                visit(info.annotation)
            return
        for arg in getattr(tp, "__args__", ()) or ():
            visit(arg)
        for meta in getattr(tp, "__metadata__", ()) or ():
            visit(meta)

    for model in models:
        visit(model)
    return frozenset(keys)


def _strip_tags(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    cleaned: list[Any] = []
    current = data
    tag_skipped = False
    for index, element in enumerate(loc):
        if (
            not tag_skipped
            and isinstance(current, dict)
            and current.get("kind") == element
            and index + 1 < len(loc)
        ):
            tag_skipped = True  # the discriminated union's tag, inserted once by the validator
            continue
        tag_skipped = False
        cleaned.append(element)
        if isinstance(current, dict):
            current = current.get(element)
        elif isinstance(current, list) and isinstance(element, int) and 0 <= element < len(current):
            current = current[element]
        else:
            current = None
    return tuple(cleaned)


def validation_problems(
    src: Source, exc: ValidationError, known_keys: frozenset[str] = frozenset()
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        code, args, prefer_key = _error_message(error, known_keys)
        keys = _strip_tags(src.data, tuple(error["loc"]))
        if error["type"] == "union_tag_invalid":
            keys += ("kind",)
        if "[key]" in keys:  # the key itself is wrong (an id typed "3,2")
            keys = keys[: keys.index("[key]")]
            prefer_key = True
        problems.append(src.problem(code, keys, prefer_key=prefer_key, **args))
    return problems


# ---------------------------------------------------------------------------------------------
# criteria sets


def _walk(nodes: list[Node], path: KeyPath, depth: int = 1) -> Iterator[tuple[Node, KeyPath, int]]:
    for index, node in enumerate(nodes):
        here = path + (index,)
        yield node, here, depth
        if node.children:
            yield from _walk(node.children, here + ("children",), depth + 1)


def walk_set(cs: CriteriaSet) -> Iterator[tuple[Node, KeyPath, int]]:
    """Every node with its key path in the file and its depth (1 for fields)."""
    yield from _walk(cs.fields, ("fields",))
    if cs.survey is not None:
        yield cs.survey, ("survey",), 1
        if cs.survey.children:
            yield from _walk(cs.survey.children, ("survey", "children"), 2)


def _check_set(src: Source, cs: CriteriaSet) -> list[Problem]:
    problems: list[Problem] = []
    first_seen: dict[str, int] = {}
    in_survey_prefix = ("survey",)
    for node, path, depth in walk_set(cs):
        # ids
        line, _ = src.position(path + ("id",))
        if node.id in first_seen:
            problems.append(
                src.problem(
                    "criteria.duplicate-id",
                    path + ("id",),
                    id=node.id,
                    first_line=first_seen[node.id],
                )
            )
        else:
            first_seen[node.id] = line
        for child_index, child in enumerate(node.children or ()):
            if not child.id.startswith(node.id + "."):
                problems.append(
                    src.problem(
                        "criteria.child-id",
                        path + ("children", child_index, "id"),
                        id=child.id,
                        parent=node.id,
                    )
                )
        # shape
        if (node.rule is None) == (node.children is None):
            problems.append(src.problem("criteria.node-shape", path, id=node.id))
            continue
        if depth == 1 and node.rule is not None:
            problems.append(src.problem("criteria.field-needs-children", path, id=node.id))
        if node.children is not None:
            children_sum = tidy(sum((child.max for child in node.children), Decimal(0)))
            if children_sum != node.max:
                problems.append(
                    src.problem(
                        "criteria.sum-mismatch",
                        path + ("max",),
                        id=node.id,
                        max=node.max,
                        children_sum=children_sum,
                    )
                )
        in_survey = path[: len(in_survey_prefix)] == in_survey_prefix
        if in_survey and node.scored_by != "outside":
            problems.append(src.problem("criteria.survey-scored-by", path + ("id",)))
        if not in_survey and node.scored_by != "commune":
            problems.append(
                src.problem("criteria.field-outside", path + ("scored_by",), id=node.id)
            )
        if node.rule is not None:
            problems.extend(_check_rule(src, cs, node, path))
    # totals
    fields_sum = tidy(sum((f.max for f in cs.fields), Decimal(0)))
    survey_sum = cs.survey.max if cs.survey is not None else Decimal(0)
    if fields_sum + survey_sum != cs.total:
        problems.append(
            src.problem(
                "criteria.total-mismatch",
                ("total",),
                total=cs.total,
                fields=fields_sum,
                survey=survey_sum,
                sum=tidy(fields_sum + survey_sum),
            )
        )
    for part, declared, actual in (
        ("appraisal", cs.split.appraisal, fields_sum),
        ("survey", cs.split.survey, survey_sum),
    ):
        if declared != actual:
            problems.append(
                src.problem(
                    "criteria.split-mismatch",
                    ("split", part),
                    part=part,
                    declared=declared,
                    actual=actual,
                )
            )
    for code, index, value in coverage_problems(
        [band.interval for band in cs.bands], Decimal(0), Decimal(100)
    ):
        problems.append(src.problem(code, ("bands", index), value=value))
    return problems


def _check_rule(src: Source, cs: CriteriaSet, node: Node, path: KeyPath) -> list[Problem]:
    problems: list[Problem] = []
    kind = node.kind
    rule_path = path + ("rule",)
    in_survey = path[:1] == ("survey",)
    if in_survey and kind.name != "survey_share":
        problems.append(
            src.problem("criteria.survey-kind", rule_path + ("kind",), id=node.id, kind=kind.name)
        )
    if not in_survey and kind.name == "survey_share":
        problems.append(
            src.problem("criteria.survey-rule-in-field", rule_path + ("kind",), id=node.id)
        )
    for code, keys, args in kind.check_params(node.rule, node.max):
        problems.append(src.problem(code, rule_path + tuple(keys), id=node.id, **args))
    names: set[str] = set()
    for spec in kind.inputs(node.rule):
        if spec.name in RESERVED_KEYS:
            problems.append(src.problem("criteria.input-name-clash", rule_path, name=spec.name))
        if spec.name in names:
            problems.append(src.problem("criteria.duplicate-name", rule_path, name=spec.name))
        names.add(spec.name)
    if node.rule is not None and node.rule.penalty_when_unmet is not None and cs.penalty is None:
        problems.append(
            src.problem(
                "criteria.penalty-without-ledger", rule_path + ("penalty_when_unmet",), id=node.id
            )
        )
    return problems


_CRITERIA_KEYS = _model_keys(CriteriaSet)


def criteria_from_source(src: Source) -> CriteriaSet:
    data = src.data
    if not isinstance(data, dict):
        raise InputError([src.problem("doc.not-mapping", found=found(data))])
    try:
        cs = CriteriaSet.model_validate(data)
    except ValidationError as exc:
        known = _CRITERIA_KEYS | _rule_keys()
        raise InputError(validation_problems(src, exc, known_keys=known)) from None
    problems = _check_set(src, cs)
    if any(p.severity is Severity.ERROR for p in problems):
        raise InputError(problems)
    return cs


def _rule_keys() -> frozenset[str]:
    from parscore.rules import KINDS

    return _model_keys(*(kind.Params for kind in KINDS.values()))


def shipped_sets() -> dict[str, Any]:
    """Shipped criteria files by id (file name without ``.yaml``)."""
    folder = importlib.resources.files(SHIPPED_PACKAGE)
    return {
        entry.name[: -len(".yaml")]: entry
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml")
    }


def looks_like_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml"))


def referrer_problem(where: Problem, code: str, **args: Any) -> Problem:
    """A problem placed where ``where`` is (the ``criteria:`` line of an evidence file)."""
    return Problem(
        code, args, where.file, where.line, where.column, where.keys, source_line=where.source_line
    )


@dataclass
class CriteriaResolver:
    """Finds criteria sets by shipped id or path, and loads each one once per run.

    Every set has a *location*: its absolute path, or a shipped set's id. ``load`` accepts a
    location as a reference, and ``fingerprint`` tells whether a set's file has changed.
    """

    limits: Limits = yamlsource.DEFAULT_LIMITS
    _sets: dict[str, CriteriaSet] = field(default_factory=dict)
    _bytes: dict[str, bytes] = field(default_factory=dict)
    _digests: dict[str, str | None] = field(default_factory=dict)
    _found: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def locate(
        self, ref: str, base: FsPath | None = None, *, referrer: Problem | None = None
    ) -> str:
        """Where ``ref`` (a shipped id, or a path relative to ``base``) is. ``referrer`` is
        where the reference was written, for the "not found" message."""
        if looks_like_path(ref):
            path = FsPath(ref)
            if base is not None and not path.is_absolute():
                path = base / path
            if referrer is not None and not path.is_file():
                shown = yamlsource.display_name(ref)
                raise InputError(
                    [referrer_problem(referrer, "criteria.file-not-found", path=shown)]
                )
            return str(path.resolve())
        shipped = shipped_sets()
        if ref not in shipped:
            args = {"ref": ref, "known": ", ".join(shipped) or "—"}
            if referrer is not None:
                raise InputError([referrer_problem(referrer, "criteria.not-found", **args)])
            raise InputError([Problem("criteria.not-found", args, yamlsource.display_name(ref))])
        return ref

    def _read(self, location: str) -> tuple[bytes, str]:
        if looks_like_path(location):
            path = FsPath(location)
            return yamlsource.read_bytes(path, self.limits), yamlsource.display_name(path)
        entry = shipped_sets()[location]
        if isinstance(entry, FsPath):  # an installed file: never an output of this run
            from parscore import inputs

            inputs.record(entry)
        return entry.read_bytes(), f"{SHIPPED_PACKAGE.replace('.', '/')}/{entry.name}"

    def load(
        self, ref: str, base: FsPath | None = None, *, referrer: Problem | None = None
    ) -> CriteriaSet:
        location = self.locate(ref, base, referrer=referrer)
        if location not in self._sets:
            data, display = self._read(location)
            self._bytes[location] = data
            self._digests.pop(location, None)  # the digest is of the bytes scored with
            self._sets[location] = criteria_from_source(
                yamlsource.load_bytes(data, display, self.limits)
            )
        return self._sets[location]

    def fingerprint(self, location: str) -> str | None:
        """A digest of the set's file as it is now (read and digested once per run); None if
        unreadable."""
        if location not in self._digests:
            if location not in self._bytes:
                try:
                    self._bytes[location] = self._read(location)[0]
                except (InputError, KeyError):
                    self._digests[location] = None
                    return None
            self._digests[location] = hashlib.sha256(self._bytes[location]).hexdigest()
        return self._digests[location]

    def located(self, ref: str, base: FsPath) -> str | None:
        """Where ``ref``, taken from ``base``, is now (found once per run and folder); None if
        it is not found. The cache uses it to check that a file refers to the same set."""
        memo = (ref, str(base))
        if memo not in self._found:
            try:
                self._found[memo] = self.locate(ref, base)
            except InputError:
                self._found[memo] = None
        return self._found[memo]


# ---------------------------------------------------------------------------------------------
# evidence


def convert_input(spec: InputSpec, value: Any) -> tuple[Any, str | None, dict[str, Any]]:
    """(converted value, problem code or None, args)."""
    if spec.type == "bool":
        if isinstance(value, bool):
            return value, None, {}
        return None, "value.expected-bool", {"found": found(value)}
    if spec.type == "date":
        try:
            return parse_date(value), None, {}
        except Exception:  # PydanticCustomError: not a date
            return None, "value.expected-date", {"value": value}
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


# optional texts of an evidence file: blank ones count as not given, with a warning
_ITEM_TEXTS = ("explanation", "nothing_occurred", "note")
_DOCUMENT_TEXTS = ("number", "issuer", "title", "section")


class _EvidenceChecker:
    def __init__(self, src: Source, cs: CriteriaSet, ev: Evidence):
        self.src = src
        self.cs = cs
        self.ev = ev
        self.problems: list[Problem] = []
        self.inputs: dict[str, dict[str, Any]] = {}
        self.nodes = {node.id: node for node in cs.nodes()}
        self.survey_ids = {n.id for n in cs.survey.walk()} if cs.survey is not None else set()
        self.leaf_ids = [node.id for node in cs.leaves()]

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
        for section, entries, ledger in (
            ("bonus", ev.bonus, cs.bonus),
            ("penalty", ev.penalty, cs.penalty),
        ):
            for index, entry in enumerate(entries):
                if ledger is None:
                    self.add(f"evidence.{section}-without-ledger", (section, index), set=cs.id)
                elif entry.points is None and ledger.points_each is None:
                    self.add("value.missing", (section, index), key="points")
                self.documents((section, index), entry.documents)

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
        specs = {spec.name: spec for spec in kind.inputs(node.rule)}
        values: dict[str, Any] = {}
        ok = True
        for key, raw in item.inputs.items():
            spec = specs.get(key)
            if spec is None and key.isdigit():
                # inside { } a comma separates entries: "percent: 92,5" became 92 and a key "5"
                self.add("value.comma-in-braces", path + (key,), prefer_key=True, digits=key)
                ok = False
                continue
            if spec is None:
                candidates = sorted(specs) + sorted(RESERVED_KEYS)
                best = difflib.get_close_matches(key, candidates, n=1, cutoff=0.6)
                self.add(
                    "evidence.unknown-input",
                    path + (key,),
                    prefer_key=True,
                    key=key,
                    id=node_id,
                    kind=kind.name,
                    expected=", ".join(specs),
                    **suggestion(best[0] if best else None),
                )
                ok = False
                continue
            if raw is None:  # left empty, as templates leave it: not given
                continue
            value, code, args = convert_input(spec, raw)
            if code is not None:
                if code == "value.choice" and spec.name == "level":
                    code, args = "evidence.unknown-level", {**args, "id": node_id}
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
            code, key, args = problem[0], problem[1], problem[2]
            warning = len(problem) > 3 and bool(problem[3])  # type: ignore[misc]
            self.add(code, path + (key,), warning=warning, **{"id": node_id, **args})
            ok = ok and warning
        if ok:
            self.inputs[node_id] = values

    def documents(self, path: KeyPath, documents: list[Document]) -> None:
        for index, doc in enumerate(documents):
            here = path + ("documents", index)
            if doc.number is None:
                self.add("evidence.document-no-number", here, warning=True)
            if doc.date is None:
                self.add("evidence.document-no-date", here, warning=True)
            elif doc.date.year != self.ev.year:
                self.add(
                    "evidence.document-year",
                    here + ("date",),
                    warning=True,
                    date=doc.date,
                    year=self.ev.year,
                )


_EVIDENCE_KEYS = _model_keys(Evidence) | RESERVED_KEYS


def evidence_from_source(
    src: Source,
    resolver: CriteriaResolver,
    *,
    criteria: str | None = None,
    base: FsPath | None = None,
) -> CheckedEvidence:
    """Validate an evidence document and check it against its criteria set.

    ``criteria`` overrides the set the file names; relative paths in the file are taken from
    ``base`` (the file's folder).
    """
    data = src.data
    if not isinstance(data, dict):
        raise InputError([src.problem("doc.not-mapping", found=found(data))])
    try:
        ev = Evidence.model_validate(data)
    except ValidationError as exc:
        raise InputError(validation_problems(src, exc, known_keys=_EVIDENCE_KEYS)) from None
    if criteria is not None:
        location = resolver.locate(criteria, FsPath.cwd())
    else:
        where = src.problem("criteria.not-found", ("criteria",))
        location = resolver.locate(ev.criteria, base, referrer=where)
    cs = resolver.load(location)
    checker = _EvidenceChecker(src, cs, ev)
    checker.run()
    errors = [p for p in checker.problems if p.severity is Severity.ERROR]
    if errors:
        raise InputError(checker.problems)
    return CheckedEvidence(
        source=src.display,
        criteria=cs,
        evidence=ev,
        inputs=checker.inputs,
        warnings=tuple(checker.problems),
        criteria_location=location,
    )


def document_kind(data: Any) -> str | None:
    """'criteria' or 'evidence', told apart by content."""
    if isinstance(data, dict):
        if "fields" in data:
            return "criteria"
        if "unit" in data:
            return "evidence"
    return None


def evidence_from_bytes(
    data: bytes, path: FsPath, resolver: CriteriaResolver, *, criteria: str | None = None
) -> CheckedEvidence:
    """An evidence file's bytes, read from ``path``, checked against its criteria set.
    A criteria set given where evidence was expected is a usage error."""
    src = yamlsource.load_bytes(data, yamlsource.display_name(path), resolver.limits)
    if document_kind(src.data) == "criteria":
        from parscore.errors import UsageError

        raise UsageError("usage.not-evidence", path=src.display)
    return evidence_from_source(src, resolver, criteria=criteria, base=path.parent)


def load_evidence(
    path: FsPath | str,
    resolver: CriteriaResolver | None = None,
    *,
    criteria: str | None = None,
) -> CheckedEvidence:
    path = FsPath(path)
    resolver = resolver or CriteriaResolver()
    data = yamlsource.read_bytes(path, resolver.limits)
    return evidence_from_bytes(data, path, resolver, criteria=criteria)


def load_criteria(ref: str, resolver: CriteriaResolver | None = None) -> CriteriaSet:
    return (resolver or CriteriaResolver()).load(ref, FsPath.cwd())
