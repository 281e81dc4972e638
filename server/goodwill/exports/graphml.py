"""The event's connections as GraphML, which Gephi, yEd and networkx open: an undirected
graph whose nodes are people (``label``, ``name``, ``company``, ``role``) and whose edges
carry ``method`` and ``met_at``, every attribute declared with a ``<key>`` first.

Written as text, node pages first and then edge pages, each page one chunk; consent is
decided by :mod:`goodwill.exports.connections`, which supplies both.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from goodwill.database import Reader
from goodwill.exports.connections import edges, people

NODE_KEYS = ("label", "name", "company", "role")
EDGE_KEYS = ("method", "met_at")
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot carry at all, even escaped; a typed name could hold one."""


def head(conference_id: str) -> str:
    keys = [*(key("node", name) for name in NODE_KEYS), *(key("edge", name) for name in EDGE_KEYS)]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
            ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
            ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
            + "".join(keys) + f'  <graph id={attribute(conference_id)} edgedefault="undirected">\n')


def key(kind: str, name: str) -> str:
    return f'  <key id="{name}" for="{kind}" attr.name="{name}" attr.type="string"/>\n'


def attribute(value: Any) -> str:
    return quoteattr(NOT_XML.sub("", str(value)))


def data(values: dict[str, Any]) -> str:
    return "".join(f'<data key="{name}">{escape(NOT_XML.sub("", str(value)))}</data>'
                   for name, value in values.items() if value)


def node(person: dict[str, Any]) -> str:
    values = {"label": person["name"], **{name: person[name] for name in NODE_KEYS[1:]}}
    return f'    <node id={attribute(person["person_id"])}>{data(values)}</node>\n'


def edge(found: dict[str, Any]) -> str:
    return (f'    <edge id={attribute(found["connection_id"])}'
            f' source={attribute(found["person_a"])} target={attribute(found["person_b"])}>'
            f'{data({name: found[name] for name in EDGE_KEYS})}</edge>\n')


async def graphml(reader: Reader, event: dict[str, Any]) -> AsyncIterator[bytes]:
    conference_id = event["conference_id"]
    yield head(conference_id).encode()
    async for page in people(reader, conference_id):
        yield "".join(map(node, page)).encode()
    async for page in edges(reader, conference_id):
        yield "".join(map(edge, page)).encode()
    yield b"  </graph>\n</graphml>\n"
