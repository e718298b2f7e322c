"""Settings read once from the environment (prefix ``MSCKB_``)."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MSCKB_")

    data_dir: Path = Field(
        default=PROJECT_ROOT / ".data",
        description="Directory of the embedded SQLite database; created when missing.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db. "
        "Defaults to a SQLite file in data_dir.",
    )
    seeds_dir: Path = Field(default=PROJECT_ROOT / "seeds")
    sqlite_busy_timeout_ms: int = Field(default=5000, ge=0)
    max_body_bytes: int = Field(
        default=1_048_576, ge=1024, description="Largest request body accepted (413 above)."
    )
    response_cache_mb: int = Field(
        default=32,
        ge=0,
        description="Bytes of answers (MB) each server process keeps until the data changes "
        "(api/web/cache.py); 0: none. A process holds about twice this in memory "
        "(bench/RESULTS.md).",
    )
    writes_per_minute: int = Field(
        default=120, ge=1, description="Writes one API key may make per minute (429 above)."
    )

    cors_origins: str = Field(
        default="*",
        description="Origins whose pages may read the API from a browser (GET, HEAD, "
        'OPTIONS only, never with credentials): "*" for any, or a comma-separated list.',
    )

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.data_dir / 'msckb.sqlite3'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
