"""PyInstaller runtime hook of the frozen BioReserve (runs before main.py).

On Linux, fontconfig (which Qt asks for fonts) also looks in the bundle's resources/fonts/
(WenQuanYi Micro Hei), through packaging/fonts/fonts.conf, which includes the system's own
configuration first: a system without a Chinese font still shows Chinese, not boxes. A
FONTCONFIG_FILE set by the user is left alone. Windows needs nothing: it has SimSun.
"""

import os
import sys
from pathlib import Path

if sys.platform.startswith("linux") and "FONTCONFIG_FILE" not in os.environ:
    _conf = Path(getattr(sys, "_MEIPASS", "")) / "resources" / "fonts" / "fonts.conf"
    if _conf.is_file():
        os.environ["FONTCONFIG_FILE"] = str(_conf)

# bioreserve-gui.exe (Windows, no console) has no standard streams: sys.stdout and sys.stderr
# are None, and a diagnostic print would raise. They write nowhere instead; unexpected errors
# still reach the log file in the user data folder.
if sys.stdout is None or sys.stderr is None:
    _null = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the process's life)
    sys.stdout = sys.stdout or _null
    sys.stderr = sys.stderr or _null
