"""A criteria set that extends another: the base it names, and its changes to the base's tree.

Every other top-level key of a criteria set may be given too, and replaces the base's; ``id``,
``title`` and ``version`` must be (the resolved set has its own identity). The tree is changed
only under ``changes:``, in this order: ``remove``, ``replace``, ``reweight``, ``add``. The
resolved set is checked as a whole by :mod:`parscore.checks.criteria`; :mod:`parscore.extend`
resolves it.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from parscore.model.common import INPUT_CONFIG, NodeId, NonEmptyStr, Points
from parscore.model.criteria import CriteriaSet, Node
from parscore.rules import Rule

#: a chain of sets each extending the next: deeper than this is refused
MAX_EXTENDS = 8

#: what a set that extends another must give itself, and what it may not
OWN_KEYS = ("id", "title", "version")
TREE_KEYS = ("fields", "survey")


class Reweight(BaseModel):
    """A node's new maximum, with the rule that scores it when its points change too."""

    model_config = INPUT_CONFIG

    max: Points
    rule: Rule | None = None


def _max_only(value: Any) -> Any:
    """``"6": 5`` is ``"6": {max: 5}``: one form to check, and one message when it is wrong."""
    return value if isinstance(value, dict) else {"max": value}


class Addition(BaseModel):
    """A node added under a parent (a field when ``under`` is not given), after or before one
    of the parent's children (at the end when neither is given)."""

    model_config = INPUT_CONFIG

    under: NodeId | None = Field(default=None, description="the parent's id; absent: a field")
    after: NodeId | None = Field(default=None, description="the sibling it follows")
    before: NodeId | None = Field(default=None, description="the sibling it precedes")
    node: Node


class Changes(BaseModel):
    """What the extending set changes in its base's tree."""

    model_config = INPUT_CONFIG

    remove: list[NodeId] = Field(default_factory=list, description="ids of nodes taken out")
    replace: list[Node] = Field(
        default_factory=list, description="whole nodes, each in place of the base's of its id"
    )
    reweight: dict[NodeId, Annotated[Reweight, BeforeValidator(_max_only)]] = Field(
        default_factory=dict,
        description="id -> new maximum, or {max, rule} when the rule's points change too",
    )
    add: list[Addition] = Field(default_factory=list, description="nodes added")


class Extension(BaseModel):
    """The head of a set that extends another (its other keys are a criteria set's)."""

    model_config = ConfigDict(strict=True, extra="allow", frozen=True)

    extends: NonEmptyStr = Field(
        description="the base set: a shipped set's id, or a path relative to this file"
    )
    changes: Changes = Field(default_factory=Changes)


def criteria_schema() -> dict[str, Any]:
    """The JSON Schema of a criteria file: a whole set, or a set that extends another (its
    head, and a criteria set's keys but the tree, all optional but its own identity)."""
    whole = CriteriaSet.model_json_schema(mode="validation")
    head = Extension.model_json_schema(mode="validation")
    defs = {**whole.pop("$defs", {}), **head.pop("$defs", {})}
    properties = {key: value for key, value in whole["properties"].items() if key not in TREE_KEYS}
    properties.update(head["properties"])
    extension = {
        "type": "object",
        "title": "Extension",
        "properties": properties,
        "required": ["extends", *OWN_KEYS],
        "additionalProperties": False,
    }
    max_schema = defs["Reweight"]["properties"]["max"]
    reweight = defs["Changes"]["properties"]["reweight"]
    reweight["additionalProperties"] = {"anyOf": [max_schema, {"$ref": "#/$defs/Reweight"}]}
    defs["CriteriaSet"] = whole
    defs["Extension"] = extension
    return {
        "anyOf": [{"$ref": "#/$defs/CriteriaSet"}, {"$ref": "#/$defs/Extension"}],
        "$defs": defs,
    }
