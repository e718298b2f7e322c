"""Choosing a representation: the ``format`` parameter, else the Accept header."""

from enum import StrEnum
from typing import TypeVar

F = TypeVar("F", bound=StrEnum)


def choose_format(
    requested: F | None, accept: str | None, media_types: dict[F, str], default: F
) -> F:
    """``format=`` wins; otherwise the first of ``media_types`` the Accept header names."""
    if requested is not None:
        return requested
    for part in (accept or "").split(","):
        media_type = part.split(";")[0].strip().lower()
        for fmt, known in media_types.items():
            if media_type == known:
                return fmt
    return default
