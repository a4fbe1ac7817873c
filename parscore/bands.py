"""Intervals with bounds as the published wording writes them.

"từ 80% đến dưới 90%" is ``at_least: 80, below: 90`` (80 ≤ x < 90); "> 90%" is ``above: 90``;
"70–90%" is ``at_least: 70, at_most: 90``. A band that leaves out a bound is open on that side.
:func:`coverage_problems` checks that a list of bands covers a range with no gap and no overlap.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from pydantic import BaseModel, model_validator
from pydantic_core import PydanticCustomError

from parscore.model.common import INPUT_CONFIG, Number


class Bounds(BaseModel):
    """The bounds of one band. At most one lower and one upper bound."""

    model_config = INPUT_CONFIG

    at_least: Number | None = None
    above: Number | None = None
    below: Number | None = None
    at_most: Number | None = None

    @model_validator(mode="after")
    def _one_bound_per_side(self) -> Bounds:
        if (self.at_least is not None and self.above is not None) or (
            self.below is not None and self.at_most is not None
        ):
            raise PydanticCustomError("criteria.bands-bounds", "two bounds on one side")
        low, high = self.interval.low, self.interval.high
        if low is not None and high is not None and self.interval.is_empty():
            raise PydanticCustomError(
                "criteria.band-empty", "empty band", {"low": low, "high": high}
            )
        return self

    # a band is frozen: its interval is made once (every file scored by it asks)
    @functools.cached_property
    def interval(self) -> Interval:
        low = self.at_least if self.at_least is not None else self.above
        high = self.below if self.below is not None else self.at_most
        return Interval(low, self.at_least is not None, high, self.at_most is not None)


@dataclass(frozen=True)
class Interval:
    low: Decimal | None  # None: open below
    low_inclusive: bool
    high: Decimal | None  # None: open above
    high_inclusive: bool

    def contains(self, value: Decimal | Fraction | int) -> bool:
        """Exact: a Fraction such as 2/3 of 100 is compared without rounding."""
        if not isinstance(value, Fraction):
            value = Fraction(value)
        # compared as integers: n/d against a bound's a/b is n·b against a·d (b, d > 0)
        n, d = value.numerator, value.denominator
        low, high = self._exact
        if low is not None:
            ours, bound = n * low[1], low[0] * d
            if ours < bound or (ours == bound and not self.low_inclusive):
                return False
        if high is not None:
            ours, bound = n * high[1], high[0] * d
            if ours > bound or (ours == bound and not self.high_inclusive):
                return False
        return True

    @functools.cached_property
    def _exact(self) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """The bounds as (numerator, positive denominator), made once (an interval is frozen)."""
        low = Fraction(self.low).as_integer_ratio() if self.low is not None else None
        high = Fraction(self.high).as_integer_ratio() if self.high is not None else None
        return low, high

    def is_empty(self) -> bool:
        if self.low is None or self.high is None:
            return False
        if self.low > self.high:
            return True
        return self.low == self.high and not (self.low_inclusive and self.high_inclusive)

    def text(self, lang: str, unit: str = "") -> str:
        """The band in words, as the published sets write it: "từ 80% đến dưới 90%",
        "trên 90%", "từ 35% trở lên", "tối đa 0" / "from 80% to below 90%", "above 90%"..."""
        from parscore.messages import format_number, render

        def n(v: Decimal) -> str:
            return format_number(v, lang) + unit

        low, high = self.low, self.high
        if low is None and high is None:
            return render("band.any", None, lang)
        if high is None:
            assert low is not None
            code = "band.at-least" if self.low_inclusive else "band.above"
            return render(code, {"low": n(low)}, lang)
        upper = n(high) if self.high_inclusive else render("band.below", {"high": n(high)}, lang)
        if low is None:
            return render("band.at-most", {"high": upper}, lang) if self.high_inclusive else upper
        lower = n(low) if self.low_inclusive else render("band.above", {"low": n(low)}, lang)
        return render("band.from-to", {"low": lower, "high": upper}, lang)

    def on_whole_numbers(self) -> Interval:
        """The same band over whole numbers, as a half-open real interval [a, b+1): for
        counts, "at most 0" and "at least 1" leave no gap."""
        low = high = None
        if self.low is not None:
            low = Decimal(math.ceil(self.low) if self.low_inclusive else math.floor(self.low) + 1)
        if self.high is not None:
            last = math.floor(self.high) if self.high_inclusive else math.ceil(self.high) - 1
            high = Decimal(last + 1)
        return Interval(low, True, high, False)


def _lower_key(iv: Interval) -> tuple[int, Decimal, int]:
    # open-below first; at equal values an inclusive bound starts before an exclusive one
    if iv.low is None:
        return (0, Decimal(0), 0)
    return (1, iv.low, 0 if iv.low_inclusive else 1)


def coverage_problems(
    intervals: Iterable[Interval], start: Decimal, end: Decimal | None, *, whole: bool = False
) -> list[tuple[str, int, Decimal]]:
    """Check that ``intervals`` cover [start, end] (``end`` None: [start, ∞)) exactly once;
    with ``whole``, only the whole numbers in it (counts).

    Returns ``(code, index, value)`` tuples: ``criteria.bands-gap`` or ``criteria.bands-overlap``
    with the index of the band where the problem shows and the value concerned.
    """
    if whole:
        intervals = [iv.on_whole_numbers() for iv in intervals]
    indexed = sorted(enumerate(intervals), key=lambda pair: _lower_key(pair[1]))
    problems: list[tuple[str, int, Decimal]] = []
    # The next band must start at ``need``; ``need_inclusive`` says whether ``need`` itself is
    # still uncovered (so the next band must include it) or already covered.
    need, need_inclusive, unbounded, first = start, True, False, True
    for index, iv in indexed:
        low = iv.low
        if unbounded:
            problems.append(("criteria.bands-overlap", index, low if low is not None else need))
            continue
        if low is not None and (
            low > need or (low == need and need_inclusive and not iv.low_inclusive)
        ):
            problems.append(("criteria.bands-gap", index, need))
        elif not first and (
            low is None or low < need or (low == need and iv.low_inclusive and not need_inclusive)
        ):
            problems.append(("criteria.bands-overlap", index, need if low is None else low))
        first = False
        if iv.high is None:
            unbounded = True
        elif iv.high > need or (iv.high == need and iv.high_inclusive and need_inclusive):
            need, need_inclusive = iv.high, not iv.high_inclusive
    if not unbounded and (end is None or need < end or (need == end and need_inclusive)):
        problems.append(("criteria.bands-gap", indexed[-1][0] if indexed else 0, need))
    return problems


def find(intervals: Iterable[Interval], value: Decimal | Fraction | int) -> int | None:
    """The index of the first interval holding ``value``."""
    for index, iv in enumerate(intervals):
        if iv.contains(value):
            return index
    return None
