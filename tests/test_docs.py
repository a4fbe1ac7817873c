"""The documentation says what the code does."""

from __future__ import annotations

import re
from pathlib import Path

from parscore.messages import CATALOGUE
from parscore.rules import KINDS
from parscore.rules.doc import markdown

ROOT = Path(__file__).resolve().parent.parent


def test_rules_page_is_generated_from_the_code():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == markdown(), "run: python -m parscore.rules.doc > docs/rules.md"


def test_every_rule_kind_has_an_example_in_its_docstring():
    for kind in KINDS.values():
        assert "Criteria" in kind.__doc__ and "Evidence" in kind.__doc__, kind.name


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(python -m pip install[^\n]*)\n```", readme)
    assert len(commands) == 2, commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_every_message_has_both_languages_and_the_same_placeholders():
    for code, (vi, en) in CATALOGUE.items():
        assert vi and en, code
        names = lambda text: set(re.findall(r"{(\w+)", text))  # noqa: E731
        # one argument for every language: a text that differs by language is a Phrase
        assert names(vi) == names(en), code
