"""Check that a screenshot of 总览 (the window's --screenshot) really shows content.

Usage: python3 png_check.py FILE.png

Standard library only (the smoke test runs it in a clean Debian chroot): decodes an 8-bit,
non-interlaced PNG (what Qt's QImage.save writes) and looks at the page area, right of the
navigation list and between the menu bar and the status bar. 总览 there has figures in
colour, Chinese captions and two charts; a blank or failed page is one or two flat
colours. Prints the figures it measured; exits 1 when the page looks empty, 2 on a file it
cannot read.
"""

import struct
import sys
import zlib
from collections import Counter

MAX_BYTES = 64 * 1024 * 1024
MAX_PIXELS = 8000 * 8000
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # grey, RGB, grey+alpha, RGBA
# the page: x from 20 % (the navigation list is left of it), y from 5 % to 95 %
MIN_COLOURS = 64  # anti-aliased text and the figures' colours give hundreds
MIN_INK = 0.04  # share of the page's pixels that are not its background
MIN_HALF_INK = 0.02  # each half (figures above, charts below) has content of its own


def decode(data: bytes) -> tuple[int, int, int, bytes]:
    """(width, height, channels, unfiltered rows) of an 8-bit non-interlaced PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if len(body) != length:
            raise ValueError("truncated chunk")
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None or not idat:
        raise ValueError("no image header or data")
    width, height, depth, colour, _c, _f, interlace = header
    if depth != 8 or colour not in CHANNELS or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour {colour}, interlace {interlace}")
    if not 0 < width * height <= MAX_PIXELS:
        raise ValueError(f"unreasonable size {width}x{height}")
    n = CHANNELS[colour]
    stride = width * n
    raw = zlib.decompressobj().decompress(b"".join(idat), (stride + 1) * height)
    if len(raw) < (stride + 1) * height:
        raise ValueError("image data too short")
    out = bytearray()
    prev = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = row[i - n] if i >= n else 0
            b = prev[i]
            c = prev[i - n] if i >= n else 0
            if kind == 1:
                row[i] = (row[i] + a) & 255
            elif kind == 2:
                row[i] = (row[i] + b) & 255
            elif kind == 3:
                row[i] = (row[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                row[i] = (row[i] + pred) & 255
            elif kind != 0:
                raise ValueError(f"bad filter {kind} in row {y}")
        out += row
        prev = row
    return width, height, n, bytes(out)


def measure(width: int, height: int, n: int, pixels: bytes, top: float, bottom: float):
    """(distinct colours, share of non-background pixels) in the page area's rows top..bottom."""
    colours: Counter = Counter()
    x0, y0, y1 = int(width * 0.20), int(height * top), int(height * bottom)
    for y in range(y0, y1):
        start = (y * width + x0) * n
        row = pixels[start : (y + 1) * width * n]
        colours.update(row[i : i + n] for i in range(0, len(row), n))
    total = sum(colours.values()) or 1
    background = colours.most_common(1)[0][1] if colours else 0
    return len(colours), (total - background) / total


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        with open(argv[0], "rb") as f:
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ValueError("larger than 64 MB")
        width, height, n, pixels = decode(data)
    except (OSError, ValueError, zlib.error, struct.error) as exc:
        print(f"png_check: {argv[0]}: {exc}", file=sys.stderr)
        return 2
    colours, ink = measure(width, height, n, pixels, 0.05, 0.95)
    _, upper = measure(width, height, n, pixels, 0.05, 0.50)
    _, lower = measure(width, height, n, pixels, 0.50, 0.95)
    print(
        f"png_check: {width}x{height}, page area: {colours} colours, {ink:.1%} not background "
        f"(upper half {upper:.1%}, lower half {lower:.1%})"
    )
    if colours < MIN_COLOURS or ink < MIN_INK or min(upper, lower) < MIN_HALF_INK:
        print(
            f"png_check: the page looks empty (wanted at least {MIN_COLOURS} colours, "
            f"{MIN_INK:.0%} not background, {MIN_HALF_INK:.0%} in each half)",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
