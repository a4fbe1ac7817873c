"""The exported JSON Schemas: valid JSON Schema 2020-12 using its keywords only; the evidence
schema of a set (``schema evidence --criteria``) completes and checks what the set takes; a
freshly written template validates against both evidence schemas."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from parscore import yamlsource
from parscore.cli import SCHEMA_NAMES, main
from parscore.loading import load_criteria
from parscore.schemas import _fix, evidence_schema_for, schema

ROOT = Path(__file__).resolve().parent.parent
MINI_SET = ROOT / "tests" / "data" / "mini-set.yaml"

#: Every keyword of JSON Schema 2020-12 (core, applicator, validation, meta-data, format,
#: content, unevaluated).
KEYWORDS = frozenset(
    """$schema $id $ref $anchor $dynamicRef $dynamicAnchor $vocabulary $comment $defs
    allOf anyOf oneOf not if then else dependentSchemas prefixItems items contains properties
    patternProperties additionalProperties propertyNames unevaluatedItems
    unevaluatedProperties type enum const multipleOf maximum exclusiveMaximum minimum
    exclusiveMinimum maxLength minLength pattern maxItems minItems uniqueItems maxContains
    minContains maxProperties minProperties required dependentRequired title description
    default deprecated readOnly writeOnly examples format contentEncoding contentMediaType
    contentSchema""".split()
)
#: keywords whose value maps names to schemas, and keywords whose value is data
_NAMED = {"properties", "patternProperties", "$defs", "dependentSchemas"}
_DATA = {"enum", "const", "default", "examples", "required", "dependentRequired"}


def unknown_keywords(node: Any, path: str = "#") -> list[str]:
    found: list[str] = []
    if isinstance(node, list):
        for index, child in enumerate(node):
            found += unknown_keywords(child, f"{path}/{index}")
        return found
    if not isinstance(node, dict):
        return found
    for key, value in node.items():
        if key not in KEYWORDS:
            found.append(f"{path}/{key}")
        elif key in _NAMED:
            for name, child in value.items():
                found += unknown_keywords(child, f"{path}/{key}/{name}")
        elif key not in _DATA:
            found += unknown_keywords(value, f"{path}/{key}")
    return found


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def exported() -> list[tuple[str, dict[str, Any]]]:
    schemas = [(which, json.loads(run("schema", which).stdout)) for which in SCHEMA_NAMES]
    for ref in ("ref-commune-2023", str(MINI_SET)):
        shown = run("schema", "evidence", "--criteria", ref)
        assert shown.exit_code == 0, shown.stderr
        schemas.append((f"evidence --criteria {ref}", json.loads(shown.stdout)))
    return schemas


@pytest.mark.parametrize("which,body", exported(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_exported_schema_is_json_schema_2020_12_and_nothing_else(which, body):
    jsonschema.Draft202012Validator.check_schema(body)
    assert body["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert unknown_keywords(body) == []


def test_the_keyword_check_can_fail():
    assert unknown_keywords({"properties": {"ge": {"type": "number", "ge": 0}}}) == [
        "#/properties/ge/ge"
    ]


def test_bounds_are_json_schema_s():
    body = schema("criteria")
    text = json.dumps(body)
    for pydantic_word in ('"ge"', '"gt"', '"le"', '"lt"'):
        assert pydantic_word not in text
    validator = jsonschema.Draft202012Validator(body)
    data = yamlsource.load_file(MINI_SET).data
    assert list(validator.iter_errors(data)) == []
    data["bonus"] = {"points_each": 0.5, "cap": 2}
    assert list(validator.iter_errors(data)) == []
    for refused in ({"points_each": 0, "cap": 2}, {"points_each": "0.5", "cap": 2}):
        data["bonus"] = refused  # above 0, and a number as parscore reads it
        assert list(validator.iter_errors(data)) != [], refused


@pytest.mark.parametrize(
    "text",
    [{"type": "string"}, {"type": "string", "pattern": r"^(?!^[-+.]*$)[+-]?0*\d*\.?\d*$"}],
    ids=["pydantic-2.14", "pydantic-2.13"],
)
def test_a_decimal_is_a_number_whichever_way_pydantic_writes_numeric_text(text):
    # the schema of a bounded Decimal as each pydantic release in the range writes it
    written = {"anyOf": [{"exclusiveMinimum": 0.0, "type": "number"}, text], "title": "Each"}
    assert _fix(written) == {"exclusiveMinimum": 0.0, "type": "number", "title": "Each"}
    reference = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": "^\\$[a-z]+$"}]}
    assert _fix(reference) == reference  # a number or a parameter's name stays both


@pytest.fixture
def template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    made = run(
        "template",
        "--criteria",
        "ref-commune-2023",
        "--unit",
        "Vĩnh Chấp",
        "-o",
        "x.yaml",
        "--schema",
    )
    assert made.exit_code == 0, made.stderr
    return tmp_path


def _errors(body: dict[str, Any], data: Any) -> list[str]:
    return [e.message for e in jsonschema.Draft202012Validator(body).iter_errors(data)]


def test_a_fresh_template_validates_against_the_generic_and_its_set_s_schema(template):
    data = yamlsource.load_file(template / "x.yaml").data
    assert _errors(schema("evidence"), data) == []
    beside = json.loads((template / "ref-commune-2023.schema.json").read_text("utf-8"))
    assert beside == evidence_schema_for(load_criteria("ref-commune-2023"))
    assert _errors(beside, data) == []


def test_the_template_s_first_line_points_at_the_schema_written_beside_it(template):
    first = (template / "x.yaml").read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=ref-commune-2023.schema.json"
    text = (template / "x.yaml").read_text("utf-8")
    assert "parscore schema evidence --criteria ref-commune-2023 --output" in text
    again = run(
        "template", "--criteria", "ref-commune-2023", "--unit", "X", "-o", "y.yaml", "--schema"
    )
    assert again.exit_code == 2  # the schema is there: replaced only with --force
    assert not (template / "y.yaml").exists()


def test_the_shipped_examples_validate_against_the_set_s_schema():
    body = evidence_schema_for(load_criteria("ref-commune-2023"))
    for path in sorted((ROOT / "evidence").glob("*.yaml")):
        assert _errors(body, yamlsource.load_file(path).data) == [], path.name


def test_the_set_s_schema_flags_what_parscore_refuses(template):
    body = evidence_schema_for(load_criteria("ref-commune-2023"))
    data = yamlsource.load_file(template / "x.yaml").data
    assert _errors(schema("evidence"), {**data, "items": {"3.2": {"on_tme": 5}}}) == []
    for items, word in (
        ({"3.2": {"on_tme": 5, "settled": 10}}, "on_tme"),
        ({"1.4": {"level": "parly"}}, "parly"),
        ({"1.1.4": {"done": 1.5}}, "integer"),
        ({"1.1.4": {"percent": 101}}, "maximum"),
        ({"9.9": {}}, "9.9"),
        ({"S.1": {"percent": 90}}, "S.1"),
        ({"1.1.1": {"nothing_occurred": "không"}}, "nothing_occurred"),
    ):
        errors = _errors(body, {**data, "items": items})
        assert errors and word in " ".join(errors), (items, errors)


def test_the_set_s_schema_speaks_the_set_s_words():
    body = evidence_schema_for(load_criteria("ref-commune-2023"))
    item = body["properties"]["items"]["properties"]["3.2"]
    assert item["description"].startswith("3.2 Tỷ lệ hồ sơ giải quyết đúng hạn — tối đa 5.")
    assert item["properties"]["on_time"]["description"].startswith("Số hồ sơ giải quyết đúng hạn")
    level = body["properties"]["items"]["properties"]["1.4"]["properties"]["level"]
    assert level["enum"] == ["done", "partly", "none", None]
    english = evidence_schema_for(load_criteria("ref-commune-2023"), "en")
    assert "max 5" in english["properties"]["items"]["properties"]["3.2"]["description"]


def test_criteria_goes_with_the_evidence_schema_only():
    result = run("schema", "result", "--criteria", "ref-commune-2023", "--lang", "en")
    assert result.exit_code == 2
    assert "--criteria goes with 'parscore schema evidence' only" in result.stderr


def test_a_rule_s_numbers_may_be_references_to_the_set_s_parameters():
    body = schema("criteria")
    rule = {"kind": "proportional", "full_at": "$online_payment_target"}
    band = {"at_least": "$online_share_target / 2", "below": 35, "points": 1}
    node = body["$defs"]
    assert _errors(node["ProportionalParams"] | {"$defs": node}, rule) == []
    assert _errors(node["RuleBand"] | {"$defs": node}, band) == []
    # any other text is still not a number: the form parscore refuses is refused here too
    assert _errors(node["RuleBand"] | {"$defs": node}, band | {"points": "$x + 1"})
    assert _errors(node["ProportionalParams"] | {"$defs": node}, rule | {"full_at": "35%"})


def test_a_set_with_survey_rows_inside_fields_has_them_under_survey(tmp_path, monkeypatch):
    """Rows scored by the survey inside a field are filled under survey:, as the template
    writes them and parscore reads them; the set's schema says the same."""
    monkeypatch.chdir(tmp_path)
    path = ROOT / "tests" / "data" / "setlevel" / "setlevel-2025.yaml"
    cs = load_criteria(str(path))
    inside = [n.id for f in cs.fields for n in f.walk() if n.is_leaf and n.scored_by == "outside"]
    assert inside  # the test set has such rows
    body = evidence_schema_for(cs)
    assert set(inside) <= set(body["properties"]["survey"]["properties"])
    assert not set(inside) & set(body["properties"]["items"]["properties"])
    made = run("template", "--criteria", str(path), "--unit", "Thử", "-o", "t.yaml", "--schema")
    assert made.exit_code == 0, made.stderr
    assert _errors(body, yamlsource.load_file(tmp_path / "t.yaml").data) == []


