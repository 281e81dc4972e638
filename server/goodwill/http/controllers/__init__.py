"""One controller per resource: parse the body, call the application, return its answer."""
