"""Start-up of the installed program against the source tree's (`make run`): seconds from
spawning each until it prints 'shown' (the main window on screen) and 'login' (the login
dialog open), offscreen, on the same demo database, alternating runs; medians.

    python3 packaging/linux/startup_time.py [INSTALLED] [RUNS]

INSTALLED defaults to /usr/bin/bioreserve. The source tree's program is `.venv/bin/python
main.py`, as `make run` starts it. A first run of each is left out (the day's backup, cold
caches). The CPU seconds each had used by 'shown' are given too: the wall clock of a shared
machine is noisy, CPU time less so.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.startup import shown_after  # noqa: E402  (the timing the benchmarks use)


def one_run(command: list[str], env: dict) -> tuple[float, float, float | None]:
    cpu: dict = {}
    shown, login = shown_after(["--exit-when-shown"], env, cpu=cpu, program=command)
    if login is None:
        raise SystemExit(f"{command[0]} never opened its login dialog")
    return shown, login, cpu.get("shown")


def main() -> None:
    installed = sys.argv[1] if len(sys.argv) > 1 else "/usr/bin/bioreserve"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    home = tempfile.mkdtemp(prefix="bioreserve-startup-")
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BIORESERVE_")}
        env.update(HOME=home, QT_QPA_PLATFORM="offscreen")
        subprocess.run([installed, "init", "--demo"], env=env, check=True, capture_output=True)
        programs = {
            "installed": [installed],
            "make run": [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "main.py")],
        }
        results: dict[str, list[tuple[float, float, float | None]]] = {p: [] for p in programs}
        for command in programs.values():  # warm-up, not counted
            one_run(command, env)
        for _ in range(runs):
            for name, command in programs.items():
                results[name].append(one_run(command, env))
        for name, rows in results.items():
            shown = statistics.median(r[0] for r in rows)
            login = statistics.median(r[1] for r in rows)
            cpus = [r[2] for r in rows if r[2] is not None]
            cpu = f", CPU {statistics.median(cpus):.2f} s by shown" if cpus else ""
            print(f"{name:10} shown {shown:.2f} s, login {login:.2f} s (median of {runs}{cpu})")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
