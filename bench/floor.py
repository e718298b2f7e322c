"""The stack's own floor: a bare FastAPI app that runs the benchmark's SQL with the
database driver and returns the rows as JSON; no ORM, no pydantic, no evidence.

    MSCKB_BENCH_URL=sqlite:///bench/.data/bench.sqlite3 uvicorn bench.floor:app
"""

import os
import sqlite3
import threading
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from bench.queries import QUERIES

URL = os.environ["MSCKB_BENCH_URL"]
_local = threading.local()


def _connection() -> Any:
    if not hasattr(_local, "connection"):
        if URL.startswith("sqlite"):
            connection = sqlite3.connect(URL.split("///", 1)[1], check_same_thread=False)
            connection.row_factory = sqlite3.Row
        else:
            import psycopg
            from psycopg.rows import dict_row

            connection = psycopg.connect(
                URL.replace("postgresql+psycopg://", "postgresql://"),
                autocommit=True,
                row_factory=dict_row,
            )
        _local.connection = connection
    return _local.connection


app = FastAPI()


@app.get("/floor/{name}")
def floor(name: str, request: Request) -> JSONResponse:
    query = QUERIES[name]
    params = dict(request.query_params)
    sql = query.sql if URL.startswith("sqlite") else query.pg_sql
    cursor = _connection().execute(sql, params)
    rows = [dict(row) for row in cursor.fetchall()]
    return JSONResponse(rows)
