"""The comparison as one self-contained HTML page, designed for a province of 100 to 300 communes:
a summary that fits a screen, one ranking table with the district, who missed full points,
sticky headers, print rules; escaped, deterministic, and of a size that grows slowly."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from html.parser import HTMLParser

import pytest

# the same markup-named commune and left-out file as the other comparison formats' tests
from test_compare_formats import ESCAPED, EVIL, EXCLUDED, scored_examples  # noqa: E402

from parscore.compare import Comparison, UnitRef, compare, outline_of, summarize
from parscore.decimals import quantize_fraction
from parscore.messages import format_points, format_signed
from parscore.model.evidence import Parent
from parscore.report.common import Options
from parscore.report.html import INLINE_NAMES, band_colour, heat_colour, page, to_html

DISTRICTS = ["Quế Sơn", "Vĩnh Linh", "Đại Lộc", "Thăng Bình", "Núi Thành", "Duy Xuyên"]


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory):
    results, criteria = scored_examples(tmp_path_factory)
    return results, [b.name for b in criteria.bands], outline_of(criteria.fields, criteria.bands)


@pytest.fixture(scope="module")
def comparison(parts) -> Comparison:
    results, bands, _ = parts
    return compare(results, bands, excluded=[EXCLUDED])


@pytest.fixture(scope="module")
def html(comparison) -> str:
    return to_html(comparison, Options())


def province(parts, size: int, group_by: str = "province") -> Comparison:
    """``size`` communes of one province in six districts: the shipped examples' scores under
    new names (many ties, which is fine for layout)."""
    results, _, outline = parts
    summaries = [summarize(r) for r in results if r.unit.name != EVIL]
    made = []
    for i in range(size):
        base = summaries[i % len(summaries)]
        parents = [
            Parent(level="district", name=DISTRICTS[i % len(DISTRICTS)]),
            Parent(level="province", name="Quảng Nam"),
        ]
        unit = base.unit.model_copy(
            update={"name": f"Xã Thử {i:03d}", "code": f"{i:05d}", "parents": parents}
        )
        made.append(base.model_copy(update={"unit": unit, "source": f"x{i:03d}.yaml"}))
    return compare(made, outline=outline, group_by=group_by)


VOID = {"meta", "link", "br", "hr", "img", "input", "col", "area", "base", "wbr", "source"}


class Checker(HTMLParser):
    """Walks the page; every element opened is closed, in order; collects ids and links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        found = dict(attrs)
        if "id" in found:
            self.ids.append(found["id"])
        if tag == "a":
            self.links.append(found["href"])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()


def walk(text: str) -> Checker:
    checker = Checker()
    checker.feed(text)
    checker.close()
    assert checker.stack == []
    return checker


def section(text: str, name: str) -> str:
    return re.findall(rf'<section id="{name}".*?</section>', text, re.S)[0]


