"""The JSON API under /api/v1: thin controllers over the application and the read models."""

from goodwill.http.app import create_app

__all__ = ["create_app"]
