"""PySide6 6.12.0 dropped a reference to True on every signal emitted from Python and
aborted the app after a few hundred database jobs. Emit many signals in a child
process (an abort would take pytest down with it) and require a clean exit."""

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Source(QObject):
    fired = Signal(int)
source = Source()
source.fired.connect(lambda value: None)
for n in range(20000):
    source.fired.emit(n)
print("ok")
"""


def test_emitting_many_signals_does_not_abort_the_process():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-500:]
