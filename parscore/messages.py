"""Every text parscore shows, in every language, and how numbers and dates are written.

This is the one module that owns the languages. A text is a code (``yaml.duplicate-key``,
``result.index``) in :data:`CATALOGUE` with one ``str.format`` template per language, in the
order of :data:`LANGS` (Vietnamese first). :func:`render` writes a code with its arguments in a
language; an argument may itself be a :class:`Phrase` (a code with arguments), rendered in the
same language, so that no caller passes a text per language. Numbers, points and dates are
written by :func:`format_number`, :func:`format_points` and :func:`format_date` (``0,5`` in
Vietnamese, ``0.5`` in English; dates dd/mm/yyyy in both).

The catalogue is in sections by subject: reading files and YAML, criteria sets and evidence
(problems), rule reasons and plan actions, batches, usage, hints inside other messages
(``hint.``), a wrong value in words (``found.``), a file's size (``size.``), then the words of
the reports: a node's outcome (``outcome.``), a unit's name (``unit.``), the unit result
(``result.``), the to-do list (``todo.``), the comparison (``comparison.``), the plan
(``plan-doc.``), the evidence template (``template.``), the criteria report
(``criteria-report.``), bands in words (``band.``) and the command line (``cli.``,
``problem.warning``). A text that differs by more than its words between languages (English
names a unit without its kind) takes the argument in every language and writes nothing of it
where it is not wanted (``{kind:.0}``).

A third language touches this file only: add its code to :data:`LANGS`, its text as a third
element of every catalogue entry, and its separators to :data:`_FORMATS`. A province that wants
its own wording edits the texts here (the codes stay; tests pin the Vietnamese and English).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from parscore.escaping import one_line

if TYPE_CHECKING:
    from parscore.model.result import Reason

LANGS = ("vi", "en")

CATALOGUE: dict[str, tuple[str, str]] = {
    # --- reading files -------------------------------------------------------------------
    "file.unreadable": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "file.not-found": ("không có tệp này", "no such file"),
    "file.is-directory": ("đây là một thư mục, không phải tệp", "this is a directory, not a file"),
    "file.not-regular": (
        "đây là {kind}, không phải tệp thông thường: không đọc",
        "this is {kind}, not a regular file: not read",
    ),
    "file.kind-fifo": ("ống dẫn có tên (FIFO)", "a named pipe (FIFO)"),
    "file.kind-socket": ("socket", "a socket"),
    "file.kind-char-device": ("thiết bị ký tự", "a character device"),
    "file.kind-block-device": ("thiết bị khối", "a block device"),
    "file.kind-other": ("tệp đặc biệt", "a special file"),
    "file.too-large": (
        "tệp lớn {size}, vượt giới hạn {limit} (đổi bằng --max-file-size)",
        "the file is {size}, over the limit of {limit} (change it with --max-file-size)",
    ),
    "file.not-utf8": (
        "tệp không phải UTF-8 (byte {byte} không hợp lệ): hãy lưu tệp dưới dạng UTF-8",
        "the file is not UTF-8 (invalid byte {byte}): save the file as UTF-8",
    ),
    "file.utf16-no-bom": (
        "tệp có vẻ là UTF-16 nhưng không có BOM: hãy lưu tệp dưới dạng UTF-8",
        "the file looks like UTF-16 without a byte order mark: save the file as UTF-8",
    ),
    "file.nul-byte": (
        "tệp chứa ký tự NUL: đây không phải tệp văn bản YAML",
        "the file contains a NUL byte: it is not a YAML text file",
    ),
    "file.control-char": (
        "ký tự điều khiển {char} không được phép trong YAML (có thể do dán từ chương trình "
        "khác): hãy xóa nó",
        "the control character {char} is not allowed in YAML (pasted from another program?): "
        "delete it",
    ),
    "file.line-separator": (
        "ký tự {char} là một dấu xuống dòng mà trình soạn thảo không hiển thị (thường do dán "
        "từ chương trình khác): hãy xóa nó hoặc thay bằng một dấu cách",
        "the character {char} is a line break that editors do not show (pasted from another "
        "program?): delete it or replace it with a space",
    ),
    "file.bidi-control": (
        "ký tự điều khiển hướng chữ {char} có thể làm dòng chữ hiện ra khác với nội dung thật: "
        "hãy xóa nó",
        "the text direction control {char} can make a line display differently from what it "
        "holds: delete it",
    ),
    "file.empty": ("tệp rỗng, không có nội dung", "the file is empty"),
    # --- YAML ----------------------------------------------------------------------------
    "yaml.syntax": (
        "lỗi cú pháp YAML (chi tiết bằng tiếng Anh): {detail}",
        "YAML syntax error: {detail}",
    ),
    "yaml.unclosed-flow": (
        "dấu '{open}' mở ở đây chưa được đóng bằng '{close}' (hoặc thiếu dấu phẩy giữa các "
        "phần tử)",
        "the '{open}' opened here is never closed with '{close}' (or a comma is missing between "
        "its entries)",
    ),
    "yaml.indentation": (
        "dòng này thụt lề không thẳng hàng với các khóa của khối bắt đầu ở dòng {block_line}: "
        "kiểm tra số dấu cách đầu dòng",
        "this line is not indented like the keys of the block that starts on line "
        "{block_line}: check the spaces at the start of the line",
    ),
    "yaml.indentation-between": (
        "dòng này bắt đầu ở cột {column}, không thẳng hàng với khóa '{key}' ở dòng {key_line} "
        "(cột {expected}) cũng không thẳng hàng với các khóa của khối bắt đầu ở dòng "
        "{block_line} (cột {block_column}): hãy thêm hoặc bớt dấu cách đầu dòng để đưa nó về "
        "một trong hai cột đó",
        "this line starts at column {column}, lined up neither with '{key}' on line {key_line} "
        "(column {expected}) nor with the keys of the block that starts on line {block_line} "
        "(column {block_column}): add or remove spaces at the start of the line to move it to "
        "one of those columns",
    ),
    "yaml.over-indented": (
        "'{found}' thụt lề sâu hơn khóa '{key}' ở dòng {key_line} phía trên: hãy bớt dấu cách "
        "đầu dòng để nó bắt đầu ở cột {expected}, thẳng hàng với '{key}'",
        "'{found}' is indented deeper than '{key}' on line {key_line} above it: remove spaces "
        "at the start of the line so that it starts at column {expected}, like '{key}'",
    ),
    "yaml.colon-in-value": (
        "dấu hai chấm và dấu cách (': ') nằm trong một giá trị: hãy đặt cả giá trị trong dấu "
        'nháy kép, ví dụ title: "Kế hoạch: năm 2023"',
        "a colon and a space (': ') inside a value: put the whole value in double quotes, e.g. "
        'title: "Plan: 2023"',
    ),
    "yaml.missing-colon": (
        "dòng này thiếu dấu ':' sau khóa",
        "this line has no ':' after its key",
    ),
    "yaml.unexpected-end": (
        "tệp kết thúc giữa chừng, khi còn thiếu một giá trị hoặc dấu đóng ']' hay '}}': tệp có bị "
        "cắt mất phần cuối không? Hãy kiểm tra những dòng cuối",
        "the file ends in the middle of a value, with a value or a closing ']' or '}}' still "
        "missing: was it cut short? Check its last lines",
    ),
    "yaml.unclosed-quote": (
        "dấu nháy mở ở đây chưa được đóng",
        "the quote opened here is never closed",
    ),
    "yaml.bad-start": (
        "một giá trị YAML không thể bắt đầu bằng '{char}': hãy đặt cả giá trị trong dấu nháy kép",
        "a YAML value cannot start with '{char}': put the whole value in double quotes",
    ),
    "yaml.bad-escape": (
        "dấu '\\' trong dấu nháy kép bắt đầu một mã không hợp lệ: dùng dấu nháy đơn, hoặc viết "
        "'\\\\'",
        "a '\\' inside double quotes starts an unknown escape: use single quotes, or write '\\\\'",
    ),
    "yaml.tab": (
        "không được dùng phím Tab để thụt lề trong YAML: hãy dùng dấu cách",
        "tabs cannot indent YAML: use spaces",
    ),
    "yaml.tab-indent": (
        "không được dùng phím Tab để thụt lề trong YAML: hãy dùng dấu cách (khóa '{key}' ở "
        "dòng {key_line} phía trên bắt đầu ở cột {expected})",
        "tabs cannot indent YAML: use spaces ('{key}' on line {key_line} above starts at column "
        "{expected})",
    ),
    "yaml.multiple-documents": (
        "tệp chứa nhiều tài liệu YAML (có dấu ---): mỗi tệp chỉ được một tài liệu",
        "the file holds several YAML documents (---): one document per file",
    ),
    "yaml.duplicate-key": (
        "khóa '{key}' bị lặp lại (đã có ở dòng {first_line})",
        "duplicate key '{key}' (first at line {first_line})",
    ),
    "yaml.alias": (
        "không dùng neo và bí danh YAML (&, *): hãy viết đầy đủ nội dung",
        "YAML anchors and aliases (&, *) are not allowed: write the content out",
    ),
    "yaml.merge-key": (
        "không dùng khóa gộp YAML '<<': hãy viết đầy đủ nội dung",
        "the YAML merge key '<<' is not allowed: write the content out",
    ),
    "yaml.control-escape": (
        "chuỗi trong ngoặc kép này dùng dấu '\\' để viết ký tự điều khiển {char}, không được "
        "phép: hãy xóa nó",
        "this double-quoted text uses a '\\' escape to write the control character {char}, "
        "which is not allowed: delete it",
    ),
    "yaml.tag": (
        "không dùng thẻ YAML '{tag}'",
        "the YAML tag '{tag}' is not allowed",
    ),
    "yaml.not-finite": (
        "'{value}' không phải một số hữu hạn",
        "'{value}' is not a finite number",
    ),
    "number.too-large": (
        "số {value} quá lớn: parscore nhận số có tối đa {whole_digits} chữ số trước dấu thập "
        "phân và {decimals} chữ số sau dấu thập phân",
        "the number {value} is too large: parscore takes numbers with at most {whole_digits} "
        "digits before the decimal point and {decimals} after it",
    ),
    "number.too-precise": (
        "số {value} có quá nhiều chữ số sau dấu thập phân: parscore nhận tối đa {decimals} chữ "
        "số sau dấu thập phân (ví dụ 0.125, 24.89) và {whole_digits} chữ số trước dấu thập phân",
        "the number {value} has too many digits after the decimal point: parscore takes at most "
        "{decimals} (e.g. 0.125, 24.89), and {whole_digits} before the point",
    ),
    "yaml.key-not-scalar": (
        "khóa phải là một chuỗi, không phải danh sách hay bảng",
        "a key must be plain text, not a list or a mapping",
    ),
    "yaml.too-deep": (
        "cấu trúc lồng quá sâu (hơn {limit} cấp)",
        "the structure is nested too deeply (more than {limit} levels)",
    ),
    "yaml.too-many-nodes": (
        "tệp chứa quá nhiều giá trị YAML (hơn {limit}) (đổi bằng --max-nodes)",
        "the file holds too many YAML values (more than {limit}) (change it with --max-nodes)",
    ),
    # --- shape of a document ---------------------------------------------------------------
    "doc.not-mapping": (
        "nội dung tệp phải là một bảng khóa: giá trị (mapping), không phải {found}",
        "the file must hold a mapping of keys to values, not {found}",
    ),
    "doc.unknown-kind": (
        "không xác định được đây là bộ tiêu chí (có 'fields') hay tệp minh chứng (có 'unit')",
        "cannot tell whether this is a criteria set (has 'fields') or an evidence file "
        "(has 'unit')",
    ),
    # --- generic validation (mapped from pydantic) -----------------------------------------
    "value.missing": ("thiếu khóa bắt buộc '{key}'", "the required key '{key}' is missing"),
    "value.unknown-key": (
        "khóa '{key}' không hợp lệ ở đây{suggestion}",
        "unknown key '{key}'{suggestion}",
    ),
    "value.expected-text": (
        "cần một chuỗi văn bản, nhận được {found}",
        "expected text, got {found}",
    ),
    "value.expected-integer": (
        "cần một số nguyên, nhận được {found}",
        "expected a whole number, got {found}",
    ),
    "value.thousands-separator": (
        "'{value}' có dấu phân cách hàng nghìn? hãy viết số nguyên liền, ví dụ {plain}",
        "'{value}' looks like a thousands separator: write the whole number, e.g. {plain}",
    ),
    "value.expected-number": ("cần một số, nhận được {found}", "expected a number, got {found}"),
    "value.decimal-comma": (
        "'{value}': hãy dùng dấu chấm thập phân, ví dụ {suggested}",
        "'{value}': use a decimal point, e.g. {suggested}",
    ),
    "value.comma-in-braces": (
        "'{digits}' trông như phần thập phân của một số viết bằng dấu phẩy trong {{ }}: dấu phẩy "
        "ở đây ngăn cách các mục; hãy dùng dấu chấm thập phân, ví dụ 92.{digits}",
        "'{digits}' looks like the decimals of a number written with a comma inside {{ }}, where "
        "a comma separates entries: use a decimal point, e.g. 92.{digits}",
    ),
    "value.quoted-number": (
        "'{value}' nằm trong dấu nháy nên là văn bản: hãy viết {value} không có dấu nháy",
        "'{value}' is in quotes, so it is text: write {value} without the quotes",
    ),
    "value.expected-text-pair": (
        "cần văn bản, hoặc {{vi: ..., en: ...}}, nhận được {found}",
        "expected text, or {{vi: ..., en: ...}}, got {found}",
    ),
    "value.percent-sign": (
        "'{value}': hãy ghi số không kèm dấu %, ví dụ {suggested}",
        "'{value}': write the number without the % sign, e.g. {suggested}",
    ),
    "value.expected-bool": (
        "cần true hoặc false, nhận được {found}",
        "expected true or false, got {found}",
    ),
    "value.expected-mapping": (
        "cần một bảng khóa: giá trị, nhận được {found}",
        "expected a mapping of keys to values, got {found}",
    ),
    "value.expected-list": ("cần một danh sách, nhận được {found}", "expected a list, got {found}"),
    "value.expected-date": (
        "'{value}' không phải ngày hợp lệ: hãy viết dd/mm/yyyy (ví dụ 06/02/2023)",
        "'{value}' is not a valid date: write dd/mm/yyyy (e.g. 06/02/2023)",
    ),
    "value.no-such-day": (
        "'{value}' không có trong lịch: tháng đó không có ngày này (kiểm tra lại ngày trên văn "
        "bản)",
        "'{value}' is not in the calendar: that month has no such day (check the date on the "
        "document)",
    ),
    "value.no-such-date": (
        "'{value}' không có trong lịch: ngày, tháng hoặc năm không hợp lệ (dd/mm/yyyy: ngày "
        "trước, tháng sau, ví dụ 06/02/2023)",
        "'{value}' is not in the calendar: no such day, month or year (dd/mm/yyyy: the day "
        "first, then the month, e.g. 06/02/2023)",
    ),
    "value.choice": (
        "'{value}' không hợp lệ: chọn một trong {choices}",
        "'{value}' is not allowed: choose one of {choices}",
    ),
    "value.too-small": (
        "{value} phải lớn hơn hoặc bằng {limit}",
        "{value} must be at least {limit}",
    ),
    "value.too-large": (
        "{value} phải nhỏ hơn hoặc bằng {limit}",
        "{value} must be at most {limit}",
    ),
    "value.not-positive": ("{value} phải lớn hơn 0", "{value} must be greater than 0"),
    "value.empty-text": ("không được để trống", "must not be empty"),
    "value.blank-text": (
        "chỉ có dấu cách hoặc ký tự vô hình: hãy ghi nội dung",
        "holds only spaces or invisible characters: write the text",
    ),
    "value.invisible-char": (
        "'{value}' có ký tự vô hình {char} ở vị trí {position}: hãy gõ lại mã, chỉ gồm chữ số",
        "'{value}' holds the invisible character {char} at position {position}: type the code "
        "again, digits only",
    ),
    "value.empty-list": ("danh sách không được rỗng", "the list must not be empty"),
    "value.too-few": ("danh sách cần ít nhất {min} mục", "the list needs at least {min} entries"),
    "value.too-many": (
        "danh sách có {count} mục, quá giới hạn {max} mục của parscore: kiểm tra lại tệp",
        "the list has {count} entries, more than parscore's limit of {max}: check the file",
    ),
    "value.invalid": ("giá trị không hợp lệ: {detail}", "invalid value: {detail}"),
    "value.name": (
        "tên '{value}' không hợp lệ: dùng chữ thường không dấu, số và _, ví dụ on_time",
        "the name '{value}' is not valid: use lower-case letters, digits and _, e.g. on_time",
    ),
    "value.set-id": (
        "mã bộ tiêu chí '{value}' không hợp lệ: dùng chữ thường không dấu, số và . _ -, "
        "ví dụ ref-commune-2023",
        "the set id '{value}' is not valid: use lower-case letters, digits and . _ -, "
        "e.g. ref-commune-2023",
    ),
    "value.id": (
        "mã '{value}' không hợp lệ: dùng chữ, số và dấu chấm, ví dụ 1.1.4 hoặc S.1",
        "the id '{value}' is not valid: use letters, digits and dots, e.g. 1.1.4 or S.1",
    ),
    # --- criteria sets ---------------------------------------------------------------------
    "criteria.unknown-kind": (
        "không có cách chấm '{value}'{suggestion}; các cách chấm: {choices}",
        "there is no rule kind '{value}'{suggestion}; the kinds are: {choices}",
    ),
    "criteria.duplicate-id": (
        "mã '{id}' bị trùng (đã dùng ở dòng {first_line})",
        "the id '{id}' is used twice (first at line {first_line})",
    ),
    "criteria.duplicate-band-id": (
        "hai khoảng xếp loại cùng mã '{id}' (khoảng đầu ở dòng {first_line}): đặt 'id' khác nhau",
        "two bands have the id '{id}' (the first on line {first_line}): give them different ids",
    ),
    "criteria.sum-mismatch": (
        "điểm tối đa của '{id}' là {max}, nhưng tổng các mục con là {children_sum}",
        "'{id}' has a maximum of {max}, but its children add up to {children_sum}",
    ),
    "criteria.total-mismatch": (
        "tổng điểm khai báo là {total}, nhưng các lĩnh vực ({fields}) cộng điều tra ({survey}) "
        "bằng {sum}",
        "the declared total is {total}, but the fields ({fields}) and the survey ({survey}) "
        "add up to {sum}",
    ),
    "criteria.split-mismatch": (
        "phần '{part}' khai báo {declared} điểm, nhưng cây tiêu chí cho {actual} điểm",
        "the '{part}' part declares {declared} points, but the tree gives {actual}",
    ),
    "criteria.node-shape": (
        "'{id}' phải có hoặc 'rule' (cách chấm) hoặc 'children' (mục con), không có cả hai",
        "'{id}' must have either a 'rule' or 'children', not both and not neither",
    ),
    "criteria.field-needs-children": (
        "lĩnh vực '{id}' phải có các tiêu chí con ('children')",
        "the field '{id}' must have criteria below it ('children')",
    ),
    "criteria.child-id": (
        "mã '{id}' phải bắt đầu bằng mã cha '{parent}.'",
        "the id '{id}' must start with its parent's id '{parent}.'",
    ),
    "criteria.survey-kind": (
        "mục điều tra '{id}' chấm bằng survey_share, không phải '{kind}'",
        "the survey item '{id}' is scored with survey_share, not '{kind}'",
    ),
    "criteria.survey-rule-in-field": (
        "'{id}' dùng survey_share: điểm điều tra xã hội học do đơn vị điều tra chấm; ghi "
        "scored_by: outside trên mục này, hoặc đặt nó trong phần 'survey'",
        "'{id}' uses survey_share: survey points are scored by the surveying body; write "
        "scored_by: outside on the item, or put it under 'survey'",
    ),
    "criteria.survey-scored-by": (
        "các mục điều tra xã hội học do đơn vị điều tra chấm: ghi scored_by: outside",
        "survey items are scored by the surveying body: write scored_by: outside",
    ),
    "criteria.field-outside": (
        "nhóm '{id}' trong lĩnh vực do xã tự chấm (scored_by: commune): chỉ ghi scored_by: "
        "outside trên từng mục được chấm bằng điều tra",
        "the group '{id}' sits in a field, so the commune scores it (scored_by: commune): write "
        "scored_by: outside on each item the survey scores",
    ),
    "criteria.bands-gap": (
        "các khoảng không liền nhau: không có khoảng nào chứa {value}",
        "the bands leave a gap: no band holds {value}",
    ),
    "criteria.bands-overlap": (
        "các khoảng chồng lên nhau tại {value}",
        "the bands overlap at {value}",
    ),
    "criteria.bands-bounds": (
        "một khoảng chỉ có một cận dưới (at_least hoặc above) và một cận trên (below hoặc at_most)",
        "a band takes one lower bound (at_least or above) and one upper bound (below or at_most)",
    ),
    "criteria.band-empty": (
        "khoảng từ {low} đến {high} không chứa giá trị nào",
        "the band from {low} to {high} holds no value",
    ),
    "criteria.condition-shape": (
        "mỗi điều kiện xếp loại (not_when) ghi đúng một trong discipline_at_least và "
        "field_below (field chỉ đi cùng field_below)",
        "each band condition (not_when) gives exactly one of discipline_at_least and "
        "field_below (field only with field_below)",
    ),
    "criteria.condition-field": (
        "'{id}' không phải một lĩnh vực của bộ tiêu chí; các lĩnh vực: {fields}",
        "'{id}' is not a field of the set; its fields: {fields}",
    ),
    "criteria.window-date": (
        "'{value}' không phải một ngày của khoảng thời gian tài liệu: ghi dd/mm/N, dd/mm/N-1 "
        "hoặc dd/mm/N+1 (N là năm đánh giá), ví dụ 31/01/N+1",
        "'{value}' is not a date of the evidence window: write dd/mm/N, dd/mm/N-1 or "
        "dd/mm/N+1 (N is the assessment year), e.g. 31/01/N+1",
    ),
    "criteria.window-order": (
        "khoảng thời gian tài liệu bắt đầu ({start}) sau ngày kết thúc ({end})",
        "the evidence window starts ({start}) after it ends ({end})",
    ),
    "criteria.points-over-max": (
        "{points} điểm vượt điểm tối đa {max} của '{id}'",
        "{points} points exceed the maximum of {max} for '{id}'",
    ),
    "criteria.full-unreachable": (
        "không mức nào của '{id}' cho đủ {max} điểm tối đa",
        "no outcome of '{id}' gives its full {max} points",
    ),
    "criteria.due-day": (
        "'{value}' không phải hạn hợp lệ: viết dd/mm (ngày/tháng); hạn trong năm sau: thêm "
        "next_year: true",
        "'{value}' is not a valid due date: write dd/mm (day/month); for one due in the next "
        "year add next_year: true",
    ),
    "criteria.deliverables-points": (
        "với scoring: each, mỗi sản phẩm của '{id}' cần có points",
        "with scoring: each, every deliverable of '{id}' needs its points",
    ),
    "criteria.deliverables-sum": (
        "các sản phẩm của '{id}' cộng lại {sum} điểm, khác điểm tối đa {max}",
        "the deliverables of '{id}' add up to {sum} points, not its maximum of {max}",
    ),
    "criteria.deliverables-per-late": (
        "với scoring: deduct, '{id}' cần per_late (số điểm trừ cho mỗi sản phẩm chậm hoặc thiếu)",
        "with scoring: deduct, '{id}' needs per_late (the points off for each one late or missing)",
    ),
    "criteria.deliverables-unused": (
        "'{key}' chỉ dùng với scoring: {scoring}",
        "'{key}' is used only with scoring: {scoring}",
    ),
    "criteria.unknown-parameter": (
        "'${name}' không phải tham số của bộ tiêu chí{suggestion}; các tham số (parameters): "
        "{known}",
        "'${name}' is not a parameter of this set{suggestion}; its parameters are: {known}",
    ),
    "criteria.no-parameters": (
        "'${name}': bộ tiêu chí chưa có tham số nào; khai báo ở đầu bộ, ví dụ parameters: "
        "{{{name}: 35}}",
        "'${name}': this set has no parameters; declare them at its top, e.g. parameters: "
        "{{{name}: 35}}",
    ),
    "criteria.parameter-form": (
        "'{value}': hãy viết $tên_tham_số, $tên_tham_số / số hoặc $tên_tham_số * số",
        "'{value}': write $name, $name / number or $name * number",
    ),
    "criteria.parameter-inexact": (
        "'{value}' không cho một số thập phân chính xác (tối đa 6 chữ số sau dấu chấm)",
        "'{value}' gives no exact decimal (six decimals at most)",
    ),
    "criteria.checklist-sum": (
        "các nội dung của '{id}' cộng lại {sum} điểm, khác điểm tối đa {max}",
        "the items of '{id}' add up to {sum} points, not its maximum of {max}",
    ),
    "criteria.duplicate-name": (
        "tên '{name}' bị trùng trong cùng quy tắc",
        "the name '{name}' is used twice in one rule",
    ),
    "criteria.input-name-clash": (
        "tên dữ liệu '{name}' trùng với khóa dành riêng của tệp minh chứng",
        "the input name '{name}' is reserved in evidence files",
    ),
    "criteria.step": (
        "bước chấm {step} không chia hết điểm tối đa {max}",
        "the step {step} does not divide the maximum of {max}",
    ),
    "criteria.due": (
        "'{value}' không phải hạn hợp lệ: viết dd/mm (trong năm đánh giá) hoặc dd/mm/yyyy",
        "'{value}' is not a valid due date: write dd/mm (in the assessment year) or dd/mm/yyyy",
    ),
    "criteria.not-found": (
        "không tìm thấy bộ tiêu chí '{ref}': dùng mã của bộ có sẵn ({known}) hoặc đường dẫn "
        "tới tệp",
        "no criteria set '{ref}': give a shipped set's id ({known}) or a path to a file",
    ),
    "criteria.file-not-found": (
        "không có tệp bộ tiêu chí {path}",
        "there is no criteria file {path}",
    ),
    "criteria.penalty-without-ledger": (
        "'{id}' ghi điểm trừ nhưng bộ tiêu chí không có phần 'penalty'",
        "'{id}' books a penalty, but the set has no 'penalty' section",
    ),
    "criteria.duplicate-ledger-kind": (
        "loại '{id}' đã có ở dòng {first_line}",
        "the kind '{id}' is already listed on line {first_line}",
    ),
    # --- criteria sets that extend another (extends:, changes:) ------------------------------
    "extend.tree-key": (
        "bộ tiêu chí mở rộng bộ khác không viết lại '{key}': hãy ghi thay đổi trong 'changes:' "
        "(add, replace, reweight, remove)",
        "a set that extends another does not write '{key}' again: write its changes under "
        "'changes:' (add, replace, reweight, remove)",
    ),
    "extend.unknown-id": (
        "bộ {path} không có tiêu chí '{id}'{suggestion}",
        "the set {path} has no node '{id}'{suggestion}",
    ),
    "extend.replaced-twice": (
        "'{id}' đã được thay ở dòng {first_line}",
        "'{id}' is already replaced on line {first_line}",
    ),
    "extend.id-exists": (
        "mã '{id}' đã có trong bộ tiêu chí: tiêu chí thêm vào cần mã mới",
        "the id '{id}' is already in the set: an added node needs a new id",
    ),
    "extend.under-leaf": (
        "'{id}' là tiêu chí được chấm, không có tiêu chí con: không thể thêm vào dưới nó",
        "'{id}' is scored by a rule and has no children: nothing can be added under it",
    ),
    "extend.after-and-before": (
        "ghi 'after' hoặc 'before', không ghi cả hai",
        "give 'after' or 'before', not both",
    ),
    "extend.not-sibling": (
        "'{id}' không nằm ở chỗ tiêu chí được thêm vào; các tiêu chí ở đó: {listing}",
        "'{id}' is not where the node is added; the nodes there are: {listing}",
    ),
    "extend.same-id": (
        "bộ tiêu chí mở rộng cần mã riêng, khác mã '{id}' của bộ gốc",
        "a set that extends another needs its own id, not its base's '{id}'",
    ),
    "extend.cycle": (
        "các bộ tiêu chí mở rộng lẫn nhau thành vòng: {listing}",
        "these sets extend each other in a circle: {listing}",
    ),
    "extend.too-deep": (
        "chuỗi bộ tiêu chí mở rộng nhau dài quá {limit} bộ",
        "more than {limit} sets extend one another in a chain",
    ),
    # --- evidence files --------------------------------------------------------------------
    "evidence.under-indented": (
        "'{key}' nằm ở chỗ của mã một tiêu chí, nhưng trông như một khóa của '{item}' phía trên: "
        "nếu nó thuộc '{item}', hãy thêm dấu cách đầu dòng để nó bắt đầu ở cột {expected}, thẳng "
        "hàng với '{sibling}' ở dòng {sibling_line}",
        "'{key}' stands where a sub-criterion id belongs, but looks like a key of '{item}' above: "
        "if it belongs to '{item}', indent it to start at column {expected}, like '{sibling}' on "
        "line {sibling_line}",
    ),
    "evidence.unknown-id": (
        "không có tiêu chí '{id}' trong bộ {set}{suggestion}",
        "there is no sub-criterion '{id}' in the set {set}{suggestion}",
    ),
    "evidence.unknown-ledger-kind": (
        "bộ tiêu chí không có loại '{kind}' trong '{section}'; các loại có: {known}{suggestion}",
        "the set has no kind '{kind}' in '{section}'; its kinds are: {known}{suggestion}",
    ),
    "evidence.ledger-without-kinds": (
        "phần '{section}' của bộ tiêu chí không chia loại: hãy bỏ 'kind:' (mỗi dòng được tính "
        "theo điểm của nó hoặc điểm chung của phần này)",
        "the set's '{section}' has no kinds: remove 'kind:' (each line counts its own points, or "
        "the section's points each)",
    ),
    "evidence.not-scored": (
        "'{id}' là nhóm tiêu chí, điểm được tính từ các mục con: hãy ghi minh chứng cho "
        "các mục con ({children})",
        "'{id}' is a group scored from its children: give evidence for them ({children})",
    ),
    "evidence.survey-in-items": (
        "'{id}' là điểm điều tra xã hội học: ghi nó trong phần 'survey'",
        "'{id}' is a survey item: put it under 'survey'",
    ),
    "evidence.item-in-survey": (
        "'{id}' do xã tự chấm: ghi nó trong phần 'items'",
        "'{id}' is scored by the commune: put it under 'items'",
    ),
    "evidence.part-over-total": (
        "'{part}' ({part_value}) lớn hơn '{total}' ({total_value})",
        "'{part}' ({part_value}) is greater than '{total}' ({total_value})",
    ),
    "evidence.percent-over-100": (
        "tỷ lệ {value}% vượt quá 100%",
        "the percentage {value}% is above 100%",
    ),
    "value.negative": ("{value} không được âm", "{value} must not be negative"),
    "evidence.inputs-conflict": (
        "chỉ ghi một trong hai cách: {first} hoặc {second}",
        "give either {first} or {second}, not both",
    ),
    "evidence.partial-ratio": (
        "cần cả '{part}' và '{total}'",
        "both '{part}' and '{total}' are needed",
    ),
    "criteria.is-unit-file": (
        "tệp này là tệp của một xã (minh chứng, thẩm định hoặc giải trình), không phải bộ tiêu "
        "chí: 'criteria:' phải là mã một bộ có sẵn (ví dụ ref-commune-2023) hoặc đường dẫn tới tệp "
        "bộ tiêu chí (có 'fields:')",
        "this is a commune's file (evidence, appraisal or explanation), not a criteria set: "
        "'criteria:' must be a shipped set's id (e.g. ref-commune-2023) or the path of a criteria "
        "set file (one with 'fields:')",
    ),
    "evidence.nothing-filled": (
        "tệp chưa có minh chứng nào (tệp mẫu chưa điền): mọi tiêu chí được tính 0 điểm, xếp "
        "loại chưa có ý nghĩa; xem việc cần chuẩn bị bằng --missing",
        "the file holds no evidence yet (an unfilled template): every sub-criterion scores 0 "
        "and the band means nothing yet; see what to prepare with --missing",
    ),
    "evidence.unknown-input": (
        "'{key}' không phải dữ liệu của tiêu chí '{id}' (cách chấm '{kind}'); dữ liệu hợp lệ: "
        "{expected}{suggestion}",
        "'{key}' is not an input of '{id}' (rule '{kind}'); its inputs are: {expected}{suggestion}",
    ),
    "evidence.unknown-level": (
        "mức '{value}' không có trong tiêu chí '{id}': chọn một trong {choices}",
        "'{id}' has no level '{value}': choose one of {choices}",
    ),
    "evidence.judged-step": (
        "{value} điểm không theo bước chấm {step} của '{id}'",
        "{value} points are not in steps of {step} for '{id}'",
    ),
    "evidence.points-over-max": (
        "{value} điểm vượt điểm tối đa {max} của '{id}'",
        "{value} points exceed the maximum of {max} for '{id}'",
    ),
    "evidence.nothing-not-allowed": (
        "tiêu chí '{id}' không có trường hợp 'không phát sinh': hãy ghi dữ liệu chấm điểm",
        "'{id}' has no 'nothing occurred' case: give its inputs",
    ),
    "evidence.nothing-with-inputs": (
        "đã ghi 'nothing_occurred' thì không ghi dữ liệu chấm ({inputs})",
        "'nothing_occurred' cannot stand beside inputs ({inputs})",
    ),
    "evidence.blank-text": (
        "'{key}' chỉ có dấu cách hoặc ký tự vô hình: coi như chưa ghi",
        "'{key}' holds only spaces or invisible characters: counted as not given",
    ),
    "evidence.document-no-number": (
        "tài liệu kiểm chứng thiếu số, ký hiệu văn bản",
        "the evidence document has no number",
    ),
    "evidence.document-no-date": (
        "tài liệu kiểm chứng thiếu ngày ban hành",
        "the evidence document has no date",
    ),
    "evidence.document-year": (
        "tài liệu ngày {date} nằm ngoài thời gian tài liệu kiểm chứng của năm {year} (từ {start} "
        "đến {end})",
        "the document dated {date} is outside the evidence window of year {year} ({start} to "
        "{end})",
    ),
    "evidence.input-date-outside": (
        "ngày {date} của '{input}' nằm ngoài thời gian tài liệu kiểm chứng của năm {year} (từ "
        "{start} đến {end})",
        "'{input}' dated {date} is outside the evidence window of year {year} ({start} to {end})",
    ),
    "evidence.kind-not-yet": (
        "đơn vị '{kind}' chỉ có từ ngày 01/07/2025: năm đánh giá {year} là của các đơn vị trước "
        "sắp xếp (xã, phường, thị trấn)",
        "'{kind}' units exist only since 1 July 2025: the assessment year {year} is of the units "
        "before the reform (xã, phường, thị trấn)",
    ),
    "evidence.kind-gone": (
        "từ ngày 01/07/2025 không còn '{kind}': từ năm đánh giá 2025, đơn vị cấp xã là xã, "
        "phường hoặc đặc khu",
        "there is no '{kind}' since 1 July 2025: from the assessment year 2025, a commune-level "
        "unit is a xã, phường or đặc khu",
    ),
    "evidence.former-district": (
        "cấp huyện không còn từ ngày 01/07/2025: '{name}' được hiểu là huyện cũ (trước sắp xếp)",
        "districts ended on 1 July 2025: '{name}' is read as the former district",
    ),
    "evidence.facts-missing": (
        "bộ tiêu chí {set} xét kỷ luật khi xếp loại: ghi facts: {{discipline: ...}} (none, "
        "reprimand, warning, demotion, dismissal); không khai thì không được xếp {band}",
        "the set {set} looks at discipline to class units: write facts: {{discipline: ...}} "
        "(none, reprimand, warning, demotion, dismissal); without it the unit cannot be {band}",
    ),
    "evidence.status-contradicts-dates": (
        "ghi '{status}' nhưng theo ngày ({done}) và hạn ({due}) thì là '{derived}'; điểm tính "
        "theo ngày",
        "says '{status}' but the date ({done}) and the due date ({due}) make it '{derived}'; "
        "the dates are scored",
    ),
    "evidence.year-mismatch": (
        "năm đánh giá {year} khác năm của bộ tiêu chí {set} ({set_year})",
        "the assessment year {year} differs from the year of the set {set} ({set_year})",
    ),
    "evidence.claimed-over-max": (
        "điểm tự chấm {value} vượt điểm tối đa {max}",
        "the claimed score {value} exceeds the maximum of {max}",
    ),
    "evidence.bonus-without-ledger": (
        "bộ tiêu chí {set} không có điểm thưởng",
        "the set {set} has no bonus points",
    ),
    "evidence.penalty-without-ledger": (
        "bộ tiêu chí {set} không có điểm trừ",
        "the set {set} has no penalty points",
    ),
    "evidence.duplicate-parent-level": (
        "đơn vị cấp '{level}' được ghi hai lần",
        "the '{level}' parent is given twice",
    ),
    # --- the province's year: appraisal and explanation (parscore/appraisal/) -----------------
    "appraisal.other-unit-code": (
        "tệp này dành cho đơn vị mã {given}, nhưng {path} là của đơn vị mã {expected}",
        "this file is for the unit coded {given}, but {path} is of the unit coded {expected}",
    ),
    "appraisal.other-unit": (
        "tệp này dành cho '{name}', nhưng {path} là của '{expected}'",
        "this file is for '{name}', but {path} is of '{expected}'",
    ),
    "appraisal.other-year": (
        "tệp này dành cho năm {year}, nhưng tệp minh chứng là năm {expected}",
        "this file is for {year}, but the evidence is of {expected}",
    ),
    "appraisal.other-set": (
        "tệp này theo bộ tiêu chí '{set}', nhưng tệp minh chứng được chấm theo '{expected}'",
        "this file follows the criteria set '{set}', but the evidence is scored on '{expected}'",
    ),
    "appraisal.unknown-id": (
        "bộ tiêu chí '{set}' không có tiêu chí '{id}'{suggestion}",
        "the criteria set '{set}' has no sub-criterion '{id}'{suggestion}",
    ),
    "appraisal.survey-item": (
        "'{id}' do đơn vị điều tra xã hội học chấm, không phải hội đồng thẩm định",
        "'{id}' is scored by the survey team, not by the appraisal council",
    ),
    "appraisal.key-not-for-decision": (
        "'{key}' không dùng với quyết định '{decision}' (points: với points hoặc explain; "
        "inputs: với inputs; ask: với explain)",
        "'{key}' does not go with the decision '{decision}' (points: with points or explain; "
        "inputs: with inputs; ask: with explain)",
    ),
    "appraisal.no-decision": (
        "có {given} nhưng chưa có decision: ghi decision: points, inputs hoặc explain (để trống "
        "mọi khóa nếu chưa quyết định)",
        "{given} given without a decision: write decision: points, inputs or explain (or leave "
        "every key empty while undecided)",
    ),
    "appraisal.points-over-max": (
        "{value} điểm vượt điểm tối đa {max} của tiêu chí '{id}'",
        "{value} points are above the maximum {max} of '{id}'",
    ),
    "appraisal.needs": (
        "quyết định '{decision}' cần '{key}'",
        "the decision '{decision}' needs '{key}'",
    ),
    "appraisal.evidence-not-found": (
        "không có tệp minh chứng này (đường dẫn tính từ thư mục của tệp thẩm định)",
        "no such evidence file (the path is taken from the appraisal file's folder)",
    ),
    "appraisal.section-bonus": ("điểm thưởng", "bonus"),
    "appraisal.section-penalty": ("điểm trừ", "penalty"),
    "appraisal.no-such-line": (
        "{path} chỉ có {count} dòng {section}: không có dòng này",
        "{path} has {count} {section} line(s): there is no such line",
    ),
    "explanation.not-requested": (
        "hội đồng không yêu cầu giải trình tiêu chí '{id}' ở vòng 1 ({path})",
        "the council asked for no explanation of '{id}' in round 1 ({path})",
    ),
    "explanation.late": (
        "giải trình '{id}' gửi ngày {date}, sau hạn {due}: không được tính ở giai đoạn giải "
        "trình (vòng 2 quyết định)",
        "the explanation of '{id}' was sent on {date}, after the deadline {due}: not counted "
        "at the explanation stage (round 2 decides)",
    ),
    "usage.appraisal-file": (
        "{path} là tệp thẩm định hoặc giải trình, không phải tệp minh chứng: hãy đưa tệp minh "
        "chứng của xã; tệp thẩm định đi sau --appraisal, tệp giải trình sau --explanation (ví "
        "dụ evaluate MINH_CHỨNG --appraisal {path})",
        "{path} is an appraisal or explanation file, not an evidence file: give the commune's "
        "evidence file; an appraisal file goes after --appraisal, an explanation after "
        "--explanation (e.g. evaluate EVIDENCE --appraisal {path})",
    ),
    "usage.explanation-needs-appraisal": (
        "--explanation cần --appraisal",
        "--explanation needs --appraisal",
    ),
    "usage.appraisal-format": (
        "với --appraisal, định dạng là table, markdown hoặc json, không kèm --missing, --standing",
        "with --appraisal, the format is table, markdown or json, without --missing or --standing",
    ),
    "reason.appraised-points": (
        "hội đồng thẩm định cho điểm (vòng {round}): {why}",
        "points given by the appraisal council (round {round}): {why}",
    ),
    "reason.appraised-provisional": (
        "điểm tạm tính, chờ giải trình (vòng {round}): {ask}",
        "provisional points, explanation awaited (round {round}): {ask}",
    ),
    "reason.explanation-claimed": (
        "điểm xã đề nghị khi giải trình: {text}",
        "points the commune asks for in its explanation: {text}",
    ),
    "reason.claimed-points": ("điểm xã tự chấm", "the points the commune claimed"),
    "appraisal.title": (
        "Kết quả thẩm định Chỉ số CCHC năm {year} ({set})",
        "PAR INDEX appraisal, {year} ({set})",
    ),
    "appraisal.council-line": ("Hội đồng: {council} (tệp {file})", "Council: {council} ({file})"),
    "appraisal.round-line": (
        "Vòng {round}: ngày {date}; thành viên: {who}",
        "Round {round}: {date}; appraisers: {who}",
    ),
    "appraisal.due-line": ("Hạn giải trình: {date}", "Explanations due by {date}"),
    "appraisal.explanation-line": (
        "Giải trình: {by}, ngày {date} (tệp {file})",
        "Explanation: {by}, {date} ({file})",
    ),
    "appraisal.totals": ("Điểm qua từng giai đoạn", "Scores at each stage"),
    "appraisal.stage": ("Giai đoạn", "Stage"),
    "appraisal.notes": ("Ghi chú", "Notes"),
    "appraisal.stage-claimed": ("Tự chấm", "Claimed"),
    "appraisal.stage-computed": ("Tính từ minh chứng", "Computed"),
    "appraisal.stage-round1": ("Thẩm định vòng 1", "Round 1"),
    "appraisal.stage-explanation": ("Sau giải trình", "Explanation"),
    "appraisal.stage-final": ("Thẩm định cuối", "Final"),
    "appraisal.note-unclaimed": (
        "{count} tiêu chí xã không tự chấm, tính theo minh chứng: {ids}",
        "{count} not claimed, scored as computed: {ids}",
    ),
    "appraisal.note-undecided": (
        "{count} tiêu chí CHƯA QUYẾT ĐỊNH, tạm tính theo minh chứng: {ids}",
        "{count} NOT DECIDED, scored as computed for now: {ids}",
    ),
    "appraisal.note-undecided-lines": (
        "{count} dòng điểm thưởng, điểm trừ CHƯA QUYẾT ĐỊNH, tạm tính như xã ghi: {ids}",
        "{count} bonus or penalty lines NOT DECIDED, counted as the commune wrote them for now: "
        "{ids}",
    ),
    "appraisal.line-bonus": ("thưởng {number}", "bonus {number}"),
    "appraisal.line-penalty": ("trừ {number}", "penalty {number}"),
    "appraisal.note-awaiting": (
        "{count} tiêu chí chờ giải trình: {ids}",
        "{count} awaiting explanation: {ids}",
    ),
    "appraisal.note-late": (
        "{count} giải trình quá hạn, không tính: {ids}",
        "{count} late explanations, not counted: {ids}",
    ),
    "appraisal.by-field": ("Theo lĩnh vực", "By field"),
    "appraisal.by-item": (
        "Tiêu chí thay đổi hoặc chưa thống nhất",
        "Sub-criteria changed or not agreed",
    ),
    "appraisal.items-hidden": (
        "{count} tiêu chí khác hội đồng đồng ý, không đổi điểm (--detail để xem tất cả)",
        "{count} other sub-criteria agreed with unchanged points (--detail shows them all)",
    ),
    "appraisal.item": ("Tiêu chí", "Item"),
    "appraisal.why": ("Quyết định và lý do", "Decision and why"),
    "appraisal.decision-agreed": (
        "Vòng {round}: đồng ý (điểm tính từ tài liệu kiểm chứng).",
        "Round {round}: agreed (the points computed from the evidence).",
    ),
    "appraisal.decision-points": (
        "Vòng {round}: cho {points} điểm — {why}.",
        "Round {round}: {points} points — {why}.",
    ),
    "appraisal.decision-inputs": (
        "Vòng {round}: sửa số liệu — {inputs} — {why}.",
        "Round {round}: inputs corrected — {inputs} — {why}.",
    ),
    "appraisal.input-change": (
        "{label}: {value} (xã kê khai {commune})",
        "{label}: {value} (the commune gave {commune})",
    ),
    "appraisal.yes": ("có", "yes"),
    "appraisal.no": ("không", "no"),
    "appraisal.decision-explain": (
        "Vòng {round}: yêu cầu giải trình — {ask}{provisional}.",
        "Round {round}: explanation requested — {ask}{provisional}.",
    ),
    "appraisal.provisional": (" (tạm tính {points} điểm)", " (provisionally {points} points)"),
    "appraisal.decision-undecided": (
        "Vòng {round}: CHƯA QUYẾT ĐỊNH.",
        "Round {round}: NOT DECIDED.",
    ),
    "appraisal.decision-awaiting": (
        "Vòng {round}: chờ giải trình.",
        "Round {round}: awaiting explanation.",
    ),
    "appraisal.answer": (
        "Giải trình ngày {date}: {text}{claimed}.",
        "Answer of {date}: {text}{claimed}.",
    ),
    "appraisal.answer-late": (
        "Giải trình ngày {date} (QUÁ HẠN, không tính): {text}{claimed}.",
        "Answer of {date} (LATE, not counted): {text}{claimed}.",
    ),
    "appraisal.answer-claimed": (" — đề nghị {points} điểm", " — asks for {points} points"),
    "appraisal.ledger": ("Điểm thưởng, điểm trừ", "Bonus and penalty lines"),
    "appraisal.line-text": ("Nội dung", "Line"),
    "appraisal.line-accepted": ("chấp nhận", "accepted"),
    "appraisal.line-refused": ("không chấp nhận", "refused"),
    "appraisal.line-undecided": ("CHƯA QUYẾT ĐỊNH", "NOT DECIDED"),
    "appraisal.no-final": (
        "Chưa có điểm thẩm định cuối cùng: vòng 1 đã yêu cầu giải trình, vòng 2 chưa có.",
        "No final appraisal yet: round 1 asked for explanations and there is no round 2.",
    ),
    "appraisal.final-open": (
        "Điểm thẩm định cuối chưa công bố được: còn {count} tiêu chí hoặc dòng điểm thưởng, "
        "điểm trừ chưa quyết định hoặc chờ giải trình.",
        "The final appraisal cannot be published yet: {count} sub-criteria or bonus and penalty "
        "lines are not decided or await an explanation.",
    ),
    "appraisal.final-published": (
        "Điểm công bố (thẩm định cuối): điểm tự đánh giá {self}, điểm thẩm định {appraised} "
        "(cả hai gồm điểm thưởng, điểm trừ, không gồm điểm điều tra xã hội học), tổng điểm "
        "{total}, chỉ số {index}, {band}.",
        "Published score (final appraisal): self-assessed points {self}, appraised points "
        "{appraised} (both with bonus and penalty, without the survey), total {total}, index "
        "{index}, {band}.",
    ),
    "appraisal.undecided-rule": (
        "Tiêu chí chưa quyết định được tạm tính theo điểm tính từ minh chứng của xã và liệt kê "
        "riêng, không bao giờ coi là đồng ý.",
        "A sub-criterion not decided is scored at the points computed from the commune's "
        "evidence for now and listed, never taken as agreed.",
    ),
    "appraisal-file.head": (
        "HỒ SƠ THẨM ĐỊNH Chỉ số CCHC năm {year} — {unit} — lập sẵn từ {file}",
        "APPRAISAL FILE, PAR INDEX {year} — {unit} — pre-filled from {file}",
    ),
    "appraisal-file.how": (
        "Mỗi tiêu chí: decision: agreed (đồng ý) | points (cho điểm: points, reason) | inputs "
        "(sửa số liệu: inputs, reason) | explain (yêu cầu giải trình: ask). Để trống = chưa "
        "quyết định (tạm tính theo minh chứng, được liệt kê riêng).",
        "Each item: decision: agreed | points (points, reason) | inputs (corrected inputs, "
        "reason) | explain (ask). Left empty = not decided (scored as computed, and listed).",
    ),
    "appraisal-file.item": (
        "{name} — tối đa {max}; xã tự chấm {claimed}; tính từ minh chứng {computed}",
        "{name} — max {max}; claimed {claimed}; computed {computed}",
    ),
    "appraisal-file.line": (
        "{text} — {points} điểm. decision: accepted | refused (reason)",
        "{text} — {points} points. decision: accepted | refused (reason)",
    ),
    "appraisal-file.council": ("Hội đồng thẩm định Chỉ số CCHC", "PAR INDEX appraisal council"),
    "cli.help.appraisal": (
        "Tệp thẩm định của hội đồng: điểm từng giai đoạn (tự chấm, tính từ minh chứng, vòng 1, "
        "giải trình, cuối)",
        "The council's appraisal file: the scores at every stage (claimed, computed, round 1, "
        "explanation, final)",
    ),
    "cli.help.explanation": (
        "Tệp giải trình của xã trả lời yêu cầu của vòng 1 (cần --appraisal)",
        "The commune's answers to round 1's requests (needs --appraisal)",
    ),
    "cli.help.appraisal-group": (
        "Thẩm định của hội đồng: lập tệp thẩm định từ minh chứng của xã (init), biên bản thẩm "
        "định (minutes), văn bản đề nghị giải trình (request), phụ lục kết quả của quyết định "
        "công bố (annex)",
        "The council's appraisal: its file drafted from a commune's evidence (init), the minutes "
        "(minutes), the request for explanation (request), the results annex of the province's "
        "decision (annex)",
    ),
    "cli.help.appraisal-init": (
        "Lập sẵn tệp thẩm định: mọi tiêu chí với điểm tự chấm và điểm tính từ minh chứng, "
        "chưa quyết định gì",
        "Write the council's appraisal file pre-filled: every item with its claimed and "
        "computed points, nothing decided yet",
    ),
    "cli.help.stage": (
        "Xếp hạng theo: final — điểm thẩm định cuối (mặc định khi có tệp thẩm định trong các "
        "tệp so sánh, ghép với xã theo mã đơn vị và năm), self — điểm tự đánh giá",
        "Rank on: final — the final appraisal (the default when appraisal files are among the "
        "files compared, matched to each commune by unit code and year), self — the "
        "self-assessments",
    ),
    "comparison.self-total": ("Điểm tự đánh giá", "Self-assessed points"),
    "comparison.self-gap": ("Tự chấm − thẩm định", "Self − appraised"),
    "comparison.stage-final-note": (
        "Xếp hạng theo điểm thẩm định cuối. Điểm tự đánh giá (xã tự chấm) và điểm thẩm định "
        "(hội đồng) gồm điểm thưởng, điểm trừ, không gồm điểm điều tra xã hội học: tổng điểm = "
        "điểm thẩm định + điểm điều tra xã hội học; cột 'Tự chấm − thẩm định' là chênh lệch "
        "của từng đơn vị, bình quân {gap} điểm.",
        "Ranked on the final appraisal. Self-assessed points (the commune's claims) and "
        "appraised points (the council's) include bonus and penalty, not the survey: total = "
        "appraised + survey; 'Self − appraised' is each unit's gap, {gap} points on average.",
    ),
    "comparison.stage-final-short": (
        "Xếp hạng theo điểm thẩm định cuối; điểm tự đánh giá cao hơn điểm thẩm định bình quân "
        "{gap} điểm (cả hai gồm điểm thưởng, điểm trừ, không gồm điểm điều tra xã hội học).",
        "Ranked on the final appraisal; self-assessed points are {gap} points above the "
        "appraised ones on average (both with bonus and penalty, without the survey).",
    ),
    "comparison.appraised": ("Điểm thẩm định", "Appraised points"),
    "comparison.stage-self-note": (
        "Xếp hạng theo điểm tính từ minh chứng tự đánh giá của từng xã (như parscore evaluate), "
        "không theo điểm xã tự chấm; 'Điểm tự đánh giá' của bảng xếp hạng theo thẩm định cuối "
        "là điểm xã tự chấm (điểm tính từ minh chứng ở tiêu chí xã không chấm).",
        "Ranked on the points computed from each commune's self-assessment evidence (as parscore "
        "evaluate scores it), not on the points it claimed; the 'Self-assessed points' of the "
        "ranking on the final appraisal are the points it claimed (the computed ones where it "
        "claimed none).",
    ),
    "comparison.not-appraised-title": (
        "Đơn vị chưa có kết quả thẩm định cuối",
        "Units without a final appraisal",
    ),
    "comparison.not-appraised-note": (
        "Không có tệp thẩm định, hoặc còn tiêu chí chưa quyết định, chờ giải trình: không xếp "
        "hạng cùng các đơn vị đã thẩm định (--stage self xếp hạng theo điểm tự đánh giá).",
        "No appraisal file, or items not decided or awaiting an explanation: not ranked with "
        "the appraised units (--stage self ranks the self-assessments).",
    ),
    "comparison.reason-not-appraised": ("chưa có kết quả thẩm định cuối", "no final appraisal"),
    "appraisal.duplicate": (
        "tệp thứ hai cho cùng đơn vị và năm (đã có {other}): không dùng",
        "a second file for the same unit and year ({other} already): not used",
    ),
    "appraisal.group": (
        "'{id}' là nhóm tiêu chí, không được chấm điểm trực tiếp: quyết định (hoặc giải trình) "
        "cho từng tiêu chí thành phần ({children})",
        "'{id}' is a group: it is not scored itself; decide (or answer) on each of its "
        "sub-criteria ({children})",
    ),
    "appraisal.due-before-round": (
        "hạn giải trình {due} trước ngày thẩm định vòng 1 ({date}): hạn phải sau ngày yêu cầu",
        "explanation deadline {due} before round 1's date ({date}): it must come after the request",
    ),
    "appraisal.round2-before-round1": (
        "vòng 2 ghi ngày {date}, trước vòng 1 ({first})",
        "round 2 is dated {date}, before round 1 ({first})",
    ),
    "appraisal.no-due": (
        "vòng 1 yêu cầu giải trình ({ids}) nhưng không ghi hạn (explanation_due): giải trình gửi "
        "ngày nào cũng được tính",
        "round 1 asks for explanations ({ids}) but sets no deadline (explanation_due): an "
        "answer sent on any date is counted",
    ),
    "explanation.document-after": (
        "giải trình '{id}' gửi ngày {sent} kèm văn bản ghi ngày {date}, sau ngày gửi: kiểm tra "
        "lại ngày",
        "answer '{id}' sent on {sent} cites a document dated {date}, after it was sent: check the "
        "dates",
    ),
    "explanation.document-after-due": (
        "giải trình '{id}' gửi ngày {sent} kèm văn bản ghi ngày {date}, sau ngày gửi và sau hạn "
        "{due}: không được tính ở giai đoạn giải trình (vòng 2 quyết định)",
        "answer '{id}' sent on {sent} cites a document dated {date}, after it was sent and after "
        "the deadline {due}: not counted at the explanation stage (round 2 decides)",
    ),
    "explanation.no-appraisal": (
        "tệp giải trình này không ứng với tệp thẩm định nào trong các tệp so sánh (theo mã đơn "
        "vị và năm): không được đọc",
        "this explanation file answers no appraisal file among the files compared (by unit code "
        "and year): not read",
    ),
    "appraisal.no-evidence": (
        "không có tệp minh chứng nào của đơn vị này trong các tệp so sánh",
        "no evidence file of this unit among the files compared",
    ),
    "appraisal-doc.committee": (
        "Ủy ban nhân dân tỉnh {province}",
        "{province} Provincial People's Committee",
    ),
    "appraisal-doc.committee-district": (
        "Ủy ban nhân dân huyện {district}",
        "{district} District People's Committee",
    ),
    "appraisal-doc.committee-named": (
        "Ủy ban nhân dân {district}",
        "People's Committee of {district}",
    ),
    "appraisal-doc.annex-provinces": (
        "phụ lục gồm đơn vị của nhiều tỉnh ({names}): tiêu đề chỉ ghi 'Ủy ban nhân dân', không "
        "ghi tên tỉnh; mỗi tỉnh ban hành quyết định của mình (lập phụ lục riêng cho từng tỉnh)",
        "the annex holds units of several provinces ({names}): its header reads 'People's "
        "Committee' with no province; each province issues its own decision (one annex per "
        "province)",
    ),
    "appraisal-doc.annex-districts": (
        "phụ lục năm {year} gồm đơn vị của nhiều huyện ({names}): trước 1/7/2025 mỗi huyện thẩm "
        "định, xếp hạng các xã của mình; tiêu đề ghi Ủy ban nhân dân tỉnh",
        "the {year} annex holds units of several districts ({names}): before 1/7/2025 each "
        "district appraised and ranked its communes; the header names the province's committee",
    ),
    "appraisal-doc.council": ("HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC", "PAR INDEX APPRAISAL COUNCIL"),
    "appraisal-doc.minutes-number": ("Số: ....../BB-HĐTĐ", "No.: ....../BB-HĐTĐ"),
    "appraisal-doc.request-number": ("Số: ....../HĐTĐ-CCHC", "No.: ....../HĐTĐ-CCHC"),
    "appraisal-doc.date": (
        "{place}, ngày {d} tháng {m} năm {y}",
        "{place}, {d}/{m}/{y}",
    ),
    "appraisal-doc.no-date": (
        "{place}, ngày ...... tháng ...... năm ......",
        "{place}, ......../......../........",
    ),
    "appraisal-doc.minutes-title": ("BIÊN BẢN THẨM ĐỊNH", "APPRAISAL MINUTES"),
    "appraisal-doc.minutes-subtitle": (
        "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year} của {kind} {name}",
        "The {year} PAR INDEX self-assessment of {kind:.0}{name}",
    ),
    "appraisal-doc.minutes-opening": (
        "{council} đã thẩm định kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm "
        "{year} của {kind} {name} trên cơ sở tài liệu kiểm chứng của đơn vị. "
        "Thành viên tham gia thẩm định: {who}.",
        "{council} appraised the {year} PAR INDEX self-assessment of {kind:.0}{name} on its "
        "evidence. Appraisers: {who}.",
    ),
    "appraisal-doc.minutes-opening-explained": (
        "{council} đã thẩm định kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm "
        "{year} của {kind} {name} trên cơ sở tài liệu kiểm chứng và giải trình của đơn vị. "
        "Thành viên tham gia thẩm định: {who}.",
        "{council} appraised the {year} PAR INDEX self-assessment of {kind:.0}{name} on its "
        "evidence and its explanations. Appraisers: {who}.",
    ),
    "appraisal-doc.by-field": (
        "I. KẾT QUẢ THẨM ĐỊNH THEO LĨNH VỰC",
        "I. APPRAISAL BY FIELD",
    ),
    "appraisal-doc.changed": (
        "II. CÁC TIÊU CHÍ ĐIỀU CHỈNH ĐIỂM VÀ LÝ DO",
        "II. SUB-CRITERIA CHANGED, AND WHY",
    ),
    "appraisal-doc.nothing-changed": (
        "Hội đồng thống nhất với điểm tự đánh giá của đơn vị ở mọi tiêu chí.",
        "The council agreed with the unit's self-assessment on every sub-criterion.",
    ),
    "appraisal-doc.line": (
        "{section}: {text} ({points} điểm): {decision}{why}.",
        "{section}: {text} ({points} points): {decision}{why}.",
    ),
    "appraisal-doc.conclusion": ("III. KẾT LUẬN", "III. CONCLUSION"),
    "appraisal-doc.final-line": (
        "Điểm tự đánh giá {self}; điểm thẩm định {appraisal} (gồm điểm thưởng {bonus}, điểm "
        "trừ {penalty}; không gồm điểm điều tra xã hội học); điểm điều tra xã hội học "
        "{survey}; tổng điểm {total} = điểm thẩm định + điểm điều tra xã hội học; Chỉ số CCHC "
        "{index}, xếp loại {band}.",
        "Self-assessed points {self}; appraised points {appraisal} (bonus {bonus} and penalty "
        "{penalty} included, the survey not); survey {survey}; total {total} = appraised + "
        "survey; PAR INDEX {index}, band {band}.",
    ),
    "appraisal-doc.annex-left-out": (
        "{unit} không có trong phụ lục: chưa có kết quả thẩm định cuối (không có tệp thẩm định, "
        "hoặc còn tiêu chí chưa quyết định, chờ giải trình)",
        "{unit} is not in the annex: no final appraisal (no appraisal file, or items not "
        "decided or awaiting an explanation)",
    ),
    "appraisal-doc.annex-missing": (
        "Chưa có kết quả thẩm định cuối cùng, không xếp hạng trong phụ lục này: {units}. Vị thứ "
        "trên đây tính trong các đơn vị đã có kết quả thẩm định.",
        "No final appraisal yet, not ranked in this annex: {units}. The ranks above are among "
        "the units appraised.",
    ),
    "appraisal-doc.not-final": (
        "Chưa kết luận: còn {count} tiêu chí hoặc dòng điểm thưởng, điểm trừ chưa quyết định "
        "hoặc chờ giải trình.",
        "No conclusion yet: {count} sub-criteria or bonus and penalty lines are not decided or "
        "await an explanation.",
    ),
    "appraisal-doc.self": ("Điểm tự đánh giá", "Self-assessed"),
    "appraisal-doc.appraised": ("Điểm thẩm định", "Appraised"),
    "appraisal-doc.provisional": ("Điểm tạm tính", "Provisional"),
    "appraisal-doc.asked": ("Nội dung đề nghị giải trình", "What is asked"),
    "appraisal-doc.stt": ("STT", "No."),
    "appraisal-doc.rank": ("Vị thứ", "Rank"),
    "appraisal-doc.to-unit": ("- UBND {kind} {name};", "- {kind:.0}{name} People's Committee;"),
    "appraisal-doc.to-file": ("- Lưu: VT, HĐTĐ.", "- File: records, council."),
    "appraisal-doc.on-behalf": ("TM. HỘI ĐỒNG THẨM ĐỊNH", "FOR THE APPRAISAL COUNCIL"),
    "appraisal-doc.chair": ("CHỦ TỊCH", "CHAIR"),
    "appraisal-doc.to": (
        "Kính gửi: Ủy ban nhân dân {kind} {name}",
        "To: {kind:.0}{name} People's Committee",
    ),
    "appraisal-doc.request-title": ("ĐỀ NGHỊ GIẢI TRÌNH", "REQUEST FOR EXPLANATION"),
    "appraisal-doc.request-subtitle": (
        "Kết quả tự đánh giá, chấm điểm Chỉ số CCHC năm {year} của {kind} {name}",
        "The {year} PAR INDEX self-assessment of {kind:.0}{name}",
    ),
    "appraisal-doc.request-opening": (
        "Qua thẩm định vòng 1, {council} đề nghị Ủy ban nhân dân {kind} {name} giải trình, bổ "
        "sung tài liệu kiểm chứng đối với {count} tiêu chí sau, gửi về Hội đồng {due}:",
        "After round 1, {council} asks {kind:.0}{name} People's Committee to explain, and to "
        "add evidence to, the {count} sub-criteria below, and to send it to the council {due}:",
    ),
    "appraisal-doc.due": ("chậm nhất ngày {d}/{m}/{y}", "by {d}/{m}/{y}"),
    "appraisal-doc.no-due": (
        "trong thời hạn Hội đồng thông báo",
        "within the time the council sets",
    ),
    "appraisal-doc.request-closing": (
        "Giải trình gửi sau thời hạn ({due}) không được xem xét ở bước giải trình; Hội đồng thẩm "
        "định vòng 2 trên cơ sở hồ sơ hiện có.",
        "An explanation sent after the deadline ({due}) is not considered at the explanation "
        "stage; the council's round 2 decides on the file as it stands.",
    ),
    "appraisal-doc.annex-title": ("PHỤ LỤC", "ANNEX"),
    "appraisal-doc.annex-subtitle": (
        "Kết quả xác định Chỉ số cải cách hành chính năm {year}",
        "PAR INDEX results, {year}",
    ),
    "appraisal-doc.annex-note": (
        "(Kèm theo Quyết định số ....../QĐ-UBND ngày ...../...../...... ). Điểm tự đánh giá và "
        "điểm thẩm định gồm điểm thưởng, điểm trừ, không gồm điểm điều tra xã hội học; tổng điểm "
        "= điểm thẩm định + điểm điều tra xã hội học.",
        "(Annexed to Decision No. ....../QĐ-UBND of ...../...../...... ). Self-assessed and "
        "appraised points include bonus and penalty, not the survey; total = appraised + survey.",
    ),
    "appraisal-doc.annex-max": (
        "Chỉ số CCHC = tổng điểm / điểm tối đa áp dụng × 100. Điểm tối đa áp dụng khác {max} "
        "(có tiêu chí không áp dụng với đơn vị): {units}.",
        "PAR INDEX = total / applicable maximum × 100. Applicable maximum other than {max} "
        "(sub-criteria not applicable to the unit): {units}.",
    ),
    "appraisal-doc.annex-gap": (
        "Điểm tự đánh giá cao hơn điểm thẩm định bình quân {gap} điểm.",
        "Self-assessed points are above the appraised ones by {gap} points on average.",
    ),
    "appraisal-doc.or-xlsx": (" hoặc .xlsx", " or .xlsx"),
    "appraisal-doc.annex-sheet": ("Phụ lục", "Annex"),
    "usage.annex-needs-appraisals": (
        "không có đơn vị nào có kết quả thẩm định cuối trong các tệp đã cho: phụ lục quyết định "
        "lập từ điểm thẩm định (thêm thư mục tệp thẩm định)",
        "no unit has a final appraisal among the files given: the decision's annex is made from "
        "the appraised scores (add the folder of appraisal files)",
    ),
    "usage.document-format": (
        "tệp ra phải là .docx{xlsx}",
        "the output must be a .docx{xlsx} file",
    ),
    "cli.help.appraisal-minutes": (
        "Biên bản thẩm định của một xã (DOCX): hội đồng, ngày, điểm tự đánh giá và thẩm định "
        "theo lĩnh vực, tiêu chí điều chỉnh và lý do, kết luận, chữ ký",
        "A commune's appraisal minutes (DOCX): the council, the date, self-assessed and "
        "appraised points by field, each item changed and why, the conclusion, the signature",
    ),
    "cli.help.appraisal-request": (
        "Văn bản đề nghị giải trình gửi xã (DOCX): tiêu chí, nội dung đề nghị, thời hạn",
        "The request for explanation sent to a commune (DOCX): the items, what is asked, the "
        "deadline",
    ),
    "cli.help.appraisal-annex": (
        "Phụ lục kết quả của quyết định công bố (DOCX hoặc XLSX theo đuôi tệp --output): STT, "
        "đơn vị, điểm tự đánh giá, thẩm định, điều tra xã hội học, tổng điểm, chỉ số, xếp loại, "
        "vị thứ. Xã chưa có kết quả thẩm định cuối không có trong phụ lục: mỗi xã được nêu tên "
        "và mã thoát là 1.",
        "The results annex of the province's decision (DOCX or XLSX, from --output's "
        "extension): no., unit, self-assessed, appraised and survey points, total, index, band, "
        "rank. A commune without a final appraisal is not in the annex: each is named and the "
        "exit code is 1.",
    ),
    "cli.help.document-output": ("Tệp sẽ ghi (.docx)", "The file to write (.docx)"),
    "cli.help.annex-output": (
        "Tệp sẽ ghi (.docx hoặc .xlsx)",
        "The file to write (.docx or .xlsx)",
    ),
    "cli.help.council": ("Tên hội đồng thẩm định", "The appraisal council's name"),
    "cli.help.appraisal-output": ("Tệp thẩm định sẽ ghi", "The appraisal file to write"),
    # --- rule kinds (parscore/rules/): their words, reasons and plan actions -----------------
    "rule.points": ("{number} điểm", "{number} points"),
    "rule.one-point": ("{number} điểm", "{number} point"),
    "rule.labelled-points": ("{label} {points}", "{label} {points}"),
    "rule.band-points": ("{band} → {points}", "{band} → {points}"),
    "rule.input.part": ("Số đạt", "Number that qualify"),
    "rule.input.total": ("Tổng số", "Total number"),
    "rule.input.percent": ("Tỷ lệ (%)", "Percentage (%)"),
    "rule.input.met": ("Đạt yêu cầu", "Requirement met"),
    "rule.input.level": ("Mức đạt được", "Level reached"),
    "rule.input.judged": ("Số điểm chấm", "Points given"),
    "rule.input.status": ("Tình trạng", "Status"),
    "rule.input.due": ("Hạn", "Due date"),
    "rule.input.done-on": ("Ngày hoàn thành", "Done on"),
    "rule.input.count": ("Số lượng", "Count"),
    "rule.input.survey-points": ("Điểm nhận được", "Points received"),
    "rule.input.satisfied": ("Số phiếu hài lòng", "Satisfied responses"),
    "rule.input.responses": ("Tổng số phiếu", "Responses"),
    "rule.input.items": ("Số mục được tính", "Items counted"),
    "rule.status.on_time": ("đúng hạn", "on time"),
    "rule.status.late": ("chậm", "late"),
    "rule.status.not_done": ("không thực hiện", "not done"),
    "rule.share.more": (" (thêm {count} {what})", " ({count} more: {what})"),
    "rule.share.above": ("trên {bound}%", "above {bound}%"),
    "rule.share.at": ("{bound}%", "{bound}%"),
    "rule.pass_fail.describe": ("đạt {max}; không đạt 0 điểm", "met {max}; not met 0 points"),
    "rule.judged.describe": (
        "chấm từ 0 đến {max}, mỗi bước {step}, có giải trình",
        "judged from 0 to {max} in steps of {step}, with an explanation",
    ),
    "rule.timeliness.describe-due": ("{statuses} (hạn {due})", "{statuses} (due {due})"),
    "rule.timeliness.by": (" (trước hoặc đúng {due})", " (by {due})"),
    "rule.timeliness.hint-due": (
        "Chỉ cần ghi tài liệu có ngày ban hành: đúng hạn hay chậm được tính theo ngày đó và "
        "hạn {due}. Ghi status khi không có ngày.",
        "A dated document is enough: on time or late follows from its date and the due date "
        "{due}. Give status when there is no date.",
    ),
    "rule.timeliness.hint": (
        "Ghi hạn (due) và tài liệu có ngày, hoặc ghi status.",
        "Give the due date and a dated document, or the status.",
    ),
    "rule.deduction.describe": (
        "{max}, trừ {per} cho mỗi trường hợp, thấp nhất {floor}",
        "{max}, minus {per} per incident, not below {floor}",
    ),
    "rule.proportional.describe": ("tỷ lệ × {max}", "share × {max}"),
    "rule.proportional.describe-target": (
        "tỷ lệ × {max}; từ {target}% trở lên được đủ điểm",
        "share × {max}; full points at {target}% or more",
    ),
    "rule.survey_share.describe": (
        "tỷ lệ hài lòng × {max} (do đơn vị điều tra chấm)",
        "satisfied share × {max} (scored by the survey)",
    ),
    "rule.per_item.describe": (
        "{per} cho mỗi {what}, tối đa {cap}",
        "{per} for each of the {what}, up to {cap}",
    ),
    "rule.checklist.describe-gate": (
        "{items}; chưa đạt một trong các nội dung bắt buộc ({gates}): 0 điểm",
        "{items}; any one of the required items ({gates}) not met: 0 points",
    ),
    "rule.all_conditions.describe": (
        "đạt tất cả điều kiện ({conditions}): {max}; thiếu một điều kiện: 0 điểm",
        "every condition met ({conditions}): {max}; any one unmet: 0 points",
    ),
    "rule.deliverables.due": ("{name} (hạn {due})", "{name} (due {due})"),
    "rule.deliverables.due-next": (
        "{name} (hạn {due} năm sau)",
        "{name} (due {due} of the next year)",
    ),
    "rule.deliverables.input": ("{name}: ngày gửi", "{name}: date sent"),
    "rule.deliverables.missing": ("{name} chưa gửi", "{name} not sent"),
    "rule.deliverables.late": (
        "{name} gửi ngày {sent}, chậm so với hạn {due}",
        "{name} sent {sent}, after its due date {due}",
    ),
    "rule.deliverables.hint": (
        "Ghi ngày gửi của từng báo cáo, sản phẩm (dd/mm/yyyy) và kê các văn bản; để trống "
        "cái chưa gửi: nó được tính là chưa gửi.",
        "Give the date each one was sent (dd/mm/yyyy) and list the documents; leave one not "
        "sent empty: it counts as not sent.",
    ),
    "rule.deliverables.describe": (
        "gửi đủ và đúng hạn tất cả ({which}): {max}; thiếu hoặc chậm: 0 điểm",
        "all sent on time ({which}): {max}; one missing or late: 0 points",
    ),
    "rule.deliverables.describe-each": (
        "mỗi sản phẩm gửi đúng hạn: {which}",
        "each one sent on time: {which}",
    ),
    "rule.deliverables.describe-deduct": (
        "{max}, trừ {per} cho mỗi sản phẩm chậm hoặc thiếu ({which}), thấp nhất 0 điểm",
        "{max}, minus {per} for each one late or missing ({which}), not below 0 points",
    ),
    "reason.pass": ("đạt yêu cầu", "requirement met"),
    "reason.fail": ("không đạt yêu cầu", "requirement not met"),
    "reason.level": ("mức: {level}", "level: {level}"),
    "reason.checklist": (
        "đạt {met}/{count} nội dung; chưa đạt: {missed}",
        "{met} of {count} items met; not met: {missed}",
    ),
    "reason.checklist-gate": (
        "chưa đạt nội dung bắt buộc: {missed}; không có điểm",
        "a required item not met: {missed}; no points",
    ),
    "reason.checklist-all": ("đạt cả {count} nội dung", "all {count} items met"),
    "reason.conditions-all": ("đạt cả {count} điều kiện", "all {count} conditions met"),
    "reason.conditions-unmet": (
        "chưa đạt {unmet}/{count} điều kiện: {missed}; không có điểm",
        "{unmet} of {count} conditions not met: {missed}; no points",
    ),
    "reason.deliverables-all": ("cả {count} sản phẩm gửi đúng hạn", "all {count} sent on time"),
    "reason.deliverables": (
        "{on_time}/{count} sản phẩm gửi đúng hạn; {faults}",
        "{on_time} of {count} sent on time; {faults}",
    ),
    "reason.deduction-none": ("không có trường hợp nào", "no incident"),
    "reason.judged": ("hội đồng chấm {points} điểm", "assessed at {points} points"),
    "reason.timeliness": ("{status}", "{status}"),
    "reason.timeliness-dates": (
        "{status}: hoàn thành ngày {done}, hạn {due}",
        "{status}: done on {done}, due {due}",
    ),
    "reason.band": (
        "tỷ lệ {percent}%{detail}, thuộc khoảng {band}",
        "{percent}%{detail}, in the band {band}",
    ),
    "reason.proportional": ("tỷ lệ {percent}%{detail} × {max}", "{percent}%{detail} × {max}"),
    "reason.proportional-target": (
        "tỷ lệ {percent}%{detail} đạt mức {target}% trở lên: đủ điểm",
        "{percent}%{detail} reaches the target of {target}%: full points",
    ),
    "reason.survey": (
        "tỷ lệ hài lòng {percent}%{detail} × {max}",
        "satisfied {percent}%{detail} × {max}",
    ),
    "reason.survey-points": (
        "điểm điều tra nhận được: {points}",
        "survey points received: {points}",
    ),
    "reason.count-band": (
        "số lượng {count}, thuộc khoảng {band}",
        "count {count}, in the band {band}",
    ),
    "reason.deduction": (
        "{count} trường hợp, mỗi trường hợp trừ {per} điểm",
        "{count} incidents, {per} points off each",
    ),
    "reason.per-item": ("{count} × {per} = {points}", "{count} × {per} = {points}"),
    "reason.per-item-cap": (
        "{count} × {per}, tối đa {cap}",
        "{count} × {per}, capped at {cap}",
    ),
    "reason.nothing": ("không phát sinh", "nothing occurred"),
    "plan.full": ("đáp ứng đầy đủ yêu cầu", "meet the requirement in full"),
    "plan.share": (
        "nâng tỷ lệ từ {now}% lên {target}{more}",
        "raise the share from {now}% to {target}{more}",
    ),
    "plan.count-up": (
        "{label}: tăng từ {count} lên {target}",
        "{label}: raise it from {count} to {target}",
    ),
    "plan.count-down": (
        "{label}: giảm từ {count} xuống {target}",
        "{label}: bring it down from {count} to {target}",
    ),
    "plan.on-time": ("hoàn thành đúng hạn{due}", "do it on time{due}"),
    "plan.level": ("đạt mức: {level}", "reach the level: {level}"),
    "plan.conditions": (
        "đáp ứng các điều kiện còn thiếu: {conditions}",
        "meet the conditions not yet met: {conditions}",
    ),
    "plan.deliverables": ("gửi đúng hạn: {which}", "send on time: {which}"),
    "plan.item": ("hoàn thành nội dung: {item}", "complete: {item}"),
    # --- where appraisers look first (parscore review, parscore/review.py), survey tables ----
    "criteria.agree-input": (
        "'{ref}' không phải dữ liệu của một tiêu chí được chấm; dữ liệu của tiêu chí đó: {inputs}",
        "'{ref}' is not an input of a scored item; that item's inputs: {inputs}",
    ),
    "review.not-evidence": (
        "{path} là tệp thẩm định hoặc giải trình, không phải tệp minh chứng: review xem các tệp "
        "minh chứng của xã",
        "{path} is an appraisal or explanation file, not an evidence file: review reads the "
        "communes' evidence files",
    ),
    "review.no-evidence": (
        "tự chấm {claimed} điểm tiêu chí {id} mà không có tài liệu kiểm chứng hay giải trình",
        "{claimed} points claimed on {id} with no document and no explanation",
    ),
    "review.claim-above": (
        "tự chấm {claimed} điểm tiêu chí {id}, tài liệu kiểm chứng chỉ cho {points}",
        "{claimed} points claimed on {id}; the evidence gives {points}",
    ),
    "review.number-form": (
        "số, ký hiệu '{number}' (tiêu chí {id}) không theo mẫu số/ký hiệu, ví dụ 10/KH-UBND",
        "number '{number}' (item {id}) is not in the form number/symbol, e.g. 10/KH-UBND",
    ),
    "review.document-type": (
        "tài liệu số {number} là {type}; tiêu chí {id} cần tài liệu loại: {expected}",
        "document {number} is a {type}; item {id} needs one of: {expected}",
    ),
    "review.date-after-assessment": (
        "ngày {date} sau ngày tự đánh giá {assessed}",
        "dated {date}, after the assessment of {assessed}",
    ),
    "review.date-outside-window": (
        "ngày {date} ngoài khoảng thời gian tài liệu kiểm chứng được tính ({start} đến {end})",
        "dated {date}, outside the evidence window ({start} to {end})",
    ),
    "review.date-sunday": ("ngày {date} là Chủ nhật", "dated {date}, a Sunday"),
    "review.date-holiday": (
        "ngày {date} là ngày nghỉ: {holiday}",
        "dated {date}, a day off: {holiday}",
    ),
    "review.number-date": (
        "văn bản số {number} ghi ngày {date} ({here}){titles}, nơi khác ghi ngày {first_date} "
        "({where})",
        "document {number} dated {date} ({here}){titles}; cited as of {first_date} ({where})",
    ),
    "review.number-also-title": (
        ", trích yếu '{title}' (nơi khác: '{first_title}')",
        ", titled '{title}' (elsewhere: '{first_title}')",
    ),
    "review.number-title": (
        "văn bản số {number} có trích yếu '{title}' ({here}), nơi khác ghi '{first_title}' "
        "({where})",
        "document {number} titled '{title}' ({here}); cited as '{first_title}' ({where})",
    ),
    "review.figures-equal": (
        "số liệu phải bằng nhau ({name}) nhưng khác nhau: {values}",
        "figures that must be equal ({name}) differ: {values}",
    ),
    "review.figures-at-most": (
        "số liệu trước không được lớn hơn số liệu sau ({name}): {values}",
        "each figure must be at most the next ({name}): {values}",
    ),
    "review.jump-index": (
        "Chỉ số tăng {rise} điểm so với năm {year} ({before} lên {now}), quá ngưỡng {threshold}",
        "the index rose {rise} points over {year} ({before} to {now}), above the threshold "
        "{threshold}",
    ),
    "review.jump-field": (
        "lĩnh vực {id} {name}: tỷ lệ điểm đạt tăng từ {before}% (năm {year}) lên {now}%",
        "field {id} {name}: its share rose from {before}% ({year}) to {now}%",
    ),
    "review.previous-none": (
        "không đọc được kết quả năm trước nào ở đây: chưa so mức tăng với năm trước",
        "no result of last year could be read here: rises over last year were not checked",
    ),
    "review.previous-unmatched": (
        "không kết quả năm trước nào ({count} kết quả đọc được) là của một đơn vị được rà soát ở "
        "đây (cùng mã; nếu không có mã thì cùng tên, huyện và tỉnh) vào một năm trước đó: chưa so "
        "mức tăng với năm trước",
        "no result of last year ({count} read) is of a unit reviewed here, in an earlier year (the "
        "same code; without a code, the same name, district and province): rises over last year "
        "were not checked",
    ),
    "review.previous-not-result": (
        "không phải kết quả chấm điểm (parscore evaluate --format json)",
        "not a result written by parscore evaluate --format json",
    ),
    "review.title": (
        "Những điểm cần thẩm định trước — {files}, {count} phát hiện, xếp theo số điểm bị "
        "ảnh hưởng",
        "Where to look first — {files}, {count} findings, by points at stake",
    ),
    "review.file": ("{count} tệp", "{count} file"),
    "review.files": ("{count} tệp", "{count} files"),
    "review.none": ("Không có phát hiện nào.", "Nothing found."),
    "review.col-stake": ("Điểm bị ảnh hưởng", "Points at stake"),
    "review.col-place": ("Vị trí", "Place"),
    "review.col-unit": ("Đơn vị", "Unit"),
    "review.col-item": ("Tiêu chí", "Item"),
    "review.col-why": ("Cần xem vì", "Why"),
    "review.left-out": (
        "Không xem được (có lỗi, xem thông báo ở trên): {files}",
        "Not reviewed (problems, shown above): {files}",
    ),
    "review.holidays-note": (
        "Ngày nghỉ lễ, Tết được biết cho các năm {first}–{last}; ngày của năm khác chỉ được "
        "xét Chủ nhật.",
        "Public holidays are known for {first}–{last}; a date of another year is checked for "
        "Sundays only.",
    ),
    "holiday.new-year": ("Tết Dương lịch", "New Year's Day"),
    "holiday.tet": ("Tết Nguyên đán", "Lunar New Year (Tết)"),
    "holiday.hung-kings": ("Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration"),
    "holiday.reunification": ("Ngày Chiến thắng 30/4", "Reunification Day (30/4)"),
    "holiday.labour": ("Ngày Quốc tế Lao động 1/5", "International Labour Day (1/5)"),
    "holiday.national": ("Quốc khánh", "National Day"),
    "holiday.day-off": ("ngày nghỉ bù hoặc hoán đổi", "a compensatory or swapped day off"),
    "doc-type.NQ": ("nghị quyết (NQ)", "resolution (NQ)"),
    "doc-type.QĐ": ("quyết định (QĐ)", "decision (QĐ)"),
    "doc-type.CT": ("chỉ thị (CT)", "directive (CT)"),
    "doc-type.QC": ("quy chế (QC)", "regulation (QC)"),
    "doc-type.QyĐ": ("quy định (QyĐ)", "rules (QyĐ)"),
    "doc-type.TB": ("thông báo (TB)", "notice (TB)"),
    "doc-type.HD": ("hướng dẫn (HD)", "guidance (HD)"),
    "doc-type.CTr": ("chương trình (CTr)", "programme (CTr)"),
    "doc-type.KH": ("kế hoạch (KH)", "plan (KH)"),
    "doc-type.PA": ("phương án (PA)", "scheme (PA)"),
    "doc-type.ĐA": ("đề án (ĐA)", "project proposal (ĐA)"),
    "doc-type.DA": ("dự án (DA)", "project (DA)"),
    "doc-type.BC": ("báo cáo (BC)", "report (BC)"),
    "doc-type.BB": ("biên bản (BB)", "minutes (BB)"),
    "doc-type.TTr": ("tờ trình (TTr)", "submission (TTr)"),
    "doc-type.HĐ": ("hợp đồng (HĐ)", "contract (HĐ)"),
    "doc-type.CĐ": ("công điện (CĐ)", "dispatch (CĐ)"),
    "doc-type.GM": ("giấy mời (GM)", "invitation (GM)"),
    "doc-type.KL": ("kết luận (KL)", "conclusions (KL)"),
    "doc-type.CV": ("công văn", "official letter"),
    "usage.review-kind": (
        "'{kind}' không phải một loại phát hiện; các loại: {kinds}",
        "'{kind}' is not a kind of finding; the kinds: {kinds}",
    ),
    "cli.help.review": (
        "Những điểm thẩm định viên cần xem trước: điểm tự chấm cao hơn điểm tính được, điểm "
        "không có tài liệu kiểm chứng, tài liệu sai loại, ngày sau ngày tự đánh giá, ngoài "
        "khoảng thời gian, vào Chủ nhật hay ngày lễ, một số văn bản ghi hai ngày hay hai trích "
        "yếu, số liệu không khớp giữa các tiêu chí, mức tăng bất thường so với năm trước; xếp "
        "theo số điểm bị ảnh hưởng, mỗi phát hiện có tệp, dòng và cột.\n\n"
        "Mã thoát 0 khi đã xem xong, dù có phát hiện hay không; 1 khi một tệp có lỗi bị bỏ ra "
        "ngoài, hoặc với --strict khi có phát hiện; 2 khi dữ liệu vào hay cách dùng sai.",
        "Where appraisers look first: claims above the computed score, points claimed with no "
        "evidence, documents of the wrong type, dates after the assessment, outside the "
        "evidence window, on a Sunday or a public holiday, one document number cited with two "
        "dates or titles, figures that do not agree between items, implausible rises over last "
        "year; ranked by points at stake, each with its file, line and column.\n\n"
        "Exit code 0 when the review ran, whatever it found; 1 when a file with problems was "
        "left out, or with --strict when anything was found; 2 for bad input or usage.",
    ),
    "cli.help.review-previous": (
        "tệp minh chứng (hoặc thư mục) hay kết quả JSON của năm trước, để tìm mức tăng bất "
        "thường; dùng nhiều lần được",
        "last year's evidence files (or folders) or JSON results, to find implausible rises; "
        "may be repeated",
    ),
    "cli.help.review-jump": (
        "Chỉ số tăng quá số điểm này so với năm trước thì được nêu",
        "a rise of the index above this many points over last year is a finding",
    ),
    "cli.help.review-skip": (
        "bỏ qua một loại phát hiện (claim-above, date-sunday…); dùng nhiều lần được",
        "leave out one kind of finding (claim-above, date-sunday…); may be repeated",
    ),
    "cli.help.review-format": (
        "Định dạng đầu ra. Mặc định: theo đuôi tệp --output (.json, .csv), nếu không thì table.",
        "Output format. Default: from the --output file's suffix (.json, .csv), else table.",
    ),
    "cli.help.review-strict": (
        "mã thoát 1 khi có phát hiện (cho các script)",
        "exit code 1 when anything is found (for scripts)",
    ),
    "survey.document-title": (
        "Bảng kết quả điều tra xã hội học {table}",
        "The survey results table {table}",
    ),
    "survey.document-line": ("dòng {line}", "line {line}"),
    "survey.document-cell": ("ô {cell}", "cell {cell}"),
    "survey.bad-cell": (
        "'{value}' không phải điểm (4.58) hay số phiếu hài lòng/tổng số phiếu (412/450)",
        "'{value}' is neither points (4.58) nor satisfied/responses (412/450)",
    ),
    "survey.blank-header": (
        "cột không có tên: hàng đầu ghi mã tiêu chí điều tra của mỗi cột (S.1, S.2…)",
        "a column with no name: the first row names each column's survey item (S.1, S.2…)",
    ),
    "survey.duplicate-code": (
        "mã đơn vị {code} đã có ở hàng {first}",
        "unit code {code} is already in row {first}",
    ),
    "survey.duplicate-item": (
        "tiêu chí {id} đã có cột ở {first}: mỗi tiêu chí điều tra một cột",
        "item {id} already has a column at {first}: one column per survey item",
    ),
    "survey.missing-item": (
        "bảng không có cột cho tiêu chí điều tra: {items} (hàng đầu ghi mỗi tiêu chí một cột)",
        "the table has no column for the survey items: {items} (the first row names one column "
        "per item)",
    ),
    "survey.formula": (
        "ô có công thức {formula} nhưng chưa có giá trị (tệp chưa được mở và lưu bằng Excel): "
        "ghi giá trị vào ô",
        "a formula ({formula}) without a value (the file was never opened and saved in Excel): "
        "type the value",
    ),
    "survey.no-responses": (
        "'{value}': không có phiếu nào (tổng số phiếu 0); ghi số phiếu thực tế",
        "'{value}': no responses at all (0 in all); give the real counts",
    ),
    "survey.short-row": (
        "hàng chỉ có {cells} ô, bảng có {columns} cột: thiếu ô thì để trống, không bỏ dấu phân "
        "cách",
        "a row of {cells} cells in a table of {columns} columns: leave a missing value empty, "
        "keep its separator",
    ),
    "survey.extra-cell": (
        "ô ngoài các cột có tên: hàng đầu không ghi tiêu chí của cột này",
        "a cell past the named columns: the first row names no item for this column",
    ),
    "survey.no-code": (
        "hàng không có mã đơn vị ở cột đầu",
        "a row with no unit code in its first column",
    ),
    "survey.no-file": (
        "đơn vị mã {code} có trong bảng điều tra nhưng không có tệp minh chứng",
        "unit {code} is in the survey table but has no evidence file",
    ),
    "survey.no-items": (
        "bảng không có cột tiêu chí điều tra: hàng đầu là mã đơn vị, rồi S.1, S.2…",
        "the table has no survey item columns: the first row is the unit code, then S.1, S.2…",
    ),
    "survey.no-row": (
        "không có hàng cho mã đơn vị {code} trong bảng điều tra {table}",
        "no row for unit code {code} in the survey table {table}",
    ),
    "survey.no-unit-code": (
        "tệp không ghi mã đơn vị (unit: code:), nên không tìm được hàng của nó trong {table}",
        "the file gives no unit code (unit: code:), so its row in {table} cannot be found",
    ),
    "survey.not-table": (
        "bảng điều tra phải là tệp .csv hoặc .xlsx",
        "a survey table is a .csv or .xlsx file",
    ),
    "survey.not-workbook": (
        "không đọc được tệp như một bảng tính Excel (.xlsx)",
        "the file cannot be read as an Excel workbook (.xlsx)",
    ),
    "survey.unknown-item": (
        "'{id}' không phải tiêu chí điều tra của bộ tiêu chí; các tiêu chí điều tra: {items}",
        "'{id}' is not a survey item of the criteria set; its survey items: {items}",
    ),
    "cli.help.survey": (
        "bảng kết quả điều tra xã hội học của cả tỉnh (.csv hoặc .xlsx: mã đơn vị, rồi điểm "
        "hoặc số phiếu hài lòng/tổng số phiếu của mỗi tiêu chí), thay cho điểm điều tra ghi "
        "trong từng tệp",
        "the province's survey results table (.csv or .xlsx: unit code, then each survey "
        "item's points or satisfied/responses), in place of each file's survey points",
    ),
    # --- reasons in results -----------------------------------------------------------------
    "reason.no-evidence": ("chưa có minh chứng trong tệp", "no evidence in the file"),
    "reason.no-inputs": (
        "đã có mục nhưng chưa ghi dữ liệu chấm điểm",
        "the item has no inputs yet",
    ),
    "reason.no-document": (
        "có số liệu nhưng chưa có tài liệu kiểm chứng hoặc giải trình",
        "inputs given, but no evidence document or explanation",
    ),
    "reason.needs-explanation": (
        "điểm do hội đồng chấm cần có giải trình",
        "judged points need an explanation",
    ),
    "reason.nothing-full": (
        "không phát sinh ({why}): đủ điểm",
        "nothing occurred ({why}): full points",
    ),
    "reason.nothing-na": (
        "không phát sinh ({why}): không áp dụng, không tính vào điểm tối đa",
        "nothing occurred ({why}): not applicable, left out of the maximum",
    ),
    "reason.nothing-zero": (
        "không phát sinh ({why}): 0 điểm",
        "nothing occurred ({why}): 0 points",
    ),
    "reason.nothing-undeclared": (
        "không phát sinh ({why}) nhưng bộ tiêu chí không quy định trường hợp này",
        "nothing occurred ({why}), but the set does not say what that is worth",
    ),
    "reason.survey-pending": ("chưa nhận được điểm điều tra", "survey points not received yet"),
    "reason.total-zero": ("tổng số bằng 0", "the total is 0"),
    "plan.document": (
        "bổ sung tài liệu kiểm chứng cho số liệu đã ghi",
        "add the evidence document for the inputs given",
    ),
    "plan.explanation": (
        "bổ sung giải trình cho điểm đã chấm",
        "add the explanation for the points given",
    ),
    "plan.evidence": (
        "ghi số liệu và tài liệu kiểm chứng (chưa có minh chứng)",
        "give the inputs and the evidence documents (nothing given yet)",
    ),
    "ledger.booked": ("'{id}' không đạt: {name}", "'{id}' not met: {name}"),
    "ledger.entry": ("{text}", "{text}"),
    # --- batches ---------------------------------------------------------------------------
    "batch.survey-table": (
        "{path} là tệp CSV, không phải tệp minh chứng của xã: bảng kết quả điều tra của tỉnh "
        "dùng với --survey (evaluate, compare)",
        "{path} is a CSV file, not a commune's evidence: a province's survey table goes to "
        "--survey (evaluate, compare)",
    ),
    "batch.folder-loop": (
        "thư mục này đã được duyệt qua một liên kết khác (vòng lặp liên kết): bỏ qua",
        "this folder was already searched through another link (a link loop): skipped",
    ),
    "batch.folder-unreadable": (
        "không đọc được thư mục: {reason}",
        "cannot read the folder: {reason}",
    ),
    "batch.broken-link": (
        "liên kết trỏ tới tệp không tồn tại: bỏ qua",
        "a link to a file that does not exist: skipped",
    ),
    "batch.internal-error": (
        "lỗi nội bộ của parscore khi chấm tệp này ({error}): tệp bị bỏ qua — "
        "hãy báo lỗi kèm tệp này",
        "internal error in parscore while scoring this file ({error}): the file is left out — "
        "please report it with this file",
    ),
    "batch.worker-died": (
        "tiến trình chấm tệp này dừng đột ngột (hết bộ nhớ hoặc lỗi trong một thư viện): "
        "tệp bị bỏ qua — hãy báo lỗi kèm tệp này",
        "the process scoring this file stopped abruptly (out of memory, or a crash in a "
        "library): the file is left out — please report it with this file",
    ),
    "batch.worker-timeout": (
        "việc chấm tệp này mất hơn {seconds} giây (tiến trình bị treo): tệp bị bỏ qua — "
        "hãy báo lỗi kèm tệp này",
        "scoring this file took more than {seconds} s (the process hung): the file is left "
        "out — please report it with this file",
    ),
    "batch.nothing": (
        "không có tệp minh chứng nào để so sánh trong {paths} (tệp .yaml, bảng .xlsx hoặc thư "
        "mục của một xã)",
        "no evidence file to compare in {paths} (.yaml files, .xlsx score sheets or commune "
        "folders)",
    ),
    "compare.mixed-sets": (
        "các tệp được chấm theo những bộ tiêu chí khác nhau, không so sánh được: {listing}",
        "the files are scored against different criteria sets and cannot be compared: {listing}",
    ),
    "compare.mixed-years": (
        "các tệp thuộc những năm khác nhau, không xếp hạng chung được: {listing}; hãy so sánh "
        "từng năm riêng (năm trước đưa vào bằng --previous)",
        "the files are of different years and cannot be ranked together: {listing}; compare "
        "each year on its own (give last year with --previous)",
    ),
    "compare.duplicate-unit": (
        "{unit} năm {year} có hai tệp: {first} và {second}; hãy bỏ một tệp",
        "{unit} {year} has two files: {first} and {second}; remove one",
    ),
    # --- outcomes of a node (the outcome column of the reports) ------------------------------
    "outcome.met": ("đạt", "met"),
    "outcome.partial": ("đạt một phần", "partial"),
    "outcome.unmet": ("không đạt", "unmet"),
    "outcome.missing": ("thiếu minh chứng", "missing evidence"),
    "outcome.not-applicable": ("không áp dụng", "not applicable"),
    "outcome.outside": ("chấm từ bên ngoài", "scored outside"),
    # --- reports: the unit result and its to-do list ------------------------------------------
    "result.title": (
        "Kết quả tự đánh giá Chỉ số CCHC năm {year}",
        "PAR INDEX self-assessment {year}",
    ),
    "result.assessed": ("Đánh giá", "Assessed"),
    "result.field": ("Lĩnh vực", "Field"),
    "result.by-field": ("Điểm theo lĩnh vực", "Points by field"),
    "result.item": ("Tiêu chí", "Criterion"),
    "result.points": ("Điểm", "Points"),
    "result.max": ("Tối đa", "Max"),
    "result.percent": ("Tỷ lệ", "Share"),
    "result.outcome": ("Kết quả", "Outcome"),
    "result.reason": ("Căn cứ chấm", "Why"),
    "result.evidence": ("Tài liệu kiểm chứng", "Evidence"),
    "result.explanation": ("Giải trình", "Explanation"),
    "result.claimed": ("Tự chấm", "Claimed"),
    "result.difference": ("Chênh lệch", "Difference"),
    "result.survey": ("Điều tra xã hội học", "Survey"),
    "result.bonus": ("Điểm thưởng", "Bonus"),
    "result.penalty": ("Điểm trừ", "Penalty"),
    "result.total": ("Tổng điểm", "Total"),
    "result.index": ("Chỉ số CCHC", "PAR INDEX"),
    "result.band": ("Xếp loại", "Band"),
    "result.no-band": ("chưa xếp loại", "no band"),
    "result.weak-fields": ("Lĩnh vực yếu nhất", "Weakest fields"),
    "result.weak-items": ("Tiêu chí mất nhiều điểm nhất", "Sub-criteria that lost most points"),
    "result.lost": ("Điểm mất", "Lost"),
    "result.ledger": ("Điểm thưởng, điểm trừ", "Bonus and penalty"),
    "result.booked-by-rule": ("tự động theo tiêu chí {id}", "booked by sub-criterion {id}"),
    "result.claims": (
        "Điểm tự chấm khác điểm tính",
        "Claimed scores that differ from the computed ones",
    ),
    "result.warnings": ("Cảnh báo", "Warnings"),
    "result.details": ("Chi tiết từng tiêu chí", "Every sub-criterion"),
    "result.ledger-kinds": ("Điểm thưởng, điểm trừ theo loại", "Bonus and penalty by kind"),
    "result.kind": ("Loại", "Kind"),
    "result.count": ("Số mục", "Lines"),
    "result.sum": ("Cộng", "Sum"),
    "result.cap-heading": ("Tối đa", "Cap"),
    "result.cap-bit": (" (chạm mức tối đa)", " (cap reached)"),
    "result.cap": ("tối đa {cap}", "cap {cap}"),
    "result.missing-note": (
        "{count} tiêu chí còn thiếu minh chứng (xem --missing)",
        "{count} sub-criteria lack evidence (see --missing)",
    ),
    "todo.title": (
        "Việc cần chuẩn bị cho cuộc họp tự đánh giá — {unit}, năm {year}",
        "To bring to the self-assessment meeting — {unit}, {year}",
    ),
    "todo.office": ("Đơn vị chủ trì", "Lead office"),
    "todo.need": ("Cần bổ sung", "Needed"),
    "todo.at-stake": ("Điểm còn có thể tăng", "Points still to gain"),
    "todo.none": (
        "Không còn tiêu chí nào thiếu minh chứng hay giải trình.",
        "Nothing lacks evidence or an explanation.",
    ),
    "todo.unassigned": ("Chưa phân công", "Unassigned"),
    "todo.evidence": ("số liệu và tài liệu kiểm chứng", "inputs and documents"),
    "todo.document": ("tài liệu kiểm chứng", "evidence document"),
    "todo.explanation": ("giải trình", "explanation"),
    "todo.gives": (
        "{need} (được {points} với số liệu đã ghi)",
        "{need} ({points} with the figures given)",
    ),
    "todo.total": ("Tổng", "Total"),
    "unit.named": ("{kind} {name}", "{kind:.0}{name}"),
    "unit.code": ("{unit} ({code})", "{unit} ({code})"),
    "result.criteria-line": (
        "Bộ tiêu chí: {id} ({version}) — {title}",
        "Criteria set: {id} ({version}) — {title}",
    ),
    "result.index-line": (
        "Chỉ số CCHC: {index} — Xếp loại: {band}",
        "PAR INDEX: {index} — Band: {band}",
    ),
    "result.split-line": (
        "Điểm các tiêu chí thẩm định: {appraisal}/{appraisal_max} — Điểm điều tra xã hội học: "
        "{survey}/{survey_max}",
        "Appraised criteria: {appraisal}/{appraisal_max} — Survey: {survey}/{survey_max}",
    ),
    "result.no-number": ("(không số)", "(no number)"),
    "unit.district": ("huyện {name}", "{name} district"),
    "unit.province": ("tỉnh {name}", "{name} province"),
    # --- reports: the comparison --------------------------------------------------------------
    "comparison.compare-title": ("So sánh Chỉ số CCHC năm {year}", "PAR INDEX comparison {year}"),
    "comparison.compare-heading": (
        "So sánh Chỉ số CCHC năm {year} — bộ tiêu chí {set} ({version}) — {grouping} "
        "({count} đơn vị)",
        "PAR INDEX comparison {year} — criteria set {set} ({version}) — {grouping} ({count} units)",
    ),
    "comparison.grouping-district": ("xếp hạng theo huyện", "ranked by district"),
    "comparison.grouping-province": ("xếp hạng theo tỉnh", "ranked by province"),
    "comparison.grouping-none": ("xếp hạng chung", "ranked all together"),
    "comparison.year": ("Năm", "Year"),
    "comparison.applicable-max": ("Tối đa áp dụng", "Applicable max"),
    "comparison.applicable-max-note": (
        "Chỉ số CCHC = tổng điểm / điểm tối đa áp dụng × 100. Cột 'Tối đa áp dụng' ghi điểm "
        "tối đa của đơn vị khi khác {max}: tổng điểm tối đa trừ các tiêu chí không áp dụng "
        "với đơn vị.",
        "PAR INDEX = total / applicable maximum × 100. The 'Applicable max' column gives a "
        "unit's maximum when it is not {max}: the set's maximum less the sub-criteria that do "
        "not apply to the unit.",
    ),
    "comparison.no-weakest": (
        "không có (mọi lĩnh vực ≥ trung vị)",
        "none (every field ≥ median)",
    ),
    "comparison.nothing-comparable": ("không so được", "nothing to compare"),
    "comparison.not-assessed-title": (
        "Đơn vị chưa tự đánh giá (tệp chưa có minh chứng nào)",
        "Units not assessed (no evidence in the file)",
    ),
    "comparison.not-assessed-note": (
        "Không xếp hạng, không tính vào xếp loại, bình quân và trung vị.",
        "Not ranked, and not counted in bands, means and medians.",
    ),
    "comparison.ungrouped-district-title": ("Đơn vị không ghi huyện", "Units naming no district"),
    "comparison.ungrouped-province-title": ("Đơn vị không ghi tỉnh", "Units naming no province"),
    "comparison.ungrouped-note": (
        "Không xếp hạng vì không biết thuộc nhóm nào: ghi thêm vào mục unit.parents của tệp, "
        "hoặc chọn --group-by khác.",
        "Not ranked, as their group is unknown: add it to the file's unit.parents, or choose "
        "another --group-by.",
    ),
    "comparison.unit-in-group": ("{name} ({group}) — {file}", "{name} ({group}) — {file}"),
    "comparison.unit-file": ("{name} — {file}", "{name} — {file}"),
    "comparison.sheet-unranked": ("Không xếp hạng", "Not ranked"),
    "comparison.reason": ("Lý do", "Why"),
    "comparison.reason-not-assessed": ("chưa có minh chứng nào", "no evidence at all"),
    "comparison.reason-ungrouped-district": ("không ghi huyện", "no district given"),
    "comparison.reason-ungrouped-province": ("không ghi tỉnh", "no province given"),
    "comparison.units-note": (
        "Đơn vị tính: điểm; Chỉ số CCHC, tỷ lệ điểm đạt và chênh lệch: %.",
        "Units: points; PAR INDEX, shares of points and gaps: %.",
    ),
    "comparison.page-footer": ("Trang &P/&N", "Page &P of &N"),
    "comparison.sheet-ranking": ("Xếp hạng", "Ranking"),
    "comparison.sheet-fields": ("Lĩnh vực", "Fields"),
    "comparison.sheet-bands": ("Xếp loại", "Bands"),
    "comparison.sheet-items": ("Tiêu chí", "Sub-criteria"),
    "comparison.sheet-excluded": ("Bị loại", "Excluded"),
    "comparison.group": ("Nhóm", "Group"),
    "comparison.group-district": ("Huyện", "District"),
    "comparison.group-province": ("Tỉnh", "Province"),
    "comparison.group-title-district": ("Huyện {name}", "{name} district"),
    "comparison.group-title-province": ("Tỉnh {name}", "{name} province"),
    "comparison.all": ("Tất cả", "All"),
    "comparison.unknown-group": ("(chưa ghi)", "(not given)"),
    "comparison.all-units": ("Tất cả các đơn vị", "All units"),
    "comparison.rank": ("Vị thứ", "Rank"),
    "comparison.rank-number": ("Vị thứ (số)", "Rank (number)"),
    "comparison.unit": ("Đơn vị", "Unit"),
    "comparison.code": ("Mã", "Code"),
    "comparison.kind": ("Loại đơn vị", "Kind"),
    "comparison.appraisal": (
        "Điểm tiêu chí (không gồm điều tra XHH)",
        "Criteria points (survey aside)",
    ),
    "comparison.bonus-penalty": ("Thưởng / trừ", "Bonus / penalty"),
    "comparison.weakest": (
        "Lĩnh vực thấp nhất so với trung vị",
        "Field furthest below the median",
    ),
    "comparison.gap": ("Chênh lệch so với trung vị nhóm", "Gap to the group median"),
    "comparison.units": ("Số đơn vị", "Units"),
    "comparison.mean": ("Bình quân", "Mean"),
    "comparison.median": ("Trung vị", "Median"),
    "comparison.mean-index": ("Chỉ số bình quân", "Mean index"),
    "comparison.median-index": ("Chỉ số trung vị", "Median index"),
    "comparison.summary": (
        "Chỉ số bình quân {mean}%, trung vị {median}%",
        "Mean index {mean}%, median {median}%",
    ),
    "comparison.field-stats": ("Lĩnh vực: bình quân và trung vị", "Fields: mean and median"),
    "comparison.full": ("Đạt điểm tối đa", "Full points"),
    "comparison.applicable-count": ("Số đơn vị áp dụng", "Applicable"),
    "comparison.full-units": ("Đơn vị đạt điểm tối đa", "Units with full points"),
    "comparison.file": ("Tệp", "File"),
    "comparison.line": ("Dòng", "Line"),
    "comparison.column": ("Cột", "Column"),
    "comparison.message": ("Nội dung", "Problem"),
    "comparison.problem-code": ("Mã lỗi", "Code"),
    "comparison.compared": ("{count} đơn vị được so sánh", "{count} units compared"),
    "comparison.excluded-count": ("{count} tệp bị loại", "{count} files left out"),
    "comparison.excluded-title": ("Tệp bị loại khỏi so sánh", "Files left out of the comparison"),
    "comparison.chart": ("Xếp hạng theo Chỉ số CCHC", "Ranking by PAR INDEX"),
    "comparison.heatmap": ("Tỷ lệ điểm đạt theo lĩnh vực", "Share of points by field"),
    "comparison.band-counts": ("Số đơn vị theo xếp loại", "Units by band"),
    "comparison.items-full": (
        "Tiêu chí thành phần: đơn vị đạt điểm tối đa (hỏi kinh nghiệm)",
        "Sub-criteria: units with full points (ask them how)",
    ),
    "comparison.line-column": ("dòng {line}, cột {column}", "line {line}, column {column}"),
    # the HTML page of a comparison (report/html.py)
    "comparison.html-contents": ("Mục lục", "Contents"),
    "comparison.html-overview": ("Tổng quan", "Overview"),
    "comparison.html-fields": (
        "Tỷ lệ điểm đạt theo lĩnh vực (%)",
        "Share of points achieved by field (%)",
    ),
    "comparison.html-lowest": ("Thấp nhất", "Lowest"),
    "comparison.html-highest": ("Cao nhất", "Highest"),
    "comparison.html-weakest-of": (
        "Là lĩnh vực thấp nhất so với trung vị của (số đơn vị)",
        "Furthest below the median for (units)",
    ),
    "comparison.html-share": ("Tỷ lệ", "Share"),
    "comparison.html-band-mix": ("Cơ cấu xếp loại", "Band mix"),
    "comparison.html-most-missed": (
        "Tiêu chí thành phần nhiều đơn vị chưa đạt điểm tối đa nhất",
        "Sub-criteria most often short of full points",
    ),
    "comparison.html-missed-title": (
        "Tiêu chí thành phần: đơn vị chưa đạt điểm tối đa",
        "Sub-criteria: units short of full points",
    ),
    "comparison.missed": ("Chưa đạt tối đa", "Short of full points"),
    "comparison.missed-units": ("Đơn vị chưa đạt tối đa", "Units short of full points"),
    "comparison.html-none-missed": ("Tất cả đạt điểm tối đa", "All got full points"),
    "comparison.html-units": ("{count} đơn vị", "{count} units"),
    "comparison.html-not-applicable": (
        "{count} đơn vị không áp dụng",
        "not applicable to {count} units",
    ),
    "comparison.html-not-assessed-count": (
        "{count} đơn vị chưa tự đánh giá",
        "{count} units not assessed",
    ),
    "comparison.html-ungrouped-count": (
        "{count} đơn vị không ghi cấp xếp nhóm",
        "{count} units naming no group",
    ),
    "comparison.html-nothing-ranked": ("Không có đơn vị nào được xếp hạng.", "No unit is ranked."),
    "comparison.html-ranking-note": (
        "Vị thứ trong nhóm; các cột 1, 2, … là tỷ lệ điểm đạt của từng lĩnh vực (%): đỏ 0, "
        "vàng 50, xanh 100.",
        "Rank within the group; columns 1, 2, … are the share of points achieved in each field "
        "(%): red 0, yellow 50, green 100.",
    ),
    # --- year over year: crosswalks, lineages, a unit and a group against their past ---------
    "crosswalk.not-crosswalk": (
        "không phải tệp đối chiếu bộ tiêu chí (cần khóa 'crosswalk:' với old và new)",
        "not a crosswalk file (expected a 'crosswalk:' key with old and new)",
    ),
    "crosswalk.empty-entry": (
        "mục đối chiếu không có tiêu chí cũ lẫn mới",
        "an entry with neither an old nor a new sub-criterion",
    ),
    "crosswalk.unknown-item": (
        "'{id}' không phải tiêu chí thành phần được chấm điểm của bộ {set}",
        "'{id}' is not a scored sub-criterion of the set {set}",
    ),
    "crosswalk.listed-twice": (
        "'{id}' đã có ở dòng {first_line}: mỗi tiêu chí ghi một lần",
        "'{id}' is already on line {first_line}: each sub-criterion is listed once",
    ),
    "crosswalk.unlisted-old": (
        "{count} tiêu chí của bộ cũ {set} chưa có trong bảng đối chiếu (ghi new: [] nếu đã bỏ): "
        "{listing}",
        "{count} sub-criteria of the old set {set} are not in the crosswalk (write new: [] for "
        "a dropped one): {listing}",
    ),
    "crosswalk.unlisted-new": (
        "{count} tiêu chí của bộ mới {set} chưa có trong bảng đối chiếu (ghi old: [] nếu là "
        "tiêu chí mới): {listing}",
        "{count} sub-criteria of the new set {set} are not in the crosswalk (write old: [] for "
        "a new one): {listing}",
    ),
    "crosswalk.not-used": (
        "bảng đối chiếu này ({old} → {new}) không dùng cho {pairs}",
        "this crosswalk ({old} → {new}) is not used for {pairs}",
    ),
    "crosswalk.wrong-sets": (
        "bảng đối chiếu {file} nối bộ {old} với bộ {new}, không phải {then} với {now}",
        "the crosswalk {file} maps the set {old} onto {new}, not {then} onto {now}",
    ),
    "lineage.not-lineage": (
        "không phải tệp sáp nhập đơn vị (cần các khóa lineage, date, basis, units)",
        "not a lineage file (expected the keys lineage, date, basis, units)",
    ),
    "lineage.unit-twice": (
        "đơn vị '{name}' đã có ở mục thứ {entry}",
        "the unit '{name}' is already entry {entry}",
    ),
    "lineage.predecessor-twice": (
        "đơn vị cũ '{name}' đã được sáp nhập vào '{first}': một đơn vị cũ chỉ vào một đơn vị mới",
        "the old unit '{name}' already went into '{first}': an old unit goes into one new unit",
    ),
    "lineage.weights-partial": (
        "'{name}': trọng số (weight) phải ghi cho mọi đơn vị cũ, lớn hơn 0, hoặc không ghi cho "
        "đơn vị nào (bình quân cộng)",
        "'{name}': give a weight (greater than 0) to every old unit, or to none (the plain mean)",
    ),
    "previous.bad-json": (
        "không đọc được kết quả so sánh năm trước (chi tiết bằng tiếng Anh): {detail}",
        "cannot read last year's comparison: {detail}",
    ),
    "previous.not-comparison": (
        "không phải kết quả 'parscore compare --format json' (format: {found})",
        "not the output of 'parscore compare --format json' (format: {found})",
    ),
    "previous.json-alone": (
        "--previous nhận một tệp kết quả so sánh JSON ({file}) hoặc các tệp, thư mục minh chứng, "
        "không nhận cả hai: {listing}",
        "--previous takes one comparison JSON ({file}) or evidence files and folders, not both: "
        "{listing}",
    ),
    "previous.mixed-years": (
        "các tệp đưa vào --previous thuộc những năm khác nhau: {listing}; --previous là số liệu "
        "của một năm",
        "the files given with --previous are of different years: {listing}; --previous is one "
        "year's figures",
    ),
    "previous.old-version": (
        "kết quả so sánh {found} là phiên bản cũ, không đọc được: cần parscore-comparison/3 trở "
        "lên (chạy lại 'parscore compare --format json')",
        "the comparison {found} is an old version, not supported: parscore-comparison/3 or later "
        "is needed (run 'parscore compare --format json' again)",
    ),
    "previous.not-earlier": (
        "năm trước ({then}) phải trước năm so sánh ({now})",
        "the previous year ({then}) must come before the year compared ({now})",
    ),
    "previous.code-reused": (
        "mã {unit_code} năm nay là của '{name}', năm trước là của '{previous}': mã đã dùng lại cho "
        "một đơn vị khác; hãy khai báo việc sắp xếp đơn vị bằng --lineage",
        "the code {unit_code} is '{name}' this year and was '{previous}' last year: a code reused "
        "for another unit; declare the arrangement with --lineage",
    ),
    "previous.other-unit": (
        "tệp này là của '{then_name}' (mã {then_code}), không phải '{name}' (mã {unit_code}): số "
        "liệu của đơn vị khác không là số liệu năm trước của đơn vị này; nếu '{name}' được hình "
        "thành từ '{then_name}', khai báo bằng --lineage",
        "this file is '{then_name}' (code {then_code}), not '{name}' (code {unit_code}): another "
        "unit's figures are not this unit's past; if '{name}' was formed from '{then_name}', "
        "declare it with --lineage",
    ),
    "previous.not-a-predecessor": (
        "tệp này là của '{then_name}' (mã {then_code}), mà tệp sắp xếp (--lineage) không ghi là "
        "đơn vị cũ của '{name}' (mã {unit_code})",
        "this file is '{then_name}' (code {then_code}), which the lineage (--lineage) does not "
        "list among the old units of '{name}' (code {unit_code})",
    ),
    "previous.predecessors-lacking": (
        "'{unit}' được hình thành từ nhiều đơn vị cũ; thiếu tệp năm {year} của: {lacking} "
        "(số liệu suy ra cần đủ mọi đơn vị cũ)",
        "'{unit}' was formed from several old units; the {year} file of {lacking} is not given "
        "(derived figures need every old unit)",
    ),
    "previous.stage-differs": (
        "năm {year} theo {stage}, năm {then} theo {then_stage}: so sánh hai loại điểm khác nhau",
        "{year} is on the {stage}, {then} on the {then_stage}: two kinds of score compared",
    ),
    "previous.code-reused-lineage": (
        "mã {unit_code} năm nay là của '{name}', năm trước là của '{previous}': tệp sắp xếp "
        "(--lineage) chưa ghi '{name}' được hình thành từ đơn vị nào; hãy thêm vào tệp đó",
        "the code {unit_code} is '{name}' this year and was '{previous}' last year: the lineage "
        "(--lineage) does not say what '{name}' was formed from; add it there",
    ),
    "previous.code-twice": (
        "mã {unit_code} có hai đơn vị trong số liệu năm trước: '{first}' và '{second}'",
        "the code {unit_code} belongs to two units in last year's figures: '{first}' and "
        "'{second}'",
    ),
    "lineage.code-other-unit": (
        "tệp sắp xếp ghi mã {unit_code} là '{name}' (huyện {district}), nhưng năm trước mã "
        "{unit_code} là '{previous}' (huyện {previous_district})",
        "the lineage gives the code {unit_code} to '{name}' (district {district}), but last "
        "year {unit_code} was '{previous}' (district {previous_district})",
    ),
    "previous.code-merged": (
        "mã {unit_code} của '{name}' là mã của '{previous}' năm trước, đơn vị mà tệp sắp xếp ghi "
        "đã sáp nhập vào '{successor}': mã đã dùng lại cho một đơn vị khác",
        "the code {unit_code} of '{name}' was the code of '{previous}' last year, which the "
        "lineage merged into '{successor}': a code reused for another unit",
    ),
    "previous.predecessor-missing": (
        "'{unit}': không tìm thấy đơn vị cũ '{predecessor}' trong số liệu năm trước: không tính "
        "số liệu năm trước của đơn vị này",
        "'{unit}': the old unit '{predecessor}' is not in last year's figures: no previous "
        "figures for this unit",
    ),
    "previous.no-crosswalk": (
        "bộ tiêu chí {then} (năm {year}) và {now} khác nhau: chỉ so sánh chỉ số và lĩnh vực; "
        "để so từng tiêu chí, dùng --crosswalk (soạn bằng 'parscore criteria diff')",
        "the sets {then} (year {year}) and {now} differ: only the index and the fields are "
        "compared; for each sub-criterion, give --crosswalk (drafted by 'parscore criteria "
        "diff')",
    ),
    "years.previous-with-missing": (
        "--previous không dùng cùng --missing, --standing, --appraisal: các báo cáo đó là của "
        "năm nay",
        "--previous does not go with --missing, --standing or --appraisal: those reports are "
        "this year's",
    ),
    "years.crosswalk-without-previous": (
        "--crosswalk cần --previous (năm trước để so sánh)",
        "--crosswalk needs --previous (last year, to compare with)",
    ),
    "years.lineage-without-previous": (
        "--lineage cần --previous (năm trước để so sánh)",
        "--lineage needs --previous (last year, to compare with)",
    ),
    "years.status-same": ("giữ nguyên", "same"),
    "years.status-reweighted": ("đổi điểm tối đa", "re-weighted"),
    "years.weighted-note": (
        "{status}; {change} theo điểm tối đa năm nay",
        "{status}; {change} at this year's maximum",
    ),
    "years.status-renamed": ("đổi số hoặc tên", "renumbered or renamed"),
    "years.status-split": ("tách", "split"),
    "years.status-merged": ("gộp", "merged"),
    "years.status-regrouped": ("sắp xếp lại", "regrouped"),
    "years.status-new": ("mới", "new"),
    "years.status-dropped": ("bỏ", "dropped"),
    # criteria diff
    "years.diff-title": (
        "So sánh bộ tiêu chí {old} ({old_version}, năm {old_year}) với {new} ({new_version}, "
        "năm {new_year})",
        "Criteria set {old} ({old_version}, year {old_year}) against {new} ({new_version}, "
        "year {new_year})",
    ),
    "years.diff-fields": ("Lĩnh vực đổi điểm tối đa", "Fields whose maximum changed"),
    "years.diff-items": ("Tiêu chí thành phần thay đổi", "Sub-criteria that changed"),
    "years.diff-count": (
        "{same} tiêu chí giữ nguyên, {changed} thay đổi, {new} mới, {dropped} bỏ",
        "{same} sub-criteria the same, {changed} changed, {new} new, {dropped} dropped",
    ),
    "years.diff-none": (
        "Hai bộ có cùng các tiêu chí: không cần bảng đối chiếu.",
        "The two sets have the same sub-criteria: no crosswalk is needed.",
    ),
    "years.old": ("Cũ", "Old"),
    "years.new": ("Mới", "New"),
    "years.change-kind": ("Loại thay đổi", "Kind of change"),
    "years.max-old": ("Tối đa cũ", "Old max"),
    "years.max-new": ("Tối đa mới", "New max"),
    "years.name-changed": ("cùng số, tên khác: kiểm tra", "same id, another name: check it"),
    "years.rule-changed": ("đổi cách chấm", "scored another way"),
    "years.draft-wrote": (
        "Đã soạn bảng đối chiếu {path}: kiểm tra từng dòng (tách, gộp) trước khi dùng.",
        "Drafted the crosswalk {path}: check every line (splits, merges) before using it.",
    ),
    "years.draft-head": (
        "Bảng đối chiếu bộ tiêu chí, do 'parscore criteria diff' soạn: kiểm tra trước khi dùng.\n"
        "Mỗi tiêu chí của hai bộ ghi đúng một lần. old: [] là tiêu chí mới, new: [] là tiêu chí "
        "đã bỏ;\n"
        'tách: old: "2.3", new: ["2.3", "2.4"]; gộp: old: ["4.1", "4.2"], new: "4.1".\n'
        "Bản nháp chỉ ghép cùng số hoặc cùng tên: tách và gộp do người biết phụ lục ghi.",
        "Crosswalk between two criteria sets, drafted by 'parscore criteria diff': check it "
        "before use.\n"
        "Every sub-criterion of both sets is listed once. old: [] is a new one, new: [] a "
        "dropped one;\n"
        'split: old: "2.3", new: ["2.3", "2.4"]; merged: old: ["4.1", "4.2"], new: '
        '"4.1".\n'
        "The draft pairs only the same id or the same name: splits and merges are for the "
        "person who knows the annexes.",
    ),
    # evaluate --previous
    "years.history-title": (
        "{kind} {name}: Chỉ số CCHC năm {year} so với các năm trước",
        "{name} ({kind}): PAR INDEX {year} against earlier years",
    ),
    "years.index-line": (
        "Năm {year}: chỉ số {index}, {band}; năm {then} ({then_unit}): {then_index}, {then_band} "
        "({change})",
        "{year}: index {index}, {band}; {then} ({then_unit}): {then_index}, {then_band} ({change})",
    ),
    "years.stage-self": ("điểm tự đánh giá", "self-assessments"),
    "years.stage-final": ("điểm thẩm định cuối", "final appraisals"),
    "years.stages": (
        "Năm {year} và năm {then} đều theo {stage}.",
        "{year} and {then} are both on the {stage}.",
    ),
    "years.stages-differ": (
        "Lưu ý: năm {year} theo {stage}, năm {then} theo {then_stage}: hai loại điểm khác nhau, "
        "mức tăng/giảm gồm cả chênh lệch giữa tự chấm và thẩm định.",
        "Note: {year} is on the {stage}, {then} on the {then_stage}: two kinds of score, so the "
        "changes include the gap between self-assessment and appraisal.",
    ),
    "years.points-of-percent": ("%", " points"),
    "years.up": ("tăng {value}", "up {value}"),
    "years.down": ("giảm {value}", "down {value}"),
    "years.no-change": ("không đổi", "unchanged"),
    "years.since": ("So với năm {year} ({set} {version})", "Against {year} ({set} {version})"),
    "years.fields": ("Theo lĩnh vực", "By field"),
    "years.items": ("Theo tiêu chí thành phần", "By sub-criterion"),
    "years.items-moved": (
        "Tiêu chí thành phần thay đổi điểm, mới hoặc bỏ (--detail: mọi tiêu chí)",
        "Sub-criteria whose points changed, new or dropped (--detail: every one)",
    ),
    "years.then": ("Năm {year}", "{year}"),
    "years.now": ("Năm {year}", "{year}"),
    "years.change": ("Thay đổi", "Change"),
    "years.rose-most": (
        "Tăng nhiều nhất (theo điểm tối đa năm nay): {items}",
        "Rose most (at this year's maxima): {items}",
    ),
    "years.fell-most": (
        "Giảm nhiều nhất (theo điểm tối đa năm nay): {items}",
        "Fell most (at this year's maxima): {items}",
    ),
    "years.items-by": (
        "Đối chiếu tiêu chí: {how}",
        "Sub-criteria compared: {how}",
    ),
    "years.how-same-set": ("cùng bộ tiêu chí", "the same criteria set"),
    "years.how-same-structure": ("hai bộ cùng các tiêu chí", "the two sets have the same items"),
    "years.how-crosswalk": ("theo bảng đối chiếu {file}", "through the crosswalk {file}"),
    "years.not-derived": ("không xếp loại (số liệu suy ra)", "no band (derived figures)"),
    "years.how-derived": (
        "không so (số liệu năm trước suy ra từ các đơn vị cũ: chỉ so chỉ số)",
        "not compared (last year's figures are derived from the old units: the index only)",
    ),
    "years.how-not-compared": (
        "không so (hai bộ khác nhau, không có bảng đối chiếu)",
        "not compared (the sets differ and no crosswalk was given)",
    ),
    "years.plan-none-fell": (
        "Không tiêu chí thành phần nào giảm điểm so với năm {year}.",
        "No sub-criterion lost points since {year}.",
    ),
    "years.plan-fell": (
        "{id} giảm từ {then} xuống {now} điểm so với năm {year}",
        "{id} fell from {then} to {now} points since {year}",
    ),
    "years.plan-heading": (
        "Các tiêu chí giảm điểm so với năm trước",
        "Sub-criteria that lost points since last year",
    ),
    # compare --previous
    "years.prev-index": ("Chỉ số năm trước", "Previous index"),
    "years.index-change": ("Tăng/giảm chỉ số", "Index change"),
    "years.prev-rank": ("Vị thứ năm trước", "Previous rank"),
    "years.rank-change": ("Tăng/giảm vị thứ", "Rank change"),
    "years.prev-band": ("Xếp loại năm trước", "Previous band"),
    "years.derived": ("Suy ra từ", "Derived from"),
    "years.rule-mean": ("bình quân của {units}", "mean of {units}"),
    "years.rule-weighted": ("bình quân gia quyền của {units}", "weighted mean of {units}"),
    "years.rank-up": ("tăng {count} bậc", "up {count} places"),
    "years.rank-down": ("giảm {count} bậc", "down {count} places"),
    "years.rank-same": ("giữ nguyên", "unchanged"),
    "years.rank-short-other-group": ("khác nhóm", "other group"),
    "years.rank-short-derived": ("suy ra", "derived"),
    "years.rank-short-not-ranked": ("—", "—"),
    "years.index-of": ("Chỉ số {year}", "Index {year}"),
    "years.rank-of": ("Vị thứ {year}", "Rank {year}"),
    "years.band-of": ("Xếp loại {then}", "Band {then}"),
    "years.change-points": ("Tăng/giảm", "Change"),
    "years.rank-other-group": ("không so (xếp hạng khác nhóm)", "not compared (another group)"),
    "years.rank-derived": ("không so (số liệu suy ra)", "not compared (derived figures)"),
    "years.rank-not-ranked": ("không so", "not compared"),
    "years.derived-mean": (
        "{index}* (bình quân của {units})",
        "{index}* (mean of {units})",
    ),
    "years.derived-weighted": (
        "{index}* (bình quân gia quyền của {units})",
        "{index}* (weighted mean of {units})",
    ),
    "years.change-title": (
        "{group}: so với năm {year}",
        "{group}: against {year}",
    ),
    "years.summary": (
        "Các đơn vị có số liệu hai năm ({compared}): chỉ số bình quân {mean_now}%, {change} so "
        "với năm {year}; {up} đơn vị tăng điểm, {down} đơn vị giảm, {unchanged} không đổi.",
        "Units with figures for both years ({compared}): mean index {mean_now}%, {change} "
        "against {year}; {up} units rose, {down} fell, {unchanged} unchanged.",
    ),
    "years.lacking-line": (
        "{unit}: không có số liệu năm {year} vì thiếu đơn vị cũ {predecessor} (tệp sắp xếp "
        "{where}).",
        "{unit}: no figures for {year}: the old unit {predecessor} is missing (lineage {where}).",
    ),
    "years.merged-lacking": (
        "sáp nhập vào {unit}; thiếu số liệu",
        "merged into {unit}; figures missing",
    ),
    "years.summary-none": (
        "Không đơn vị nào có số liệu năm {year}.",
        "No unit has figures for {year}.",
    ),
    "years.best": (
        "Tăng nhiều nhất: {units} ({change}).",
        "Largest rise: {units}, {change}.",
    ),
    "years.worst": (
        "Giảm nhiều nhất: {units} ({change}).",
        "Largest fall: {units}, {change}.",
    ),
    "years.mover-derived": (
        "(*: so với số liệu năm trước suy ra từ các đơn vị cũ)",
        "(*: against last year's figures derived from the old units)",
    ),
    "years.band-up": (
        "{kind} {name}: từ {then} lên {now}",
        "{kind:.0}{name}: from {then} up to {now}",
    ),
    "years.band-down": (
        "{kind} {name}: từ {then} xuống {now}",
        "{kind:.0}{name}: from {then} down to {now}",
    ),
    "years.band-other": (
        "{kind} {name}: từ {then} sang {now}",
        "{kind:.0}{name}: from {then} to {now}",
    ),
    "years.new-units": (
        "Không có số liệu năm trước: {units}.",
        "No previous figures: {units}.",
    ),
    "years.vanished-title": (
        "Đơn vị năm {year} không còn trong so sánh",
        "Units of {year} no longer compared",
    ),
    "years.derived-note": (
        "* Số liệu năm trước của đơn vị hình thành sau sắp xếp được suy ra từ các đơn vị cũ "
        "(quy tắc ghi bên cạnh), không phải số liệu của chính đơn vị; vị thứ không so sánh. "
        "Căn cứ: {basis}.",
        "* The previous figures of a unit formed by the arrangement are derived from its old "
        "units (the rule beside them), not the unit's own; its rank is not compared. Basis: "
        "{basis}.",
    ),
    "years.other-group-note": (
        "Vị thứ năm {then} xếp trong {then_grouping}, năm {now} trong {now_grouping}: thay "
        "đổi vị thứ chỉ tính khi cùng nhóm.",
        "Ranks of {then} were within {then_grouping}, of {now} within {now_grouping}: a rank "
        "change is shown only within the same group.",
    ),
    "years.grouping-district": ("huyện", "the district"),
    "years.grouping-province": ("tỉnh", "the province"),
    "years.grouping-none": ("toàn bộ", "everyone"),
    "years.heading-previous": (
        "so với năm {year} ({source})",
        "against {year} ({source})",
    ),
    "years.sheet-change": ("So với năm trước", "Against last year"),
    "years.compared": ("Có số liệu hai năm", "With both years"),
    "years.count-up": ("Tăng điểm", "Rose"),
    "years.count-down": ("Giảm điểm", "Fell"),
    "years.count-same": ("Không đổi", "Unchanged"),
    "years.mean-then": ("Chỉ số bình quân năm trước", "Mean index last year"),
    "years.summary-heading": ("Tóm tắt", "Summary"),
    "years.vanished": ("Không còn so sánh", "No longer compared"),
    "cli.help.previous": (
        "Tệp minh chứng của đơn vị năm trước (một hoặc nhiều năm): in điểm từng lĩnh vực, "
        "từng tiêu chí năm trước, năm nay và thay đổi.",
        "The unit's evidence file of an earlier year (one or more): show each field and "
        "sub-criterion then, now and the change.",
    ),
    "cli.help.crosswalk": (
        "Bảng đối chiếu giữa hai phiên bản bộ tiêu chí (soạn bằng 'parscore criteria diff'); "
        "có thể nêu nhiều lần.",
        "A crosswalk between two versions of a criteria set (drafted by 'parscore criteria "
        "diff'); may be given several times.",
    ),
    "cli.help.compare-previous": (
        "Năm trước: tệp, thư mục tệp minh chứng, hoặc tệp JSON 'compare --format json' năm "
        "trước; thêm chỉ số, vị thứ, xếp loại năm trước và thay đổi.",
        "Last year: evidence files or folders, or last year's 'compare --format json' file; "
        "adds the previous index, rank and band and the change.",
    ),
    "cli.help.lineage": (
        "Tệp sắp xếp đơn vị (đơn vị mới ← các đơn vị cũ, ngày, căn cứ): số liệu năm trước của "
        "đơn vị sáp nhập được suy ra từ các đơn vị cũ.",
        "A lineage file (new unit ← old units, date, legal basis): a merged unit's previous "
        "figures are derived from its old units.",
    ),
    "cli.help.criteria-diff": (
        "So sánh hai phiên bản bộ tiêu chí: tiêu chí mới, bỏ, đổi số, đổi điểm; với --output, "
        "soạn bảng đối chiếu (YAML) để kiểm tra rồi dùng với --crosswalk.",
        "Compare two versions of a criteria set: new, dropped, renumbered, re-weighted "
        "sub-criteria; with --output, draft the crosswalk (YAML) to check and use with "
        "--crosswalk.",
    ),
    "cli.help.diff-output": (
        "Ghi bản nháp bảng đối chiếu vào tệp này.",
        "Write the draft crosswalk to this file.",
    ),
    # --- reports: the improvement plan, an administrative document (Nghị định 30/2020/NĐ-CP) --
    # the header: the issuing body on the left, the nation and the date on the right.
    # English names a unit without its kind: "{kind:.0}" writes nothing
    "plan-doc.committee": ("ỦY BAN NHÂN DÂN", "PEOPLE'S COMMITTEE OF"),
    "plan-doc.unit": ("{kind} {name}", "{kind:.0}{name}"),
    "plan-doc.number": ("Số: ....../KH-UBND", "No.: ....../KH-UBND"),
    "plan-doc.nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "plan-doc.motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "plan-doc.date": (
        "{place}, ngày ...... tháng ...... năm {year}",
        "{place}, ......../......../{year}",
    ),
    "plan-doc.title": ("KẾ HOẠCH", "PLAN"),
    "plan-doc.subtitle": (
        "Cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX) {kind} {name} năm {year}",
        "Improving the PAR INDEX of {kind:.0}{name} in {year}",
    ),
    "plan-doc.result-band": (
        "Chỉ số đạt {index}, xếp loại {band}",
        "a PAR INDEX of {index}, band {band}",
    ),
    "plan-doc.result": ("Chỉ số đạt {index}", "a PAR INDEX of {index}"),
    "plan-doc.opening": (
        "Căn cứ kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {assessed} "
        "({result}); để khắc phục những tồn tại, hạn chế và cải thiện điểm số của các tiêu chí, "
        "tiêu chí thành phần còn bị mất điểm, Ủy ban nhân dân {kind} {name} ban hành Kế hoạch "
        "cải thiện và nâng cao Chỉ số cải cách hành chính năm {year}, cụ thể như sau:",
        "{kind:.0}Following the {assessed} self-assessment of the PAR INDEX ({result}), and to "
        "remedy the shortcomings and regain the points lost, the People's Committee of {name} "
        "issues this plan to improve its PAR INDEX in {year}:",
    ),
    # I. purpose and requirements
    "plan-doc.purpose": ("I. MỤC ĐÍCH, YÊU CẦU", "I. PURPOSE AND REQUIREMENTS"),
    "plan-doc.aims": ("1. Mục đích", "1. Purpose"),
    "plan-doc.aim-remedy": (
        "Khắc phục những tồn tại, hạn chế trong công tác cải cách hành chính năm {assessed}; "
        "cải thiện điểm số của các tiêu chí, tiêu chí thành phần bị mất điểm, góp phần nâng cao "
        "Chỉ số cải cách hành chính năm {year} và những năm tiếp theo.",
        "Remedy the shortcomings of {assessed} in administrative reform and regain the points "
        "lost, raising the PAR INDEX in {year} and the years after.",
    ),
    "plan-doc.aim-staff": (
        "Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, nhất là người đứng đầu, trong "
        "thực hiện nhiệm vụ cải cách hành chính; nâng cao chất lượng phục vụ người dân, tổ chức.",
        "Raise the awareness and responsibility of officials, above all the heads, for reform "
        "tasks; serve citizens and organisations better.",
    ),
    "plan-doc.aim-target": (
        "Phấn đấu năm {year} Chỉ số cải cách hành chính đạt từ {target} trở lên.",
        "Reach a PAR INDEX of at least {target} in {year}.",
    ),
    "plan-doc.aim-keep": (
        "Giữ vững Chỉ số cải cách hành chính từ {target} trở lên trong năm {year}.",
        "Keep the PAR INDEX at {target} or above in {year}.",
    ),
    "plan-doc.requirements": ("2. Yêu cầu", "2. Requirements"),
    "plan-doc.req-concrete": (
        "Nhiệm vụ, giải pháp phải cụ thể, khả thi, bám sát các tiêu chí, tiêu chí thành phần "
        "của Bộ chỉ số và hướng dẫn của cấp trên; xác định rõ người chủ trì, phối hợp và thời "
        "hạn hoàn thành.",
        "Tasks and solutions are concrete and feasible, follow the criteria and the guidance "
        "from above, and name who leads, who helps and by when.",
    ),
    "plan-doc.req-evidence": (
        "Mỗi nhiệm vụ hoàn thành phải có tài liệu kiểm chứng (số, ký hiệu, ngày ban hành, cơ "
        "quan ban hành) được lưu đầy đủ để phục vụ tự đánh giá và thẩm định cuối năm.",
        "Every task done is proved by a document (number, date, issuer) kept for the year-end "
        "self-assessment and appraisal.",
    ),
    # II. tasks and solutions, by field
    "plan-doc.fields": ("II. NHIỆM VỤ VÀ GIẢI PHÁP", "II. TASKS AND SOLUTIONS"),
    # a task of Part II: its number in the plan, the sub-criterion's name and its id in the set
    "plan-doc.item-title": (
        "{number}. {name} (tiêu chí {id})",
        "{number}. {name} (sub-criterion {id})",
    ),
    "plan-doc.tasks": ("a) Mục tiêu, nhiệm vụ", "a) Goals and tasks"),
    "plan-doc.solutions": ("b) Giải pháp", "b) Solutions"),
    "plan-doc.lead": ("c) Cơ quan chủ trì", "c) Lead body"),
    "plan-doc.support": ("d) Cơ quan phối hợp", "d) Coordinating bodies"),
    "plan-doc.timing": ("e) Thời gian thực hiện", "e) Timing"),
    "plan-doc.always": ("Thường xuyên", "Ongoing"),
    # a missing document or explanation as next year's task (the annex keeps the figures)
    "plan-doc.goal-evidence": (
        "thực hiện đầy đủ nội dung của tiêu chí và lưu đủ tài liệu kiểm chứng (năm {assessed} "
        "chưa có minh chứng)",
        "do what the sub-criterion asks and keep its evidence documents (none in {assessed})",
    ),
    "plan-doc.goal-document": (
        "lưu đủ tài liệu kiểm chứng cho kết quả đạt được (năm {assessed} có số liệu nhưng thiếu "
        "tài liệu kiểm chứng)",
        "keep the evidence documents for the results (in {assessed} the figures had none)",
    ),
    "plan-doc.goal-explanation": (
        "có giải trình kèm theo điểm tự chấm (năm {assessed} còn thiếu giải trình)",
        "explain the self-assessed points in writing (no explanation in {assessed})",
    ),
    "plan-doc.nothing": (
        "Năm {assessed} không có tiêu chí nào bị mất điểm: tiếp tục duy trì và phát huy kết quả "
        "đạt được.",
        "No sub-criterion lost points in {assessed}: keep up the results achieved.",
    ),
    # III. who does what
    "plan-doc.organisation": ("III. TỔ CHỨC THỰC HIỆN", "III. IMPLEMENTATION"),
    "plan-doc.office-tasks": (
        "Chủ trì thực hiện các nhiệm vụ tại mục {refs} Phần II của Kế hoạch này; lưu đầy đủ tài "
        "liệu kiểm chứng và báo cáo kết quả thực hiện hằng quý về Ủy ban nhân dân {kind}.",
        "{kind:.0}Leads the tasks {refs} of Part II of this plan; keeps the evidence documents and "
        "reports progress to the People's Committee every quarter.",
    ),
    "plan-doc.no-lead": (
        "Các công chức, bộ phận chuyên môn được phân công",
        "The officials and offices assigned",
    ),
    "plan-doc.others": (
        "Các ban, ngành, đoàn thể {kind}",
        "{kind:.0}The commune's bodies and unions",
    ),
    "plan-doc.others-tasks": (
        "Phối hợp tuyên truyền và thực hiện các nhiệm vụ có liên quan trong Kế hoạch này.",
        "Help publicise and carry out the tasks of this plan that concern them.",
    ),
    "plan-doc.difficulties": (
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các bộ phận kịp thời báo cáo "
        "Chủ tịch Ủy ban nhân dân {kind} để chỉ đạo giải quyết.",
        "{kind:.0}Difficulties met on the way are reported at once to the Chairperson of the "
        "People's Committee.",
    ),
    "plan-doc.closing": (
        "Trên đây là Kế hoạch cải thiện và nâng cao Chỉ số cải cách hành chính năm {year} của "
        "Ủy ban nhân dân {kind} {name}. Yêu cầu các công chức, bộ phận chuyên môn và các ban, "
        "ngành liên quan nghiêm túc triển khai thực hiện./.",
        "{kind:.0}This is the plan of the People's Committee of {name} to improve its PAR INDEX in "
        "{year}. The officials, offices and bodies concerned are to carry it out./.",
    ),
    # the foot: recipients on the left, the signature on the right
    "plan-doc.recipients": ("Nơi nhận:", "Recipients:"),
    "plan-doc.to-district": (
        "- UBND huyện {name} (qua Phòng Nội vụ) (báo cáo);",
        "- {name} District People's Committee (Office of Home Affairs) (to report);",
    ),
    "plan-doc.to-province": (
        "- Sở Nội vụ tỉnh {name} (báo cáo);",
        "- {name} Department of Home Affairs (to report);",
    ),
    "plan-doc.to-above": (
        "- ...................... (báo cáo);",
        "- ...................... (to report);",
    ),
    "plan-doc.to-party": (
        "- TT Đảng ủy, TT HĐND {kind} (báo cáo);",
        "{kind:.0}- Party Committee, People's Council standing boards (to report);",
    ),
    "plan-doc.to-leaders": (
        "- Chủ tịch, các PCT UBND {kind};",
        "{kind:.0}- Chairperson, Vice-Chairpersons;",
    ),
    "plan-doc.to-offices": (
        "- Các công chức, ban, ngành liên quan;",
        "- Officials and bodies concerned;",
    ),
    "plan-doc.to-file": ("- Lưu: VT.", "- File: VT."),
    "plan-doc.on-behalf": ("TM. ỦY BAN NHÂN DÂN", "ON BEHALF OF THE PEOPLE'S COMMITTEE"),
    "plan-doc.chair": ("CHỦ TỊCH", "CHAIRPERSON"),
    "plan-doc.signer": (
        "........................................",
        "........................................",
    ),
    # the annex: the figures behind the plan
    "plan-doc.annex": ("Phụ lục", "Annex"),
    "plan-doc.annex-title": (
        "KẾT QUẢ TỰ ĐÁNH GIÁ NĂM {assessed} VÀ ĐIỂM CÓ THỂ CẢI THIỆN",
        "THE {assessed} SELF-ASSESSMENT AND THE POINTS TO REGAIN",
    ),
    "plan-doc.annex-note": (
        "(Kèm theo Kế hoạch số ....../KH-UBND ngày ...... của Ủy ban nhân dân {kind} {name})",
        "{kind:.0}(Attached to plan No. ....../KH-UBND of ...... of the People's Committee of "
        "{name})",
    ),
    "plan-doc.results": (
        "1. Kết quả tự đánh giá năm {assessed}",
        "1. The {assessed} self-assessment",
    ),
    "plan-doc.results-line": (
        "Chỉ số cải cách hành chính: {index}; xếp loại: {band}; Bộ chỉ số: {set}.",
        "PAR INDEX: {index}; band: {band}; criteria: {set}.",
    ),
    "plan-doc.field-h": ("Lĩnh vực", "Field"),
    "plan-doc.points-h": ("Điểm đạt", "Points"),
    "plan-doc.max-h": ("Điểm tối đa", "Maximum"),
    "plan-doc.share-h": ("Tỷ lệ", "Share"),
    "plan-doc.first": ("2. Những việc cần làm trước", "2. What to do first"),
    "plan-doc.first-note": (
        "Bổ sung tài liệu kiểm chứng, giải trình là việc ít tốn công nhất; sau đó là các việc "
        "tăng được nhiều điểm nhất.",
        "Adding a missing document or explanation costs least; then the biggest gains.",
    ),
    "plan-doc.no": ("STT", "No."),
    "plan-doc.item-h": ("Tiêu chí", "Sub-criterion"),
    "plan-doc.step-h": ("Việc cần làm", "What to do"),
    "plan-doc.gain-h": ("Điểm có thể tăng", "Points to gain"),
    "plan-doc.by-item": ("3. Điểm có thể tăng theo tiêu chí", "3. Points to gain by sub-criterion"),
    "plan-doc.by-item-note": (
        "Mỗi tiêu chí tính cả việc bổ sung tài liệu kiểm chứng, giải trình và việc cải thiện tốt "
        "nhất; cùng số điểm với danh sách việc cần chuẩn bị cho cuộc họp tự đánh giá.",
        "Each sub-criterion counts its missing document or explanation and its best "
        "improvement: the same points as the to-do list for the self-assessment meeting.",
    ),
    "plan-doc.now-h": ("Điểm hiện tại", "Points now"),
    "plan-doc.lead-h": ("Chủ trì", "Lead"),
    "plan-doc.total": ("Cộng", "Total"),
    "plan-doc.none-lost": ("Không có tiêu chí nào bị mất điểm.", "No sub-criterion lost points."),
    "plan-doc.target": ("4. Mục tiêu Chỉ số {target}", "4. Target index {target}"),
    "plan-doc.target-yes": (
        "Đạt được với {count} tiêu chí sau (Chỉ số sau cải thiện: {after}): {ids}.",
        "Reached by improving these {count} sub-criteria (index after: {after}): {ids}.",
    ),
    "plan-doc.target-met": (
        "Đã đạt: Chỉ số năm {assessed} là {index}, không thấp hơn mục tiêu; không cần cải thiện "
        "thêm tiêu chí nào để đạt mục tiêu, Kế hoạch tập trung giữ vững kết quả.",
        "Already reached: the {assessed} index is {index}, not below the target; no "
        "sub-criterion needs improving to reach it, and the plan keeps the result.",
    ),
    "plan-doc.target-no": (
        "Chưa đạt được: cải thiện mọi tiêu chí xã tự chấm chỉ đưa Chỉ số lên {after}, còn thấp "
        "hơn mục tiêu {shortfall} điểm phần trăm. Phần còn lại tùy vào điểm điều tra xã hội "
        "học, do đơn vị điều tra chấm.",
        "Out of reach: improving every self-assessed sub-criterion brings the index to {after}, "
        "still {shortfall} percentage points below the target. The rest depends on the survey, "
        "which the surveying body scores.",
    ),
    "plan-doc.target-impossible": (
        "Không thể đạt: cải thiện mọi tiêu chí xã tự chấm chỉ đưa Chỉ số lên {after}; kể cả khi "
        "điểm điều tra xã hội học đạt tối đa, Chỉ số cao nhất là {best}, thấp hơn mục tiêu. Hãy "
        "chọn mục tiêu không quá {best}.",
        "Out of reach: improving every self-assessed sub-criterion brings the index to {after}; "
        "even with the survey at its maximum the index is at most {best}, below the target. "
        "Choose a target of at most {best}.",
    ),
    "plan.nothing-filled": (
        "tệp chưa có minh chứng nào (tệp mẫu chưa điền): kế hoạch này coi mọi tiêu chí là 0 điểm "
        "và liệt kê tất cả; kế hoạch cải thiện lập từ kết quả tự đánh giá, hãy điền tệp rồi "
        "chạy lại (xem parscore evaluate --missing)",
        "the file holds no evidence yet (an unfilled template): this plan takes every "
        "sub-criterion at 0 and lists them all; an improvement plan is drawn from the "
        "self-assessment, fill the file and run again (see parscore evaluate --missing)",
    ),
    "plan-doc.survey": (
        "{n}. Điểm điều tra xã hội học (do đơn vị điều tra chấm)",
        "{n}. Survey points (scored by the surveying body)",
    ),
    "plan-doc.survey-none": ("Không có mục nào bị mất điểm.", "No survey item lost points."),
    # --- the year's reform plan (parscore plan-year, parscore/plan_year.py) -------------------
    # what the full points of a sub-criterion ask for (rule kinds' goal), after "yêu cầu:";
    # "-of": naming what the set counts (its label, as a count noun)
    "plan-year.goal.on-time": ("hoàn thành đúng hạn", "done on time"),
    "plan-year.goal.by": ("hoàn thành chậm nhất ngày {date}", "done by {date}"),
    "plan-year.goal.deliverables": ("gửi đủ, đúng hạn {which}", "send on time: {which}"),
    "plan-year.goal.share": ("đạt {band}", "{band}"),
    "plan-year.goal.share-of": ("tỷ lệ {what} đạt {band}", "share of {what}: {band}"),
    "plan-year.goal.share-at": ("đạt từ {target}% trở lên", "{target}% or more"),
    "plan-year.goal.share-at-of": (
        "tỷ lệ {what} đạt từ {target}% trở lên",
        "share of {what}: {target}% or more",
    ),
    "plan-year.goal.share-all": ("đạt 100%", "100%"),
    "plan-year.goal.share-all-of": ("tỷ lệ {what} đạt 100%", "share of {what}: 100%"),
    "plan-year.goal.count": ("{band}", "{band}"),
    "plan-year.goal.count-of": ("số {what}: {band}", "{what}: {band}"),
    "plan-year.goal.all-of": ("{items}", "{items}"),
    "plan-year.goal.level": ("{level}", "{level}"),
    "plan-year.goal.none": ("không để xảy ra trường hợp nào", "not a single case"),
    "plan-year.goal.none-of": ("không có {what}", "no {what}"),
    "plan-year.goal.at-least": ("ít nhất {count} {what}", "{what}: at least {count}"),
    # the document: header and title as the improvement plan's (plan-doc.)
    "plan-year.subtitle": (
        "Cải cách hành chính {kind} {name} năm {year}",
        "Administrative reform of {kind:.0}{name} in {year}",
    ),
    "plan-year.opening": (
        "Căn cứ {set}{previous}; Ủy ban nhân dân {kind} {name} ban hành Kế hoạch cải cách hành "
        "chính năm {year} như sau:",
        "{kind:.0}Following the {set}{previous}, the People's Committee of {name} issues its "
        "administrative reform plan for {year}:",
    ),
    # last year's score the plan stands on (plan_year.Basis): named, with its index
    "plan-year.opening-appraisal": (
        "; căn cứ kết quả thẩm định Chỉ số cải cách hành chính năm {assessed} ({result})",
        " and the appraised {assessed} PAR INDEX ({result})",
    ),
    "plan-year.opening-self": (
        "; căn cứ kết quả tự đánh giá Chỉ số cải cách hành chính năm {assessed} ({result}; "
        "chưa có kết quả thẩm định: các tiêu chí thành phần bị mất điểm xác định theo tài liệu "
        "kiểm chứng, Chỉ số đạt {evidence})",
        " and the {assessed} self-assessment of the PAR INDEX ({result}; not appraised yet: "
        "the sub-criteria that lost points are those of the evidence, index {evidence})",
    ),
    "plan-year.opening-evidence": (
        "; căn cứ kết quả tự đánh giá Chỉ số cải cách hành chính năm {assessed}, chấm theo tài "
        "liệu kiểm chứng ({result})",
        " and the {assessed} self-assessment of the PAR INDEX, scored from its evidence ({result})",
    ),
    "plan-year.appraisal-cut": (
        "khắc phục tồn tại Hội đồng thẩm định đã nêu: “{reason}”",
        "remedy what the appraisal council found: “{reason}”",
    ),
    "plan-year.appraisal-cut-bare": (
        "khắc phục tồn tại Hội đồng thẩm định đã nêu",
        "remedy what the appraisal council found",
    ),
    "plan-year.purpose": ("I. MỤC TIÊU, YÊU CẦU", "I. GOALS AND REQUIREMENTS"),
    "plan-year.aims": ("1. Mục tiêu", "1. Goals"),
    "plan-year.aim-all": (
        "Thực hiện đầy đủ, đúng hạn các nhiệm vụ cải cách hành chính năm {year} theo từng lĩnh "
        "vực, tiêu chí của Bộ tiêu chí; phấn đấu đạt điểm tối đa ở tất cả {count} tiêu chí "
        "thành phần {kind} tự đánh giá.",
        "{kind:.0}Carry out every reform task of {year}, field by field, on time; aim at the full "
        "points of all {count} sub-criteria the commune assesses itself.",
    ),
    "plan-year.aim-remedy": (
        "Khắc phục tồn tại, hạn chế năm {assessed}: {count} tiêu chí thành phần bị mất điểm "
        "được ưu tiên thực hiện trước (mục 1 Phần II).",
        "Remedy the shortcomings of {assessed}: the {count} sub-criteria that lost points come "
        "first (item 1 of Part II).",
    ),
    "plan-year.aim-service": (
        "Nâng cao chất lượng phục vụ người dân, tổ chức và mức độ hài lòng đối với sự phục vụ "
        "của cơ quan hành chính (điều tra xã hội học).",
        "Serve citizens and organisations better and raise their satisfaction (the survey).",
    ),
    "plan-year.req-tasks": (
        "Mỗi nhiệm vụ gắn với một tiêu chí thành phần của Bộ tiêu chí, có sản phẩm cụ thể (tài "
        "liệu kiểm chứng), công chức chủ trì, phối hợp và thời hạn hoàn thành (Phần III).",
        "Each task serves a sub-criterion of the set and names its output (the evidence "
        "document), its lead, who helps and its deadline (Part III).",
    ),
    "plan-year.req-reports": (
        "Thực hiện đầy đủ, đúng hạn chế độ báo cáo định kỳ theo lịch báo cáo tại Phần III.",
        "Send every periodic report on time, as the reporting calendar of Part III sets out.",
    ),
    "plan-year.fields": ("II. NHIỆM VỤ TRỌNG TÂM", "II. MAIN TASKS"),
    "plan-year.weak-evidence": (
        "{number}. Khắc phục các tiêu chí thành phần bị mất điểm năm {assessed}",
        "{number}. Sub-criteria that lost points in {assessed}",
    ),
    "plan-year.weak-self": (
        "{number}. Khắc phục các tiêu chí thành phần bị mất điểm năm {assessed} (theo tài liệu "
        "kiểm chứng; chưa có kết quả thẩm định)",
        "{number}. Sub-criteria that lost points in {assessed} (by the evidence; not appraised "
        "yet)",
    ),
    "plan-year.weak-appraisal": (
        "{number}. Khắc phục các tiêu chí thành phần bị mất điểm qua thẩm định năm {assessed}",
        "{number}. Sub-criteria that lost points in the {assessed} appraisal",
    ),
    "plan-year.weak-line": (
        "{id} {name} (năm {assessed}: {points}/{max} điểm): {needed}; có thể tăng {gain} điểm.",
        "{id} {name} ({assessed}: {points} of {max} points): {needed}; gain: up to {gain}.",
    ),
    "plan-year.none-weak": (
        "Năm {assessed} không có tiêu chí thành phần nào bị mất điểm: duy trì kết quả đạt được.",
        "No sub-criterion lost points in {assessed}: keep up the results.",
    ),
    "plan-year.content": ("{task}; yêu cầu: {goal}", "{task}; target: {goal}"),
    "plan-year.task-default": ("Thực hiện: {name}", "Carry out: {name}"),
    "plan-year.task-line": (
        "{content}{priority}. Sản phẩm: {evidence} (tiêu chí {id}).",
        "{content}{priority}. Output: {evidence} (sub-criterion {id}).",
    ),
    "plan-year.task-line-bare": (
        "{content}{priority} (tiêu chí {id}).",
        "{content}{priority} (sub-criterion {id}).",
    ),
    "plan-year.priority": (
        " (ưu tiên thực hiện: mất điểm năm {assessed}, xem mục 1 Phần II)",
        " (first: lost points in {assessed}, see item 1 of Part II)",
    ),
    "plan-year.priority-row": (
        " (ưu tiên: mất điểm năm {assessed})",
        " (first: lost points in {assessed})",
    ),
    "plan-year.row": (
        "{content} (tiêu chí {id}){priority}",
        "{content} (sub-criterion {id}){priority}",
    ),
    "plan-year.table-section": (
        "III. NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH CỤ THỂ",
        "III. THE REFORM TASKS IN DETAIL",
    ),
    "plan-year.table": ("1. Bảng nhiệm vụ", "1. The tasks"),
    "plan-year.content-h": ("Nội dung thực hiện", "Task"),
    "plan-year.lead-h": ("Công chức, bộ phận chủ trì", "Lead"),
    "plan-year.support-h": ("Công chức, bộ phận phối hợp", "Helped by"),
    "plan-year.when-h": ("Thời gian hoàn thành", "Deadline"),
    "plan-year.due": ("Hạn {dates}", "By {dates}"),
    "plan-year.usual": ("{timing} (*)", "{timing} (*)"),
    # the usual timings a set writes (report/plan_year.py timing_words), for --lang en
    "plan-year.timing.ongoing": ("Thường xuyên", "Ongoing"),
    "plan-year.timing.quarterly": ("Hằng quý", "Every quarter"),
    "plan-year.timing.monthly": ("Hằng tháng", "Every month"),
    "plan-year.timing.yearly": ("Hằng năm", "Every year"),
    "plan-year.timing.all-year": ("Trong năm", "During the year"),
    "plan-year.timing.first-half": ("6 tháng đầu năm", "First half of the year"),
    "plan-year.timing.second-half": ("6 tháng cuối năm", "Second half of the year"),
    "plan-year.timing.by-law": ("Theo thời hạn luật định", "Within the statutory time limits"),
    "plan-year.timing.quarter": ("Quý {number}", "Q{number}"),
    "plan-year.timing.before": ("Trước {date}", "Before {date}"),
    "plan-year.no-timing": ("Trong năm {year} (**)", "In {year} (**)"),
    "plan-year.table-note": (
        "Hạn ghi ngày lấy từ bộ tiêu chí {set}. (*) Bộ tiêu chí không quy định hạn: thời gian "
        "thường lệ của bộ phận chủ trì, ghi trong bộ tiêu chí.",
        "Dated deadlines are the set's ({set}). (*) The set gives no due date: the lead office's "
        "usual timing, as the set writes it.",
    ),
    "plan-year.table-note-none": (
        "(**) Bộ tiêu chí không ghi hạn, cũng không ghi thời gian thường lệ: Ủy ban nhân dân "
        "{kind} quyết định.",
        "{kind:.0}(**) The set gives neither a due date nor a usual timing: the People's "
        "Committee decides.",
    ),
    "plan-year.calendar": ("2. Lịch báo cáo", "2. Reporting calendar"),
    "plan-year.report-h": ("Báo cáo", "Report"),
    "plan-year.report-due-h": ("Hạn gửi", "Due"),
    "plan-year.calendar-note": (
        "Hạn gửi theo tiêu chí {ids} của bộ tiêu chí; báo cáo gửi Ủy ban nhân dân cấp trên "
        "(cơ quan nội vụ).",
        "Due dates as sub-criterion {ids} of the set gives them; reports go to the level above "
        "(its home affairs office).",
    ),
    "plan-year.calendar-none": (
        "Bộ tiêu chí không quy định lịch báo cáo; thực hiện theo yêu cầu của cấp trên.",
        "The set gives no reporting calendar; report as the level above asks.",
    ),
    "plan-year.organisation": ("IV. TỔ CHỨC THỰC HIỆN", "IV. IMPLEMENTATION"),
    "plan-year.issue-by": (
        "Kế hoạch này phải được ban hành chậm nhất ngày {date} (hạn của tiêu chí {id} trong "
        "Bộ tiêu chí): {lead} hoàn thiện dự thảo, trình Chủ tịch Ủy ban nhân dân {kind} ký ban "
        "hành trước thời hạn này.",
        "{kind:.0}This plan must be issued by {date} at the latest (the due date of "
        "sub-criterion {id} of the set): {lead} completes the draft and puts it to the "
        "committee's chair for signature before then.",
    ),
    "plan-year.funding": ("1. Kinh phí thực hiện", "1. Funding"),
    "plan-year.funding-text": (
        "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách {kind} năm {year}; bộ "
        "phận tài chính - kế toán tham mưu bố trí kinh phí cho từng nhiệm vụ tại Phần III.",
        "{kind:.0}The plan is funded from the commune budget of {year}; the finance office "
        "proposes the funds for each task of Part III.",
    ),
    "plan-year.office-tasks": (
        "Chủ trì thực hiện các nhiệm vụ {refs} tại Phần III; lưu đầy đủ tài liệu kiểm chứng và "
        "báo cáo kết quả hằng quý về Ủy ban nhân dân {kind}.",
        "{kind:.0}Leads the tasks {refs} of Part III; keeps their evidence documents and reports "
        "progress to the People's Committee every quarter.",
    ),
    "plan-year.office-reports": (
        "Tổng hợp, gửi các báo cáo theo lịch báo cáo tại Phần III.",
        "Compiles and sends the reports of Part III's calendar.",
    ),
    "plan-year.closing": (
        "Trên đây là Kế hoạch cải cách hành chính năm {year} của Ủy ban nhân dân {kind} {name}. "
        "Yêu cầu các công chức, bộ phận chuyên môn và các ban, ngành liên quan nghiêm túc triển "
        "khai thực hiện./.",
        "{kind:.0}This is the administrative reform plan of the People's Committee of {name} for "
        "{year}. The officials, offices and bodies concerned are to carry it out./.",
    ),
    # a commune's own plan, checked against the set (evaluate: tasks: in 1.1.2 / 1.1.3)
    "evidence.plan-uncovered": (
        "kế hoạch CCHC năm (plan_tasks) không có nhiệm vụ nào phục vụ {count} tiêu chí thành "
        "phần được chấm điểm: {listing}",
        "the year's reform plan (plan_tasks) has no task serving {count} scored "
        "sub-criteria: {listing}",
    ),
    "evidence.plan-unknown-item": (
        "nhiệm vụ phục vụ '{id}', không có trong bộ {set}{suggestion}",
        "the task serves '{id}', which is not in the set {set}{suggestion}",
    ),
    "schema.key-plan_tasks": (
        "Các nhiệm vụ của kế hoạch CCHC năm do xã ban hành (ở tiêu chí 1.1.2 hoặc 1.1.3): mỗi "
        "nhiệm vụ có task, serves (các tiêu chí phục vụ), lead, support, due",
        "The tasks of the commune's own reform plan (under 1.1.2 or 1.1.3): each with task, "
        "serves (the sub-criteria it serves), lead, support, due",
    ),
    # the command line
    "plan-year.not-a-result": (
        "không phải kết quả chấm điểm JSON của parscore ({format}, do 'parscore evaluate "
        "--format json' ghi): dùng tệp minh chứng YAML năm trước, hoặc tệp kết quả JSON",
        "not a parscore JSON result ({format}, as 'parscore evaluate --format json' writes "
        "it): give last year's YAML evidence file, or its JSON result",
    ),
    "usage.plan-year-criteria": (
        "plan-year cần --criteria (mã bộ tiêu chí hoặc đường dẫn) hoặc --previous (tệp minh "
        "chứng năm trước, dùng bộ tiêu chí của tệp đó)",
        "plan-year needs --criteria (a set's id or path) or --previous (last year's evidence "
        "file, whose set is then used)",
    ),
    "usage.plan-year-unit": (
        "plan-year cần --unit (tên xã) hoặc --previous (tệp minh chứng năm trước)",
        "plan-year needs --unit (the commune's name) or --previous (last year's evidence file)",
    ),
    "cli.help.plan-year": (
        "Lập dự thảo kế hoạch cải cách hành chính năm từ bộ tiêu chí: mỗi tiêu chí thành phần "
        "một nhiệm vụ (chủ trì, phối hợp, thời hạn), lịch báo cáo; với --previous, các tiêu chí "
        "bị mất điểm năm trước được đưa lên trước.",
        "Draft the year's administrative reform plan from a criteria set: one task per scored "
        "sub-criterion (lead, helpers, deadline) and the reporting calendar; with --previous, "
        "last year's weak sub-criteria come first.",
    ),
    "cli.help.plan-year-criteria": (
        "Bộ tiêu chí: mã bộ có sẵn hoặc đường dẫn tệp. Mặc định: bộ của tệp --previous.",
        "The criteria set: a shipped id or a file path. Default: the --previous file's set.",
    ),
    "cli.help.plan-year-unit": (
        "Tên xã (mặc định: của tệp --previous).",
        "The commune's name (default: the --previous file's).",
    ),
    "cli.help.plan-year-year": (
        "Năm của kế hoạch (mặc định: năm sau năm của tệp --previous, nếu không thì năm của bộ "
        "tiêu chí).",
        "The plan's year (default: the year after the --previous file's, else the set's year).",
    ),
    "cli.help.plan-year-previous": (
        "Tệp minh chứng năm trước (YAML) hoặc kết quả chấm điểm của nó (.json, evaluate --format "
        "json): các tiêu chí bị mất điểm được đánh dấu và đưa lên trước.",
        "Last year's evidence file (YAML), or its result (.json, evaluate --format json): the "
        "sub-criteria that lost points are flagged and come first.",
    ),
    "cli.help.plan-year-appraisal": (
        "Tệp thẩm định của Hội đồng (như evaluate --appraisal) cho tệp minh chứng --previous: "
        "khi kết quả thẩm định đã công bố, kế hoạch căn cứ điểm thẩm định cuối cùng.",
        "The council's appraisal file (as evaluate --appraisal) of the --previous evidence: "
        "once the appraisal is published, the plan stands on its final points.",
    ),
    "plan-year.set-year": (
        "bộ tiêu chí {set} là của năm {set_year}, kế hoạch lập cho năm {year}: các nhiệm vụ, "
        "chỉ tiêu và thời hạn theo bộ năm {set_year}; dùng bộ tiêu chí của năm {year} khi đã "
        "ban hành (--criteria)",
        "the set {set} is for {set_year} and the plan for {year}: its tasks, targets and "
        "due dates follow the {set_year} set; use the {year} set once issued (--criteria)",
    ),
    "usage.plan-year-appraisal": (
        "--appraisal cần --previous là tệp minh chứng YAML năm trước (kết quả JSON của "
        "'evaluate --appraisal' đã chứa kết quả thẩm định)",
        "--appraisal needs --previous to be last year's YAML evidence file (a JSON result of "
        "'evaluate --appraisal' already holds the appraisal)",
    ),
    "cli.help.plan-year-format": (
        "markdown, docx (Word, A4, Times New Roman; cần --output) hoặc text. Mặc định: theo phần "
        "mở rộng của tệp --output (.md, .docx), nếu không thì text.",
        "markdown, docx (Word, A4, Times New Roman; needs --output) or text. Default: the "
        "--output file's extension (.md, .docx), else text.",
    ),
    # --- reports: a criteria set in words (criteria list, criteria show) ----------------------
    "criteria-report.nothing-full-points": (
        "không phát sinh: đủ điểm",
        "nothing occurred: full points",
    ),
    "criteria-report.nothing-not-applicable": (
        "không phát sinh: không áp dụng",
        "nothing occurred: not applicable",
    ),
    "criteria-report.nothing-zero": ("không phát sinh: 0 điểm", "nothing occurred: 0 points"),
    "criteria-report.unmet-penalty": (
        "; không đạt: trừ {amount} điểm",
        "; unmet: {amount} penalty",
    ),
    "criteria-report.extends": (
        "Mở rộng bộ {base}; (thêm), (thay), (đổi điểm): khác với bộ đó",
        "Extends {base}; (added), (replaced), (re-weighted): where it differs",
    ),
    "criteria-report.added": (" (thêm)", " (added)"),
    "criteria-report.replaced": (" (thay)", " (replaced)"),
    "criteria-report.reweighted": (" (đổi điểm)", " (re-weighted)"),
    "criteria-report.each": ("{points} mỗi mục", "{points} each"),
    "criteria-report.cap": ("tối đa {cap}", "cap {cap}"),
    "criteria-report.year": (
        "Năm {year}, phiên bản {version}; {issuer}",
        "Year {year}, version {version}; {issuer}",
    ),
    "criteria-report.total": (
        "Tổng {total} điểm: thẩm định {appraisal} + điều tra {survey}",
        "Total {total} points: appraisal {appraisal} + survey {survey}",
    ),
    "template.discipline": (
        "hình thức kỷ luật nặng nhất của cán bộ, công chức trong năm: none (không có), reprimand "
        "(khiển trách), warning (cảnh cáo), demotion (hạ bậc lương, giáng chức), dismissal "
        "(cách chức, buộc thôi việc)",
        "the heaviest discipline of an official during the year: none, reprimand, warning, "
        "demotion, dismissal",
    ),
    "criteria-report.bands": ("Xếp loại: {bands}", "Bands: {bands}"),
    "criteria-report.not-when": (
        "{band} (không xếp loại này trở lên khi {conditions})",
        "{band} (not this band or better when {conditions})",
    ),
    "criteria-report.window": (
        "Tài liệu kiểm chứng của năm N: ngày từ {start} đến {end}",
        "Evidence of year N: dated from {start} to {end}",
    ),
    "criteria-report.cap-total": (
        "Tổng điểm không vượt quá mức tối đa, kể cả điểm thưởng (cap_total)",
        "The total is capped at the maximum, bonus included (cap_total)",
    ),
    "criteria-report.when-discipline": (
        "có cán bộ, công chức bị kỷ luật từ {bound} trở lên",
        "an official is disciplined at {bound} or heavier",
    ),
    "criteria-report.when-field": (
        "lĩnh vực {field} đạt dưới {bound}%",
        "field {field} achieves below {bound}%",
    ),
    "criteria-report.when-any-field": (
        "có lĩnh vực đạt dưới {bound}%",
        "a field achieves below {bound}%",
    ),
    "criteria-report.title": ("tên", "title"),
    "criteria-report.year-heading": ("năm", "year"),
    "criteria-report.version": ("phiên bản", "version"),
    "criteria-report.total-heading": ("tổng", "total"),
    # --- reports: the evidence template (parscore template) ---------------------------------
    "template.title": (
        "Tệp minh chứng tự đánh giá Chỉ số CCHC năm {year} — {kind} {name}",
        "PAR INDEX self-assessment evidence, {year} — {kind:.0}{name}",
    ),
    "template.criteria": (
        "Bộ tiêu chí: {id} (phiên bản {version}) — {title}",
        "Criteria set: {id} (version {version}) — {title}",
    ),
    "template.how-to": (
        "Cách điền: ghi dữ liệu sau dấu hai chấm; mục nào để trống được tính là CHƯA CÓ\n"
        "MINH CHỨNG (0 điểm, có trong danh sách 'parscore evaluate --missing').\n"
        "Ngày viết dd/mm/yyyy (06/02/2023 là ngày 6 tháng 2).\n"
        "Số dùng dấu chấm thập phân: 92.5\n"
        "Tài liệu kiểm chứng, ví dụ:\n"
        "  documents:\n"
        "    - number: 10/KH-UBND\n"
        "      date: 06/02/2023\n"
        "      issuer: UBND xã\n"
        "      title: Kế hoạch cải cách hành chính năm\n"
        "      section: Mục II\n"
        "Nếu trong năm không phát sinh việc cần chấm: nothing_occurred: <lý do>\n"
        "Kiểm tra tệp: parscore validate <tệp>   Chấm điểm: parscore evaluate <tệp>\n"
        "Để trình soạn thảo (VS Code + YAML) gợi ý và kiểm tra khi gõ, tạo tệp lược đồ ghi ở "
        "dòng đầu,\n"
        "cạnh tệp này: parscore schema evidence --criteria {ref} --output {schema}",
        "Fill in the values after the colons; an item left empty counts as MISSING\n"
        "EVIDENCE (0 points, listed by 'parscore evaluate --missing').\n"
        "Dates as dd/mm/yyyy (06/02/2023 is 6 February).\n"
        "Numbers with a decimal point: 92.5\n"
        "Evidence documents, for example:\n"
        "  documents:\n"
        "    - number: 10/KH-UBND\n"
        "      date: 06/02/2023\n"
        "      issuer: People's Committee\n"
        "      title: Yearly reform plan\n"
        "      section: Section II\n"
        "When nothing to score occurred in the year: nothing_occurred: <reason>\n"
        "Check the file: parscore validate <file>   Score it: parscore evaluate <file>\n"
        "For an editor (VS Code + YAML) to complete and check as you type, create the schema\n"
        "named on the first line, beside this file: parscore schema evidence --criteria {ref}\n"
        "--output {schema}",
    ),
    "template.assessed-by": ("Tổ công tác tự đánh giá", "the working group"),
    "template.field": (
        "===== {id}. {name} ({max} điểm) =====",
        "===== {id}. {name} ({max} points) =====",
    ),
    "template.item": ("{id} {name} — tối đa {max}", "{id} {name} — max {max}"),
    "template.rule": ("Cách chấm: {rule}", "Scoring: {rule}"),
    "template.nothing": (
        "Không phát sinh: {what} (nothing_occurred: ...)",
        "Nothing occurred: {what} (nothing_occurred: ...)",
    ),
    "template.nothing-full-points": ("không phát sinh → đủ điểm", "nothing occurred → full points"),
    "template.nothing-not-applicable": (
        "không phát sinh → không áp dụng",
        "nothing occurred → not applicable",
    ),
    "template.nothing-zero": ("không phát sinh → 0 điểm", "nothing occurred → 0 points"),
    "template.evidence": ("Tài liệu kiểm chứng: {evidence}", "Evidence: {evidence}"),
    "template.lead": ("Chủ trì: {lead}", "Lead: {lead}"),
    "template.or": ("hoặc {shown} — {hints}", "or {shown} — {hints}"),
    "template.type-count": ("số nguyên", "whole number"),
    "template.type-number": ("số", "number"),
    "template.type-points": ("số điểm", "points"),
    "template.type-percent": ("tỷ lệ %, 0–100", "percentage, 0–100"),
    "template.type-bool": ("true hoặc false", "true or false"),
    "template.type-date": ("dd/mm/yyyy", "dd/mm/yyyy"),
    "template.type-choice": ("một trong: {choices}", "one of: {choices}"),
    "template.survey": (
        "Điểm điều tra xã hội học: do đơn vị điều tra gửi về, xã không tự chấm.",
        "Survey points: sent by the surveying body; the commune does not score them.",
    ),
    "template.bonus": (
        "Điểm thưởng: - {{reason: ..., points: ..., documents: [...]}}",
        "Bonus: - {{reason: ..., points: ..., documents: [...]}}",
    ),
    "template.ledger-kind": (
        "  kind: {id} — {name} ({points} điểm mỗi dòng, tối đa {cap})",
        "  kind: {id} — {name} ({points} points a line, at most {cap})",
    ),
    "template.penalty": (
        "Điểm trừ: - {{reason: ..., points: ...}}",
        "Penalty: - {{reason: ..., points: ...}}",
    ),
    # --- a commune's evidence as a folder or a workbook (parscore/folder.py, workbook/) -----
    "folder.no-head": (
        "thư mục này không phải hồ sơ của một xã: thiếu tệp chung '{head}' (đơn vị, năm, bộ "
        "tiêu chí); để chấm một xã, hãy đưa tệp minh chứng của xã đó, để so sánh các xã trong "
        "thư mục, dùng parscore compare",
        "this folder is not one commune's evidence: it has no head file '{head}' (unit, year, "
        "criteria set); to score one commune give its evidence file, to compare the communes "
        "in the folder use parscore compare",
    ),
    "folder.too-many": (
        "thư mục có hơn {limit} tệp minh chứng: không phải hồ sơ của một xã",
        "the folder holds more than {limit} evidence files: not one commune's evidence",
    ),
    "folder.item-twice": (
        "tiêu chí '{id}' đã có ở {path}: mỗi tiêu chí chỉ do một tệp (một bộ phận) khai",
        "sub-criterion '{id}' is already given at {path}: each sub-criterion is given by one "
        "file (one office) only",
    ),
    "folder.differs": (
        "'{key}' là {value} ở đây nhưng là {expected} ở tệp chung ({path})",
        "'{key}' is {value} here but {expected} in the head file ({path})",
    ),
    "folder.empty-file": (
        "tệp của bộ phận chưa ghi gì (trống hoặc chỉ có chú thích): bỏ qua",
        "the office file holds nothing yet (empty, or comments only): skipped",
    ),
    "folder.workbook-ignored": (
        "bảng tính nằm trong thư mục hồ sơ của xã không được đọc (hồ sơ là các tệp YAML): "
        "chấm riêng bảng tính, hoặc chuyển nó sang tệp YAML (parscore convert)",
        "a workbook inside a commune folder is not read (the folder's evidence is its YAML "
        "files): score the workbook on its own, or convert it to YAML (parscore convert)",
    ),
    "folder.head-alone": (
        "đây là tệp chung của thư mục hồ sơ {folder}: {count} tệp của các bộ phận bên cạnh "
        "không được đọc; để chấm cả xã, ghi tên thư mục: parscore evaluate {folder}",
        "this is the head file of the commune folder {folder}: the {count} office files beside "
        "it are not read; to score the whole commune, name the folder: parscore evaluate {folder}",
    ),
    "folder.head-key": (
        "khóa '{key}' chỉ ghi ở tệp chung commune.yaml; tệp của bộ phận chỉ ghi items:, survey: "
        "(và unit:, year:, criteria: nếu muốn, giống tệp chung)",
        "the key '{key}' belongs in the head file commune.yaml; an office file holds items: and "
        "survey: (and unit:, year:, criteria: if it likes, the same as the head's)",
    ),
    "template.folder-head": (
        "Tệp chung của thư mục minh chứng: mỗi bộ phận điền tệp mang tên mình trong thư mục "
        "này; parscore đọc cả thư mục như một tệp (parscore evaluate <thư mục>).",
        "The head file of an evidence folder: each office fills the file named for it in this "
        "folder; parscore reads the whole folder as one file (parscore evaluate <folder>).",
    ),
    "template.folder-office": (
        "Minh chứng do {office} chủ trì. Chỉ điền các tiêu chí dưới đây; đơn vị, năm và bộ "
        "tiêu chí ghi ở tệp chung commune.yaml.",
        "The evidence {office} leads. Fill only the sub-criteria below; the unit, year and "
        "criteria set are in the head file commune.yaml.",
    ),
    "usage.output-suffix": (
        "{path}: tên không hợp với thứ được ghi vào ({kind}): đổi tên (ví dụ ….xlsx "
        "cho bảng tính, ….yaml cho tệp YAML, ….json cho tệp JSON, thư mục không có đuôi tệp)",
        "{path}: the name does not fit what is written into it ({kind}): rename it (e.g. "
        "….xlsx for the workbook, ….yaml for a YAML file, ….json for a JSON file, a folder "
        "without a file suffix)",
    ),
    "usage.output-format-suffix": (
        "{path}: đuôi {suffix} không hợp với định dạng {format} được ghi vào tệp: đặt tên tệp "
        "theo định dạng, hoặc chọn --format; lệnh này ghi được: {choices}",
        "{path}: the suffix {suffix} does not fit the {format} format written into the file: "
        "name the file for its format, or choose --format; this command writes: {choices}",
    ),
    "output.kind-yaml": ("tệp YAML, .yaml", "a YAML file, .yaml"),
    "output.kind-xlsx": ("bảng tính, .xlsx", "a workbook, .xlsx"),
    "output.kind-json": ("tệp JSON, .json", "a JSON file, .json"),
    "output.kind-folder": ("một thư mục", "a folder"),
    "usage.template-folder": (
        "--folder viết các tệp YAML của từng bộ phận: không dùng cùng --format xlsx hay --schema",
        "--folder writes each office's YAML file: not with --format xlsx or --schema",
    ),
    "usage.template-folder-file": (
        "không tạo được thư mục {path}: đã có một tệp trùng tên, hoặc không có quyền ghi",
        "cannot make the folder {path}: a file has that name, or it cannot be written",
    ),
    "cli.help.template-format": (
        "yaml: tệp minh chứng; xlsx: bảng tự chấm điểm Excel để các bộ phận điền (mặc định: "
        "theo đuôi tệp của --output)",
        "yaml: the evidence file; xlsx: the score sheet workbook the offices fill (default: "
        "from --output's extension)",
    ),
    "cli.help.template-folder": (
        "Viết một thư mục: tệp chung commune.yaml và một tệp cho mỗi bộ phận chủ trì, chỉ có "
        "các tiêu chí của bộ phận đó (--output là thư mục)",
        "Write a folder: the head file commune.yaml and one file per lead office with only "
        "its sub-criteria (--output is the folder)",
    ),
    "workbook.title": (
        "Bảng tự chấm điểm Chỉ số CCHC năm {year} — {kind} {name}",
        "PAR INDEX self-assessment score sheet, {year} — {kind:.0}{name}",
    ),
    "workbook.guide": (
        "CÁCH ĐIỀN BẢNG TỰ CHẤM ĐIỂM\n"
        "1. Trang «Thông tin»: kiểm tra tên đơn vị, năm đánh giá; ghi tổ công tác tự đánh giá "
        "và ngày đánh giá.\n"
        "2. Trang «Chấm điểm»: mỗi tiêu chí thành phần có một dòng in đậm (mã, nội dung, điểm tối "
        "đa, cách chấm, bộ phận chủ trì), các dòng số liệu ngay dưới và các dòng tài liệu kiểm "
        "chứng.\n"
        "   - Chỉ điền vào các ô nền vàng; các ô khác đã khóa để bảng không bị hỏng khi điền.\n"
        "   - Cột «Giá trị»: số liệu của từng dòng số liệu. Chọn trong danh sách khi ô có mũi tên "
        "(Có/Không, các mức). Số nguyên là số lượng; tỷ lệ ghi từ 0 đến 100.\n"
        "   - Ngày: gõ như một ngày của Excel, hoặc dạng chữ dd/mm/yyyy (06/02/2023 là ngày 6 "
        "tháng 2).\n"
        "   - Tài liệu kiểm chứng: số văn bản, ngày ban hành, cơ quan ban hành, trích yếu, trang "
        "hoặc mục chứng minh; mỗi dòng một văn bản.\n"
        "   - «Giải trình»: bắt buộc khi tiêu chí chưa đạt đủ điểm, hoặc khi điểm do xã tự đánh "
        "giá. «Điểm tự chấm»: điểm xã đề nghị, để đối chiếu với điểm parscore tính.\n"
        "   - «Không phát sinh»: ghi lý do khi trong năm không phát sinh việc để chấm (chỉ với "
        "tiêu chí có cho phép, xem cột «Cách chấm»).\n"
        "   - Tiêu chí để trống được tính là CHƯA CÓ MINH CHỨNG (0 điểm) và có trong danh sách "
        "việc cần bổ sung.\n"
        "3. Trang «Thưởng - Trừ»: mỗi dòng một nội dung được thưởng hoặc bị trừ điểm, với văn "
        "bản làm căn cứ.\n"
        "4. Kiểm tra và chấm: parscore validate <tệp>.xlsx (mỗi lỗi ghi rõ trang và ô, ví dụ "
        "«Chấm điểm!F14»); parscore evaluate <tệp>.xlsx; việc còn thiếu theo bộ phận: parscore "
        "evaluate --missing <tệp>.xlsx; kế hoạch cải thiện: parscore plan <tệp>.xlsx.\n"
        "5. Không xóa hay sắp xếp lại dòng, không đổi tên trang: parscore tìm mỗi ô theo khóa "
        "ẩn của dòng. Cần thêm văn bản: dùng các dòng tài liệu còn trống, hoặc chèn một dòng "
        "ngay dưới một dòng «Tài liệu kiểm chứng» và chỉ điền các cột của tài liệu (số, ngày, "
        "cơ quan ban hành, trích yếu, trang); dòng chèn ở chỗ khác bị báo lỗi.",
        "HOW TO FILL THE SCORE SHEET\n"
        "1. Sheet «Thông tin» (unit): check the unit's name and the year; write the "
        "self-assessment group and the date.\n"
        "2. Sheet «Chấm điểm» (scoring): each sub-criterion has a bold row (id, text, maximum, how "
        "it is scored, lead office), its input rows just below, and its document rows.\n"
        "   - Fill only the yellow cells; the others are locked so that filling cannot break "
        "the sheet.\n"
        "   - Column «Value»: each input row's figure. Pick from the list where the cell has an "
        "arrow (Có = yes / Không = no, the levels). Whole numbers are counts; a percentage is "
        "0 to 100.\n"
        "   - Dates: as an Excel date, or as text dd/mm/yyyy (06/02/2023 is 6 February).\n"
        "   - Documents: number, date, issuer, title, the page or section that proves it; one "
        "document a row.\n"
        "   - «Explanation»: required when a sub-criterion falls short of full points, or when "
        "the commune judges its points. «Claimed»: the score the commune claims, checked "
        "against parscore's.\n"
        "   - «Nothing occurred»: why, when nothing to score occurred in the year (only where "
        "the sub-criterion allows it, see «How it is scored»).\n"
        "   - A sub-criterion left empty is MISSING EVIDENCE (0 points) and on the to-do list.\n"
        "3. Sheet «Thưởng - Trừ» (bonus and penalty): one line per bonus or penalty, with its "
        "document.\n"
        "4. Check and score: parscore validate <file>.xlsx (each problem names its sheet and "
        "cell, e.g. «Chấm điểm!F14»); parscore evaluate <file>.xlsx; what is still missing per "
        "office: parscore evaluate --missing <file>.xlsx; the plan: parscore plan <file>.xlsx.\n"
        "5. Do not delete or sort rows, nor rename sheets: parscore finds each cell by its "
        "row's hidden key. More documents: use the spare document rows, or insert a row "
        "directly under a «Document» row and fill only the document's columns (number, date, "
        "issuer, title, page); a row inserted anywhere else is refused.",
    ),
    "workbook.head-title": ("Thông tin đơn vị và đợt đánh giá", "The unit and the assessment"),
    "workbook.head-unit.name": ("Tên đơn vị", "Unit name"),
    "workbook.head-unit.code": ("Mã đơn vị hành chính", "Administrative code"),
    "workbook.head-unit.kind": ("Loại đơn vị (xã, phường, …)", "Kind of unit (xã, phường, …)"),
    "workbook.head-district.name": ("Huyện (trước 2025)", "District (before 2025)"),
    "workbook.head-district.code": ("Mã huyện", "District code"),
    "workbook.head-province.name": ("Tỉnh, thành phố", "Province"),
    "workbook.head-province.code": ("Mã tỉnh", "Province code"),
    "workbook.head-year": ("Năm đánh giá", "Assessment year"),
    "workbook.head-criteria": ("Bộ tiêu chí", "Criteria set"),
    "workbook.head-assessment.by": ("Tổ công tác tự đánh giá", "Assessed by"),
    "workbook.head-assessment.date": ("Ngày đánh giá (dd/mm/yyyy)", "Date (dd/mm/yyyy)"),
    "workbook.head-notes": ("Ghi chú chung", "Notes"),
    "workbook.head-facts.discipline": (
        "Hình thức kỷ luật cao nhất trong năm (none, reprimand, warning, demotion, dismissal)",
        "Heaviest discipline in the year (none, reprimand, warning, demotion, dismissal)",
    ),
    "workbook.items-note": (
        "Chỉ điền các ô nền vàng. Tiêu chí để trống được tính là chưa có minh chứng. Hướng dẫn "
        "ở trang «Hướng dẫn».",
        "Fill only the yellow cells. A sub-criterion left empty is missing evidence. How to "
        "fill it: the «Hướng dẫn» sheet.",
    ),
    "workbook.col-id": ("Mã", "Id"),
    "workbook.col-text": ("Tiêu chí / nội dung", "Sub-criterion / input"),
    "workbook.col-max": ("Điểm tối đa", "Max"),
    "workbook.col-how": ("Cách chấm", "How it is scored"),
    "workbook.col-lead": ("Chủ trì", "Lead office"),
    "workbook.col-value": ("Giá trị", "Value"),
    "workbook.col-number": ("Số văn bản", "Number"),
    "workbook.col-date": ("Ngày ban hành", "Date"),
    "workbook.col-issuer": ("Cơ quan ban hành", "Issuer"),
    "workbook.col-title": ("Trích yếu", "Title"),
    "workbook.col-section": ("Trang / mục", "Page / section"),
    "workbook.col-explanation": ("Giải trình", "Explanation"),
    "workbook.col-claimed": ("Điểm tự chấm", "Claimed"),
    "workbook.col-nothing_occurred": ("Không phát sinh (lý do)", "Nothing occurred (why)"),
    "workbook.col-note": ("Ghi chú", "Note"),
    "workbook.document": ("Tài liệu kiểm chứng {n}", "Document {n}"),
    "workbook.type-bool": ("Có/Không", "Có = yes / Không = no"),
    "workbook.end": (
        "— Hết bảng chấm điểm (phần ghi dưới dòng này, như chữ ký, không được đọc) —",
        "— End of the score sheet (what is written below, such as signatures, is not read) —",
    ),
    "workbook.type-choice": ("chọn trong danh sách", "pick from the list"),
    "workbook.or": ("hoặc: {text}", "or: {text}"),
    "workbook.ledger-title": ("Điểm thưởng và điểm trừ", "Bonus and penalty"),
    "workbook.ledger-bonus": ("Thưởng", "Bonus"),
    "workbook.ledger-penalty": ("Trừ", "Penalty"),
    "workbook.lcol-ledger": ("Thưởng / trừ", "Bonus / penalty"),
    "workbook.lcol-reason": ("Nội dung", "Reason"),
    "workbook.lcol-kind": ("Loại (theo bộ tiêu chí)", "Kind (as the set lists it)"),
    "workbook.lcol-points": ("Điểm", "Points"),
    "workbook.lcol-number": ("Số văn bản", "Number"),
    "workbook.lcol-date": ("Ngày ban hành", "Date"),
    "workbook.lcol-issuer": ("Cơ quan ban hành", "Issuer"),
    "workbook.lcol-title": ("Trích yếu", "Title"),
    "workbook.lcol-section": ("Trang / mục", "Page / section"),
    "workbook.dv-title": ("Giá trị không hợp lệ", "Value not allowed"),
    "workbook.dv-count": ("Số nguyên, từ 0 trở lên", "A whole number, 0 or more"),
    "workbook.dv-number": ("Một số, từ 0 trở lên", "A number, 0 or more"),
    "workbook.dv-points": ("Số điểm, từ 0 trở lên", "Points, 0 or more"),
    "workbook.dv-percent": ("Tỷ lệ %, từ 0 đến 100", "A percentage, 0 to 100"),
    "workbook.dv-claimed": ("Điểm tự chấm, từ 0 đến {maximum}", "Claimed points, 0 to {maximum}"),
    "workbook.dv-date": (
        "Một ngày (hoặc chữ dd/mm/yyyy), từ năm 2000 đến 2100",
        "A date (or the text dd/mm/yyyy), from 2000 to 2100",
    ),
    "workbook.dv-choice": ("Chọn một mức trong danh sách", "Pick a level from the list"),
    "workbook.dv-bool": ("Chọn Có hoặc Không", "Pick Có (yes) or Không (no)"),
    "workbook.dv-list": ("Chọn trong danh sách", "Pick from the list"),
    "workbook.not-xlsx": (
        "không phải bảng tính .xlsx (tệp .xls cũ hoặc có mật khẩu?): lưu lại dạng Excel "
        "Workbook (.xlsx), không đặt mật khẩu",
        "not an .xlsx workbook (an old .xls, or password-protected?): save it as an Excel "
        "Workbook (.xlsx) without a password",
    ),
    "workbook.too-large": (
        "bảng tính giải nén ra {size}, quá giới hạn {limit} (đổi bằng --max-file-size)",
        "the workbook unzips to {size}, over the limit of {limit} (change it with --max-file-size)",
    ),
    "workbook.other-file": (
        "đây là {kind}, không phải tệp minh chứng (.yaml) hay bảng tự chấm điểm (.xlsx): hãy "
        "đưa tệp minh chứng của xã",
        "this is {kind}, not an evidence file (.yaml) or a score sheet (.xlsx): give the "
        "commune's evidence file",
    ),
    "workbook.kind-docx": ("một văn bản Word", "a Word document"),
    "workbook.kind-pptx": ("một tệp trình chiếu", "a presentation"),
    "workbook.kind-odf": ("một tệp OpenDocument (LibreOffice)", "an OpenDocument file"),
    "workbook.kind-zip": ("một tệp nén", "a zip archive"),
    "workbook.unreadable": (
        "không đọc được bảng tính: tệp hỏng? Mở bằng Excel và lưu lại",
        "cannot read the workbook: damaged? Open it in Excel and save it again",
    ),
    "workbook.not-score-sheet": (
        "không phải bảng tự chấm điểm của parscore (cần các trang {sheets}): tạo bằng "
        "parscore template --format xlsx",
        "not a parscore score sheet (it needs the sheets {sheets}): write one with parscore "
        "template --format xlsx",
    ),
    "workbook.sheet-missing": (
        "bảng tự chấm điểm thiếu trang «{sheet}» (bị đổi tên hoặc bị xóa?): đặt lại đúng tên "
        "trang này",
        "the score sheet has no sheet «{sheet}» (renamed or deleted?): give the sheet that name "
        "again",
    ),
    "workbook.formula-no-value": (
        "ô chứa công thức chưa được tính (không có giá trị): gõ thẳng giá trị vào ô, hoặc mở "
        "bằng Excel và lưu lại",
        "the cell holds a formula never computed (it has no value): type the value itself, or "
        "open the file in Excel and save it again",
    ),
    "workbook.too-many-cells": (
        "bảng tính có quá nhiều ô (hơn {limit}) (đổi bằng --max-nodes)",
        "the workbook holds too many cells (more than {limit}) (change it with --max-nodes)",
    ),
    "workbook.control-char": (
        "ô chứa ký tự điều khiển {char} không được phép: xóa ký tự đó (thường do dán từ "
        "chương trình khác)",
        "the cell holds the control character {char}, which is not allowed: delete it (often "
        "pasted from another program)",
    ),
    "cli.help.convert": (
        "Chuyển tệp minh chứng của một xã sang dạng khác: tệp YAML, thư mục tệp của từng bộ "
        "phận (--folder), bảng tự chấm điểm Excel (-o ….xlsx); kiểm tra trước, không mất dữ "
        "liệu chấm điểm",
        "Convert one commune's evidence to another form: a YAML file, a folder of office files "
        "(--folder), the score sheet workbook (-o ….xlsx); checked first, nothing scored is "
        "lost",
    ),
    "cli.help.convert-output": (
        "tệp hoặc thư mục ghi ra; .xlsx: bảng tính; khác: YAML",
        "the file or folder to write; .xlsx: the workbook; otherwise YAML",
    ),
    "cli.help.convert-folder": (
        "ghi một thư mục: commune.yaml và một tệp cho mỗi bộ phận chủ trì",
        "write a folder: commune.yaml and one file per lead office",
    ),
    "cli.help.standing": (
        "tình hình cuộc họp tự đánh giá: theo từng bộ phận chủ trì, số tiêu chí đã điền, tiêu "
        "chí còn thiếu tài liệu hoặc giải trình, điểm còn có thể tăng",
        "where the self-assessment meeting stands: per lead office, the sub-criteria filled, "
        "those still lacking a document or an explanation, the points still to gain",
    ),
    "usage.detail-with-view": (
        "--detail chỉ dùng cho bảng điểm, không dùng cùng {option}: muốn xem điểm và căn cứ chấm "
        "từng tiêu chí thành phần, chạy lại không có {option}",
        "--detail is for the score table, not with {option}: for each sub-criterion's points and "
        "reasons, run it again without {option}",
    ),
    "usage.missing-standing": (
        "chọn một trong --missing (danh sách việc cần làm) và --standing (bảng tình hình)",
        "choose one of --missing (the to-do list) and --standing (the table of where it stands)",
    ),
    "standing.title": (
        "Tình hình chuẩn bị tự đánh giá — {unit}, năm {year}",
        "Where the self-assessment stands — {unit}, {year}",
    ),
    "standing.items": ("Tiêu chí", "Sub-criteria"),
    "standing.filled": ("Đã điền", "Filled"),
    "standing.not-filled": ("Chưa điền", "Not filled"),
    "standing.no-document": ("Thiếu tài liệu", "No document"),
    "standing.no-explanation": ("Thiếu giải trình", "No explanation"),
    "workbook.row-without-key": (
        "dòng này được chèn thêm vào bảng nên parscore không biết nó thuộc tiêu chí nào: ghi "
        "vào các dòng có sẵn; một tài liệu kiểm chứng nữa thì chèn dòng ngay dưới dòng "
        '"Tài liệu kiểm chứng" và chỉ điền các cột của tài liệu (số, ngày, cơ quan, trích '
        "yếu, trang)",
        "this row was inserted into the sheet, so parscore cannot tell what it belongs to: use "
        "the rows already there; for one more document, insert the row directly under a "
        '"Document" row and fill only the document\'s columns (number, date, issuer, title, '
        "page)",
    ),
    "workbook.plan-title": (
        "Kế hoạch CCHC năm của xã (nhiệm vụ)",
        "The commune's own year reform plan (tasks)",
    ),
    "workbook.plan-note": (
        "Mỗi dòng một nhiệm vụ của kế hoạch. «Phục vụ tiêu chí»: các mã, cách nhau bởi dấu phẩy "
        "(1.4, 3); «Phối hợp»: mỗi đơn vị một dòng hoặc cách nhau bởi dấu chấm phẩy.",
        "One task of the plan a row. «Serves»: the ids, separated by commas (1.4, 3); "
        "«Support»: one a line, or separated by semicolons.",
    ),
    "workbook.pcol-item": ("Ghi ở tiêu chí", "Listed under"),
    "workbook.pcol-task": ("Nội dung nhiệm vụ", "Task"),
    "workbook.pcol-serves": ("Phục vụ tiêu chí", "Serves"),
    "workbook.pcol-lead": ("Chủ trì", "Lead"),
    "workbook.pcol-support": ("Phối hợp", "Support"),
    "workbook.pcol-due": ("Thời gian hoàn thành", "Due"),
    "workbook.plan-no-item": (
        "nhiệm vụ này chưa ghi tiêu chí có kế hoạch (cột A, ví dụ 1.1.3): ghi mã tiêu chí",
        "this task does not say under which sub-criterion the plan is listed (column A, e.g. "
        "1.1.3): write its id",
    ),
    "workbook.misnamed": (
        "tệp này là bảng tính Excel (.xlsx) dù tên không phải ….xlsx: đã đọc như bảng tính; "
        "hãy đổi tên thành ….xlsx",
        "this file is an Excel workbook (.xlsx) though not named ….xlsx: read as a workbook; "
        "rename it ….xlsx",
    ),
    "workbook.expected-yes-no": (
        "cần Có hoặc Không (chọn trong danh sách), nhận được {found}",
        "expected Có (yes) or Không (no), picked from the list; got {found}",
    ),
    "workbook.nothing-with-inputs": (
        "đã ghi «Không phát sinh» thì không ghi dữ liệu chấm ({inputs})",
        "«Không phát sinh» (nothing occurred) cannot stand beside inputs ({inputs})",
    ),
    "workbook.partial-ratio": (
        "cần ghi cả {part} và {total}",
        "both {part} and {total} are needed",
    ),
    "workbook.bad-key": (
        "khóa ẩn của dòng này (cột {column}, ẩn) đã bị sửa thành '{key}', parscore không biết "
        "dòng thuộc về đâu: lấy lại dòng từ bảng gốc (parscore template --format xlsx)",
        "the hidden key of this row (column {column}, hidden) was edited to '{key}', so parscore "
        "cannot tell what the row belongs to: copy the row back from a fresh sheet (parscore "
        "template --format xlsx)",
    ),
    "workbook.row-twice": (
        "dòng này là bản sao của dòng {first} (cùng khóa ẩn): xóa một trong hai dòng",
        "this row is a copy of row {first} (the same hidden key): delete one of the two",
    ),
    # --- criteria set tests (parscore criteria test, parscore/settest.py) -------------------
    "settest.case": ("trường hợp kiểm thử", "test case"),
    "settest.failed": (
        "cần {expected}, được {points} điểm ({outcome}): {reason}",
        "expected {expected}, got {points} ({outcome}): {reason}",
    ),
    "settest.failed-penalty": (
        "cần điểm trừ {expected}, được {got}",
        "expected a penalty of {expected}, got {got}",
    ),
    "settest.points": ("{points} điểm", "{points} points"),
    "settest.points-outcome": ("{points} điểm ({outcome})", "{points} points ({outcome})"),
    "settest.summary": (
        "{file}: {total} trường hợp, {passed} đạt, {failed} không đạt",
        "{file}: {total} cases, {passed} passed, {failed} failed",
    ),
    "settest.total": (
        "Tổng cộng: {total} trường hợp, {passed} đạt, {failed} không đạt",
        "In all: {total} cases, {passed} passed, {failed} failed",
    ),
    "settest.unknown-key": (
        "'{key}' không phải khóa của tệp trường hợp kiểm thử; khóa hợp lệ: {expected}{suggestion}",
        "'{key}' is not a key of a test case file; its keys are: {expected}{suggestion}",
    ),
    "settest.no-cases": (
        "tệp cần danh sách 'cases:' với ít nhất một trường hợp",
        "the file needs a list 'cases:' with at least one case",
    ),
    "settest.case-not-mapping": (
        "mỗi trường hợp là một bảng khóa (item:, inputs:, points:...), không phải {found}",
        "each case is a mapping (item:, inputs:, points:...), not {found}",
    ),
    "settest.inputs-not-mapping": (
        "'inputs' là một bảng khóa tên dữ liệu: giá trị, không phải {found}",
        "'inputs' is a mapping of input names to values, not {found}",
    ),
    "settest.other-set": (
        "các trường hợp này viết cho bộ '{cases_for}', không phải cho bộ '{set}' đang kiểm thử",
        "these cases are written for the set '{cases_for}', not for '{set}' under test",
    ),
    "settest.bad-points": (
        "'{key}' là số điểm (một số không âm, ví dụ 0.5), không phải {found}",
        "'{key}' is points (a number not below 0, e.g. 0.5), not {found}",
    ),
    "settest.bad-outcome": (
        "kết quả '{value}' không hợp lệ: chọn một trong {choices}{suggestion}",
        "'{value}' is not an outcome: choose one of {choices}{suggestion}",
    ),
    # --- the evidence schema of one criteria set (parscore schema evidence --criteria) -------
    "schema.title": (
        "Tệp minh chứng theo bộ tiêu chí {id} (phiên bản {version}) — {title}",
        "Evidence file for the criteria set {id} (version {version}) — {title}",
    ),
    "schema.key-documents": (
        "Tài liệu kiểm chứng: number, date (dd/mm/yyyy), issuer, title, section",
        "Evidence documents: number, date (dd/mm/yyyy), issuer, title, section",
    ),
    "schema.key-explanation": ("Giải trình", "The written explanation"),
    "schema.key-claimed": ("Điểm xã tự chấm", "The score the commune claims"),
    "schema.key-nothing_occurred": (
        "Trong năm không phát sinh việc cần chấm, và lý do",
        "Nothing to score occurred this year, and why",
    ),
    "schema.key-note": ("Ghi chú", "A note"),
    "schema.item": ("{id} {name} — tối đa {max}. {rule}", "{id} {name} — max {max}. {rule}"),
    # --- the command line -----------------------------------------------------------------
    "cli.summary": ("{errors}, {warnings}", "{errors}, {warnings}"),
    "cli.error": ("{count} lỗi", "{count} error"),
    "cli.errors": ("{count} lỗi", "{count} errors"),
    "cli.warning": ("{count} cảnh báo", "{count} warning"),
    "cli.warnings": ("{count} cảnh báo", "{count} warnings"),
    "cli.error-line": ("lỗi: {message}", "error: {message}"),
    "cli.scoring": ("Đang chấm", "Scoring"),
    "cli.has-problems": ("có lỗi", "has problems"),
    "cli.has-warnings-strict": (
        "không đạt với --strict vì có cảnh báo",
        "does not pass --strict: it has warnings",
    ),
    "cli.valid": ("hợp lệ", "valid"),
    "cli.wrote": ("Đã ghi {path}", "Wrote {path}"),
    "cli.more-problems": (
        "{file}: còn {count} vấn đề khác không hiển thị: hãy sửa những lỗi trên rồi chạy lại",
        "{file}: {count} more problems not shown: fix the ones above and run again",
    ),
    "cli.bad-size": (
        "{value} không phải một kích thước như 10M hay 512K",
        "{value} is not a size such as 10M or 512K",
    ),
    "cli.target-comma": (
        "'{value}' dùng dấu phẩy: hãy viết dấu chấm thập phân, ví dụ {dot}",
        "'{value}' has a decimal comma: write a decimal point, e.g. {dot}",
    ),
    "cli.target-not-number": (
        "{value} không phải một số như 84.5",
        "{value} is not a number such as 84.5",
    ),
    "cli.target-precision": (
        "{value} không phải chỉ số từ 0 đến 200 với tối đa {decimals} chữ số thập phân",
        "{value} is not an index from 0 to 200 with at most {decimals} decimals",
    ),
    "cli.target-range": (
        "{value} nằm ngoài khoảng 0 đến 200",
        "{value} is not in the range 0 to 200",
    ),
    "cli.internal-error": (
        "parscore {version}: lỗi nội bộ (internal error) {kind}: {message}\n"
        "Xin báo lỗi kèm các tệp đầu vào (PARSCORE_DEBUG=1 hiện traceback).",
        "parscore {version}: internal error {kind}: {message}\n"
        "Please report it with the input files (PARSCORE_DEBUG=1 shows the traceback).",
    ),
    # --- the command line's help (parscore --help), in cli.py's order ----------------------
    "cli.help.usage": ("Cách dùng:", "Usage:"),
    "cli.help.options": ("Tùy chọn", "Options"),
    "cli.help.commands": ("Lệnh", "Commands"),
    "cli.help.arguments": ("Tham số", "Positional arguments"),
    # metavars: the words a usage line and an option's row name a value by
    "cli.metavar.EVIDENCE": ("MINH_CHỨNG", "EVIDENCE"),
    "cli.metavar.RESULT": ("KẾT_QUẢ", "RESULT"),
    "cli.metavar.PATH": ("ĐƯỜNG_DẪN", "PATH"),
    "cli.metavar.PATHS": ("ĐƯỜNG_DẪN", "PATHS"),
    "cli.metavar.FILE": ("TỆP", "FILE"),
    "cli.metavar.FILES": ("TỆP", "FILES"),
    "cli.metavar.ID": ("MÃ_BỘ", "ID"),
    "cli.metavar.NAME": ("TÊN", "NAME"),
    "cli.metavar.TABLE": ("BẢNG", "TABLE"),
    "cli.metavar.YEAR": ("NĂM", "YEAR"),
    "cli.metavar.INDEX": ("CHỈ_SỐ", "INDEX"),
    "cli.metavar.KIND": ("LOẠI", "KIND"),
    "cli.metavar.CODE": ("MÃ", "CODE"),
    "cli.metavar.OLD": ("BỘ_CŨ", "OLD"),
    "cli.metavar.NEW": ("BỘ_MỚI", "NEW"),
    "cli.metavar.CASES": ("TRƯỜNG_HỢP", "CASES"),
    "cli.metavar.SIZE": ("CỠ", "SIZE"),
    "cli.metavar.INTEGER": ("SỐ_NGUYÊN", "INTEGER"),
    "cli.help.options-metavar": ("[TÙY_CHỌN]", "[OPTIONS]"),
    "cli.help.command-metavar": ("LỆNH [THAM_SỐ]...", "COMMAND [ARGS]..."),
    "cli.help.default": ("mặc định: {default}", "default: {default}"),
    "cli.help.required": ("bắt buộc", "required"),
    "cli.help.help": ("Hiện trợ giúp này rồi thoát.", "Show this message and exit."),
    "cli.help.version": ("Hiện phiên bản rồi thoát.", "Show the version and exit."),
    "cli.option-after-command": (
        "({option} là tùy chọn của lệnh: đặt sau tên lệnh, ví dụ parscore {command} {option} …)",
        "({option} is an option of a command: put it after the command's name, e.g. parscore "
        "{command} {option} …)",
    ),
    "cli.version": ("parscore, phiên bản {version}", "parscore, version {version}"),
    "cli.help.exit-codes": ("Mã thoát", "Exit codes"),
    "cli.help.exit-0": ("thành công", "success"),
    "cli.help.exit-1": (
        "validate tìm thấy lỗi; compare phải bỏ ra ngoài một tệp; criteria test có trường "
        "hợp không đạt",
        "problems found by validate; a file left out by compare; a case failed in criteria test",
    ),
    "cli.help.exit-2": (
        "dữ liệu vào hoặc cách dùng sai (thông báo nói rõ chỗ sai), hoặc không ghi được đầu ra",
        "bad input or usage (the messages say where), or output that cannot be written",
    ),
    "cli.help.exit-3": (
        "lỗi nội bộ, tức lỗi của parscore: xin báo lỗi kèm các tệp đầu vào",
        "an internal error, a bug in parscore: please report it with the input files",
    ),
    "cli.help.exit-141": (
        "chương trình đọc đầu ra đã dừng sớm (parscore ... | head)",
        "the program reading the output stopped early (parscore ... | head)",
    ),
    "cli.help.main": (
        "parscore — chấm điểm Chỉ số cải cách hành chính (PAR INDEX) cấp xã.\n\n"
        "Chấm điểm xã, phường, thị trấn (từ 1/7/2025: xã, phường, đặc khu) theo Chỉ số CCHC từ "
        "một bộ tiêu chí (YAML) và minh chứng của đơn vị (tệp YAML, thư mục các tệp của từng bộ "
        "phận, hoặc bảng tự chấm điểm Excel), giải thích từng điểm và chỉ ra những lĩnh vực yếu "
        "nhất; thẩm định, so sánh giữa các năm và lập kế hoạch CCHC năm. Bảng in ra "
        "vừa với chiều rộng cửa sổ dòng lệnh; khi chuyển qua ống dẫn hay ghi ra tệp, bảng rộng "
        "100 cột (biến COLUMNS đổi chiều rộng này).",
        "parscore — scores Vietnamese communes against the PAR INDEX (Chỉ số cải cách hành "
        "chính).\n\n"
        "Scores communes (xã, phường, thị trấn; since 1/7/2025 xã, phường, đặc khu) from a "
        "criteria set (YAML) and the unit's evidence (a YAML file, a folder of the offices' "
        "files, or the Excel score sheet), explains every point and shows the weakest areas; "
        "appraisal, year over year and the year's reform plan. Tables fit the terminal's width; "
        "piped or written "
        "to a file they are 100 columns wide (the COLUMNS variable changes that).",
    ),
    "cli.help.max-file-size": (
        "Từ chối tệp đầu vào lớn hơn mức này (hoặc PARSCORE_MAX_FILE_SIZE).",
        "Refuse input files larger than this (or PARSCORE_MAX_FILE_SIZE).",
    ),
    "cli.help.max-depth": (
        "Từ chối dữ liệu lồng sâu hơn mức này (hoặc PARSCORE_MAX_DEPTH).",
        "Refuse input nested deeper than this (or PARSCORE_MAX_DEPTH).",
    ),
    "cli.help.max-nodes": (
        "Từ chối dữ liệu có nhiều giá trị YAML hơn mức này (hoặc PARSCORE_MAX_NODES).",
        "Refuse input holding more YAML values than this (or PARSCORE_MAX_NODES).",
    ),
    "cli.help.lang": (
        "Ngôn ngữ của báo cáo, thông báo và trợ giúp (hoặc PARSCORE_LANG).",
        "Language of reports, messages and this help (or PARSCORE_LANG).",
    ),
    "cli.help.output": (
        "Ghi ra tệp này (ghi trọn một lần: không bao giờ để lại tệp ghi dở).",
        "Write to this file (atomically: never a half-written file).",
    ),
    "cli.help.criteria-option": (
        "Chấm theo bộ tiêu chí này thay cho bộ mà mỗi tệp ghi.",
        "Score against this criteria set instead of the one each file names.",
    ),
    "cli.help.force": ("Ghi đè tệp --output đã có.", "Overwrite an existing --output file."),
    "cli.help.evaluate": (
        "Chấm điểm một xã từ tệp minh chứng MINH_CHỨNG (tệp YAML, thư mục tệp của các bộ phận, "
        "hoặc bảng tự chấm điểm .xlsx): điểm từng lĩnh vực, chỉ số, xếp loại và những tiêu chí "
        "mất nhiều điểm nhất.",
        "Score one commune's EVIDENCE (a YAML file, a folder of office files, or the score "
        "sheet .xlsx): the points of every field, the index, the band and the sub-criteria that "
        "lost the most points.",
    ),
    "cli.help.format": (
        "Định dạng đầu ra. Mặc định: theo đuôi tệp --output (.json, .csv, .md), nếu không thì "
        "table.",
        "Output format. Default: from the --output file's suffix (.json, .csv, .md), else table.",
    ),
    "cli.help.detail": (
        "Hiện mọi tiêu chí thành phần: điểm, căn cứ chấm, tài liệu kiểm chứng.",
        "Show every sub-criterion: points, reason, evidence.",
    ),
    "cli.help.top": (
        "Số lĩnh vực và tiêu chí yếu nhất được liệt kê.",
        "How many weakest fields and sub-criteria to show.",
    ),
    "cli.help.missing": (
        "Thay cho điểm: mỗi đơn vị chủ trì còn phải bổ sung gì (tài liệu kiểm chứng hoặc giải "
        "trình), với số điểm tiêu chí đó còn có thể tăng.",
        "Instead of the scores: what each lead office still has to bring (evidence or "
        "explanation), with the points each item can still gain.",
    ),
    "cli.help.compare": (
        "Xếp hạng và so sánh các xã: các tệp minh chứng, và các thư mục (tìm các tệp "
        ".yaml/.yml/.xlsx trong đó; thư mục có commune.yaml là một xã).\n\n"
        "Tệp có lỗi được báo kèm các lỗi và bị bỏ ra ngoài; các xã khác vẫn được so sánh, và "
        "mã thoát là 1. Các tệp chấm theo những bộ tiêu chí khác nhau, các tệp của những năm "
        "khác nhau, hay hai tệp của cùng một đơn vị và năm, bị từ chối (mã thoát 2). Tệp chưa "
        "có minh chứng nào (mẫu chưa điền) được liệt kê là chưa tự đánh giá, và tệp không ghi "
        "huyện (hay tỉnh) được xếp hạng theo đó thì được liệt kê riêng; cả hai không được xếp "
        "hạng, không tính vào bình quân và trung vị.\n\n"
        "Tệp thẩm định và tệp giải trình trong các tệp, thư mục đã cho được nhận ra theo nội "
        "dung và ghép với xã theo mã đơn vị (không có mã thì theo tên) và năm; khi có, các xã "
        "được xếp hạng theo điểm thẩm định cuối, kèm điểm tự đánh giá, xã chưa có kết quả thẩm "
        "định cuối được liệt kê riêng (--stage self: theo điểm tự đánh giá).",
        "Rank and compare communes: evidence files, and folders searched for .yaml/.yml/.xlsx "
        "files (a folder holding commune.yaml is one commune).\n\n"
        "A file that fails is reported with its problems and left out; the others are still "
        "compared, and the exit code is 1. Files scored against different criteria sets, files "
        "of different years, or two files for one unit and year, are refused (exit code 2). A "
        "file with no evidence at all (an unfilled template) is listed as not assessed, and one "
        "that names no district (or province) to rank by is listed apart; neither is ranked "
        "nor counted in means and medians.\n\n"
        "Appraisal and explanation files among the files and folders given are told apart by "
        "content and matched to each commune by unit code (by name when they give none) and "
        "year; when there are any, communes are ranked on their final appraisal, their "
        "self-assessed total beside, and those without a finished one are listed apart "
        "(--stage self: on the self-assessments).",
    ),
    "cli.help.group-by": (
        "Xếp hạng trong từng huyện (đến giữa năm 2025), từng tỉnh (từ đó), hoặc tất cả cùng "
        "nhau. Mặc định: cấp mà hơn một nửa số tệp ghi, trước năm 2025 ưu tiên huyện, từ năm "
        "2025 ưu tiên tỉnh; tệp không ghi cấp đó được liệt kê riêng, không xếp hạng.",
        "Rank within districts (until mid-2025), provinces (since), or all together. Default: "
        "the level more than half the files name, districts first before 2025, provinces first "
        "since; a file that lacks it is listed, not ranked.",
    ),
    "cli.help.compare-format": (
        "Định dạng đầu ra (xlsx cần --output). Mặc định: theo đuôi tệp --output (.xlsx, .html, "
        ".json, .csv, .md), nếu không thì table.",
        "Output format (xlsx needs --output). Default: from the --output file's suffix (.xlsx, "
        ".html, .json, .csv, .md), else table.",
    ),
    "cli.help.compare-detail": (
        "Liệt kê thêm, theo từng tiêu chí thành phần, những đơn vị đạt điểm tối đa.",
        "Also list, per sub-criterion, who got full points.",
    ),
    "cli.help.jobs": (
        "Chấm các tệp trong ngần này tiến trình (kết quả không đổi).",
        "Score the files in this many processes (the output is the same).",
    ),
    "cli.help.annex-no-cache": (
        "Như compare; phụ lục luôn chấm lại mọi tệp, không dùng bộ nhớ đệm, nên tùy chọn này "
        "không đổi gì.",
        "As for compare; the annex always scores every file again, without the cache, so this "
        "changes nothing.",
    ),
    "cli.help.no-cache": (
        "Chấm lại mọi tệp, không đọc và không ghi bộ nhớ đệm của các lần chạy trước (trong thư "
        "mục cache của người dùng, hoặc PARSCORE_CACHE_DIR; xóa đi không sao).",
        "Score every file again, ignoring and not filling the cache of earlier runs (kept in "
        "the user's cache folder, or PARSCORE_CACHE_DIR; safe to delete).",
    ),
    "cli.help.plan": (
        "Lập dự thảo kế hoạch cải thiện năm sau từ tệp minh chứng MINH_CHỨNG của một xã.",
        "Draft next year's improvement plan from a commune's EVIDENCE file.",
    ),
    "cli.help.target": (
        "Chỉ số cần đạt, từ 0 đến 200 (84.5): kế hoạch nêu ít tiêu chí nhất để đạt, hoặc cho "
        "biết chỉ số cao nhất có thể đạt còn thiếu bao nhiêu.",
        "The index to reach, 0 to 200 (84.5): the plan names the fewest sub-criteria that "
        "reach it, or says by how much the best reachable index falls short.",
    ),
    "cli.help.plan-format": (
        "text (đọc được trong cửa sổ lệnh), markdown, docx (Word, A4, Times New Roman; cần "
        "--output) hoặc json. Mặc định: theo phần mở rộng của tệp --output (.md, .docx, "
        ".json), nếu không thì text, trong cửa sổ lệnh cũng như khi chuyển tiếp.",
        "text (readable in a terminal), markdown, docx (Word, A4, Times New Roman; needs "
        "--output) or json. Default: from the --output file's extension (.md, .docx, .json), "
        "else text, in a terminal and in a pipe alike.",
    ),
    "cli.help.plan-top": (
        "Số bước được liệt kê ở phần 'việc cần làm trước'.",
        "How many steps 'what to do first' lists.",
    ),
    "cli.help.validate": (
        "Kiểm tra bộ tiêu chí và tệp minh chứng (phân biệt theo nội dung).\n\n"
        "Mã thoát 1 khi một tệp có lỗi (hoặc, với --strict, có cảnh báo).",
        "Check criteria sets and evidence files (told apart by content).\n\n"
        "Exit code 1 when any file has an error (or, with --strict, a warning).",
    ),
    "cli.help.strict": ("Tính cả cảnh báo là lỗi.", "Count warnings as problems too."),
    "cli.help.schema": (
        "Ghi JSON Schema của bộ tiêu chí, tệp minh chứng, kết quả, kế hoạch, bảng so sánh hoặc "
        "danh sách cần thẩm định trước (review) JSON; change, crosswalk, lineage: so sánh với năm "
        "trước (docs/years.md).\n\n"
        "LOẠI: criteria, evidence, result, plan, comparison, appraisal, explanation, review, "
        "change, crosswalk hoặc lineage.\n\n"
        "Với 'evidence --criteria MÃ_BỘ|ĐƯỜNG_DẪN': lược đồ riêng của bộ tiêu chí đó. Trình "
        "soạn thảo có YAML language server kiểm tra và gợi ý cho các tệp bắt đầu bằng "
        "'# yaml-language-server: $schema=ref-commune-2023.schema.json' (tệp do 'parscore "
        "template' tạo có sẵn dòng này).",
        "Write the JSON Schema of criteria sets, evidence files, or JSON results, plans, "
        "comparisons or reviews; change, crosswalk, lineage: year over year (docs/years.md).\n\n"
        "KIND: criteria, evidence, result, plan, comparison, appraisal, explanation, review, "
        "change, crosswalk or lineage.\n\n"
        "With 'evidence --criteria ID|PATH': that criteria set's own schema. Editors with the "
        "YAML language server check and complete files that start with "
        "'# yaml-language-server: $schema=ref-commune-2023.schema.json' (files written by "
        "'parscore template' do).",
    ),
    "cli.help.schema-criteria": (
        "Với 'evidence': lược đồ riêng của bộ tiêu chí này (mã tiêu chí, tên dữ liệu, kiểu, "
        "các mức), để trình soạn thảo gợi ý và báo tên gõ sai.",
        "With 'evidence': the schema of this criteria set (its item ids, input names, types "
        "and levels), so that an editor completes them and flags a misspelt name.",
    ),
    "cli.help.schema-lang": (
        "Ngôn ngữ của phần mô tả trong lược đồ riêng của bộ tiêu chí.",
        "The language of the descriptions in a criteria set's own schema.",
    ),
    "cli.help.template": (
        "Tạo tệp minh chứng để xã điền cho cuộc họp tự đánh giá quý IV: mọi tiêu chí thành "
        "phần, kèm chú thích cách chấm, tài liệu kiểm chứng cần có và đơn vị chủ trì.",
        "Write the evidence file a commune fills for its Q4 meeting: every sub-criterion, with "
        "how it is scored, the evidence expected and the lead office.",
    ),
    "cli.help.template-criteria": (
        "Bộ tiêu chí cần điền (mã một bộ có sẵn, hoặc đường dẫn).",
        "The criteria set to fill in (a shipped id or a path).",
    ),
    "cli.help.unit": ("Tên xã, ví dụ 'Vĩnh Chấp'.", "The commune's name, e.g. 'Vĩnh Chấp'."),
    "cli.help.code": ("Mã đơn vị hành chính của xã.", "The commune's official code."),
    "cli.help.kind": ("Loại đơn vị.", "The kind of unit."),
    "cli.help.district": (
        "Huyện mà xã trực thuộc (đến giữa năm 2025).",
        "The district it belonged to (until mid-2025).",
    ),
    "cli.help.province": ("Tỉnh.", "The province."),
    "cli.help.year": (
        "Năm đánh giá (mặc định: năm của bộ tiêu chí).",
        "Assessment year (default: the set's).",
    ),
    "cli.help.template-output": ("Tệp minh chứng cần ghi.", "The evidence file to write."),
    "cli.help.template-schema": (
        "Ghi thêm lược đồ JSON của bộ tiêu chí (<mã bộ>.schema.json) cạnh tệp minh chứng, "
        "tệp mà dòng đầu của tệp minh chứng trỏ tới.",
        "Also write the criteria set's JSON Schema (<set id>.schema.json) beside the evidence "
        "file: the file its first line points at.",
    ),
    "cli.help.template-force": ("Ghi đè tệp đã có.", "Overwrite an existing file."),
    "cli.help.criteria": (
        "Các bộ tiêu chí: liệt kê các bộ có sẵn, xem một bộ, chạy các trường hợp kiểm thử của "
        "một bộ.",
        "The criteria sets: list the shipped ones, show one, run a set's test cases.",
    ),
    "cli.help.criteria-list": (
        "Liệt kê các bộ tiêu chí có sẵn.",
        "List the shipped criteria sets.",
    ),
    "cli.help.criteria-show": (
        "Xem cây tiêu chí của một bộ, với điểm tối đa và cách chấm từng tiêu chí.",
        "Show a criteria set's tree, with maxima and each rule in words.",
    ),
    "cli.help.criteria-test": (
        "Chạy các trường hợp kiểm thử của một bộ tiêu chí: mỗi trường hợp là dữ liệu của một "
        "tiêu chí và số điểm (kết quả) mà phụ lục quy định; báo trường hợp không đạt kèm tệp và "
        "dòng.\n\n"
        "Không nêu TRƯỜNG_HỢP: dùng các trường hợp kèm theo bộ có sẵn. Mã thoát 0 khi mọi trường "
        "hợp đạt, 1 khi có trường hợp không đạt, 2 khi tệp có lỗi.",
        "Run a criteria set's test cases: each case is one sub-criterion's inputs and the "
        "points (and outcome) the annex says they give; failures are reported with their file "
        "and line.\n\n"
        "Without CASES: the cases shipped with a shipped set. Exit code 0 when every case "
        "passes, 1 when some fail, 2 when a file has errors.",
    ),
    "cli.help.depth": ("Số cấp được hiện (1: chỉ lĩnh vực).", "Show this many levels (1: fields)."),
    "cli.help.try": (
        "Xem '{command} {option}' để được trợ giúp.",
        "Try '{command} {option}' for help.",
    ),
    # click's usage errors (cli_help.click_message; English is click's own text)
    "cli.click.invalid-value": (
        "giá trị không hợp lệ cho {param}: {detail}",
        "Invalid value for {param}: {detail}",
    ),
    "cli.click.not-one-of": (
        "{value} không phải một trong {choices}.",
        "{value} is not one of {choices}.",
    ),
    "cli.click.not-in-range": (
        "{value} nằm ngoài khoảng {range}.",
        "{value} is not in the range {range}.",
    ),
    "cli.click.not-integer": (
        "{value} không phải một số nguyên.",
        "{value} is not a valid integer.",
    ),
    "cli.click.no-option": ("không có tùy chọn {name}{best}", "No such option {name}.{best}"),
    "cli.click.no-command": ("không có lệnh {name}{best}", "No such command {name}.{best}"),
    "cli.click.did-you-mean": (" (có phải {best}?)", " (Did you mean {best}?)"),
    "cli.click.extra-arguments": (
        "thừa tham số ({args})",
        "Got unexpected extra arguments ({args})",
    ),
    "cli.click.needs-value": (
        "tùy chọn {name} cần một giá trị.",
        "Option {name} requires an argument.",
    ),
    "cli.click.takes-no-value": (
        "tùy chọn {name} không nhận giá trị.",
        "Option {name} does not take a value.",
    ),
    "cli.click.missing-argument": ("thiếu tham số {name}.", "Missing argument {name}."),
    "cli.click.missing-option": ("thiếu tùy chọn {name}.", "Missing option {name}."),
    "cli.click.missing-command": ("thiếu lệnh.", "Missing command."),
    "problem.warning": ("cảnh báo: ", "warning: "),
    # --- bands (intervals in words, as the published sets write them) -------------------------
    "band.any": ("mọi giá trị", "any value"),
    "band.limit-field": (
        "lĩnh vực {id} “{name}” đạt {share}% số điểm, dưới {bound}%",
        "field {id} “{name}” achieved {share}% of its points, below {bound}%",
    ),
    "band.limit-discipline": (
        "có cán bộ, công chức bị kỷ luật hình thức {form} trong năm (từ {bound} trở lên)",
        "an official was disciplined during the year ({form}: {bound} or heavier)",
    ),
    "band.limit-discipline-unknown": (
        "tệp minh chứng không khai hình thức kỷ luật nặng nhất trong năm (facts: discipline), "
        "nên chưa loại trừ được kỷ luật từ {bound} trở lên",
        "the evidence file does not state the heaviest discipline of the year (facts: "
        "discipline), so discipline at {bound} or heavier is not ruled out",
    ),
    "band.lowered": (
        "{band} — không xếp {index_band} vì {why}",
        "{band} — not {index_band}: {why}",
    ),
    "band.refused": (
        "không xếp loại — chỉ số ở mức {index_band}, nhưng {why}",
        "no band — the index is in {index_band}, but {why}",
    ),
    "band.capped": (
        "Tổng điểm {uncapped} vượt mức tối đa {max}: bộ tiêu chí giới hạn tổng điểm ở mức tối "
        "đa (cap_total)",
        "The total of {uncapped} is above the maximum of {max}: the set caps the total there "
        "(cap_total)",
    ),
    "discipline.none": ("không có", "none"),
    "discipline.reprimand": ("khiển trách", "reprimand"),
    "discipline.warning": ("cảnh cáo", "warning"),
    "discipline.demotion": ("hạ bậc lương, giáng chức", "demotion"),
    "discipline.dismissal": ("cách chức, buộc thôi việc", "dismissal"),
    "band.at-least": ("từ {low} trở lên", "{low} or more"),
    "band.above": ("trên {low}", "above {low}"),
    "band.at-most": ("tối đa {high}", "at most {high}"),
    "band.below": ("dưới {high}", "below {high}"),
    "band.from-to": ("từ {low} đến {high}", "from {low} to {high}"),
    # --- hints inside other messages ------------------------------------------------------
    "hint.did-you-mean": (" (có phải '{best}'?)", " (did you mean '{best}'?)"),
    # --- a wrong value in words, inside value. messages (model.common.found) ----------------
    "found.nothing": ("giá trị trống", "nothing"),
    "found.number": ("số {number}", "the number {number}"),
    "found.mapping": ("một bảng khóa: giá trị", "a mapping"),
    "found.list": ("một danh sách", "a list"),
    # --- sizes of files, inside file. messages (format_size) --------------------------------
    "size.bytes": ("{size} byte", "{size} bytes"),
    "size.byte": ("{size} byte", "{size} byte"),
    "size.kb": ("{size} KB", "{size} KB"),
    "size.mb": ("{size} MB", "{size} MB"),
    # --- usage -----------------------------------------------------------------------------
    "usage.cases-not-set": (
        "{path} là tệp trường hợp kiểm thử, không phải bộ tiêu chí: nêu bộ tiêu chí trước "
        "(parscore criteria test BỘ CASES...)",
        "{path} is a test case file, not a criteria set: name the set first "
        "(parscore criteria test SET CASES...)",
    ),
    "usage.set-not-cases": (
        "{path} là một bộ tiêu chí, không phải tệp trường hợp kiểm thử: nêu bộ tiêu chí trước "
        "(parscore criteria test BỘ CASES...)",
        "{path} is a criteria set, not a test case file: name the set first "
        "(parscore criteria test SET CASES...)",
    ),
    "usage.no-cases": (
        "bộ '{set}' không kèm tệp trường hợp kiểm thử: hãy nêu tệp (parscore criteria test "
        "{set} CASES.yaml)",
        "the set '{set}' ships no test cases: name a case file (parscore criteria test {set} "
        "CASES.yaml)",
    ),
    "usage.schema-criteria": (
        "--criteria chỉ dùng với 'parscore schema evidence'",
        "--criteria goes with 'parscore schema evidence' only",
    ),
    "usage.output-exists": (
        "tệp {path} đã có: dùng --force để ghi đè",
        "{path} already exists: use --force to overwrite it",
    ),
    "usage.output-is-input": (
        "tệp kết quả {path} trùng với tệp đầu vào",
        "the output {path} is one of the input files",
    ),
    "usage.output-special": (
        "{path} không phải tệp thông thường ({kind}): parscore không ghi đè lên nó",
        "{path} is not a regular file ({kind}): parscore does not write over it",
    ),
    "usage.special-fifo": ("ống FIFO", "a FIFO"),
    "usage.special-device": ("thiết bị", "a device"),
    "usage.special-socket": ("socket", "a socket"),
    "usage.special-other": ("tệp đặc biệt", "a special file"),
    "cli.output-is-folder": (
        "{path} là tên một thư mục (kết thúc bằng /): hãy cho tên tệp cần ghi",
        "{path} names a folder (it ends with /): give the name of the file to write",
    ),
    "usage.output-is-directory": (
        "không ghi được {path}: đây là một thư mục",
        "cannot write {path}: is a directory",
    ),
    "usage.output-dangling-link": (
        "{path} là liên kết tới {target}, tệp này chưa có: dùng --force để ghi vào đó",
        "{path} is a link to {target}, which does not exist: use --force to write there",
    ),
    "usage.write-failed": ("không ghi được {path}: {reason}", "cannot write {path}: {reason}"),
    "usage.stdout-failed": (
        "không ghi được kết quả ra đầu ra chuẩn (stdout): {reason}",
        "cannot write the result to standard output: {reason}",
    ),
    "usage.stdout-closed": (
        "đầu ra chuẩn (stdout) đã bị đóng: không có chỗ để ghi kết quả",
        "standard output is closed: there is nowhere to write the result",
    ),
    "usage.needs-output": (
        "định dạng này là tệp nhị phân: hãy ghi ra tệp bằng --output",
        "this format is a binary file: write it to a file with --output",
    ),
    "output.no-folder": (
        "thư mục {folder} không có (hãy tạo thư mục trước)",
        "there is no folder {folder} (create it first)",
    ),
    "output.no-permission": (
        "không có quyền ghi vào {folder}",
        "no permission to write in {folder}",
    ),
    "output.disk-full": ("ổ đĩa đã đầy", "the disk is full"),
    "output.read-only": ("{folder} chỉ đọc được, không ghi được", "{folder} is read-only"),
    "usage.blank-unit": (
        '--unit không được để trống: ghi tên đơn vị, ví dụ --unit "Vĩnh Chấp"',
        '--unit cannot be blank: give the unit\'s name, e.g. --unit "Vĩnh Chấp"',
    ),
    "usage.parscore-output": (
        "{path} là kết quả do parscore ghi ({format}), không phải tệp minh chứng hay bộ tiêu chí",
        "{path} is an output parscore wrote ({format}), not an evidence file or a criteria set",
    ),
    "usage.not-evidence": (
        "{path} là bộ tiêu chí, không phải tệp minh chứng",
        "{path} is a criteria set, not an evidence file",
    ),
}


#: how each language writes a number's decimal separator and a date, its tag in documents
#: (Word) and its ``lang`` attribute in an HTML page
_FORMATS: dict[str, dict[str, str]] = {
    "vi": {"decimal": ",", "date": "%d/%m/%Y", "tag": "vi-VN", "html_lang": "vi"},
    "en": {"decimal": ".", "date": "%d/%m/%Y", "tag": "en-GB", "html_lang": "en"},
}


def _formats(lang: str) -> dict[str, str]:
    return _FORMATS.get(lang, _FORMATS["en"])


@dataclass(frozen=True)
class Phrase:
    """A catalogue code with its arguments: an argument of another text, rendered in that
    text's language (``Phrase("hint.did-you-mean", {"best": "name"})``)."""

    code: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return render(self.code, self.args, lang)


