"""Settings, read once from the environment. Tests build their own instead of patching."""

from __future__ import annotations

import dataclasses
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from goodwill.connections import Budget

DEFAULT_DATABASE_URL = "sqlite:///var/goodwill.db"
TRUE = ("1", "true", "yes", "on")
LOCAL = ("127.0.0.1", "localhost", "::1")
"""One machine's names for itself: a server started on one answers to all."""


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    host: str = "127.0.0.1"
    port: int = 8000
    projection_poll_seconds: float = 0.5
    secret_key: str = ""
    """Signs sessions and derives every token; changing it signs everyone out and voids
    every link, device token and join code at once."""
    smtp_url: str = ""
    """``smtp://user:password@host:587?from=door@example.org`` (STARTTLS) or ``smtps://``."""
    public_url: str = ""
    """Where emailed links point; never taken from a request's Host header."""
    secure_cookies: bool = False
    """Mark cookies Secure even when the request arrived as plain HTTP (behind a proxy)."""
    pg_pool_size: int = 10
    """Every PostgreSQL connection this process may hold (see :mod:`goodwill.connections`)."""
    allowed_hosts: tuple[str, ...] = ()
    """Host names requests may be addressed to beside the site's own (``*.example.org``:
    its subdomains, ``*``: any); see :mod:`goodwill.http.core.hosts`."""
    trusted_proxies: tuple[str, ...] = ()
    """Addresses or networks of the proxies in front: only from them is ``X-Forwarded-For``
    believed as the client's address. None by default, so a client cannot name itself
    anew with each request to slip past the join-code limit, the one counted by address."""

    def __post_init__(self) -> None:
        Budget(self.pg_pool_size)  # a budget too small to work with is refused at start

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        database_url = environ.get("GOODWILL_DATABASE_URL", DEFAULT_DATABASE_URL)
        settings = cls(
            database_url=database_url,
            host=environ.get("GOODWILL_HOST", "127.0.0.1"),
            port=int(environ.get("GOODWILL_PORT", "8000")),
            secret_key=environ.get("GOODWILL_SECRET_KEY", ""),
            smtp_url=environ.get("GOODWILL_SMTP_URL", ""),
            public_url=environ.get("GOODWILL_PUBLIC_URL", "").rstrip("/"),
            secure_cookies=environ.get("GOODWILL_SECURE_COOKIES", "").lower() in TRUE,
            pg_pool_size=whole_number(environ, "GOODWILL_PG_POOL_SIZE", 10),
            allowed_hosts=listed(environ, "GOODWILL_ALLOWED_HOSTS"),
            trusted_proxies=listed(environ, "GOODWILL_TRUSTED_PROXIES"),
        )
        if settings.smtp_url and not settings.public_url:
            raise ValueError("GOODWILL_SMTP_URL needs GOODWILL_PUBLIC_URL for the emailed links.")
        return settings.with_secret_key()

    def with_secret_key(self) -> Settings:
        """A local SQLite run may do without a configured key: one is generated once and kept
        beside the store, so sessions survive restarts. PostgreSQL means production: no key,
        no start."""
        if self.secret_key:
            return self
        if self.is_postgres:
            raise ValueError("GOODWILL_SECRET_KEY is required with a PostgreSQL store.")
        return dataclasses.replace(self, secret_key=local_secret(self.sqlite_path.parent))

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith(("postgresql://", "postgres://"))

    @property
    def site_url(self) -> str:
        """Where links handed out point: the public URL, else where the server listens."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return self.public_url or f"http://{host}:{self.port}"

    @property
    def trusted_hosts(self) -> tuple[str, ...]:
        """The site's own host name, its other names when it is this machine, and the
        ones allowed beside it."""
        own = urlsplit(self.site_url).hostname or ""
        return tuple(dict.fromkeys((own, *(LOCAL if own in LOCAL else ()), *self.allowed_hosts)))

    @property
    def budget(self) -> Budget:
        return Budget(self.pg_pool_size)

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
        return {"PERSISTENCE_MODULE": "goodwill.connections:SharedPostgresFactory",
                "POSTGRES_DBNAME": pg["dbname"], "POSTGRES_HOST": pg["host"],
                "POSTGRES_PORT": pg["port"], "POSTGRES_USER": pg["user"],
                "POSTGRES_PASSWORD": pg["password"], "POSTGRES_SCHEMA": pg["schema"],
                "POSTGRES_POOL_SIZE": "1", "POSTGRES_MAX_OVERFLOW": str(self.budget.shared - 1),
                "POSTGRES_CONNECT_TIMEOUT": "30", "POSTGRES_LOCK_TIMEOUT": "10"}
        # a connection the server dropped is replaced: see goodwill.connections.alive


def listed(environ: Mapping[str, str], name: str) -> tuple[str, ...]:
    """A comma-separated setting, each item trimmed, empty ones left out."""
    return tuple(item.strip() for item in environ.get(name, "").split(",") if item.strip())


def whole_number(environ: Mapping[str, str], name: str, default: int) -> int:
    value = environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit():
        raise ValueError(f"{name} must be a whole number, not {value!r}.")
    return int(value)


def local_secret(folder: Path) -> str:
    """The key in ``folder/secret.key``, created readable by its owner only."""
    path = folder / "secret.key"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # made earlier, or by another worker starting at the same time
        return path.read_text().strip()
    with os.fdopen(descriptor, "w") as file:
        file.write(secrets.token_hex(32))
    return path.read_text().strip()
