"""Composition formulas as a chemist types them, compared as element counts.

``Cd37S20``, ``Cd₃₇S₂₀`` (Unicode subscripts), ``β-Cd37S20`` (a Greek polymorph
prefix) and ``(CdS)``-style groups such as ``(CdSe)13`` = ``Cd13Se13`` all name
the same composition when their elements and counts agree; a stored family
"(CdSe)n, n = 33, 34" holds (CdSe)33 and (CdSe)34. Element symbols are
compared case-sensitively (``Co`` is cobalt, ``CO`` is carbon and oxygen).
"""

import re
from collections import Counter

SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
POLYMORPH_PREFIX = re.compile(
    r"^\s*(?:[α-ωΑ-Ω]|alpha|beta|gamma|delta|epsilon|zeta)\s*[-‐‑–]\s*", re.IGNORECASE
)
TOKEN = re.compile(r"([A-Z][a-z]?)(\d*)|(\()|\)(\d*)")

Elements = tuple[tuple[str, int], ...]
"""A formula as sorted (element, count) pairs."""


def clean(text: str) -> str:
    """The formula with its polymorph prefix, subscripts and whitespace normalised away."""
    return re.sub(r"\s+", "", POLYMORPH_PREFIX.sub("", text.translate(SUBSCRIPTS)))


def elements(text: str) -> Elements | None:
    """The element counts of a formula, or None when it is not one (a "(CdSe)n"
    with a symbolic count, a word, lower-case symbols)."""
    formula = clean(text)
    if not formula:
        return None
    stack: list[Counter[str]] = [Counter()]
    position = 0
    while position < len(formula):
        match = TOKEN.match(formula, position)
        if match is None:
            return None
        symbol, count, opening, group_count = match.groups()
        if symbol is not None:
            stack[-1][symbol] += int(count or 1)
        elif opening is not None:
            stack.append(Counter())
        else:
            if len(stack) == 1:
                return None
            group = stack.pop()
            for symbol_in_group, n in group.items():
                stack[-1][symbol_in_group] += n * int(group_count or 1)
        position = match.end()
    if len(stack) != 1 or not stack[0]:
        return None
    return tuple(sorted(stack[0].items()))


FAMILY = re.compile(r"^(?P<head>.+?)n,?n=(?P<values>\d+(?:,\d+)*)$")
"""A family written with its values, as the source writes Kasuya's clusters:
"(CdSe)n, n = 33, 34"."""


def alternatives(stored: str) -> list[str]:
    """The formulas a stored formula stands for: itself, and for a family
    "(CdSe)n, n = 33, 34" each member, "(CdSe)33" and "(CdSe)34"."""
    family = FAMILY.match(clean(stored))
    if family is None:
        return [stored]
    head = family["head"]
    return [stored, *(f"{head}{n}" for n in family["values"].split(","))]


def same_composition(stored: str, asked: str) -> bool:
    """Whether the stored formula (or a member of the family it writes) and the one
    asked for name the same composition."""
    asked_elements = elements(asked)
    for formula in alternatives(stored):
        if asked_elements is not None and elements(formula) == asked_elements:
            return True
        if clean(formula) == clean(asked):
            return True
    return False
