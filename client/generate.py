"""Regenerates the client's typed half from the API's OpenAPI document: the pydantic
models (``msckb_client/models.py``, by datamodel-code-generator) and one method per
operation (``msckb_client/_operations.py``, written here). Run it with ``make client``;
``tests/client/test_generated.py`` fails when the committed files differ from what
the current app would generate.

This script is a development tool of the repository: it imports the server to read
its contract. The package it writes never does.
"""

import ast
import json
import keyword
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "client" / "msckb_client"
COMMAND = "make client"
HEADER = f"# Generated from the MSC-KB OpenAPI document by `{COMMAND}`: do not edit."

# Parameters a typed method leaves out: it always asks for the JSON answer (the
# default), and pages are followed by the iterators.
NEGOTIATION = {"format", "accept"}
PAGING = {"cursor", "count"}


def app_spec() -> dict[str, Any]:
    """The OpenAPI document the app serves."""
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app()) as http:
        answer = http.get("/openapi.json")
    answer.raise_for_status()
    spec: dict[str, Any] = answer.json()
    return spec


def generate(spec: dict[str, Any], package: Path = PACKAGE) -> list[Path]:
    """Write both generated modules into ``package``; their paths."""
    models = package / "models.py"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "openapi.json"
        source.write_text(json.dumps(spec, indent=1), encoding="utf-8")
        subprocess.run(
            [
                str(Path(sys.executable).with_name("datamodel-codegen")),
                *("--input", str(source), "--input-file-type", "openapi"),
                *("--output", str(models)),
                *("--output-model-type", "pydantic_v2.BaseModel"),
                *("--target-python-version", "3.11"),
                "--use-annotated",
                "--use-standard-collections",
                "--use-union-operator",
                "--field-constraints",
                "--use-schema-description",
                "--use-field-description",
                "--use-double-quotes",
                "--set-default-enum-member",
                "--disable-timestamp",
                *("--custom-file-header", HEADER),
                *("--formatters", "builtin"),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    classes = {
        node.name
        for node in ast.parse(models.read_text(encoding="utf-8")).body
        if isinstance(node, ast.ClassDef)
    }
    operations = package / "_operations.py"
    operations.write_text(operations_module(spec, classes), encoding="utf-8")
    # Imports sorted and pruned, then one formatting for both, with the repository's
    # settings (line length 100), so that `make lint` holds them as it holds the rest.
    ruff = str(Path(sys.executable).with_name("ruff"))
    files = [str(models), str(operations)]
    settings = ["--quiet", "--config", str(ROOT / "pyproject.toml")]
    subprocess.run([ruff, "check", "--fix", "--select", "I,F401", *settings, *files], check=True)
    subprocess.run([ruff, "format", *settings, *files], check=True)
    return [models, operations]


def class_name(ref: str, classes: set[str]) -> str:
    """The generated class of a ``#/components/schemas/...`` reference."""
    name = re.sub(r"[^0-9A-Za-z]", "", ref.rsplit("/", 1)[-1])
    if name not in classes:
        raise ValueError(f"no generated model for {ref}")
    return name


class Writer:
    def __init__(self, spec: dict[str, Any], classes: set[str]) -> None:
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.classes = classes

    def type_of(self, schema: dict[str, Any]) -> str:
        """The Python annotation a parameter with ``schema`` takes."""
        if "$ref" in schema:
            name = class_name(schema["$ref"], self.classes)
            if "enum" in self.schemas[schema["$ref"].rsplit("/", 1)[-1]]:
                return f"models.{name} | str"
            return f"models.{name}"
        if "anyOf" in schema:
            parts = [self.type_of(part) for part in schema["anyOf"]]
            return " | ".join(dict.fromkeys(" | ".join(parts).split(" | ")))
        kind = schema.get("type")
        if kind == "array":
            return f"list[{self.type_of(schema.get('items', {}))}]"
        if kind == "string" and schema.get("format") == "date-time":
            return "datetime | str"
        return {
            "string": "str",
            "integer": "int",
            "number": "float",
            "boolean": "bool",
            "null": "None",
            "object": "dict[str, Any]",
        }.get(kind or "", "Any")

    def answer(self, operation: dict[str, Any], keeps_format: bool) -> tuple[str, str]:
        """The return annotation and the expression that parses ``response``."""
        success = next(
            answer
            for status, answer in sorted(operation["responses"].items())
            if status.startswith("2")
        )
        content: dict[str, Any] = success.get("content", {})
        if keeps_format or not content:
            return "str", "response.text"
        media, body = next(iter(content.items()))
        schema = body.get("schema", {})
        if not (media == "application/json" or media.endswith("+json")):
            return "str", "response.text"
        if "$ref" in schema:
            name = f"models.{class_name(schema['$ref'], self.classes)}"
            return name, f"{name}.model_validate_json(response.content)"
        if schema.get("type") == "array" and "$ref" in schema.get("items", {}):
            item = f"models.{class_name(schema['items']['$ref'], self.classes)}"
            return f"list[{item}]", f"_parse_list({item}, response)"
        return "dict[str, Any]", "_parse_object(response)"

    def page_item(self, annotation: str) -> str | None:
        """The item model of a page model, or None for another answer."""
        if not annotation.startswith("models.Page"):
            return None
        page = next(
            schema
            for name, schema in self.schemas.items()
            if f"models.{class_name(name, self.classes)}" == annotation
        )
        items = page["properties"]["data"]["items"]
        return f"models.{class_name(items['$ref'], self.classes)}"


def python_name(name: str) -> str:
    name = name.replace("-", "_")
    return f"{name}_" if keyword.iskeyword(name) else name


def operations_module(spec: dict[str, Any], classes: set[str]) -> str:
    writer = Writer(spec, classes)
    methods: list[str] = []
    for path, path_item in spec["paths"].items():
        for verb, operation in path_item.items():
            methods.extend(method(writer, path, verb, operation))
    return (
        f'{HEADER}\n"""One method per operation of the API, named by its operation id; '
        "and for\neach list, an ``iter_...`` method that follows ``links.next`` to the "
        'last page."""\n\n'
        "from collections.abc import Iterator, Mapping\n"
        "from datetime import datetime\n"
        "from typing import Any\n\n"
        "from msckb_client import models\n"
        "from msckb_client._transport import Transport, _parse_list, _parse_object, _path\n\n\n"
        "class Operations(Transport):\n"
        '    """Every operation of ``/openapi.json``."""\n' + "".join(methods)
    )


def method(writer: Writer, path: str, verb: str, operation: dict[str, Any]) -> list[str]:
    name = operation["operationId"]
    parameters = operation.get("parameters", [])
    format_parameter = next((p for p in parameters if p["name"] == "format"), None)
    # A typed method asks for JSON, the default; an operation whose default is
    # another format (a release's citation: BibTeX) keeps its format and gives text.
    default_format = (format_parameter or {}).get("schema", {}).get("default", "json")
    keeps_format = format_parameter is not None and "json" not in default_format
    annotation, parse = writer.answer(operation, keeps_format)

    positional: list[str] = []
    keyword_only: list[tuple[str, str, bool]] = []  # (signature part, param name, paging)
    query: list[tuple[str, str]] = []
    headers: list[tuple[str, str]] = []
    for parameter in parameters:
        raw = parameter["name"]
        if raw in NEGOTIATION and not (raw == "format" and keeps_format):
            continue
        variable = python_name(raw)
        kind = writer.type_of(parameter["schema"])
        if parameter["in"] == "path":
            positional.append(f"{variable}: {kind}")
            continue
        required = parameter.get("required", False)
        if required:
            part = f"{variable}: {kind}"
        else:
            default = parameter["schema"].get("default")
            optional = kind if "None" in kind.split(" | ") else f"{kind} | None"
            part = (
                f"{variable}: {optional} = {default!r}"
                if default is not None
                else (f"{variable}: {optional} = None")
            )
        keyword_only.append((part, variable, raw in PAGING))
        if parameter["in"] == "header":
            headers.append((raw, variable))
        else:
            query.append((raw, variable))
    keyword_only.sort(key=lambda entry: "=" in entry[0])  # required ones first

    body = ""
    content = operation.get("requestBody", {}).get("content", {})
    media = next(iter(content), None)
    if media == "application/json":
        schema = content[media]["schema"]
        model = f"models.{class_name(schema['$ref'], writer.classes)}" if "$ref" in schema else None
        kind = f"{model} | Mapping[str, Any]" if model else "Mapping[str, Any]"
        positional.append(f"body: {kind}")
        body = ", json=body"
    elif media == "application/merge-patch+json":
        positional.append("changes: Mapping[str, Any]")
        body = f", json=changes, content_type={media!r}"
    elif media is not None:
        positional.append("text: str")
        body = f", content=text, content_type={media!r}"

    url = "f" + repr(re.sub(r"\{(\w+)\}", lambda m: "{_path(" + python_name(m[1]) + ")}", path))
    if "{" not in path:
        url = repr(path)
    summary = operation.get("summary", name)
    doc = f'        """{summary}\n\n        ``{verb.upper()} {path}``\n        """\n'

    def signature(parts: list[tuple[str, str, bool]]) -> str:
        items = ["self", *positional]
        if parts:
            items += ["*", *[part for part, _variable, _paging in parts]]
        return ", ".join(items)

    def mapping(pairs: list[tuple[str, str]]) -> str:
        return "{" + ", ".join(f"{raw!r}: {variable}" for raw, variable in pairs) + "}"

    call = f"self._request({verb.upper()!r}, {url}"
    if query:
        call += f", params={mapping(query)}"
    if headers:
        call += f", headers={mapping(headers)}"
    call += body + ")"
    methods = [
        f"\n    def {name}({signature(keyword_only)}) -> {annotation}:\n{doc}"
        f"        response = {call}\n        return {parse}\n"
    ]

    item = writer.page_item(annotation)
    if item is not None:
        plain = name.removeprefix("list_").removeprefix("get_")
        unpaged = [entry for entry in keyword_only if not entry[2]]
        pairs = [pair for pair in query if pair[0] not in PAGING]
        methods.append(
            f"\n    def iter_{plain}({signature(unpaged)}) -> Iterator[{item}]:\n"
            f'        """Every item of ``{name}``, page after page (``limit`` items a '
            "request).\n\n"
            f'        ``{verb.upper()} {path}``, following ``links.next``\n        """\n'
            f"        for page in self._pages({annotation}, {url}, {mapping(pairs)}):\n"
            "            yield from page.data\n"
        )
    return methods


def main() -> None:
    for path in generate(app_spec()):
        print(f"wrote {path}")  # noqa: T201


if __name__ == "__main__":
    main()
