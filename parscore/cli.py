"""The command line: parse -> build -> run -> exit code. Nothing else lives here.

Exit codes: 0 success; 1 problems found by ``validate``; 2 bad input or usage; 3 an internal
error (a bug in parscore: please report it).

Heavy libraries (tabulate, jsonschema...) are imported inside the commands that use them, so
``parscore --help`` stays fast.
"""

from __future__ import annotations

import atexit
import gc
import os
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from parscore import __version__, formats
from parscore.cli_help import HelpGroup, help_lang, show_version
from parscore.errors import InputError, Problem, Severity, UsageError
from parscore.messages import LANGS, Phrase, render

if TYPE_CHECKING:  # loading pulls in pydantic: imported by the commands that need it
    from parscore.loading import CriteriaResolver

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

# At exit, what is still alive (the models pydantic built at import, whatever the run kept) is
# frozen out of the cyclic collector's last passes: they would only free memory that the end
# of the process frees anyway, and took about a tenth of an ``evaluate``.
atexit.register(gc.freeze)


def lang_option(help: str = "cli.help.lang") -> Callable[[Any], Any]:
    """The ``--lang`` of a command (``help``: the catalogue code of what it chooses); one typed
    before the command is inherited when the command has none of its own (``cli_help``)."""
    return click.option(
        "--lang",
        type=click.Choice(["vi", "en"]),
        default="vi",
        envvar="PARSCORE_LANG",
        show_default=True,
        help=help,
    )


LANG_OPTION = lang_option()
#: a group's ``--lang`` (``parscore --lang en criteria list``, ``parscore criteria --lang en
#: list``): no default of its own, the command under it inherits it
GROUP_LANG_OPTION = click.option(
    "--lang", type=click.Choice(["vi", "en"]), default=None, help="cli.help.lang"
)


_FOLDER_NAMED = "parscore.output-folder-named"


class OutputFile(click.Path):
    """The file a command writes. A name ending with a separator (``-o ket-qua/``) names a
    folder: refused, where pathlib would drop the separator and write a file of that name.
    With ``folder_ok`` (a command that may write a folder) it is noted, and the command refuses
    it when it writes a file (:func:`_refuse_folder_name`)."""

    def __init__(self, folder_ok: bool = False) -> None:
        super().__init__(path_type=Path)
        self.folder_ok = folder_ok

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, str) and value.endswith(("/", os.sep)):
            if not self.folder_ok:
                self.fail(render("cli.output-is-folder", {"path": value}, _lang(ctx), short=True))
            if ctx is not None:
                ctx.meta[_FOLDER_NAMED] = value
        return super().convert(value, param, ctx)


def _refuse_folder_name() -> None:
    """A command that may write a folder, writing a file: a name ending with a separator is a
    folder's (:class:`OutputFile`)."""
    named = click.get_current_context().meta.get(_FOLDER_NAMED)
    if named is not None:
        raise UsageError("cli.output-is-folder", path=named)


OUTPUT_OPTION = click.option("--output", "-o", type=OutputFile(), help="cli.help.output")
CRITERIA_OPTION = click.option(
    "--criteria",
    "criteria_ref",
    metavar="ID|PATH",
    help="cli.help.criteria-option",
)
FORCE_OPTION = click.option("--force", is_flag=True, help="cli.help.force")
PREVIOUS_OPTION = click.option(
    "--previous",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="cli.help.previous",
)
CROSSWALK_OPTION = click.option(
    "--crosswalk",
    "crosswalks",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="cli.help.crosswalk",
)
SURVEY_OPTION = click.option(
    "--survey", type=click.Path(path_type=Path), metavar="TABLE", help="cli.help.survey"
)


def _summary(problems: list[Problem], lang: str) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return render(
        "cli.summary",
        {
            "errors": Phrase("cli.error" if errors == 1 else "cli.errors", {"count": errors}),
            "warnings": Phrase(
                "cli.warning" if warnings == 1 else "cli.warnings", {"count": warnings}
            ),
        },
        lang,
    )


#: Problems shown for one file: past them a file is damaged or not what was meant, and the first
#: ones say what to fix (the summary line still counts them all).
SHOWN_PER_FILE = 100


def print_problems(problems: list[Problem], lang: str) -> None:
    shown: dict[str, int] = {}
    for problem in problems:
        count = shown[problem.file] = shown.get(problem.file, 0) + 1
        if count <= SHOWN_PER_FILE:
            echo(problem.format(lang), err=True)
    for file, count in shown.items():
        if count > SHOWN_PER_FILE:
            more = {"file": file, "count": count - SHOWN_PER_FILE}
            echo(render("cli.more-problems", more, lang), err=True)


def fail_input(exc: InputError, lang: str) -> NoReturn:
    print_problems(exc.problems, lang)
    echo(_summary(exc.problems, lang), err=True)
    sys.exit(EXIT_BAD_INPUT)


def fail_usage(exc: UsageError, lang: str) -> NoReturn:
    echo(render("cli.error-line", {"message": exc.message(lang)}, lang), err=True)
    sys.exit(EXIT_BAD_INPUT)


# --- standard output and error ----------------------------------------------------------------
# Every byte parscore writes to a terminal or a pipe goes through ``echo``. A full disk or a
# closed standard output is an ordinary output failure (a message, exit 2); a reader that went
# away (``| head``) ends parscore quietly, with the status a shell shows for a program killed
# by SIGPIPE.

EXIT_PIPE = 141  # 128 + SIGPIPE


class _ReaderGone(Exception):
    """The program reading parscore's output has gone away (a broken pipe)."""


class _NoStderr(Exception):
    """Standard error cannot be written: there is nowhere left to say anything."""


def _silence_stdout() -> None:
    """Point standard output at the null device, so that what is left in its buffer does not
    fail a second time when the interpreter flushes it at exit."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, fd)
        finally:
            os.close(null)
    except (OSError, ValueError):  # not a real file (tests), or already gone
        pass


def _env_lang() -> str:
    """The language for a command that has no --lang option (schema): PARSCORE_LANG."""
    return "en" if os.environ.get("PARSCORE_LANG") == "en" else "vi"


def _stream_failed(exc: OSError, err: bool) -> Exception:
    """What a failed write or flush on standard output or error becomes."""
    if isinstance(exc, BrokenPipeError):
        return _ReaderGone()
    if err:
        return _NoStderr()
    _silence_stdout()
    return UsageError("usage.stdout-failed", reason=exc.strerror or str(exc))


def echo(text: str | bytes = "", *, nl: bool = True, err: bool = False) -> None:
    """``click.echo``, with the failures of the stream turned into parscore's own; bytes (a
    text report already encoded as UTF-8) go to the stream's bytes as they are."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # closed before parscore started (``>&-``)
        if err:
            return  # the messages were thrown away on purpose; the exit code still tells
        raise UsageError("usage.stdout-closed")
    try:
        click.echo(text, file=stream, nl=nl)  # click flushes after each write
    except OSError as exc:
        raise _stream_failed(exc, err) from None


