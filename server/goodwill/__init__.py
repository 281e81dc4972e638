"""Goodwill: an event-networking companion built on the law of reciprocity."""
