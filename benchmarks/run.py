#!/usr/bin/env python3
"""Benchmark parscore on N synthetic communes against the targets of issue #13.

    python benchmarks/run.py [--n 10000] [--jobs 2] [--keep DIR] [--seed S] [--repeat R]
                             [--sizes 1000,3000] [--short-repeat R] [--json FILE]
                             [--check [--check-sample K]]

Writes N evidence files with ``benchmarks/generate.py`` (or reuses ``--keep DIR``), then, on
those same files, runs each measured command in a FRESH process, started from a throwaway
``python -c`` wrapper so that the wall time includes the command's start-up and the peak memory
is that command's own (``getrusage(RUSAGE_CHILDREN).ru_maxrss`` of the wrapper: the largest
single process among the command and its workers). The wrapper also samples the proportional
memory (PSS) of the whole process tree every 0.2 s, which is what ``--jobs 2`` really costs.

  floor      read every file and ``yaml.load(..., Loader=yaml.CSafeLoader)``, nothing else
  compare    ``parscore compare DIR --format json --output X --no-cache``, one process
  --jobs J   the same with ``--jobs J``
  cache fill ``parscore compare DIR --format json --output X`` with a fresh PARSCORE_CACHE_DIR
  re-run     the same command again, files unchanged: the cache's figure
  evaluate   ``parscore evaluate ONEFILE``, whole process (median of 5)
  --help     ``parscore --help`` (median of 5)

The floor, compare and ``--jobs`` run back to back once per ``--repeat``, and each ratio to
the floor is the median of those paired ratios. Then the time per commune at each of
``--sizes`` (the first N files) and, in one process over 500 files, each stage's time per file
as a multiple of the floor's (:data:`STAGES`), so that a regression shows which stage it is in.

It prints each figure, its ratio to the floor, the peak memory and whether each target (set
for 10,000 communes on a 2-core machine) is met, and the machine it ran on. Until
parscore has its cache (``--no-cache``, ``PARSCORE_CACHE_DIR``), the cache rows say "cache: not
available" and the rest runs without the flag.

``--check`` instead checks the generator: a sample of 50 files (``--check-sample K``; 0 for
every file) must pass ``parscore validate --strict`` (no error, no warning), the same seed must
write the same bytes, and the files must look like real ones (size, missing items, "nothing
occurred", names in NFD). Exit code 1 if a check fails.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py, beside this file)

# --- targets (issue #13), for 10,000 communes on a 2-core machine -------------------------------
TARGET_N = 10_000
TARGET_CORES = 2
ONE_PROCESS_MAX_RATIO = 1.0
JOBS2_MAX_RATIO = 0.6
MEMORY_MAX_MIB = 300
EVALUATE_MAX_S = 0.3
HELP_MAX_S = 0.15
CACHE_MIN_SPEEDUP = 20
SIZES = (1_000, 3_000)  # also measured, with the full --n, for the time per commune as n grows
STAGE_SAMPLE = 500  # files timed stage by stage, in one process

# Where the time goes, stage by stage, in one process over a sample of the files already read:
# each stage is timed in a loop of its own over every file (the stages before it run again,
# untimed), since timing stages in turn on one file lets each warm the next one's memory and
# makes both the floor and parscore's reading look other than they are alone.
STAGES = r"""
import gc, json, sys, time, yaml
from pathlib import Path
from parscore.cache import ResultCache
from parscore.compare import summarize
from parscore.loading import CriteriaResolver, evidence_from_source
try:  # what compare reads and scores with; older parscores had only the full paths
    from parscore.fastyaml import load_bytes as read_yaml
except ImportError:
    from parscore.yamlsource import load_bytes as read_yaml
try:
    from parscore.engine import score
except ImportError:
    from parscore.engine import evaluate as score
folder, sample = Path(sys.argv[1]), int(sys.argv[2])
files = sorted(p for p in folder.iterdir() if p.suffix == ".yaml")[:sample]
resolver = CriteriaResolver()
cache = ResultCache(None)
gc.set_threshold(100_000, 50, 1000)  # as parscore compare sets it
started = time.perf_counter()
datas = [(path, path.read_bytes()) for path in files]
spent = {"read": time.perf_counter() - started}
started = time.perf_counter()
for path, data in datas:
    yaml.load(data, Loader=yaml.CSafeLoader)
spent["floor"] = time.perf_counter() - started
def parsed(path, data):
    return read_yaml(data, path.name, resolver.limits)
def checked(path, data):
    return evidence_from_source(parsed(path, data), resolver, base=path.parent)
