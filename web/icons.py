"""Draws the app's icons (web/static/icons/icon-<size>.png) with the standard library only,
so no image tool is needed to rebuild them: a blue square with a white ring, the "connect"
mark. Run: python web/icons.py"""

import struct
import zlib
from pathlib import Path

BLUE, WHITE = (11, 95, 255), (255, 255, 255)


def pixel(x: int, y: int, size: int) -> tuple[int, int, int]:
    """White on a ring between 22% and 34% of the size from the centre, blue elsewhere: the
    mark survives a launcher cropping the square to a circle."""
    distance = ((x - size / 2) ** 2 + (y - size / 2) ** 2) ** 0.5 / size
    return WHITE if 0.22 <= distance <= 0.34 else BLUE


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(size: int) -> bytes:
    rows = b"".join(b"\0" + bytes(c for x in range(size) for c in pixel(x, y, size))
                    for y in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    for size in (192, 512):
        Path(__file__).parent.joinpath("static", "icons", f"icon-{size}.png").write_bytes(png(size))