def format_number(value: Any, lang: str) -> str:
    """Write a number as people of ``lang`` read it: ``1234,5`` (vi) or ``1234.5`` (en)."""
    if isinstance(value, bool):
        return str(value).lower()
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    return text.replace(".", _formats(lang)["decimal"])


def format_points(value: Decimal | None, lang: str) -> str:
    """Points and indexes as reports show them: two decimals, half up (the one display rounding
    rule): ``87,50`` (vi) / ``87.50`` (en); empty for None."""
    if value is None:
        return ""
    from parscore.decimals import quantize

    return format_number(quantize(value), lang)


def format_signed(value: Decimal, lang: str) -> str:
    """``+1,50`` / ``−0,25``: two decimals with a sign (a true minus sign)."""
    return ("+" if value >= 0 else "−") + format_points(abs(value), lang)


def format_percent(value: Decimal | None, lang: str) -> str:
    """``87,50%``; empty for None."""
    return "" if value is None else format_points(value, lang) + "%"


def format_date(value: _dt.date, lang: str = "vi") -> str:
    """A date as the language writes it: dd/mm/yyyy."""
    return value.strftime(_formats(lang)["date"])


def language_tag(lang: str) -> str:
    """The language's tag in a document's properties (``vi-VN``, ``en-GB``)."""
    return _formats(lang)["tag"]


