"""What start-up costs: opening the window — until 总览 shows its figures, the database
opened on the worker — imports none of the libraries it does not need then."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from desktop.ui.shell import app
code = app.main(["--db", sys.argv[1], "--screenshot", sys.argv[2]])
heavy = ("sqlite_utils", "openpyxl", "reportlab", "PySide6.QtPdf")
print("imported:", ",".join(name for name in heavy if name in sys.modules))
sys.exit(code)
"""


def test_showing_the_window_imports_neither_sqlite_utils_nor_documents_nor_spreadsheets(
    demo_path, tmp_path
):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env["XDG_CONFIG_HOME"] = env["XDG_CACHE_HOME"] = env["XDG_DATA_HOME"] = str(tmp_path)
    shot = tmp_path / "window.png"
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(demo_path), str(shot)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert shot.exists()  # the window was shown with 总览's figures
    assert done.stdout.strip().splitlines()[-1] == "imported:"
