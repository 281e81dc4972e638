"""What other processes announce through PostgreSQL reaches this one at once: a command
recorded (the read models follow it), a person forgotten (their key leaves every cache).

One LISTEN connection per process, the connection budget's listener, whatever the channels.
A notification sent while it was reconnecting is lost, so on each (re)connection every
handler is called with None, meaning "anything may have happened meanwhile".
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from goodwill.database import Writer

log = logging.getLogger(__name__)
Handler = Callable[[str | None], None]
"""Called with the notification's payload, or None after a (re)connection; an empty payload
only wakes the listener (see :meth:`Listener.stop`)."""


class Listener:
    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.handlers: dict[str, Handler] = {}
        self.stopping = threading.Event()
        self.thread: threading.Thread | None = None

    def on(self, channel: str, handler: Handler) -> None:
        """Before :meth:`start`: what to do with each notification on ``channel``."""
        self.handlers[channel] = handler

    def start(self) -> None:
        """On PostgreSQL, listens in a thread until :meth:`stop`; SQLite has no one to hear."""
        if self.writer.is_postgres and self.handlers and self.thread is None:
            self.thread = threading.Thread(target=self._listen, name="listen", daemon=True)
            self.thread.start()

    def stop(self) -> None:
        """Returns once the thread is done and its connection closed."""
        self.stopping.set()
        if self.thread is not None:  # woken now rather than at its next second
            self.writer.notify(next(iter(self.handlers)))
            self.thread.join(timeout=10)

    def _listen(self) -> None:
        while not self.stopping.is_set():
            try:
                with self.writer.listen(*self.handlers) as notifies:
                    for handler in self.handlers.values():
                        handler(None)
                    for notification in notifies:  # None once a second, to check stopping
                        if self.stopping.is_set():
                            return
                        if notification is not None:
                            self.handlers[notification.channel](notification.payload)
            except Exception:
                log.exception("LISTEN failed; reconnecting in a second")
                time.sleep(1)
