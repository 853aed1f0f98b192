"""A new station's first synchronization from a snapshot (issue 18, point 4): make a snapshot
of the city data set (and of the province set when bench/data/province.db exists), load it
into a new station (sync load-snapshot) and make a new station from it (init
--from-snapshot: its state.db becomes the file), against a plain file copy of the same
database measured in the same run (goal: a new station in under a minute at province size).

    python -m bench.snapshot

The data set is copied first and again after the loads (the faster copy is the anchor);
the snapshot is made from the copy, so the data set itself is never opened for writing
(opening migrates). The copy is opened without the day's backup (a benchmark's copy needs
none). Each new station's file is checked (its hash chains) and removed before the next is
made, and the second copy is left out where the disk could not hold it: the province set
takes 13 GB, each station made from it as much again.
"""

import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import DATA
from desktop.core.context import Ctx
from desktop.core.setup import initdb, opening
from desktop.core.store import check
from desktop.sync import keys as sync_keys
from desktop.sync import snapshot, snapshot_init, snapshot_load

ADMIN = Ctx("bench")


def measure(source: Path) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="bench-snapshot-", dir=DATA))
    try:
        copy = folder / "hub.db"
        started = time.perf_counter()
        shutil.copyfile(source, copy)
        copied = time.perf_counter() - started
        hub = opening.open_station(copy, daily=False)  # the reference data this program ships
        new = initdb.init_database(folder / "new.db", "BENCH-NEW", "新站")
        key = folder / "hub.key"
        sync_keys.export_key(hub, key)
        sync_keys.trust(new, key, sync_keys.own(hub).fingerprint)
        fingerprint = sync_keys.own(hub).fingerprint
        made = snapshot.export(hub, folder / "hub.snapshot", None, ADMIN)
        hub.close()
        _remove(copy)  # the disk it takes, for the stations made from the snapshot
        _said(f"exported in {made.seconds:.1f} s")
        fast = snapshot_init.init_from_snapshot(
            folder / "fast.db", folder / "hub.snapshot", key, fingerprint,
            "BENCH-FAST", "快站", "chief", "bench horse battery 7",
        )  # fmt: skip
        fast.db.close()
        _remove(folder / "fast.db")
        _said(f"init --from-snapshot in {fast.seconds:.1f} s")
        loaded = snapshot_load.load(new, folder / "hub.snapshot", ADMIN)
        _said(f"loaded in {loaded.seconds:.1f} s")
        started = time.perf_counter()
        problems = check.chains(new)
        chains = time.perf_counter() - started
        new.close()
        _remove(folder / "new.db")
        if shutil.disk_usage(folder).free > 2 * source.stat().st_size:
            started = time.perf_counter()
            shutil.copyfile(source, folder / "again.db")
            copied = min(copied, time.perf_counter() - started)
        return {
            "copy": copied,
            "export": made.seconds,
            "load": loaded.seconds,
            "init": fast.seconds,
            "rows": made.rows,
            "ops": made.ops,
            "bytes": made.bytes,
            "source": source.stat().st_size,
            "chains": chains,
            "problems": len(problems),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _said(text: str) -> None:
    print(f"  … {text}", file=sys.stderr, flush=True)  # a province run takes a while


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def report(name: str, source: Path) -> None:
    m = measure(source)
    print(
        f"snapshot {name}: {m['ops']:,} ops summarised in {m['rows']:,} rows, "
        f"file {m['bytes'] / 1e6:.0f} MB (database {m['source'] / 1e6:.0f} MB)\n"
        f"  export {m['export']:.1f} s, load {m['load']:.1f} s (goal < 60 s); "
        f"anchor: plain copy of the database {m['copy']:.1f} s → load = "
        f"{m['load'] / m['copy']:.1f} × copy; init --from-snapshot {m['init']:.1f} s = "
        f"{m['init'] / m['copy']:.1f} × copy (goal < 60 s); chains checked after loading "
        f"{m['chains']:.2f} s, problems {m['problems']}"
    )


def main() -> int:
    for name in ("city", "province"):
        source = DATA / f"{name}.db"
        if source.exists():
            report(name, source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