def ranking_rows(text: str) -> list[list[str]]:
    """The ranking's commune rows as lists of cell texts (tags removed)."""
    table = re.findall(r'<table class="ranking">.*?</table>', text, re.S)[0]
    rows = re.findall(r"<tr><td.*?</tr>", table, re.S)
    return [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td.*?</td>", r, re.S)] for r in rows]


class Widths(HTMLParser):
    """Every table's rows as their widths in columns (a cell's colspan counted)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[int]] = []
        self.open: list[list[int]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.open.append([])
        elif tag == "tr":
            self.open[-1].append(0)
        elif tag in ("td", "th"):
            self.open[-1][-1] += int(dict(attrs).get("colspan") or 1)

    def handle_endtag(self, tag):
        if tag == "table":
            self.tables.append(self.open.pop())


# --- one page, self-contained, well formed -------------------------------------------------------


def test_one_well_formed_self_contained_page(html):
    checker = walk(html)
    assert html.startswith('<!DOCTYPE html>\n<html lang="vi">')
    assert '<meta charset="utf-8">' in html
    assert checker.tags.count("html") == 1 and checker.tags.count("style") == 1
    lowered = html.lower()
    assert "<script" not in lowered and "<svg" not in lowered  # no chart repeating the ranking
    assert "http://" not in lowered and "https://" not in lowered
    for tag in ("link", "img", "iframe", "object", "embed"):
        assert tag not in checker.tags
    assert "url(" not in lowered and "@import" not in lowered


def test_contents_link_to_every_section_and_group(html, comparison):
    checker = walk(html)
    assert len(checker.ids) == len(set(checker.ids))
    targets = [link[1:] for link in checker.links]
    assert all(target in checker.ids for target in targets), (targets, checker.ids)
    for name in ("overview", "ranking", "missed", "excluded"):
        assert name in targets
    assert [t for t in targets if t.startswith("rank-g")][: len(comparison.groups)] == [
        f"rank-g{i}" for i in range(1, len(comparison.groups) + 1)
    ]


def test_headers_stay_visible_and_the_page_prints_without_split_rows(html):
    style = re.findall(r"<style>(.*?)</style>", html, re.S)[0]
    assert re.search(r"thead th \{ position: sticky; top: 0;", style)
    printing = style[style.index("@media print") :]
    assert "@page { size: A4 landscape;" in style
    assert "thead { display: table-header-group; }" in printing
    assert "tr, .keep { break-inside: avoid; }" in printing
    assert "section + section { break-before: page; }" in printing
    assert "details::details-content { content-visibility: visible;" in printing  # names print
    assert "details p { display: inline; margin: 0; }" in printing  # districts run on
    assert "nav.toc { display: none; }" in printing
    assert "print-color-adjust: exact" in style
    # the summary's small tables are kept whole
    assert len(re.findall(r'<table class="[a-z]+ wide keep">', section(html, "overview"))) >= 3


def test_vietnamese_text_is_intact(html):
    assert unicodedata.is_normalized("NFC", html)
    for text in ("Huyện Quế Sơn", "Huyện Vĩnh Linh", "Tổng quan", "Đông Phú", "Mục lục"):
        assert text in html
    assert "85,67" in html  # decimal comma


def test_in_english(comparison):
    text = to_html(comparison, Options(lang="en"))
    walk(text)
    assert '<html lang="en">' in text
    assert "<h1>PAR INDEX comparison 2023</h1>" in text
    assert "Quế Sơn district" in text and "Sub-criteria: units short of full points" in text
    assert "85.67" in text and "85,67" not in text


def test_title_names_year_set_and_province(parts):
    text = to_html(province(parts, 12), Options())
    assert "<h1>So sánh Chỉ số CCHC năm 2023 — Tỉnh Quảng Nam</h1>" in text
    assert (
        "<title>So sánh Chỉ số CCHC năm 2023 — bộ tiêu chí ref-commune-2023 (1.0) — xếp hạng "
        "theo tỉnh (12 đơn vị)</title>"
    ) in text


# --- escaping ------------------------------------------------------------------------------------


def test_every_text_from_the_files_is_escaped(html, comparison):
    assert EVIL not in html
    assert ESCAPED in section(html, "ranking")
    assert "<b>1,5</b>" not in html and "&lt;b&gt;1,5&lt;/b&gt;" in html  # excluded message
    # the hostile commune misses most sub-criteria: its name is in the lists of who missed
    assert ESCAPED in section(html, "missed")


def test_listed_units_are_escaped_too(comparison):
    hostile = UnitRef(name=EVIL, code="<i>1</i>", kind="xã", source="<b>f</b>.yaml", year=2023)
    listed = comparison.model_copy(update={"not_assessed": [hostile], "ungrouped": [hostile]})
    text = to_html(listed, Options())
    walk(text)
    assert EVIL not in text and "<i>1</i>" not in text and "<b>f</b>" not in text
    assert text.count(ESCAPED) >= 2 + section(text, "ranking").count(ESCAPED)


# --- the summary fits a screen -------------------------------------------------------------------


def overview_rows(text: str) -> int:
    return section(text, "overview").count("<tr>")


def test_summary_does_not_grow_with_the_communes(parts):
    small, large = province(parts, 30, "district"), province(parts, 300, "district")
    assert overview_rows(to_html(small, Options())) == overview_rows(to_html(large, Options()))
    rows = overview_rows(to_html(large, Options()))
    # header rows, 5 bands, 8 fields, 6 districts and everyone, at most 6 sub-criteria
    assert rows <= 4 + 5 + 8 + 7 + 6, rows


def test_summary_counts_bands_over_every_group(parts):
    district = province(parts, 60, "district")
    info = page(district, Options())
    counts = [int(line.count) for line in info.overview.bands]
    assert sum(counts) == 60
    assert counts[:5] == [sum(g.bands[i].count for g in district.groups) for i in range(5)]
    assert [line.colour for line in info.overview.bands[:5]] == [
        band_colour(i, 5) for i in range(5)
    ]


def test_the_whole_page_mean_is_the_exact_mean_rounded_once(parts):
    district = province(parts, 60, "district")
    info = page(district, Options())
    rows = [r for g in district.groups for r in g.ranking]
    exact = sum(Fraction(r.total) * 100 / Fraction(r.applicable_max) for r in rows) / len(rows)
    assert info.overview.mean == f"{quantize_fraction(exact):f}".replace(".", ",") + "%"
    assert info.overview.total is not None and info.overview.total.units == "60"
    assert len(info.overview.groups) == len(DISTRICTS)
    # one group: the fields' mean and median are the group's, exact in the model
    one = province(parts, 30)
    fields = page(one, Options()).overview.fields
    assert [f.mean.text if f.mean else None for f in fields] == [
        f"{s.mean:f}".replace(".", ",") if s.mean is not None else "" for s in one.groups[0].fields
    ]
    # several groups: the fields' mean and median over every ranked unit, exact in the model
    assert [(f.mean.text, f.median.text) for f in info.overview.fields if f.mean and f.median] == [
        (format_points(s.mean, "vi"), format_points(s.median, "vi")) for s in district.fields
    ]
    assert info.overview.total.fields[0].text == format_points(district.fields[0].mean, "vi")


# --- the ranking ---------------------------------------------------------------------------------


def test_ranking_has_the_district_of_every_commune(parts):
    district = province(parts, 60, "district")
    text = to_html(district, Options())
    table = re.findall(r'<table class="ranking">.*?</table>', text, re.S)[0]
    assert "<th>Huyện</th>" in table
    rows = ranking_rows(text)
    assert len(rows) == 60
    names = {r.unit.name: r.unit.group for g in district.groups for r in g.ranking}
    for cells in rows:
        name = cells[1].rsplit(" ", 1)[0]
        assert cells[2] == names[name], cells
    assert table.count("<tbody>") == len(DISTRICTS)  # one block per district, one header


def test_one_province_is_one_ranking_of_three_hundred(parts):
    text = to_html(province(parts, 300), Options())
    rows = ranking_rows(text)
    assert len(rows) == 300
    assert rows[0][0].endswith("/300") and rows[-1][0].endswith("/300")
    table = re.findall(r'<table class="ranking">.*?</table>', text, re.S)[0]
    assert table.count("<thead>") == 1 and table.count("<tbody>") == 1
    # ranked by province, each commune still shows the (former) district its file names
    assert "<th>Huyện</th>" in table
    for i, cells in enumerate(sorted(rows, key=lambda c: c[1])):
        assert cells[2] == DISTRICTS[i % len(DISTRICTS)], cells


def test_a_three_hundred_commune_page_stays_small(parts):
    """The page of issue #12 measured 13,600 pixels for 103 communes, with a bar per commune
    and a list of every name with full points. Measured on this fixture (300 communes, one
    province): the old page 647,290 bytes, this one 358,094 (1,194 a commune, most of it the
    names of who missed); the bound is 60 % of the old page."""
    text = to_html(province(parts, 300), Options())
    assert len(text.encode("utf-8")) < 300 * 1300, len(text)
    assert "<svg" not in text and "<rect" not in text


def test_ties_share_a_rank(parts):
    results, bands, _ = parts
    twin = next(r for r in results if r.unit.name == "Quế Minh")
    twin = twin.model_copy(update={"source": "twin.yaml"})
    tied = compare([*results, twin], bands)
    ranks = [cells[0] for cells in ranking_rows(to_html(tied, Options()))]
    assert ranks[:5] == ["1/5", "1/5", "3/5", "4/5", "5/5"]


def test_applicable_maximum_is_shown_where_it_differs(html, comparison, parts):
    rows = [r for g in comparison.groups for r in g.ranking]
    reduced = [r for r in rows if r.reduced_max is not None]
    assert reduced, "a shipped example has a sub-criterion that does not apply"
    cells = {cells[1].rsplit(" ", 1)[0]: cells for cells in ranking_rows(html)}
    assert '<th class="num">Tối đa áp dụng</th>' in section(html, "ranking")
    for r in rows:
        shown = cells[r.unit.name.replace("<", "&lt;").replace(">", "&gt;")][7]  # after total
        assert shown == ("" if r.reduced_max is None else f"{r.reduced_max:.2f}".replace(".", ","))
    assert "Chỉ số CCHC = tổng điểm / điểm tối đa áp dụng × 100" in section(html, "ranking")
    # nobody's maximum reduced: no column, no note
    results, bands, _ = parts
    whole = [r for r in results if r.totals.applicable_max == r.totals.max]
    assert 0 < len(whole) < len(results)
    text = to_html(compare(whole, bands), Options())
    assert "Tối đa áp dụng" not in text and "tổng điểm / điểm tối đa áp dụng" not in text


def test_weakest_field_or_a_dash_when_none_is_below_the_median(parts):
    one = province(parts, 30)
    rows = ranking_rows(to_html(one, Options()))
    for matrix, cells in zip(one.groups[0].matrix, rows, strict=True):
        if matrix.weakest_field is not None and matrix.weakest_gap is not None:
            gap = format_signed(matrix.weakest_gap, "vi")  # as the text and the workbook show it
            assert cells[-1] == f"{matrix.weakest_field} ({gap})"
        else:
            assert cells[-1] == ("–" if matrix.no_weakest == "at-or-above-median" else "")
    assert any(cells[-1] == "–" for cells in rows) and any(cells[-1] not in "–" for cells in rows)


def test_ungrouped_comparison(parts):
    results, bands, _ = parts
    flat = compare(results, bands, group_by="none")
    text = to_html(flat, Options())
    walk(text)
    assert "Tất cả các đơn vị" in text
    assert len(ranking_rows(text)) == len(results)
    districts = {r.unit.district for g in flat.groups for r in g.ranking}
    assert districts == {"Vĩnh Linh", "Quế Sơn"}
    assert "<th>Huyện</th>" in text  # the district each file names, whatever the grouping
    nameless = compare(
        [r.model_copy(update={"unit": r.unit.model_copy(update={"parents": []})}) for r in results],
        bands,
        group_by="none",
    )
    assert "<th>Huyện</th>" not in to_html(nameless, Options())  # no file names one


# --- who missed full points ----------------------------------------------------------------------


def test_who_missed_full_points_is_listed_not_who_got_them(parts):
    one = province(parts, 30)
    info = page(one, Options())
    group = one.groups[0]
    lines = [line for block in info.items for line in block.items]
    assert len(lines) == len(group.items)
    # each made-up commune i is a copy of the shipped example i % 5: its own summary says
    # which sub-criteria it had full points on and which did not apply to it
    results = parts[0]
    summaries = [summarize(r) for r in results if r.unit.name != EVIL]
    base = {f"Xã Thử {i:03d}": summaries[i % len(summaries)] for i in range(30)}
    for stat, line in zip(group.items, lines, strict=True):
        short = [
            r.unit.name
            for r in group.ranking
            if stat.id not in base[r.unit.name].full
            and stat.id not in base[r.unit.name].not_applicable
        ]
        assert line.missed == f"{len(short)}/{stat.applicable}"
        shown = line.inline.split(", ") if line.inline else []
        shown += [n for g in line.groups for n in g.names.split(", ")]
        assert shown == short, stat.id  # never a commune the sub-criterion does not apply to
        assert bool(line.groups) == (len(short) > INLINE_NAMES)
        assert bool(line.note) == (stat.applicable < len(group.ranking))
    assert any(line.note for line in lines)  # 6.4 does not apply to Vĩnh Long's copies


def test_long_lists_are_folded_by_district_and_short_ones_inline(parts):
    district = province(parts, 60, "district")
    text = to_html(district, Options())
    missed = section(text, "missed")
    assert "<details><summary>" in missed
    assert re.search(r"<p><b>Quế Sơn \(\d+\)</b>: Xã Thử", missed)
    assert "Tất cả đạt điểm tối đa" in missed or "đơn vị</summary>" in missed
    info = page(district, Options())
    inline = [i for b in info.items for i in b.items if i.inline]
    for item in inline:  # a few names, each with its district
        assert all(re.fullmatch(r"Xã Thử \d{3} \(.+\)", n) for n in item.inline.split(", "))


def test_most_missed_sub_criteria_come_first_in_the_summary(parts):
    info = page(province(parts, 30), Options())
    shares = [item.missed_share for item in info.overview.most_missed]
    assert shares == sorted(shares, reverse=True) and all(shares)
    every = [i.missed_share for b in info.items for i in b.items]
    assert shares[0] == max(every)


# --- units listed apart, nothing ranked ----------------------------------------------------------


def test_units_not_assessed_and_without_a_group_are_listed(comparison):
    blank = UnitRef(name="Tân Hiệp", code="00999", kind="xã", source="tan-hiep.yaml", year=2023)
    lost = UnitRef(name="Bình Minh", kind="phường", source="binh-minh.yaml", year=2023)
    listed = comparison.model_copy(update={"not_assessed": [blank], "ungrouped": [lost]})
    text = to_html(listed, Options())
    walk(text)
    assert "1 đơn vị chưa tự đánh giá" in text and "1 đơn vị không ghi cấp xếp nhóm" in text
    assert "Tân Hiệp" in section(text, "not-assessed") and "00999" in text
    assert "Bình Minh" in section(text, "ungrouped-district")
    assert '<a href="#not-assessed">' in text and '<a href="#ungrouped-district">' in text
    assert "<h2>Đơn vị không ghi huyện</h2>" in text  # the words of every comparison format


def test_a_page_with_nothing_ranked(comparison):
    blank = UnitRef(name="Tân Hiệp", kind="xã", source="tan-hiep.yaml", year=2023)
    empty = comparison.model_copy(update={"groups": [], "not_assessed": [blank]})
    text = to_html(empty, Options())
    walk(text)
    assert "Không có đơn vị nào được xếp hạng." in text
    assert 'id="ranking"' not in text and "Tân Hiệp" in text


# --- determinism and colours ---------------------------------------------------------------------


def test_deterministic(comparison, html, parts):
    assert to_html(comparison, Options()) == html
    big = province(parts, 120, "district")
    assert to_html(big, Options()) == to_html(big, Options())


def test_heat_colour_goes_red_yellow_green():
    assert heat_colour(None) is None
    assert heat_colour(Decimal(0)) == "#f8696b"
    assert heat_colour(Decimal(50)) == "#ffeb84"
    assert heat_colour(Decimal(100)) == "#63be7b"
    assert heat_colour(Decimal(120)) == heat_colour(Decimal(100))
    assert heat_colour(Decimal(-5)) == heat_colour(Decimal(0))
    assert heat_colour(Decimal("75")) not in {"#ffeb84", "#63be7b"}


def test_band_colours_go_from_green_to_red():
    assert band_colour(0, 5) == "#63be7b" and band_colour(4, 5) == "#f8696b"
    assert band_colour(2, 5) == "#ffeb84" and band_colour(0, 1) == "#63be7b"


@pytest.mark.parametrize("group_by", ["district", "province", "none"])
def test_every_table_row_has_as_many_cells_as_its_header(parts, group_by):
    """A heading missing over two columns shifts every figure under the wrong heading (the
    fields overview once had four headings over six cells when ranked by district)."""
    for lang in ("vi", "en"):
        widths = Widths()
        widths.feed(to_html(province(parts, 60, group_by), Options(lang=lang)))
        assert widths.tables
        for rows in widths.tables:
            assert len(set(rows)) == 1, rows
