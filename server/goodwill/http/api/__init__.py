"""The JSON API under /api/v1: one controller per resource, mounted by :mod:`goodwill.http.app`."""
