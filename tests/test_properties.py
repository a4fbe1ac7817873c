"""Properties of scoring that hold for any valid evidence, checked with hypothesis.

The criteria set is fixed (``tests/data/props-set.yaml``: every rule kind, each
``when_nothing_occurred`` policy, a penalty_when_unmet, capped bonus and penalty ledgers, a
survey). The evidence is generated as Python data, written as YAML text and read back through
the whole loading path, so that what is scored is what a user's file would give.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yamlwrite import to_yaml

from parscore import yamlsource
from parscore.engine import evaluate
from parscore.loading import CriteriaResolver, evidence_from_source
from parscore.model.criteria import Node
from parscore.model.result import NodeResult, Outcome, UnitResult
from parscore.rules import KINDS
from parscore.rules.base import ShareKind

DATA = Path(__file__).parent / "data"
SET_FILE = "props-set.yaml"
RESOLVER = CriteriaResolver()  # loads the set once for the whole module
CS = RESOLVER.load(str(DATA / SET_FILE))
LEAVES: dict[str, Node] = {node.id: node for node in CS.leaves()}
SURVEY_IDS = {node.id for node in CS.survey.walk()} if CS.survey is not None else set()
RATIO_KINDS = {name for name, kind in KINDS.items() if issubclass(kind, ShareKind)}

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- YAML writing: Decimals as plain numbers, no anchors -----------------------------------------


# --- strategies ---------------------------------------------------------------------------------


def _date_text(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


dates_in_year = st.dates(dt.date(2023, 1, 1), dt.date(2023, 12, 31)).map(_date_text)
any_dates = st.one_of(
    dates_in_year, st.dates(dt.date(2022, 12, 1), dt.date(2024, 1, 31)).map(_date_text)
)
document = st.fixed_dictionaries(
    {},
    optional={
        "number": st.sampled_from(["10/KH-UBND", "25/BC-UBND", "3/QĐ-UBND"]),
        "date": any_dates,
    },
)
documents = st.lists(document, max_size=2)
# hypothesis favours small numbers: draw from both ends so that high shares are common too
percents = st.one_of(st.integers(0, 10000), st.integers(0, 10000).map(lambda n: 10000 - n)).map(
    lambda n: Decimal(n).scaleb(-2)
)  # 0.00 .. 100.00
totals = st.one_of(st.just(0), st.integers(1, 20), st.integers(1, 5000))


def steps(maximum: Decimal, step: Decimal) -> st.SearchStrategy[Decimal]:
    """Multiples of ``step`` from 0 to ``maximum``."""
    count = int(maximum / step)
    return st.integers(0, count).map(lambda k: Decimal(k) * step)


@st.composite
def counts(draw: Any, node: Node) -> dict[str, Any]:
    total = draw(totals)
    part = draw(st.one_of(st.integers(0, total), st.integers(0, total).map(lambda n: total - n)))
    return {node.rule.part.name: part, node.rule.total.name: total}


def ratio_inputs(node: Node) -> st.SearchStrategy[dict[str, Any]]:
    options = [counts(node), st.builds(lambda p: {"percent": p}, percents)]
    if node.rule.kind == "survey_share":
        options.append(st.builds(lambda p: {"points": p}, steps(node.max, Decimal("0.01"))))
    return st.one_of(options)


def inputs_for(node: Node) -> st.SearchStrategy[dict[str, Any]]:
    rule = node.rule
    kind = rule.kind
    if kind in RATIO_KINDS:
        return ratio_inputs(node)
    if kind == "pass_fail":
        return st.sampled_from([{"met": True}, {"met": False}])
    if kind == "timeliness":
        return st.fixed_dictionaries(
            {},
            optional={
                "status": st.sampled_from(["on_time", "late", "not_done"]),
                "done_on": dates_in_year,
                "due": dates_in_year,
            },
        )
    if kind == "levels":
        return st.builds(
            lambda level: {"level": level}, st.sampled_from([lv.id for lv in rule.levels])
        )
    if kind == "checklist":  # an item may be left unanswered (missing evidence)
        return st.fixed_dictionaries({}, optional={item.id: st.booleans() for item in rule.items})
    if kind == "judged":
        return st.builds(lambda p: {"points": node.max - p}, steps(node.max, rule.step))
    if kind in ("deduction", "count_bands"):
        return st.builds(lambda n: {rule.count.name: n}, st.integers(0, 6))
    return from_specs(node)  # a kind without its own strategy: what its inputs say


_BY_TYPE: dict[str, st.SearchStrategy[Any]] = {
    "count": st.integers(0, 20),
    "number": st.integers(0, 2000).map(lambda n: Decimal(n).scaleb(-1)),
    "percent": percents,
    "bool": st.booleans(),
    "date": dates_in_year,
}


def from_specs(node: Node) -> st.SearchStrategy[dict[str, Any]]:
    """Inputs drawn from the kind's input specs alone (the first group of alternatives)."""
    specs = node.kind.inputs(node.rule)
    chosen = [s for s in specs if not s.group or s.group == specs[0].group]
    strategies = {
        s.name: st.sampled_from(s.choices) if s.type == "choice" else _BY_TYPE[s.type]
        for s in chosen
        if s.type != "points"
    }
    return st.fixed_dictionaries(strategies)


