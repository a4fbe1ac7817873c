"""Year over year, pure: two versions of a criteria set set side by side (the crosswalk and its
draft), a unit against its past (item by item, through the crosswalk), a comparison against the
previous year's (per unit and per group, through the lineage of merged communes).

Nothing here reads a file: :mod:`parscore.yearfiles` reads crosswalks, lineages and last year's
comparison JSON, and places their problems. Changes are differences of the figures as published
(two decimals), as the published notices compute them; means are exact, rounded once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Protocol

from parscore.decimals import quantize_fraction
from parscore.model.common import Text, comparable
from parscore.model.compare import Comparison, Group, RankRow
from parscore.model.result import NodeResult, Outcome, UnitResult
from parscore.model.years import (
    BandMove,
    Crosswalk,
    CrosswalkEntry,
    FieldChange,
    GroupChange,
    ItemChange,
    ItemStatus,
    Lineage,
    Mover,
    PreviousFigures,
    PreviousRef,
    Successor,
    UnitHistory,
    Vanished,
    YearChange,
)

#: items that moved most, each way, in ``evaluate --previous`` and the plan
MOVED_MOST = 5


# --- the items of a set ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """A scored sub-criterion: its id, name, maximum, field and rule (as data)."""

    id: str
    name: Text
    max: Decimal
    field: str
    rule: Any = None


class _Node(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> Text: ...
    @property
    def max(self) -> Decimal: ...
    @property
    def rule(self) -> Any: ...
    def walk(self) -> Iterable[Any]: ...


def items_of(fields: Sequence[_Node]) -> dict[str, Item]:
    """The scored sub-criteria of a set's (or a result's) fields, in the set's order."""
    return {
        node.id: Item(node.id, node.name, node.max, f.id, node.rule)
        for f in fields
        for node in f.walk()
        if node.rule is not None
    }


def same_structure(old: dict[str, Item], new: dict[str, Item]) -> bool:
    """The same sub-criteria under the same fields: items compare by id, no crosswalk needed."""
    return list(old) == list(new) and all(old[i].field == new[i].field for i in old)


def _same_name(a: Text, b: Text) -> bool:
    return comparable(a.vi) == comparable(b.vi)


def entry_status(old: Sequence[Item], new: Sequence[Item]) -> ItemStatus:
    """What an entry of a crosswalk says happened to its items."""
    if not old:
        return "new"
    if not new:
        return "dropped"
    if len(old) > 1 and len(new) > 1:
        return "regrouped"
    if len(new) > 1:
        return "split"
    if len(old) > 1:
        return "merged"
    if old[0].max != new[0].max:
        return "reweighted"
    if old[0].id != new[0].id or not _same_name(old[0].name, new[0].name):
        return "renamed"
    return "same"


# --- checking a crosswalk against the two sets ----------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A problem of a crosswalk or lineage file: its code, where (key path) and arguments."""

    code: str
    keys: tuple[str | int, ...]
    args: dict[str, Any] = field(default_factory=dict)


def check_crosswalk(cw: Crosswalk, old: dict[str, Item], new: dict[str, Item]) -> list[Finding]:
    """Every id known to its set, listed once; every sub-criterion of both sets listed; an entry
    with neither side refused. A crosswalk is complete, so that nothing is matched by accident."""
    found: list[Finding] = []
    seen: dict[str, dict[str, int]] = {"old": {}, "new": {}}
    for index, entry in enumerate(cw.items):
        if not entry.old and not entry.new:
            found.append(Finding("crosswalk.empty-entry", ("items", index)))
        for side, known, set_id in (("old", old, cw.crosswalk.old), ("new", new, cw.crosswalk.new)):
            for position, item in enumerate(getattr(entry, side)):
                keys = ("items", index, side, position)
                if item not in known:
                    found.append(
                        Finding("crosswalk.unknown-item", keys, {"id": item, "set": set_id})
                    )
                elif item in seen[side]:
                    args = {"id": item, "entry": seen[side][item] + 1}
                    found.append(Finding("crosswalk.listed-twice", keys, args))
                else:
                    seen[side][item] = index
    for side, known, set_id in (("old", old, cw.crosswalk.old), ("new", new, cw.crosswalk.new)):
        missing = [i for i in known if i not in seen[side]]
        if missing:
            args = {"set": set_id, "listing": ", ".join(missing), "count": len(missing)}
            found.append(Finding(f"crosswalk.unlisted-{side}", ("items",), args))
    return found


