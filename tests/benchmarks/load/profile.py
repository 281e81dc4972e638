"""A py-spy profile of the server's workers during the burst: where their Python time goes
(only the thread holding the interpreter's lock is sampled, so waits on the database and
the network do not show), by package and by the function that was running (each sample's
innermost frame). Sampled without pausing the server (``--nonblocking``), at a rate low
enough not to matter."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

RATE = 50
PARTS = (("read models: the projection runner", "ProjectionRunner."),
         ("who is asking: token and device", "goodwill/http/core/actor.py"),
         ("the command: decide and save", "goodwill/application/"),
         ("HTTP: uvicorn, Litestar, the event loop", "asyncio/"))
"""What a sample was part of, by the first marker its stack holds, in this order."""
FRAME = re.compile(r"^(?P<function>.*) \((?P<path>[^:()]*)(?::\d+)?\)$")


@contextmanager
def sampling(pid: int, out: Path) -> Iterator[None]:
    """py-spy records ``pid`` and its worker processes until the block ends."""
    spy = shutil.which("py-spy", path=Path(sys.executable).parent)
    if spy is None:
        yield
        return
    recorder = subprocess.Popen([spy, "record", "--pid", str(pid), "--subprocesses",
                                 "--nonblocking", "--gil", "--rate", str(RATE), "--format", "raw",
                                 "--output", str(out)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    try:
        yield
    finally:
        recorder.send_signal(signal.SIGINT)  # py-spy writes what it has
        recorder.wait(60)


def package(path: str) -> str:
    """``goodwill/http``, ``psycopg``, ``asyncio``: where a frame's code lives (py-spy names
    files from their package down)."""
    parts = path.split("/")
    if parts[0] == "goodwill" and len(parts) > 1:
        return "goodwill/" + parts[1].removesuffix(".py")
    return parts[0].removesuffix(".py") or "?"


def summary(raw: Path, top: int = 15) -> dict:
    """Shares of the samples: by part of the work, by package, by innermost function."""
    by_part, by_package, by_function, total = Counter(), Counter(), Counter(), 0
    if not raw.exists():
        return {"samples": 0, "parts": {}, "packages": {}, "functions": {}}
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        found = FRAME.match(frames[-1])
        function, path = (found["function"], found["path"]) if found else (frames[-1], "")
        by_part[next((part for part, marker in PARTS if marker in stack), "other")] += int(count)
        by_package[package(path)] += int(count)
        by_function[f"{function} ({package(path)})"] += int(count)
        total += int(count)
    share = lambda counter: {name: count / total for name, count in counter.most_common(top)}
    return {"samples": total, "rate": RATE, "parts": share(by_part),
            "packages": share(by_package),
            "functions": share(by_function)}