def _flush_stdout() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except OSError as exc:
        raise _stream_failed(exc, False) from None


def guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn parscore's own errors into messages and exit codes; never show a traceback for
    bad input, nor for an output that cannot be written."""

    def run(lang: str, args: Any, kwargs: Any) -> Any:
        try:
            try:
                result = func(*args, **kwargs)
            except SystemExit:
                _flush_stdout()  # a failure to write what came before wins over the exit code
                raise
            _flush_stdout()
            return result
        except (_ReaderGone, _NoStderr):
            raise
        except InputError as exc:
            fail_input(exc, lang)
        except UsageError as exc:
            fail_usage(exc, lang)
        except KeyboardInterrupt:
            echo("", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # a bug in parscore, not in the input
            if os.environ.get("PARSCORE_DEBUG"):
                raise
            what = {"version": __version__, "kind": type(exc).__name__, "message": str(exc)}
            echo(render("cli.internal-error", what, lang), err=True)
            sys.exit(EXIT_INTERNAL)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return run(kwargs.get("lang") or _env_lang(), args, kwargs)
        except _ReaderGone:
            _silence_stdout()
            sys.exit(EXIT_PIPE)
        except _NoStderr:
            sys.exit(EXIT_BAD_INPUT)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper


def emit(
    text: str | bytes, output: Path | None, force: bool, inputs: list[Path], *, bom: bool = False
) -> None:
    """Write to stdout, or atomically to ``output``. Bytes are a text report already encoded
    as UTF-8, or a binary format, which the command refused earlier without ``output``."""
    if output is None:
        echo(text, nl=False)
        return
    from parscore.output import write_atomic

    data = text if isinstance(text, bytes) else text.encode("utf-8-sig" if bom else "utf-8")
    write_atomic(output, data, force=force, inputs=inputs)


class _Main(HelpGroup):
    """The ``parscore`` group: click's own output (help, version, usage errors) that cannot be
    written ends like parscore's own, without a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().main(*args, **kwargs)
        except OSError as exc:  # every command is guarded: this is click writing
            _silence_stdout()
            if isinstance(exc, BrokenPipeError):
                sys.exit(EXIT_PIPE)
            lang = _env_lang()
            failure = UsageError("usage.stdout-failed", reason=exc.strerror or str(exc))
            try:
                fail_usage(failure, lang)
            except _NoStderr:
                sys.exit(EXIT_BAD_INPUT)


class ByteSize(click.ParamType):
    """A size in bytes: 10485760, 10M, 10MB, 512K."""

    name = "size"
    _UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        if isinstance(value, int):
            return value
        match = re.fullmatch(r"\s*(\d+)\s*([KMG]?)B?\s*", str(value), re.IGNORECASE)
        if not match or int(match.group(1)) == 0:
            self.fail(
                render("cli.bad-size", {"value": repr(value)}, _lang(ctx), short=True), param, ctx
            )
        return int(match.group(1)) * self._UNITS[match.group(2).upper()]


class IndexTarget(click.ParamType):
    """An index to reach, 0 to 200, read as an exact decimal (84.5), never as a binary float:
    within the bounds every number parscore reads keeps (15 digits before the point, 6
    after); ``nan``, ``inf`` and ``1e-400`` are refused here, not deep inside the plan."""

    name = "index"
    _NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")

    def convert(self, value: Any, param: Any, ctx: Any) -> Decimal:
        from parscore.decimals import MAX_DECIMALS, number_bound_problem, plain

        if isinstance(value, Decimal):
            return value
        text = str(value).strip()
        lang = _lang(ctx)
        if re.fullmatch(r"[0-9]+,[0-9]+", text):  # a decimal comma, as Vietnamese writes it
            self.fail(
                render(
                    "cli.target-comma",
                    {"value": text, "dot": text.replace(",", ".")},
                    lang,
                    short=True,
                ),
                param,
                ctx,
            )
        if not self._NUMBER.fullmatch(text):
            self.fail(
                render("cli.target-not-number", {"value": repr(text)}, lang, short=True), param, ctx
            )
        if number_bound_problem(text) is not None:
            self.fail(
                render(
                    "cli.target-precision",
                    {"value": text, "decimals": MAX_DECIMALS},
                    lang,
                    short=True,
                ),
                param,
                ctx,
            )
        number = plain(Decimal(text)) + 0  # + 0: -0 is 0
        if not 0 <= number <= 200:
            self.fail(render("cli.target-range", {"value": text}, lang, short=True), param, ctx)
        return number


def _lang(ctx: click.Context | None) -> str:
    """The language of a message about an option: ``--lang`` when it was read before the
    option, else a ``--lang`` anywhere on the command line, else ``PARSCORE_LANG``, else
    Vietnamese."""
    chosen = ctx.params.get("lang") if ctx is not None else None
    return chosen if chosen in LANGS else help_lang(ctx)


def resolver() -> CriteriaResolver:
    """A criteria resolver with the limits given to ``parscore`` (or the defaults)."""
    from parscore.loading import CriteriaResolver

    ctx = click.get_current_context(silent=True)
    limits = ctx.find_root().obj if ctx is not None else None
    return CriteriaResolver(limits) if limits is not None else CriteriaResolver()