def identity_crosswalk(items: dict[str, Item]) -> Crosswalk:
    """The crosswalk of two sets with the same items: each to itself."""
    return Crosswalk.model_construct(
        crosswalk=None,  # type: ignore[arg-type]
        items=[CrosswalkEntry.model_construct(old=[i], new=[i], note=None) for i in items],
        notes=None,
    )


def compose(first: Crosswalk, second: Crosswalk) -> Crosswalk:
    """A → C from A → B and B → C: the items linked through B's, each group of linked items one
    entry (old: A's, new: C's), in A's order, then C's new items in C's order. A B item new in
    B and dropped by C links nothing."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(node: tuple[str, str]) -> tuple[str, str]:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for before, after, cw in (("a", "b", first), ("b", "c", second)):
        for entry in cw.items:
            nodes = [(before, i) for i in entry.old] + [(after, i) for i in entry.new]
            for node in nodes:
                parent.setdefault(node, node)
            for node in nodes[1:]:
                parent[root(node)] = root(nodes[0])
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    ends = [("a", i) for e in first.items for i in e.old]
    ends += [("c", i) for e in second.items for i in e.new]
    for side, i in ends:
        old, new = groups.setdefault(root((side, i)), ([], []))
        (old if side == "a" else new).append(i)
    return Crosswalk.model_construct(
        crosswalk=None,  # type: ignore[arg-type]
        items=[
            CrosswalkEntry.model_construct(old=old, new=new, note=None)
            for old, new in groups.values()
        ],
        notes=None,
    )


def placeholder_items(ids: Iterable[str]) -> dict[str, Item]:
    """The items of a set known only by the ids a crosswalk lists (a set between two others)."""
    return {i: Item(i, Text(vi=i), Decimal(0), "") for i in ids}


# --- criteria diff and the draft crosswalk --------------------------------------------------------


@dataclass(frozen=True)
class DiffEntry:
    old: list[Item]
    new: list[Item]
    status: ItemStatus
    name_changed: bool = False  # the same id under another name: check it is the same item
    rule_changed: bool = False  # the same item scored another way


@dataclass(frozen=True)
class FieldDiff:
    id: str
    name: Text
    old_max: Decimal | None
    new_max: Decimal | None


@dataclass(frozen=True)
class SetDiff:
    entries: list[DiffEntry]
    fields: list[FieldDiff]

    @property
    def changed(self) -> list[DiffEntry]:
        return [e for e in self.entries if e.status != "same" or e.rule_changed]


def _rule_data(rule: Any) -> Any:
    dump = getattr(rule, "model_dump", None)
    return dump(mode="json") if dump is not None else rule


def diff_sets(
    old: dict[str, Item],
    new: dict[str, Item],
    old_fields: Sequence[_Node] = (),
    new_fields: Sequence[_Node] = (),
) -> SetDiff:
    """The draft crosswalk of two sets: the same id is the same item (said when its name
    changed); an item under another id with exactly the same name is the same item renumbered;
    every other item is new or dropped. Splits and merges are for the person who knows the
    annexes: the draft never guesses them."""
    pairs: dict[str, str] = {i: i for i in old if i in new}
    by_name_new: dict[str, list[str]] = {}
    for i in new:
        if i not in pairs.values():
            by_name_new.setdefault(comparable(new[i].name.vi), []).append(i)
    by_name_old: dict[str, list[str]] = {}
    for i in old:
        if i not in pairs:
            by_name_old.setdefault(comparable(old[i].name.vi), []).append(i)
    for name, olds in by_name_old.items():
        news = by_name_new.get(name, [])
        if len(olds) == 1 and len(news) == 1:  # unique on both sides: never a guess among several
            pairs[olds[0]] = news[0]
    paired_new = set(pairs.values())
    entries: list[DiffEntry] = []
    for i, item in old.items():
        if i in pairs:
            other = new[pairs[i]]
            entries.append(
                DiffEntry(
                    [item],
                    [other],
                    entry_status([item], [other]),
                    name_changed=not _same_name(item.name, other.name),
                    rule_changed=_rule_data(item.rule) != _rule_data(other.rule),
                )
            )
        else:
            entries.append(DiffEntry([item], [], "dropped"))
    entries += [DiffEntry([], [item], "new") for i, item in new.items() if i not in paired_new]
    fields: list[FieldDiff] = []
    old_by_id = {f.id: f for f in old_fields}
    new_by_id = {f.id: f for f in new_fields}
    for fid in [*old_by_id, *(i for i in new_by_id if i not in old_by_id)]:
        o, n = old_by_id.get(fid), new_by_id.get(fid)
        if o is None or n is None or o.max != n.max:
            named = n if n is not None else o
            assert named is not None
            fields.append(
                FieldDiff(fid, named.name, o.max if o is not None else None, n.max if n else None)
            )
    return SetDiff(entries, fields)


# --- a unit against its past ----------------------------------------------------------------------


def _leaves(result: UnitResult) -> dict[str, NodeResult]:
    return {n.id: n for f in result.fields for n in f.walk() if n.rule is not None}


def _sum(nodes: Sequence[NodeResult], attr: str) -> Decimal:
    return sum((Decimal(getattr(n, attr)) for n in nodes), Decimal(0))


def _item_change(entry: CrosswalkEntry, status: ItemStatus, then: Any, now: Any) -> ItemChange:
    old_nodes = [then[i] for i in entry.old]
    new_nodes = [now[i] for i in entry.new]
    named = new_nodes[0] if new_nodes else old_nodes[0]
    t = _sum(old_nodes, "points") if old_nodes else None
    n = _sum(new_nodes, "points") if new_nodes else None
    # an item that does not apply (then or now) has no change: its maximum is 0
    applies = all(x.outcome is not Outcome.NOT_APPLICABLE for x in (*old_nodes, *new_nodes))
    then_max = _sum(old_nodes, "applicable_max") if old_nodes else None
    now_max = _sum(new_nodes, "applicable_max") if new_nodes else None
    change = n - t if t is not None and n is not None and applies else None
    weighted = change
    if change is not None and then_max and now_max and then_max != now_max:
        assert t is not None and n is not None
        weighted = quantize_fraction(
            Fraction(n) - Fraction(t) * Fraction(now_max) / Fraction(then_max)
        )
    return ItemChange(
        old=list(entry.old),
        new=list(entry.new),
        name=named.name,
        status=status,
        then=t,
        then_max=then_max,
        now=n,
        now_max=now_max,
        change=change,
        weighted_change=weighted,
    )


def _field_change(then: NodeResult | None, now: NodeResult | None) -> FieldChange:
    named = now or then
    assert named is not None
    tp = then.percent if then is not None else None
    np_ = now.percent if now is not None else None
    return FieldChange(
        id=named.id,
        name=named.name,
        then=then.points if then is not None else None,
        then_max=then.applicable_max if then is not None else None,
        now=now.points if now is not None else None,
        now_max=now.applicable_max if now is not None else None,
        then_percent=tp,
        now_percent=np_,
        change=np_ - tp if tp is not None and np_ is not None else None,
    )


def year_change(
    now: UnitResult,
    then: UnitResult,
    crosswalk: Crosswalk | None = None,
    crosswalk_name: str | None = None,
) -> YearChange:
    """The unit now against one earlier year: the index and band, each field (by id: fields are
    the eight of 876/QĐ-BNV, compared as percentages), and each sub-criterion through the
    crosswalk (``crosswalk`` None: by id when both sets have the same items, else not at all)."""
    old_items, new_items = items_of(then.fields), items_of(now.fields)
    same_set = then.criteria.id == now.criteria.id and then.criteria.version == now.criteria.version
    how: Any
    if crosswalk is not None:
        how = "crosswalk"
    elif same_set or same_structure(old_items, new_items):
        how = "same-set" if same_set else "same-structure"
        crosswalk = identity_crosswalk(new_items)
    else:
        how = "not-compared"
    items: list[ItemChange] = []
    if crosswalk is not None:
        then_nodes, now_nodes = _leaves(then), _leaves(now)
        for entry in crosswalk.items:
            status = entry_status(
                [old_items[i] for i in entry.old], [new_items[i] for i in entry.new]
            )
            items.append(_item_change(entry, status, then_nodes, now_nodes))
    then_fields = {f.id: f for f in then.fields}
    now_fields = {f.id: f for f in now.fields}
    fields = [_field_change(then_fields.get(f.id), f) for f in now.fields]
    fields += [_field_change(f, None) for f in then.fields if f.id not in now_fields]
    if then.survey is not None or now.survey is not None:
        fields.append(_field_change(then.survey, now.survey))
    # moved most: by the change at today's weight, so that a re-weighting alone moves nothing
    moved = [
        (c.weighted_change, k, c) for k, c in enumerate(items) if c.weighted_change is not None
    ]
    rose = sorted((m for m in moved if m[0] > 0), key=lambda m: (-m[0], m[1]))[:MOVED_MOST]
    fell = sorted((m for m in moved if m[0] < 0), key=lambda m: (m[0], m[1]))[:MOVED_MOST]
    return YearChange(
        year=then.year,
        source=then.source,
        criteria=then.criteria,
        items_compared=how,
        crosswalk=crosswalk_name if how == "crosswalk" else None,
        index=then.totals.index,
        band=then.totals.band,
        index_change=now.totals.index - then.totals.index,
        total=then.totals.total,
        fields=fields,
        items=items,
        rose=[_label(m[2]) for m in rose],
        fell=[_label(m[2]) for m in fell],
    )


def _label(change: ItemChange) -> str:
    """An item change by its ids: "3.4", "2.3 → 2.3 + 2.4", "4.1 + 4.2 → 4.1"."""
    if change.old == change.new:
        return change.new[0]
    return f"{' + '.join(change.old) or '—'} → {' + '.join(change.new) or '—'}"


def item_label(change: ItemChange) -> str:
    return _label(change)


def history(
    now: UnitResult, earlier: Sequence[tuple[UnitResult, Crosswalk | None, str | None]]
) -> UnitHistory:
    """The unit now against each earlier year (latest first)."""
    ordered = sorted(earlier, key=lambda e: -e[0].year)
    return UnitHistory(
        unit=now.unit,
        year=now.year,
        source=now.source,
        criteria=now.criteria,
        index=now.totals.index,
        band=now.totals.band,
        total=now.totals.total,
        previous=[year_change(now, then, cw, name) for then, cw, name in ordered],
    )


# --- a comparison against the previous year -------------------------------------------------------


@dataclass(frozen=True)
class Past:
    """A unit of the previous year as published: what last year's comparison says of it."""

    name: str
    code: str | None
    kind: str
    district: str | None
    group: str | None
    rank: int | None
    of: int | None
    index: Decimal
    band: Text | None


