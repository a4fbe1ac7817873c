"""The cells of an XLSX workbook, read with the precautions every workbook input takes: the
bytes are those already read (and size-checked) by :func:`parscore.yamlsource.read_bytes`, never
the path opened again; the zip is checked before openpyxl sees it (an .xls or a
password-protected file is not a zip; a small file may unzip to gigabytes); openpyxl's warnings
never reach stderr; a number is the shortest text that reads back as the same double (what was
typed: ``4.1``, not ``4.0999999999999996``), and a number shown as a percentage is kept as that
text (``90%``), never read as 0.9; a formula whose value was never saved is said, not read as an
empty cell.

The province's survey table (:mod:`parscore.survey_table`) reads through here. The score-sheet
reader (:mod:`parscore.workbook.read`) still has its own copy of :func:`check_zip`,
:func:`shown` and :func:`from_float` (it was being reworked in parallel when this module was
written); it is to take them from here.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from parscore.decimals import plain
from parscore.errors import InputError, Problem
from parscore.messages import Phrase, format_size
from parscore.yamlsource import Limits

#: the unzipped parts of a workbook may be this many times --max-file-size, no more
UNZIPPED_FACTOR = 20
MAX_PARTS = 1000


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula whose value Excel never saved (a file written by a program,
    not opened and saved in Excel): its value is unknown, not empty."""

    text: str


def _refuse(code: str, display: str, **args: Any) -> InputError:
    return InputError([Problem(code, args, display)])


def check_zip(data: bytes, display: str, limits: Limits) -> None:
    """Before openpyxl sees it: a zip whose parts unzip to a bounded size."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse("workbook.not-xlsx", display) from None
    limit = limits.max_bytes * UNZIPPED_FACTOR
    size = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or size > limit:
        raise _refuse(
            "workbook.too-large", display, size=format_size(size), limit=format_size(limit)
        )
    names = {part.filename for part in parts}
    if not any(name.startswith("xl/") for name in names):  # a zip, not a workbook: say what
        kind = next((k for part, k in _OTHER_ZIPS if part in names), "workbook.kind-zip")
        raise _refuse("workbook.other-file", display, kind=Phrase(kind))


#: a part that tells what another zip-based file is: a Word document, a presentation...
_OTHER_ZIPS = (
    ("word/document.xml", "workbook.kind-docx"),
    ("ppt/presentation.xml", "workbook.kind-pptx"),
    ("content.xml", "workbook.kind-odf"),
)


def from_float(value: float) -> str:
    """The shortest text that reads back as the same double: what was typed in the cell."""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def number_text(value: float) -> str:
    """A number cell as it would be typed in YAML, written out: ``1e-05`` is ``0.00001``."""
    return format(plain(Decimal(from_float(value))), "f")


def shown(cell: Any) -> Any:
    """A cell's value; a number shown as a percentage as its text (``90%``)."""
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "%" in (getattr(cell, "number_format", None) or ""):
            hundred = Decimal(from_float(float(value))) * 100
            return f"{plain(hundred.normalize())}%"
    return value


def _open(data: bytes, display: str, *, values: bool) -> Any:
    import openpyxl  # only when a workbook is read

    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=values)
    except Exception:  # noqa: BLE001 - any damage openpyxl meets is the file's
        raise _refuse("survey.not-workbook", display) from None


def first_sheet(data: bytes, display: str, limits: Limits) -> tuple[str, list[tuple[Any, ...]]]:
    """The first sheet's title and rows, each cell :func:`shown`, a formula without a saved
    value as :class:`Formula`; at most ``--max-nodes`` cells."""
    check_zip(data, display, limits)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        values, formulas = _open(data, display, values=True), _open(data, display, values=False)
        try:
            sheet, written = values.worksheets[0], formulas.worksheets[0]
            rows: list[tuple[Any, ...]] = []
            visited = 0
            for got, typed in zip(_rows(sheet, display), _rows(written, display), strict=False):
                visited += len(got)
                if visited > limits.max_nodes:
                    code, args = "workbook.too-many-cells", {"limit": limits.max_nodes}
                    raise InputError([Problem(code, args, display)])
                rows.append(tuple(_value(a, b) for a, b in zip(got, typed, strict=False)))
            return sheet.title, rows
        finally:
            values.close()
            formulas.close()


def _rows(sheet: Any, display: str) -> Iterator[tuple[Any, ...]]:
    rows = sheet.iter_rows()
    while True:
        try:  # read-only: each row's XML is parsed now, damaged or not
            yield tuple(next(rows))
        except StopIteration:
            return
        except Exception:  # noqa: BLE001 - any damage openpyxl meets is the file's
            raise _refuse("survey.not-workbook", display) from None


def _value(cell: Any, typed: Any) -> Any:
    value = shown(cell)
    written = getattr(typed, "value", None)
    if value is None and isinstance(written, str) and written.startswith("="):
        return Formula(written)
    return value
