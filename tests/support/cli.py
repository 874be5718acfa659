"""The `peru-timeline` command, run in process with click's CliRunner."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from builder.cli import main


def run_cli(root: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    """`peru-timeline ARGS --root ROOT`; the result keeps stdout and stderr apart (`.stdout`,
    `.stderr`; `.output` has both) and the exit code (`.exit_code`)."""
    return CliRunner().invoke(main, [*args, "--root", str(root)], env=env, catch_exceptions=False)