@st.composite
def items(draw: Any, node: Node, diligent: bool = False) -> dict[str, Any]:
    """An evidence item; a diligent commune always documents and explains."""
    item: dict[str, Any] = {}
    if node.when_nothing_occurred is not None and draw(st.integers(0, 4)) == 0:
        item["nothing_occurred"] = "không phát sinh trong năm"
    else:
        item.update(draw(inputs_for(node)))
    presence = 5 if diligent else draw(st.integers(0, 5))
    if presence > 1:  # mostly documented; sometimes an empty list, sometimes no key at all
        item["documents"] = draw(st.lists(document, min_size=1, max_size=2))
    elif presence == 1:
        item["documents"] = []
    if diligent or draw(st.booleans()):
        item["explanation"] = "giải trình của xã"
    if draw(st.booleans()):
        item["claimed"] = draw(steps(node.max, Decimal("0.25")))
    return item


entries = st.lists(
    st.fixed_dictionaries(
        {"reason": st.sampled_from(["Sáng kiến", "Mô hình mới", "Vi phạm", "Chậm báo cáo"])},
        optional={"points": steps(Decimal("1.5"), Decimal("0.25")), "documents": documents},
    ),
    max_size=6,
)


@st.composite
def evidences(draw: Any) -> dict[str, Any]:
    """Evidence for the props set: each scored node omitted (about one in four, or one in
    ten for a diligent commune) or given."""
    diligent = draw(st.booleans())
    given_items: dict[str, Any] = {}
    given_survey: dict[str, Any] = {}
    for node_id, node in LEAVES.items():
        if draw(st.integers(0, 9 if diligent else 3)) == 0:
            continue
        target = given_survey if node_id in SURVEY_IDS else given_items
        target[node_id] = draw(items(node, diligent))
    return {
        "unit": {
            "name": "Vĩnh Chấp",
            "code": "19435",
            "kind": "xã",
            "parents": [{"level": "province", "name": "Quảng Trị"}],
        },
        "year": 2023,
        "criteria": SET_FILE,
        "items": given_items,
        "survey": given_survey,
        "bonus": draw(entries),
        "penalty": draw(entries),
    }


# --- helpers ------------------------------------------------------------------------------------


def load(ev: dict[str, Any]) -> Any:
    """Evidence data → YAML text → prepared evidence. Generated evidence is always valid."""
    src = yamlsource.load_text(to_yaml(ev), "ev.yaml")
    return evidence_from_source(src, RESOLVER, base=DATA)


def score(ev: dict[str, Any]) -> UnitResult:
    return evaluate(load(ev))


def leaf(result: UnitResult, node_id: str) -> NodeResult:
    return next(n for n in result.nodes() if n.id == node_id)


