"""JSON written straight from the dicts that the Core reads build (api/queries).

The endpoints that serve species, MALDI measurements and transformations read rows
into dicts shaped like their response models. Validating those dicts into pydantic
models only to dump them again cost about a quarter of a list request (see
bench/RESULTS.md), so they are dumped as they are. The response models still
declare them in OpenAPI, and the tests hold the dicts to them: every such response
of the seeded database is validated against its model (tests/api/test_shapes.py),
and schemathesis checks every response against the documented schema.

orjson writes them: a page of 50 species took the standard library's encoder 190 us
and orjson's 14 us, of a request of about 2 ms. Its output is the same compact UTF-8
JSON for what these dicts hold (strings, integers, floats, booleans, None, str
enums); a float of the stored data is never NaN or infinite (the seed schemas and the
curation writes refuse them).
"""

from typing import Any

import orjson
from fastapi import Response


def rows_json(content: Any, headers: Response) -> Response:
    """``content`` as compact UTF-8 JSON, with the headers set on ``headers`` (the
    endpoint's injected Response: ETag, Link)."""
    return Response(
        orjson.dumps(content), media_type="application/json", headers=dict(headers.headers)
    )
