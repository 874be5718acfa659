"""Numbers as readers of each language write them: thousands, decimals, percentages, ordinals.

Our own rules rather than Babel's: Babel's Spanish groups thousands with a full stop from five
digits ("12.345"), the house style (the RAE's) with a non-breaking space ("12 345").
"""

from __future__ import annotations


def number(value: float, lang: str, decimals: int = 0) -> str:
    """`value` as readers of `lang` write it: '12,345.6' in English, '12 345,6' in Spanish.

    Spanish groups thousands with a (non-breaking) space only from five digits, per the RAE.
    """
    text = f"{value:,.{decimals}f}"
    if lang != "es":
        return text
    whole, _, fraction = text.partition(".")
    digits = whole.replace(",", "")
    sign = "-" if digits.startswith("-") else ""
    digits = digits.lstrip("-")
    if len(digits) > 4:
        groups = []
        while digits:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = "\u00a0".join(groups)
    return sign + digits + ("," + fraction if fraction else "")


def percent(value: float, lang: str, decimals: int = 2) -> str:
    """A percentage: '50.01%' in English, '50,01 %' in Spanish (a space before the sign)."""
    text = number(value, lang, decimals)
    return f"{text}\u00a0%" if lang == "es" else f"{text}%"


def ordinal(n: int, lang: str) -> str:
    """1st, 2nd, 3rd, 4th, 11th … in English; 1.º, 2.º … in Spanish."""
    if lang == "es":
        return f"{n}.º"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
