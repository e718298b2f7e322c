"""Composition formulas as a chemist types them, compared as element counts.

``Cd37S20``, ``Cd₃₇S₂₀`` (Unicode subscripts), ``β-Cd37S20`` (a Greek polymorph
prefix) and ``(CdS)``-style groups such as ``(CdSe)13`` = ``Cd13Se13`` all name
the same composition when their elements and counts agree. Element symbols are
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


def same_composition(stored: str, asked: str) -> bool:
    """Whether the stored formula and the one asked for name the same composition."""
    asked_elements = elements(asked)
    if asked_elements is not None:
        return elements(stored) == asked_elements
    return clean(stored) == clean(asked)
