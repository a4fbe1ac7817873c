"""Words and names shared by every comparison report (table, Markdown, CSV, XLSX, HTML), so that
they all say the same thing the same way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from parscore.compare import Comparison, Group, RankRow
from parscore.messages import render

#: the colour scale of percentages achieved, red at 0, yellow at 50, green at 100 (XLSX and HTML)
SCALE_RED, SCALE_YELLOW, SCALE_GREEN = "#F8696B", "#FFEB84", "#63BE7B"


def group_header(comparison: Comparison, lang: str) -> str:
    """The group column's heading: Huyện / Tỉnh / Nhóm."""
    code = {"district": "comparison.group-district", "province": "comparison.group-province"}
    return render(code.get(comparison.group_by, "comparison.group"), None, lang)


def group_name(comparison: Comparison, group: Group, lang: str) -> str:
    """The group column's value: the district or province, "Tất cả" when not grouped."""
    if group.name is not None:
        return group.name
    return render(
        "comparison.all" if comparison.group_by == "none" else "comparison.unknown-group",
        None,
        lang,
    )


def group_title(comparison: Comparison, group: Group, lang: str) -> str:
    """A group as a heading: "Huyện Quế Sơn" / "Quế Sơn district"; all units; not given."""
    if group.name is None:
        return render(
            "comparison.all-units" if comparison.group_by == "none" else "comparison.unknown-group",
            None,
            lang,
        )
    return render(f"comparison.group-title-{comparison.group_by}", {"name": group.name}, lang)


def band_text(band: Any, lang: str) -> str:
    return band.get(lang) if band is not None else render("result.no-band", None, lang)


@dataclass(frozen=True)
class Column:
    """One column of a comparison table, for every format that shows it: the catalogue code of
    its heading, its cell for a row (a number, or a text in the language), how a number is
    written (``points``, ``percent``, ``integer``; ``text`` for texts), its alignment, and
    whether it is a text typed in an input file (kept on one line in a table)."""

    code: str
    cell: Callable[[RankRow, str], Any]
    kind: Literal["text", "integer", "points", "percent"] = "points"
    align: Literal["left", "right"] = "right"
    typed: bool = False


RANK = Column("comparison.rank", lambda r, lang: f"{r.rank}/{r.of}", "text")
RANK_NUMBER = Column("comparison.rank-number", lambda r, lang: r.rank, "integer")
UNIT = Column("comparison.unit", lambda r, lang: r.unit.name, "text", "left", typed=True)
CODE = Column("comparison.code", lambda r, lang: r.unit.code, "text", "left")
KIND = Column("comparison.kind", lambda r, lang: r.unit.kind, "text", "left")
FILE = Column("comparison.file", lambda r, lang: r.unit.source, "text", "left")
#: the ranking's own columns, shown by the table, Markdown and the workbook
RANKING = [
    RANK,
    UNIT,
    CODE,
    Column("result.index", lambda r, lang: r.index, "percent"),
    Column("result.band", lambda r, lang: band_text(r.band, lang), "text", "left"),
    Column("result.total", lambda r, lang: r.total),
    Column("comparison.appraisal", lambda r, lang: r.appraisal),
    Column("result.survey", lambda r, lang: r.survey),
    Column("result.bonus", lambda r, lang: r.bonus),
    Column("result.penalty", lambda r, lang: r.penalty),
]
