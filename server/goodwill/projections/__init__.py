"""Read models, one module each, and the runner that keeps them up to date."""

from goodwill.projections.base import Projection
from goodwill.projections.directory import Directory


def all_projections() -> list[Projection]:
    return [Directory()]
