"""Criteria sets and evidence files: every refusal pinned with its exact place and text."""

from __future__ import annotations

from pathlib import Path

import pytest

from parscore import yamlsource
from parscore.errors import InputError, Severity
from parscore.loading import CriteriaResolver, criteria_from_source, evidence_from_source

DATA = Path(__file__).parent / "data"
MINI = (DATA / "mini-set.yaml").read_text(encoding="utf-8")


def set_problems(text: str, lang: str = "en") -> list[str]:
    with pytest.raises(InputError) as info:
        criteria_from_source(yamlsource.load_text(text, "set.yaml"))
    return [p.format(lang, show_source=False) for p in info.value.problems]


def edit(old: str, new: str) -> str:
    assert old in MINI, old
    return MINI.replace(old, new, 1)


def test_the_mini_set_loads():
    cs = criteria_from_source(yamlsource.load_text(MINI, "set.yaml"))
    assert cs.total == 10
    assert [n.id for n in cs.leaves()] == ["1.1", "1.2", "1.3", "2.1", "S.1"]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "      - id: 1.2\n",
            "      - id: 1.1\n",
            "set.yaml:25:13: the id '1.1' is used twice (first at line 21) [criteria.duplicate-id]",
        ),
        (
            "    max: 4\n    children:\n      - id: 1.1",
            "    max: 5\n    children:\n      - id: 1.1",
            "set.yaml:19:10: '1' has a maximum of 5, but its children add up to 4 [criteria.sum-mismatch]",
        ),
        (
            "total: 10",
            "total: 11",
            "set.yaml:7:8: the declared total is 11, but the fields (8) and the survey (2) add up to 10 "
            "[criteria.total-mismatch]",
        ),
        (
            "split: {appraisal: 8, survey: 2}",
            "split: {appraisal: 7, survey: 2}",
            "set.yaml:8:20: the 'appraisal' part declares 7 points, but the tree gives 8 "
            "[criteria.split-mismatch]",
        ),
        (
            "  - {name: {vi: Tốt, en: Good}, at_least: 80, below: 90}",
            "  - {name: {vi: Tốt, en: Good}, at_least: 80, below: 89}",
            "set.yaml:10:5: the bands leave a gap: no band holds 89 [criteria.bands-gap]",
        ),
        (
            "  - {name: {vi: Tốt, en: Good}, at_least: 80, below: 90}",
            "  - {name: {vi: Tốt, en: Good}, at_least: 80, at_most: 90}",
            "set.yaml:10:5: the bands overlap at 90 [criteria.bands-overlap]",
        ),
        (
            "            - {at_least: 70, at_most: 90, points: 0.75}",
            "            - {at_least: 70, below: 90, points: 0.75}",
            "set.yaml:33:15: the bands leave a gap: no band holds 90 [criteria.bands-gap]",
        ),
        (
            "          part: done\n",
            "          part: done\n          bandz: []\n",
            "set.yaml:31:11: unknown key 'bandz' (did you mean 'bands'?) [value.unknown-key]",
        ),
        (
            "rule: {kind: pass_fail, penalty_when_unmet: 0.25}",
            "rule: {kind: pass_fial, penalty_when_unmet: 0.25}",
            "set.yaml:39:22: there is no rule kind 'pass_fial' (did you mean 'pass_fail'?); the kinds "
            "are: all_conditions, bands, checklist, count_bands, deduction, deliverables, judged, "
            "levels, pass_fail, per_item, proportional, survey_share, timeliness "
            "[criteria.unknown-kind]",
        ),
        (
            'rule: {kind: timeliness, on_time: 1, late: 0.5, due: "31/01"}',
            'rule: {kind: timeliness, on_time: 1, late: 1.5, due: "31/01"}',
            "set.yaml:24:52: 1.5 points exceed the maximum of 1 for '1.1' [criteria.points-over-max]",
        ),
        (
            'rule: {kind: timeliness, on_time: 1, late: 0.5, due: "31/01"}',
            'rule: {kind: timeliness, on_time: 1, late: 0.5, due: "31/02"}',
            "set.yaml:24:62: '31/02' is not a valid due date: write dd/mm (in the assessment year) or "
            "dd/mm/yyyy [criteria.due]",
        ),
        (
            "            - {above: 90, points: 1.5}",
            "            - {above: 90, points: 1}",
            "set.yaml:33:13: no outcome of '1.2' gives its full 1.5 points [criteria.full-unreachable]",
        ),
        (
            "      - id: 2.1\n",
            "      - id: 3.1\n",
            "set.yaml:45:13: the id '3.1' must start with its parent's id '2.' [criteria.child-id]",
        ),
        (
            "        max: 4\n        when_nothing_occurred: full_points",
            "        max: 4\n        when_nothing_occurred: full",
            "set.yaml:48:32: 'full' is not allowed: choose one of 'full_points', 'not_applicable', "
            "'zero' [value.choice]",
        ),
        (
            "        name: Kế hoạch\n        max: 1\n",
            "        name: Kế hoạch\n        max: 1,5\n",
            "set.yaml:23:14: '1,5': use a decimal point, e.g. 1.5 [value.decimal-comma]",
        ),
        (
            "        name: Kế hoạch\n        max: 1\n",
            "        name: Kế hoạch\n        max: -1\n",
            "set.yaml:23:14: -1 must not be negative [value.negative]",
        ),
        (
            "        name: Kế hoạch\n        max: 1\n",
            "        name: Kế hoạch\n",
            "set.yaml:21:9: the required key 'max' is missing [value.missing]",
        ),
        (
            "    - {id: S.1, name: Hài lòng, max: 2, scored_by: outside, rule: {kind: survey_share}}",
            "    - {id: S.1, name: Hài lòng, max: 2, scored_by: outside, rule: {kind: pass_fail}}",
            "set.yaml:56:74: the survey item 'S.1' is scored with survey_share, not 'pass_fail' "
            "[criteria.survey-kind]",
        ),
        (
            "        rule: {kind: pass_fail, penalty_when_unmet: 0.25}",
            "        rule: {kind: pass_fail, penalty_when_unmet: 0.25}\n        children: [{id: 1.3.1, name: x, max: 1.5, rule: {kind: pass_fail}}]",
            "set.yaml:36:9: '1.3' must have either a 'rule' or 'children', not both and not neither "
            "[criteria.node-shape]",
        ),
        (
            "    key: direction\n",
            "    key: direction\n    nmae: x\n",
            "set.yaml:18:5: unknown key 'nmae' (did you mean 'name'?) [value.unknown-key]",
        ),
        (
            "          part: done\n",
            "          part: documents\n",
            "set.yaml:29:11: the input name 'documents' is reserved in evidence files "
            "[criteria.input-name-clash]",
        ),
    ],
)
def test_criteria_refusals(old, new, expected):
    assert expected in set_problems(edit(old, new))


