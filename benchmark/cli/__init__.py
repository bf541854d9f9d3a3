"""`bench`: the command line, on top of the library API (benchmark.api). It
parses options, calls the API and prints; the layers below never import it
(docs/architecture.md, checked by tests/test_architecture.py).

Each subcommand lives in benchmark/cli/commands/<name>.py and is imported only when
it is invoked, so `bench validate` and `bench leaderboard` never pay for torch.
Expected failures raise `benchmark.errors.BenchError`: the group prints
`error: <message>`, no traceback, and exits 1 for "the data is wrong / the
check failed", 2 for "unusable input". click's usage errors (a bad option
value, a missing argument) exit 2 with one `error:` line as well.
`bench --debug ...` shows the traceback instead.
"""

from __future__ import annotations

import importlib
import sys

import click

from ..errors import BenchError

# command name -> "module:attribute" of a click.Command. Kept as strings so the
# group can list and document commands without importing them.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("benchmark.cli.commands.validate:validate", "Check every gold annotation against its document."),
    "annotate": (
        "benchmark.cli.commands.annotate:annotate",
        "Turn a mention list (LABEL<TAB>text) into a gold JSON file.",
    ),
    "conlleval": ("benchmark.cli.commands.conlleval:conlleval", "Score a CoNLL file of `token gold pred` lines."),
    "export": ("benchmark.cli.commands.export:export", "Export the gold as a HF dataset, CoNLL or JSONL."),
    "run": ("benchmark.cli.commands.run:run", "Run an extractor over a corpus, score it, write a run record."),
    "score": (
        "benchmark.cli.commands.score:score",
        "Re-score a run record's stored predictions against the current gold.",
    ),
    "leaderboard": ("benchmark.cli.commands.leaderboard:leaderboard", "Rank the run records in results/."),
    "compare": (
        "benchmark.cli.commands.compare:compare",
        "Per-type deltas, paired bootstrap and entity diff of two runs.",
    ),
    "check": ("benchmark.cli.commands.compare:check", "Regression gate: exit 1 when a candidate's F1 drops."),
    "report": ("benchmark.cli.commands.report:report", "Self-contained HTML error report of a run record."),
    "corpus": ("benchmark.cli.commands.corpus:corpus", "The extended news corpus: fetch and verify its texts."),
    "data": ("benchmark.cli.commands.data:data", "ANERcorp (CAMeL split) from public sources: fetch and verify."),
    "train": ("benchmark.cli.commands.train:train", "Fine-tune the e5-small ANERcorp baseline."),
}


class OneLineUsageError(click.UsageError):
    """A click usage error shown as one line (click's own shows the usage block first)."""

    def __init__(self, original: click.UsageError):
        super().__init__(original.format_message(), original.ctx)

    def show(self, file=None) -> None:
        hint = f" (see `{self.ctx.command_path} --help`)" if self.ctx is not None else ""
        message = " ".join(self.message.split())
        click.echo(f"error: {message}{hint}", err=True)


# `bench` or `bench corpus` alone: click shows the help (click >= 8.2 raises this usage error for it)
_KEEP_AS_IS: tuple[type[click.UsageError], ...] = (OneLineUsageError,) + tuple(
    getattr(click.exceptions, name) for name in ("NoArgsIsHelpError",) if hasattr(click.exceptions, name)
)


def _debug(ctx: click.Context) -> bool:
    return bool((ctx.find_root().obj or {}).get("debug"))


class LazyGroup(click.Group):
    """The `bench` group: commands imported on use, and every expected failure
    of a command (BenchError, usage error) turned into one line and its exit
    code here, so CliRunner sees what a user sees."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except _KEEP_AS_IS:
            raise
        except click.UsageError as err:  # e.g. `bench --nope`
            raise OneLineUsageError(err) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except _KEEP_AS_IS:
            raise
        except click.UsageError as err:
            raise OneLineUsageError(err) from None
        except BenchError as err:
            if _debug(ctx):
                raise
            click.echo(f"error: {err}", err=True)
            ctx.exit(err.exit_code)

    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module_name, _, attr = COMMANDS[name][0].partition(":")
        return getattr(importlib.import_module(module_name), attr)

    def format_commands(self, ctx, formatter):
        # from COMMANDS, so `bench --help` imports no subcommand module
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_) for name, (_, help_) in COMMANDS.items()])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="arabic-fin-ner-bench", prog_name="bench")
def cli() -> None:
    """Arabic financial-entity extraction benchmark (MONEY, ORG, LOC)."""


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    # --debug is read here, before click, so that it works in any position and
    # needs no plumbing into the subcommands.
    debug = "--debug" in args
    if debug:
        args.remove("--debug")
    try:
        cli.main(args=args, prog_name="bench", standalone_mode=True, obj={"debug": debug})
    except BenchError as err:
        if debug:
            raise
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