@dataclass(frozen=True)
class PastYear:
    """Last year's comparison, as far as a comparison against it needs."""

    year: int
    criteria: Any  # CriteriaRef
    group_by: str
    source: str
    units: list[Past]


class CodeReused(Exception):
    """A unit code of this year that belonged to another commune last year, or to an old
    commune the lineage merged into another new one (``successor``)."""

    def __init__(self, code: str, name: str, previous: str, successor: str | None = None):
        super().__init__(code)
        self.code, self.name, self.previous, self.successor = code, name, previous, successor


@dataclass(frozen=True)
class Missing:
    """A predecessor named by the lineage and found nowhere in last year's figures."""

    unit: str
    predecessor: str


def _key_name(name: str) -> str:
    return comparable(name)


class _Index:
    """Last year's units and the lineage's new units, looked up by code and by name (each key
    as people read it: :func:`~parscore.model.common.comparable`), built once."""

    def __init__(self, past: list[Past], lineage: Lineage | None):
        self.by_code: dict[str, Past] = {}
        self.by_name: dict[str, list[Past]] = {}
        for p in past:
            if p.code:
                self.by_code.setdefault(comparable(p.code), p)
            self.by_name.setdefault(_key_name(p.name), []).append(p)
        self.successor_code: dict[str, Successor] = {}
        self.successor_name: dict[tuple[str, str], Successor] = {}
        for unit in lineage.units if lineage is not None else []:
            if unit.code:
                self.successor_code[comparable(unit.code)] = unit
            self.successor_name.setdefault((_key_name(unit.name), unit.kind), unit)

    def find(self, code: str | None, name: str, district: str | None) -> Past | None:
        """An old unit the lineage names: by its code, else by its only name (in its district)."""
        if code:
            return self.by_code.get(comparable(code))
        hits = self.by_name.get(_key_name(name), [])
        if district is not None:
            hits = [
                p for p in hits if p.district and comparable(p.district) == comparable(district)
            ]
        return hits[0] if len(hits) == 1 else None

    def successor(self, row: RankRow) -> Successor | None:
        """The lineage's entry for a unit of this year: by code when both have one, else by
        name and kind."""
        if row.unit.code:
            hit = self.successor_code.get(comparable(row.unit.code))
            if hit is not None:
                return hit
        found = self.successor_name.get((_key_name(row.unit.name), row.unit.kind))
        if found is not None and found.code and row.unit.code:
            return None  # the same name under another code: another unit
        return found


