"""A camera that films a QR code: Chromium's fake capture device plays a Y4M file, which
this writes from a real QR made with segno (the library the badge page draws with)."""

from __future__ import annotations

from pathlib import Path

import segno

WIDTH, HEIGHT, FRAMES = 640, 480, 5
"""A VGA camera; the device loops the frames, so a few still ones film for ever."""


def picture(text: str) -> bytes:
    """The luma of one frame: the QR black on white, quiet zone included, centred and as
    large as fits in four fifths of the frame's height."""
    code = segno.make(text, error="m")
    scale = HEIGHT * 4 // 5 // code.symbol_size(scale=1)[0]
    rows = [bytes(0 if dark else 255 for dark in row)
            for row in code.matrix_iter(scale=scale, border=4)]
    top, left = (HEIGHT - len(rows)) // 2, (WIDTH - len(rows)) // 2
    blank = b"\xff" * WIDTH
    return b"".join(blank if not 0 <= y - top < len(rows) else
                    blank[:left] + rows[y - top] + blank[left + len(rows):]
                    for y in range(HEIGHT))


def write_video(path: Path, text: str) -> Path:
    """YUV4MPEG2 in 4:2:0 at full (JPEG) range: the luma, then colourless chroma planes."""
    chroma = b"\x80" * (WIDTH // 2 * HEIGHT // 2) * 2
    frame = b"FRAME\n" + picture(text) + chroma
    path.write_bytes(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode()
                     + frame * FRAMES)
    return path


def camera_args(video: Path) -> list[str]:
    """Chromium's flags for a camera that plays ``video``, with no permission prompt."""
    return ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={video}"]
