"""What people type is shown inside ``<bdi>``: a right-to-left override (U+202E) or a name in
Arabic or Hebrew then reorders only itself, never the words, numbers and buttons around it."""

from __future__ import annotations

from litestar.plugins.jinja import JinjaTemplateEngine
from markupsafe import Markup


def bdi(text: object) -> Markup:
    """``{{ person.name|bdi }}`` wherever typed text is page content. Attribute values (a
    field's value, a label for screen readers) take it as it is: they hold no markup, and
    the browser shows them apart from the text around them."""
    if text is None or text == "":
        return Markup("")
    return Markup("<bdi>%s</bdi>") % text


def with_isolation(engine: JinjaTemplateEngine) -> None:
    engine.engine.filters["bdi"] = bdi