def test_criteria_messages_in_vietnamese():
    found = set_problems(edit("total: 10", "total: 11"), lang="vi")
    assert found == [
        "set.yaml:7:8: tổng điểm khai báo là 11, nhưng các lĩnh vực (8) cộng điều tra (2) bằng 10 "
        "[criteria.total-mismatch]"
    ]


def test_penalty_rule_needs_a_penalty_ledger():
    found = set_problems(edit("penalty: {points_each: 0.25, cap: 5}\n", ""))
    assert found == [
        "set.yaml:38:53: '1.3' books a penalty, but the set has no 'penalty' section "
        "[criteria.penalty-without-ledger]"
    ]


# --- evidence ------------------------------------------------------------------------------------

EVIDENCE = """\
unit: {name: Vĩnh Chấp, code: "19435", kind: xã, parents: [{level: district, name: Vĩnh Linh}]}
year: 2023
criteria: set.yaml
items:
  "1.1":
    documents: [{number: 10/KH-UBND, date: 06/02/2023}]
  "1.2": {done: 18, planned: 20, documents: [{number: 1/BC, date: 12/12/2023}]}
  "1.3": {met: true, explanation: đủ người}
  "2.1": {on_time: 1150, received: 1200, documents: [{number: 2/BC, date: 01/12/2023}]}
survey:
  S.1: {satisfied: 412, responses: 450}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "set.yaml").write_text(MINI, encoding="utf-8")
    return tmp_path


def load_evidence_text(folder: Path, text: str):
    return evidence_from_source(
        yamlsource.load_text(text, "ev.yaml"), CriteriaResolver(), base=folder
    )


def ev_problems(folder: Path, text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        load_evidence_text(folder, text)
    return [p.format("en", show_source=False) for p in info.value.problems]


def ev_edit(old: str, new: str) -> str:
    assert old in EVIDENCE, old
    return EVIDENCE.replace(old, new, 1)


def test_the_evidence_loads_without_warnings(folder):
    prepared = load_evidence_text(folder, EVIDENCE)
    assert prepared.warnings == ()
    assert prepared.inputs["2.1"] == {"on_time": 1150, "received": 1200}


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            '"2.1": {on_time: 1150',
            '"2.1": {on_time: 1250',
            "ev.yaml:9:20: 'on_time' (1250) is greater than 'received' (1200) [evidence.part-over-total]",
        ),
        (
            '"2.1": {on_time: 1150',
            '"2.1": {on_time: -5',
            "ev.yaml:9:20: -5 must not be negative [value.negative]",
        ),
        (
            '"2.1": {on_time: 1150, received: 1200',
            '"2.1": {percent: 120',
            "ev.yaml:9:20: the percentage 120% is above 100% [evidence.percent-over-100]",
        ),
        (
            '"2.1": {on_time: 1150, received: 1200',
            '"2.1": {percent: 92%',
            "ev.yaml:9:20: '92%': write the number without the % sign, e.g. 92 [value.percent-sign]",
        ),
        (
            '"2.1": {on_time: 1150, received: 1200',
            '"2.1": {percent: "92,5"',
            "ev.yaml:9:20: '92,5': use a decimal point, e.g. 92.5 [value.decimal-comma]",
        ),
        (
            "received: 1200",
            "received: 1.200",
            "ev.yaml:9:36: '1.200' looks like a thousands separator: write the whole number, e.g. 1200 "
            "[value.thousands-separator]",
        ),
        (
            '"2.1": {on_time: 1150, received: 1200',
            '"2.1": {on_time: 1150, percent: 90',
            "ev.yaml:9:35: give either percent or on_time + received, not both [evidence.inputs-conflict]",
        ),
        (
            '"1.3": {met: true',
            '"1.3": {met: yes',
            "ev.yaml:8:16: expected true or false, got 'yes' [value.expected-bool]",
        ),
        (
            '"1.3": {met: true',
            '"1.3": {mett: true',
            "ev.yaml:8:11: 'mett' is not an input of '1.3' (rule 'pass_fail'); its inputs are: met "
            "(did you mean 'met'?) [evidence.unknown-input]",
        ),
        (
            '"1.3":',
            '"1.4":',
            "ev.yaml:8:3: there is no sub-criterion '1.4' in the set mini-2023 (did you mean '1.3'?) "
            "[evidence.unknown-id]",
        ),
        (
            '"1.3":',
            '"1":',
            "ev.yaml:8:3: '1' is a group scored from its children: give evidence for them "
            "(1.1, 1.2, 1.3) [evidence.not-scored]",
        ),
        (
            '"1.3":',
            '"S.1":',
            "ev.yaml:8:3: 'S.1' is a survey item: put it under 'survey' [evidence.survey-in-items]",
        ),
        (
            "  S.1: {",
            '  "1.3": {',
            "ev.yaml:11:3: '1.3' is scored by the commune: put it under 'items' [evidence.item-in-survey]",
        ),
        (
            '"1.3": {met: true',
            '"1.3": {met: true, nothing_occurred: không có',
            "ev.yaml:8:22: '1.3' has no 'nothing occurred' case: give its inputs "
            "[evidence.nothing-not-allowed]",
        ),
        (
            '"2.1": {on_time: 1150, received: 1200,',
            '"2.1": {on_time: 1150, received: 1200, nothing_occurred: x,',
            "ev.yaml:9:42: 'nothing_occurred' cannot stand beside inputs (on_time, received) "
            "[evidence.nothing-with-inputs]",
        ),
        (
            "kind: xã",
            "kind: ấp",
            "ev.yaml:1:46: 'ấp' is not allowed: choose one of 'xã', 'phường', 'đặc khu', "
            "'thị trấn', 'huyện', 'thị xã', 'thành phố' [value.choice]",
        ),
        (
            "year: 2023",
            "year: '2023'",
            "ev.yaml:2:7: '2023' is in quotes, so it is text: write 2023 without the quotes "
            "[value.quoted-number]",
        ),
        (
            "criteria: set.yaml",
            "criteria: ref-commune-2099",
            "ev.yaml:3:11: no criteria set 'ref-commune-2099': give a shipped set's id",
        ),
        (
            "date: 06/02/2023",
            "date: 31/02/2023",
            "ev.yaml:6:44: '31/02/2023' is not in the calendar: that month has no such day "
            "(check the date on the document) [value.no-such-day]",
        ),
        (
            "date: 06/02/2023",
            "date: 6th of February",
            "ev.yaml:6:44: '6th of February' is not a valid date: write dd/mm/yyyy (e.g. "
            "06/02/2023) [value.expected-date]",
        ),
        (
            '"1.3": {met: true, explanation: đủ người}',
            '"1.3": {met: true, explanation: đủ người, claimed: 2}',
            "ev.yaml:8:54: the claimed score 2 exceeds the maximum of 1.5 [evidence.claimed-over-max]",
        ),
        (
            "unit: {name: Vĩnh Chấp,",
            "unit: {nane: Vĩnh Chấp,",
            "ev.yaml:1:8: unknown key 'nane' (did you mean 'name'?) [value.unknown-key]",
        ),
        (
            "items:\n",
            'items:\n  "1.1": {}\n',
            "ev.yaml:6:3: duplicate key '1.1' (first at line 5) [yaml.duplicate-key]",
        ),
        (
            "  S.1: {satisfied: 412, responses: 450}",
            "  S.1: {points: 2.5}",
            "ev.yaml:11:17: 2.5 points exceed the maximum of 2 for 'S.1' [evidence.points-over-max]",
        ),
    ],
)
def test_evidence_refusals(folder, old, new, expected):
    found = ev_problems(folder, ev_edit(old, new))
    assert any(p.startswith(expected) for p in found), found


def test_unknown_set_lists_the_shipped_ones(folder):
    found = ev_problems(folder, ev_edit("criteria: set.yaml", "criteria: nope"))
    assert found[0].startswith("ev.yaml:3:11: no criteria set 'nope'")


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "documents: [{number: 10/KH-UBND, date: 06/02/2023}]",
            "documents: [{date: 06/02/2023}]",
            "ev.yaml:6:17: warning: the evidence document has no number [evidence.document-no-number]",
        ),
        (
            "documents: [{number: 10/KH-UBND, date: 06/02/2023}]",
            "documents: [{number: 10/KH-UBND}]",
            "ev.yaml:6:17: warning: the evidence document has no date [evidence.document-no-date]",
        ),
        (
            "documents: [{number: 10/KH-UBND, date: 06/02/2023}]",
            "documents: [{number: 10/KH-UBND, date: 06/02/2022}]",
            "ev.yaml:6:44: warning: the document dated 06/02/2022 is outside the evidence window "
            "of year 2023 (01/01/2023 to 31/01/2024) [evidence.document-year]",
        ),
        (
            "year: 2023",
            "year: 2024",
            "ev.yaml:2:7: warning: the assessment year 2024 differs from the year of the set mini-2023 "
            "(2023) [evidence.year-mismatch]",
        ),
    ],
)
def test_evidence_warnings_do_not_refuse(folder, old, new, expected):
    prepared = load_evidence_text(folder, ev_edit(old, new))
    found = [w.format("en", show_source=False) for w in prepared.warnings]
    assert expected in found
    assert all(w.severity is Severity.WARNING for w in prepared.warnings)


def test_all_evidence_problems_are_collected_and_sorted(folder):
    text = ev_edit('"1.3": {met: true', '"1.3": {met: yes').replace(
        "on_time: 1150", "on_time: 1250"
    )
    found = ev_problems(folder, text)
    assert [p.split(": ")[0] for p in found] == ["ev.yaml:8:16", "ev.yaml:9:20"]


def test_a_refused_value_does_not_hide_the_checks_of_the_set(folder):
    # pydantic refuses the claim; the misspelt input, found only against the set, still shows
    text = ev_edit('"1.3": {met: true', '"1.3": {claimed: 15%, met: true').replace(
        "on_time: 1150", "on_tme: 1150"
    )
    found = ev_problems(folder, text)
    assert [p.split(" [")[-1] for p in found] == [
        "value.percent-sign]",
        "evidence.unknown-input]",
    ]
    assert found[1].startswith("ev.yaml:9:11: 'on_tme' is not an input of '2.1'")


def test_a_refused_date_is_not_also_reported_as_no_date(folder):
    text = ev_edit("date: 12/12/2023", "date: 12/13/2023").replace("met: true", "met: yes")
    found = ev_problems(folder, text)
    assert [p.split(" [")[-1] for p in found] == [
        "value.no-such-date]",  # no 13th month
        "value.expected-bool]",
    ]


def test_a_broken_ledger_line_sets_its_list_aside_and_the_rest_is_checked(folder):
    text = EVIDENCE + "bonus:\n  - {points: 0.5}\n"
    text = text.replace('"1.3": {met: true', '"1.3": {met: yes')
    found = ev_problems(folder, text)
    assert [p.split(": ")[0] for p in found] == ["ev.yaml:8:16", "ev.yaml:13:5"]
    assert found[1].endswith("[value.missing]")


def test_a_refused_required_key_stops_the_checks_of_the_file(folder):
    # without a year nothing can be checked against the set: the shape problem is all there is
    text = ev_edit("year: 2023", "year: two").replace("met: true", "met: yes")
    found = ev_problems(folder, text)
    assert [p.split(": ")[0] for p in found] == ["ev.yaml:2:7"]


def test_an_item_key_typed_at_the_ids_indentation_gets_an_indentation_hint(folder):
    text = ev_edit(
        '  "1.3": {met: true, explanation: đủ người}\n',
        '  "1.3":\n    met: true\n  explanation: đủ người\n  on_time: 3\n',
    )
    found = ev_problems(folder, text)
    hint = "stands where a sub-criterion id belongs, but looks like a key of '1.3' above: if it "
    assert found == [
        f"ev.yaml:10:3: 'explanation' {hint}belongs to '1.3', indent it to start at column 5, "
        "like 'met' on line 9 [evidence.under-indented]",
        f"ev.yaml:11:3: 'on_time' {hint}belongs to '1.3', indent it to start at column 5, "
        "like 'met' on line 9 [evidence.under-indented]",
    ]


@pytest.mark.parametrize("key", ['"1.9"', "extra"])
def test_an_unknown_id_of_an_item_is_no_indentation_mistake(folder, key):
    # an id with digits, or a key holding keys of its own, is an item: its id is unknown
    found = ev_problems(folder, ev_edit('  "1.3": {met: true', f"  {key}: {{met: true"))
    assert [p.split(" [")[-1] for p in found] == ["evidence.unknown-id]"]


def test_a_problem_in_the_set_is_reported_against_the_set(folder):
    (folder / "set.yaml").write_text(MINI.replace("total: 10", "total: 12"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_evidence_text(folder, EVIDENCE)
    problem = info.value.problems[0]
    assert (Path(problem.file).name, problem.line, problem.code) == (
        "set.yaml",
        7,
        "criteria.total-mismatch",
    )


def test_an_item_left_empty_is_missing_evidence_not_an_error(folder):
    from parscore.engine import evaluate

    prepared = load_evidence_text(
        folder,
        EVIDENCE.replace(
            '  "1.1":\n    documents: [{number: 10/KH-UBND, date: 06/02/2023}]\n', '  "1.1":\n'
        ),
    )
    node = next(n for n in evaluate(prepared).leaves() if n.id == "1.1")
    assert node.outcome.value == "missing" and node.points == 0


def test_points_withheld_for_want_of_a_document_are_recorded(folder):
    from decimal import Decimal

    from parscore.engine import evaluate

    text = EVIDENCE.replace(", documents: [{number: 2/BC, date: 01/12/2023}]}", "}")
    node = next(n for n in evaluate(load_evidence_text(folder, text)).leaves() if n.id == "2.1")
    assert (node.outcome.value, node.points, node.unproven) == ("missing", 0, Decimal("3.83"))


# ---------------------------------------------------------------------------------------------
# blank text: only spaces or invisible characters is no text

INVISIBLE = [
    " ",
    "\u200b",  # zero-width space
    "\u200c",  # zero-width non-joiner
    "\u200d",  # zero-width joiner
    "\u2060",  # word joiner
    "\ufeff",  # byte order mark
    "\u00a0",  # no-break space
    "\u3000",  # ideographic space
    "\u3164",  # Hangul filler
    " \u200b\u00a0 ",
]
REF_HEAD = (
    'unit: {name: Vĩnh Chấp, code: "19435", kind: xã}\nyear: 2023\n'
    "criteria: ref-commune-2023\nitems:\n"
)


def _ref_node(text: str, node_id: str):
    from parscore.engine import evaluate
    from parscore.errors import sort_problems
    from parscore.todo import todo

    prepared = evidence_from_source(yamlsource.load_text(text, "ev.yaml"), CriteriaResolver())
    result = evaluate(prepared)
    node = next(n for n in result.leaves() if n.id == node_id)
    listed = {(item.id, item.need) for group in todo(result).groups for item in group.items}
    warnings = [p.format("en", show_source=False) for p in sort_problems(list(prepared.warnings))]
    return node, listed, warnings


@pytest.mark.parametrize("blank", INVISIBLE, ids=[f"U+{ord(c[0]):04X}" for c in INVISIBLE])
def test_an_explanation_of_invisible_characters_is_no_explanation(blank):
    # judged 7.5 needs an explanation; 3.2's figures need a document or an explanation
    text = REF_HEAD + (
        f'  "7.5": {{points: 2, explanation: "{blank}"}}\n'
        f'  "3.2": {{on_time: 1200, settled: 1200, explanation: "{blank}"}}\n'
    )
    judged, listed, warnings = _ref_node(text, "7.5")
    assert (judged.outcome.value, judged.points, judged.explanation) == ("missing", 0, None)
    assert ("7.5", "explanation") in listed
    share, _, _ = _ref_node(text, "3.2")
    assert (share.outcome.value, share.points) == ("missing", 0)
    assert ("3.2", "document") in listed
    assert warnings == [
        "ev.yaml:5:35: warning: 'explanation' holds only spaces or invisible characters: "
        "counted as not given [evidence.blank-text]",
        "ev.yaml:6:54: warning: 'explanation' holds only spaces or invisible characters: "
        "counted as not given [evidence.blank-text]",
    ]


def test_a_real_explanation_with_invisible_characters_around_it_counts():
    text = REF_HEAD + '  "7.5": {points: 2, explanation: "\u200bCập nhật hằng tuần\u00a0"}\n'
    node, _, warnings = _ref_node(text, "7.5")
    assert (node.outcome.value, node.points, warnings) == ("met", 2, [])


def test_a_blank_nothing_occurred_reason_is_no_claim():
    # 2.1: nothing occurred is worth full points, but only with a reason
    node, listed, warnings = _ref_node(REF_HEAD + '  "2.1": {nothing_occurred: "\u200b "}\n', "2.1")
    assert (node.outcome.value, node.points, node.nothing_occurred) == ("missing", 0, None)
    assert ("2.1", "evidence") in listed
    assert [w.rsplit("[", 1)[1] for w in warnings] == ["evidence.blank-text]"]


def test_a_document_with_a_blank_number_has_no_number():
    text = REF_HEAD + (
        '  "3.2":\n    on_time: 1200\n    settled: 1200\n'
        '    documents: [{number: "\u200b", date: 01/12/2023, issuer: " "}]\n'
        '    note: "\u00a0"\n'
    )
    node, _, warnings = _ref_node(text, "3.2")
    assert node.outcome.value == "met"  # a dated document is still a document
    assert [w.split(": warning: ")[1] for w in warnings] == [
        "the evidence document has no number [evidence.document-no-number]",
        "'number' holds only spaces or invisible characters: counted as not given "
        "[evidence.blank-text]",
        "'issuer' holds only spaces or invisible characters: counted as not given "
        "[evidence.blank-text]",
        "'note' holds only spaces or invisible characters: counted as not given "
        "[evidence.blank-text]",
    ]


BLANK_PLACES = {
    "notes": 'notes: "\u200b"\n',
    "assessment": 'assessment: {by: " "}\n',
    "item": '  "7.5": {points: 2, note: "\u3000"}\n',
    "survey": 'survey:\n  "S.1": {percent: 80, explanation: "\u2060"}\n',
    "document": '  "3.2": {on_time: 1, settled: 2, documents: [{number: 1/KH, section: ""}]}\n',
    "bonus": 'bonus:\n  - {reason: Sáng kiến, points: 1, documents: [{title: "\u00a0"}]}\n',
}


@pytest.mark.parametrize("place", sorted(BLANK_PLACES))
def test_a_blank_text_is_said_wherever_it_is_and_only_there(place):
    """Validation tells the checker whether any optional text was blank, and the checker then
    says where: in each place the evidence holds optional text, once; a file with none is not
    searched (issue #13), and says nothing."""
    top = BLANK_PLACES[place].startswith(("notes", "assessment", "survey", "bonus"))
    text = REF_HEAD + ("" if top else BLANK_PLACES[place]) + '  "1.1.3": {met: true}\n'
    text += BLANK_PLACES[place] if top else ""
    prepared = evidence_from_source(yamlsource.load_text(text, "ev.yaml"), CriteriaResolver())
    blank = [p for p in prepared.warnings if p.code == "evidence.blank-text"]
    key = {"notes": "notes", "assessment": "by", "item": "note", "survey": "explanation"}
    key |= {"document": "section", "bonus": "title"}
    assert [p.args["key"] for p in blank] == [key[place]]
    clean = text.replace(BLANK_PLACES[place], "")
    prepared = evidence_from_source(yamlsource.load_text(clean, "ev.yaml"), CriteriaResolver())
    assert [p.code for p in prepared.warnings if p.code == "evidence.blank-text"] == []


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "name: Vĩnh Chấp,",
            'name: "\u200b",',
            "ev.yaml:1:14: holds only spaces or invisible characters: write the text "
            "[value.blank-text]",
        ),
        (
            "criteria: ref-commune-2023",
            'criteria: "\u00a0"',
            "ev.yaml:3:11: holds only spaces or invisible characters: write the text "
            "[value.blank-text]",
        ),
        (
            'code: "19435"',
            'code: "194\u200d35"',
            "ev.yaml:1:31: '194<U+200D>35' holds the invisible character U+200D at position 4: "
            "type the code again, digits only [value.invisible-char]",
        ),
    ],
)
def test_blank_or_invisible_identity_is_refused(old, new, expected):
    text = REF_HEAD.replace(old, new) + '  "7.5": {points: 2, explanation: ok}\n'
    with pytest.raises(InputError) as info:
        evidence_from_source(yamlsource.load_text(text, "ev.yaml"), CriteriaResolver())
    assert [p.format("en", show_source=False) for p in info.value.problems] == [expected]


