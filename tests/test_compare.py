"""Comparing communes (parscore.compare): rankings, groups, bands, field matrices, full points.

First against a published table (Bình Dương 2017, district level; tests/data/binh-duong-2017/),
then the pure comparison on small sets scored from evidence written to tmp_path against
tests/data/mini-set.yaml, and last properties of the ranking checked with hypothesis.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parscore.compare import (
    Comparison,
    Excluded,
    compare,
    default_group_by,
    exact_percents,
    has_evidence,
    mean,
    median,
    outline_of,
    rank,
    summarize,
)
from parscore.decimals import percent, quantize
from parscore.engine import evaluate
from parscore.loading import CriteriaResolver, load_evidence
from parscore.model.result import CriteriaRef, Notice, UnitResult

DATA = Path(__file__).parent / "data"
BINH_DUONG = DATA / "binh-duong-2017"

D = Decimal


# --- Bình Dương 2017: the check against a published table ---------------------------------------


@pytest.fixture(scope="module")
def binh_duong() -> Comparison:
    resolver = CriteriaResolver()
    paths = sorted(BINH_DUONG.glob("*-2017.yaml"))
    assert len(paths) == 9
    results = [evaluate(load_evidence(path, resolver)) for path in paths]
    cs = resolver.load(str(BINH_DUONG / "set.yaml"))
    return compare(results, [band.name for band in cs.bands])


def _row(comparison: Comparison, name: str):
    return next(row for g in comparison.groups for row in g.ranking if row.unit.name == name)


# The published table, every figure as published (DOMAIN.md section 9): rank, unit, appraisal
# (of 65), survey (of 35), total (= index, out of 100).
BINH_DUONG_2017 = [
    (1, "Thủ Dầu Một", "51.75", "32.83", "84.58"),
    (2, "Tân Uyên", "48.75", "33.25", "82.00"),
    (3, "Bàu Bàng", "47.45", "32.82", "80.27"),
    (4, "Thuận An", "46.8", "32.24", "79.04"),
    (5, "Dĩ An", "46.5", "31.56", "78.06"),
    (6, "Bến Cát", "45.75", "32.08", "77.83"),
    (7, "Dầu Tiếng", "44", "32.22", "76.22"),
    (8, "Phú Giáo", "46", "30.03", "76.03"),
    (9, "Bắc Tân Uyên", "40.45", "31.01", "71.46"),
]


def test_binh_duong_2017_published_totals_and_ranks(binh_duong):
    # the files name only the province: one group, the province
    assert binh_duong.group_by == "province"
    assert [g.name for g in binh_duong.groups] == ["Bình Dương"]
    (group,) = binh_duong.groups
    got = [
        (row.rank, row.unit.name, row.appraisal, row.survey, row.total, row.index, row.of)
        for row in group.ranking
    ]
    want = [(r, n, D(a), D(s), D(t), D(t), 9) for r, n, a, s, t in BINH_DUONG_2017]
    assert got == want
    # Dĩ An is fifth, as published (invented totals used to rank it second)
    assert _row(binh_duong, "Dĩ An").rank == 5
    # rank follows the total, not the appraisal
    dau_tieng, phu_giao = _row(binh_duong, "Dầu Tiếng"), _row(binh_duong, "Phú Giáo")
    assert phu_giao.appraisal > dau_tieng.appraisal and phu_giao.rank > dau_tieng.rank


def test_binh_duong_2017_mean_index_and_bands(binh_duong):
    (group,) = binh_duong.groups
    # 705.49 / 9 = 78.3877..., published as 78.39
    assert sum(D(t) for *_, t in BINH_DUONG_2017) == D("705.49")
    assert group.mean_index == D("78.39")
    assert str(group.mean_index) == "78.39"
    # the median is the fifth of nine: Dĩ An's 78.06
    assert group.median_index == D("78.06")
    # Tốt from 80: Thủ Dầu Một, Tân Uyên, Bàu Bàng; the six others Khá
    assert [(b.band.vi, b.count) for b in group.bands] == [("Xuất sắc", 0), ("Tốt", 3), ("Khá", 6)]
    ranks = [row.rank for row in group.ranking]
    assert ranks == list(range(1, 10))  # no ties in the table


def test_binh_duong_2017_appraisal_and_survey_means():
    """The means check (DOMAIN.md section 9) on the one published year whose every unit is
    known: the mean appraisal and mean survey of the nine, each rounded once, and their sum
    is the mean total."""
    appraisal = [D(a) for _, _, a, _, _ in BINH_DUONG_2017]
    survey = [D(s) for _, _, _, s, _ in BINH_DUONG_2017]
    # 417.45 / 9 = 46.3833...; 288.04 / 9 = 32.0044...
    assert sum(appraisal) == D("417.45") and sum(survey) == D("288.04")
    assert mean(appraisal) == D("46.38")
    assert mean(survey) == D("32.00")
    assert mean([a + s for a, s in zip(appraisal, survey, strict=True)]) == D("78.39")


def test_nam_dinh_2020_self_and_appraised_means_as_a_share_of_70():
    """Nam Định 2020 (DOMAIN.md section 9): districts' mean self-score 65.17 and mean appraised
    61.46 out of 70, published as 87.80%; departments' 64.75 and 62.62, published as 89.45%.
    parscore's one rounding rule gives 61.46 / 70 = 87.80% exactly. 62.62 / 70 = 89.457...%
    rounds to 89.46, not 89.45: the published share was taken from the mean before it was
    rounded to 62.62; every exact mean in [62.615, 62.6185) shows as 62.62 and gives 89.45%."""
    seventy = D(70)
    assert percent(D("61.46"), seventy) == D("87.80")
    assert percent(D("62.62"), seventy) == D("89.46")
    for exact in (D("62.615"), D("62.616"), D("62.6184")):
        assert quantize(exact) == D("62.62")
        assert percent(exact, seventy) == D("89.45")
    assert percent(D("62.6185"), seventy) == D("89.46")
    # self-scores above appraisal by the 2-4 points the published tables show
    assert D("65.17") - D("61.46") == D("3.71") and D("64.75") - D("62.62") == D("2.13")


def test_binh_duong_2017_units_are_district_level(binh_duong):
    kinds = {row.unit.name: row.unit.kind for row in binh_duong.groups[0].ranking}
    assert kinds["Thủ Dầu Một"] == "thành phố"
    assert kinds["Dĩ An"] == "thị xã"
    assert kinds["Phú Giáo"] == "huyện"


# --- small sets scored against tests/data/mini-set.yaml -----------------------------------------
#
# With every input at its best a commune scores 8 appraisal + 2 survey = 10 of 10: index 100.
# The survey points move the index in steps of 0.1 (S.1 = 1.5 gives 95).


def _parents(district: str | None, province: str | None) -> str:
    parents = []
    if district:
        parents.append(f"{{level: district, name: {district}}}")
    if province:
        parents.append(f"{{level: province, name: {province}}}")
    return "[" + ", ".join(parents) + "]"


def _evidence(
    name: str,
    *,
    district: str | None = "Vĩnh Linh",
    province: str | None = None,
    survey: str = "2",
    plan_date: str = "10/01/2023",
    done: int = 19,
    met: bool = True,
    dossiers: tuple[int, int] | None = (100, 100),
) -> str:
    if dossiers is None:
        dossiers_item = "{nothing_occurred: Năm 2023 không tiếp nhận hồ sơ}"
    else:
        dossiers_item = (
            f"{{on_time: {dossiers[0]}, received: {dossiers[1]}, "
            f"documents: [{{number: 2/BC, date: 01/12/2023}}]}}"
        )
    return f"""\