def half_up(value: Fraction) -> Decimal:
    """Two decimals, half up, computed independently of parscore."""
    hundredths = math.floor(abs(value) * 100 + Fraction(1, 2))
    return Decimal(hundredths if value >= 0 else -hundredths).scaleb(-2)


# --- properties ---------------------------------------------------------------------------------


@SETTINGS
@given(evidences())
def test_scores_are_well_formed(ev: dict[str, Any]) -> None:
    prepared = load(ev)
    # the YAML path delivered numbers as numbers: every given item was accepted, typed
    assert set(prepared.inputs) == set(ev["items"]) | set(ev["survey"])
    for node_id, values in prepared.inputs.items():
        for value in values.values():
            assert not isinstance(value, float)
            assert isinstance(value, (bool, int, Decimal, str, dt.date))
            if isinstance(value, str):
                assert LEAVES[node_id].rule.kind in ("timeliness", "levels")
    result = evaluate(prepared)

    for node in result.nodes():
        # 1. 0 ≤ points ≤ applicable_max ≤ max at every node
        assert 0 <= node.points <= node.applicable_max <= node.max, node.id
        # 2. a group is the sum of its children
        if node.children:
            assert node.points == sum((c.points for c in node.children), Decimal(0)), node.id
            assert node.applicable_max == sum(
                (c.applicable_max for c in node.children), Decimal(0)
            ), node.id
            assert node.missing_count == sum(c.missing_count for c in node.children)
        else:
            assert node.reason is not None
            if node.outcome is Outcome.NOT_APPLICABLE:
                assert node.applicable_max == 0 and node.points == 0
            else:
                assert node.applicable_max == node.max

    # 5. a scored node without evidence is missing, scores 0, and is never met
    for node_id in LEAVES:
        if node_id not in ev["items"] and node_id not in ev["survey"]:
            node = leaf(result, node_id)
            assert node.outcome is Outcome.MISSING
            assert node.points == 0

    # 6. the JSON output parses back unchanged
    assert UnitResult.model_validate_json(result.model_dump_json()) == result

    # 7. totals
    t = result.totals
    assert t.appraisal == sum((f.points for f in result.fields), Decimal(0))
    assert t.survey == (result.survey.points if result.survey is not None else 0)
    assert t.total == t.appraisal + t.survey + t.bonus - t.penalty
    assert CS.bonus is not None and CS.penalty is not None
    assert 0 <= t.bonus <= CS.bonus.cap
    assert 0 <= t.penalty <= CS.penalty.cap
    assert t.bonus == min(result.bonus.sum, CS.bonus.cap)
    assert t.penalty == min(result.penalty.sum, CS.penalty.cap)
    assert result.bonus.sum == sum((line.points for line in result.bonus.lines), Decimal(0))
    assert result.penalty.sum == sum((line.points for line in result.penalty.lines), Decimal(0))
    assert len(result.bonus.lines) == len(ev["bonus"])
    booked = [line for line in result.penalty.lines if line.source == "rule"]
    unmet_with_penalty = [
        n
        for n in result.nodes()
        if n.outcome is Outcome.UNMET
        and n.id in LEAVES
        and LEAVES[n.id].rule.penalty_when_unmet is not None
    ]
    assert [line.node for line in booked] == [n.id for n in unmet_with_penalty]
    applicable = sum((f.applicable_max for f in result.fields), Decimal(0)) + (
        result.survey.applicable_max if result.survey is not None else 0
    )
    assert t.applicable_max == applicable
    assert t.max == CS.total
    if applicable > 0:  # a negative total gives a negative index, shown as it is
        assert t.index == half_up(Fraction(t.total) * 100 / Fraction(applicable))
    else:
        assert t.index == 0
    # the band is read from the published (rounded) index
    bands = [band for band in CS.bands if band.interval.contains(t.index)]
    assert len(bands) == 1 and t.band == bands[0].name