@click.group(
    cls=_Main, help="cli.help.main", context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option(
    "--version",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=show_version,
    help="cli.help.version",
)
@click.option(
    "--max-file-size",
    type=ByteSize(),
    default="10M",
    show_default=True,
    envvar="PARSCORE_MAX_FILE_SIZE",
    help="cli.help.max-file-size",
)
@click.option(
    "--max-depth",
    type=click.IntRange(2, 10_000),
    metavar="N",
    default=100,
    show_default=True,
    envvar="PARSCORE_MAX_DEPTH",
    help="cli.help.max-depth",
)
@click.option(
    "--max-nodes",
    type=click.IntRange(1, 10_000_000),
    metavar="N",
    default=50_000,
    show_default=True,
    envvar="PARSCORE_MAX_NODES",
    help="cli.help.max-nodes",
)
@GROUP_LANG_OPTION
@click.pass_context
def main(
    ctx: click.Context, max_file_size: int, max_depth: int, max_nodes: int, lang: str | None
) -> None:
    """parscore: the limits every command reads files with. (The help users see, here and for
    every command and option, is the catalogue's ``cli.help.`` texts, in their language.)"""
    from parscore import inputs
    from parscore.yamlsource import Limits

    # the young objects collected every 100,000 rather than 700: a command starts by building
    # pydantic's models, objects that live to the end of the run, which the default walked again
    # and again (about 13 ms of CPU of an evaluate); a long run still collects as it goes
    gc.set_threshold(100_000, 10, 10)
    inputs.forget()  # a new run: no file read yet (what no output may replace)
    ctx.obj = Limits(max_bytes=max_file_size, max_depth=max_depth, max_nodes=max_nodes)


@main.command(help="cli.help.evaluate")
@click.argument("evidence", type=click.Path(path_type=Path, dir_okay=True))
@CRITERIA_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.names("result")),
    help="cli.help.format",
)
@LANG_OPTION
@OUTPUT_OPTION
@FORCE_OPTION
@click.option("--detail", is_flag=True, help="cli.help.detail")
@click.option(
    "--top",
    type=click.IntRange(min=1),
    metavar="N",
    default=5,
    show_default=True,
    help="cli.help.top",
)
@click.option(
    "--missing",
    is_flag=True,
    help="cli.help.missing",
)
@PREVIOUS_OPTION
@CROSSWALK_OPTION
@click.option("--lineage", type=click.Path(path_type=Path), metavar="FILE", help="cli.help.lineage")
@click.option("--appraisal", type=click.Path(path_type=Path), help="cli.help.appraisal")
@click.option("--explanation", type=click.Path(path_type=Path), help="cli.help.explanation")
@click.option("--standing", is_flag=True, help="cli.help.standing")
@SURVEY_OPTION
@guarded
def evaluate(
    evidence: Path,
    criteria_ref: str | None,
    fmt: str | None,
    lang: str,
    output: Path | None,
    force: bool,
    detail: bool,
    top: int,
    missing: bool,
    previous: tuple[Path, ...],
    crosswalks: tuple[Path, ...],
    standing: bool,
    survey: Path | None,
    lineage: Path | None = None,
    appraisal: Path | None = None,
    explanation: Path | None = None,
) -> None:
    """Score one commune's EVIDENCE file (Chấm điểm một xã)."""
    from parscore.engine import evaluate as run
    from parscore.engine import holds_evidence
    from parscore.loading import load_evidence
    from parscore.report.common import Options

    if previous and (missing or standing or appraisal is not None):
        raise UsageError("years.previous-with-missing")
    _needs_previous(previous, lineage=lineage, crosswalks=crosswalks)
    if previous:  # the unit against its past (parscore/yearfiles.py)
        from parscore.yearfiles import unit_history

        chosen = formats.for_output("history", fmt, output)
        read = [evidence, *previous, *crosswalks, *([lineage] if lineage else [])]
        _check_output(chosen, output, force, read)
        past, notices = unit_history(
            evidence, list(previous), list(crosswalks), resolver(), criteria_ref, lineage
        )
        print_problems(notices, lang)
        opts = Options(lang=lang, detail=detail, top=top, width=_layout_width(output))
        emit(chosen.reporter()(past, opts), output, force, read, bom=chosen.bom)
        return
    if missing and standing:
        raise UsageError("usage.missing-standing")
    if detail and (missing or standing):  # each lists the items already: nothing more to show
        raise UsageError("usage.detail-with-view", option="--missing" if missing else "--standing")
    chosen = formats.for_output(
        "todo" if missing else "standing" if standing else "result", fmt, output
    )
    if explanation is not None and appraisal is None:
        raise UsageError("usage.explanation-needs-appraisal")
    if appraisal is not None and (
        missing or standing or chosen.name not in ("table", "markdown", "json")
    ):
        raise UsageError("usage.appraisal-format")
    inputs = [p for p in (evidence, appraisal, explanation, survey) if p is not None]
    _check_output(chosen, output, force, inputs)
    prepared = load_evidence(evidence, resolver(), criteria=criteria_ref)
    if survey is not None:
        from parscore import survey_table

        prepared = survey_table.apply(prepared, survey_table.load(survey, resolver().limits))
    if appraisal is not None:
        from parscore.appraisal.run import appraisal_text

        text = appraisal_text(
            prepared,
            appraisal,
            explanation,
            chosen.name,
            Options(lang=lang, detail=detail, top=top, width=_layout_width(output)),
            resolver().limits,
            lambda problems: print_problems(problems, lang),
        )
        emit(text, output, force, inputs)
        return
    if not (missing or standing) and not holds_evidence(prepared):  # unfilled: 0 and said so
        unfilled = Problem(
            "evidence.nothing-filled", {}, prepared.source, severity=Severity.WARNING
        )
        prepared = prepared.model_copy(update={"warnings": (*prepared.warnings, unfilled)})
    if not chosen.shows_warnings:
        print_problems(list(prepared.warnings), lang)  # the table and Markdown list them
    result = run(prepared)
    opts = Options(lang=lang, detail=detail, top=top, width=_layout_width(output))
    if missing:
        from parscore.todo import todo

        text = chosen.reporter()(todo(result), opts)
    elif standing:
        from parscore.standing import standing as where_it_stands

        text = chosen.reporter()(where_it_stands(result), opts)
    else:
        text = chosen.reporter()(result, opts)
    emit(text, output, force, inputs, bom=chosen.bom)


def _needs_previous(
    previous: tuple[Path, ...], *, lineage: Path | None, crosswalks: tuple[Path, ...] = ()
) -> None:
    """--lineage and --crosswalk say how last year maps onto this one: without --previous they
    would be ignored, so they are refused."""
    if not previous and lineage is not None:
        raise UsageError("years.lineage-without-previous")
    if not previous and crosswalks:
        raise UsageError("years.crosswalk-without-previous")


def _survey_rows_unused(table: Any, run: Any, lang: str) -> None:
    """Warn about the rows of a province's survey table (``--survey``) that no file compared
    took."""
    if table is not None and run.comparison is not None:
        from parscore import batch
        from parscore.survey_table import rows_without_file

        print_problems(rows_without_file(table, batch.unit_codes(run.comparison)), lang)


def _layout_width(output: Path | None = None) -> int:
    """How wide a text for the terminal is laid out: the terminal's width when it goes to one,
    a fixed width when piped or written to ``output`` (``COLUMNS`` overrides both)."""
    from parscore.report.width import output_width

    return output_width(False if output is not None else None)


