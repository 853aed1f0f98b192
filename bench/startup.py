"""Start-up: process start to main window shown, BioReserve on city data against a
bare PySide6 window, alternating runs in the same session (target ≤ 1.2×).

What is measured is what the user first waits for: the window shown with 总览's layout and
the menus, its pages under the login cover ("Log in to use BioReserve."). No login is
given (BIORESERVE_USER/BIORESERVE_PASSWORD unset): the login dialog, or an environment
login, follows once the worker has opened the database after the first paint, and is not
part of this figure.

The first start of a day: the login dialog (the day's backup no longer comes before it),
and, in a run logged in from the start (the city's database has no account to log in
with), the time until the day's backup — made after the login, beside the worker — is
done."""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7
# main.py with someone logged in before the window is made (the bench's own actor): the
# day's backup starts as it does after a login, and --exit-when-shown waits for it
LOGGED_IN = (
    "import sys\n"
    "from desktop.core.context import Ctx\n"
    "from desktop.ui.shell import session\n"
    "session.start(Ctx('bench-startup'))\n"
    "from desktop.ui.shell.app import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def cpu_seconds(pid: int) -> float | None:
    """CPU time a running process has used so far (every thread's, to the nanosecond: the
    tasks' schedstat in /proc; Linux, None elsewhere). The machine is shared, and CPU time
    is less disturbed by the other work on it than the wall clock."""
    try:
        return (
            sum(
                int((task / "schedstat").read_text().split()[0])
                for task in Path(f"/proc/{pid}/task").iterdir()
            )
            / 1e9
        )
    except (OSError, ValueError, IndexError):
        return None


def shown_after(
    args: list[str],
    env: dict,
    last: str = "login",
    cpu: dict | None = None,
    program: list[str] | None = None,
) -> tuple[float, float | None]:
    """Seconds from spawning the process until it prints 'shown' (the window), and until it
    prints `last`: 'login' (someone can log in; None for the bare window, which has no
    login) or 'backup' (the day's backup made after the login). `cpu` gets the CPU seconds
    the process had used at each ('shown', 'last'). program: what runs `args` (this
    Python, or an installed program: packaging/linux/startup_time.py)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*(program or [sys.executable]), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    shown = login = None
    for line in proc.stdout:
        if line.strip() == "shown" and shown is None:
            shown = time.perf_counter() - started
            if cpu is not None:
                cpu["shown"] = cpu_seconds(proc.pid)
        elif line.strip() == last:
            login = time.perf_counter() - started
            if cpu is not None:
                cpu["last"] = cpu_seconds(proc.pid)
            break
    proc.wait(timeout=120)
    if shown is None:
        raise RuntimeError(f"{args} exited without showing a window")
    return shown, login


def measure(db: Path, runs: int = RUNS) -> dict:
    home = tempfile.mkdtemp(prefix="bioreserve-bench-")
    try:
        return _measure(db, runs, home)
    finally:  # the warm-up's daily backup of the database is in it
        shutil.rmtree(home, ignore_errors=True)


def _measure(db: Path, runs: int, home: str) -> dict:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "HOME": home,
        "XDG_CONFIG_HOME": home,
        "XDG_CACHE_HOME": home,
        "XDG_DATA_HOME": home,
        # Bytecode as an installed app has it (pip and packaged builds ship .pyc): without
        # this, PYTHONDONTWRITEBYTECODE=1 in the caller's environment made every run of the
        # app compile its own modules again while PySide6's came precompiled. The warm-up
        # run below writes it, outside the source tree.
        "PYTHONPYCACHEPREFIX": os.path.join(home, "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("BIORESERVE_USER", "BIORESERVE_PASSWORD"):  # the same run for everyone
        env.pop(name, None)
    app_args = ["main.py", "--db", str(db), "--exit-when-shown"]
    # warm the page cache, compile the translations and bytecode once: the first start of
    # the day (its backup waits for a login)
    _, first = shown_after(app_args, env)
    shown_after(["bench/bare_window.py"], env)
    bare, app, login = [], [], []
    cpu_bare, cpu_app, cpu_login = [], [], []
    for _ in range(runs):
        cpu: dict = {}
        bare.append(shown_after(["bench/bare_window.py"], env, cpu=cpu)[0])
        cpu_bare.append(cpu.get("shown"))
        cpu = {}
        shown, ready = shown_after(app_args, env, cpu=cpu)
        if ready is None:
            raise RuntimeError("the login was never offered")
        app.append(shown)
        login.append(ready)
        cpu_app.append(cpu.get("shown"))
        cpu_login.append(cpu.get("last"))
    # the first login of the day: until its backup is done (made, checked, in place)
    _, backed_up = shown_after(["-c", LOGGED_IN, *app_args[1:]], env, last="backup")
    if not list(Path(home).rglob("daily.v*.db")):  # failed (said on the status bar)
        raise RuntimeError("the day's backup after the login was not made")
    return {
        "bare": statistics.median(bare),
        "app": statistics.median(app),
        "login": statistics.median(login),
        "first": first,
        "backup": backed_up,
        "cpu": None
        if None in cpu_bare + cpu_app + cpu_login
        else {
            "bare": statistics.median(cpu_bare),
            "app": statistics.median(cpu_app),
            "login": statistics.median(cpu_login),
        },
    }


def report(db: Path) -> None:
    figures = measure(db)
    bare = figures["bare"]
    ratio = figures["app"] / bare
    print(f"start-up to main window shown (median of {RUNS}, city data)")
    print(f"  bare PySide6 window   {bare * 1000:7.0f} ms   (anchor)")
    print(
        f"  BioReserve            {figures['app'] * 1000:7.0f} ms   {ratio:.2f}×   target ≤ 1.20×"
    )
    print(
        f"  … login dialog open   {figures['login'] * 1000:7.0f} ms   "
        f"{figures['login'] / bare:.2f}×   (database opened on the worker)"
    )
    cpu = figures["cpu"]
    if cpu:
        print(
            f"  CPU time (medians)    bare {cpu['bare'] * 1000:.0f} ms, BioReserve shown "
            f"{cpu['app'] * 1000:.0f} ms ({cpu['app'] / cpu['bare']:.2f}×), login dialog "
            f"{cpu['login'] * 1000:.0f} ms ({cpu['login'] / cpu['bare']:.2f}×)"
        )
    if figures["first"] is not None:
        print(
            f"  first start of a day  {figures['first'] * 1000:7.0f} ms   to the login dialog "
            "(one run, cold bytecode; the day's backup waits for the login)"
        )
    if figures["backup"] is not None:
        print(
            f"  … day's backup done   {figures['backup'] * 1000:7.0f} ms   from start, logged in "
            "(made after the login beside the worker, checked; one run)"
        )


if __name__ == "__main__":  # python -m bench.startup: this benchmark alone, on the city data
    report(ROOT / "bench" / "data" / "city.db")
