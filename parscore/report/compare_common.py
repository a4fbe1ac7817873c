"""Words and names shared by every comparison report (table, Markdown, CSV, XLSX, HTML), so that
they all say the same thing the same way."""

from __future__ import annotations

from typing import Any

from parscore.compare import Comparison, Group
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
