"""The few rules of exact arithmetic, in one place.

Points are ``Decimal``; shares are computed as exact ``Fraction``s. Points computed by division
(proportional rules, survey shares, percentages) are rounded to two decimals, half up, as
published scores are. Sums are exact and written without meaningless trailing zeros.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

POINTS_QUANTUM = Decimal("0.01")


def quantize(value: Decimal) -> Decimal:
    return value.quantize(POINTS_QUANTUM, rounding=ROUND_HALF_UP)


def quantize_fraction(value: Fraction) -> Decimal:
    """An exact rational rounded to two decimals, half up (away from zero)."""
    hundredths = math.floor(abs(value) * 100 + Fraction(1, 2))
    return Decimal(hundredths if value >= 0 else -hundredths).scaleb(-2)


def percent(part: Decimal, whole: Decimal) -> Decimal:
    """part / whole × 100, rounded to two decimals half up, computed exactly with integers."""
    pn, pd = part.as_integer_ratio()
    wn, wd = whole.as_integer_ratio()
    numerator, denominator = pn * wd * 100, pd * wn  # the exact share, times 100
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    sign = -1 if numerator < 0 else 1
    hundredths = (abs(numerator) * 200 + denominator) // (2 * denominator)
    return Decimal(sign * hundredths).scaleb(-2)


def tidy(value: Decimal) -> Decimal:
    """The same value without meaningless trailing zeros: 4.0 -> 4, 3.50 -> 3.5."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