def _check_output(
    chosen: formats.Format, output: Path | None, force: bool, inputs: list[Path]
) -> None:
    """Before any work: a binary format needs --output, which must be a file it may write,
    named for what is written into it."""
    if chosen.binary and output is None:
        raise UsageError("usage.needs-output")
    if output is not None:
        from parscore.output import check_target

        check_target(output, force=force, inputs=inputs)
        formats.check_name(chosen, output)


@main.command(help="cli.help.compare")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--group-by",
    type=click.Choice(["district", "province", "none"]),
    help="cli.help.group-by",
)
@CRITERIA_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.names("comparison")),
    help="cli.help.compare-format",
)
@LANG_OPTION
@OUTPUT_OPTION
@FORCE_OPTION
@click.option("--detail", is_flag=True, help="cli.help.compare-detail")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    metavar="N",
    default=1,
    show_default=True,
    help="cli.help.jobs",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="cli.help.no-cache",
)
@click.option(
    "--previous",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="PATH",
    help="cli.help.compare-previous",
)
@click.option("--lineage", type=click.Path(path_type=Path), metavar="FILE", help="cli.help.lineage")
@click.option("--stage", type=click.Choice(["self", "final"]), help="cli.help.stage")
@SURVEY_OPTION
@guarded
def compare(
    paths: tuple[Path, ...],
    group_by: str | None,
    criteria_ref: str | None,
    fmt: str | None,
    lang: str,
    output: Path | None,
    force: bool,
    detail: bool,
    jobs: int,
    no_cache: bool,
    previous: tuple[Path, ...],
    lineage: Path | None,
    survey: Path | None,
    stage: str | None = None,
) -> None:
    """Rank and compare communes: evidence files, and folders searched for .yaml/.yml files.

    A file that fails is reported with its problems and left out; the others are still
    compared, and the exit code is 1. Files scored against different criteria sets or of
    different years, or two files for one unit, are refused (exit code 2). A file with no
    evidence at all (an unfilled template) is listed as not assessed, not ranked."""
    from parscore import batch
    from parscore.cache import default_folder
    from parscore.report.common import Options

    chosen = formats.for_output("comparison", fmt, output)
    _needs_previous(previous, lineage=lineage)
    found = batch.find_files(paths)
    # before any scoring: not a file given or found in a folder
    tables = [survey] if survey is not None else []
    _check_output(chosen, output, force, [*paths, *found.files, *tables])
    limits = resolver().limits
    opts = Options(lang=lang, detail=detail, width=_layout_width(output))
    cache = None if no_cache else default_folder()
    # an unchanged re-run: the report from the cache, with this run's stderr and exit code
    # the format written, as chosen (by --format or by the output's name): never --format alone
    command = [chosen.name, repr(group_by), repr(stage), repr(opts), repr(output is None)]
    replay = None
    if cache is not None and not previous and survey is None:
        replay = batch.replay_run(found, criteria_ref, limits, cache, command)
    if replay is not None:
        print_problems(replay.problems, lang)
        emit(replay.report, output, force, [*paths, *replay.also_read], bom=chosen.bom)
        if replay.left_out:
            sys.exit(EXIT_PROBLEMS)
        return
    table = None
    if survey is not None:
        from parscore import survey_table

        table = survey_table.load(survey, limits)
    run = batch.compare_found(
        found,
        criteria_ref,
        limits,
        cache_folder=cache,
        jobs=jobs,
        group_by=group_by,  # type: ignore[arg-type]
        progress=_progress_bar(lang) if sys.stderr.isatty() else None,
        stage=stage,  # type: ignore[arg-type]
        survey=table,
    )
    print_problems(run.problems, lang)
    _survey_rows_unused(table, run, lang)
    if run.refusal is not None:
        raise run.refusal
    if run.comparison is None:
        sys.exit(EXIT_BAD_INPUT)
    comparison, read = run.comparison, [*paths, *run.read]
    notices: list[Problem] = []
    if previous:  # against last year (parscore/yearfiles.py, parscore/years.py)
        from parscore.yearfiles import against_last_year

        _check_output(chosen, output, force, [*read, *previous])
        comparison, notices, more = against_last_year(
            comparison, list(previous), lineage, limits, cache_folder=cache, jobs=jobs
        )
        print_problems(notices, lang)
        read += more
    report = chosen.reporter()(comparison, opts)
    # worker processes (--jobs) read files this process has no record of: name them all
    emit(report, output, force, [*read, *tables], bom=chosen.bom)
    if cache is not None and not previous and survey is None:
        batch.keep_run(found, criteria_ref, limits, cache, command, run, report)
    if run.left_out or (previous and any(p.severity is Severity.ERROR for p in notices)):
        sys.exit(EXIT_PROBLEMS)  # a file left out, this year's or last year's


@main.command(help="cli.help.review")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--previous",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="PATH",
    help="cli.help.review-previous",
)
@click.option(
    "--jump",
    type=IndexTarget(),
    default="15",
    show_default=True,
    help="cli.help.review-jump",
)
@click.option("--skip", multiple=True, metavar="KIND", help="cli.help.review-skip")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.names("review")),
    help="cli.help.review-format",
)
@click.option("--strict", is_flag=True, help="cli.help.review-strict")
@LANG_OPTION
@OUTPUT_OPTION
@FORCE_OPTION
@guarded
def review(
    paths: tuple[Path, ...],
    previous: tuple[Path, ...],
    jump: Decimal,
    skip: tuple[str, ...],
    fmt: str | None,
    strict: bool,
    lang: str,
    output: Path | None,
    force: bool,
) -> None:
    """Where appraisers look first: findings ranked by points at stake."""
    from parscore.model.review import FindingKind
    from parscore.report.common import Options
    from parscore.review import review_paths

    known = FindingKind.__args__  # type: ignore[attr-defined]
    unknown = [kind for kind in skip if kind not in known]
    if unknown:
        raise UsageError("usage.review-kind", kind=unknown[0], kinds=", ".join(known))
    chosen = formats.for_output("review", fmt, output)
    _check_output(chosen, output, force, [*paths, *previous])
    run = review_paths(paths, resolver(), previous=previous, threshold=jump)
    print_problems(run.problems, lang)
    kept = [f for f in run.review.findings if f.kind not in skip]
    result = run.review.model_copy(update={"findings": kept})
    opts = Options(lang=lang, width=_layout_width(output))
    if result.left_out and not result.files:
        sys.exit(EXIT_BAD_INPUT)  # nothing could be reviewed (as compare): bad input
    emit(chosen.reporter()(result, opts), output, force, [*paths, *run.read], bom=chosen.bom)
    if result.left_out:
        sys.exit(EXIT_PROBLEMS)
    if strict and kept:
        sys.exit(EXIT_PROBLEMS)


