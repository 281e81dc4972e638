"""Request bodies: every way a JSON body can be malformed is the sender's 400 or 415, never
our 500. The decoder's own errors are already 400; these are the ones it lets through."""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.exceptions import ClientException, HTTPException

NOT_JSON = "Send the request body as JSON, with Content-Type: application/json."
SPOILED = {RecursionError: "JSON is malformed: it is nested too deep.",
           UnicodeDecodeError: "JSON is malformed: it is not UTF-8 text."}


def json_type(content_type: str) -> bool:
    """``application/json`` or any ``+json`` type, whatever its parameters."""
    media = content_type.partition(";")[0].strip().lower()
    return media == "application/json" or (media.startswith("application/")
                                           and media.endswith("+json"))


class CheckedRequest(Request):
    async def json(self) -> Any:
        if await self.body() and not json_type(self.headers.get("content-type", "")):
            raise HTTPException(status_code=415, detail=NOT_JSON)
        try:
            return await super().json()
        except (RecursionError, UnicodeDecodeError) as error:
            raise ClientException(SPOILED[type(error)]) from error
