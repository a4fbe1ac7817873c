"""Reading the files of year over year: a crosswalk between two criteria set versions, a lineage
of merged communes, and last year's comparison (its JSON, as ``compare --format json`` wrote it).

Every problem is placed at its file, line and column (JSON: its file), as for evidence files;
:mod:`parscore.years` does the comparing.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from parscore import yamlsource
from parscore.checks.pydantic_errors import validation_problems
from parscore.errors import InputError, Problem, Severity
from parscore.messages import Phrase
from parscore.model.common import Text, comparable
from parscore.model.result import CriteriaRef
from parscore.model.years import Crosswalk, Lineage, MissingPredecessor
from parscore.yamlsource import Limits, Source, display_name
from parscore.years import Item, Past, PastYear, check_crosswalk


def _model(src: Source, model: type[BaseModel], key: str) -> Any:
    if not isinstance(src.data, dict) or key not in src.data:
        raise InputError([src.problem(f"{key}.not-{key}", ())])
    try:
        return model.model_validate(src.data)
    except ValidationError as exc:
        raise InputError(validation_problems(src, exc)) from None


def read_crosswalk(path: Path, limits: Limits) -> tuple[Crosswalk, Source]:
    """A crosswalk file, its shape checked (its ids against the sets: :func:`check_against`)."""
    src = yamlsource.load_file(path, limits)
    return _model(src, Crosswalk, "crosswalk"), src


def check_against(cw: Crosswalk, src: Source, old: dict[str, Item], new: dict[str, Item]) -> None:
    """The crosswalk's ids against the two sets' sub-criteria; every problem placed."""
    findings = check_crosswalk(cw, old, new)
    for f in findings:
        if "first" in f.args:  # listed twice: the line of its first entry, as the file shows it
            f.args["first_line"] = src.position(f.args.pop("first"))[0]
    if findings:
        raise InputError(
            [src.problem(f.code, f.keys, prefer_key=len(f.keys) == 1, **f.args) for f in findings]
        )


def read_lineage(path: Path, limits: Limits) -> tuple[Lineage, Source]:
    """A lineage file: its shape, then each new unit and each old unit listed once."""
    src = yamlsource.load_file(path, limits)
    lineage: Lineage = _model(src, Lineage, "lineage")
    problems: list[Problem] = []
    new_seen: dict[str, int] = {}
    old_seen: dict[str, tuple[int, str]] = {}
    for index, unit in enumerate(lineage.units):
        key = comparable(unit.code) if unit.code else f"name:{comparable(unit.name)}"
        if key in new_seen:
            problems.append(
                src.problem(
                    "lineage.unit-twice", ("units", index), name=unit.name, entry=new_seen[key] + 1
                )
            )
        new_seen.setdefault(key, index)
        weights = [p.weight for p in unit.formed_from]
        if any(w is not None for w in weights) and not all(
            w is not None and w > 0 for w in weights
        ):
            lacking = next(k for k, w in enumerate(weights) if w is None or w <= 0)
            problems.append(
                src.problem(
                    "lineage.weights-partial",
                    ("units", index, "formed_from", lacking),
                    name=unit.name,
                )
            )
        for position, pred in enumerate(unit.formed_from):
            old_key = comparable(pred.code) if pred.code else f"name:{comparable(pred.name)}"
            if old_key in old_seen:
                first = old_seen[old_key]
                problems.append(
                    src.problem(
                        "lineage.predecessor-twice",
                        ("units", index, "formed_from", position),
                        name=pred.name,
                        first=first[1],
                    )
                )
            old_seen.setdefault(old_key, (index, unit.name))
    if problems:
        raise InputError(problems)
    return lineage, src


# --- last year's comparison, from its JSON ------------------------------------------------------


def looks_like_comparison(path: Path) -> bool:
    """A file whose name ends in .json: last year's comparison (anything else: evidence)."""
    return path.is_file() and path.suffix.lower() == ".json"


def _bad(display: str, detail: str) -> InputError:
    return InputError([Problem("previous.bad-json", {"detail": detail}, display)])