def _progress_bar(lang: str) -> Callable[..., Any]:
    """A progress bar on stderr (only when it is a terminal; never in the data on stdout)."""

    def progress(outcomes: Any, total: int) -> Any:
        label = render("cli.scoring", None, lang)
        with click.progressbar(outcomes, length=total, label=label, file=sys.stderr) as bar:
            yield from bar

    return progress


@main.command(help="cli.help.plan")
@click.argument("evidence", type=click.Path(path_type=Path))
@click.option(
    "--target",
    type=IndexTarget(),
    help="cli.help.target",
)
@CRITERIA_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.names("plan")),
    help="cli.help.plan-format",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    metavar="N",
    default=10,
    show_default=True,
    help="cli.help.plan-top",
)
@LANG_OPTION
@OUTPUT_OPTION
@FORCE_OPTION
@PREVIOUS_OPTION
@CROSSWALK_OPTION
@click.option("--lineage", type=click.Path(path_type=Path), metavar="FILE", help="cli.help.lineage")
@guarded
def plan(
    evidence: Path,
    target: Decimal | None,
    criteria_ref: str | None,
    fmt: str | None,
    top: int,
    lang: str,
    output: Path | None,
    force: bool,
    previous: tuple[Path, ...],
    crosswalks: tuple[Path, ...],
    lineage: Path | None = None,
) -> None:
    """Draft next year's improvement plan from a commune's EVIDENCE (Kế hoạch cải thiện)."""
    from parscore.engine import evaluate as run
    from parscore.engine import holds_evidence
    from parscore.loading import load_evidence
    from parscore.plan import make_plan
    from parscore.report.common import Options

    chosen = formats.for_output("plan", fmt, output)
    _check_output(chosen, output, force, [evidence])
    prepared = load_evidence(evidence, resolver(), criteria=criteria_ref)
    if not holds_evidence(prepared):  # a plan from nothing lists every sub-criterion: said
        print_problems(
            [Problem("plan.nothing-filled", {}, prepared.source, severity=Severity.WARNING)], lang
        )
    drafted = make_plan(run(prepared), target)
    read = [evidence]
    _needs_previous(previous, lineage=lineage, crosswalks=crosswalks)
    if previous:  # what was lost since the earlier year (parscore/yearfiles.py)
        from parscore.yearfiles import plan_since, unit_history

        read += [*previous, *crosswalks, *([lineage] if lineage else [])]
        past, notices = unit_history(
            evidence, list(previous), list(crosswalks), resolver(), criteria_ref, lineage
        )
        print_problems(notices, lang)
        drafted = plan_since(drafted, past)
    opts = Options(lang=lang, top=top, width=_layout_width(output))
    emit(chosen.reporter()(drafted, opts), output, force, read)


@main.command("plan-year", help="cli.help.plan-year")
@click.option("--criteria", "criteria_ref", metavar="ID|PATH", help="cli.help.plan-year-criteria")
@click.option("--unit", "unit_name", metavar="NAME", help="cli.help.plan-year-unit")
@click.option(
    "--kind",
    "unit_kind",
    type=click.Choice(["xã", "phường", "đặc khu", "thị trấn"]),
    help="cli.help.kind",
)
@click.option("--district", metavar="NAME", help="cli.help.district")
@click.option("--province", metavar="NAME", help="cli.help.province")
@click.option(
    "--year", type=click.IntRange(2000, 2100), metavar="YEAR", help="cli.help.plan-year-year"
)
@click.option(
    "--previous",
    type=click.Path(path_type=Path),
    metavar="EVIDENCE|RESULT",
    help="cli.help.plan-year-previous",
)
@click.option(
    "--appraisal",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="cli.help.plan-year-appraisal",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(formats.names("plan-year")),
    help="cli.help.plan-year-format",
)
@LANG_OPTION
@OUTPUT_OPTION
@FORCE_OPTION
@guarded
def plan_year(
    criteria_ref: str | None,
    unit_name: str | None,
    unit_kind: str | None,
    district: str | None,
    province: str | None,
    year: int | None,
    previous: Path | None,
    appraisal: Path | None,
    fmt: str | None,
    lang: str,
    output: Path | None,
    force: bool,
) -> None:
    """Draft the year's administrative reform plan from a criteria set (Kế hoạch CCHC năm)."""
    from parscore.plan_year_run import draft
    from parscore.report.common import Options

    if unit_name is not None and not unit_name.strip():
        raise UsageError("usage.blank-unit")
    chosen = formats.for_output("plan-year", fmt, output)
    inputs = [p for p in (previous, appraisal) if p is not None]
    _check_output(chosen, output, force, inputs)
    drafted = draft(
        resolver(),
        criteria_ref=criteria_ref,
        unit_name=unit_name,
        unit_kind=unit_kind,
        district=district,
        province=province,
        year=year,
        previous=previous,
        appraisal=appraisal,
        warn=lambda problems: print_problems(problems, lang),
    )
    opts = Options(lang=lang, width=_layout_width(output))
    emit(chosen.reporter()(drafted, opts), output, force, inputs)


