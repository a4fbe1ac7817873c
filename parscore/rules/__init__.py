"""The registry of rule kinds: ``kind:`` in a criteria file -> :class:`RuleKind`.

To add a kind: write its class (params model, pure ``score``, ``describe``, a docstring with an
example) next to its relatives, add it to ``_KINDS`` below, and give it YAML cases under
``tests/rules/``. The registry refuses two kinds with one name.
"""

from __future__ import annotations

from typing import Annotated, get_args

from pydantic import Field

from parscore.rules.base import RESERVED_KEYS, Context, InputSpec, RuleKind, RuleParams, Scored
from parscore.rules.choice import (
    Checklist,
    ChecklistParams,
    Judged,
    JudgedParams,
    Levels,
    LevelsParams,
    PassFail,
    PassFailParams,
    Timeliness,
    TimelinessParams,
)
from parscore.rules.count import CountBands, CountBandsParams, Deduction, DeductionParams
from parscore.rules.ratio import (
    Bands,
    BandsParams,
    Proportional,
    ProportionalParams,
    SurveyShare,
    SurveyShareParams,
)

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

#: The ``rule:`` of a node: one of the kinds' parameter models, chosen by ``kind``. Written out
#: so that type checkers and readers see it; ``_registry`` checks it names every kind.
Rule = Annotated[
    PassFailParams
    | TimelinessParams
    | BandsParams
    | ProportionalParams
    | CountBandsParams
    | DeductionParams
    | LevelsParams
    | ChecklistParams
    | JudgedParams
    | SurveyShareParams,
    Field(discriminator="kind"),
]
_RULE_MEMBERS = set(get_args(get_args(Rule)[0]))
if _RULE_MEMBERS != {kind.Params for kind in _KINDS}:
    raise RuntimeError("parscore.rules.Rule must list the Params of every registered kind")


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
