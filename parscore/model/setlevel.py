"""Set-level forms of a criteria set (issue #14): conditions on a band beyond the index, the
evidence window, the total's cap; and the facts about the whole unit an evidence file states
for them. Kept apart from :mod:`parscore.model.criteria` so that the criteria model only names
them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from parscore.model.common import INPUT_CONFIG, NodeId, Number

#: The forms of discipline of a cán bộ or công chức, lightest first: khiển trách, cảnh cáo, hạ
#: bậc lương or giáng chức, cách chức or buộc thôi việc (bãi nhiệm).
DISCIPLINE_ORDER = ("none", "reprimand", "warning", "demotion", "dismissal")
Discipline = Literal["none", "reprimand", "warning", "demotion", "dismissal"]
DisciplineForm = Literal["reprimand", "warning", "demotion", "dismissal"]


class BandCondition(BaseModel):
    """A condition that refuses a band, and every better one, whatever the index: one of
    ``discipline_at_least`` (an official of the unit was disciplined at that form or a heavier
    one during the year) or ``field_below`` (a field's share of its applicable maximum is below
    that percentage; ``field`` names one field, else any field counts)."""

    model_config = INPUT_CONFIG

    discipline_at_least: DisciplineForm | None = Field(
        default=None,
        description="refused when an official was disciplined at this form or heavier: "
        "reprimand (khiển trách), warning (cảnh cáo), demotion (hạ bậc lương, giáng chức), "
        "dismissal (cách chức, buộc thôi việc)",
    )
    field_below: Number | None = Field(
        default=None,
        ge=0,
        le=100,
        description="refused when a field achieved less than this % of its applicable maximum",
    )
    field: NodeId | None = Field(
        default=None, description="the field field_below looks at (default: every field)"
    )

    @model_validator(mode="after")
    def _one_condition(self) -> BandCondition:
        given = (self.discipline_at_least is not None) + (self.field_below is not None)
        if given != 1 or (self.field is not None and self.field_below is None):
            raise PydanticCustomError("criteria.condition-shape", "one condition")
        return self


_WINDOW_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/N([+-]1)?")


def _window_date(value: Any) -> Any:
    match = _WINDOW_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    try:
        if match is not None and (int(match[1]), int(match[2])) != (29, 2):
            dt.date(2000, int(match[2]), int(match[1]))
            return value.strip()
    except ValueError:
        pass
    raise PydanticCustomError("criteria.window-date", "dd/mm/N", {"value": str(value)})


#: "dd/mm/N", "dd/mm/N-1" or "dd/mm/N+1": a day of the assessment year N, of the year before
#: or of the year after.
WindowDate = Annotated[
    str, BeforeValidator(_window_date), Field(pattern=r"^\d{1,2}/\d{1,2}/N([+-]1)?$")
]


def window_day(text: str, year: int) -> dt.date:
    """A window date for the assessment year ``year``: "31/01/N+1", 2023 -> 31 January 2024."""
    match = _WINDOW_DATE.fullmatch(text)
    assert match is not None, "checked when the set loaded"
    offset = int(match[3]) if match[3] else 0
    return dt.date(year + offset, int(match[2]), int(match[1]))


class EvidenceWindow(BaseModel):
    """The dates an evidence document of the assessment year N may carry; others are warned
    about. Default (no ``evidence_window``): 01/01/N to 31/01/N+1, the year and the January
    after it, when the annual reports on year N are dated."""

    model_config = INPUT_CONFIG

    start: WindowDate = Field(alias="from", examples=["15/12/N-1"])
    end: WindowDate = Field(alias="to", examples=["31/01/N+1"])

    @model_validator(mode="after")
    def _in_order(self) -> EvidenceWindow:
        if window_day(self.start, 2000) > window_day(self.end, 2000):
            raise PydanticCustomError(
                "criteria.window-order", "from after to", {"start": self.start, "end": self.end}
            )
        return self

    def dates(self, year: int) -> tuple[dt.date, dt.date]:
        return window_day(self.start, year), window_day(self.end, year)


NATIONAL_WINDOW = EvidenceWindow.model_validate({"from": "01/01/N", "to": "31/01/N+1"})


class Facts(BaseModel):
    """What an evidence file states about the whole unit for the year, read by the set's band
    conditions."""

    model_config = INPUT_CONFIG

    discipline: Discipline | None = Field(
        default=None,
        description="the heaviest discipline of an official of the unit during the year: none, "
        "reprimand (khiển trách), warning (cảnh cáo), demotion (hạ bậc lương, giáng chức), "
        "dismissal (cách chức, buộc thôi việc)",
    )
