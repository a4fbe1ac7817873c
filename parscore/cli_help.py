"""Help in the user's language: ``parscore --help`` and every command's.

Every help text (a command's, an option's ``help=``) is a catalogue code (``cli.help.``),
rendered when help is shown, in the language of a ``--lang`` anywhere on the command line (click
shows --help before it reads the other options), else ``PARSCORE_LANG``, else Vietnamese; click's
own words (Usage, Options, Commands, the help option, defaults) too. Every help ends with the
exit codes. Only click and the catalogue are imported: ``parscore --help`` stays fast.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any

import click

from parscore.messages import CATALOGUE, LANGS, render

_HELP_LANG = "parscore.help-lang"
_CLICK_WORDS = {
    "Options": "cli.help.options",
    "Commands": "cli.help.commands",
    "Positional arguments": "cli.help.arguments",
}
#: the exit codes every help lists (``cli.EXIT_*``; a test checks they are the same)
EXIT_CODES = (0, 1, 2, 3, 141)


def _scan_lang(args: list[str]) -> str | None:
    """The language a ``--lang xx`` or ``--lang=xx`` in ``args`` asks for (the last one)."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        found = value if value in LANGS else found
    return found


def help_lang(ctx: click.Context | None) -> str:
    """The help's language: a --lang on the command line, else PARSCORE_LANG, else Vietnamese."""
    chosen = ctx.meta.get(_HELP_LANG) if ctx is not None else None
    env = os.environ.get("PARSCORE_LANG")
    return chosen if chosen in LANGS else env if env in LANGS else "vi"


def show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``--version``: parscore's version, in the help's language."""
    if not value or ctx.resilient_parsing:
        return
    from parscore import __version__

    click.echo(render("cli.version", {"version": __version__}, help_lang(ctx)))
    ctx.exit()


def _extras(text: str, lang: str) -> str:
    """Click's "[default: x; required]" after an option's help, in ``lang``."""
    head, bracket, rest = text.rpartition("  [") if text.endswith("]") else ("", "", "")
    if not bracket and text.startswith("[") and text.endswith("]"):
        head, rest = "", text[1:]
    if not rest:
        return text
    items = []
    for item in rest[:-1].split("; "):
        if item.startswith("default: "):
            item = render("cli.help.default", {"default": item[len("default: ") :]}, lang)
        elif item == "required":
            item = render("cli.help.required", None, lang)
        items.append(item)
    joined = "; ".join(items)
    return f"{head}  [{joined}]" if head else f"[{joined}]"


def _text(code: str | None, lang: str) -> str | None:
    """A help code's text (a help that is not a code, which a test forbids, as it is)."""
    return render(code, None, lang) if code in CATALOGUE else code


#: a metavar (EVIDENCE, ID|PATH...) in a usage line or an option's row: its words, each
#: translated by the catalogue (``cli.metavar.EVIDENCE``) where it has one
_METAVAR = re.compile(r"(?<!\w)[A-Z][A-Z_]*(?!\w)")


def metavars(text: str, lang: str) -> str:
    """``text`` with its metavars' words in ``lang`` (EVIDENCE is MINH_CHỨNG in Vietnamese)."""

    def word(match: re.Match[str]) -> str:
        code = f"cli.metavar.{match.group(0)}"
        return render(code, None, lang) if code in CATALOGUE else match.group(0)

    return _METAVAR.sub(word, text)