stages = {  # name: (what it starts from, untimed; the stage, timed)
    "parscore reading": (lambda path, data: data, lambda data, path: parsed(path, data)),
    "validation and checks": (
        parsed, lambda src, path: evidence_from_source(src, resolver, base=path.parent)
    ),
    "scoring": (checked, lambda ev, path: score(ev)),
    "summary": (lambda path, data: score(checked(path, data)), lambda s, path: summarize(s)),
    "cache key": (
        lambda path, data: data,
        lambda data, path: cache.key(data, str(path), None, resolver.limits),
    ),
}
for name, (before, stage) in stages.items():
    total = 0.0
    for path, data in datas:
        given = before(path, data)
        started = time.perf_counter()
        stage(given, path)
        total += time.perf_counter() - started
    spent[name] = total
print(json.dumps({"files": len(files), "ms": {k: v / len(files) * 1000 for k, v in spent.items()}}))
"""

# The floor: reading and parsing every file with libyaml, nothing else.
FLOOR = r"""
import os, sys, yaml
folder = sys.argv[1]
loader = yaml.CSafeLoader
count = 0
for name in sorted(os.listdir(folder)):
    if name.endswith(".yaml"):
        with open(os.path.join(folder, name), "rb") as handle:
            yaml.load(handle.read(), Loader=loader)
        count += 1
print(count)
"""

# The wrapper: runs one command, prints its wall time, exit code, the peak RSS of its largest
# process (RUSAGE_CHILDREN counts every waited-for descendant) and the sampled peak PSS of the
# whole process tree.
WRAPPER = r"""
import json, os, resource, subprocess, sys, threading, time
spec = json.loads(sys.argv[1])
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024

def tree_kb(root):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    ppid = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
                for line in handle:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            try:
                with open(f"/proc/{pid}/statm", "rb") as handle:
                    total += int(handle.read().split()[1]) * PAGE_KB
            except OSError:
                pass
        stack.extend(children.get(pid, ()))
    return total

out = open(spec["stdout"], "wb") if spec.get("stdout") else subprocess.DEVNULL
err = open(spec["stderr"], "wb")
peak = [0]
stop = threading.Event()
started = time.perf_counter()
proc = subprocess.Popen(spec["cmd"], stdout=out, stderr=err, stdin=subprocess.DEVNULL)

def sample():
    while not stop.wait(spec["interval"]):
        try:
            peak[0] = max(peak[0], tree_kb(proc.pid))
        except Exception:
            pass

if os.path.isdir("/proc") and spec["interval"] > 0:
    threading.Thread(target=sample, daemon=True).start()
code = proc.wait()
wall = time.perf_counter() - started
stop.set()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "rc": code, "maxrss_kb": usage.ru_maxrss, "tree_kb": peak[0],
                  "cpu": usage.ru_utime + usage.ru_stime}))
"""


@dataclass
class Run:
    wall: float
    rc: int
    maxrss_mib: float
    tree_mib: float
    cpu: float
    stderr: str
    steal: float = 0.0  # CPU seconds the hypervisor gave to others meanwhile (all CPUs)


def busy_cpus(seconds: float = 1.0) -> float | None:
    """How many CPUs other programs keep busy, from /proc/stat over ``seconds`` (this process
    sleeps meanwhile), or None where there is no /proc/stat."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as handle:
            values = [int(v) for v in handle.readline().split()[1:]]
        idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
        return sum(values[:8]), idle

    try:
        total0, idle0 = sample()
        time.sleep(seconds)
        total1, idle1 = sample()
    except (OSError, ValueError, IndexError):
        return None
    elapsed = total1 - total0
    if elapsed <= 0:
        return None
    return round((elapsed - (idle1 - idle0)) / elapsed * (os.cpu_count() or 1), 2)


