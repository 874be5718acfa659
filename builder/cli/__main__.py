"""`python -m builder.cli`: the same as the `peru-timeline` command."""

from builder.cli import main

main()
