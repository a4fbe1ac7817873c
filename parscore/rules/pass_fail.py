"""The ``pass_fail`` rule kind: full points when a requirement is met."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from parscore.rules.base import (
    Context,
    InputSpec,
    RuleKind,
    RuleParams,
    Scored,
    label,
    points_text,
    words,
)


class PassFailParams(RuleParams):
    kind: Literal["pass_fail"]


class PassFail(RuleKind):
    """Full points when the requirement is met, none otherwise.

    Criteria::

        rule: {kind: pass_fail}

    Evidence: ``met: true`` or ``met: false``.
    """

    name = "pass_fail"
    Params = PassFailParams

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [InputSpec("met", "bool", label("rule.input.met"), rising=True)]

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        if values["met"]:
            return Scored(maximum, "reason.pass", {"points": maximum})
        return Scored(Decimal(0), "reason.fail", {})

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return words("rule.pass_fail.describe", lang, max=points_text(maximum, lang))


KIND = PassFail
