"""What the OpenAPI contract says beyond what FastAPI derives from the routes: short
operation ids from one rule, If-Match required where the writes need it, and the
links from one answer to the next question (which schemathesis' stateful phase and
client generators follow)."""

from typing import Any

from fastapi.routing import APIRoute

OPERATION_IDS = {
    ("GET", "/health"): "get_health",
    ("GET", "/species/resolve"): "resolve_peak",
    ("GET", "/transformations/paths"): "find_paths",
    ("GET", "/transformations/network"): "get_network",
    ("GET", "/glossary/{term}"): "get_glossary_term",
    ("POST", "/references/import"): "import_references",
    ("POST", "/bibliography/resolve"): "resolve_bibliography",
    ("GET", "/dataset"): "get_dataset",
    ("GET", "/releases/{number}/citation"): "get_release_citation",
    ("GET", "/releases/{number}/export"): "get_release_export",
    ("GET", "/species/{slug}/history"): "get_species_history",
    ("GET", "/transformations/{slug}/history"): "get_transformation_history",
    ("GET", "/syntheses/{slug}/history"): "get_synthesis_history",
    ("GET", "/experiments/{slug}/history"): "get_experiment_history",
    ("GET", "/maldi/{slug}/history"): "get_maldi_history",
    ("GET", "/references/{slug}/history"): "get_reference_history",
}
"""Where the rule of ``operation_id`` gives a poor name."""

_VERBS = {"POST": "create", "PATCH": "update", "DELETE": "delete", "PUT": "replace"}


def _singular(word: str) -> str:
    if word in {"species", "maldi", "glossary", "bibliography", "export", "info"}:
        return word
    if word == "syntheses":
        return "synthesis"
    return word[:-1] if word.endswith("s") else word


def operation_id(route: APIRoute) -> str:
    """A short id from the method and the path: ``list_species`` (GET of a collection),
    ``get_species`` (GET of one), ``create_species``, ``update_species``,
    ``delete_species``; a segment followed by a parameter is singular
    (``get_experiment_observation``); a file form is named by its extension
    (``get_bibliography_ris``) or as a file (``get_reference_file``).
    ``OPERATION_IDS`` names the exceptions."""
    method = sorted(route.methods or {"GET"})[0]
    path = route.path_format.removeprefix("/api/v1")
    if (method, path) in OPERATION_IDS:
        return OPERATION_IDS[method, path]
    segments = [part for part in path.strip("/").split("/") if part]
    words: list[str] = []
    for index, part in enumerate(segments):
        if part.startswith("{"):
            if "." in part:  # "{key}.{extension}": the entry as a file
                words.append("file")
            continue
        following = segments[index + 1] if index + 1 < len(segments) else ""
        one = following.startswith("{") or method in _VERBS
        words.append((_singular(part) if one else part).replace("-", "_").replace(".", "_"))
    collection = bool(segments) and not segments[-1].startswith("{")
    verb = _VERBS.get(method) or ("list" if collection and len(words) == 1 else "get")
    if verb == "list" and words[0] in {"info", "bibliography", "export"}:
        verb = "get"
    return f"{verb}_{'_'.join(words)}"


def check_operation_ids(schema: dict[str, Any]) -> None:
    seen: dict[str, str] = {}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            name = operation["operationId"]
            if name in seen:
                raise RuntimeError(f"operationId {name} twice: {seen[name]} and {method} {path}")
            seen[name] = f"{method} {path}"


def if_match_required(schema: dict[str, Any]) -> None:
    """The writes that need ``If-Match`` say so (without it they answer 428)."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "header" and parameter["name"].lower() == "if-match":
                    parameter["required"] = True
                    parameter["schema"] = {"type": "string", "minLength": 1}


def _link(target: str, description: str, /, **parameters: str) -> dict[str, Any]:
    return {"operationId": target, "description": description, "parameters": parameters}


def _write_links(kind: str, read_parameter: str) -> dict[str, dict[str, Any]]:
    """From a write's answer to the read of the same fact (its path parameter named
    ``read_parameter``), its change and its deletion."""
    same = {"identifier": "$response.body#/id"}
    tag = {**same, "header.If-Match": "$response.header.ETag"}
    return {
        "read": _link(
            f"get_{kind}", "The fact as now stored.", **{read_parameter: "$response.body#/id"}
        ),
        "update": _link(f"update_{kind}", "Change it, with the ETag just returned.", **tag),
        "delete": _link(f"delete_{kind}", "Delete it, with the ETag just returned.", **tag),
    }


LINKS: dict[tuple[str, str], dict[str, dict[str, Any]]] = {
    ("get_species", "200"): {
        "maldi": _link("list_maldi", "Its MALDI-TOF measurements.", species="$response.body#/slug"),
        "transformations": _link(
            "list_transformations", "What it turns into.", source="$response.body#/slug"
        ),
        "transformations_in": _link(
            "list_transformations", "What turns into it.", target="$response.body#/slug"
        ),
        "history": _link("get_species_history", "Its changes.", slug="$response.body#/slug"),
    },
    ("list_species", "200"): {
        "first": _link(
            "get_species", "The first species listed.", slug="$response.body#/data/0/slug"
        ),
    },
    ("get_transformation", "200"): {
        "source": _link(
            "get_species", "The species it starts from.", slug="$response.body#/source/slug"
        ),
        "product": _link(
            "get_species", "The species it gives.", slug="$response.body#/product/slug"
        ),
        "paths": _link(
            "find_paths",
            "Every way from its source to its product.",
            source="$response.body#/source/slug",
            target="$response.body#/product/slug",
        ),
    },
    ("list_transformations", "200"): {
        "first": _link(
            "get_transformation",
            "The first transformation listed.",
            transformation_id="$response.body#/data/0/id",
        ),
    },
    ("create_species", "201"): _write_links("species", "slug"),
    ("create_reference", "201"): _write_links("reference", "key"),
    ("create_synthesis", "201"): _write_links("synthesis", "slug"),
    ("create_experiment", "201"): _write_links("experiment", "slug"),
    ("create_transformation", "201"): _write_links("transformation", "transformation_id"),
}
"""OpenAPI links between operations (a list's next page is a URL in ``links.next``,
which OpenAPI links cannot follow)."""


def add_links(schema: dict[str, Any]) -> None:
    """Puts ``LINKS`` on their responses; a link naming an operation or a parameter
    the contract does not have is a bug, caught when the schema is built."""
    ids = {
        operation["operationId"]: operation
        for operations in schema.get("paths", {}).values()
        for operation in operations.values()
    }
    for (source, status), links in LINKS.items():
        for name, link in links.items():
            target = ids[link["operationId"]]
            known = {
                (p["name"] if p["in"] != "header" else f"header.{p['name']}").lower()
                for p in target.get("parameters", [])
            }
            unknown = {p.lower() for p in link["parameters"]} - known
            if unknown:
                raise RuntimeError(f"link {source} -> {name}: no parameter {sorted(unknown)}")
        ids[source]["responses"][status]["links"] = links
