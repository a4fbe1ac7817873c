"""The strict YAML layer: values as parscore needs them, and every refusal located exactly."""

from __future__ import annotations

import codecs
from decimal import Decimal

import pytest

from parscore import yamlsource
from parscore.errors import InputError
from parscore.yamlsource import Limits


def load(text: str):
    return yamlsource.load_text(text, "f.yaml").data


def problems(text: str | bytes, limits: Limits = yamlsource.DEFAULT_LIMITS) -> list[str]:
    with pytest.raises(InputError) as info:
        if isinstance(text, bytes):
            yamlsource.load_bytes(text, "f.yaml", limits)
        else:
            yamlsource.load_text(text, "f.yaml", limits)
    return [p.format("en", show_source=False) for p in info.value.problems]


def test_plain_values_are_typed_the_way_evidence_needs():
    data = load(
        "a: no\nb: 0.1\nc: 1.200\nd: 00004\ne: 06/02/2023\nf: 2023-02-06\n"
        "g: true\nh: ~\ni: 1,5\nj: '5'\nk: -3\nl: 92%\nm: yes\nn:\n"
    )
    assert data == {
        "a": "no",
        "b": Decimal("0.1"),
        "c": Decimal("1.200"),
        "d": "00004",
        "e": "06/02/2023",
        "f": "2023-02-06",
        "g": True,
        "h": None,
        "i": "1,5",
        "j": "5",
        "k": -3,
        "l": "92%",
        "m": "yes",
        "n": None,
    }
    assert str(data["c"]) == "1.200"  # exactly as typed


def test_keys_are_always_the_text_typed():
    assert load("1.1: a\n3: b\ntrue: c\nno: d\n") == {"1.1": "a", "3": "b", "true": "c", "no": "d"}


