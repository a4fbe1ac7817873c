"""Checks of a criteria set that need the whole tree: ids unique and under their parent, a
node with a rule or children, parents equal to the sum of their children, the declared total
and split, bands with no gap, and each rule's parameters against its node."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pydantic import ValidationError

from parscore.bands import coverage_problems
from parscore.checks.pydantic_errors import model_keys, validation_problems
from parscore.decimals import tidy
from parscore.errors import InputError, KeyPath, Problem, Severity
from parscore.model.common import found
from parscore.model.criteria import CriteriaSet, Node
from parscore.rules import RESERVED_KEYS, parameters
from parscore.yamlsource import Source


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
    first_seen: dict[str, KeyPath] = {}  # placed only for a duplicate (a valid set: no tree)
    in_survey_prefix = ("survey",)
    for node, path, depth in walk_set(cs):
        # ids
        if node.id in first_seen:
            problems.append(
                src.problem(
                    "criteria.duplicate-id",
                    path + ("id",),
                    id=node.id,
                    first_line=src.position(first_seen[node.id])[0],
                )
            )
        else:
            first_seen[node.id] = path + ("id",)
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
        if not in_survey and node.scored_by != "commune" and not node.is_leaf:
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
        ("appraisal", cs.split.appraisal, tidy(fields_sum - _survey_rows(cs))),
        ("survey", cs.split.survey, tidy(survey_sum + _survey_rows(cs))),
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
    problems.extend(_check_conditions(src, cs))
    problems.extend(_check_agreements(src, cs))
    first_band: dict[str, int] = {}
    for index, band in enumerate(cs.bands):
        band_id = band.band_id
        if band_id in first_band:
            keys = ("bands", index, "id") if band.id is not None else ("bands", index, "name")
            first = src.position(("bands", first_band[band_id]))[0]
            problems.append(
                src.problem("criteria.duplicate-band-id", keys, id=band_id, first_line=first)
            )
        else:
            first_band[band_id] = index
    problems.extend(_ledger_problems(src, cs))
    return problems


def _ledger_problems(src: Source, cs: CriteriaSet) -> list[Problem]:
    """Each kind of bonus or penalty line named once."""
    problems: list[Problem] = []
    for section, ledger in (("bonus", cs.bonus), ("penalty", cs.penalty)):
        first: dict[str, int] = {}
        for index, kind in enumerate(ledger.kinds if ledger is not None else ()):
            if kind.id in first:
                line = src.position((section, "kinds", first[kind.id], "id"))[0]
                keys = (section, "kinds", index, "id")
                problems.append(
                    src.problem("criteria.duplicate-ledger-kind", keys, id=kind.id, first_line=line)
                )
            else:
                first[kind.id] = index
    return problems


def _survey_rows(cs: CriteriaSet) -> Decimal:
    """The maxima of the survey rows inside fields (leaves ``scored_by: outside``): survey
    points, not appraisal, in the split."""
    rows = (n for f in cs.fields for n in f.walk() if n.is_leaf and n.scored_by == "outside")
    return tidy(sum((n.max for n in rows), Decimal(0)))


def _check_conditions(src: Source, cs: CriteriaSet) -> Iterator[Problem]:
    """A band condition's field is a field of the set."""
    fields = [f.id for f in cs.fields]
    for index, band in enumerate(cs.bands):
        for number, condition in enumerate(band.not_when):
            if condition.field is not None and condition.field not in fields:
                yield src.problem(
                    "criteria.condition-field",
                    ("bands", index, "not_when", number, "field"),
                    id=condition.field,
                    fields=", ".join(fields),
                )


def _check_agreements(src: Source, cs: CriteriaSet) -> Iterator[Problem]:
    """Each input an agreement names is an input of a scored item of the set."""
    nodes = cs.node_map
    for index, agreement in enumerate(cs.agree):
        for number, ref in enumerate(agreement.inputs):
            node_id, _, name = ref.rpartition(".")
            node = nodes.get(node_id)
            names = [s.name for s in node.kind.inputs(node.rule)] if node and node.is_leaf else []
            if name not in names:
                yield src.problem(
                    "criteria.agree-input",
                    ("agree", index, "inputs", number),
                    ref=ref,
                    inputs=", ".join(f"{node_id}.{n}" for n in names) or "—",
                )


def _check_rule(src: Source, cs: CriteriaSet, node: Node, path: KeyPath) -> list[Problem]:
    problems: list[Problem] = []
    kind = node.kind
    rule_path = path + ("rule",)
    # the survey branch, or a survey row in a field
    in_survey = path[:1] == ("survey",) or node.scored_by == "outside"
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


_CRITERIA_KEYS = model_keys(CriteriaSet)


def criteria_from_source(src: Source) -> CriteriaSet:
    data = src.data
    if not isinstance(data, dict):
        raise InputError([src.problem("doc.not-mapping", found=found(data))])
    data, references = parameters.resolve(data)  # $name in rules: the set's parameters
    said = {src.position(keys) for _, keys, _ in references}
    referred = [src.problem(code, keys, **args) for code, keys, args in references if code]
    try:
        cs = CriteriaSet.model_validate(data)
    except ValidationError as exc:
        known = _CRITERIA_KEYS | _rule_keys()
        shape = validation_problems(src, exc, known_keys=known)
        raise InputError(referred + [p for p in shape if (p.line, p.column) not in said]) from None
    if referred:
        raise InputError(referred)
    problems = _check_set(src, cs)
    if any(p.severity is Severity.ERROR for p in problems):
        raise InputError(problems)
    return cs


def _rule_keys() -> frozenset[str]:
    from parscore.rules import KINDS

    return model_keys(*(kind.Params for kind in KINDS.values()))
