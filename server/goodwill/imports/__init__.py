"""Attendee lists from files: reading a CSV export (encoding, separator, line numbers),
recognising whose export it is, checking each row's form, and running the import in
chunks. Nothing here speaks HTTP: the pages, the API and the command line share it."""
