"""The pure domain: aggregates, their events and the rules that guard them.

Imports only the standard library and ``eventsourcing.domain``.
"""