def html_lang(lang: str) -> str:
    """The ``lang`` attribute of an HTML page in ``lang`` (``vi``, ``en``); Vietnamese for a
    language parscore does not know."""
    return _FORMATS.get(lang, _FORMATS["vi"])["html_lang"]


def format_size(size: int) -> Phrase:
    """A file's size as people say it, a message argument: ``30 MB``, ``1,5 KB`` (vi) /
    ``1.5 KB`` (en), ``900 byte`` / ``900 bytes``; one decimal, dropped when it is 0."""
    for code, factor in (("size.mb", 1024**2), ("size.kb", 1024)):
        if size >= factor:
            value = (Decimal(size) / factor).quantize(Decimal("0.1"))
            value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
            return Phrase(code, {"size": value})
    return Phrase("size.byte" if size == 1 else "size.bytes", {"size": size})


def _arg(value: Any, lang: str) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (Decimal, int)):
        return format_number(value, lang)
    if isinstance(value, _dt.date):
        return format_date(value, lang)
    if isinstance(value, dict) and set(value) == set(LANGS):
        return value[lang]
    return value


SHOWN_CHARS = 40
"""The most of one value (a key, a number, a text) a message about an input shows."""
LISTING_CHARS = 200
"""The most of an argument that lists several things, names a path, or wraps a value already
shortened in words (``found``: "the number 1234…")."""
_LISTINGS = frozenset(
    {
        "children",
        "choices",
        "detail",
        "expected",
        "first",
        "found",
        "inputs",
        "best",
        "known",
        "listing",
        "path",
        "paths",
        "reason",
        "second",
    }
)


def shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text``, or its first ``limit - 1`` characters and an ellipsis when it is longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render(
    code: str, args: Mapping[str, Any] | None = None, lang: str = "vi", *, short: bool = False
) -> str:
    """The text ``code`` in ``lang``, its arguments written in that language (a
    :class:`Phrase` argument is rendered in it too). With ``short`` (messages about inputs), no
    argument echoes more than a few dozen characters of what was typed (a 10,000-character key or
    a 5,000-digit number is cut, with an ellipsis), nor a line break or control character (a key
    typed as ``"9.9\\nx.yaml:3:4: ..."`` cannot print a line that looks like a message)."""
    templates = CATALOGUE.get(code)
    if templates is None:  # a programming error; say so plainly rather than hide it
        raise KeyError(f"no message for code {code!r}")
    template = templates[LANGS.index(lang)] if lang in LANGS else templates[1]
    values: dict[str, Any] = {}
    for key, value in (args or {}).items():
        if isinstance(value, Phrase):  # its own arguments are shortened by its own render
            values[key] = render(value.code, value.args, lang, short=short)
            continue
        value = _arg(value, lang)
        if short and isinstance(value, str):
            value = shorten(one_line(value), LISTING_CHARS if key in _LISTINGS else SHOWN_CHARS)
        values[key] = value
    return template.format(**values)


