"""The Chinese font for PDFs: a TrueType CJK font found on this system, embedded as a subset.

reportlab embeds TrueType (glyf) fonts, including .ttc collections, as subsets;
it cannot use CFF-outline fonts such as Noto Sans CJK. When no usable font is
found, reportlab's built-in CID font STSong-Light is the fallback: it embeds
nothing, so a viewer without Chinese CID fonts shows blank text, and the
caller is told so (`CjkFont.warning`).
"""

import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop.core import paths
from desktop.core.i18n import tr

FALLBACK = "STSong-Light"

# Regular and bold faces in order of preference: file name, index inside a .ttc.
CANDIDATES = (
    ("simsun.ttc", 0),  # Windows 宋体
    ("simhei.ttf", 0),  # Windows 黑体
    ("msyh.ttc", 0),  # Windows 微软雅黑
    ("msyh.ttf", 0),
    ("wqy-microhei.ttc", 0),  # Debian fonts-wqy-microhei, UOS, Kylin
    ("wqy-zenhei.ttc", 0),
    ("NotoSansSC-Regular.ttf", 0),  # TrueType builds of Noto only
    ("SourceHanSansSC-Regular.ttf", 0),
    ("DroidSansFallbackFull.ttf", 0),
    ("DroidSansFallback.ttf", 0),
    ("arphic-uming.ttc", 0),
    ("uming.ttc", 0),
)


@dataclass(frozen=True)
class CjkFont:
    name: str  # the reportlab font name to use in styles
    path: Path | None  # None for the built-in CID fallback
    warning: str = ""


def font_dirs() -> list[Path]:
    """Where a CJK font is looked for: the font an installed build ships first
    (resources/fonts, see packaging/), then the system's folders."""
    shipped = paths.resource("fonts")
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        return [shipped, windir / "Fonts", local]
    home = Path.home()
    return [
        shipped,
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local/share/fonts",
        home / ".fonts",
    ]


def find_font_file(dirs: list[Path] | None = None) -> tuple[Path, int] | None:
    wanted = {name.lower(): (rank, index) for rank, (name, index) in enumerate(CANDIDATES)}
    best = None
    for folder in dirs or font_dirs():
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            hit = wanted.get(path.name.lower())
            if hit and (best is None or hit[0] < best[0]):
                best = (hit[0], path, hit[1])
    return (best[1], best[2]) if best else None


@cache
def cjk_font() -> CjkFont:
    """Register and return the CJK font for documents (once per process)."""
    found = find_font_file()
    if found:
        path, index = found
        try:
            pdfmetrics.registerFont(TTFont("BioCJK", str(path), subfontIndex=index))
            return CjkFont("BioCJK", path)
        except TTFError:
            pass
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
    return CjkFont(
        FALLBACK,
        None,
        tr(
            "No Chinese TrueType font was found (e.g. SimSun, Microsoft YaHei, WenQuanYi); "
            "PDFs use the built-in STSong-Light, which some viewers show as blank text. "
            "Install a Chinese TrueType font (on Debian: fonts-wqy-microhei)."
        ),
    )
