"""Build the wheel, install it into a fresh virtual environment, and run what the README runs,
from outside the source tree. This catches what a green run in the working tree hides: a
shipped criteria set left out of the wheel, or a dependency that is installed here by chance.

It needs the package registry (for the build backend and the dependencies), as CI has.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "evidence" / "vinh-chap-2023.yaml"


def _run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh environment with the built wheel installed."""
    base = tmp_path_factory.mktemp("wheel")
    # a clean copy: setuptools reuses a stale build/ folder, which a fresh clone does not have
    source = base / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git",
            "build",
            "dist",
            "*.egg-info",
            "__pycache__",
            ".venv",
            ".pytest_cache",
            ".hypothesis",
        ),
    )
    wheels = base / "dist"
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--wheel-dir",
            str(wheels),
            str(source),
        ],
        cwd=base,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("parscore-*.whl")
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    pip = _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], cwd=base)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    return bin_dir


def _parscore(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PARSCORE_LANG")}
    return _run([str(bin_dir / "parscore"), *args], cwd=cwd, env=env)


def test_readme_main_command_from_a_wheel(installed: Path, tmp_path: Path):
    result = _parscore(installed, "evaluate", str(EXAMPLE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Chỉ số CCHC:" in result.stdout and "Xếp loại:" in result.stdout


def test_shipped_sets_are_found_from_any_folder(installed: Path, tmp_path: Path):
    listing = _parscore(installed, "criteria", "list", cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    assert "ref-commune-2023" in listing.stdout
    out = tmp_path / "x.yaml"
    made = _parscore(
        installed,
        "template",
        "--criteria",
        "ref-commune-2023",
        "--unit",
        "Vĩnh Chấp",
        "--output",
        str(out),
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    checked = _parscore(installed, "validate", str(out), cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_python_dash_m_works(installed: Path, tmp_path: Path):
    result = _run([str(installed / "python"), "-m", "parscore", "--version"], cwd=tmp_path)
    assert result.returncode == 0 and "parscore, phiên bản" in result.stdout


def test_criteria_show_and_the_meeting_list_from_a_wheel(installed: Path, tmp_path: Path):
    shown = _parscore(
        installed, "criteria", "show", "ref-commune-2023", "--depth", "2", cwd=tmp_path
    )
    assert shown.returncode == 0, shown.stderr
    assert "1.1.1" not in shown.stdout and "3.2 " in shown.stdout
    missing = _parscore(
        installed,
        "evaluate",
        str(ROOT / "evidence" / "dong-phu-2023.yaml"),
        "--missing",
        cwd=tmp_path,
    )
    assert missing.returncode == 0, missing.stderr
    assert "Đơn vị chủ trì:" in missing.stdout


def test_the_reference_set_s_cases_ship_in_the_wheel(installed: Path, tmp_path: Path):
    tested = _parscore(
        installed, "--lang", "en", "criteria", "test", "ref-commune-2023", cwd=tmp_path
    )
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "parscore/criteria/cases/ref-commune-2023.yaml: " in tested.stdout
    assert tested.stdout.rstrip().endswith(" passed, 0 failed")


def test_every_package_of_the_source_tree_is_in_the_wheel():
    # pyproject.toml lists the packages by hand: a new one (parscore/appraisal/ was one) must be
    # added there, or a non-editable install lacks it
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "parscore").rglob("__init__.py")
    }
    assert found - listed == set()
