"""`peru-timeline new --help`: the help ends with the theme and region ids the options take.

The ids are read from the registries of the project named by `--root` (the current folder
by default), so the list is the one `peru-timeline check` will accept.
"""

from __future__ import annotations

from pathlib import Path

import click

from builder.record.registries import load_regions, load_themes


class NewCommand(click.Command):
    """A command whose help lists the ids of themes and regions from the registries."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["new_help_args"] = list(args)  # --help runs before --root is read
        return super().parse_args(ctx, args)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        root = _root(ctx.meta.get("new_help_args", []))
        problems: list = []
        themes = load_themes(root / "events/registries/themes.yml", "themes.yml", problems)
        regions, scopes = load_regions(root / "maps/regions.yml", "regions.yml", problems)
        if not themes and not regions:
            formatter.write_paragraph()
            formatter.write_text(
                f"No registries under {root}: run it in the project folder (or give --root) "
                "to list the theme and region ids here."
            )
            return
        with formatter.section("Theme ids (--theme, events/registries/themes.yml)"):
            formatter.write_dl([(key, theme.name.en) for key, theme in themes.items()])
        with formatter.section("Region ids (--region, maps/regions.yml)"):
            rows = [(iso, region.name) for iso, region in regions.items()]
            rows += [(key, scope.name.en) for key, scope in scopes.items()]
            formatter.write_dl(rows)


def _root(args: list[str]) -> Path:
    for n, arg in enumerate(args):
        if arg == "--root" and n + 1 < len(args):
            return Path(args[n + 1])
        if arg.startswith("--root="):
            return Path(arg.removeprefix("--root="))
    return Path(".")
