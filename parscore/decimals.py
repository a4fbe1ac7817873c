"""The few rules of exact arithmetic, in one place.

Points are ``Decimal``; shares are computed as exact ``Fraction``s. Points computed by division
(proportional rules, survey shares, percentages) are rounded to two decimals, half up, as
published scores are. Sums are exact and written without meaningless trailing zeros.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

POINTS_QUANTUM = Decimal("0.01")
# Every number read has at most 15 digits before the point and 6 after (see the bounds below),
# so the largest value parscore computes is an index near 10^23 (bonus points of 10^15 over
# an applicable maximum of a millionth): 26 digits in hundredths, within the default 28.
# Rounding runs with room to spare so that no report can fail on a large value.
_ROUNDING = Context(prec=60, rounding=ROUND_HALF_UP)


def quantize(value: Decimal) -> Decimal:
    return value.quantize(POINTS_QUANTUM, rounding=ROUND_HALF_UP, context=_ROUNDING)


def quantize_fraction(value: Fraction) -> Decimal:
    """An exact rational rounded to two decimals, half up (away from zero): floor(|v| × 100
    + 1/2), in integers (a Fraction's denominator is positive)."""
    return quantize_ratio(value.numerator, value.denominator)


def quantize_ratio(numerator: int, denominator: int) -> Decimal:
    """numerator / denominator (``denominator`` > 0, the two need not be reduced) rounded to
    two decimals, half up (away from zero), as :func:`quantize_fraction`."""
    hundredths = (abs(numerator) * 200 + denominator) // (2 * denominator)
    return Decimal(hundredths if numerator >= 0 else -hundredths).scaleb(-2)


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
        return value.quantize(Decimal(1), context=_ROUNDING)
    return value.normalize(_ROUNDING)


# ---------------------------------------------------------------------------------------------
# The numbers parscore accepts

MAX_WHOLE_DIGITS = 15
"""Digits before the decimal point: below 10^15 (a dossier count, an amount in đồng ~10^13)."""
MAX_DECIMALS = 6
"""Digits after the decimal point, as typed: points like 0.125, percentages like 24.89."""

_NUMBER_PARTS = re.compile(r"[-+]?([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?)([0-9]+))?")


def number_bound_problem(text: str) -> str | None:
    """Whether a number written as ``text`` is inside parscore's bounds, judged on its digits
    before anything converts it (``int()`` of 5,000 digits fails; ``1e999999999`` is 15 bytes
    that expand to a billion digits). ``text`` must already look like a number (``12``,
    ``-1.5``, ``2.5e3``). Returns ``None`` when the number fits, else the message code:
    ``number.too-large`` (more than ``MAX_WHOLE_DIGITS`` digits before the point) or
    ``number.too-precise`` (more than ``MAX_DECIMALS`` after it, trailing zeros included, as
    they are kept). Exponent notation is fine when the value lands inside the bounds."""
    match = _NUMBER_PARTS.fullmatch(text)
    if match is None:  # not a number at all: nothing for this check to say
        return None
    whole, fraction, exp_sign, exp_digits = match.groups()
    fraction = fraction or ""
    exponent = 0
    if exp_digits:
        significant = exp_digits.lstrip("0")
        if len(significant) > 6:  # |exponent| of a million or more: far outside either bound
            return "number.too-precise" if exp_sign == "-" else "number.too-large"
        exponent = int(significant or "0") * (-1 if exp_sign == "-" else 1)
    # the value is int(whole + fraction) * 10**scale
    scale = exponent - len(fraction)
    coefficient = (whole + fraction).lstrip("0")
    if coefficient and len(coefficient) + scale > MAX_WHOLE_DIGITS:
        return "number.too-large"
    if -scale > MAX_DECIMALS:
        return "number.too-precise"
    return None


def value_bound_problem(value: Decimal | int) -> str | None:
    """:func:`number_bound_problem` for a number already converted (a model built in Python,
    not read from YAML), judged on its digits and exponent without writing it out."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return "number.too-large" if abs(value) >= 10**MAX_WHOLE_DIGITS else None
    if not value.is_finite():
        return None  # refused as not finite by the models
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if value and len(digits) + exponent > MAX_WHOLE_DIGITS:
        return "number.too-large"
    if -exponent > MAX_DECIMALS:
        return "number.too-precise"
    return None


def number_bounds_args() -> dict[str, int]:
    """The bounds, as arguments of the ``number.*`` messages."""
    return {"whole_digits": MAX_WHOLE_DIGITS, "decimals": MAX_DECIMALS}


def plain(value: Decimal) -> Decimal:
    """A number typed in exponent notation (``1.5e3``) written out (``1500``); exact, since
    the bounds leave at most 15 whole digits."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        return value.quantize(Decimal(1))
    return value