def _band_order(comparison: Comparison) -> list[str]:
    bands = comparison.groups[0].bands if comparison.groups else []
    return [comparable(b.band.vi) for b in bands]


def _band_move(then: Text | None, now: Text | None, order: list[str]) -> str | None:
    if then is None or now is None:
        return None
    a, b = comparable(then.vi), comparable(now.vi)
    if a == b:
        return "same"
    if a in order and b in order:
        return "up" if order.index(b) < order.index(a) else "down"
    return "other"


@dataclass
class _Match:
    past: list[Past]
    weights: list[Decimal] | None
    derived: bool


def _derive(match: _Match) -> tuple[Decimal, str]:
    """The previous index of a unit: its own, or derived from its predecessors' by the
    declared rule (the plain mean; weighted when the lineage gives weights), rounded once."""
    if not match.derived:
        return match.past[0].index, "own"
    if match.weights is not None:
        total = sum(match.weights, Decimal(0))
        value = sum(
            (
                Fraction(w) * Fraction(p.index)
                for w, p in zip(match.weights, match.past, strict=True)
            ),
            Fraction(0),
        ) / Fraction(total)
        return quantize_fraction(value), "weighted"
    value = sum((Fraction(p.index) for p in match.past), Fraction(0)) / len(match.past)
    return quantize_fraction(value), "mean"


