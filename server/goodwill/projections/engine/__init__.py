"""The projection engine: what a read model is (base, rows), and what keeps every read model
up to date (runner, applying) and repairs one that could not apply an event (failures,
repair). The read models themselves are the modules beside this package."""
