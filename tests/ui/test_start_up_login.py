"""--exit-when-shown (the start-up bench): 'shown' once the window is shown, then 'login'
once someone can log in — the login dialog open — and the program quits by itself."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_exit_when_shown_says_when_the_window_and_then_the_login_are_ready(
    demo_path, tmp_path, monkeypatch
):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env["XDG_CONFIG_HOME"] = env["XDG_CACHE_HOME"] = env["XDG_DATA_HOME"] = str(tmp_path)
    env.pop("BIORESERVE_USER", None)
    env.pop("BIORESERVE_PASSWORD", None)
    done = subprocess.run(
        [sys.executable, "main.py", "--db", str(demo_path), "--exit-when-shown"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["shown", "login"]
    from desktop.core.setup import backups

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # the program's backup folder
    assert backups.listing(demo_path) == []  # the day's backup waits for a login


def test_with_a_login_in_the_environment_the_run_ends_once_the_days_backup_is_made(
    demo_path, tmp_path, monkeypatch
):
    from desktop.core.setup.demo import DEMO_PASSWORD

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env["XDG_CONFIG_HOME"] = env["XDG_CACHE_HOME"] = env["XDG_DATA_HOME"] = str(tmp_path)
    env["BIORESERVE_USER"], env["BIORESERVE_PASSWORD"] = "admin", DEMO_PASSWORD
    done = subprocess.run(
        [sys.executable, "main.py", "--db", str(demo_path), "--exit-when-shown"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    # logged in: the run ends once the day's backup, made after the login, is done
    assert done.stdout.split() == ["shown", "login", "backup"]
    from desktop.core.setup import backups

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # the program's backup folder
    made = backups.newest_good(demo_path)
    assert made is not None and made.reason == "daily" and backups.quick_check(made.path) is None