def _normalised(result: UnitResult) -> dict[str, Any]:
    """The result, with what legitimately follows the order of the file set aside: ledger lines
    are listed in file order, and warnings carry their line in the file."""
    data = result.model_dump(mode="json")
    for ledger in ("bonus", "penalty"):
        data[ledger]["lines"] = sorted(data[ledger]["lines"], key=repr)
    data["warnings"] = sorted((w["code"], repr(w["message"])) for w in data["warnings"])
    return data


@SETTINGS
@given(evidences(), st.randoms(use_true_random=False))
def test_order_of_the_evidence_changes_nothing(ev: dict[str, Any], rnd: random.Random) -> None:
    # 3. shuffling the items, the survey items and the ledger entries changes nothing
    shuffled = dict(ev)
    for section in ("items", "survey"):
        keys = list(ev[section])
        rnd.shuffle(keys)
        shuffled[section] = {key: ev[section][key] for key in keys}
    for ledger in ("bonus", "penalty"):
        shuffled[ledger] = rnd.sample(ev[ledger], len(ev[ledger]))
    first, second = score(ev), score(shuffled)
    assert _normalised(first) == _normalised(second)
    # the scores themselves do not even depend on the ledger order
    assert first.totals == second.totals
    assert first.fields == second.fields
    assert first.survey == second.survey


MONOTONE_RATIO = [node_id for node_id, node in LEAVES.items() if node.rule.kind in RATIO_KINDS]
PASS_FAIL = [node_id for node_id, node in LEAVES.items() if node.rule.kind == "pass_fail"]


def _keep_reserved(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k in ("documents", "explanation", "claimed")}


@st.composite
def raised_ratio(draw: Any) -> tuple[dict[str, Any], dict[str, Any], str]:
    """Evidence, the same evidence with one ratio node's part raised (same total), the node."""
    ev = draw(evidences())
    node_id = draw(st.sampled_from(MONOTONE_RATIO))
    node = LEAVES[node_id]
    section = "survey" if node_id in SURVEY_IDS else "items"
    base = _keep_reserved(draw(items(node)))
    if draw(st.booleans()):
        total = draw(st.integers(1, 3000))
        low = draw(st.integers(0, total))
        high = draw(st.integers(low, total))
        name_part, name_total = node.rule.part.name, node.rule.total.name
        before = {**base, name_part: low, name_total: total}
        after = {**base, name_part: high, name_total: total}
    else:
        low_p = draw(percents)
        high_p = draw(percents.filter(lambda p: p >= low_p))
        before = {**base, "percent": low_p}
        after = {**base, "percent": high_p}
    ev_before = {**ev, section: {**ev[section], node_id: before}}
    ev_after = {**ev, section: {**ev[section], node_id: after}}
    return ev_before, ev_after, node_id


@SETTINGS
@given(raised_ratio())
def test_a_larger_share_never_lowers_the_points(case: tuple[dict, dict, str]) -> None:
    # 4. bands, proportional, survey_share: raising the part (same total) never lowers points
    ev_before, ev_after, node_id = case
    before, after = score(ev_before), score(ev_after)
    assert leaf(after, node_id).points >= leaf(before, node_id).points
    assert after.totals.total >= before.totals.total
    assert after.totals.index >= before.totals.index


@SETTINGS
@given(evidences(), st.sampled_from(PASS_FAIL), st.data())
def test_meeting_a_requirement_never_lowers_the_points(
    ev: dict[str, Any], node_id: str, data: Any
) -> None:
    # 4. pass_fail: false → true never lowers the node's points, nor the total (a penalty
    # booked when unmet goes away)
    base = _keep_reserved(data.draw(items(LEAVES[node_id])))
    ev_false = {**ev, "items": {**ev["items"], node_id: {**base, "met": False}}}
    ev_true = {**ev, "items": {**ev["items"], node_id: {**base, "met": True}}}
    before, after = score(ev_false), score(ev_true)
    assert leaf(after, node_id).points >= leaf(before, node_id).points
    assert after.totals.total >= before.totals.total
    assert after.totals.penalty <= before.totals.penalty
