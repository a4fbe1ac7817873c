"""Every command the README shows is run, and what it prints is what the README shows.

The README's ```sh blocks hold commands to type; every ``parscore ...`` command in them is run,
in the README's order (the template written by one is validated by the next), with ``python -m
parscore``, in a temporary folder holding a copy of the shipped examples: nothing is written
into the repository, and ``--output`` files land in that folder. Each must exit 0, or the code
:data:`EXIT` gives it. A block that starts with ``$ `` shows a command and its output: the
output (standard output, then standard error) must be exactly what the README shows. Output
blocks are kept few and stable (an error message), since other reports change with the code.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

#: commands the README shows failing, with their exit code (bad input: 2)
EXIT = {"parscore evaluate docs/examples/mistakes.yaml": 2}

#: what the README's ```sh blocks may hold besides parscore: installing, and the tests
OTHER_COMMANDS = ("python -m pip install", "python -m pytest")

#: what the commands read, copied into the temporary folder
COPIED = ("evidence", "docs/examples", "appraisal")


@dataclass(frozen=True)
class Command:
    text: str  # as the README writes it, continuation lines joined
    args: list[str]  # after "parscore"
    shown: str | None = None  # the output a "$ " block shows


def _sh_commands(block: str) -> list[str]:
    lines = block.replace("\\\n", " ").splitlines()
    commands = []
    for line in lines:
        tokens = shlex.split(line, comments=True)
        current: list[str] = []
        for token in [*tokens, "&&"]:
            if token != "&&":
                current.append(token)
            elif current:
                commands.append(shlex.join(current))
                current = []
    return commands


def readme_commands() -> list[Command]:
    """Every command of the README, in its order."""
    found: list[tuple[int, Command]] = []
    for match in re.finditer(r"```sh\n(.*?)```", README, re.DOTALL):
        for text in _sh_commands(match.group(1)):
            if text.startswith(OTHER_COMMANDS):
                continue
            args = shlex.split(text)
            assert args[0] == "parscore", f"a README command that no test runs: {text}"
            found.append((match.start(), Command(text, args[1:])))
    for match in re.finditer(r"```\n\$ ([^\n]*)\n(.*?)```", README, re.DOTALL):
        args = shlex.split(match.group(1))
        assert args[0] == "parscore", match.group(1)
        found.append((match.start(), Command(match.group(1), args[1:], match.group(2))))
    return [command for _, command in sorted(found, key=lambda pair: pair[0])]


COMMANDS = readme_commands()


def test_the_readme_commands_are_found():
    texts = [c.text for c in COMMANDS]
    assert len(texts) >= 11, texts
    assert any(c.shown for c in COMMANDS)
    assert set(EXIT) <= set(texts), "EXIT names a command the README no longer shows"
    for command in COMMANDS:  # run in a copy: no path may lead out of it
        for arg in command.args:
            assert not Path(arg).is_absolute() and ".." not in Path(arg).parts, command.text


def test_the_template_command_names_the_shipped_example_and_the_year():
    # the commune code is the shipped example's, and the year is not left to be guessed
    shipped = yaml.safe_load((ROOT / "evidence" / "vinh-chap-2023.yaml").read_text("utf-8"))
    template = next(c.args for c in COMMANDS if c.args[0] == "template")
    option = dict(zip(template[1::2], template[2::2], strict=True))
    assert option["--code"] == shipped["unit"]["code"]
    assert option["--unit"] == shipped["unit"]["name"]
    assert option["--year"] == "2024" and "2024" in option["--output"]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARSCORE_")}
    env["PARSCORE_CACHE_DIR"] = str(cwd.parent / "cache")
    return subprocess.run(
        [sys.executable, "-m", "parscore", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def test_every_readme_command_runs_as_shown(tmp_path: Path):
    work = tmp_path / "repo"
    for folder in COPIED:
        shutil.copytree(ROOT / folder, work / folder)
    for command in COMMANDS:
        done = _run(command.args, work)
        expected = EXIT.get(command.text, 0)
        assert done.returncode == expected, (command.text, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr, command.text
        if command.shown is not None:
            assert done.stdout + done.stderr == command.shown, command.text
    outputs = [c.args[c.args.index("--output") + 1] for c in COMMANDS if "--output" in c.args]
    assert len(outputs) >= 3
    for output in outputs:
        assert (work / output).stat().st_size > 0, output


@pytest.mark.parametrize("folder", COPIED)
def test_what_the_commands_read_is_in_the_repository(folder):
    assert any((ROOT / folder).glob("*.yaml")), folder
