"""Printing problems: one line each for people; for GitHub, annotations and a job summary.

GitHub shows at most ten error and ten warning annotations per step. Every problem is still
printed as an annotation (the log keeps them all); past ten of a kind, a notice says how many
more there are, and the job summary (`$GITHUB_STEP_SUMMARY`) lists every problem.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import click

from builder.record.problems import ERROR, WARNING, Problem

ANNOTATION_LIMIT = 10


def report(problems: Sequence[Problem], output_format: str, title: str) -> None:
    """Print `problems` as text or as GitHub annotations (with the notice and job summary)."""
    for problem in problems:
        click.echo(problem.as_github() if output_format == "github" else str(problem))
    if output_format != "github" or not problems:
        return
    hidden = sum(max(0, count(problems, kind) - ANNOTATION_LIMIT) for kind in (ERROR, WARNING))
    if hidden:
        click.echo(
            f"::notice title={title}::{hidden} more problem(s) than GitHub shows as annotations "
            f"(ten errors and ten warnings per step): all {len(problems)} are listed in the "
            "job summary"
        )
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with Path(summary).open("a", encoding="utf-8") as out:
            out.write(job_summary(problems, title))


def count(problems: Sequence[Problem], severity: str) -> int:
    return sum(1 for p in problems if p.severity == severity)


def job_summary(problems: Sequence[Problem], title: str) -> str:
    """Markdown listing every problem, each linked to its line when the run is on GitHub."""
    errors, warnings = count(problems, ERROR), count(problems, WARNING)
    rows = [
        f"### {title}: {errors} error(s), {warnings} warning(s)",
        "",
        "GitHub marks at most ten errors and ten warnings on the changed lines; this list has "
        "all of them.",
        "",
        "| Where | Problem | How to fix it |",
        "| --- | --- | --- |",
    ]
    for p in problems:
        where = f"{p.path}:{p.line}:{p.column}"
        link = _blob_url(p)
        place = f"[`{where}`]({link})" if link else f"`{where}`"
        label = "" if p.severity == ERROR else "warning: "
        rows.append(f"| {place} | {label}{_cell(p.message)} | {_cell(p.fix)} |")
    return "\n".join(rows) + "\n\n"


def _blob_url(problem: Problem) -> str | None:
    server, repo = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    sha = os.environ.get("GITHUB_SHA")
    if not (server and repo and sha):
        return None
    return f"{server}/{repo}/blob/{sha}/{problem.path}#L{problem.line}"


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell: no pipe, line break or HTML."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("\n", " ")
    )