unit: {{name: {name}, kind: xã, parents: {_parents(district, province)}}}
year: 2023
criteria: set.yaml
items:
  "1.1": {{documents: [{{number: 1/KH-UBND, date: {plan_date}}}]}}
  "1.2": {{done: {done}, planned: 20, documents: [{{number: 1/BC, date: 12/12/2023}}]}}
  "1.3": {{met: {"true" if met else "false"}, explanation: Theo kết quả kiểm tra}}
  "2.1": {dossiers_item}
survey:
  S.1: {{points: {survey}}}
"""


class Scorer:
    """Writes evidence files to a folder beside a copy of the mini set and scores them."""

    def __init__(self, folder: Path, set_text: str):
        self.folder = folder
        (folder / "set.yaml").write_text(set_text, encoding="utf-8")
        self.resolver = CriteriaResolver()
        self.count = 0

    def __call__(self, name: str, **inputs) -> UnitResult:
        self.count += 1
        path = self.folder / f"u{self.count:02d}.yaml"
        path.write_text(_evidence(name, **inputs), encoding="utf-8")
        return evaluate(load_evidence(path, self.resolver))

    @property
    def bands(self):
        return [band.name for band in self.resolver.load(str(self.folder / "set.yaml")).bands]

    def compare(self, results, **kwargs) -> Comparison:
        return compare(results, self.bands, **kwargs)


MINI = (DATA / "mini-set.yaml").read_text(encoding="utf-8")


@pytest.fixture
def score(tmp_path: Path) -> Scorer:
    return Scorer(tmp_path, MINI)


def _ranking(group) -> list[tuple[int, int, str, Decimal]]:
    return [(row.rank, row.of, row.unit.name, row.index) for row in group.ranking]


def test_the_evidence_helper_scores_as_intended(score):
    assert score("A").totals.index == D(100)
    assert score("B", survey="1.5").totals.index == D(95)
    late = score("C", plan_date="06/02/2023", survey="1.51")
    assert late.totals.total == D("9.01") and late.totals.index == D("90.1")


# ranks and ties


def test_ties_share_a_rank_and_the_next_rank_skips(score):
    results = [
        score("Bốn", survey="1"),
        score("Hai", survey="1.5"),
        score("Một", survey="2"),
        score("Ba", survey="1.5"),
    ]
    (group,) = score.compare(results).groups
    assert _ranking(group) == [
        (1, 4, "Một", D(100)),
        (2, 4, "Ba", D(95)),
        (2, 4, "Hai", D(95)),
        (4, 4, "Bốn", D(90)),
    ]


def test_equal_indexes_in_vietnamese_alphabetical_order(score):
    # code-point order would give Dĩ, Zô, Đông: Đ comes after Z in Unicode, after D in Vietnamese
    results = [score(name, survey="1.5") for name in ("Zô", "Đông", "Dĩ")]
    results.append(score("Ánh", survey="1"))
    results.append(score("Yên", survey="2"))
    (group,) = score.compare(results).groups
    assert [(row.rank, row.unit.name) for row in group.ranking] == [
        (1, "Yên"),
        (2, "Dĩ"),
        (2, "Đông"),
        (2, "Zô"),
        (5, "Ánh"),
    ]
    assert [row.unit.name for row in rank(list(reversed(results)))] == [
        "Yên",
        "Dĩ",
        "Đông",
        "Zô",
        "Ánh",
    ]


def test_a_ranking_row_carries_the_totals(score):
    result = score("Vĩnh Chấp", plan_date="06/02/2023", met=False)
    (row,) = rank([result])
    t = result.totals
    assert (row.rank, row.of) == (1, 1)
    assert (row.total, row.appraisal, row.survey, row.bonus, row.penalty) == (
        t.total,
        t.appraisal,
        t.survey,
        t.bonus,
        t.penalty,
    )
    assert row.penalty == D("0.25")  # 1.3 unmet books a penalty
    assert row.band == t.band
    assert row.unit.source == result.source and row.unit.kind == "xã"


# groups


def test_default_group_by(score):
    district = score("A", district="Vĩnh Linh", province="Quảng Trị")
    district_only = score("B", district="Gio Linh")
    province_only = score("C", district=None, province="Quảng Trị")
    nothing = score("D", district=None, province=None)
    assert default_group_by([district, district_only]) == "district"
    assert default_group_by([province_only, district]) == "province"
    assert default_group_by([province_only, district_only]) == "none"
    assert default_group_by([district, nothing]) == "none"
    assert default_group_by([]) == "none"
    assert score.compare([district, district_only]).group_by == "district"
    assert score.compare([district, province_only]).group_by == "province"
    comparison = score.compare([province_only, district_only])
    assert comparison.group_by == "none"
    assert [g.name for g in comparison.groups] == [None]


def test_group_by_none_gives_one_group(score):
    results = [
        score("A", district="Vĩnh Linh"),
        score("B", district="Gio Linh", survey="1"),
        score("C", district="Vĩnh Linh", survey="1.5"),
    ]
    comparison = score.compare(results, group_by="none")
    assert comparison.group_by == "none"
    (group,) = comparison.groups
    assert group.name is None
    assert _ranking(group) == [(1, 3, "A", D(100)), (2, 3, "C", D(95)), (3, 3, "B", D(90))]
    assert comparison.compared == 3


def test_groups_in_vietnamese_order_each_ranking_its_own(score):
    results = [
        score("Tam Thăng", district="Tam Kỳ", survey="1"),
        score("Tam Phú", district="Tam Kỳ", survey="1.5"),
        score("Đại Hiệp", district="Đại Lộc", survey="2"),
        score("Duy Sơn", district="Duy Xuyên", survey="1.5"),
        score("Đại Hòa", district="Đại Lộc", survey="1.5"),
        score("Duy Trung", district="Duy Xuyên", survey="1.5"),
    ]
    comparison = score.compare(results)
    assert comparison.group_by == "district"
    # code-point order would put Đại Lộc last
    assert [g.name for g in comparison.groups] == ["Duy Xuyên", "Đại Lộc", "Tam Kỳ"]
    duy, dai, tam = comparison.groups
    assert _ranking(duy) == [(1, 2, "Duy Sơn", D(95)), (1, 2, "Duy Trung", D(95))]
    assert _ranking(dai) == [(1, 2, "Đại Hiệp", D(100)), (2, 2, "Đại Hòa", D(95))]
    assert _ranking(tam) == [(1, 2, "Tam Phú", D(95)), (2, 2, "Tam Thăng", D(90))]
    assert [g.mean_index for g in comparison.groups] == [D(95), D("97.5"), D("92.5")]
    assert comparison.compared == 6


def test_one_district_however_its_name_was_typed(score):
    """Spacing, case and invisible characters do not split a district into two groups."""
    results = [
        score("Tam Thăng", district="Tam Kỳ", survey="1"),
        score("Tam Phú", district="tam  kỳ\u200b", survey="1.5"),
        score("Đại Hiệp", district="Đại Lộc", survey="2"),
    ]
    comparison = score.compare(results)
    assert [g.name for g in comparison.groups] == ["Đại Lộc", "Tam Kỳ"]
    assert _ranking(comparison.groups[1]) == [(1, 2, "Tam Phú", D(95)), (2, 2, "Tam Thăng", D(90))]


def test_group_by_province_when_asked(score):
    results = [
        score("A", district="Vĩnh Linh", province="Quảng Trị"),
        score("B", district="Quế Sơn", province="Quảng Nam", survey="1"),
        score("C", district="Gio Linh", province="Quảng Trị", survey="1.5"),
    ]
    comparison = score.compare(results, group_by="province")
    assert [g.name for g in comparison.groups] == ["Quảng Nam", "Quảng Trị"]
    assert _ranking(comparison.groups[1]) == [(1, 2, "A", D(100)), (2, 2, "C", D(95))]


# bands, mean and median


def test_band_counts_include_every_band_in_the_sets_order(score):
    results = [score("A"), score("B", survey="1.5")]
    (group,) = score.compare(results).groups
    assert [(b.band.vi, b.band.en, b.count) for b in group.bands] == [
        ("Xuất sắc", "Excellent", 2),
        ("Tốt", "Good", 0),
        ("Khá", "Fair", 0),
    ]
    results.append(score("C", met=False, survey="0"))  # 6.5 - 0.25 = 6.25 of 10: Khá
    (group,) = score.compare(results).groups
    assert [b.count for b in group.bands] == [2, 0, 1]


def test_mean_and_median_index_odd_count(score):
    results = [score("A"), score("B", survey="1.51"), score("C", survey="1.01")]
    (group,) = score.compare(results).groups
    assert [row.index for row in group.ranking] == [D(100), D("95.1"), D("90.1")]
    assert group.mean_index == D("95.07")  # 285.2 / 3 = 95.0666...
    assert group.median_index == D("95.1")
    assert str(group.median_index) == "95.10"


def test_mean_and_median_index_even_count_round_half_up(score):
    results = [
        score("A"),
        score("B", survey="1.51"),
        score("C", survey="1.5"),
        score("D", survey="1"),
    ]
    (group,) = score.compare(results).groups
    assert str(group.mean_index) == "95.03"  # 380.1 / 4 = 95.025: half up, not half even
    assert str(group.median_index) == "95.05"  # (95.1 + 95) / 2


def test_mean_and_median_are_exact_and_round_half_up():
    assert mean([]) is None and median([]) is None
    assert str(median([D("0.02"), D("0.03")])) == "0.03"  # 0.025, half up
    assert str(median([D("0.03"), D("0.01"), D("0.02")])) == "0.02"
    assert str(mean([D("0.02"), D("0.03")])) == "0.03"
    assert str(mean([D("1.005")])) == "1.01"  # exact: no binary float on the way
    assert str(mean([D(1), D(2), D(2)])) == "1.67"
    assert str(median([D("80"), D("90"), D("70"), D("100")])) == "85.00"


# fields, matrix, weakest field, items


@pytest.fixture
def three(score):
    """A all full; B late plan (field 1: 87.5%) and 90/100 on time (field 2: 90%);
    C one-stop desk unmet (field 1: 62.5%) and 50/100 on time (field 2: 50%)."""
    results = [
        score("C", met=False, dossiers=(50, 100)),
        score("A"),
        score("B", plan_date="06/02/2023", dossiers=(90, 100)),
    ]
    (group,) = score.compare(results).groups
    return score, results, group


def test_field_stats(three):
    _, _, group = three
    assert [(f.id, f.name.vi) for f in group.fields] == [
        ("1", "Chỉ đạo điều hành"),
        ("2", "Thủ tục"),
    ]
    assert [(f.mean, f.median) for f in group.fields] == [
        (D("83.33"), D("87.5")),
        (D("80"), D("90")),
    ]


def test_matrix_percents_and_weakest_field(three):
    _, _, group = three
    rows = {row.unit.name: row for row in group.matrix}
    assert [row.unit.name for row in group.matrix] == ["A", "B", "C"]  # ranking order
    assert rows["A"].percents == {"1": D(100), "2": D(100)}
    assert rows["B"].percents == {"1": D("87.5"), "2": D(90)}
    assert rows["C"].percents == {"1": D("62.5"), "2": D(50)}
    # C: field 1 is 25 below its median, field 2 40 below: field 2
    assert (rows["C"].weakest_field, rows["C"].weakest_gap) == ("2", D(-40))
    assert rows["C"].no_weakest is None
    # A is above both medians, B at both: neither has a field below the group, so no weakest
    # field (the old comparison named A's field 2 at +10 and B's field 1 at 0)
    for name in ("A", "B"):
        assert (rows[name].weakest_field, rows[name].weakest_gap) == (None, None)
        assert rows[name].no_weakest == "at-or-above-median"


def test_weakest_field_tie_below_the_median_is_the_first_field(score):
    results = [
        score("A"),
        score("B"),
        score("C", done=14, dossiers=(60, 100)),  # 1.2: 70% -> 0.75, field 1 81.25%
    ]
    (group,) = score.compare(results).groups
    rows = {row.unit.name: row for row in group.matrix}
    assert rows["C"].percents == {"1": D("81.25"), "2": D(60)}
    assert rows["C"].weakest_field == "2"
    tie = score.compare([score("D"), score("E"), score("F", met=False, dossiers=(625, 1000))])
    rows = {row.unit.name: row for row in tie.groups[0].matrix}
    # field 1 62.5% and field 2 62.5%: both 37.5 below a median of 100
    assert rows["F"].percents == {"1": D("62.5"), "2": D("62.5")}
    assert (rows["F"].weakest_field, rows["F"].weakest_gap) == ("1", D("-37.5"))


def test_items_full_points(three):
    _, _, group = three
    items = {item.id: item for item in group.items}
    assert list(items) == ["1.1", "1.2", "1.3", "2.1"]  # the fields' sub-criteria, in order
    assert [(i.field, i.name.vi) for i in group.items] == [
        ("1", "Kế hoạch"),
        ("1", "Tỷ lệ"),
        ("1", "Một cửa"),
        ("2", "Đúng hạn"),
    ]
    assert items["1.1"].full == ["A", "C"]  # in ranking order; B issued its plan late
    assert items["1.2"].full == ["A", "B", "C"]
    assert items["1.3"].full == ["A", "B"]
    assert items["2.1"].full == ["A"]
    assert {i.applicable for i in group.items} == {3}


def test_not_applicable_communes_are_not_counted(tmp_path):
    set_text = MINI.replace(
        "when_nothing_occurred: full_points", "when_nothing_occurred: not_applicable"
    )
    assert set_text != MINI
    score = Scorer(tmp_path, set_text)
    results = [
        score("A", dossiers=None),  # nothing occurred: 2.1 leaves the denominator
        score("B"),
        score("C", dossiers=(50, 100)),
    ]
    assert results[0].totals.applicable_max == D(6) and results[0].totals.index == D(100)
    (group,) = score.compare(results).groups
    items = {item.id: item for item in group.items}
    assert (items["2.1"].full, items["2.1"].applicable) == (["B"], 2)
    assert (items["1.1"].full, items["1.1"].applicable) == (["A", "B", "C"], 3)
    # field 2 is out of A's matrix row and out of the field's statistics
    rows = {row.unit.name: row for row in group.matrix}
    assert rows["A"].percents == {"1": D(100), "2": None}
    # field 1 at 100%, the median: nothing below the group
    assert (rows["A"].weakest_field, rows["A"].no_weakest) == (None, "at-or-above-median")
    assert (rows["C"].weakest_field, rows["C"].weakest_gap) == ("2", D(-25))  # 50 vs 75
    assert [(f.mean, f.median) for f in group.fields][1] == (D(75), D(75))


def test_nothing_occurred_with_full_points_counts_as_full(score):
    results = [score("A", dossiers=None), score("B", dossiers=(50, 100))]
    (group,) = score.compare(results).groups
    item = next(i for i in group.items if i.id == "2.1")
    assert (item.full, item.applicable) == (["A"], 2)


# the whole comparison


def test_comparison_json_parses_back_unchanged(score):
    results = [
        score("Đông", district="Quế Sơn", province="Quảng Nam", survey="1.5"),
        score("Dĩ", district="Quế Sơn", province="Quảng Nam", survey="1.5"),
        score("Hồ Xá", district="Vĩnh Linh", province="Quảng Trị", met=False),
        score("Vĩnh Chấp", district="Vĩnh Linh", province="Quảng Trị", dossiers=None),
    ]
    notice = Notice(
        file="z.yaml", line=3, column=5, code="evidence.unknown-id", message={"vi": "x", "en": "x"}
    )
    excluded = [Excluded(file="z.yaml", problems=[notice]), Excluded(file="b.yaml", problems=[])]
    comparison = score.compare(results, excluded=excluded)
    assert [e.file for e in comparison.excluded] == ["b.yaml", "z.yaml"]
    text = comparison.model_dump_json()
    again = Comparison.model_validate_json(text)
    assert again == comparison
    assert again.model_dump_json() == text
    assert comparison.format == "parscore-comparison/5"
    assert comparison.criteria == results[0].criteria
    assert [f.id for f in comparison.fields] == ["1", "2"]
    # the whole comparison's field figures: every ranked unit of both districts together,
    # from the exact shares (not the mean of the groups' means, nor of rounded shares)
    shares = [exact_percents(summarize(r)) for r in results if has_evidence(r)]
    for stat in comparison.fields:
        values = [p for share in shares if (p := share.get(stat.id)) is not None]
        assert (stat.mean, stat.median) == (mean(values), median(values))
    assert any(stat.mean is not None for stat in comparison.fields)


def test_refuses_results_from_different_criteria_sets(score):
    one = score("A")
    other = one.model_copy(
        update={
            "criteria": CriteriaRef(
                id="other-2023", version="1", year=2023, title=one.criteria.title
            ),
            "source": "other.yaml",
        }
    )
    with pytest.raises(ValueError, match="different criteria sets"):
        score.compare([one, other])
    newer = one.model_copy(
        update={"criteria": one.criteria.model_copy(update={"version": "2"}), "source": "v2.yaml"}
    )
    with pytest.raises(ValueError):
        score.compare([one, newer])


def test_refuses_nothing_to_compare(score):
    with pytest.raises(ValueError, match="nothing to compare"):
        compare([], score.bands)


# --- properties of the ranking ------------------------------------------------------------------

BASE = evaluate(load_evidence(BINH_DUONG / "thu-dau-mot-2017.yaml", CriteriaResolver()))
NAMES = ["Dĩ An", "Đông Hòa", "An Phú", "Ấp Một", "Zô", "Tân Uyên", "Bình An"]
indexes = st.one_of(
    st.integers(9990, 10000).map(lambda n: D(n).scaleb(-2)),  # many ties
    st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False),
)


def _result(position: int, name: str, index: Decimal) -> UnitResult:
    return BASE.model_copy(
        update={
            "source": f"f{position:02d}.yaml",
            "unit": BASE.unit.model_copy(update={"name": name}),
            "totals": BASE.totals.model_copy(update={"index": index}),
        }
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    units=st.lists(st.tuples(st.sampled_from(NAMES), indexes), min_size=1, max_size=12),
    data=st.data(),
)
def test_ranking_properties(units, data):
    results = [_result(i, name, index) for i, (name, index) in enumerate(units)]
    rows = rank(results)
    n = len(results)
    assert sorted(row.unit.source for row in rows) == sorted(r.source for r in results)
    assert all(row.of == n for row in rows)
    assert [row.index for row in rows] == sorted((r.totals.index for r in results), reverse=True)
    ranks = [row.rank for row in rows]
    assert ranks == sorted(ranks) and ranks[0] == 1
    all_indexes = [r.totals.index for r in results]
    for row in rows:
        assert row.rank == 1 + sum(1 for i in all_indexes if i > row.index)
    # the order of the input changes nothing
    shuffled = data.draw(st.permutations(results))
    assert rank(shuffled) == rows
    bands = [BASE.totals.band] if BASE.totals.band else []
    assert compare(shuffled, bands) == compare(results, bands)


def test_unit_identity_ignores_spacing_invisible_characters_and_case():
    from parscore.batch import unit_identity
    from parscore.model.evidence import Parent, Unit

    def summary(name: str, code: str | None, district: str) -> Any:
        unit = Unit.model_construct(
            name=name,
            code=code,
            kind="xã",
            parents=[Parent.model_construct(level="district", name=district, code=None)],
        )
        return SimpleNamespace(unit=unit, year=2023)

    # as an entry read back from a cache, or built by another program: not checked on load
    assert unit_identity(summary("A", "19213", "B")) == unit_identity(summary("A", "19213 ", "B"))
    assert unit_identity(summary("A", "\u200b19213", "B")) == unit_identity(
        summary("A", "19213", "B")
    )
    same = [
        summary("Vĩnh Chấp", None, "Vĩnh Linh"),
        summary(" vĩnh\u00a0chấp\u200b", None, "VĨNH  LINH\ufeff"),
        summary("Vi\u0303nh Cha\u0302\u0301p", None, "Vĩnh\u3000Linh"),
    ]
    assert len({unit_identity(s) for s in same}) == 1
    assert unit_identity(summary("Vĩnh Chấp", None, "Vĩnh Linh")) != unit_identity(
        summary("Vĩnh Chấp", None, "Vĩnh Long")
    )


# --- issue #12: not assessed, ungrouped, one year, exact derived figures -------------------------


def _bare(score: Scorer, name: str, items: str = "", extra: str = "") -> UnitResult:
    """A file with the given items only (none: an unfilled file)."""
    score.count += 1
    path = score.folder / f"b{score.count:02d}.yaml"
    body = f"items:\n{items}" if items else ""
    path.write_text(
        f"unit: {{name: {name}, kind: xã, parents: [{{level: district, name: Vĩnh Linh}}]}}\n"
        f"year: 2023\ncriteria: set.yaml\n{body}{extra}",
        encoding="utf-8",
    )
    return evaluate(load_evidence(path, score.resolver))


@pytest.mark.parametrize(
    ("items", "extra"),
    [
        ('  "1.3": {met: false}\n', ""),  # an input
        ('  "1.1": {documents: [{number: 1/KH-UBND, date: 10/01/2023}]}\n', ""),
        ('  "1.3": {explanation: Chưa kiểm tra}\n', ""),
        ('  "2.1": {nothing_occurred: Không tiếp nhận hồ sơ}\n', ""),
        ('  "1.3": {claimed: 1.5}\n', ""),
        ("", "survey:\n  S.1: {points: 1}\n"),
        ("", "bonus:\n  - reason: Sáng kiến\n"),
    ],
)
def test_any_evidence_at_all_makes_a_unit_assessed(score, items, extra):
    assert has_evidence(_bare(score, "A", items, extra))


def test_an_empty_file_is_not_assessed_and_left_out_of_every_figure(score):
    empty = _bare(score, "Trống")
    assert not has_evidence(empty) and not summarize(empty).assessed
    assert empty.totals.index == D(0)  # what it would have been ranked at
    results = [score("A"), score("B", survey="1"), empty]
    comparison = score.compare(results)
    (group,) = comparison.groups
    assert _ranking(group) == [(1, 2, "A", D(100)), (2, 2, "B", D(90))]
    assert (group.mean_index, group.median_index) == (D(95), D(95))
    assert sum(b.count for b in group.bands) == 2
    assert [m.unit.name for m in group.matrix] == ["A", "B"]
    assert {i.applicable for i in group.items} == {2}
    assert [(u.name, u.group, u.year) for u in comparison.not_assessed] == [
        ("Trống", "Vĩnh Linh", 2023)
    ]
    assert comparison.ungrouped == [] and comparison.compared == 2
    alone = score.compare([empty])
    assert alone.groups == [] and [u.name for u in alone.not_assessed] == ["Trống"]


def test_a_unit_without_the_level_grouped_by_is_listed_not_ranked(score):
    results = [
        score("A", district="Vĩnh Linh"),
        score("B", district="Gio Linh", survey="1.5"),
        score("C", district="Vĩnh Linh", survey="1"),
        score("D", district=None, province="Quảng Trị"),
    ]
    comparison = score.compare(results)
    assert comparison.group_by == "district"  # three of four name one
    assert [g.name for g in comparison.groups] == ["Gio Linh", "Vĩnh Linh"]
    assert [(u.name, u.group) for u in comparison.ungrouped] == [("D", None)]
    assert comparison.compared == 3
    # asked to group by province: three units name none
    by_province = score.compare(results, group_by="province")
    assert [u.name for u in by_province.ungrouped] == ["A", "B", "C"]
    assert [row.unit.name for row in by_province.groups[0].ranking] == ["D"]
    assert by_province.groups[0].ranking[0].unit.group == "Quảng Trị"


def test_default_group_by_follows_the_reform_year(score):
    both = score("A", district="Vĩnh Linh", province="Quảng Trị")
    other = score("B", district="Gio Linh", province="Quảng Trị")
    assert default_group_by([both, other]) == "district"  # 2023: ranked by district
    later = [u.model_copy(update={"year": 2025}) for u in (both, other)]
    assert default_group_by(later) == "province"  # since the 2025 reform, by province
    only_district = score("C", district="Vĩnh Linh").model_copy(update={"year": 2025})
    assert default_group_by([only_district]) == "district"


def test_results_of_different_years_are_refused(score):
    one = score("A")
    later = score("B").model_copy(update={"year": 2024})
    with pytest.raises(ValueError, match="different years"):
        score.compare([one, later])
    assert score.compare([one]).year == 2023


def _field_one(score: Scorer, name: str, points: str, applicable: str, percent: str):
    """A scored unit whose field 1 is made ``points`` of ``applicable`` (shown ``percent``),
    and its index the same share, to test what is derived from it."""
    summary = summarize(score(name))
    totals = summary.totals.model_copy(
        update={"total": D(points), "applicable_max": D(applicable), "index": D(percent)}
    )
    return summary.model_copy(
        update={
            "field_points": {**summary.field_points, "1": D(points)},
            "field_applicable_max": {**summary.field_applicable_max, "1": D(applicable)},
            "percents": {**summary.percents, "1": D(percent)},
            "totals": totals,
        }
    )


def test_means_and_medians_come_from_exact_shares_rounded_once(score):
    # 1 of 6 (16.666…%, shown 16.67) and 3 of 6 (50%): the exact mean and median are
    # 33.333…, shown 33.33; from the shown values they would be 66.67 / 2 = 33.335 → 33.34
    units = [_field_one(score, "A", "1", "6", "16.67"), _field_one(score, "B", "3", "6", "50")]
    cs = score.resolver.load(str(score.folder / "set.yaml"))
    (group,) = compare(units, outline=outline_of(cs.fields, cs.bands)).groups
    field = group.fields[0]
    assert (field.mean, field.median) == (D("33.33"), D("33.33"))
    assert (group.mean_index, group.median_index) == (D("33.33"), D("33.33"))
    # A's field 1 is 1/6 − 1/3 = −1/6 below the median: −16.666…, shown −16.67 (from the shown
    # values, 16.67 − 33.34 = −16.67 too, but 50 − 33.34 would make B 16.66 above)
    rows = {m.unit.name: m for m in group.matrix}
    assert (rows["A"].weakest_field, rows["A"].weakest_gap) == ("1", D("-16.67"))


@given(st.lists(st.fractions(min_value=0, max_value=100, max_denominator=10**6), min_size=1))
def test_the_mean_is_the_exact_mean_rounded_once(values):
    from fractions import Fraction

    from parscore.decimals import quantize_fraction

    exact = sum(values, Fraction(0)) / len(values)
    assert mean(values) == quantize_fraction(exact)
