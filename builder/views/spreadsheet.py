"""Cells safe to open in a spreadsheet: shared by the record's CSV and the maps' CSV files."""

from __future__ import annotations

# A spreadsheet treats a cell starting with one of these as a formula (or a DDE command).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: str) -> str:
    """`value`, with a leading apostrophe if a spreadsheet would run it as a formula.

    The rule, applied to every text cell: a cell starting with =, +, -, @, a tab or a carriage
    return gets a leading '. Callers leave numbers that may start with '-' (coordinates) unguarded.
    """
    return "'" + value if value.startswith(_FORMULA_START) else value
