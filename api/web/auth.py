"""API keys: who may write. Reads stay public.

A key is shown once, when it is made (``msckb keys create``); the database keeps
only its SHA-256. Keys travel in the ``X-API-Key`` header.
"""

import hashlib
import secrets
from typing import Annotated

from fastapi import Depends, Security
from fastapi.security import APIKeyHeader
from sqlalchemy import select

from api.web.deps import SessionDep
from api.web.errors import Forbidden, Unauthorized
from api.web.limits import write_limiter
from models import ApiKey, Role

KEY_PREFIX = "msckb_"

_header = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="A curator's key from `msckb keys create`; needed for every write.",
)


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _authenticated(session: SessionDep, key: Annotated[str | None, Security(_header)]) -> ApiKey:
    challenge = {"WWW-Authenticate": 'ApiKey header="X-API-Key"'}
    if not key:
        raise Unauthorized("This needs an API key in the X-API-Key header.", headers=challenge)
    found = session.scalars(select(ApiKey).where(ApiKey.key_hash == hash_key(key))).one_or_none()
    if found is None or found.revoked_at is not None:
        raise Unauthorized("The API key is not valid (unknown or revoked).", headers=challenge)
    return found


def curator(session: SessionDep, key: Annotated[ApiKey, Depends(_authenticated)]) -> ApiKey:
    """Any valid key: curators and admins. Counts against the key's write limit, in
    the write's transaction (api/web/limits.py)."""
    write_limiter.check(session, key.name)
    return key


def admin(key: Annotated[ApiKey, Depends(curator)]) -> ApiKey:
    if key.role is not Role.ADMIN:
        raise Forbidden(f"The key {key.name!r} is a {key.role.value} key; this needs an admin key.")
    return key


def reader(key: Annotated[ApiKey, Depends(_authenticated)]) -> ApiKey:
    """Any valid key, for reads that show who wrote what; not rate-limited."""
    return key


CuratorDep = Annotated[ApiKey, Depends(curator)]
AdminDep = Annotated[ApiKey, Depends(admin)]
ReaderDep = Annotated[ApiKey, Depends(reader)]