class _JsonUnit(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str
    code: str | None = None
    kind: str
    district: str | None = None


class _JsonRow(BaseModel):
    model_config = ConfigDict(extra="ignore")

    rank: int
    of: int
    index: Decimal
    band: Text | None = None
    unit: _JsonUnit


class _JsonGroup(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str | None = None
    ranking: list[_JsonRow]


class _JsonComparison(BaseModel):
    """What a comparison against last year reads of last year's comparison JSON."""

    model_config = ConfigDict(extra="ignore")

    year: int
    group_by: str
    criteria: CriteriaRef
    groups: list[_JsonGroup]
    stage: Literal["self", "final"] = "self"  # before parscore-comparison/4: self-assessments


def read_comparison_json(path: Path, limits: Limits) -> PastYear:
    """Last year's ``compare --format json`` (``parscore-comparison/3`` or later): per ranked
    unit its name, code, kind, district, group, rank, index and band."""
    display = display_name(path)
    data = yamlsource.read_bytes(path, limits)
    try:
        doc = json.loads(data.decode("utf-8-sig"), parse_float=Decimal)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _bad(display, str(exc)[:200]) from None
    if not isinstance(doc, dict) or not str(doc.get("format", "")).startswith(
        "parscore-comparison/"
    ):
        found = doc.get("format") if isinstance(doc, dict) else None
        raise InputError(
            [Problem("previous.not-comparison", {"found": str(found or "—")[:40]}, display)]
        )
    version = str(doc["format"]).removeprefix("parscore-comparison/")
    if not version.isdigit() or int(version) < 3:
        raise InputError(
            [Problem("previous.old-version", {"found": str(doc["format"])[:40]}, display)]
        )
    try:
        read = _JsonComparison.model_validate(doc)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in error["loc"])
        raise _bad(display, f"{where}: {error['msg']}"[:200]) from None
    return PastYear(
        read.year, read.criteria, read.group_by, display, _ranked(read.groups), read.stage
    )


def past_of(comparison: Any, source: str) -> PastYear:
    """Last year's comparison, computed from its files, as :class:`PastYear`."""
    units = _ranked(comparison.groups)
    return PastYear(
        comparison.year, comparison.criteria, comparison.group_by, source, units, comparison.stage
    )


def _ranked(groups: Any) -> list[Past]:
    """Every ranked unit of a comparison's groups (read back from JSON, or computed)."""
    return [
        Past(
            name=row.unit.name,
            code=row.unit.code,
            kind=row.unit.kind,
            district=row.unit.district,
            group=group.name,
            rank=row.rank,
            of=row.of,
            index=row.index,
            band=row.band,
        )
        for group in groups
        for row in group.ranking
    ]


# --- the commands' bodies -------------------------------------------------------------------------


def crosswalk_for(
    crosswalks: list[tuple[Crosswalk, Source]], old_id: str, new_id: str
) -> list[tuple[Crosswalk, Source]] | None:
    """The crosswalks that lead from the set ``old_id`` to ``new_id``: the one given for the
    pair, else the shortest chain of those given (2023 → 2024, 2024 → 2025); None without."""
    paths: dict[str, list[tuple[Crosswalk, Source]]] = {old_id: []}
    frontier = [old_id]
    while frontier:
        following = []
        for set_id in frontier:
            for cw, src in crosswalks:
                if cw.crosswalk.old == set_id and cw.crosswalk.new not in paths:
                    paths[cw.crosswalk.new] = [*paths[set_id], (cw, src)]
                    following.append(cw.crosswalk.new)
        frontier = following
    found = paths.get(new_id)
    return found if found else None


def chained(
    chain: list[tuple[Crosswalk, Source]], old: dict[str, Item], new: dict[str, Item]
) -> tuple[Crosswalk, str]:
    """The crosswalks of a chain checked (the first against the old set, the last against the
    new one, each against the ids its neighbours list for the set between) and composed."""
    from parscore.years import compose, placeholder_items

    problems: list[Problem] = []
    for position, (cw, src) in enumerate(chain):
        before = old if position == 0 else placeholder_items(_ids(chain[position - 1][0], "new"))
        after = (
            new
            if position == len(chain) - 1
            else placeholder_items(_ids(chain[position + 1][0], "old"))
        )
        try:
            check_against(cw, src, before, after)
        except InputError as exc:  # every crosswalk of the chain is reported
            problems += exc.problems
    if problems:
        raise InputError(problems)
    composed = chain[0][0]
    for cw, _ in chain[1:]:
        composed = compose(composed, cw)
    return composed, " + ".join(src.display for _, src in chain)


def _ids(cw: Crosswalk, side: str) -> list[str]:
    return [i for entry in cw.items for i in getattr(entry, side)]


def unit_history(
    current: Path,
    previous: list[Path],
    crosswalk_paths: list[Path],
    resolver: Any,
    criteria: str | None = None,
    lineage_path: Path | None = None,
) -> tuple[Any, list[Problem]]:
    """``evaluate FILE --previous OLD...``: the unit now against each earlier file, each item
    through the crosswalk given for its two sets (by id when the sets have the same items).
    An earlier file of another unit is refused unless the lineage names it among the unit's
    old units; several old units of one year give the index derived as ``compare`` derives it.
    Returns the history and the notices to print (a set pair without a crosswalk)."""
    from parscore.engine import evaluate
    from parscore.loading import load_evidence
    from parscore.years import derived_change, history, items_of, same_structure

    now = evaluate(load_evidence(current, resolver, criteria=criteria))
    crosswalks = [read_crosswalk(p, resolver.limits) for p in crosswalk_paths]
    lineage, lineage_src = (
        read_lineage(lineage_path, resolver.limits) if lineage_path is not None else (None, None)
    )
    successor = _successor_of(now.unit, lineage) if lineage is not None else None
    earlier: list[tuple[Any, Crosswalk | None, str | None]] = []
    notices: list[Problem] = []
    theirs: dict[int, list[tuple[int, Any]]] = {}  # year → (position in the lineage, result)
    used: set[int] = set()  # the crosswalks a chain took
    pairs: list[tuple[str, str]] = []  # the set pairs that needed one
    for path in previous:
        then = evaluate(load_evidence(path, resolver))
        if then.year >= now.year:
            raise InputError(
                [
                    Problem(
                        "previous.not-earlier",
                        {"then": then.year, "now": now.year},
                        display_name(path),
                    )
                ]
            )
        if not _same_unit(now.unit, then.unit):
            position = _predecessor(successor, then.unit) if successor is not None else None
            if position is None:
                raise InputError([_other_unit(now.unit, then.unit, path, lineage_path)])
            theirs.setdefault(then.year, []).append((position, then))
            continue
        old_items, new_items = items_of(then.fields), items_of(now.fields)
        found = crosswalk_for(crosswalks, then.criteria.id, now.criteria.id)
        same = then.criteria.id == now.criteria.id and then.criteria.version == now.criteria.version
        if not same:
            pairs.append((then.criteria.id, now.criteria.id))
        if found is not None and not same:
            used.update(id(cw) for cw, _ in found)
            earlier.append((then, *chained(found, old_items, new_items)))
            continue
        if not same and not same_structure(old_items, new_items):
            notices.append(
                Problem(
                    "previous.no-crosswalk",
                    {"then": then.criteria.id, "year": then.year, "now": now.criteria.id},
                    display_name(path),
                    severity=Severity.WARNING,
                )
            )
        earlier.append((then, None, None))
    notices += _unused(crosswalks, used, pairs)
    derived = []
    for year, olds in sorted(theirs.items()):
        assert successor is not None and lineage_src is not None
        olds.sort(key=lambda o: o[0])
        given = {o[0] for o in olds}
        lacking = [p.name for k, p in enumerate(successor.formed_from) if k not in given]
        if lacking:
            entry = lineage.units.index(successor)  # type: ignore[union-attr]
            raise InputError(
                [
                    lineage_src.problem(
                        "previous.predecessors-lacking",
                        ("units", entry, "formed_from"),
                        unit=now.unit.name,
                        year=year,
                        lacking=", ".join(lacking),
                    )
                ]
            )
        if len(olds) == 1:  # a unit renamed or recoded: its own figures, through the lineage
            earlier.append((olds[0][1], None, None))
            continue
        weights = None
        if any(p.weight is not None for p in successor.formed_from):
            weights = [p.weight or Decimal(0) for p in successor.formed_from]
        derived.append(derived_change(now, [o[1] for o in olds], weights))
    return history(now, earlier, derived), notices


def _unused(
    crosswalks: list[tuple[Crosswalk, Source]], used: set[int], pairs: list[tuple[str, str]]
) -> list[Problem]:
    """A crosswalk given and used for no pair of sets: said with its sets and the pairs; an
    error when it maps neither way between the sets of a pair (a warning when it runs the other
    way round, or when no pair needed one)."""
    found = []
    for cw, src in crosswalks:
        if id(cw) in used:
            continue
        reversed_ = (cw.crosswalk.new, cw.crosswalk.old)
        matches = not pairs or reversed_ in pairs  # only the other way round: a warning
        found.append(
            src.problem(
                "crosswalk.not-used",
                ("crosswalk",),
                prefer_key=True,
                severity=Severity.WARNING if matches else Severity.ERROR,
                old=cw.crosswalk.old,
                new=cw.crosswalk.new,
                pairs=", ".join(f"{a} → {b}" for a, b in pairs) or "—",
            )
        )
    if any(p.severity is Severity.ERROR for p in found):
        raise InputError(found)
    return found


def _same_unit(now: Any, then: Any) -> bool:
    """The same unit: the same code when both files give one, else the same name."""
    if now.code and then.code:
        return bool(comparable(now.code) == comparable(then.code))
    return bool(comparable(now.name) == comparable(then.name))


def _successor_of(unit: Any, lineage: Lineage) -> Any:
    """The lineage's entry for this year's unit: by code when both give one, else by name."""
    for entry in lineage.units:
        if entry.code and unit.code:
            if comparable(entry.code) == comparable(unit.code):
                return entry
        elif comparable(entry.name) == comparable(unit.name):
            return entry
    return None


def _predecessor(successor: Any, unit: Any) -> int | None:
    """Where the lineage lists an earlier file's unit among the successor's old units."""
    for position, pred in enumerate(successor.formed_from):
        if pred.code and unit.code:
            if comparable(pred.code) == comparable(unit.code):
                return position
        elif comparable(pred.name) == comparable(unit.name):
            return position
    return None


def _other_unit(now: Any, then: Any, path: Path, lineage_path: Path | None) -> Problem:
    args = {
        "name": now.name,
        "unit_code": now.code or "—",
        "then_name": then.name,
        "then_code": then.code or "—",
    }
    if lineage_path is not None:
        return Problem("previous.not-a-predecessor", args, display_name(path))
    return Problem("previous.other-unit", args, display_name(path))


def set_diff(old_ref: str, new_ref: str, resolver: Any) -> tuple[Any, Any, Any]:
    """``criteria diff OLD NEW``: the two sets and what differs between them."""
    from parscore.loading import load_criteria
    from parscore.years import diff_sets, items_of

    old = load_criteria(old_ref, resolver)
    new = load_criteria(new_ref, resolver)
    return diff_sets(items_of(old.fields), items_of(new.fields), old.fields, new.fields), old, new


def against_last_year(
    comparison: Any,
    previous: list[Path],
    lineage_path: Path | None,
    limits: Limits,
    **scoring: Any,
) -> tuple[Any, list[Problem], list[Path]]:
    """``compare ... --previous OLD [--lineage FILE]``: last year's comparison (its JSON, or its
    files compared as ``compare`` compares them), then each unit and group against it. Returns
    the comparison, the problems to print (last year's files left out, old units the lineage
    names and last year lacks) and the files read."""
    from parscore import batch
    from parscore.errors import UsageError
    from parscore.years import Conflicts, against_previous

    problems: list[Problem] = []
    read: list[Path] = list(previous)
    jsons = [p for p in previous if looks_like_comparison(p)]
    if jsons and len(previous) > 1:  # one comparison JSON, or evidence files: never both
        raise UsageError(
            "previous.json-alone",
            listing=", ".join(display_name(p) for p in previous),
            file=display_name(jsons[0]),
        )
    if jsons:
        before = read_comparison_json(previous[0], limits)
    else:
        run = batch.compare_paths(previous, None, limits, **scoring)
        problems += run.problems
        read += run.read
        refusal = run.refusal
        if isinstance(refusal, UsageError) and refusal.code == "compare.mixed-years":
            raise UsageError("previous.mixed-years", **refusal.args_)  # its hint is for --previous
        if refusal is not None:
            raise refusal
        if run.comparison is None:
            shown = ", ".join(display_name(p) for p in previous)
            raise InputError(problems) if problems else UsageError("batch.nothing", paths=shown)
        source = ", ".join(display_name(p) for p in previous)
        before = past_of(run.comparison, source)
    if before.year >= comparison.year:
        raise InputError(
            [
                Problem(
                    "previous.not-earlier",
                    {"then": before.year, "now": comparison.year},
                    before.source,
                )
            ]
        )
    lineage, lineage_src = None, None
    if lineage_path is not None:
        lineage, lineage_src = read_lineage(lineage_path, limits)
        read.append(lineage_path)
    try:
        updated, missing = against_previous(
            comparison,
            before,
            lineage,
            display_name(lineage_path) if lineage_path is not None else None,
        )
    except Conflicts as exc:
        raise InputError(
            [_conflict_problem(c, lineage_src, before.source, limits) for c in exc.found]
        ) from None
    if before.stage != comparison.stage:
        problems.append(
            Problem(
                "previous.stage-differs",
                {
                    "year": comparison.year,
                    "stage": Phrase(f"years.stage-{comparison.stage}"),
                    "then": before.year,
                    "then_stage": Phrase(f"years.stage-{before.stage}"),
                },
                before.source,
                severity=Severity.WARNING,
            )
        )
    if missing and lineage_src is not None and updated.previous is not None:
        said = [
            MissingPredecessor(
                unit=m.unit,
                predecessor=m.predecessor,
                where="{}:{}".format(
                    lineage_src.display,
                    lineage_src.position(("units", m.entry, "formed_from", m.position))[0],
                ),
            )
            for m in missing
        ]
        updated = updated.model_copy(
            update={"previous": updated.previous.model_copy(update={"missing": said})}
        )
    problems += [
        lineage_src.problem(
            "previous.predecessor-missing",
            ("units", m.entry, "formed_from", m.position),
            severity=Severity.WARNING,
            unit=m.unit,
            predecessor=m.predecessor,
        )
        for m in missing
        if lineage_src is not None
    ]
    return updated, problems, read


def _conflict_problem(c: Any, lineage_src: Source | None, before: str, limits: Limits) -> Problem:
    """A conflict placed: at its lineage line, at the code in this year's evidence file (when
    it is a YAML file), else at the file."""
    if c.lineage_keys is not None and lineage_src is not None:
        return lineage_src.problem(c.code, c.lineage_keys, **c.args)
    if c.unit_source is None:
        return Problem(c.code, c.args, before)
    path = Path(c.unit_source)
    if path.is_file() and path.suffix.lower() in (".yaml", ".yml"):
        try:
            src = yamlsource.load_file(path, limits)
            return src.problem(c.code, ("unit", "code"), **c.args)
        except InputError:
            pass
    return Problem(c.code, c.args, c.unit_source)


def plan_since(plan: Any, history: Any) -> Any:
    """``plan --previous``: the plan with the sub-criteria that lost points since the latest
    earlier year (through its crosswalk), most lost first."""
    own = [c for c in history.previous if not c.derived]  # derived figures have no items
    if not own:
        return plan
    latest = own[0]
    fell = sorted(
        (c for c in latest.items if c.weighted_change is not None and c.weighted_change < 0),
        key=lambda c: c.weighted_change,  # type: ignore[arg-type, return-value]
    )
    return plan.model_copy(update={"since_year": latest.year, "fell": fell})
