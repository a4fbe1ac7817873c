"""The result of scoring one commune: what ``parscore evaluate --format json`` writes.

Decimal numbers are strings written by :func:`~parscore.model.common.number_text` (exact, at
least two decimals: "70.00", "4.79"), so that no reader loses a digit; the JSON parses back into
:class:`UnitResult` with the same values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field

from parscore.model.common import RESULT_CONFIG, JsonNumber, Text, number_text
from parscore.model.evidence import Assessment, Document, Unit
from parscore.model.stages import AppraisalStages

RESULT_FORMAT: Literal["parscore-result/5"] = "parscore-result/5"


class Outcome(StrEnum):
    MET = "met"  # full points
    PARTIAL = "partial"  # some points
    UNMET = "unmet"  # no points, evidence says so
    MISSING = "missing"  # no evidence (or no document): shown as missing, scores 0
    NOT_APPLICABLE = "not_applicable"  # out of the denominator
    OUTSIDE = "outside"  # points received from outside (the survey)


#: A value as the result keeps it (a reason's argument, an input): whole numbers as numbers,
#: other numbers as decimal strings written by :func:`number_text` ("0.50"), dates as ISO
#: text, a phrase given in both languages as {"vi": ..., "en": ...}.
TypedValue = bool | int | str | dict[str, str]
ReasonArg = TypedValue


def typed_value(value: Any) -> TypedValue:
    """``value`` as the result keeps it (see :data:`TypedValue`)."""
    if isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Decimal):
        return number_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict) and set(value) == {"vi", "en"}:
        return {"vi": str(value["vi"]), "en": str(value["en"])}
    raise TypeError(f"a result cannot keep a {type(value).__name__}")


class Reason(BaseModel):
    """Why: a message code of the catalogue with its arguments, and the sentence it renders
    to in Vietnamese and English (kept for programs that read the JSON). Build it with
    :func:`parscore.messages.reason`."""

    model_config = RESULT_CONFIG

    code: str
    args: dict[str, ReasonArg] = Field(default_factory=dict)
    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


class Improvement(BaseModel):
    """A change its rule says would gain points: the points after it, and what to do."""

    model_config = RESULT_CONFIG

    points: JsonNumber
    action: Reason


class NodeResult(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    level: int = Field(description="1 for a field, 2 for a criterion, 3 below")
    max: JsonNumber
    applicable_max: JsonNumber = Field(description="max less the not-applicable parts")
    points: JsonNumber
    percent: JsonNumber | None = Field(description="points / applicable_max × 100, two decimals")
    outcome: Outcome
    reason: Reason | None = None
    rule: str | None = Field(default=None, description="the rule kind of a scored node")
    scored_by: Literal["commune", "outside"] = Field(
        default="commune",
        description="who scores it: the commune from evidence, or outside (survey points, in "
        "the survey branch or on a row inside a field)",
    )
    rule_text: Text | None = None
    inputs: dict[str, TypedValue] = Field(
        default_factory=dict, description="the inputs the rule scored, converted to their types"
    )
    documents: list[Document] = Field(default_factory=list)
    explanation: str | None = None
    nothing_occurred: str | None = None
    claimed: JsonNumber | None = None
    claim_difference: JsonNumber | None = Field(
        default=None, description="claimed − computed, when a claim was made and differs"
    )
    unproven: JsonNumber | None = Field(
        default=None,
        description="points the inputs would earn with a document or an explanation, when that "
        "is all they lack (the outcome is then missing)",
    )
    needs_explanation: bool = Field(
        default=False, description="the rule counts points only with an explanation (giải trình)"
    )
    improvements: list[Improvement] = Field(
        default_factory=list,
        description="what would gain points from here (or from the unproven points), best "
        "first, as the rule says",
    )
    lead: str | None = None
    support: list[str] = Field(default_factory=list)
    timing: str | None = None
    advice: Text | None = None
    missing_count: int = Field(default=0, description="scored nodes below with missing evidence")
    children: list[NodeResult] = Field(default_factory=list)

    def walk(self) -> Iterator[NodeResult]:
        """This node and every node below it, in the order of the criteria set."""
        yield self
        for child in self.children:
            yield from child.walk()


class LedgerLine(BaseModel):
    model_config = RESULT_CONFIG

    reason: Reason
    points: JsonNumber
    source: Literal["evidence", "rule"]
    node: str | None = None
    documents: list[Document] = Field(default_factory=list)
    kind: str | None = Field(default=None, description="the line's kind, as the set lists it")


class LedgerKindTotal(BaseModel):
    """The lines of one kind: how many, their points, and what its cap lets count."""

    model_config = RESULT_CONFIG

    id: str
    name: Text
    count: int
    sum: JsonNumber = Field(description="the lines' points")
    cap: JsonNumber | None = None
    points: JsonNumber = Field(description="sum, capped at the kind's cap")


class Ledger(BaseModel):
    model_config = RESULT_CONFIG

    lines: list[LedgerLine] = Field(default_factory=list)
    name: Text | None = Field(
        default=None, description="the set's own name for it (Nội dung 9. Điểm thưởng), if any"
    )
    kinds: list[LedgerKindTotal] = Field(
        default_factory=list, description="per kind of line the set lists, those used"
    )
    sum: JsonNumber = Field(
        default=Decimal(0), description="the lines' points, each kind capped at its cap"
    )
    cap: JsonNumber | None = None
    points: JsonNumber = Field(default=Decimal(0), description="sum, capped")


class Totals(BaseModel):
    model_config = RESULT_CONFIG

    appraisal: JsonNumber = Field(description="points earned in the eight fields")
    appraisal_max: JsonNumber = Field(
        description="the eight fields' maximum less the sub-criteria that do not apply"
    )
    survey: JsonNumber
    survey_max: JsonNumber = Field(description="the survey's maximum less what does not apply")
    bonus: JsonNumber
    penalty: JsonNumber
    total: JsonNumber = Field(description="appraisal + survey + bonus − penalty")
    max: JsonNumber = Field(description="the set's total")
    applicable_max: JsonNumber = Field(description="max less the not-applicable sub-criteria")
    index: JsonNumber = Field(description="total / applicable_max × 100, two decimals, half up")
    band: Text | None = Field(description="the band, after the set's band conditions")
    # -- set-level forms (issue #14) --
    uncapped_total: JsonNumber | None = Field(
        default=None,
        description="the total before the set's cap (cap_total), when it went above the "
        "applicable maximum: total and index are then capped",
    )
    index_band: Text | None = Field(
        default=None,
        description="the band the index alone gives, when the set's band conditions lowered it",
    )
    band_limits: list[Reason] = Field(
        default_factory=list, description="the set's band conditions that lowered the band"
    )

    @property
    def capped(self) -> bool:
        return self.uncapped_total is not None

    @property
    def lowered(self) -> bool:
        return bool(self.band_limits)


class FieldScore(BaseModel):
    """A field's points out of what applies (a plan lists them)."""

    model_config = RESULT_CONFIG

    id: str
    name: Text
    points: JsonNumber
    applicable_max: JsonNumber


