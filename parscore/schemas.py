"""JSON Schemas of the formats parscore reads and writes, generated from the models (one source
of truth), and the evidence schema of one criteria set (``schema evidence --criteria``).

Every schema is JSON Schema 2020-12 and uses only its keywords: the constraints pydantic
writes in its own words beside a number (``ge``, ``gt``, ``le``, ``lt``) are turned into
``minimum``, ``exclusiveMinimum``, ``maximum``, ``exclusiveMaximum``, and an exact number of a
file parscore reads (pydantic's "number or numeric text") is a number, as parscore reads it.
A value a template leaves empty (``documents:``, an item with nothing under it) is null, as
parscore reads it.
"""

from __future__ import annotations

import json
from typing import Any

from parscore import __version__
from parscore.model.compare import Comparison
from parscore.model.criteria import CriteriaSet, Node
from parscore.model.evidence import Evidence
from parscore.model.extension import criteria_schema
from parscore.model.plan import Plan
from parscore.model.result import UnitResult
from parscore.rules.parameters import REFERENCE_PATTERN

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_TITLES = {
    "criteria": "parscore criteria set",
    "evidence": "parscore evidence file",
    "result": "parscore result (evaluate --format json)",
    "plan": "parscore improvement plan (plan --format json)",
    "comparison": "parscore comparison (compare --format json)",
    "change": "parscore unit against its past (evaluate --previous --format json)",
    "crosswalk": "parscore crosswalk between two criteria set versions",
    "lineage": "parscore lineage of merged units",
    "appraisal": "parscore appraisal council's file (evaluate --appraisal)",
    "explanation": "parscore commune's explanation file (evaluate --explanation)",
    "review": "parscore review (review --format json)",
}

#: pydantic's words for bounds -> JSON Schema's
_BOUNDS = {
    "ge": "minimum",
    "gt": "exclusiveMinimum",
    "le": "maximum",
    "lt": "exclusiveMaximum",
}
#: the numeric text pydantic's schema of a Decimal read in validation mode allows beside a
#: number: any text (newer pydantic releases), or text of this pattern (older ones)
_DECIMAL_TEXTS = (
    {"type": "string"},
    {"type": "string", "pattern": r"^(?!^[-+.]*$)[+-]?0*\d*\.?\d*$"},
)


def _decimal_input(any_of: Any) -> dict[str, Any] | None:
    """The number branch of pydantic's "number or numeric text" (a Decimal parscore reads), or
    None when ``any_of`` is something else."""
    if not isinstance(any_of, list) or len(any_of) != 2:
        return None
    number, text = any_of
    if isinstance(number, dict) and number.get("type") == "number" and text in _DECIMAL_TEXTS:
        return number
    return None


#: keywords whose value maps names to schemas, and keywords whose value is data
_NAMED = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas"})
_DATA = frozenset({"enum", "const", "default", "examples", "required", "dependentRequired"})
#: OpenAPI's, not JSON Schema's: the ``oneOf`` beside it, whose branches each hold their
#: ``kind`` as a ``const``, says the same
_DROPPED = frozenset({"discriminator"})


def _fix(node: Any) -> Any:
    """``node`` with pydantic's own keywords turned into JSON Schema's (see the module)."""
    if isinstance(node, list):
        return [_fix(child) for child in node]
    if not isinstance(node, dict):
        return node
    fixed: dict[str, Any] = {}
    for key, value in node.items():
        if key in _NAMED:
            fixed[key] = {name: _fix(child) for name, child in value.items()}
        elif key not in _DROPPED:
            fixed[key] = value if key in _DATA else _fix(value)
    bounds = {key: fixed.pop(key) for key in list(fixed) if key in _BOUNDS}
    number = _decimal_input(fixed.get("anyOf"))
    if number is not None:
        del fixed["anyOf"]
        fixed.update(number)
    for key, value in bounds.items():
        fixed.setdefault(_BOUNDS[key], value)
    if "minimum" in fixed and "exclusiveMinimum" in fixed:
        if fixed["exclusiveMinimum"] >= fixed["minimum"]:
            del fixed["minimum"]  # "gt: 0" beside "ge: 0": the strict bound says it all
    return fixed


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _evidence_nulls(body: dict[str, Any]) -> None:
    """What parscore reads as not given yet: ``documents:`` left empty, an item with nothing
    under it."""
    item = body["$defs"]["Item"]["properties"]
    if "anyOf" not in item["documents"]:
        title = item["documents"].pop("title", None)
        item["documents"] = {**_nullable(item["documents"]), "title": title}
    for section in ("items", "survey"):
        body["properties"][section]["additionalProperties"] = _nullable({"$ref": "#/$defs/Item"})


