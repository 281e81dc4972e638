"""``make bench-load``: the door burst over HTTP against the server as production runs it,
on PostgreSQL and on SQLite, beside the baselines measured in the same run (see run.py)."""
