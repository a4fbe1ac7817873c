"""The registry of rule kinds: ``kind:`` in a criteria file -> :class:`RuleKind`.

A kind is one module of this package (``parscore/rules/<kind>.py``; the ``bands`` kind is in
``share_bands.py``) whose ``KIND`` is its class: parameters model, pure ``score``, ``improve``,
``describe`` and a docstring with an example. To add one, write the module, add its name to
``_MODULES`` below, and give it YAML cases in ``tests/rules/<kind>.yaml``; ``Rule``, ``KINDS``
and docs/rules.md follow from the registry. The registry refuses two kinds with one name.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Annotated, Union

from pydantic import Field

from parscore.rules.base import RESERVED_KEYS, Context, InputSpec, RuleKind, RuleParams, Scored

#: One line per rule kind: the module under parscore/rules/ that holds it, in the order the
#: kinds are listed (the JSON Schema keeps it).
_MODULES = (
    "pass_fail",
    "timeliness",
    "share_bands",
    "proportional",
    "count_bands",
    "deduction",
    "levels",
    "checklist",
    "judged",
    "survey_share",
    "per_item",
    "all_conditions",
    "deliverables",
)


def _registry() -> dict[str, type[RuleKind]]:
    kinds: dict[str, type[RuleKind]] = {}
    for module in _MODULES:
        kind: type[RuleKind] = import_module(f"{__name__}.{module}").KIND
        if kind.name in kinds:
            raise RuntimeError(f"two rule kinds are named {kind.name!r}")
        declared = kind.Params.model_fields["kind"].annotation
        if getattr(declared, "__args__", None) != (kind.name,):
            raise RuntimeError(f"{kind.__name__}.Params must declare kind: Literal[{kind.name!r}]")
        kinds[kind.name] = kind
    return kinds


KINDS: dict[str, type[RuleKind]] = _registry()

if TYPE_CHECKING:  # the checker sees the base class; pydantic sees the union below
    Rule = RuleParams
else:
    #: The ``rule:`` of a node: one of the kinds' parameter models, chosen by ``kind``.
    Rule = Annotated[
        Union[tuple(kind.Params for kind in KINDS.values())],  # noqa: UP007
        Field(discriminator="kind"),
    ]


def kind_of(params: RuleParams) -> type[RuleKind]:
    return KINDS[params.kind]


__all__ = [
    "KINDS",
    "RESERVED_KEYS",
    "Context",
    "InputSpec",
    "Rule",
    "RuleKind",
    "RuleParams",
    "Scored",
    "kind_of",
]
