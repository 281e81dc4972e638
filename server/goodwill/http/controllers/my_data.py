"""My data: the files I can take away, and forgetting me, which cannot be undone.

Forgetting asks for a tick first. Then it runs, signs this browser out as signing out does,
and says so on a page anyone may open: the person it was for is gone.
"""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import uuid4

from litestar import Request, Response, get, post
from litestar.datastructures import State
from litestar.response import Redirect, Template

from goodwill.http.forms import command_id, page
from goodwill.http.identity import cleared_cookies
from goodwill.http.markers import Actor, Reads
from goodwill.projections import audit

UNCONFIRMED = "Tick the box to confirm: forgetting cannot be undone."


def context(errors: dict[str, str] | None = None) -> dict[str, Any]:
    return {"command_id": uuid4(), "errors": errors or {}}


@get("/me/data")
async def my_data(request: Request, reader: Reads, actor: Actor) -> Template:
    """Signed in only: the downloads it offers are the signed-in person's, and so are the
    sign-in links organizers handed out for them."""
    return page(request, "my_data.html",
                {**context(), "links": await audit.links_for(reader, actor)})


@post("/me/forget", status_code=303)
async def forget_me(request: Request, state: State, actor: Actor) -> Response:
    form = await request.form()
    if form.get("confirm") != "yes":
        return page(request, "my_data.html", {**context({"confirm": UNCONFIRMED}), "links": []},
                    status_code=400)
    await asyncio.to_thread(state.system.app.forget_person, actor, command_id(form), actor)
    return Redirect("/forgotten", status_code=303, cookies=cleared_cookies(request, state),
                    headers={"Cache-Control": "no-store"})


@get("/forgotten")
async def forgotten() -> Template:
    return Template("forgotten.html")


HANDLERS = [my_data, forget_me, forgotten]
