"""What would gain points, per rule kind, against cases computed by hand."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from parscore.messages import render
from parscore.rules import KINDS


def params(kind: str, **values):
    return KINDS[kind].Params.model_validate({"kind": kind, **values}, strict=False)


def gains(kind: str, rule: dict, maximum: str, values: dict, points: str):
    found = KINDS[kind].improve(params(kind, **rule), D(maximum), values, D(points))
    return [(g.points, render(g.action, g.args, "en")) for g in found]


BANDS_114 = {
    "part": {"name": "done", "label": {"vi": "Số nhiệm vụ hoàn thành", "en": "Tasks done"}},
    "total": "planned",
    "bands": [
        {"above": 90, "points": 1.5},
        {"at_least": 70, "at_most": 90, "points": 0.75},
        {"below": 70, "points": 0},
    ],
}


def test_bands_name_the_count_still_needed_for_each_better_band():
    # 13/20 = 65%: 70% needs 14 (1 more); "> 90%" needs 19 (90% exactly is not enough)
    assert gains("bands", BANDS_114, "1.5", {"done": 13, "planned": 20}, "0") == [
        (D("1.5"), "raise the share from 65.00% to above 90% (6 more: tasks done)"),
        (D("0.75"), "raise the share from 65.00% to 70% (1 more: tasks done)"),
    ]


def test_bands_at_exactly_the_exclusive_bound_need_one_more():
    assert gains("bands", BANDS_114, "1.5", {"done": 18, "planned": 20}, "0.75") == [
        (D("1.5"), "raise the share from 90.00% to above 90% (1 more: tasks done)"),
    ]


def test_bands_from_a_percentage_only_name_the_target():
    assert gains("bands", BANDS_114, "1.5", {"percent": D("92.5")}, "1.5") == []
    assert gains("bands", BANDS_114, "1.5", {"percent": D("75")}, "0.75") == [
        (D("1.5"), "raise the share from 75.00% to above 90%"),
    ]


def test_proportional_to_full_points_and_to_its_target():
    rule = {"part": "on_time", "total": "settled"}
    # 1150/1200 = 95.83% of 5 = 4.79; full at 100%: 50 more
    assert gains("proportional", rule, "5", {"on_time": 1150, "settled": 1200}, "4.79") == [
        (D("5"), "raise the share from 95.83% to 100% (50 more: on_time)"),
    ]
    # full at 60%: 301/1000 -> 600 needed, 299 more
    with_target = {**rule, "full_at": 60}
    assert gains("proportional", with_target, "2", {"on_time": 301, "settled": 1000}, "0.6") == [
        (D("2"), "raise the share from 30.10% to 60% (299 more: on_time)"),
    ]


def test_timeliness_late_to_on_time():
    rule = {"on_time": 1, "late": 0.5, "not_done": 0, "due": "31/01"}
    assert gains("timeliness", rule, "1", {}, "0.5") == [(D("1"), "do it on time (by 31/01)")]
    assert gains("timeliness", rule, "1", {}, "1") == []


def test_count_bands_and_deduction_bring_the_count_down():
    rule = {
        "count": {
            "name": "over_quota",
            "label": {"vi": "Số người vượt định mức", "en": "Staff over quota"},
        },
        "bands": [{"at_most": 0, "points": 2}, {"at_least": 1, "points": 0}],
    }
    assert gains("count_bands", rule, "2", {"over_quota": 3}, "0") == [
        (D("2"), "Staff over quota: from 3 to 0")
    ]
    deduction = {"count": "disciplined", "per_incident": 1, "floor": 0}
    assert gains("deduction", deduction, "2", {"disciplined": 1}, "1") == [
        (D("2"), "Count: from 1 to 0")
    ]


def test_levels_checklist_pass_fail_and_judged():
    levels = {
        "levels": [
            {"id": "done", "points": 1, "label": {"vi": "Đầy đủ", "en": "All done"}},
            {"id": "partly", "points": 0.5, "label": {"vi": "Một phần", "en": "Partly"}},
            {"id": "none", "points": 0, "label": {"vi": "Không", "en": "None"}},
        ]
    }
    assert gains("levels", levels, "1", {"level": "none"}, "0") == [
        (D("1"), "reach the level: All done"),
        (D("0.5"), "reach the level: Partly"),
    ]
    checklist = {
        "items": [
            {"id": "issued", "points": 1, "label": {"vi": "Ban hành", "en": "Issued"}},
            {"id": "lawful", "points": 2, "label": {"vi": "Đúng quy định", "en": "Lawful"}},
        ]
    }
    assert gains("checklist", checklist, "3", {"issued": True, "lawful": False}, "1") == [
        (D("3"), "complete: Lawful"),
    ]
    assert gains("checklist", checklist, "3", {"issued": False, "lawful": False}, "0")[0] == (
        D("3"),
        "meet the requirement in full",
    )
    assert gains("pass_fail", {}, "1", {"met": False}, "0") == [
        (D("1"), "meet the requirement in full")
    ]
    assert gains("judged", {"step": 0.5}, "2", {"points": D("1.5")}, "1.5") == [
        (D("2"), "meet the requirement in full")
    ]


def test_survey_points_are_not_the_communes_to_improve():
    assert gains("survey_share", {}, "5", {"satisfied": 1, "responses": 2}, "2.5") == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_nothing_to_gain_at_full_points(kind):
    examples = {
        "pass_fail": ({}, {"met": True}),
        "timeliness": ({"on_time": 1, "late": 0.5}, {"status": "on_time"}),
        "bands": (BANDS_114, {"done": 20, "planned": 20}),
        "proportional": ({}, {"part": 10, "total": 10}),
        "count_bands": (
            {"bands": [{"at_most": 0, "points": 1}, {"at_least": 1, "points": 0}]},
            {"count": 0},
        ),
        "deduction": ({"per_incident": 1}, {"incidents": 0}),
        "levels": (
            {
                "levels": [
                    {"id": "a", "points": 1, "label": "A"},
                    {"id": "b", "points": 0, "label": "B"},
                ]
            },
            {"level": "a"},
        ),
        "checklist": ({"items": [{"id": "a", "points": 1, "label": "A"}]}, {"a": True}),
        "judged": ({"step": 0.5}, {"points": D(1)}),
        "survey_share": ({}, {"points": D(1)}),
    }
    rule, values = examples[kind]
    maximum = "1.5" if kind == "bands" else "1"
    assert gains(kind, rule, maximum, values, maximum) == []