@main.command(help="cli.help.validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@LANG_OPTION
@click.option("--strict", is_flag=True, help="cli.help.strict")
@guarded
def validate(files: tuple[Path, ...], lang: str, strict: bool) -> None:
    """Check criteria sets and evidence files (told apart by content) (Kiểm tra tệp).

    Exit code 1 when any file has an error (or, with --strict, a warning)."""
    from parscore import yamlsource
    from parscore.loading import (
        check_criteria,
        document_kind,
        evidence_base,
        evidence_from_source,
        evidence_source,
    )
    from parscore.model.common import found

    sets = resolver()
    failed = False
    for path in files:
        problems: list[Problem] = []
        try:
            bundle = evidence_source(path, sets.limits)  # a commune folder or a workbook
            src = bundle or yamlsource.load_file(path, sets.limits)
            kind = "evidence" if bundle is not None else document_kind(src.data)
            base = evidence_base(path)
            if not isinstance(src.data, dict):
                problems = [src.problem("doc.not-mapping", found=found(src.data))]
            elif kind == "criteria":
                check_criteria(src, sets, path)
            elif kind == "evidence":
                problems = list(evidence_from_source(src, sets, base=base).warnings)
                from parscore.folder import head_alone

                if bundle is None and (alone := head_alone(path)) is not None:
                    problems.insert(0, alone)
            elif kind in ("appraisal", "explanation"):
                from parscore.appraisal.checks import check_file

                problems = check_file(src, kind, path, sets)
            elif kind == "output":
                shown = {"path": src.display, "format": src.data["format"]}
                problems = [src.problem("usage.parscore-output", **shown)]
            else:
                problems = [src.problem("doc.unknown-kind")]
        except InputError as exc:
            problems = exc.problems
        print_problems(problems, lang)
        errors = any(p.severity is Severity.ERROR for p in problems)
        bad = errors or (strict and bool(problems))
        failed = failed or bad
        said = "cli.has-problems" if errors else "cli.has-warnings-strict" if bad else "cli.valid"
        status = render(said, None, lang)
        detail = f" ({_summary(problems, lang)})" if problems else ""
        echo(f"{yamlsource.display_name(path)}: {status}{detail}")
    sys.exit(EXIT_PROBLEMS if failed else EXIT_OK)


#: every format whose JSON Schema ``parscore schema`` writes (parscore/schemas.py)
SCHEMA_NAMES = (
    "criteria",
    "evidence",
    "result",
    "plan",
    "comparison",
    "appraisal",
    "explanation",
    "review",
    "change",
    "crosswalk",
    "lineage",
)


@main.command(help="cli.help.schema")
@click.argument("which", type=click.Choice(SCHEMA_NAMES), metavar="KIND")
@click.option(
    "--criteria",
    "criteria_ref",
    metavar="ID|PATH",
    help="cli.help.schema-criteria",
)
@lang_option("cli.help.schema-lang")
@OUTPUT_OPTION
@FORCE_OPTION
@guarded
def schema(
    which: str, criteria_ref: str | None, lang: str, output: Path | None, force: bool
) -> None:
    """Write the JSON Schema of criteria sets, evidence files, JSON results, plans or comparisons;
    with --criteria, the evidence schema of that set.

    Editors with the YAML language server check and complete files that start with
    '# yaml-language-server: $schema=ref-commune-2023.schema.json'."""
    from parscore.schemas import schema_text

    if output is not None:
        from parscore.output import check_suffix

        check_suffix(output, "json")
    if criteria_ref is None:
        emit(schema_text(which), output, force, [])
        return
    if which != "evidence":
        raise UsageError("usage.schema-criteria")
    from parscore.loading import load_criteria, looks_like_path
    from parscore.schemas import evidence_schema_for, to_text

    read = [Path(criteria_ref)] if looks_like_path(criteria_ref) else []
    if output is not None:
        from parscore.output import check_target

        check_target(output, force=force, inputs=read)
    cs = load_criteria(criteria_ref, resolver())
    emit(to_text(evidence_schema_for(cs, lang)), output, force, read)


@main.command(help="cli.help.template")
@click.option(
    "--criteria",
    "criteria_ref",
    required=True,
    metavar="ID|PATH",
    help="cli.help.template-criteria",
)
@click.option("--unit", "unit_name", required=True, metavar="NAME", help="cli.help.unit")
@click.option("--code", metavar="CODE", help="cli.help.code")
@click.option(
    "--kind",
    "unit_kind",
    type=click.Choice(["xã", "phường", "đặc khu", "thị trấn"]),
    default="xã",
    show_default=True,
    help="cli.help.kind",
)
@click.option("--district", metavar="NAME", help="cli.help.district")
@click.option("--province", metavar="NAME", help="cli.help.province")
@click.option("--year", type=click.IntRange(2000, 2100), metavar="YEAR", help="cli.help.year")
@click.option(
    "--output",
    "-o",
    required=True,
    type=OutputFile(folder_ok=True),
    help="cli.help.template-output",
)
@click.option("--force", is_flag=True, help="cli.help.template-force")
@click.option("--schema", "with_schema", is_flag=True, help="cli.help.template-schema")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "xlsx"]),
    help="cli.help.template-format",
)
@click.option("--folder", "as_folder", is_flag=True, help="cli.help.template-folder")
@LANG_OPTION
@guarded
def template(
    criteria_ref: str,
    unit_name: str,
    code: str | None,
    unit_kind: str,
    district: str | None,
    province: str | None,
    year: int | None,
    output: Path,
    force: bool,
    with_schema: bool,
    fmt: str | None,
    as_folder: bool,
    lang: str,
) -> None:
    """Write the evidence file a commune fills for its Q4 meeting (Tạo tệp minh chứng): a YAML
    file, a folder of office files (--folder), or the score sheet workbook (--format xlsx)."""
    import unicodedata

    from parscore.checks.evidence import kind_problem
    from parscore.loading import is_workbook, load_criteria, looks_like_path
    from parscore.output import check_suffix, check_target
    from parscore.report.template import UnitInfo, render_template, schema_name

    if not unit_name.strip():  # the file written would be refused by validate
        raise UsageError("usage.blank-unit")
    read = [Path(criteria_ref)] if looks_like_path(criteria_ref) else []
    if not as_folder:  # each file of a folder is checked before any is written
        _refuse_folder_name()
        check_target(output, force=force, inputs=read)
    nfc = lambda s: unicodedata.normalize("NFC", s) if s else s  # noqa: E731
    cs = load_criteria(criteria_ref, resolver())
    if (problem := kind_problem(unit_kind, year or cs.year)) is not None:
        raise UsageError(problem, kind=unit_kind, year=year or cs.year)
    schema_file = output.parent / schema_name(cs)
    if with_schema:
        check_target(schema_file, force=force, inputs=read)
    info = UnitInfo(
        name=nfc(unit_name),
        kind=unit_kind,
        code=nfc(code),
        year=year,
        district=nfc(district),
        province=nfc(province),
    )
    fmt = fmt or ("xlsx" if is_workbook(output) else "yaml")
    if as_folder and (fmt == "xlsx" or with_schema):
        raise UsageError("usage.template-folder")
    check_suffix(output, "folder" if as_folder else fmt)
    ref = criteria_ref
    if looks_like_path(criteria_ref):  # the file names its set relative to where it is
        where = output.resolve() if as_folder else output.resolve().parent
        ref = Path(os.path.relpath(Path(criteria_ref).resolve(), where)).as_posix()
    from parscore.yamlsource import display_name

    if as_folder:
        from parscore.output import write_files
        from parscore.report.template import render_folder

        texts = render_folder(cs, info, lang, ref)
        files = {output / name: text.encode("utf-8") for name, text in texts.items()}
        for path in write_files(files, force=force, inputs=read, folder=output):
            echo(render("cli.wrote", {"path": display_name(path)}, lang), err=True)
        return
    if fmt == "xlsx":
        from parscore.workbook.write import workbook_bytes

        emit(workbook_bytes(cs, info, lang, ref), output, force, [])
    else:
        emit(render_template(cs, info, lang, ref), output, force, [])

    echo(render("cli.wrote", {"path": display_name(output)}, lang), err=True)
    if with_schema:
        from parscore.schemas import evidence_schema_for, to_text

        emit(to_text(evidence_schema_for(cs, lang)), schema_file, force, read)
        echo(render("cli.wrote", {"path": display_name(schema_file)}, lang), err=True)


