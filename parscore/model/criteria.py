"""The criteria-set format: a versioned tree of fields, criteria and sub-criteria.

Only the shape is checked here; :mod:`parscore.loading` checks what needs the whole tree (ids
unique, parents equal to the sum of their children, bands without gaps, the declared total).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from parscore.bands import Bounds
from parscore.model.common import (
    INPUT_CONFIG,
    Name,
    NodeId,
    NonEmptyStr,
    Number,
    Points,
    SetId,
    Text,
)
from parscore.model.setlevel import BandCondition, EvidenceWindow
from parscore.rules import InputSpec, Rule, RuleKind, kind_of

ScoredBy = Literal["commune", "outside"]
WhenNothing = Literal["full_points", "not_applicable", "zero"]


class Node(BaseModel):
    """A field, criterion or sub-criterion. A node has either a ``rule`` or ``children``."""

    model_config = INPUT_CONFIG

    id: NodeId = Field(description='stable id: "3", "3.2", "1.1.4", "S.1"')
    key: Name | None = Field(
        default=None,
        description="a field's short English id (direction, procedures, ...)",
    )
    name: Text = Field(description="official Vietnamese name, and English")
    task: Text | None = Field(
        default=None,
        description="the year's reform plan's task for it, as an imperative (a verb first: "
        '"Xây dựng, ban hành Kế hoạch kiểm tra CCHC"); default: "Thực hiện: <name>"',
    )
    max: Points = Field(description="maximum points")
    rule: Rule | None = None
    children: list[Node] | None = Field(default=None, min_length=1)
    scored_by: ScoredBy = Field(
        default="commune",
        description="'commune': self-assessed from evidence; 'outside': points received "
        "(the survey)",
    )
    when_nothing_occurred: WhenNothing | None = Field(
        default=None,
        description="what a 'nothing occurred' case is worth: full_points, not_applicable "
        "(out of the denominator) or zero. Absent: the case is refused.",
    )
    documents_required: bool | None = Field(
        default=None,
        description="whether the inputs need an evidence document or an explanation to count "
        "(default: the set's documents_required)",
    )
    evidence: Text | None = Field(default=None, description="the evidence expected")
    document_types: list[DocumentType] = Field(
        default_factory=list,
        description="the type codes of the documents that prove it, as in a document's number "
        "(Nghị định 30/2020/NĐ-CP): KH a plan, BC a report, QĐ a decision; parscore review "
        "flags an item none of whose documents is of one of them",
    )
    lead: NonEmptyStr | None = Field(default=None, description="default lead office (chủ trì)")
    support: list[NonEmptyStr] = Field(
        default_factory=list, description="default coordinating offices (phối hợp)"
    )
    advice: Text | None = Field(default=None, description="how to improve it")
    timing: NonEmptyStr | None = Field(
        default=None,
        description="the lead office's usual timing for the work where the rule gives no due "
        'date, e.g. "Quý I", "Thường xuyên": the improvement plan\'s timing, marked as such in '
        "the year's plan",
    )
    notes: Text | None = None

    @property
    def is_leaf(self) -> bool:
        return self.rule is not None

    @property
    def kind(self) -> type[RuleKind]:
        assert self.rule is not None
        return kind_of(self.rule)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children or ():
            yield from child.walk()


class ClassBand(Bounds):
    """A classification band (xếp loại) over the index."""

    id: NonEmptyStr | None = Field(
        default=None,
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        description="stable id (default: the English name, else the Vietnamese, as a slug: "
        "excellent, good)",
    )
    name: Text
    not_when: list[BandCondition] = Field(
        default_factory=list,
        description="conditions that refuse this band and every better one, whatever the "
        "index (không xếp loại ... khi ...)",
    )

    @property
    def band_id(self) -> str:
        """The id given, or one made from the name."""
        return self.id if self.id is not None else band_slug(self.name)


def band_slug(name: Text) -> str:
    """A band's default id: its English name (else its Vietnamese one) in lower case ASCII
    letters and digits joined by "-": "Excellent" -> "excellent", "Xuất sắc" -> "xuat-sac"."""
    text = unicodedata.normalize("NFKD", (name.en or name.vi).replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text)) or "band"


class Split(BaseModel):
    model_config = INPUT_CONFIG

    appraisal: Points
    survey: Points = Decimal(0)


class LedgerKind(BaseModel):
    """A kind of bonus or penalty (an initiative recognised by the province, by a ministry; a
    report sent late), with its own points and cap."""

    model_config = INPUT_CONFIG

    id: NonEmptyStr = Field(
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        description="what an evidence line writes as its kind: initiative-province",
    )
    name: Text
    points_each: Points | None = Field(
        default=None, gt=0, description="points of one line of this kind when the line gives none"
    )
    cap: Points | None = Field(default=None, description="the most this kind counts in a year")


class LedgerRule(BaseModel):
    """How bonus or penalty points are counted."""

    model_config = INPUT_CONFIG

    points_each: Points | None = Field(
        default=None, gt=0, description="points of one entry when the entry gives none"
    )
    cap: Points = Field(description="the most that counts in one year")
    name: Text | None = None
    kinds: list[LedgerKind] = Field(
        default_factory=list,
        description="kinds of line, each with its points and cap; a line names its kind",
    )

    def kind(self, kind_id: str) -> LedgerKind | None:
        return next((k for k in self.kinds if k.id == kind_id), None)


#: A document type code, the middle part of a number: "KH" in "10/KH-UBND", "QĐ", "TTr".
DocumentType = Annotated[str, Field(pattern=r"^[A-ZĐ][A-Za-zĐđ]{0,5}$")]

#: One input of one item: "3.2.settled".
InputRef = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9.]*\.[a-z_][a-z0-9_]*$")]


class Agreement(BaseModel):
    """Inputs of different items that count the same things, and so must agree: the dossiers
    settled in 3.2 and in 3.5 (``equal``), or each no more than the next (``at_most``: the
    dossiers with fees in 7.3 are among those received in 3.4). parscore review flags a file
    whose figures do not."""

    model_config = INPUT_CONFIG

    id: NonEmptyStr = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: Text
    inputs: list[InputRef] = Field(min_length=2, description='"item.input": "3.2.settled"')
    relation: Literal["equal", "at_most"] = "equal"


class CriteriaSet(BaseModel):
    """A criteria set: a province's (or a template's) PAR INDEX for communes, for one year."""

    model_config = INPUT_CONFIG

    id: SetId = Field(examples=["ref-commune-2023"])
    title: Text
    issuer: Text = Field(description="issuing body, or the template the set follows")
    decision: NonEmptyStr | None = Field(
        default=None, description="the decision that issues the set, e.g. 2204/QĐ-UBND"
    )
    year: int = Field(ge=2000, le=2100)
    version: NonEmptyStr
    total: Points
    split: Split
    bands: list[ClassBand] = Field(min_length=1)
    documents_required: bool = True
    parameters: dict[Name, Number] = Field(
        default_factory=dict,
        description="targets written once and used in rules as $name (or $name / 2, "
        "$name * 0.5): online_share_target: 35",
    )
    fields: list[Node] = Field(min_length=1)
    survey: Node | None = None
    bonus: LedgerRule | None = None
    penalty: LedgerRule | None = None
    notes: Text | None = None
    # -- set-level forms (issue #14) --
    cap_total: bool = Field(
        default=False,
        description="whether the total (and so the index) is capped at the applicable maximum "
        "when bonus points take it above (default: not capped, as the national formula)",
    )
    evidence_window: EvidenceWindow | None = Field(
        default=None,
        description="the dates evidence documents of year N may carry, e.g. from: 15/12/N-1, "
        "to: 31/01/N+1 (default: 01/01/N to 31/01/N+1)",
    )
    agree: list[Agreement] = Field(
        default_factory=list,
        description="inputs of different items that must agree (parscore review checks them)",
    )

    def nodes(self) -> Iterator[Node]:
        for field in self.fields:
            yield from field.walk()
        if self.survey is not None:
            yield from self.survey.walk()

    def leaves(self) -> Iterator[Node]:
        return (node for node in self.nodes() if node.is_leaf)

    # Worked out once per set (a set is frozen), not once per evidence file checked against it.
    @functools.cached_property
    def node_map(self) -> dict[str, Node]:
        """Every node by id."""
        return {node.id: node for node in self.nodes()}

    @functools.cached_property
    def survey_ids(self) -> frozenset[str]:
        """The ids of the survey and every node below it, and of the survey rows inside fields
        (leaves ``scored_by: outside``): what an evidence file fills under ``survey:``."""
        branch = frozenset(n.id for n in self.survey.walk()) if self.survey else frozenset()
        return branch | {n.id for n in self.leaves() if n.scored_by == "outside"}

    @functools.cached_property
    def input_specs(self) -> dict[str, dict[str, InputSpec]]:
        """Each scored node's inputs by name, in its rule's order (``kind.inputs(rule)``)."""
        return {
            node.id: {spec.name: spec for spec in node.kind.inputs(node.rule)}
            for node in self.leaves()
        }

    @functools.cached_property
    def leaf_ids(self) -> tuple[str, ...]:
        """The scored nodes' ids, in the set's order."""
        return tuple(node.id for node in self.leaves())
