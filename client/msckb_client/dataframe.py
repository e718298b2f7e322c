"""Rows of the API as a pandas DataFrame, when pandas is installed."""

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel


def to_dataframe(rows: Iterable[BaseModel] | BaseModel) -> Any:
    """A ``pandas.DataFrame`` of ``rows``: models (such as ``client.iter_species(...)``
    yields) or a page (its ``data``). Nested fields become dotted columns
    (``evidence.reference``); lists stay lists. Raises ImportError naming the extra
    to install when pandas is missing."""
    try:
        import pandas
    except ImportError as missing:
        raise ImportError(
            "to_dataframe needs pandas: pip install 'msckb-client[pandas]' (or pandas)"
        ) from missing
    if isinstance(rows, BaseModel):
        data = getattr(rows, "data", None)
        items: Iterable[BaseModel] = data if isinstance(data, list) else [rows]
    else:
        items = rows
    records = [item.model_dump(mode="json") for item in items]
    return pandas.json_normalize(records)