def test_decomposed_text_is_normalised_to_nfc():
    nfd = "name: Vi\u0303nh Cha\u0302\u0301p\n"
    assert load(nfd) == {"name": "Vĩnh Chấp"}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "a: 1\nb: 2\na: 3\n",
            "f.yaml:3:1: duplicate key 'a' (first at line 1) [yaml.duplicate-key]",
        ),
        (
            "x:\n  a: 1\n  a: 2\n",
            "f.yaml:3:3: duplicate key 'a' (first at line 2) [yaml.duplicate-key]",
        ),
        (
            "- {a: 1, a: 2}\n",
            "f.yaml:1:10: duplicate key 'a' (first at line 1) [yaml.duplicate-key]",
        ),
        (
            "a: &x 1\nb: 2\n",
            "f.yaml:1:4: YAML anchors and aliases (&, *) are not allowed: write the content out [yaml.alias]",
        ),
        (
            "a: 1\nb: *x\n",
            "f.yaml:2:4: YAML anchors and aliases (&, *) are not allowed: write the content out [yaml.alias]",
        ),
        (
            "<<: {a: 1}\n",
            "f.yaml:1:1: the YAML merge key '<<' is not allowed: write the content out [yaml.merge-key]",
        ),
        (
            "a: !!python/object:os.system x\n",
            "f.yaml:1:4: the YAML tag '!!python/object:os.system' is not allowed [yaml.tag]",
        ),
        (
            "a: !!int 5\n",
            "f.yaml:1:4: the YAML tag '!!int' is not allowed [yaml.tag]",
        ),
        ("a: .inf\n", "f.yaml:1:4: '.inf' is not a finite number [yaml.not-finite]"),
        ("a: -.inf\n", "f.yaml:1:4: '-.inf' is not a finite number [yaml.not-finite]"),
        ("a: .nan\n", "f.yaml:1:4: '.nan' is not a finite number [yaml.not-finite]"),
        (
            "a: 1\n\tb: 2\n",
            "f.yaml:2:1: tabs cannot indent YAML: use spaces ('a' on line 1 above starts at "
            "column 1) [yaml.tab-indent]",
        ),
        ("\ta: 1\n", "f.yaml:1:1: tabs cannot indent YAML: use spaces [yaml.tab]"),
        (
            "a: 1\n---\nb: 2\n",
            "f.yaml:2:1: the file holds several YAML documents (---): one document per file "
            "[yaml.multiple-documents]",
        ),
        ("", "f.yaml: the file is empty [file.empty]"),
        ("# only a comment\n", "f.yaml: the file is empty [file.empty]"),
        (
            "a: [1, 2\n",
            "f.yaml:1:4: the '[' opened here is never closed with ']' (or a comma is missing "
            "between its entries) [yaml.unclosed-flow]",
        ),
        (
            "? [a]\n: 1\n",
            "f.yaml:1:3: a key must be plain text, not a list or a mapping [yaml.key-not-scalar]",
        ),
    ],
)
def test_refusals_are_located(text, expected):
    assert problems(text)[0] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "unit:\n  name: x\n kind: y\n",
            "f.yaml:3:2: this line starts at column 2, lined up neither with 'name' on line 2 "
            "(column 3) nor with the keys of the block that starts on line 1 (column 1): add or "
            "remove spaces at the start of the line to move it to one of those columns "
            "[yaml.indentation-between]",
        ),
        (  # deeper than the key and value above: libyaml sees the value go on, then a colon
            'items:\n  "3.2":\n    on_time: 5\n      settled: 6\n',
            "f.yaml:4:7: 'settled' is indented deeper than 'on_time' on line 3 above it: remove "
            "spaces at the start of the line so that it starts at column 5, like 'on_time' "
            "[yaml.over-indented]",
        ),
        (  # words before the colon: a long value going on, with a colon inside it
            "a:\n  title: Báo cáo kết quả\n    giải quyết: năm 2023\n",
            "f.yaml:3:15: a colon and a space (': ') inside a value: put the whole value in "
            'double quotes, e.g. title: "Plan: 2023" [yaml.colon-in-value]',
        ),
        (  # the same after a comment, which ends the value: libyaml says something else
            "a:\n  b: 1  # one\n\n  # two\n     c: 2\n",
            "f.yaml:5:6: 'c' is indented deeper than 'b' on line 2 above it: remove spaces at the "
            "start of the line so that it starts at column 3, like 'b' [yaml.over-indented]",
        ),
        (  # deeper than a key with no value: a nested block, whose next key comes back too far
            "a:\n  b:\n      c: 1\n    d: 2\n",
            "f.yaml:4:5: this line starts at column 5, lined up neither with 'c' on line 3 "
            "(column 7) nor with the keys of the block that starts on line 2 (column 3): add or "
            "remove spaces at the start of the line to move it to one of those columns "
            "[yaml.indentation-between]",
        ),
        (
            "title: Kế hoạch: năm 2023\n",
            "f.yaml:1:16: a colon and a space (': ') inside a value: put the whole value in double "
            'quotes, e.g. title: "Plan: 2023" [yaml.colon-in-value]',
        ),
        ("a: 1\nb\nc: 2\n", "f.yaml:2:1: this line has no ':' after its key [yaml.missing-colon]"),
        (
            'a: "abc\nb: 2\n',
            "f.yaml:1:4: the quote opened here is never closed [yaml.unclosed-quote]",
        ),
        (  # left open, the text runs on to the next quote (a key's, three lines down), where
            # libyaml stops: the mistake is where the quote opened, not an indentation there
            'items:\n  "1.1":\n    title: "Kế hoạch năm 2024\n    claimed: 1\n  # 1.2\n'
            '  "1.2":\n    met: true\n',
            "f.yaml:3:12: the quote opened here is never closed [yaml.unclosed-quote]",
        ),
        (  # a quote inside plain text opens nothing: the mistake below is told as it is
            'a:\n  note: man hinh 5" lon\n  b: 1\n   c: 2\n',
            "f.yaml:4:4: 'c' is indented deeper than 'b' on line 3 above it: remove spaces at the "
            "start of the line so that it starts at column 3, like 'b' [yaml.over-indented]",
        ),
        (  # nor one inside a block text
            'a:\n  note: |\n    he said "hi\n  b: 1\n   c: 2\n',
            "f.yaml:5:4: 'c' is indented deeper than 'b' on line 4 above it: remove spaces at the "
            "start of the line so that it starts at column 3, like 'b' [yaml.over-indented]",
        ),
        (  # nor one inside a single-quoted text over two lines
            "a: 'one\n  two \" three'\nb: 1\n c: 2\n",
            "f.yaml:4:2: 'c' is indented deeper than 'b' on line 3 above it: remove spaces at the "
            "start of the line so that it starts at column 1, like 'b' [yaml.over-indented]",
        ),
        (  # closed on a later line, a quoted text over two lines is fine: the mistake is elsewhere
            'a: "one\n  two"\nb: 1\n c: 2\n',
            "f.yaml:4:2: 'c' is indented deeper than 'b' on line 3 above it: remove spaces at the "
            "start of the line so that it starts at column 1, like 'b' [yaml.over-indented]",
        ),
        (
            "a: @x\n",
            "f.yaml:1:4: a YAML value cannot start with '@': put the whole value in double quotes "
            "[yaml.bad-start]",
        ),
        (
            'a: "x\\q"\n',
            "f.yaml:1:6: a '\\' inside double quotes starts an unknown escape: use single quotes, or "
            "write '\\\\' [yaml.bad-escape]",
        ),
        (
            "a:\n\tb: 1\n",
            "f.yaml:2:1: tabs cannot indent YAML: use spaces ('a' on line 1 above starts at "
            "column 1) [yaml.tab-indent]",
        ),
        (
            "a: {x: 1\nc: 3\n",
            "f.yaml:1:4: the '{' opened here is never closed with '}' (or a comma is missing "
            "between its entries) [yaml.unclosed-flow]",
        ),
    ],
)
def test_syntax_mistakes_say_what_to_do(text, expected):
    assert problems(text) == [expected]