def test_a_bonus_line_s_kind_is_one_its_set_lists():
    ward = evidence_schema_for(
        load_criteria(str(ROOT / "docs" / "examples" / "ref-ward-2023.yaml"))
    )
    line = {"kind": "initiative-district", "reason": "Một cửa không giấy"}
    assert _errors(ward["properties"]["bonus"] | {"$defs": ward["$defs"]}, [line]) == []
    wrong = [line | {"kind": "initiative-distric"}]
    assert _errors(ward["properties"]["bonus"] | {"$defs": ward["$defs"]}, wrong)
    plain = evidence_schema_for(load_criteria("ref-commune-2023"))  # no kinds: none is taken
    assert _errors(plain["properties"]["bonus"] | {"$defs": plain["$defs"]}, [line])
    assert (
        _errors(plain["properties"]["bonus"] | {"$defs": plain["$defs"]}, [{"reason": "x"}]) == []
    )


def test_the_evidence_types_keep_their_schema_however_they_are_validated():
    """The value types of the evidence are validated with as few calls of Python as they need
    (issue #13); what the schema says of them stays as it was written by hand here."""
    defs = schema("evidence")["$defs"]
    text = {"minLength": 1, "type": "string"}
    assert defs["Unit"]["properties"]["name"] == {**text, "title": "Name"}
    assert defs["Document"]["properties"]["number"]["anyOf"] == [text, {"type": "null"}]
    assert defs["Item"]["properties"]["explanation"]["anyOf"] == [text, {"type": "null"}]
    claimed = defs["Item"]["properties"]["claimed"]["anyOf"]
    assert claimed == [{"type": "number", "minimum": 0}, {"type": "null"}]
    assert list(claimed[0]) == ["type", "minimum"]  # as written, in this order
    assert defs["Document"]["properties"]["date"]["anyOf"][0]["type"] == "string"