class _HelpFormatter(click.HelpFormatter):
    lang = "vi"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = render("cli.help.usage", None, self.lang) + " "
        super().write_usage(prog, metavars(args, self.lang), prefix)

    def section(self, name: str) -> Any:
        code = _CLICK_WORDS.get(name)
        return super().section(render(code, None, self.lang) if code else name)

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(metavars(term, self.lang), _extras(text, self.lang)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


def _inherit_lang(ctx: click.Context) -> None:
    """A command's ``--lang``: its own when typed after the command, else the nearest one typed
    before it (``parscore --lang en evaluate ...``, ``parscore criteria --lang en list``), else
    ``PARSCORE_LANG``, else Vietnamese.

    Decided once the command's options are parsed: while an option's callback runs, some click
    releases have not yet recorded where its value came from."""
    typed = click.core.ParameterSource.COMMANDLINE
    if "lang" not in ctx.params or ctx.get_parameter_source("lang") == typed:
        return
    parent = ctx.parent
    while parent is not None:
        if parent.get_parameter_source("lang") == typed and parent.params.get("lang"):
            ctx.params["lang"] = parent.params["lang"]
            return
        parent = parent.parent


class _Context(click.Context):
    formatter_class = _HelpFormatter

    def make_formatter(self) -> click.HelpFormatter:
        formatter = super().make_formatter()
        formatter.lang = help_lang(self)  # type: ignore[attr-defined]
        return formatter


class _Help:
    """A command whose help texts are catalogue codes (``cli.help.``), shown in the help's
    language, followed by the exit codes."""

    context_class: type[click.Context] = _Context
    help: str | None
    params: list[click.Parameter]
    options_metavar: str | None

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        found = _scan_lang(args)
        if found:
            ctx.meta[_HELP_LANG] = found
        rest: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
        _inherit_lang(ctx)
        return rest

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc,no-any-return]
        except click.UsageError as exc:
            raise _told(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except click.UsageError as exc:
            raise _told(exc) from None

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None and not getattr(option, "parscore_help", False):
            option.help = "cli.help.help"  # once: it is the same object while help is written
            option.parscore_help = True  # type: ignore[attr-defined]
        return option  # type: ignore[no-any-return]

    def get_help(self, ctx: click.Context) -> str:
        with _Rendered(self, ctx):
            return super().get_help(ctx)  # type: ignore[misc,no-any-return]

    def get_usage(self, ctx: click.Context) -> str:
        with _Rendered(self, ctx):
            return super().get_usage(ctx)  # type: ignore[misc,no-any-return]

    def get_short_help_str(self, limit: int = 45) -> str:
        lang = help_lang(click.get_current_context(silent=True))
        code, self.help = self.help, _text(self.help, lang)
        try:
            return super().get_short_help_str(limit)  # type: ignore[misc,no-any-return]
        finally:
            self.help = code

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_lang(ctx)
        with formatter.section(render("cli.help.exit-codes", None, lang)):
            formatter.write_dl(
                [(str(c), render(f"cli.help.exit-{c}", None, lang)) for c in EXIT_CODES]
            )


class _Rendered:
    """While help is written: the command's and its options' help codes as texts."""

    def __init__(self, command: _Help, ctx: click.Context) -> None:
        lang = help_lang(ctx)
        params = command.get_params(ctx)  # type: ignore[attr-defined]
        self.saved = [(command, "help", command.help)]
        self.saved += [(p, "help", p.help) for p in params if getattr(p, "help", None)]
        self.saved.append((command, "options_metavar", command.options_metavar))
        if isinstance(command, click.Group):
            self.saved.append((command, "subcommand_metavar", command.subcommand_metavar))
        self.texts = {
            "help": lambda code: _text(code, lang),
            "options_metavar": lambda _: render("cli.help.options-metavar", None, lang),
            "subcommand_metavar": lambda _: render("cli.help.command-metavar", None, lang),
        }

    def __enter__(self) -> None:
        for owner, name, value in self.saved:
            setattr(owner, name, self.texts[name](value))

    def __exit__(self, *exc: object) -> None:
        for owner, name, value in self.saved:
            setattr(owner, name, value)


class HelpCommand(_Help, click.Command):
    pass


class HelpGroup(_Help, click.Group):
    command_class = HelpCommand
    group_class = type


# --- click's usage errors, in the same language as the usage line above them ----------------

#: click's messages (8.x) and the catalogue code of each; one that does not match stays as click
#: wrote it
_CLICK_MESSAGES = [
    (r"Invalid value for (?P<param>.+?): (?P<detail>.*)", "cli.click.invalid-value"),
    (r"(?P<value>.+) is not one of (?P<choices>.+)\.", "cli.click.not-one-of"),
    (r"(?P<value>.+) is not in the range (?P<range>.+)\.", "cli.click.not-in-range"),
    (r"(?P<value>.+) is not a valid integer(?: range)?\.", "cli.click.not-integer"),
    (
        r"No such option:? (?P<name>\S+?)\.?(?: \(?Did you mean (?P<best>.+?)\?\)?)?",
        "cli.click.no-option",
    ),
    (
        r"No such command:? (?P<name>\S+?)\.?(?: \(?Did you mean (?P<best>.+?)\?\)?)?",
        "cli.click.no-command",
    ),
    (r"Got unexpected extra arguments? \((?P<args>.*)\)", "cli.click.extra-arguments"),
    (r"Option (?P<name>\S+) requires an argument\.", "cli.click.needs-value"),
    (r"Option (?P<name>\S+) does not take a value\.", "cli.click.takes-no-value"),
    (r"Missing argument (?P<name>.+)\.", "cli.click.missing-argument"),
    (r"Missing option (?P<name>.+)\.", "cli.click.missing-option"),
    (r"Missing command\.", "cli.click.missing-command"),
]


def click_message(message: str, lang: str) -> str:
    """One of click's error messages in ``lang`` (English: as click wrote it)."""
    if lang == "en":
        return message
    for pattern, code in _CLICK_MESSAGES:
        match = re.fullmatch(pattern, message, re.DOTALL)
        if match is None:
            continue
        args = {k: v or "" for k, v in match.groupdict().items()}
        if "detail" in args:
            args["detail"] = click_message(args["detail"], lang)
        if "best" in args:
            best = args["best"].removeprefix("one of: ")
            args["best"] = render("cli.click.did-you-mean", {"best": best}, lang) if best else ""
        return render(code, args, lang)
    return message


def _told(exc: click.UsageError) -> click.UsageError:
    """A usage error of click's as parscore tells it (not one that shows help instead)."""
    if isinstance(exc, _UsageError) or type(exc).show is not click.UsageError.show:
        return exc
    return _UsageError(exc)


class _UsageError(click.UsageError):
    """A usage error of click's, told in the help's language."""

    def __init__(self, original: click.UsageError) -> None:
        super().__init__(original.format_message(), original.ctx)
        self.option = original.option_name if isinstance(original, click.NoSuchOption) else None

    def _belongs_after(self, lang: str) -> str:
        """For an option typed before the command it belongs to (``parscore --detail evaluate``):
        the commands that have it, and where to put it; "" otherwise."""
        ctx = self.ctx
        if self.option is None or ctx is None or not isinstance(ctx.command, click.Group):
            return ""
        names = [
            name
            for name, command in ctx.command.commands.items()
            if any(self.option in getattr(param, "opts", ()) for param in command.params)
        ]
        if not names:
            return ""
        typed = next((arg for arg in sys.argv[1:] if arg in names), names[0])  # the one named
        args = {"option": self.option, "command": typed}
        return " " + render("cli.option-after-command", args, lang)

    def show(self, file: Any = None) -> None:
        file = file if file is not None else sys.stderr
        ctx = self.ctx
        lang = help_lang(ctx)
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                option = max(ctx.help_option_names, key=len)  # --help
                words = {"command": ctx.command_path, "option": option}
                hint = render("cli.help.try", words, lang) + "\n"
            click.echo(f"{ctx.get_usage()}\n{hint}", file=file, color=ctx.color)
        message = click_message(self.format_message(), lang) + self._belongs_after(lang)
        message = metavars(message, lang) if lang != "en" else message
        click.echo(render("cli.error-line", {"message": message}, lang), file=file)


__all__ = ["EXIT_CODES", "HelpCommand", "HelpGroup", "click_message", "help_lang"]
