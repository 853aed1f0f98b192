"""A throwaway PostgreSQL cluster for the hub's tests: initdb and pg_ctl in a temporary
folder, reached by a Unix socket in that folder (no TCP port, no password).

As root (CI), the cluster runs as the `postgres` user Debian's package creates (initdb
refuses root). Absent binaries: the tests that need the cluster skip, unless CI=1/true
or BIORESERVE_REQUIRE_PG=1, where they fail.
"""

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

BIN_GLOB = "/usr/lib/postgresql/*/bin"
PORT = 5432  # only names the socket file in the cluster's own folder


def required() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true") or bool(
        os.environ.get("BIORESERVE_REQUIRE_PG")
    )


def binaries() -> Path | None:
    found = sorted(glob.glob(BIN_GLOB), key=lambda p: int(Path(p).parent.name))
    if found:
        return Path(found[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def absent(reason: str):
    """Skip (a developer's machine) or fail (CI) for want of PostgreSQL."""
    message = f"PostgreSQL is needed for this test: {reason} (apt-get install postgresql)"
    if required():
        pytest.fail(message)
    pytest.skip(message)


class Cluster:
    """One cluster per test process; fresh_database() gives each test its own database."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.user = None
        if os.geteuid() == 0:  # the server runs as `postgres`, who must reach the folder:
            self.user = "postgres"  # not under a $TMPDIR only root may enter
        self.folder = Path(
            tempfile.mkdtemp(prefix="bioreserve-pg-", dir="/tmp" if self.user else None)
        )
        self.data = self.folder / "data"
        if self.user:
            shutil.chown(self.folder, self.user)
        self.folder.chmod(0o755)
        self._counter = itertools.count(1)
        self._run("initdb", "-D", str(self.data), "-U", "hub", "--auth=trust", "-E", "UTF8")
        options = f"-k {self.folder} -p {PORT} -c listen_addresses='' -c fsync=on"
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w",
            "-o", options, "start",
        )  # fmt: skip

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise RuntimeError(f"{program} failed: {done.stdout}{done.stderr}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://hub@/{database}?host={self.folder}&port={PORT}"

    def fresh_database(self) -> str:
        import psycopg

        name = f"hub_{os.getpid()}_{next(self._counter)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Cluster:
    """A running cluster, or a skip/fail when PostgreSQL or psycopg is absent."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        absent("psycopg is not installed")
    bin_dir = binaries()
    if bin_dir is None:
        absent(f"no initdb under {BIN_GLOB} or on PATH")
    assert bin_dir is not None
    return Cluster(bin_dir)
