"""The API's request and response shapes, one module per resource.

Every command body is a struct that refuses unknown fields and bounds every field, so
nothing oversized or unexpected reaches the application. Field names are the application's
parameter names, so a controller can hand a body over without renaming anything.
"""
