"""A TCP proxy in front of PostgreSQL that a test can take down and bring back: what a
database restart or a network cut looks like to one server, without touching the database
every other test shares."""

from __future__ import annotations

import socket
import threading


class Proxy:
    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()
        self.up_now = threading.Event()
        self.up_now.set()
        threading.Thread(target=self._accept, daemon=True).start()

    def down(self) -> None:
        """Every open connection is cut and new ones are refused, as by a stopped server."""
        self.up_now.clear()
        with self.lock:
            for sock in self.sockets:
                close(sock)
            self.sockets.clear()

    def up(self) -> None:
        self.up_now.set()

    def close(self) -> None:
        self.down()
        close(self.listener)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up_now.is_set():
                close(client)
                continue
            try:
                server = socket.create_connection(self.target)
            except OSError:
                close(client)
                continue
            with self.lock:
                self.sockets.update((client, server))
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=pump, args=(source, sink), daemon=True).start()


def pump(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        close(source)
        close(sink)


def close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
