"""docs/rules.md, written from the rule kinds themselves: ``python -m parscore.rules.doc``.

A test checks that the committed page matches, so the user documentation of a kind is its
docstring and cannot drift from the code.
"""

from __future__ import annotations

import inspect
from decimal import Decimal

from parscore.rules import KINDS
from parscore.rules.base import RuleKind, RuleParams

_INTRO = """\
# Rule kinds

A scored node's `rule:` names a kind and gives its parameters. Parameters are checked when the
criteria set loads: a misspelt parameter, points above the node's maximum, bands with a gap or
an overlap, or a rule under which no outcome gives the full points are refused with their line.

Every kind also takes `penalty_when_unmet`: points booked in the penalty ledger when the outcome
is unmet (the one-stop desk not staffed as required: 0 points and −0.25).

A number in a rule may name one of the set's `parameters` instead, so that a target is written
once and every rule using it (and its words) follows when a province changes it: `$name`,
`$name / 2` or `$name * 0.5`. An unknown name is refused with its line and a suggestion.

```yaml
parameters:
  online_share_target: 35
...
    rule:
      kind: bands
      bands:
        - {at_least: $online_share_target, points: 3}
        - {at_least: $online_share_target / 2, below: $online_share_target, points: 1.5}
        - {below: $online_share_target / 2, points: 0}
```

Shares are shown with two decimals, or with as many more as it takes not to cross a bound the
rule names: 89.999% in the band below 90% is shown as 89,999%, never 90,00%.

This page is generated from the code (`python -m parscore.rules.doc > docs/rules.md`).
"""


def _parameters(kind: type[RuleKind]) -> list[str]:
    params: type[RuleParams] = kind.Params
    rows = []
    for name, info in params.model_fields.items():
        if name in ("kind", "penalty_when_unmet"):
            continue
        default = info.get_default() if not info.is_required() else None
        shown = format(default, "f") if isinstance(default, Decimal) else repr(default)
        required = "required" if info.is_required() else f"default `{shown}`"
        if name in ("part", "total", "count") and not info.is_required():
            required = f"default name `{info.get_default().name}`"
        description = info.description or ""
        rows.append(f"| `{name}` | {required} | {description} |")
    return rows


def markdown() -> str:
    out = [_INTRO]
    out.append("| kind | what it scores |")
    out.append("|---|---|")
    for name, kind in sorted(KINDS.items()):
        first = (inspect.getdoc(kind) or "").splitlines()[0]
        out.append(f"| [`{name}`](#{name}) | {first} |")
    for name, kind in sorted(KINDS.items()):
        out.append("")
        out.append(f"## {name}")
        out.append("")
        doc = inspect.getdoc(kind) or ""
        # the docstring's "Criteria ...::" blocks are reStructuredText literal blocks
        lines = []
        in_block = False
        for line in doc.splitlines():
            if line.rstrip().endswith("::"):
                lines.append(line.rstrip()[:-1])
                lines.append("")
                lines.append("```yaml")
                in_block = True
                continue
            if in_block and line and not line.startswith("    "):
                lines.append("```")
                in_block = False
            lines.append(line[4:] if in_block else line)
        if in_block:
            lines.append("```")
        cleaned = (
            "\n".join(lines).replace("```yaml\n\n", "```yaml\n").replace("\n\n```\n", "\n```\n")
        )
        out.append(cleaned)
        params = _parameters(kind)
        if params:
            out += ["", "| parameter | | |", "|---|---|---|", *params]
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(markdown(), end="")
