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


def test_a_ratio_of_integers_is_rounded_as_its_fraction():
    """decimals.quantize_ratio takes the two integers unreduced (issue #13: no Fraction built
    for a share's points); half a hundredth rounds away from zero."""
    from parscore.decimals import quantize_ratio

    assert quantize_ratio(1, 3) == Decimal("0.33")
    assert quantize_ratio(2, 6) == Decimal("0.33")  # not reduced: the same
    assert quantize_ratio(2, 3) == Decimal("0.67")
    assert quantize_ratio(1, 200) == Decimal("0.01")  # 0.005: up
    assert quantize_ratio(-1, 200) == Decimal("-0.01")  # -0.005: away from zero
    assert quantize_ratio(1, 201) == Decimal("0.00")
    assert str(quantize_ratio(10, 2)) == "5.00"


def test_a_share_s_points_and_percentage_from_integers():
    """share_percent and share_points compute in integers what the Fractions computed."""
    from types import SimpleNamespace

    from parscore.rules.base import share_percent, share_points

    params = SimpleNamespace(part=SimpleNamespace(name="on_time"), total=SimpleNamespace(name="n"))
    percent = share_percent(params, {"on_time": 1150, "n": 1200})
    assert percent == Fraction(2875, 30)  # 95.8333...%
    assert share_points(percent, Decimal(5)) == Decimal("4.79")  # the proportional example
    assert share_points(percent, Decimal("0.5")) == Decimal("0.48")  # 0.479166...
    money = share_percent(params, {"on_time": Decimal("1.5"), "n": Decimal("4.5")})
    assert money == Fraction(100, 3)
    assert share_points(Fraction(1, 2), Decimal(1)) == Decimal("0.01")  # 0.005 rounds up
    assert share_percent(params, {"on_time": 0, "n": 0}) is None  # nothing occurred
    assert share_percent(params, {"percent": Decimal("92.5")}) == Fraction(185, 2)


def test_a_node_s_percentage_is_the_same_however_its_numbers_are_written():
    """engine.percent_of remembers percentages by value: 1.5 of 3 and 1.50 of 3.0 are the
    same 50.00, written alike."""
    from parscore.engine import percent_of

    assert str(percent_of(Decimal("1.5"), Decimal("3"))) == "50.00"
    assert str(percent_of(Decimal("1.50"), Decimal("3.0"))) == "50.00"
    assert str(percent_of(Decimal("2"), Decimal("3"))) == "66.67"
    assert str(percent_of(Decimal("0"), Decimal("3"))) == "0.00"
    assert percent_of(Decimal("1"), Decimal("0")) is None
