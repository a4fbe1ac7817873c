"""Intervals as the published wording writes them, and coverage without gaps or overlaps."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest

from parscore.bands import Interval, coverage_problems, find

N = None


@pytest.mark.parametrize(
    "interval, inside, outside",
    [
        (
            Interval(D(80), True, D(90), False),
            [D(80), D("89.99"), Fraction(179, 2)],
            [D("79.99"), D(90)],
        ),
        (Interval(D(90), False, N, False), [D("90.0001"), D(1000)], [D(90), D(0)]),
        (Interval(D(70), True, D(90), True), [D(70), D(90)], [D("69.999"), D("90.001")]),
        (Interval(N, False, D(50), False), [D(-5), D(0), D("49.99")], [D(50)]),
        # 2/3 of 100 is compared exactly, not as 66.666...67
        (Interval(N, False, Fraction(200, 3), False), [Fraction(199, 3)], [Fraction(200, 3)]),
    ],
)
def test_contains_honours_each_bound(interval, inside, outside):
    assert all(interval.contains(v) for v in inside)
    assert not any(interval.contains(v) for v in outside)


@pytest.mark.parametrize(
    "interval, vi, en",
    [
        (Interval(D(80), True, D(90), False), "từ 80% đến dưới 90%", "from 80% to below 90%"),
        (Interval(D(90), False, N, False), "trên 90%", "above 90%"),
        (Interval(D(35), True, N, False), "từ 35% trở lên", "35% or more"),
        (Interval(N, False, D(70), False), "dưới 70%", "below 70%"),
        (Interval(D(70), True, D(90), True), "từ 70% đến 90%", "from 70% to 90%"),
    ],
)
def test_text_reads_like_the_published_sets(interval, vi, en):
    assert interval.text("vi", "%") == vi
    assert interval.text("en", "%") == en


def test_domain_bands_of_the_method():
    published = [
        Interval(D(90), False, N, False),
        Interval(D(70), True, D(90), True),
        Interval(N, False, D(70), False),
    ]
    assert coverage_problems(published, D(0), D(100)) == []
    assert find(published, D(90)) == 1  # exactly 90% falls in the lower band


@pytest.mark.parametrize(
    "intervals, whole, expected",
    [
        (
            [Interval(N, False, D(70), False), Interval(D(70), False, N, False)],
            False,
            [("criteria.bands-gap", 1, D(70))],
        ),
        (
            [Interval(N, False, D(70), True), Interval(D(70), True, N, False)],
            False,
            [("criteria.bands-overlap", 1, D(70))],
        ),
        ([Interval(D(10), True, N, False)], False, [("criteria.bands-gap", 0, D(0))]),
        ([Interval(D(0), True, D(90), False)], False, [("criteria.bands-gap", 0, D(90))]),
        # counts: "at most 0" and "at least 1" leave no whole number out
        ([Interval(N, False, D(0), True), Interval(D(1), True, N, False)], True, []),
        (
            [Interval(N, False, D(0), True), Interval(D(2), True, N, False)],
            True,
            [("criteria.bands-gap", 1, D(1))],
        ),
        # counts have no upper end: the last band must reach every count
        (
            [Interval(N, False, D(0), True), Interval(D(1), True, D(5), True)],
            True,
            [("criteria.bands-gap", 1, D(6))],
        ),
    ],
)
def test_coverage(intervals, whole, expected):
    end = None if whole else D(100)
    assert coverage_problems(intervals, D(0), end, whole=whole) == expected