def reason(code: str, args: dict[str, Any] | None = None) -> Reason:
    """The reason ``code`` with ``args``: kept as a code with typed arguments, and rendered in
    both languages. A :class:`Phrase` argument is kept as its text in each language
    (``{"vi": ..., "en": ...}``), as the result format keeps a phrase."""
    from parscore.model.result import Reason, typed_value

    args = args or {}
    kept = {
        key: {lang: value.render(lang) for lang in LANGS} if isinstance(value, Phrase) else value
        for key, value in args.items()
    }
    return Reason(
        code=code,
        args={key: typed_value(value) for key, value in kept.items()},
        vi=render(code, args, "vi"),
        en=render(code, args, "en"),
    )


def closest(word: str, candidates: list[str], cutoff: float = 0.6) -> str | None:
    """The candidate ``word`` was most likely meant to be: one a single slip away (two letters
    swapped, one letter wrong, missing or extra: ``dnoe`` is ``done``, not ``note``), else the
    most similar by :mod:`difflib` above ``cutoff``; None when none is close."""
    import difflib

    slips = [c for c in candidates if len(word) >= 3 and _one_slip(word, c)]  # 'x' is no slip
    if slips:
        return max(slips, key=lambda c: difflib.SequenceMatcher(None, word, c).ratio())
    best = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return best[0] if best else None


def _one_slip(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one typing slip: a swap of two neighbours, one letter
    replaced, left out or added."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def suggestion(best: str | None) -> dict[str, Any]:
    """The ``suggestion`` argument for "did you mean ...?": a :class:`Phrase`, or nothing without
    a best guess."""
    if not best:
        return {"suggestion": ""}
    return {"suggestion": Phrase("hint.did-you-mean", {"best": shorten(best)})}