def _match(
    row: RankRow, index: _Index, claimed: dict[str, str]
) -> tuple[_Match | None, list[Missing]]:
    successor = index.successor(row)
    if successor is not None:
        found, missing = [], []
        for pred in successor.formed_from:
            hit = index.find(pred.code, pred.name, pred.district)
            if hit is None:
                missing.append(Missing(row.unit.name, pred.name))
            else:
                found.append(hit)
        if missing:
            return None, missing
        weights = None
        if any(p.weight is not None for p in successor.formed_from):
            weights = [p.weight or Decimal(0) for p in successor.formed_from]
        return _Match(found, weights, len(found) > 1), []
    if row.unit.code:
        code = comparable(row.unit.code)
        hit = index.by_code.get(code)
        if hit is None:
            return None, []
        if _key_name(hit.name) != _key_name(row.unit.name):
            raise CodeReused(row.unit.code, row.unit.name, hit.name)
        if code in claimed:  # the lineage says this old unit went into another new one
            raise CodeReused(row.unit.code, row.unit.name, hit.name, claimed[code])
        return _Match([hit], None, False), []
    hits = [p for p in index.by_name.get(_key_name(row.unit.name), []) if p.kind == row.unit.kind]
    if len(hits) != 1:
        return None, []
    return _Match(hits, None, False), []


def _meaningful_rank(
    row: RankRow, first: Past, comparison: Comparison, before: PastYear
) -> str | None:
    """None when the ranks compare (the same group, ranked the same way); else why not."""
    if first.rank is None:
        return "not-ranked"
    same_way = before.group_by == comparison.group_by
    same_group = (first.group is None and row.unit.group is None) or (
        first.group is not None
        and row.unit.group is not None
        and comparable(first.group) == comparable(row.unit.group)
    )
    return None if same_way and same_group else "other-group"


