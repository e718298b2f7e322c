"""Pydantic base for response schemas, separate from the ORM classes."""

from pydantic import BaseModel, ConfigDict


class Schema(BaseModel):
    model_config = ConfigDict(from_attributes=True)