def test_a_code_is_trimmed():
    text = REF_HEAD.replace('code: "19435"', 'code: " 19435\u00a0"') + '  "7.5": {points: 2}\n'
    prepared = evidence_from_source(yamlsource.load_text(text, "ev.yaml"), CriteriaResolver())
    assert prepared.evidence.unit.code == "19435"


def test_a_blank_name_in_a_criteria_set_is_refused():
    problems = set_problems(edit("name: Kế hoạch", 'name: "\u3000"'))
    assert problems == [
        "set.yaml:22:15: holds only spaces or invisible characters: write the text "
        "[value.blank-text]"
    ]


# ---------------------------------------------------------------------------------------------
# names and set ids carry their own message codes


@pytest.mark.parametrize(
    "old, new, code, value",
    [
        ("    key: direction\n", "    key: Direction\n", "value.name", "Direction"),
        ("id: mini-2023\n", "id: Mini 2023\n", "value.set-id", "Mini 2023"),
        ("part: done\n", "part: Done\n", "value.name", "Done"),
        ("part: done\n", 'part: "done\\n"\n', "value.name", "done\n"),
    ],
)
def test_names_and_set_ids_say_what_is_wrong_with_them(old, new, code, value):
    from parscore.messages import render

    with pytest.raises(InputError) as info:
        criteria_from_source(yamlsource.load_text(edit(old, new), "set.yaml"))
    [problem] = info.value.problems
    assert problem.code == code
    assert problem.message("en") == render(code, {"value": value}, "en", short=True)


