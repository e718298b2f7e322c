"""A reference's fields in BibTeX and CSL-JSON, and the one BibTeX writer.

The seed reader, the seed dump and the citation outputs all name fields through
``FIELDS``, and everything that writes BibTeX (the dump's references.bib and the
API's ``format=bibtex``) writes it with ``write_bibtex``, so the two agree. What
the writer encodes (the braces that keep a title's capitals, ``--`` for a page
range) ``from_bibtex`` decodes, so a written entry reads back to the same values.

A title is stored as a reader sees it, without BibTeX's braces. Written, only the
words whose case must be kept are braced (``Two-Step Nucleation of {CdS} Magic-Size
Nanocluster {MSC-311}``), so a citation style may still change the title's case;
read, the braces go again.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bibtexparser import model
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library

from models import Reference


@dataclass(frozen=True)
class Field:
    column: str
    """The Reference column."""
    bibtex: str
    csl: str | None
    """The CSL-JSON variable; None for the year, which CSL writes as ``issued``."""


FIELDS = (
    Field("title", "title", "title"),
    Field("journal", "journal", "container-title"),
    Field("year", "year", None),
    Field("volume", "volume", "volume"),
    Field("issue", "number", "issue"),
    Field("pages", "pages", "page"),
    Field("doi", "doi", "DOI"),
    Field("publisher", "publisher", "publisher"),
    Field("address", "address", "publisher-place"),
    Field("edition", "edition", "edition"),
)
"""In the order BibTeX entries list them, after the authors."""

BIB_FIELD_OF = {f.column: f.bibtex for f in FIELDS}
"""Reference column -> BibTeX field."""

BIB_FIELDS = {"author", *BIB_FIELD_OF.values()}
"""Every BibTeX field the knowledge base holds."""


def _enclosed(text: str) -> bool:
    """Whether one pair of braces encloses the whole of ``text``."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for position, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return position == len(text) - 1
    return False


_WORD = re.compile(r"[^\s{}]+")
_EDGES = ".,:;!?'\""
_PROTECTED = re.compile(r"\{([^{}]*)\}")


def _keeps_case(core: str) -> bool:
    """A formula or an acronym: a part (between hyphens or slashes) with a capital after
    its first letter or with a digit: CdS, ZnSe/CdS, MSC-311, (CdSe)13, TOP."""
    return any(
        any(c.isdigit() for c in part) or any(c.isupper() for c in part[1:])
        for part in re.split(r"[-/–]", core)
    )


def protect_case(title: str) -> str:
    """Braces around exactly the words whose case must survive a style that changes a
    title's case ({CdS}, {MSC-311}); "Two-Step" or "Nucleation" stay free."""

    def brace(match: re.Match[str]) -> str:
        word = match.group(0)
        core = word.strip(_EDGES)
        for opening, closing in ("()", "[]"):
            if core.startswith(opening) and closing not in core:
                core = core[1:]
            if core.endswith(closing) and opening not in core:
                core = core[:-1]
        if not core or not _keeps_case(core):
            return word
        start = word.index(core)
        return word[:start] + "{" + core + "}" + word[start + len(core) :]

    return _WORD.sub(brace, _PROTECTED.sub(r"\1", title))


def to_bibtex_value(field: str, value: str) -> str:
    """A stored value as the BibTeX field ``field`` writes it."""
    if field == "title":
        return protect_case(value)
    if field == "pages":
        # The source writes a page range with an en dash (5727–5735), BibTeX with a
        # double hyphen; a hyphen is part of one page's number (the CRC Handbook's
        # 9-74, section 9, page 74) and stays as it is.
        return value.replace("–", "--")
    return value


def from_bibtex_value(field: str, value: str) -> str:
    """The stored value of the BibTeX field ``field`` as read (outer delimiters gone):
    undoes ``to_bibtex_value``; a value without its encoding is kept as it is. A title
    once written whole in braces (``{{...}}``) reads back too."""
    if field == "title":
        if _enclosed(value):
            value = value[1:-1]
        return _PROTECTED.sub(r"\1", value)
    if field == "pages":
        return value.replace("--", "–")
    return value


def bibtex_entry(
    *,
    key: str,
    entry_type: str,
    authors: Iterable[tuple[str, str | None]],
    values: Mapping[str, object],
) -> model.Entry:
    """One entry: ``authors`` as (family, given) in print order, ``values`` by Reference
    column. A field the knowledge base does not hold is left out, never filled in."""
    names = [f"{family}, {given}" if given else family for family, given in authors]
    fields = [model.Field("author", " and ".join(names))] if names else []
    for f in FIELDS:
        value = values.get(f.column)
        if value is not None:
            fields.append(model.Field(f.bibtex, to_bibtex_value(f.bibtex, str(value))))
    return model.Entry(entry_type, key, fields)


def reference_entry(reference: Reference) -> model.Entry:
    return bibtex_entry(
        key=reference.key,
        entry_type=reference.entry_type.value,
        authors=[(a.family, a.given) for a in reference.authors],
        values={f.column: getattr(reference, f.column) for f in FIELDS},
    )


def write_bibtex(entries: Iterable[model.Entry]) -> str:
    return str(write_string(Library(list(entries))))
