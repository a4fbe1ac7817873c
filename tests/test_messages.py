"""Words built from catalogue codes: outcomes, a wrong value, a file's size, a phrase in a
result's reason."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parscore.messages import Phrase, format_size, html_lang, reason, render
from parscore.model.common import found
from parscore.model.result import Outcome
from parscore.report import outcome_text


@pytest.mark.parametrize(
    ("outcome", "vi", "en"),
    [
        (Outcome.MET, "đạt", "met"),
        (Outcome.PARTIAL, "đạt một phần", "partial"),
        (Outcome.UNMET, "không đạt", "unmet"),
        (Outcome.MISSING, "thiếu minh chứng", "missing evidence"),
        (Outcome.NOT_APPLICABLE, "không áp dụng", "not applicable"),
        (Outcome.OUTSIDE, "chấm từ bên ngoài", "scored outside"),
    ],
)
def test_every_outcome_has_its_words(outcome, vi, en):
    assert (outcome_text(outcome, "vi"), outcome_text(outcome, "en")) == (vi, en)


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (None, "giá trị trống", "nothing"),
        (True, "true", "true"),
        (Decimal("1.5"), "số 1,5", "the number 1.5"),
        (10**50, "số " + "1" + "0" * 38 + "…", "the number " + "1" + "0" * 38 + "…"),
        ("a\nb", "'a\\nb'", "'a\\nb'"),
        ({}, "một bảng khóa: giá trị", "a mapping"),
        ([], "một danh sách", "a list"),
        (1.5, "float", "float"),
    ],
)
def test_a_wrong_value_in_words(value, vi, en):
    args = {"found": found(value)}
    assert render("value.expected-bool", args, "vi", short=True) == (
        f"cần true hoặc false, nhận được {vi}"
    )
    assert render("value.expected-bool", args, "en", short=True) == (
        f"expected true or false, got {en}"
    )


@pytest.mark.parametrize(
    ("size", "vi", "en"),
    [
        (1, "1 byte", "1 byte"),
        (900, "900 byte", "900 bytes"),
        (1536, "1,5 KB", "1.5 KB"),
        (30 * 1024**2, "30 MB", "30 MB"),
    ],
)
def test_a_size_in_words(size, vi, en):
    assert (format_size(size).render("vi"), format_size(size).render("en")) == (vi, en)


def test_a_phrase_in_a_reason_is_kept_in_both_languages():
    kept = reason("reason.nothing-zero", {"why": Phrase("reason.total-zero")})
    assert kept.args == {"why": {"vi": "tổng số bằng 0", "en": "the total is 0"}}
    assert kept.vi == "không phát sinh (tổng số bằng 0): 0 điểm"
    assert kept.en == "nothing occurred (the total is 0): 0 points"


def test_the_html_page_language():
    assert (html_lang("vi"), html_lang("en")) == ("vi", "en")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("dnoe", "done"),  # two letters swapped: not 'note', which difflib alone prefers
        ("don", "done"),  # one left out
        ("mett", "met"),  # one added
        ("on_tme", "on_time"),
        ("plannde", "planned"),
        ("zzz", None),
        ("x", None),  # a letter or two is no slip of anything
    ],
)
def test_a_slip_is_taken_for_what_was_meant(typed, meant):
    from parscore.messages import closest

    keys = ["done", "planned", "percent", "met", "on_time", "note", "documents", "claimed"]
    assert closest(typed, keys) == meant
