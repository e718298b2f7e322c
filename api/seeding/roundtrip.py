"""Writing entries into an existing seed file without touching anything else.

A curated seed file holds comments, a key order, quoting, number formats and blank
lines that a reviewer relies on; rewriting the whole file from the database would
drop them and bury a one-line change in a diff of every line. So ``dump-seeds`` edits
the file as text: ruamel.yaml's round-trip loader finds where each entry of a
section starts, and only the lines of the entries that change are replaced (the entry
re-emitted by ruamel from its own round-trip node, so the styles of the values that
did not change stay), removed, or appended after the section's last entry. Comments
and blank lines between entries stay where they are. ``references.bib`` is edited the
same way, entry by entry, from bibtexparser's record of each entry's raw text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bibtexparser
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

FOLD_WIDTH = 88
"""Where the seed files fold long descriptions."""


def _represent_none(representer: RoundTripRepresenter, _data: None) -> Any:
    # An unknown value is written as null, as the curated files do (ruamel's default
    # is an empty value).
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.width = 4096  # flow mappings (evidence) stay on one line, as curated
    yaml.representer.add_representer(type(None), _represent_none)
    return yaml


def plain(node: Any) -> Any:
    """A round-trip node as plain data (numbers, strings, dicts, lists)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def _number(value: Any) -> Any:
    """311.0 is written 311, as the curated files write whole numbers."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _fold(text: str, indent: int) -> Any:
    folded = FoldedScalarString(text)
    width = FOLD_WIDTH - indent
    positions: list[int] = []
    start, last_space = 0, -1
    for index, char in enumerate(text):
        if char == " ":
            if index - start > width and last_space > start:
                positions.append(last_space)
                start = last_space + 1
            last_space = index
    if len(text) - start > width and last_space > start:
        positions.append(last_space)
    folded.fold_pos = positions
    return folded


def node(value: Any, indent: int = 2) -> Any:
    """A new value as the curated files write one: a mapping of plain values (evidence,
    a range) and a list of plain values in flow style, long text folded."""
    if isinstance(value, dict):
        mapping = CommentedMap((k, node(v, indent + 2)) for k, v in value.items())
        if all(not isinstance(v, dict | list) for v in value.values()):
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        seq = CommentedSeq(node(v, indent + 2) for v in value)
        if all(not isinstance(v, dict | list) for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and len(value) > FOLD_WIDTH - indent - 20 and "\n" not in value:
        return _fold(value, indent + 2)
    return _number(value)


def merged(old: Any, full: Any, minimal: Any, indent: int = 2) -> Any:
    """The new value as a node that keeps ``old``'s styles wherever a value did not
    change: flow or block, quoting, folding, key order (new keys before evidence).
    ``full`` holds every field, defaults included; ``minimal`` leaves the defaults
    out: a default the file spells out stays spelled out, one it leaves out stays out."""
    if plain(old) == full:
        return old
    if isinstance(old, CommentedMap) and isinstance(full, dict):
        small = minimal if isinstance(minimal, dict) else {}
        for key in [k for k in old if k not in full]:
            del old[key]
        for key, value in full.items():
            if key in old:
                old[key] = merged(old[key], value, small.get(key, value), indent + 2)
            elif key not in small:
                continue  # a default the file does not spell out
            elif "evidence" in old and key != "evidence":
                old.insert(list(old).index("evidence"), key, node(small[key], indent + 2))
            else:
                old[key] = node(small[key], indent + 2)
        return old
    if isinstance(old, CommentedSeq) and isinstance(full, list):
        small_items = minimal if isinstance(minimal, list) else full
        seq = CommentedSeq(
            merged(old[i], v, small_items[i], indent + 2)
            if i < len(old)
            else node(small_items[i], indent + 2)
            for i, v in enumerate(full)
        )
        if old.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    if isinstance(old, FoldedScalarString) and isinstance(full, str):
        return _fold(full, indent)
    if isinstance(old, LiteralScalarString) and isinstance(full, str):
        return LiteralScalarString(full)
    return node(full, indent)


@dataclass
class SectionEdit:
    """What to do to one section of a YAML file: entries to set (by identifier; None
    removes), and how to name an entry of the file."""

    identify: Callable[[dict[str, Any]], str]
    entries: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    same: Callable[[dict[str, Any], dict[str, Any]], bool] = lambda old, new: old == new
    """Whether an entry of the file already says what the new one does."""
    full: Callable[[dict[str, Any]], dict[str, Any]] = lambda entry: entry
    """The entry with its defaults spelled out."""


def _is_filler(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _emit(yaml: YAML, item: Any, column: int) -> list[str]:
    buffer = io.StringIO()
    yaml.dump([item], buffer)
    pad = " " * column
    return [pad + line if line.strip() else line for line in buffer.getvalue().splitlines(True)]


def edit_yaml(path: Path, sections: dict[str, SectionEdit]) -> bool:
    """Apply ``sections`` to the YAML file at ``path``, leaving every other byte as it
    was; return whether the file changed."""
    yaml = _yaml()
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    document = yaml.load(text)
    top_keys = list(document)
    edits: list[tuple[int, int, list[str]]] = []
    appended_sections: list[str] = []
    for section, edit in sections.items():
        wanted = dict(edit.entries)
        if not wanted:
            continue
        seq = document.get(section)
        if not isinstance(seq, CommentedSeq) or not seq:
            new_items = [v for v in wanted.values() if v is not None]
            if not new_items:
                continue
            body = [f"{section}:\n"] + [
                line for item in new_items for line in _emit(yaml, node(item), 0)
            ]
            if section in document:
                at = document.lc.key(section)[0]
                edits.append((at, at + 1, body))
            else:
                appended_sections.extend(body)
            continue
        following = top_keys[top_keys.index(section) + 1 :]
        section_end = document.lc.key(following[0])[0] if following else len(lines)
        starts = [seq.lc.item(i)[0] for i in range(len(seq))]
        column = max(seq.lc.item(0)[1] - 2, 0)
        last_end = starts[0]
        for index, item in enumerate(seq):
            start = starts[index]
            end = starts[index + 1] if index + 1 < len(seq) else section_end
            while end > start + 1 and _is_filler(lines[end - 1]):
                end -= 1
            last_end = end
            ident = edit.identify(plain(item))
            if ident not in wanted:
                continue
            new = wanted.pop(ident)
            if new is None:
                edits.append((start, end, []))
            elif not edit.same(plain(item), new):
                node_ = merged(item, edit.full(new), new)
                edits.append((start, end, _emit(yaml, node_, column)))
        added = [v for v in wanted.values() if v is not None]
        if added:
            body = [line for item in added for line in _emit(yaml, node(item), column)]
            edits.append((last_end, last_end, body))
    if not edits and not appended_sections:
        return False
    for start, end, body in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[start:end] = body
    lines.extend(appended_sections)
    new_text = "".join(lines)
    if new_text == text:
        return False
    path.write_text(new_text, encoding="utf-8")
    return True


_BIB_FIELD_LINE = re.compile(r"^(\s*)(\w+)\s*=\s*(.*?)\s*,?\s*$")


def _unbraced(value: str) -> str:
    value = value.strip()
    if (
        value.startswith("{")
        and value.endswith("}")
        or value.startswith('"')
        and value.endswith('"')
    ):
        return value[1:-1]
    return value


def bib_entry_text(
    entry_type: str,
    key: str,
    fields: list[tuple[str, str]],
    old_raw: str | None,
    same: Callable[[str, str, str], bool],
) -> str:
    """The text of one BibTeX entry in the curated files' style (two-space indent, each
    field braced and followed by a comma). Over ``old_raw``, the lines of the fields
    whose value did not change (``same(field, old, new)``) stay as they were."""
    new = dict(fields)
    if old_raw is None:
        body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
        return f"@{entry_type}{{{key},\n{body}}}"
    lines = old_raw.splitlines()
    head, middle, tail = lines[0], lines[1:-1], lines[-1]
    out = [head]
    indent = "  "
    for line in middle:
        match = _BIB_FIELD_LINE.match(line)
        if match is None:
            out.append(line)
            continue
        indent, name = match.group(1), match.group(2).lower()
        if name not in new:
            continue
        value = new.pop(name)
        if same(name, _unbraced(match.group(3)), value):
            out.append(line)
        else:
            out.append(f"{indent}{name} = {{{value}}},")
    out += [f"{indent}{name} = {{{value}}}," for name, value in new.items()]
    out.append(tail)
    return "\n".join(out)


def edit_bib(path: Path, entries: dict[str, str | None]) -> bool:
    """Replace (text), remove (None) or append the BibTeX entries named by key in the
    file at ``path``; every other entry keeps its text. Return whether it changed."""
    text = path.read_text(encoding="utf-8")
    library = bibtexparser.parse_string(text)  # type: ignore[attr-defined]
    new_text = text
    remaining = dict(entries)
    for entry in library.entries:
        if entry.key not in remaining:
            continue
        replacement = remaining.pop(entry.key)
        raw = str(entry.raw)
        if replacement is None:
            at = new_text.index(raw)
            end = at + len(raw)
            while end < len(new_text) and new_text[end] == "\n" and end - at - len(raw) < 2:
                end += 1
            new_text = new_text[:at] + new_text[end:]
        else:
            new_text = new_text.replace(raw, replacement.rstrip("\n"), 1)
    added = [v.rstrip("\n") for v in remaining.values() if v is not None]
    if added:
        new_text = new_text.rstrip("\n") + "\n\n" + "\n\n".join(added) + "\n"
    if new_text == text:
        return False
    path.write_text(new_text, encoding="utf-8")
    return True