@main.group(help="cli.help.appraisal-group")
@GROUP_LANG_OPTION
def appraisal(lang: str | None) -> None:
    """The province's appraisal (Thẩm định)."""


@appraisal.command("init", help="cli.help.appraisal-init")
@click.argument("evidence", type=click.Path(path_type=Path))
@CRITERIA_OPTION
@click.option("--council", metavar="NAME", help="cli.help.council")
@click.option(
    "--output",
    "-o",
    required=True,
    type=OutputFile(),
    help="cli.help.appraisal-output",
)
@FORCE_OPTION
@LANG_OPTION
@guarded
def appraisal_init(
    evidence: Path,
    criteria_ref: str | None,
    council: str | None,
    output: Path,
    force: bool,
    lang: str,
) -> None:
    """Write the council's appraisal file from a commune's EVIDENCE, nothing decided yet."""
    import unicodedata

    from parscore.appraisal.run import appraisal_file
    from parscore.loading import load_evidence
    from parscore.output import check_suffix, check_target
    from parscore.yamlsource import display_name

    check_target(output, force=force, inputs=[evidence])
    check_suffix(output, "yaml")
    prepared = load_evidence(evidence, resolver(), criteria=criteria_ref)
    print_problems(list(prepared.warnings), lang)
    name = unicodedata.normalize("NFC", council) if council else None
    emit(appraisal_file(prepared, evidence, output, name, lang), output, force, [evidence])
    echo(render("cli.wrote", {"path": display_name(output)}, lang), err=True)


def _appraisal_document(
    which: str,
    evidence: Path,
    appraisal_file: Path,
    explanation: Path | None,
    criteria_ref: str | None,
    output: Path,
    force: bool,
    lang: str,
) -> None:
    """The minutes or the request of one commune, as a Word document."""
    from parscore.appraisal.run import appraisal_result
    from parscore.loading import load_evidence
    from parscore.output import check_target
    from parscore.report import appraisal_docs

    if output.suffix.lower() != ".docx":
        raise UsageError("usage.document-format", xlsx="")
    inputs = [p for p in (evidence, appraisal_file, explanation) if p is not None]
    check_target(output, force=force, inputs=inputs)
    prepared = load_evidence(evidence, resolver(), criteria=criteria_ref)
    result = appraisal_result(
        prepared,
        appraisal_file,
        explanation,
        resolver().limits,
        lambda problems: print_problems(problems, lang),
    )
    write = appraisal_docs.minutes_docx if which == "minutes" else appraisal_docs.request_docx
    emit(write(result, lang), output, force, inputs)
    from parscore.yamlsource import display_name

    echo(render("cli.wrote", {"path": display_name(output)}, lang), err=True)


APPRAISAL_FILE_OPTION = click.option(
    "--appraisal",
    "appraisal_file",
    required=True,
    type=click.Path(path_type=Path),
    help="cli.help.appraisal",
)
DOCX_OUTPUT = click.option(
    "--output",
    "-o",
    required=True,
    type=OutputFile(),
    help="cli.help.document-output",
)


@appraisal.command("minutes", help="cli.help.appraisal-minutes")
@click.argument("evidence", type=click.Path(path_type=Path))
@APPRAISAL_FILE_OPTION
@click.option("--explanation", type=click.Path(path_type=Path), help="cli.help.explanation")
@CRITERIA_OPTION
@DOCX_OUTPUT
@FORCE_OPTION
@LANG_OPTION
@guarded
def appraisal_minutes(
    evidence: Path,
    appraisal_file: Path,
    explanation: Path | None,
    criteria_ref: str | None,
    output: Path,
    force: bool,
    lang: str,
) -> None:
    """The appraisal minutes of one commune (Biên bản thẩm định)."""
    _appraisal_document(
        "minutes", evidence, appraisal_file, explanation, criteria_ref, output, force, lang
    )


@appraisal.command("request", help="cli.help.appraisal-request")
@click.argument("evidence", type=click.Path(path_type=Path))
@APPRAISAL_FILE_OPTION
@CRITERIA_OPTION
@DOCX_OUTPUT
@FORCE_OPTION
@LANG_OPTION
@guarded
def appraisal_request(
    evidence: Path,
    appraisal_file: Path,
    criteria_ref: str | None,
    output: Path,
    force: bool,
    lang: str,
) -> None:
    """The request for explanation of round 1 (Đề nghị giải trình)."""
    _appraisal_document(
        "request", evidence, appraisal_file, None, criteria_ref, output, force, lang
    )


@appraisal.command("annex", help="cli.help.appraisal-annex")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@CRITERIA_OPTION
@click.option(
    "--group-by",
    type=click.Choice(["district", "province", "none"]),
    help="cli.help.group-by",
)
@click.option("--output", "-o", required=True, type=OutputFile(), help="cli.help.annex-output")
@SURVEY_OPTION
@FORCE_OPTION
@click.option("--no-cache", is_flag=True, help="cli.help.annex-no-cache")
@LANG_OPTION
@guarded
def appraisal_annex(
    paths: tuple[Path, ...],
    criteria_ref: str | None,
    group_by: str | None,
    output: Path,
    survey: Path | None,
    force: bool,
    no_cache: bool,
    lang: str,
) -> None:
    """The results annex of the province's decision (Phụ lục kết quả)."""
    from parscore import batch
    from parscore.output import check_target
    from parscore.report import appraisal_docs
    from parscore.yamlsource import display_name

    suffix = output.suffix.lower()
    if suffix not in (".docx", ".xlsx"):
        raise UsageError("usage.document-format", xlsx=Phrase("appraisal-doc.or-xlsx"))
    found = batch.find_files(paths)
    given = [*paths, *([survey] if survey else [])]
    check_target(output, force=force, inputs=[*given, *found.files])
    table = None
    if survey is not None:
        from parscore import survey_table

        table = survey_table.load(survey, resolver().limits)
    run = batch.compare_found(
        found,
        criteria_ref,
        resolver().limits,
        cache_folder=None,  # a decision's annex is always scored afresh: --no-cache changes nothing
        group_by=group_by,  # type: ignore[arg-type]
        stage="final",
        survey=table,
    )
    print_problems(run.problems, lang)
    _survey_rows_unused(table, run, lang)
    if run.refusal is not None:
        raise run.refusal
    if run.comparison is None:
        sys.exit(EXIT_BAD_INPUT)
    if not run.comparison.compared:
        raise UsageError("usage.annex-needs-appraisals")
    write = appraisal_docs.annex_docx if suffix == ".docx" else appraisal_docs.annex_xlsx
    emit(write(run.comparison, lang, run.bodies), output, force, [*given, *run.read])
    echo(render("cli.wrote", {"path": display_name(output)}, lang), err=True)
    if mixed := appraisal_docs.issuer_warning(run.comparison, lang, display_name(output)):
        echo(mixed.format(lang), err=True)
    missing = run.comparison.not_appraised
    for unit in missing:  # a decision's annex that lacks a commune must say so
        args = {"unit": unit.name}
        left = Problem("appraisal-doc.annex-left-out", args, unit.source, severity=Severity.WARNING)
        echo(left.format(lang), err=True)
    if run.left_out or missing:
        sys.exit(EXIT_PROBLEMS)


