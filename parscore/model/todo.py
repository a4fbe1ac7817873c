"""The to-do list that ``parscore evaluate --missing`` writes; see :mod:`parscore.todo` for
what goes on it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from parscore.model.common import RESULT_CONFIG, JsonNumber, Text


class TodoItem(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    need: Literal["evidence", "document", "explanation"] = Field(
        description="evidence: nothing given yet; document: figures without a document; "
        "explanation: a giải trình"
    )
    at_stake: JsonNumber
    on_supplying: JsonNumber | None = Field(
        default=None,
        description="need 'document': what supplying it gives with the figures as they are, "
        "when that is less than at_stake (the rest needs better figures)",
    )
    reason: Text | None
    support: list[str] = Field(default_factory=list)


class TodoGroup(BaseModel):
    model_config = RESULT_CONFIG

    office: str | None = Field(description="lead office (chủ trì); None when the set names none")
    items: list[TodoItem]
    at_stake: JsonNumber


class TodoList(BaseModel):
    model_config = RESULT_CONFIG

    source: str
    unit: str
    year: int
    groups: list[TodoGroup]
    at_stake: JsonNumber
