"""A share shown beside band bounds (rules.base.shown_percent) never sits on the other side of
a bound from the exact share, and is the plain two-decimal figure whenever that is already so."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from parscore.decimals import quantize_fraction
from parscore.rules.base import shown_percent

shares = st.builds(
    lambda part, total: Fraction(part * 100, total),
    st.integers(0, 10**6),
    st.integers(1, 10**6),
)
bounds = st.lists(
    st.decimals(min_value=0, max_value=100, places=3, allow_nan=False, allow_infinity=False),
    max_size=5,
)


def side(value: Fraction, mark: Decimal) -> int:
    return (value > Fraction(mark)) - (value < Fraction(mark))


@given(shares, bounds)
def test_the_shown_share_is_on_the_side_of_every_bound_the_exact_one_is(percent, marks):
    shown = shown_percent(percent, marks)
    for mark in marks:
        assert side(Fraction(shown), mark) == side(percent, mark), (percent, mark, shown)
    two = quantize_fraction(percent)
    if all(side(Fraction(two), mark) == side(percent, mark) for mark in marks):
        assert shown == two  # more decimals only where two would mislead


def test_the_cases_of_the_issue():
    assert shown_percent(Fraction(89999, 1000), [Decimal(90)]) == Decimal("89.999")
    assert shown_percent(Fraction(90001, 1000), [Decimal(90)]) == Decimal("90.001")
    assert shown_percent(Fraction(90), [Decimal(90)]) == Decimal("90.00")
    assert shown_percent(Fraction(8, 9) * 100, [Decimal(70), Decimal(90)]) == Decimal("88.89")