def cpu_steal() -> float:
    """Seconds of CPU 'steal' so far (a virtual machine's CPUs running someone else), or 0."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = handle.readline().split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


@dataclass
class Figure:
    key: str
    label: str
    runs: list[Run] = field(default_factory=list)
    note: str = ""
    skipped: str = ""  # why there is no figure

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(r.rc == 0 for r in self.runs)

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def maxrss(self) -> float:
        return max(r.maxrss_mib for r in self.runs)

    @property
    def tree(self) -> float:
        return max(r.tree_mib for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def memory(self) -> float:
        """What the memory target is checked against: the larger of the exact peak of the
        largest process and the sampled peak of the whole tree."""
        return max(self.maxrss, self.tree)


def measure(
    cmd: list[str],
    env: dict[str, str],
    scratch: Path,
    *,
    stdout: Path | None = None,
    interval: float = 0.2,
) -> Run:
    """Run ``cmd`` in a fresh process, from a throwaway wrapper process."""
    err = Path(tempfile.mkstemp(prefix="stderr-", dir=scratch)[1])
    spec = {
        "cmd": cmd,
        "stderr": str(err),
        "stdout": str(stdout) if stdout else None,
        "interval": interval,
    }
    steal = cpu_steal()
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, json.dumps(spec)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    steal = cpu_steal() - steal
    if done.returncode != 0:
        raise SystemExit(f"the measuring wrapper failed:\n{done.stderr}")
    data = json.loads(done.stdout.strip().splitlines()[-1])
    text = err.read_text(encoding="utf-8", errors="replace")
    err.unlink()
    return Run(
        data["wall"],
        data["rc"],
        data["maxrss_kb"] / 1024,
        data["tree_kb"] / 1024,
        data["cpu"],
        text,
        steal,
    )


# --- the machine -----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    memory = int(line.split()[1]) / 1024 / 1024
                    break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    versions = {}
    for name in ("parscore", "pydantic", "PyYAML", "click"):
        try:
            from importlib.metadata import version

            versions[name] = version(name)
        except Exception:
            versions[name] = "?"
    try:
        import yaml

        libyaml = bool(getattr(yaml, "__with_libyaml__", False))
    except ImportError:
        libyaml = False
    return {
        "cpu": cpu,
        "cores": usable,
        "memory_gib": round(memory, 1) if memory else None,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "versions": versions,
        "libyaml": libyaml,
    }


def machine_text(m: dict[str, Any]) -> str:
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items())
    memory = f"{m['memory_gib']} GiB" if m["memory_gib"] else "?"
    return (
        f"Machine: {m['cpu']}, {m['cores']} cores, {memory} memory, {m['os']}; "
        f"Python {m['python']}; {versions}; libyaml {'yes' if m['libyaml'] else 'NO'}"
    )


# --- files -----------------------------------------------------------------------------------


def yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".yaml")


def prepare(args: argparse.Namespace, scratch: Path) -> tuple[Path, str]:
    """The folder of evidence files, and how it came to be."""
    if args.keep:
        folder = Path(args.keep)
        marker = folder / generate.MARKER
        if marker.exists():
            made = json.loads(marker.read_text(encoding="utf-8"))
            wanted = {"n": args.n, "seed": args.seed, "generator": generate.GENERATOR_VERSION}
            if all(made.get(k) == v for k, v in wanted.items()):
                return folder, f"reused {folder} ({made['n']:,} files, seed {made['seed']})"
            raise SystemExit(
                f"{folder} holds files for n={made.get('n')} seed={made.get('seed')}: "
                f"give another --keep folder, or --n {made.get('n')} --seed {made.get('seed')}"
            )
        if folder.exists() and any(folder.iterdir()):
            raise SystemExit(f"{folder} is not empty and was not written by generate.py")
    else:
        folder = scratch / "evidence"
    print(f"Generating {args.n:,} files (seed {args.seed}) in {folder} ...", flush=True)
    totals = generate.generate(args.n, folder, args.seed, quiet=False)
    return folder, f"generated: {generate.summary(totals)}"


def parscore_cmd() -> list[str]:
    exe = shutil.which("parscore")
    return [exe] if exe else [sys.executable, "-m", "parscore"]


def has_cache_flags(base_env: dict[str, str]) -> bool:
    done = subprocess.run(
        parscore_cmd() + ["compare", "--help"],
        capture_output=True,
        text=True,
        env=base_env,
        check=False,
    )
    return "--no-cache" in done.stdout


def no_such_option(run: Run) -> bool:
    return "no such option" in run.stderr.lower() and "--no-cache" in run.stderr


# --- the measurements ------------------------------------------------------------------------


def run_all(args: argparse.Namespace, folder: Path, scratch: Path) -> tuple[list[Figure], dict]:
    base_env = dict(os.environ)
    base_env.pop("PARSCORE_LANG", None)
    files = yaml_files(folder)
    n = len(files)
    outputs: dict[str, str] = {}  # figure -> sha256 of its JSON output
    info: dict[str, Any] = {"files": n}

    def env_with_cache(tag: str) -> tuple[dict[str, str], Path]:
        cache = Path(tempfile.mkdtemp(prefix=f"cache-{tag}-", dir=scratch))
        return {**base_env, "PARSCORE_CACHE_DIR": str(cache)}, cache

    def out_path(tag: str) -> Path:
        return Path(tempfile.mkdtemp(prefix=f"out-{tag}-", dir=scratch)) / "compare.json"

    def keep_output(tag: str, path: Path) -> None:
        if path.exists():
            outputs[tag] = hashlib.sha256(path.read_bytes()).hexdigest()
            if tag == "compare":
                data = json.loads(path.read_bytes())
                info["ranked"] = sum(len(g["ranking"]) for g in data["groups"])
                info["excluded"] = len(data["excluded"])
                info["groups"] = len(data["groups"])
                info["output_mb"] = round(path.stat().st_size / 1e6, 1)
            path.unlink()

    # warm the page cache: every figure reads the same files from memory, not disk
    started = time.perf_counter()
    total = sum(len(p.read_bytes()) for p in files)
    info["read_s"] = round(time.perf_counter() - started, 3)
    info["mb"] = round(total / 1e6, 1)

    info["busy_before"] = busy_cpus()
    cache_ok = has_cache_flags(base_env)
    no_cache = ["--no-cache"] if cache_ok else []
    pc = parscore_cmd()
    figures: list[Figure] = []

    def step(label: str) -> None:
        print(f"  measuring: {label} ...", flush=True)

    # interpreter start-up, for reference
    fig = Figure("python", "python -c pass (start-up, reference)")
    step(fig.label)
    for _ in range(args.short_repeat):
        env, _ = env_with_cache("py")
        fig.runs.append(measure([sys.executable, "-c", "pass"], env, scratch, interval=0))
    figures.append(fig)

    # (a) the floor, (b) compare in one process, (c) the same with --jobs: back to back, once
    # per repeat, so that each ratio compares runs made under the same load
    floor = Figure("floor", "floor: read + yaml.load(CSafeLoader)")
    suffix = ", --no-cache" if cache_ok else ""
    pairs = [
        Figure("compare", "compare, 1 process" + suffix),
        Figure("jobs", f"compare --jobs {args.jobs}" + suffix),
    ]
    extras = {"compare": [], "jobs": ["--jobs", str(args.jobs)]}
    for repeat in range(args.repeat):
        step(f"{floor.label}, then compare, then --jobs {args.jobs} ({repeat + 1}/{args.repeat})")
        floor.runs.append(measure_floor(folder, env_with_cache("floor")[0], scratch, n, floor))
        for fig in pairs:
            env, _ = env_with_cache(fig.key)
            out = out_path(fig.key)
            cmd = pc + ["compare", str(folder), "--format", "json", "--output", str(out)]
            run = measure(cmd + no_cache + extras[fig.key], env, scratch)
            if no_cache and no_such_option(run):  # the help said yes, the command says no
                cache_ok, no_cache = False, []
                fig.label = fig.label.replace(", --no-cache", "")
                run = measure(cmd + extras[fig.key], env, scratch)
            fig.runs.append(run)
            keep_output(fig.key, out)
    figures += [floor, *pairs]

    # (d) the cache: fill it, then an unchanged re-run
    fill = Figure("fill", "compare, cache fill (first run)")
    rerun = Figure("rerun", "compare, unchanged re-run (cache)")
    if not cache_ok:
        fill.skipped = rerun.skipped = "cache: not available"
    else:
        step(fill.label + " / " + rerun.label)
        for _ in range(args.repeat):
            env, cache = env_with_cache("fill")
            out = out_path("fill")
            cmd = pc + ["compare", str(folder), "--format", "json", "--output", str(out)]
            run = measure(cmd, env, scratch)
            fill.runs.append(run)
            keep_output("fill", out)
            if no_such_option(run):
                fill.skipped = rerun.skipped = "cache: not available"
                fill.runs.clear()
                break
            size = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
            entries = sum(1 for p in cache.rglob("*") if p.is_file())
            info["cache_mb"] = round(size / 1e6, 1)
            info["cache_files"] = entries
            if entries == 0:
                fill.note = "PARSCORE_CACHE_DIR stayed empty"
            out = out_path("rerun")
            rerun.runs.append(measure(cmd[:-1] + [str(out)], env, scratch))
            keep_output("rerun", out)
    figures += [fill, rerun]

    # (e) evaluate one file, whole process; (f) --help
    one = files[0]
    for key, label, cmd in (
        ("evaluate", f"evaluate {one.name}", pc + ["evaluate", str(one)]),
        ("help", "parscore --help", pc + ["--help"]),
    ):
        fig = Figure(key, label)
        step(label)
        for _ in range(args.short_repeat):
            env, _ = env_with_cache(key)
            fig.runs.append(measure(cmd, env, scratch, interval=0.05))
        figures.append(fig)

    info["steal_s"] = round(sum(r.steal for f in figures for r in f.runs), 1)
    same = {tag: digest == outputs.get("compare") for tag, digest in outputs.items()}
    info["same_output"] = same
    info["cache_available"] = cache_ok
    return figures, info


def measure_floor(folder: Path, env: dict[str, str], scratch: Path, n: int, fig: Figure) -> Run:
    """One run of the floor over ``folder``, which must parse all ``n`` files."""
    count_file = scratch / "floor-count.txt"
    run = measure([sys.executable, "-c", FLOOR, str(folder)], env, scratch, stdout=count_file)
    parsed = count_file.read_text().strip()
    if parsed != str(n):
        fig.note = f"parsed {parsed} files, expected {n}"
    return run


def scaling(args: argparse.Namespace, folder: Path, scratch: Path) -> list[dict[str, Any]]:
    """Time per commune as n grows: for each of ``args.sizes`` below the whole folder, the floor
    and one-process ``compare --no-cache`` on the first n files (linked into a folder of their
    own), back to back, ``--repeat`` times."""
    files = yaml_files(folder)
    env = {k: v for k, v in os.environ.items() if k != "PARSCORE_LANG"}
    rows = []
    for size in sorted(s for s in args.sizes if s < len(files)):
        print(f"  measuring: time per commune at {size:,} ...", flush=True)
        part = scratch / f"first-{size}"
        part.mkdir()
        for path in files[:size]:
            (part / path.name).symlink_to(path)
        floor, comp = Figure("floor", "floor"), Figure("compare", "compare")
        for _ in range(args.repeat):
            floor.runs.append(measure_floor(part, env, scratch, size, floor))
            out = scratch / f"scaling-{size}.json"
            cmd = parscore_cmd() + ["compare", str(part), "--format", "json", "--output"]
            comp.runs.append(measure(cmd + [str(out), "--force", "--no-cache"], env, scratch))
        rows.append(
            {
                "n": size,
                "floor_ms": floor.wall / size * 1000,
                "compare_ms": comp.wall / size * 1000,
                "ratio": paired_ratio(comp, floor),
                "ok": comp.ok,
            }
        )
    return rows


def stages(folder: Path, sample: int) -> dict[str, Any] | None:
    """The per-stage breakdown (:data:`STAGES`), or None if it could not run."""
    print(f"  measuring: stage by stage over {sample} files ...", flush=True)
    done = subprocess.run(
        [sys.executable, "-c", STAGES, str(folder), str(sample)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def scaling_text(rows: list[dict[str, Any]], figures: list[Figure], n: int) -> list[str]:
    by = {f.key: f for f in figures}
    if by["floor"].ok and by["compare"].ok:
        rows = rows + [
            {
                "n": n,
                "floor_ms": by["floor"].wall / n * 1000,
                "compare_ms": by["compare"].wall / n * 1000,
                "ratio": paired_ratio(by["compare"], by["floor"]),
                "ok": True,
            }
        ]
    if not rows:
        return []
    lines = ["How the cost grows (one process, --no-cache, whole process with its start-up):"]
    lines.append(
        f"  {'communes':>9}  {'floor ms/commune':>16}  {'compare ms/commune':>18}  × floor"
    )
    for row in rows:
        lines.append(
            f"  {row['n']:>9,}  {row['floor_ms']:>16.2f}  {row['compare_ms']:>18.2f}  "
            f"{row['ratio']:.2f}" + ("" if row["ok"] else "  (ERROR)")
        )
    return lines


def stages_text(found: dict[str, Any] | None) -> list[str]:
    if not found:
        return ["Stage by stage: could not be measured (see the error above)."]
    ms = found["ms"]
    floor = ms["floor"] or 1.0
    lines = [f"Where the time goes, per file, over {found['files']} files in one process:"]
    for name, value in ms.items():
        lines.append(f"  {name:<24} {value:6.2f} ms   {value / floor:5.2f} × floor")
    ours = sum(v for k, v in ms.items() if k not in ("floor", "read"))
    lines.append(f"  {'parscore, all stages':<24} {ours:6.2f} ms   {ours / floor:5.2f} × floor")
    return lines


# --- the report ------------------------------------------------------------------------------


def paired_ratio(f: Figure, floor: Figure) -> float:
    """``f``'s time over the floor's: the median of the ratios of runs made back to back (the
    floor's run just before), which a busy machine moves less than the ratio of medians."""
    if f.key in PAIRED and len(f.runs) == len(floor.runs):
        return statistics.median(
            r.wall / base.wall for r, base in zip(f.runs, floor.runs, strict=True)
        )
    return f.wall / floor.wall


PAIRED = ("compare", "jobs")  # measured right after a run of the floor, once per --repeat


def verdicts(figures: list[Figure], jobs: int) -> dict[str, tuple[str, str]]:
    """figure key -> (target text, PASS/FAIL/—)."""
    by = {f.key: f for f in figures}
    floor = by["floor"].wall if by["floor"].ok else None
    out: dict[str, tuple[str, str]] = {}

    def judge(ok: bool) -> str:
        return "met" if ok else "NOT met"

    def mem_ok(f: Figure) -> bool:
        return f.memory < MEMORY_MAX_MIB

    for f in figures:
        if f.skipped:
            out[f.key] = ("", f.skipped)
            continue
        if not f.ok:
            out[f.key] = ("", f"ERROR (exit {max(r.rc for r in f.runs)})")
            continue
        if f.key == "compare" and floor:
            ratio = paired_ratio(f, by["floor"])
            out[f.key] = (
                f"≤ {ONE_PROCESS_MAX_RATIO}× floor, < {MEMORY_MAX_MIB} MiB",
                judge(ratio <= ONE_PROCESS_MAX_RATIO and mem_ok(f)),
            )
        elif f.key == "jobs" and floor:
            if jobs == TARGET_CORES:
                out[f.key] = (
                    f"≤ {JOBS2_MAX_RATIO}× floor, < {MEMORY_MAX_MIB} MiB",
                    judge(paired_ratio(f, by["floor"]) <= JOBS2_MAX_RATIO and mem_ok(f)),
                )
            else:
                out[f.key] = (f"< {MEMORY_MAX_MIB} MiB", judge(mem_ok(f)))
        elif f.key == "fill":
            out[f.key] = (f"< {MEMORY_MAX_MIB} MiB", judge(mem_ok(f)))
        elif f.key == "rerun" and by["fill"].ok:
            speedup = by["fill"].wall / f.wall
            out[f.key] = (
                f"≥ {CACHE_MIN_SPEEDUP}× faster than fill, < {MEMORY_MAX_MIB} MiB",
                judge(speedup >= CACHE_MIN_SPEEDUP and mem_ok(f)),
            )
        elif f.key == "evaluate":
            out[f.key] = (f"≤ {EVALUATE_MAX_S} s", judge(f.wall <= EVALUATE_MAX_S))
        elif f.key == "help":
            out[f.key] = (f"≤ {HELP_MAX_S} s", judge(f.wall <= HELP_MAX_S))
        else:
            out[f.key] = ("", "")
    return out


def table(figures: list[Figure], n: int, jobs: int) -> str:
    by = {f.key: f for f in figures}
    floor = by["floor"].wall if by["floor"].ok else None
    judged = verdicts(figures, jobs)
    head = (
        "figure",
        "wall s",
        "ms/file",
        "× floor",
        "CPU s",
        "peak RSS MiB",
        "tree PSS MiB",
        "target",
        "result",
    )
    rows = []
    for f in figures:
        target, result = judged.get(f.key, ("", ""))
        if f.skipped or not f.runs:
            rows.append((f.label, "—", "—", "—", "—", "—", "—", target, result))
            continue
        per_file = (
            f"{f.wall / n * 1000:.2f}"
            if f.key in ("floor", "compare", "jobs", "fill", "rerun")
            else ""
        )
        ratio = f"{paired_ratio(f, by['floor']):.2f}" if floor else "—"
        if f.key == "rerun" and by["fill"].ok:
            ratio += f" (fill/{by['fill'].wall / f.wall:.1f})"
        tree = f"{f.tree:.0f}" if f.tree else "—"
        rows.append(
            (
                f.label,
                f"{f.wall:.2f}",
                per_file,
                ratio,
                f"{f.cpu:.2f}",
                f"{f.maxrss:.0f}",
                tree,
                target,
                result,
            )
        )
    widths = [max(len(str(r[i])) for r in (head, *rows)) for i in range(len(head))]
    right = {1, 2, 3, 4, 5, 6}

    def line(r: tuple) -> str:
        return "  ".join(
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()

    return "\n".join([line(head), "  ".join("-" * w for w in widths), *map(line, rows)])


def report(
    args: argparse.Namespace,
    m: dict[str, Any],
    how: str,
    figures: list[Figure],
    info: dict[str, Any],
    seconds: float,
) -> str:
    n = info["files"]
    lines = [
        f"parscore benchmark — {n:,} communes, --jobs {args.jobs}, repeat {args.repeat}",
        machine_text(m),
        f"Files: {how}; {info['mb']} MB; reading the bytes alone {info['read_s']} s",
        "",
        table(figures, n, args.jobs),
        "",
    ]
    lines += scaling_text(info.get("scaling", []), figures, n) + [""]
    lines += stages_text(info.get("stages")) + [""]
    if "ranked" in info:
        lines.append(
            f"compare ranked {info['ranked']:,} communes in {info['groups']} groups, "
            f"excluded {info['excluded']}; JSON output {info['output_mb']} MB"
        )
    if info.get("same_output"):
        differ = [k for k, same in info["same_output"].items() if not same]
        lines.append(
            "Outputs identical across compare runs: "
            + ("yes" if not differ else f"NO, {', '.join(differ)} differ")
        )
    if not info["cache_available"]:
        lines.append("cache: not available (this parscore has no --no-cache / cache yet)")
    elif "cache_mb" in info:
        lines.append(f"Cache after the fill: {info['cache_files']:,} files, {info['cache_mb']} MB")
    for f in figures:
        if f.note:
            lines.append(f"Note ({f.label}): {f.note}")
        for r in f.runs:
            if r.rc != 0:
                tail = "\n    ".join(r.stderr.strip().splitlines()[-8:])
                lines.append(f"{f.label}: exit {r.rc}\n    {tail}")
                break
    if info.get("busy_before") is not None and info["busy_before"] > 0.2:
        lines.append(
            f"Other work was running: {info['busy_before']} CPUs busy just before the "
            "measurements; the figures may be slower than this machine can do."
        )
    if info.get("steal_s"):
        lines.append(
            f"CPU steal (the virtual machine's CPUs serving others) during the "
            f"measurements: {info['steal_s']} s in all."
        )
    if n != TARGET_N or m["cores"] != TARGET_CORES:
        lines.append(
            f"The targets are set for {TARGET_N:,} communes on {TARGET_CORES} cores; "
            f"here ({n:,} on {m['cores']}) met/not met is indicative."
        )
    lines += [
        "peak RSS: getrusage(RUSAGE_CHILDREN).ru_maxrss of the wrapper (the largest single "
        "process); tree PSS: sampled every 0.2 s over the command and its workers.",
        f"Benchmark took {seconds:.0f} s in all.",
    ]
    return "\n".join(lines)


# --- --check ---------------------------------------------------------------------------------


def check(args: argparse.Namespace, folder: Path, scratch: Path) -> int:
    failures: list[str] = []
    files = yaml_files(folder)
    marker = json.loads((folder / generate.MARKER).read_text(encoding="utf-8"))
    print(f"Checking {folder} ({len(files):,} files, seed {marker['seed']})")

    def result(name: str, ok: bool, detail: str) -> None:
        print(f"  {'ok  ' if ok else 'FAIL'} {name}: {detail}")
        if not ok:
            failures.append(name)

    result("count", len(files) == args.n, f"{len(files):,} files, expected {args.n:,}")
    size = len(files) if args.check_sample == 0 else min(args.check_sample, len(files))
    sample = sorted(random.Random(0).sample(files, size))
    done = subprocess.run(
        parscore_cmd() + ["validate", "--lang", "en", "--strict", *map(str, sample)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode == 0:
        result("validate", True, f"{len(sample)} sampled files valid, no warning")
    else:
        plain = subprocess.run(
            parscore_cmd() + ["validate", "--lang", "en", *map(str, sample)],
            capture_output=True,
            text=True,
            check=False,
        )
        bad = (plain.stdout + plain.stderr).strip().splitlines()
        result(
            "validate",
            False,
            ("valid but with warnings" if plain.returncode == 0 else "INVALID files")
            + "\n      "
            + "\n      ".join(bad[-12:]),
        )
    sizes = [p.stat().st_size for p in files]
    mean = statistics.mean(sizes) / 1024
    result(
        "size",
        15 <= mean <= 30,
        f"mean {mean:.1f} KB, {min(sizes) / 1024:.1f}–{max(sizes) / 1024:.1f} KB "
        "(the shipped examples: 15.5–21.4 KB)",
    )
    items = marker["items"] or 1
    result(
        "missing items",
        0.02 <= marker["missing"] / items <= 0.08,
        f"{marker['missing'] / items:.1%} of the items (aim: about 5%)",
    )
    result(
        "nothing occurred", marker["nothing"] > 0 or len(files) < 20, f"{marker['nothing']:,} items"
    )
    result(
        "NFD names",
        marker["nfd_names"] > 0 or len(files) < 50,
        f"{marker['nfd_names']:,} unit names typed decomposed",
    )
    probe = min(200, args.n)
    digests = []
    for attempt in range(2):
        where = scratch / f"determinism-{attempt}"
        generate.generate(probe, where, args.seed, quiet=True)
        digests.append(
            hashlib.sha256(
                b"".join(p.name.encode() + p.read_bytes() for p in yaml_files(where))
            ).hexdigest()
        )
    result(
        "deterministic",
        digests[0] == digests[1],
        f"{probe} files written twice with seed {args.seed}: "
        + ("same bytes" if digests[0] == digests[1] else "DIFFERENT bytes"),
    )
    print("check: " + ("all passed" if not failures else f"FAILED: {', '.join(failures)}"))
    return 1 if failures else 0


def compile_bytecode() -> None:
    """Compile parscore's modules as an install leaves them (pip writes the bytecode of what it
    installs): an editable checkout, or ``PYTHONDONTWRITEBYTECODE=1``, would otherwise have every
    process compile them again, and the start-up figures would measure the compiler."""
    import compileall

    import parscore

    compileall.compile_dir(Path(parscore.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=TARGET_N, help="communes (default 10000)")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the --jobs figure")
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="generate into DIR and keep it, or reuse the files already there",
    )
    parser.add_argument("--seed", type=int, default=2023, help="generator seed (default 2023)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs of each long figure; the median is shown (default 1)",
    )
    parser.add_argument(
        "--short-repeat",
        type=int,
        default=5,
        help="runs of evaluate and --help; the median is shown (default 5)",
    )
    parser.add_argument(
        "--check-sample",
        type=int,
        default=50,
        metavar="K",
        help="files --check validates (default 50; 0: every file)",
    )
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(v) for v in text.split(",") if v],
        default=list(SIZES),
        metavar="N,N",
        help="smaller counts also timed for the cost per commune (default 1000,3000; the first "
        "N files of the folder; '' for none)",
    )
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write the figures here")
    parser.add_argument(
        "--check", action="store_true", help="check the generated files instead of measuring"
    )
    args = parser.parse_args(argv)
    if args.n < 1 or args.jobs < 1 or args.repeat < 1 or args.short_repeat < 1:
        parser.error("--n, --jobs, --repeat and --short-repeat must be at least 1")

    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="parscore-bench-"))
    try:
        folder, how = prepare(args, scratch)
        if args.check:
            return check(args, folder, scratch)
        m = machine()
        print(machine_text(m), flush=True)
        compile_bytecode()
        figures, info = run_all(args, folder, scratch)
        info["scaling"] = scaling(args, folder, scratch)
        info["stages"] = stages(folder, min(STAGE_SAMPLE, info["files"]))
        text = report(args, m, how, figures, info, time.perf_counter() - started)
        print()
        print(text)
        if args.json:
            by = {f.key: f for f in figures}
            floor = by["floor"].wall if by["floor"].ok else None
            judged = verdicts(figures, args.jobs)
            data = {
                "n": info["files"],
                "jobs": args.jobs,
                "repeat": args.repeat,
                "seed": args.seed,
                "machine": m,
                "files": how,
                "info": info,
                "figures": [
                    {
                        "key": f.key,
                        "label": f.label,
                        "skipped": f.skipped or None,
                        "wall_s": round(f.wall, 4) if f.runs else None,
                        "ratio_to_floor": round(f.wall / floor, 3) if f.runs and floor else None,
                        "cpu_s": round(f.cpu, 3) if f.runs else None,
                        "peak_rss_mib": round(f.maxrss, 1) if f.runs else None,
                        "tree_pss_mib": round(f.tree, 1) if f.runs else None,
                        "walls_s": [round(r.wall, 4) for r in f.runs],
                        "target": judged.get(f.key, ("", ""))[0],
                        "result": judged.get(f.key, ("", ""))[1],
                    }
                    for f in figures
                ],
            }
            args.json.write_text(
                json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        failed = [f for f in figures if f.runs and not f.ok]
        return 1 if failed else 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
