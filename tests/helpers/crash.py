"""Crash tests' children: a script run in a child process that says "go" just before the
work, killed (SIGKILL) at seeded random points over the work's measured duration."""

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.store import check

ROOT = Path(__file__).resolve().parents[2]
SPAN = 1.25  # kills spread over the work's duration times this
STOCK_HEADER = ["仓库编码", "物资编码", "批号", "生产日期", "有效期至", "数量", "生产厂家", "来源"]


def start_child(script: str, *args) -> subprocess.Popen:
    """`script` in a child process with `args`, started and ready (it printed "go")."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = child.stdout.readline().strip()
    if line != "go":
        child.kill()
        pytest.fail(f"child did not start: {line!r} {child.communicate()[1]}")
    return child


def finish_child(script: str, *args) -> float:
    """How long the work takes in a child left to finish."""
    child = start_child(script, *args)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    return float(out.strip())


def kill_delays(duration: float, kills: int, seed: int) -> list[float]:
    """One seeded random point in each of `kills` equal slices of the duration times SPAN."""
    rng = random.Random(seed)
    return [duration * SPAN * (k + rng.random()) / kills for k in range(kills)]


def kill_after(child: subprocess.Popen, delay: float) -> tuple[bool, bool]:
    """Let the child work `delay` seconds, SIGKILL it: (killed, it had reported the work done).

    The work is reported done only after its transaction committed, so a report means the
    database must hold all of it."""
    time.sleep(delay)  # the point of the test: let the work run this long, then kill it
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=60)
    assert child.returncode in (-signal.SIGKILL, 0), err  # killed, or it had finished
    lines = out.split()
    return child.returncode == -signal.SIGKILL, len(lines) >= 2 and lines[0] == "go"


def copy_fresh(template: Path, path: Path) -> Path:
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    shutil.copyfile(template, path)
    return path


def assert_integrity(db) -> None:
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert check.run(db) == []