@pytest.mark.parametrize("old, new", [("    key: direction\n", '    key: " "\n')])
def test_a_blank_name_is_blank_text_not_a_bad_name(old, new):
    with pytest.raises(InputError) as info:
        criteria_from_source(yamlsource.load_text(edit(old, new), "set.yaml"))
    assert [p.code for p in info.value.problems] == ["value.blank-text"]


# ---------------------------------------------------------------------------------------------
# the result: reasons are codes with typed arguments; plan and to-do read the result only


def test_a_reason_keeps_its_code_typed_arguments_and_both_sentences():
    import datetime as dt
    from decimal import Decimal

    from parscore.messages import reason, render
    from parscore.model.result import Reason

    args = {"points": Decimal("0.50"), "done": dt.date(2023, 2, 6), "due": dt.date(2023, 1, 31)}
    args["status"] = {"vi": "chậm", "en": "late"}
    said = reason("reason.timeliness-dates", args)
    assert said.code == "reason.timeliness-dates"
    assert said.args == {
        "points": "0.50",
        "done": "2023-02-06",
        "due": "2023-01-31",
        "status": {"vi": "chậm", "en": "late"},
    }
    assert (said.vi, said.en) == tuple(render(said.code, args, lang) for lang in ("vi", "en"))
    assert said.get("en") == said.en and said.get("vi") == said.vi
    assert Reason.model_validate_json(said.model_dump_json()) == said
    with pytest.raises(TypeError):
        reason("reason.judged", {"points": 0.5})  # a float is never exact


