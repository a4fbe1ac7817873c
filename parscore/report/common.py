"""What every reporter shares: labels in both languages and the one display rounding rule.

Scores are exact in the result; a reporter shows them with two decimals, rounded half up (the
rule published indexes follow), with a decimal comma in Vietnamese. A reporter formats a result
and never recomputes a score.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from parscore.decimals import quantize
from parscore.model.evidence import Unit
from parscore.model.result import OUTCOME_TEXT, NodeResult, Outcome


@dataclass(frozen=True)
class Options:
    lang: str = "vi"
    detail: bool = False
    top: int = 5


def number(value: Decimal | None, lang: str) -> str:
    """Two decimals, half up: ``87,50`` (vi) / ``87.50`` (en); empty for None."""
    if value is None:
        return ""
    text = format(quantize(value), "f")
    return text.replace(".", ",") if lang == "vi" else text


def signed(value: Decimal, lang: str) -> str:
    text = number(abs(value), lang)
    return ("+" if value >= 0 else "−") + text


def percent(value: Decimal | None, lang: str) -> str:
    return "" if value is None else number(value, lang) + "%"


LABELS: dict[str, tuple[str, str]] = {
    "title": ("Kết quả tự đánh giá Chỉ số CCHC năm {year}", "PAR INDEX self-assessment {year}"),
    "criteria": ("Bộ tiêu chí", "Criteria set"),
    "assessed": ("Đánh giá", "Assessed"),
    "field": ("Lĩnh vực", "Field"),
    "by_field": ("Điểm theo lĩnh vực", "Points by field"),
    "item": ("Tiêu chí", "Criterion"),
    "points": ("Điểm", "Points"),
    "max": ("Tối đa", "Max"),
    "percent": ("Tỷ lệ", "Share"),
    "outcome": ("Kết quả", "Outcome"),
    "reason": ("Căn cứ chấm", "Why"),
    "evidence": ("Tài liệu kiểm chứng", "Evidence"),
    "explanation": ("Giải trình", "Explanation"),
    "claimed": ("Tự chấm", "Claimed"),
    "difference": ("Chênh lệch", "Difference"),
    "survey": ("Điều tra xã hội học", "Survey"),
    "bonus": ("Điểm thưởng", "Bonus"),
    "penalty": ("Điểm trừ", "Penalty"),
    "total": ("Tổng điểm", "Total"),
    "applicable": ("Điểm tối đa áp dụng", "Applicable maximum"),
    "index": ("Chỉ số CCHC", "PAR INDEX"),
    "band": ("Xếp loại", "Band"),
    "no_band": ("chưa xếp loại", "no band"),
    "weak_fields": ("Lĩnh vực yếu nhất", "Weakest fields"),
    "weak_items": ("Tiêu chí mất nhiều điểm nhất", "Sub-criteria that lost most points"),
    "lost": ("Điểm mất", "Lost"),
    "ledger": ("Điểm thưởng, điểm trừ", "Bonus and penalty"),
    "booked_by_rule": ("tự động theo tiêu chí {id}", "booked by sub-criterion {id}"),
    "claims": ("Điểm tự chấm khác điểm tính", "Claimed scores that differ from the computed ones"),
    "warnings": ("Cảnh báo", "Warnings"),
    "details": ("Chi tiết từng tiêu chí", "Every sub-criterion"),
    "cap": ("tối đa {cap}", "cap {cap}"),
    "missing_note": (
        "{count} tiêu chí còn thiếu minh chứng (xem --missing)",
        "{count} sub-criteria lack evidence (see --missing)",
    ),
    "todo_title": (
        "Việc cần chuẩn bị cho cuộc họp tự đánh giá — {unit}, năm {year}",
        "To bring to the self-assessment meeting — {unit}, {year}",
    ),
    "todo_office": ("Đơn vị chủ trì", "Lead office"),
    "todo_need": ("Cần bổ sung", "Needed"),
    "todo_at_stake": ("Điểm có thể mất", "Points at stake"),
    "todo_none": (
        "Không còn tiêu chí nào thiếu minh chứng hay giải trình.",
        "Nothing lacks evidence or an explanation.",
    ),
    "todo_unassigned": ("Chưa phân công", "Unassigned"),
    "todo_evidence": ("số liệu và tài liệu kiểm chứng", "inputs and documents"),
    "todo_document": ("tài liệu kiểm chứng", "evidence document"),
    "todo_explanation": ("giải trình", "explanation"),
    "todo_total": ("Tổng", "Total"),
    "district": ("huyện {name}", "{name} district"),
    "province": ("tỉnh {name}", "{name} province"),
}


def label(key: str, lang: str, **args: object) -> str:
    vi, en = LABELS[key]
    return (vi if lang == "vi" else en).format(**args)


def outcome_text(outcome: Outcome, lang: str) -> str:
    return OUTCOME_TEXT[outcome].get(lang)


def unit_line(unit: Unit, lang: str) -> str:
    """``xã Vĩnh Chấp (19435), huyện Vĩnh Linh, tỉnh Quảng Trị``."""
    name = f"{unit.kind} {unit.name}" if lang == "vi" else unit.name
    if unit.code:
        name += f" ({unit.code})"
    parents = [label(p.level, lang, name=p.name) for p in unit.parents]
    return ", ".join([name, *parents])


def documents_text(node: NodeResult, lang: str) -> str:
    parts = []
    for doc in node.documents:
        words = [doc.number or ("(không số)" if lang == "vi" else "(no number)")]
        if doc.date:
            words.append(doc.date.strftime("%d/%m/%Y"))
        if doc.section:
            words.append(doc.section)
        parts.append(" ".join(words))
    return "; ".join(parts)


# --- text from input files in spreadsheets and Markdown ------------------------------------------

#: a spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"),
#: the full-width forms included (some spreadsheets read them as the ASCII ones)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def spreadsheet_text(value: object) -> object:
    """A CSV cell as a spreadsheet must read it: text that would start a formula gets a leading
    ``'`` (Excel and LibreOffice then show it as text); numbers written by parscore (``Decimal``,
    ``int``), negative ones included, stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class SafeCSVWriter:
    """``csv.writer`` for every CSV parscore writes: each text cell through
    :func:`spreadsheet_text`."""

    def __init__(self, out: object) -> None:
        import csv

        self._writer = csv.writer(out, lineterminator="\n")  # type: ignore[arg-type]

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([spreadsheet_text(cell) for cell in row])


_MARKDOWN = str.maketrans(
    {
        "\\": "\\\\",  # first, so that an input's own "\|" cannot undo the escape of "|"
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "|": "\\|",
        "\r": " ",
        "\n": " ",
    }
)


def markdown_text(text: str) -> str:
    """Text in a Markdown document, shown as it is typed: no HTML (``<script>`` stays text),
    no character reference, no table cell or line broken by ``|`` or a new line, no link or
    image (``[text](url)``). Every Markdown writer passes its text through here; a renderer
    shows the same characters as the input."""
    return text.replace("\r\n", "\n").translate(_MARKDOWN).replace("](", "\\](")