def test_control_character_after_vietnamese_text_is_placed_by_characters():
    # libyaml counts bytes; "ĩ" and "ấ" are 2 and 3 bytes in UTF-8
    assert problems("name: Vĩnh Chấp\nby: Tổ công tác\x08\n")[0].startswith("f.yaml:2:16: ")


def test_every_problem_in_a_file_is_reported_in_order():
    found = problems("a: 1\na: 2\nb: .nan\nb: 3\n")
    assert [p.split(" ")[0] for p in found] == ["f.yaml:2:1:", "f.yaml:3:4:", "f.yaml:4:1:"]


def test_alias_bomb_is_refused_before_expansion():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    assert problems("\n".join(lines) + "\n")[0].startswith("f.yaml:1:5: YAML anchors and aliases")


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_nesting_is_refused_without_crashing(opener):
    closer = "]" if opener == "[" else "}"
    text = opener * 200_000 + closer * 200_000
    assert problems(text)[0] == (
        "f.yaml:1:101: the structure is nested too deeply (more than 100 levels) [yaml.too-deep]"
        if opener == "["
        else "f.yaml:1:401: the structure is nested too deeply (more than 100 levels) [yaml.too-deep]"
    )


def test_deep_block_nesting_is_refused():
    text = "".join(" " * i + f"k{i}:\n" for i in range(150)) + " " * 150 + "v\n"
    assert problems(text)[0].endswith("(more than 100 levels) [yaml.too-deep]")


def test_nesting_limit_is_configurable():
    assert problems("[[[[1]]]]", Limits(max_depth=3))[0].startswith(
        "f.yaml:1:4: the structure is nested"
    )
    assert yamlsource.load_text("[[[1]]]", "f.yaml", Limits(max_depth=3)).data == [[[1]]]


