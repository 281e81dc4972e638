"""My data: how I keep my word, the files I can take away, and forgetting me, which cannot
be undone.

Forgetting asks for a tick first. Then it runs, signs this browser out as signing out does,
and says so on a page anyone may open: the person it was for is gone.
"""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID, uuid4

from litestar import Request, Response, get, post
from litestar.datastructures import State
from litestar.response import Redirect, Template

from goodwill.http.event_days import event_dates
from goodwill.http.pages.forms.common import command_id, page
from goodwill.http.core.identity import cleared_cookies
from goodwill.http.core.markers import Actor, App, Reads, Signer
from goodwill.projections import audit, followups
from goodwill.tokens import API_TOKEN

UNCONFIRMED = "Tick the box to confirm: forgetting cannot be undone."


def context(errors: dict[str, str] | None = None) -> dict[str, Any]:
    return {"command_id": uuid4(), "token_command_id": uuid4(), "revoke_command_id": uuid4(),
            "errors": errors or {}}


async def shown(request: Request, goodwill: App, reader: Reads, actor: UUID,
                token: str | None = None, errors: dict[str, str] | None = None) -> Template:
    """The page, with the API token just made if there is one: shown in this answer only."""
    held = await asyncio.to_thread(goodwill.holds_api_token, actor)
    today, dates = await event_dates(reader, actor)
    return page(request, "attendee/my_data.html", {
        **context(errors), "links": await audit.links_for(reader, actor),
        "word": await followups.word_kept(reader, actor, today, dates),
        "api_token": {"held": held, "token": token}}, status_code=400 if errors else 200)


@get("/me/data")
async def my_data(request: Request, goodwill: App, reader: Reads, actor: Actor) -> Template:
    """Signed in only: the downloads it offers are the signed-in person's, and so are the
    sign-in links organizers handed out for them and their API token."""
    return await shown(request, goodwill, reader, actor)


@post("/me/data/api-token", status_code=200)
async def make_api_token(request: Request, goodwill: App, keys: Signer, reader: Reads,
                         actor: Actor) -> Template:
    """A new personal API token, replacing the one before, shown in this answer and never
    again: a resent form (the same command) shows no token, and says to make a new one."""
    form = await request.form()
    made = await asyncio.to_thread(goodwill.issue_api_token, actor, command_id(form))
    token = None if made.replayed else keys.token(
        API_TOKEN, actor, UUID(str(made.result["token_id"])))
    answer = await shown(request, goodwill, reader, actor, token)
    answer.headers["Cache-Control"] = "no-store"
    return answer


@post("/me/data/api-token/revoke", status_code=303)
async def revoke_api_token(request: Request, goodwill: App, actor: Actor) -> Redirect:
    form = await request.form()
    await asyncio.to_thread(goodwill.revoke_api_token, actor, command_id(form))
    return Redirect("/me/data#api-token", status_code=303)


@post("/me/forget", status_code=303)
async def forget_me(request: Request, state: State, goodwill: App, reader: Reads,
                    actor: Actor) -> Response:
    form = await request.form()
    if form.get("confirm") != "yes":
        return await shown(request, goodwill, reader, actor, errors={"confirm": UNCONFIRMED})
    await asyncio.to_thread(goodwill.forget_person, actor, command_id(form), actor)
    return Redirect("/forgotten", status_code=303, cookies=cleared_cookies(request, state),
                    headers={"Cache-Control": "no-store"})


@get("/forgotten")
async def forgotten() -> Template:
    return Template("account/forgotten.html")


HANDLERS = [my_data, make_api_token, revoke_api_token, forget_me, forgotten]