def test_the_result_carries_what_the_plan_needs(folder):
    from parscore.engine import evaluate
    from parscore.messages import CATALOGUE

    checked = load_evidence_text(folder, EVIDENCE)
    result = evaluate(checked)
    nodes = {n.id: n for n in result.leaves()}
    cs_nodes = {n.id: n for n in checked.criteria.leaves()}
    for node_id, node in nodes.items():
        source = cs_nodes[node_id]
        assert node.reason is not None and node.reason.code in CATALOGUE
        assert node.needs_explanation == source.kind.needs_explanation
        assert (node.timing, node.advice) == (source.timing, source.advice)
        if node.points < node.max and node.outcome.value != "outside":
            gains = source.kind.improve(
                source.rule, source.max, dict(checked.inputs.get(node_id, {})), node.points
            )
            assert [(g.points, g.action) for g in gains] == [
                (i.points, i.action.code) for i in node.improvements
            ]
            assert node.improvements, node_id  # each of these lost points its rule can regain
        else:
            assert node.improvements == []


def test_a_penalty_booked_by_a_rule_is_a_line_of_the_penalty_ledger(folder):
    from parscore.engine import evaluate

    text = EVIDENCE.replace("{met: true, explanation: đủ người}", "{met: false}")
    result = evaluate(load_evidence_text(folder, text))
    booked = [line for line in result.penalty.lines if line.source == "rule"]
    assert [(line.node, line.points, line.reason.code) for line in booked] == [
        ("1.3", result.penalty.points, "ledger.booked")
    ]
    again = evaluate(load_evidence_text(folder, text))  # nothing is left over from a run
    assert again.penalty == result.penalty


