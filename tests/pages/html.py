"""A small HTML reader for the page tests (the standard library's html.parser)."""

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any


@dataclass
class Page:
    lang: str | None = None
    title: str = ""
    meta: dict[str, list[str]] = field(default_factory=dict)
    json_ld: list[dict[str, Any]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    labels_for: set[str] = field(default_factory=set)
    fields: list[dict[str, str | None]] = field(default_factory=list)
    svgs: list[list[str]] = field(default_factory=list)
    """The tags directly inside each top-level <svg>, in order."""
    images_without_alt: int = 0
    coins: list[str] = field(default_factory=list)
    text: str = ""


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in: list[str] = []
        self._script_ld = False
        self._buffer: list[str] = []
        self._svg_depth = 0
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.page.lang = a.get("lang")
        elif tag == "meta" and a.get("name"):
            self.page.meta.setdefault(a["name"] or "", []).append(a.get("content") or "")
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._script_ld = True
            self._buffer = []
        elif tag == "a" and a.get("href"):
            self.page.links.append(a["href"] or "")
        elif tag == "label" and a.get("for"):
            self.page.labels_for.add(a["for"] or "")
        elif tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.page.fields.append(a)
        elif tag == "img" and "alt" not in a:
            self.page.images_without_alt += 1
        elif tag == "span" and "Z3988" in (a.get("class") or ""):
            self.page.coins.append(a.get("title") or "")
        if tag == "svg":
            if self._svg_depth == 0:
                self.page.svgs.append([])
            self._svg_depth += 1
        elif self._svg_depth == 1:
            self.page.svgs[-1].append(tag)
        if tag not in _VOID:
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script_ld:
            self.page.json_ld.append(json.loads("".join(self._buffer)))
            self._script_ld = False
        if tag == "svg":
            self._svg_depth -= 1
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._script_ld:
            self._buffer.append(data)
        elif self._in and self._in[-1] == "title" and self._svg_depth == 0:
            self.page.title += data
        elif not self._in or self._in[-1] not in ("script", "style"):
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = " ".join(" ".join(self._text).split())


def read(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page