class WeakField(FieldScore):  # a field's score with its percentage, among the weakest
    percent: JsonNumber


class WeakItem(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    field: str
    points: JsonNumber
    applicable_max: JsonNumber
    lost: JsonNumber
    outcome: Outcome


class Weakest(BaseModel):
    model_config = RESULT_CONFIG

    fields: list[WeakField] = Field(description="fields by percentage achieved, lowest first")
    items: list[WeakItem] = Field(description="sub-criteria by points lost, most first")


class Notice(BaseModel):
    """A warning about the input, kept with the result."""

    model_config = RESULT_CONFIG

    file: str
    line: int
    column: int
    code: str
    message: Text


class CriteriaRef(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    version: str
    year: int
    title: Text


class UnitResult(BaseModel):
    model_config = RESULT_CONFIG

    format: Literal["parscore-result/5"] = RESULT_FORMAT
    source: str = Field(description="the evidence file, as given")
    unit: Unit
    year: int
    criteria: CriteriaRef
    assessment: Assessment | None = None
    fields: list[NodeResult]
    survey: NodeResult | None = None
    bonus: Ledger
    penalty: Ledger
    totals: Totals
    weakest: Weakest
    warnings: list[Notice] = Field(default_factory=list)
    appraisal: AppraisalStages | None = Field(
        default=None,
        description="with evaluate --appraisal: the scores at every stage of the appraisal "
        "(the rest of the result is the commune's own evidence, as computed)",
    )

    def nodes(self) -> Iterator[NodeResult]:
        """Every node, fields first and the survey last, in the order of the criteria set."""
        for field in self.fields:
            yield from field.walk()
        if self.survey is not None:
            yield from self.survey.walk()

    def leaves(self) -> Iterator[NodeResult]:
        """Every scored node (one with a rule)."""
        return (node for node in self.nodes() if node.rule is not None)


class NodeScore:
    """A node's points and outcome, and nothing else: what scoring for a comparison builds
    (:func:`parscore.engine.score`) instead of a :class:`NodeResult`, with the same names so
    that :func:`parscore.compare.summarize` reads either. Not a model: nothing is validated,
    since the scoring code made every value."""

    __slots__ = (
        "id",
        "name",
        "level",
        "max",
        "applicable_max",
        "points",
        "percent",
        "outcome",
        "rule",
        "missing_count",
        "children",
        "scored_by",
    )

    def __init__(
        self,
        id: str,
        name: Text,
        level: int,
        max: Decimal,
        applicable_max: Decimal,
        points: Decimal,
        percent: Decimal | None,
        outcome: Outcome,
        rule: str | None,
        missing_count: int,
        children: tuple[NodeScore, ...],
        scored_by: Literal["commune", "outside"] = "commune",
    ):
        self.id = id
        self.name = name
        self.level = level
        self.max = max
        self.applicable_max = applicable_max
        self.points = points
        self.percent = percent
        self.outcome = outcome
        self.rule = rule
        self.missing_count = missing_count
        self.children = children
        self.scored_by = scored_by

    def walk(self) -> Iterator[NodeScore]:
        """This node and every node below it, in the order of the criteria set."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class UnitScore:
    """A commune scored for a comparison: a :class:`UnitResult` without its reasons, inputs,
    documents, ledgers' lines, weakest parts and warnings (:func:`parscore.engine.score`)."""

    source: str
    unit: Unit
    year: int
    criteria: CriteriaRef
    assessment: Assessment | None
    fields: list[NodeScore]
    survey: NodeScore | None
    totals: Totals
    #: the file holds some evidence (see :func:`parscore.compare.has_evidence`)
    assessed: bool

    def nodes(self) -> Iterator[NodeScore]:
        """Every node, fields first and the survey last, in the order of the criteria set."""
        for field in self.fields:
            yield from field.walk()
        if self.survey is not None:
            yield from self.survey.walk()

    def leaves(self) -> Iterator[NodeScore]:
        """Every scored node (one with a rule)."""
        return (node for node in self.nodes() if node.rule is not None)