def against_previous(
    comparison: Comparison,
    before: PastYear,
    lineage: Lineage | None = None,
    lineage_name: str | None = None,
) -> tuple[Comparison, list[Missing]]:
    """``comparison`` with, on each ranked unit, last year's figures and the change; on each
    group, the units up, down and unchanged, the mean change, the best and worst movers and the
    band moves; and the units of last year that nothing continues. Raises :class:`CodeReused`
    when a code of this year was another commune's."""
    order = _band_order(comparison)
    claimed: dict[str, str] = {}  # old codes taken over by a lineage's successors
    if lineage is not None:
        for unit in lineage.units:
            for pred in unit.formed_from:
                if pred.code and not (unit.code and comparable(unit.code) == comparable(pred.code)):
                    claimed[comparable(pred.code)] = unit.name
    lookup = _Index(before.units, lineage)
    used: set[int] = set()
    missing: list[Missing] = []
    groups: list[Group] = []
    for group in comparison.groups:
        rows: list[RankRow] = []
        for row in group.ranking:
            match, lost = _match(row, lookup, claimed)
            missing += lost
            if match is None:
                rows.append(row)
                continue
            used.update(id(p) for p in match.past)
            index, rule = _derive(match)
            first = match.past[0]
            note = "derived" if match.derived else _meaningful_rank(row, first, comparison, before)
            rank_change = first.rank - row.rank if note is None and first.rank is not None else None
            band = None if match.derived else first.band
            previous = PreviousFigures(
                index=index,
                band=band,
                rank=None if match.derived else first.rank,
                of=None if match.derived else first.of,
                group=None if match.derived else first.group,
                derived=match.derived,
                rule=rule,  # type: ignore[arg-type]
                predecessors=[p.name for p in match.past] if match.derived else [],
                index_change=row.index - index,
                rank_change=rank_change,
                rank_note=note,  # type: ignore[arg-type]
                band_move=_band_move(band, row.band, order),  # type: ignore[arg-type]
            )
            rows.append(row.model_copy(update={"previous": previous}))
        groups.append(
            group.model_copy(update={"ranking": rows, "change": _group_change(rows, order)})
        )
    vanished = [
        Vanished(name=p.name, code=p.code, group=p.group, index=p.index)
        for p in before.units
        if id(p) not in used
    ]
    ref = PreviousRef(
        year=before.year,
        criteria=before.criteria,
        group_by=before.group_by,
        source=before.source,
        lineage=lineage_name,
        lineage_basis=lineage.basis if lineage is not None else None,
    )
    updated = comparison.model_copy(
        update={"groups": groups, "previous": ref, "vanished": vanished}
    )
    return updated, missing


def _group_change(rows: list[RankRow], order: list[str]) -> GroupChange:
    with_prev = [r for r in rows if r.previous is not None]
    changes = [r.previous.index_change for r in with_prev if r.previous is not None]
    best = max(with_prev, key=lambda r: r.previous.index_change, default=None)  # type: ignore[union-attr]
    worst = min(with_prev, key=lambda r: r.previous.index_change, default=None)  # type: ignore[union-attr]

    def mover(row: RankRow | None, sign: int) -> Mover | None:
        if row is None or row.previous is None or row.previous.index_change * sign <= 0:
            return None
        return Mover(name=row.unit.name, kind=row.unit.kind, change=row.previous.index_change)

    def mean(values: Sequence[Decimal]) -> Decimal | None:
        if not values:
            return None
        return quantize_fraction(sum((Fraction(v) for v in values), Fraction(0)) / len(values))

    moves = []
    for r in with_prev:
        p = r.previous
        if p is not None and p.band is not None and r.band is not None and p.band_move != "same":
            direction = p.band_move if p.band_move in ("up", "down") else "other"
            moves.append(
                BandMove(
                    name=r.unit.name, kind=r.unit.kind, then=p.band, now=r.band, direction=direction
                )  # type: ignore[arg-type]
            )
    return GroupChange(
        compared=len(with_prev),
        up=sum(c > 0 for c in changes),
        down=sum(c < 0 for c in changes),
        unchanged=sum(c == 0 for c in changes),
        new=[r.unit.name for r in rows if r.previous is None],
        mean_then=mean([r.previous.index for r in with_prev if r.previous is not None]),
        mean_now=mean([r.index for r in with_prev]),
        mean_change=mean(changes),
        best=mover(best, 1),
        worst=mover(worst, -1),
        band_moves=moves,
    )
