"""What a handler's parameters are, said explicitly: where each comes from is never guessed
from its name, so a renamed parameter cannot silently change its source."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter

from goodwill.application import Goodwill
from goodwill.database import Reader
from goodwill.tokens import Keys

Actor = NamedDependency[UUID]
"""The acting person, resolved only by :func:`goodwill.http.core.actor.acting_person`."""
Scanner = NamedDependency[UUID]
"""The acting person or door device, counted against its own scan limit
(:func:`goodwill.http.core.actor.scanner`)."""
App = NamedDependency[Goodwill]
Reads = NamedDependency[Reader]
"""The read side, caught up with the request's ``after`` position."""
PathId = FromPath[UUID]
Signer = NamedDependency[Keys]
"""Derives tokens from credential ids with the server's secret key."""

Search = Annotated[str, QueryParameter(max_length=100)]
"""A search as typed into a list's box."""
Limit = Annotated[int, QueryParameter(ge=1, le=200)]
Offset = Annotated[int, QueryParameter(ge=0, le=1_000_000)]
Cursor = Annotated[str | None, QueryParameter(max_length=200)]
"""Where the next page of a list starts, as the list's last page gave it."""
