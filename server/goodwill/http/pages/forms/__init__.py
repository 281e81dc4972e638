"""What the pages' forms share (:mod:`.common`), and each group of forms' own reading of
its fields into the application's commands."""