def test_the_criteria_model_is_plain_data_and_its_rule_texts_are_worked_out_once(folder):
    from parscore.engine import rule_texts
    from parscore.model.criteria import CriteriaSet

    assert CriteriaSet.__private_attributes__ == {}
    cs = load_evidence_text(folder, EVIDENCE).criteria
    texts = rule_texts(cs)
    assert rule_texts(cs) is texts
    assert set(texts) == {n.id for n in cs.leaves()}
    node = next(cs.leaves())
    assert texts[node.id].en == node.kind.describe(node.rule, node.max, "en")


def test_the_core_does_not_reach_back_into_loading():
    import ast

    root = Path(__file__).resolve().parent.parent / "parscore"
    core = [root / "engine.py", root / "plan.py", root / "todo.py", root / "compare.py"]
    core += sorted((root / "model").glob("*.py")) + sorted((root / "rules").glob("*.py"))
    for path in core:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert not any(
            name and name.startswith(("parscore.loading", "parscore.checks")) for name in imported
        ), path


def test_nothing_occurred_counted_as_zero_is_not_an_improvement_the_rule_can_price(folder):
    from parscore.engine import evaluate
    from parscore.plan import make_plan

    (folder / "set.yaml").write_text(
        MINI.replace("when_nothing_occurred: full_points", "when_nothing_occurred: zero"),
        encoding="utf-8",
    )
    text = EVIDENCE.replace(
        '  "2.1": {on_time: 1150, received: 1200, documents: [{number: 2/BC, date: 01/12/2023}]}',
        '  "2.1": {nothing_occurred: không phát sinh}',
    )
    result = evaluate(load_evidence_text(folder, text))
    node = next(n for n in result.leaves() if n.id == "2.1")
    assert (node.outcome.value, node.reason and node.reason.code) == (
        "unmet",
        "reason.nothing-zero",
    )
    assert node.improvements == []
    assert "2.1" not in {step.id for step in make_plan(result).steps}