def _number_or_reference(node: Any) -> Any:
    """``node`` with every number it allows also allowed as a reference to a parameter."""
    if isinstance(node, list):
        return [_number_or_reference(child) for child in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") == "number":
        reference = {"type": "string", "pattern": REFERENCE_PATTERN}
        kept = {k: v for k, v in node.items() if k in ("title", "description", "default")}
        bare = {k: v for k, v in node.items() if k not in kept}
        return {**kept, "anyOf": [bare, reference]}
    return {k: (v if k in _DATA else _number_or_reference(v)) for k, v in node.items()}


def _parameter_references(body: dict[str, Any]) -> None:
    """A rule's numbers may be written ``$name`` (the set's ``parameters:``), as the set is
    read: the schema of every rule's parameters says so."""
    for name, definition in body["$defs"].items():
        if name.endswith("Params") or name in _RULE_PARTS:
            body["$defs"][name] = _number_or_reference(definition)


#: the parts of rules' parameters that hold numbers
_RULE_PARTS = frozenset({"RuleBand", "Deliverable", "ChecklistItem", "Condition", "Level"})


def schema(which: str) -> dict[str, Any]:
    if which == "criteria":
        body = _fix(criteria_schema())  # a whole set, or one that extends another
        _parameter_references(body)
    elif which == "evidence":
        body = Evidence.model_json_schema(mode="validation")
        _evidence_nulls(body)
    elif which == "result":
        body = UnitResult.model_json_schema(mode="serialization")
    elif which == "plan":
        body = Plan.model_json_schema(mode="serialization")
    elif which == "comparison":
        body = Comparison.model_json_schema(mode="serialization")
    elif which in ("change", "crosswalk", "lineage"):  # year over year (docs/years.md)
        from parscore.model.years import Crosswalk, Lineage, UnitHistory

        if which == "change":
            body = UnitHistory.model_json_schema(mode="serialization")
        else:
            body = (Crosswalk if which == "crosswalk" else Lineage).model_json_schema()
        if which == "crosswalk":  # an id alone is a list of one
            entry = body["$defs"]["CrosswalkEntry"]["properties"]
            for side in ("old", "new"):
                entry[side] = {"anyOf": [entry[side]["items"], entry[side]]}
    elif which in ("appraisal", "explanation"):
        from parscore.model.appraisal import Appraisal, Explanation

        model = Appraisal if which == "appraisal" else Explanation
        body = model.model_json_schema(mode="validation")
    elif which == "review":
        from parscore.model.review import Review

        body = Review.model_json_schema(mode="serialization")
    else:  # pragma: no cover - the CLI offers only these
        raise ValueError(which)
    return {
        "$schema": DIALECT,
        "$comment": f"generated by parscore {__version__}",
        **_fix(body),
        "title": _TITLES[which],
    }


def schema_text(which: str) -> str:
    return to_text(schema(which))


def to_text(body: dict[str, Any]) -> str:
    return json.dumps(body, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


# --- the evidence schema of one criteria set ----------------------------------------------------

_DATE = {"type": "string", "pattern": r"^(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})$"}


def _input_type(spec: Any) -> dict[str, Any]:
    """An input's values (or null: left empty, as templates leave it)."""
    if spec.type == "choice":
        return {"enum": [*spec.choices, None]}
    if spec.type == "date":
        return _nullable(_DATE)
    if spec.type == "bool":
        return {"type": ["boolean", "null"]}
    if spec.type == "count":
        return {"type": ["integer", "null"], "minimum": 0}
    if spec.type == "percent":
        return {"type": ["number", "null"], "minimum": 0, "maximum": 100}
    return {"type": ["number", "null"], "minimum": 0}  # number, points


def _item_schema(node: Node, generic: dict[str, Any], lang: str) -> dict[str, Any]:
    """One sub-criterion: its inputs by name, and the keys every item has."""
    from parscore.messages import Phrase, format_number, render
    from parscore.report.template import input_hint

    properties: dict[str, Any] = {
        spec.name: {"description": input_hint(spec, lang), **_input_type(spec)}
        for spec in node.kind.inputs(node.rule)
    }
    for key, value in generic.items():
        if key != "nothing_occurred" or node.when_nothing_occurred is not None:
            words = render(f"schema.key-{key}", None, lang)
            properties.setdefault(key, {**value, "description": words})
    args = {
        "id": node.id,
        "name": node.name.get(lang),
        "max": format_number(node.max, lang),
        "rule": Phrase("template.rule", {"rule": node.kind.describe(node.rule, node.max, lang)}),
    }
    return {
        "type": ["object", "null"],
        "description": render("schema.item", args, lang),
        "properties": properties,
        "additionalProperties": False,
    }


def _section(nodes: list[Node], generic: dict[str, Any], lang: str) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {node.id: _item_schema(node, generic, lang) for node in nodes},
        "additionalProperties": False,
    }


def _ledger_kinds(body: dict[str, Any], cs: CriteriaSet, lang: str) -> None:
    """A bonus or penalty line's ``kind`` is one the set lists for that ledger (an editor offers
    them, with their names); a ledger without kinds takes none."""
    for section, ledger in (("bonus", cs.bonus), ("penalty", cs.penalty)):
        entry = json.loads(json.dumps(body["$defs"]["LedgerEntry"]))  # a copy for this ledger
        kinds = list(ledger.kinds) if ledger is not None else []
        choices = [{"const": k.id, "description": k.name.get(lang)} for k in kinds]
        entry["properties"]["kind"] = {"anyOf": [*choices, {"type": "null"}], "default": None}
        name = f"{section.capitalize()}Entry"
        body["$defs"][name] = entry
        body["properties"][section]["items"] = {"$ref": f"#/$defs/{name}"}


def evidence_schema_for(cs: CriteriaSet, lang: str = "vi") -> dict[str, Any]:
    """The evidence schema of ``cs``: its sub-criteria by id, each with its inputs by name and
    type, the levels it allows and the set's own words, so that an editor completes them and
    flags a misspelt input."""
    from parscore.messages import render

    body = schema("evidence")
    generic = body["$defs"]["Item"]["properties"]
    # filled under survey: the survey's rows and the rows inside fields scored outside
    outside = cs.survey_ids
    leaves = list(cs.leaves())
    survey = [n for n in leaves if n.id in outside]
    items = [n for n in leaves if n.id not in outside]
    body["properties"]["criteria"]["examples"] = [cs.id]
    body["properties"]["items"] = _section(items, generic, lang)
    body["properties"]["survey"] = _section(survey, generic, lang)
    _ledger_kinds(body, cs, lang)
    body["title"] = render(
        "schema.title", {"id": cs.id, "version": cs.version, "title": cs.title.get(lang)}, lang
    )
    return body
