"""Words and names shared by every comparison report (table, Markdown, CSV, XLSX, HTML), so that
they all say the same thing the same way."""

from __future__ import annotations

from typing import Any

from parscore.compare import Comparison, Group
from parscore.report.common import label

#: the colour scale of percentages achieved, red at 0, yellow at 50, green at 100 (XLSX and HTML)
SCALE_RED, SCALE_YELLOW, SCALE_GREEN = "#F8696B", "#FFEB84", "#63BE7B"

COMPARE_LABELS: dict[str, tuple[str, str]] = {
    "compare_title": ("So sánh Chỉ số CCHC năm {year}", "PAR INDEX comparison {year}"),
    "compare_heading": (
        "So sánh Chỉ số CCHC — {set} ({count} đơn vị)",
        "PAR INDEX comparison — {set} ({count} units)",
    ),
    "sheet_ranking": ("Xếp hạng", "Ranking"),
    "sheet_fields": ("Lĩnh vực", "Fields"),
    "sheet_bands": ("Xếp loại", "Bands"),
    "sheet_items": ("Tiêu chí", "Sub-criteria"),
    "sheet_excluded": ("Bị loại", "Excluded"),
    "group": ("Nhóm", "Group"),
    "group_district": ("Huyện", "District"),
    "group_province": ("Tỉnh", "Province"),
    "group_title_district": ("Huyện {name}", "{name} district"),
    "group_title_province": ("Tỉnh {name}", "{name} province"),
    "all": ("Tất cả", "All"),
    "unknown_group": ("(chưa ghi)", "(not given)"),
    "all_units": ("Tất cả các đơn vị", "All units"),
    "rank": ("Vị thứ", "Rank"),
    "rank_number": ("Vị thứ (số)", "Rank (number)"),
    "unit": ("Đơn vị", "Unit"),
    "code": ("Mã", "Code"),
    "kind": ("Loại đơn vị", "Kind"),
    "appraisal": ("Điểm thẩm định", "Appraisal"),
    "bonus_penalty": ("Thưởng / trừ", "Bonus / penalty"),
    "weakest": ("Lĩnh vực yếu nhất", "Weakest field"),
    "gap": ("Chênh lệch so với trung vị nhóm", "Gap to the group median"),
    "units": ("Số đơn vị", "Units"),
    "mean": ("Bình quân", "Mean"),
    "median": ("Trung vị", "Median"),
    "mean_index": ("Chỉ số bình quân", "Mean index"),
    "median_index": ("Chỉ số trung vị", "Median index"),
    "summary": (
        "Chỉ số bình quân {mean}%, trung vị {median}%",
        "Mean index {mean}%, median {median}%",
    ),
    "field_stats": ("Lĩnh vực: bình quân và trung vị", "Fields: mean and median"),
    "full": ("Đạt điểm tối đa", "Full points"),
    "applicable_count": ("Số đơn vị áp dụng", "Applicable"),
    "full_units": ("Đơn vị đạt điểm tối đa", "Units with full points"),
    "file": ("Tệp", "File"),
    "line": ("Dòng", "Line"),
    "column": ("Cột", "Column"),
    "message": ("Nội dung", "Problem"),
    "problem_code": ("Mã lỗi", "Code"),
    "compared": ("{count} đơn vị được so sánh", "{count} units compared"),
    "excluded_count": ("{count} tệp bị loại", "{count} files left out"),
    "excluded_title": ("Tệp bị loại khỏi so sánh", "Files left out of the comparison"),
    "chart": ("Xếp hạng theo Chỉ số CCHC", "Ranking by PAR INDEX"),
    "heatmap": ("Tỷ lệ điểm đạt theo lĩnh vực (%)", "Share of points by field (%)"),
    "band_counts": ("Số đơn vị theo xếp loại", "Units by band"),
    "items_full": (
        "Tiêu chí thành phần: đơn vị đạt điểm tối đa (hỏi kinh nghiệm)",
        "Sub-criteria: units with full points (ask them how)",
    ),
    "line_column": ("dòng {line}, cột {column}", "line {line}, column {column}"),
}


def clabel(key: str, lang: str, **args: object) -> str:
    """A comparison label, or a shared one from report.common."""
    if key in COMPARE_LABELS:
        vi, en = COMPARE_LABELS[key]
        return (vi if lang == "vi" else en).format(**args)
    return label(key, lang, **args)


def group_header(comparison: Comparison, lang: str) -> str:
    """The group column's heading: Huyện / Tỉnh / Nhóm."""
    key = {"district": "group_district", "province": "group_province"}.get(
        comparison.group_by, "group"
    )
    return clabel(key, lang)


def group_name(comparison: Comparison, group: Group, lang: str) -> str:
    """The group column's value: the district or province, "Tất cả" when not grouped."""
    if group.name is not None:
        return group.name
    return clabel("all" if comparison.group_by == "none" else "unknown_group", lang)


def group_title(comparison: Comparison, group: Group, lang: str) -> str:
    """A group as a heading: "Huyện Quế Sơn" / "Quế Sơn district"; all units; not given."""
    if group.name is None:
        return clabel("all_units" if comparison.group_by == "none" else "unknown_group", lang)
    return clabel(f"group_title_{comparison.group_by}", lang, name=group.name)


def band_text(band: Any, lang: str) -> str:
    return band.get(lang) if band is not None else label("no_band", lang)
