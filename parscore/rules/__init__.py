"""The registry of rule kinds: ``kind:`` in a criteria file -> :class:`RuleKind`.

To add a kind: write its class (params model, pure ``score``, ``describe``, a docstring with an
example) next to its relatives, add it to ``_KINDS`` below, and give it YAML cases under
``tests/rules/``. The registry refuses two kinds with one name.
"""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from parscore.rules.base import RESERVED_KEYS, Context, InputSpec, RuleKind, RuleParams, Scored
from parscore.rules.choice import Checklist, Judged, Levels, PassFail, Timeliness
from parscore.rules.count import CountBands, Deduction
from parscore.rules.ratio import Bands, Proportional, SurveyShare

_KINDS: tuple[type[RuleKind], ...] = (
    PassFail,
    Timeliness,
    Bands,
    Proportional,
    CountBands,
    Deduction,
    Levels,
    Checklist,
    Judged,
    SurveyShare,
)


def _registry() -> dict[str, type[RuleKind]]:
    kinds: dict[str, type[RuleKind]] = {}
    for kind in _KINDS:
        if kind.name in kinds:
            raise RuntimeError(f"two rule kinds are named {kind.name!r}")
        declared = kind.Params.model_fields["kind"].annotation
        if getattr(declared, "__args__", None) != (kind.name,):
            raise RuntimeError(f"{kind.__name__}.Params must declare kind: Literal[{kind.name!r}]")
        kinds[kind.name] = kind
    return kinds


KINDS: dict[str, type[RuleKind]] = _registry()

#: The ``rule:`` of a node: one of the kinds' parameter models, chosen by ``kind``.
Rule = Annotated[
    Union[tuple(kind.Params for kind in _KINDS)],  # type: ignore[valid-type]  # noqa: UP007
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
