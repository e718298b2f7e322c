"""JSON written straight from the dicts that the Core reads build (api/queries).

The endpoints that serve species, MALDI measurements and transformations read rows
into dicts shaped like their response models. Validating those dicts into pydantic
models only to dump them again cost about a quarter of a list request (see
bench/RESULTS.md), so they are dumped as they are. The response models still
declare them in OpenAPI, and the tests hold the dicts to them: every such response
of the seeded database is validated against its model (tests/api/test_shapes.py),
and schemathesis checks every response against the documented schema.
"""

import json
from typing import Any

from fastapi import Response


def rows_json(content: Any, headers: Response) -> Response:
    """``content`` as compact UTF-8 JSON, with the headers set on ``headers`` (the
    endpoint's injected Response: ETag, Link)."""
    body = json.dumps(content, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Response(body, media_type="application/json", headers=dict(headers.headers))
