"""The pages run on the API's fixtures: the same event, signed-in people and both stores."""

from tests.http.conftest import api, client, summit  # noqa: F401
