"""A list endpoint's items as flat rows: CSV and JSON Lines.

JSON Lines writes each item as the JSON pages hold it (one object a line, nested
as in ``data``). CSV needs flat columns, and its header must be known before the
first row is streamed, so the columns come from the item's response model, not
from the rows:

- a nested object's fields are columns named by their path with dots:
  ``evidence.reference``, ``material.formula``;
- a list of objects gives one column per field of its objects
  (``absorption_peaks.nm``), holding the values of every item of the list in
  order, joined by ``"; "`` (a null as an empty string between the separators);
- a list of plain values (``aliases``) is one column, its values joined by ``"; "``;
- a mapping keyed by an enumeration (``species_counts``) gives one column per key
  (``species_counts.msc``); any other free-form object is one column holding its
  compact JSON.

Units stay in the names (``peak_nm``, ``mass_da``, ``temperature_c``): they are
the field names. A string is always quoted; a number is written unquoted as
JSON writes it; true/false as ``true``/``false``; a null as an empty field.
"""

import json
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any, Union, get_args, get_origin

import orjson
from pydantic import BaseModel

JOIN = "; "
"""Between the values of a list in one CSV field."""

_EACH = None
"""A path segment meaning "every item of the list here"."""


@dataclass(frozen=True)
class Column:
    name: str
    path: tuple[str | None, ...]


def _unwrap(annotation: Any) -> Any:
    """``X | None`` → ``X``; a union of several types stays as it is."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def _model(annotation: Any) -> type[BaseModel] | None:
    return (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )


def columns(model: type[BaseModel], prefix: tuple[str | None, ...] = ()) -> list[Column]:
    """The flat columns of ``model``'s items, in its fields' order."""
    found: list[Column] = []
    for name, field in model.model_fields.items():
        key = field.serialization_alias or field.alias or name
        annotation = _unwrap(field.annotation)
        path = (*prefix, key)
        if get_origin(annotation) is list:
            (inner,) = get_args(annotation) or (Any,)
            nested = _model(_unwrap(inner))
            if nested is not None:
                found += columns(nested, (*path, _EACH))
                continue
            found.append(Column(_name(path), (*path, _EACH)))
            continue
        if get_origin(annotation) is dict:
            keys = (get_args(annotation) or (Any,))[0]
            if isinstance(keys, type) and issubclass(keys, Enum):
                found += [Column(_name((*path, str(k.value))), (*path, str(k.value))) for k in keys]
                continue
        nested = _model(annotation)
        if nested is not None:
            found += columns(nested, path)
        else:
            found.append(Column(_name(path), path))
    return found


def _name(path: tuple[str | None, ...]) -> str:
    return ".".join(p for p in path if p is not None)


def _gather(value: Any, path: tuple[str | None, ...]) -> tuple[list[Any], bool]:
    """The values at ``path``, and whether a list was walked to reach them."""
    values, listed = [value], False
    for segment in path:
        if segment is _EACH:
            listed = True
            values = [v for vs in values if isinstance(vs, list) for v in vs]
        else:
            values = [v.get(segment) if isinstance(v, dict) else None for v in values]
    return values, listed


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def flat(item: dict[str, Any], cols: list[Column]) -> list[Any]:
    """One item's values, column by column: scalars as they are, lists joined."""
    row: list[Any] = []
    for column in cols:
        values, listed = _gather(item, column.path)
        if listed:
            row.append(JOIN.join(_text(v) for v in values))
        else:
            value = values[0]
            row.append(_text(value) if isinstance(value, dict | list) else value)
    return row


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value, allow_nan=False)
    text = str(value)
    return '"' + text.replace('"', '""') + '"'


def csv_line(values: Iterable[Any]) -> str:
    """RFC 4180, CRLF: strings quoted, numbers bare, null empty."""
    return ",".join(_cell(v) for v in values) + "\r\n"


def csv_chunks(
    model: type[BaseModel], batches: Iterable[Iterable[dict[str, Any]]]
) -> Iterator[bytes]:
    """The header, then one chunk of CSV lines per batch of items: a stream is sent a
    chunk at a time, and each chunk costs a hop to the thread pool and a pass through
    every middleware, so a chunk per line would cost more than the lines."""
    cols = columns(model)
    yield csv_line(c.name for c in cols).encode()
    for batch in batches:
        yield "".join(csv_line(flat(item, cols)) for item in batch).encode()


def jsonl_chunks(batches: Iterable[Iterable[dict[str, Any]]]) -> Iterator[bytes]:
    """One chunk of JSON lines per batch of items, each item as a page holds it."""
    for batch in batches:
        yield b"".join(orjson.dumps(item) + b"\n" for item in batch)