@main.command(help="cli.help.convert")
@click.argument("evidence", type=click.Path(path_type=Path))
@click.option(
    "--output", "-o", required=True, type=OutputFile(folder_ok=True), help="cli.help.convert-output"
)
@click.option("--folder", "as_folder", is_flag=True, help="cli.help.convert-folder")
@FORCE_OPTION
@LANG_OPTION
@guarded
def convert(evidence: Path, output: Path, as_folder: bool, force: bool, lang: str) -> None:
    """One commune's evidence from one form to another: YAML, a folder of office files, the
    score sheet workbook (Chuyển dạng tệp minh chứng)."""
    from parscore.convert import converted
    from parscore.loading import is_workbook
    from parscore.output import check_suffix, write_files
    from parscore.yamlsource import display_name

    if not as_folder:
        _refuse_folder_name()
    kind = "folder" if as_folder else "xlsx" if is_workbook(output) else "yaml"
    check_suffix(output, kind)
    files = converted(evidence, output, kind, resolver(), lang)
    write_files(files, force=force, inputs=[evidence], folder=output if as_folder else None)
    for path in files:
        echo(render("cli.wrote", {"path": display_name(path)}, lang), err=True)


@main.group(help="cli.help.criteria")
@GROUP_LANG_OPTION
def criteria(lang: str | None) -> None:
    """The criteria sets (Bộ tiêu chí): list the shipped ones, show one, test one."""


@criteria.command("list", help="cli.help.criteria-list")
@LANG_OPTION
@guarded
def criteria_list(lang: str) -> None:
    """List the shipped criteria sets."""
    from parscore.loading import shipped_sets
    from parscore.report.criteria import listing

    sets = resolver()
    echo(listing([sets.load(ref) for ref in shipped_sets()], lang, _layout_width()), nl=False)


@criteria.command("show", help="cli.help.criteria-show")
@click.argument("ref", metavar="ID|PATH")
@click.option("--depth", type=click.IntRange(min=1), metavar="N", help="cli.help.depth")
@LANG_OPTION
@guarded
def criteria_show(ref: str, depth: int | None, lang: str) -> None:
    """Show a criteria set's tree, with maxima and each rule in words."""
    from parscore.loading import load_criteria
    from parscore.report.criteria import show

    sets = resolver()
    cs = load_criteria(ref, sets)
    extended = sets.extended(sets.locate(ref, Path.cwd()))  # what it changes in its base
    echo(show(cs, lang, depth, _layout_width(), extended), nl=False)


@criteria.command("test", help="cli.help.criteria-test")
@click.argument("ref", metavar="ID|PATH")
@click.argument("cases", nargs=-1, type=click.Path(path_type=Path))
@LANG_OPTION
@guarded
def criteria_test(ref: str, cases: tuple[Path, ...], lang: str) -> None:
    """Run a criteria set's test cases (the shipped ones without CASES)."""
    from parscore import settest, yamlsource
    from parscore.loading import looks_like_path

    sets = resolver()
    if looks_like_path(ref):  # not a case file given first
        settest.refuse_swapped(yamlsource.load_file(Path(ref), sets.limits), "cases")
    location = sets.locate(ref, Path.cwd())
    cs = sets.load(location)
    if cases:
        sources = [yamlsource.load_file(path, sets.limits) for path in cases]
        for src in sources:
            settest.refuse_swapped(src, "fields")
    else:
        shipped = settest.shipped_cases(cs.id) if location == cs.id else None
        if shipped is None:
            raise UsageError("usage.no-cases", set=cs.id)
        sources = [settest.read_shipped(shipped, sets.limits)]
    runs, problems = [], []
    for src in sources:
        try:
            runs.append(settest.run_file(src, cs, location, sets))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    sys.exit(_report_cases(runs, lang))


@criteria.command("diff", help="cli.help.criteria-diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option("--output", "-o", type=OutputFile(), help="cli.help.diff-output")
@FORCE_OPTION
@LANG_OPTION
@guarded
def criteria_diff(old: str, new: str, output: Path | None, force: bool, lang: str) -> None:
    """Compare two versions of a criteria set; draft the crosswalk (parscore/years.py)."""
    from parscore.loading import looks_like_path
    from parscore.report.common import Options
    from parscore.report.years import diff_text, draft_crosswalk
    from parscore.yamlsource import display_name
    from parscore.yearfiles import set_diff

    read = [Path(ref) for ref in (old, new) if looks_like_path(ref)]
    if output is not None:
        from parscore.output import check_suffix, check_target

        check_target(output, force=force, inputs=read)
        check_suffix(output, "yaml")
    diff, old_set, new_set = set_diff(old, new, resolver())
    echo(diff_text(diff, old_set, new_set, Options(lang=lang, width=_layout_width())), nl=False)
    if output is not None:
        emit(draft_crosswalk(diff, old_set, new_set, lang), output, force, read)
        echo(render("years.draft-wrote", {"path": display_name(output)}, lang), err=True)


def _report_cases(runs: list[Any], lang: str) -> int:
    """Each failing case and a summary per file on standard output; the exit code."""
    failed = 0
    total = 0
    for run in runs:
        failures = [p for result in run.results for p in result.failures()]
        for problem in failures:
            echo(problem.format(lang))
        bad = sum(not result.passed for result in run.results)
        args = {"total": len(run.results), "passed": len(run.results) - bad, "failed": bad}
        echo(render("settest.summary", {"file": run.display, **args}, lang))
        failed += bad
        total += len(run.results)
    if len(runs) > 1:
        args = {"total": total, "passed": total - failed, "failed": failed}
        echo(render("settest.total", args, lang))
    return EXIT_PROBLEMS if failed else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    main()
