"""Settings, read once from the environment. Tests build their own instead of patching."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

DEFAULT_DATABASE_URL = "sqlite:///var/goodwill.db"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    host: str = "127.0.0.1"
    port: int = 8000
    projection_poll_seconds: float = 0.5

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        return cls(
            database_url=environ.get("GOODWILL_DATABASE_URL", DEFAULT_DATABASE_URL),
            host=environ.get("GOODWILL_HOST", "127.0.0.1"),
            port=int(environ.get("GOODWILL_PORT", "8000")),
        )

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith(("postgresql://", "postgres://"))

    @property
    def sqlite_path(self) -> Path:
        """The event store's file; read models live beside it in ``<name>.read.db``."""
        parts = urlsplit(self.database_url)
        if parts.scheme != "sqlite":
            raise ValueError(f"Not a sqlite:/// or postgresql:// URL: {self.database_url}")
        return Path(unquote(parts.path.removeprefix("/") if parts.netloc == "" else parts.path))

    @property
    def read_sqlite_path(self) -> Path:
        return self.sqlite_path.with_suffix(".read.db")

    @property
    def postgres(self) -> dict[str, str]:
        """Connection parts; ``?schema=`` keeps tests (or tenants) apart in one database."""
        parts = urlsplit(self.database_url)
        query = parse_qs(parts.query)
        return {
            "host": parts.hostname or "127.0.0.1",
            "port": str(parts.port or 5432),
            "user": unquote(parts.username or "postgres"),
            "password": unquote(parts.password or ""),
            "dbname": parts.path.lstrip("/") or "postgres",
            "schema": query.get("schema", ["public"])[0],
        }

    def event_store_env(self) -> dict[str, str]:
        """The ``eventsourcing`` environment for this database."""
        if not self.is_postgres:
            self.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
            return {"PERSISTENCE_MODULE": "eventsourcing.sqlite",
                    "SQLITE_DBNAME": str(self.sqlite_path), "SQLITE_LOCK_TIMEOUT": "30"}
        pg = self.postgres
        return {"PERSISTENCE_MODULE": "eventsourcing.postgres", "POSTGRES_DBNAME": pg["dbname"],
                "POSTGRES_HOST": pg["host"], "POSTGRES_PORT": pg["port"],
                "POSTGRES_USER": pg["user"], "POSTGRES_PASSWORD": pg["password"],
                "POSTGRES_SCHEMA": pg["schema"], "POSTGRES_POOL_SIZE": "5",
                "POSTGRES_MAX_OVERFLOW": "5", "POSTGRES_LOCK_TIMEOUT": "10"}