def test_a_set_beside_the_evidence_is_named_as_the_user_would_type_it(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from parscore.cli import main

    (tmp_path / "ev").mkdir()
    (tmp_path / "ev" / "set.yaml").write_text("id: x\n", encoding="utf-8")  # no title, no fields
    evidence = (DATA.parent.parent / "evidence" / "ho-xa-2023.yaml").read_text(encoding="utf-8")
    lines = [
        "criteria: ./set.yaml" if line.startswith("criteria:") else line
        for line in evidence.splitlines()
    ]
    (tmp_path / "ev" / "ho-xa.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["evaluate", "ev/ho-xa.yaml", "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.startswith("ev/set.yaml:"), result.stderr  # not /tmp/.../ev/set.yaml
    assert str(tmp_path) not in result.stderr


def _optional_text_cases():
    from hypothesis import strategies as st

    # texts that begin with what pydantic-core tells by itself (a Latin letter or a digit) and
    # with everything else: spaces, invisible characters, other scripts, symbols
    firsts = st.sampled_from(["a", "Ấ", "ỹ", "9", "(", "\u200b", " ", "\u3164", "Ω", "一", "×"])
    rest = st.text(alphabet=st.sampled_from(["x", " ", "\u200b", "\u00a0", "ề", "\t"]))
    return st.one_of(st.builds(lambda a, b: a + b, firsts, rest), st.text(max_size=4))


def test_optional_text_is_the_text_unless_blank():
    """OptionalText: pydantic-core accepts text that begins with a Latin letter or a digit by
    itself, and asks Python about the rest (issue #13); either way a text is kept as it is
    written unless it is blank (model.common.is_blank), which counts as not given."""
    from hypothesis import given, settings

    from parscore.model.common import is_blank
    from parscore.model.evidence import Document

    @settings(max_examples=300, deadline=None)
    @given(_optional_text_cases())
    def check(text: str) -> None:
        number = Document.model_validate({"number": text}).number
        assert number == (None if is_blank(text) else text)
        assert number is None or type(number) is str

    check()


@pytest.mark.parametrize("value", [5, True, 1.5, [1], {"a": 1}, b"x"])
def test_optional_text_that_is_not_text_is_pydantic_s_string_error(value):
    from pydantic import ValidationError

    from parscore.model.evidence import Document

    with pytest.raises(ValidationError) as info:
        Document.model_validate({"number": value, "title": "(ngày 5)"})
    errors = info.value.errors(include_url=False)
    assert [(e["type"], e["loc"], e["input"]) for e in errors] == [
        ("string_type", ("number",), value)
    ]


def test_a_commune_s_file_named_as_the_criteria_set_is_called_so(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from parscore.cli import main

    evidence = (DATA.parent.parent / "evidence" / "ho-xa-2023.yaml").read_text(encoding="utf-8")
    (tmp_path / "other.yaml").write_text(evidence, encoding="utf-8")  # another commune's file
    lines = [
        "criteria: ./other.yaml" if line.startswith("criteria:") else line
        for line in evidence.splitlines()
    ]
    (tmp_path / "ho-xa.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["evaluate", "ho-xa.yaml", "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "other.yaml: this is a commune's file (evidence, appraisal or explanation), not a "
        "criteria set"
    )  # not "missing key 'id'", "missing key 'title'"... for every key a set has
    assert "[value.missing]" not in result.stderr