def test_utf8_bom_and_utf16_with_bom_are_read():
    text = "name: Vĩnh Chấp\n"
    assert yamlsource.load_bytes(codecs.BOM_UTF8 + text.encode(), "f.yaml").data == {
        "name": "Vĩnh Chấp"
    }
    for encoding, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
        data = bom + text.encode(encoding)
        assert yamlsource.load_bytes(data, "f.yaml").data == {"name": "Vĩnh Chấp"}


def test_utf16_without_bom_is_named():
    assert problems("name: x\n".encode("utf-16-le")) == [
        "f.yaml:1:1: the file looks like UTF-16 without a byte order mark: save the file as UTF-8 "
        "[file.utf16-no-bom]"
    ]


def test_bytes_that_are_not_utf8_are_located():
    data = "a: 1\nname: Vĩnh ".encode() + b"Ch\xe2p\n"  # a legacy 8-bit "â"
    assert problems(data)[0].startswith("f.yaml:2:14: the file is not UTF-8 (invalid byte 0xe2)")
    assert problems(data)[0].endswith("save the file as UTF-8 [file.not-utf8]")


def test_control_character_is_located():
    assert problems("a: 1\nb: x\x08y\n") == [
        "f.yaml:2:5: the control character U+0008 is not allowed in YAML (pasted from another "
        "program?): delete it [file.control-char]"
    ]
    assert problems("a: &\x08\n")[0].startswith("f.yaml:1:5: the control character U+0008")


def test_nul_byte_is_located():
    assert problems(b"a: 1\nb: x\x00y\n") == [
        "f.yaml:2:5: the file contains a NUL byte: it is not a YAML text file [file.nul-byte]"
    ]


def test_file_size_limit():
    assert problems(b"a: 1\n" * 10, Limits(max_bytes=20)) == [
        "f.yaml: the file is 50 bytes, over the limit of 20 bytes (change it with "
        "--max-file-size) [file.too-large]"
    ]


def test_files_on_disk(tmp_path):
    missing = tmp_path / "none.yaml"
    with pytest.raises(InputError) as info:
        yamlsource.load_file(missing)
    assert info.value.problems[0].code == "file.not-found"
    with pytest.raises(InputError) as info:
        yamlsource.load_file(tmp_path)
    assert info.value.problems[0].code == "file.is-directory"


def test_position_of_key_paths():
    src = yamlsource.load_text("a:\n  b:\n    - x\n    - {c: 1}\n", "f.yaml")
    assert src.position(("a", "b", 1, "c")) == (4, 11)
    assert src.position(("a", "b", 1, "c"), prefer_key=True) == (4, 8)
    # names a validator inserts (a union's tag) are skipped; a missing key gives its parent
    assert src.position(("a", "tag", "b", 0)) == (3, 7)
    assert src.position(("a", "missing")) == (2, 3)


def test_message_shows_the_offending_line_with_a_caret():
    with pytest.raises(InputError) as info:
        yamlsource.load_text("a: 1\nb: .nan\n", "f.yaml")
    assert info.value.problems[0].format("vi") == (
        "f.yaml:2:4: '.nan' không phải một số hữu hạn [yaml.not-finite]\n    b: .nan\n       ^"
    )


def test_a_file_that_grew_after_its_size_was_taken_is_read_whole_or_refused(tmp_path, monkeypatch):
    import os

    path = tmp_path / "grows.yaml"
    path.write_bytes(b"a: 1\n" * 20)  # 100 bytes
    real_stat = os.stat

    def stale(target, *args, **kwargs):  # the size as it was before the file grew
        found = real_stat(target, *args, **kwargs)
        if str(target) != str(path):
            return found
        fields = list(found)
        fields[6] = 10  # st_size
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", stale)
    assert yamlsource.read_bytes(path, Limits(max_bytes=200)) == b"a: 1\n" * 20
    with pytest.raises(InputError) as caught:
        yamlsource.read_bytes(path, Limits(max_bytes=60))
    assert caught.value.problems[0].code == "file.too-large"
