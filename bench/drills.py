"""The drill console on city data: a 200-inject scenario (injects.replace) started at ×60
(sandbox.start: the online-backup copy of the live database is timed too) and played on
the console until every inject has fired — 200 in ten minutes of the drill's time, ten
seconds of the wall clock. Target: no stall of the GUI thread over 100 ms.

Measured in the same run:
- the worker's job every tick (injects.tick, injects.console, evaluation.expected: what the
  session asks twice a second), against a 50-line FEFO plan (bench/picking.py);
- the console's refresh on the GUI thread from one such snapshot (the models updated in
  place, the clock, the counts), against a bare table reset and repainted with the same
  200 rows;
- the longest the GUI thread went without serving its event loop (a 5 ms heartbeat) while
  the drill played.

    python -m bench.drills [DB]      (default: the city data set, bench/data/city.db)

The drill is made on a copy of the data set; the original is not changed."""

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import picking
from desktop.core.context import Ctx
from desktop.core.drills import injects, records, sandbox
from desktop.core.setup.opening import open_station

ACTOR = Ctx("bench")
INJECTS = 200
SPREAD_MIN = 10  # the injects' offsets run from T+0 to T+10 min: 10 s of wall time at ×60
AGENCIES = ("HY-WJW", "HY-GAJ", "HY-YJJ", "HY-NYJ", "430422-WJJ")
CHANNELS = ("phone", "fax", "document", "oral", "system")
ACTIONS = ("incident", "report", "activate", "order", "issue", "log")
TARGET_STALL_MS = 100
HEARTBEAT_MS = 5
LIMIT_S = 60  # give up on a run that has not fired everything by then


def scenario(count: int = INJECTS) -> dict:
    """count timed injects spread over SPREAD_MIN minutes, every third with an expected
    action, a few of them chained on the one before."""
    objectives = [{"code": f"O{n}", "text": f"基准目标{n}", "citation": "三（一）"} for n in (1, 2)]
    rows, expects = [], []
    for n in range(1, count + 1):
        chained = n % 10 == 0
        rows.append({
            "no": n, "trigger": "delay" if chained else "time",
            "offset_min": 0 if chained else (n * SPREAD_MIN) // count,
            "sender": f"模拟来电{n}", "to_agency": AGENCIES[n % len(AGENCIES)],
            "channel": CHANNELS[n % len(CHANNELS)], "objective": f"O{n % 2 + 1}",
            "message": f"第{n}条情景信息：某地报告疑似病例，请核实并按预案处置。",
        })  # fmt: skip
        if n % 3 == 0:
            expects.append({"inject": n, "action": ACTIONS[n % len(ACTIONS)], "within_min": 5,
                            "text": "按预案处置", "objective": "O1"})  # fmt: skip
    return {"objectives": objectives, "injects": rows, "expects": expects}


def _timed(samples: list[float], fn):
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            samples.append((time.perf_counter() - started) * 1000)

    return timed


def play(sandbox_path: Path, drill_id: str) -> dict:
    """The console over the sandbox until every inject has fired (GUI and worker times)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.drills import session as session_module
    from desktop.ui.drills.console import DrillConsole
    from desktop.ui.drills.session import DrillSession
    from desktop.ui.shell.worker import DbWorker

    app = QApplication.instance() or QApplication([sys.argv[0]])
    worker_ms: list[float] = []
    gui_ms: list[float] = []
    original = session_module.snapshot
    session_module.snapshot = _timed(worker_ms, original)
    from desktop.core.context import Ctx
    from desktop.ui.shell import session as login_session

    login_session.start(Ctx("bench-drills"))  # the console acts as a logged-in account
    worker = DbWorker(sandbox_path)
    try:
        session = DrillSession(worker, drill_id)
        console = DrillConsole(worker, session)
        console.show_snapshot = _timed(gui_ms, console.show_snapshot)
        session.updated.disconnect()
        session.updated.connect(console.show_snapshot)
        console.resize(1366, 768)
        console.show()
        gaps: list[float] = []
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(HEARTBEAT_MS)
        heartbeat.timeout.connect(beat)
        loop = QEventLoop()
        done = QTimer()
        done.setInterval(50)
        done.timeout.connect(
            lambda: (session.data and session.data["console"]["fired"] >= INJECTS) and loop.quit()
        )
        QTimer.singleShot(LIMIT_S * 1000, loop.quit)
        started = time.perf_counter()
        session.start()
        heartbeat.start()
        done.start()
        loop.exec()
        elapsed = time.perf_counter() - started
        heartbeat.stop()
        done.stop()
        session.timer.stop()
        fired = session.data["console"]["fired"] if session.data else 0
        anchor = _bare_table(app, console)
        console.close()
        app.processEvents()
    finally:
        worker.close()
        session_module.snapshot = original
    return {
        "fired": fired,
        "seconds": elapsed,
        "ticks": len(worker_ms),
        "worker": worker_ms,
        "gui": gui_ms,
        "stall": max(gaps[1:], default=0.0),  # the first gap includes the first show
        "anchor": anchor,
    }


def _bare_table(app, console) -> float:
    """Median ms to reset a plain table with the console's 200 rows and repaint it."""
    from PySide6.QtWidgets import QTableView

    from desktop.ui.widgets.rows_model import RowsModel

    model = RowsModel(console.injects.fired.columns)
    rows = list(console.injects.fired.rows)
    view = QTableView()
    view.setModel(model)
    view.resize(1366, 500)
    view.show()
    app.processEvents()
    samples = []
    for n in range(9):
        started = time.perf_counter()
        model.set_rows(rows[n % 2 :])
        view.viewport().repaint()
        samples.append((time.perf_counter() - started) * 1000)
    view.close()
    return statistics.median(samples[2:])


def measure(path: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="bioreserve-bench-") as folder:
        live_path = Path(folder) / "city.db"
        shutil.copy(path, live_path)
        live = open_station(live_path)
        try:
            made = records.create(live, ACTOR, {"name": "基准演练", "kind": "functional",
                                                "speed": 60})  # fmt: skip
            injects.replace(live, ACTOR, made["id"], scenario())
            started = time.perf_counter()
            sandbox.start(live, ACTOR, made["id"]).close()
            start_s = time.perf_counter() - started
            drill_path = sandbox.path_for(live_path, made)
        finally:
            live.close()
        return {"start": start_s, **play(drill_path, made["id"])}


def report(city: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    fefo = picking.measure(city)
    figures = measure(city)
    worker, gui = figures["worker"], figures["gui"]
    print(f"drill console ({INJECTS} injects at ×60, city data)")
    print(f"  start a drill (the sandbox copy)            {figures['start'] * 1000:7.0f} ms")
    print(
        f"  played: {figures['fired']} of {INJECTS} injects fired in {figures['seconds']:.1f} s, "
        f"{figures['ticks']} ticks"
    )
    print(
        f"  worker per tick (tick, console, expected)   {statistics.median(worker):7.1f} ms "
        f"median, {max(worker):.1f} max   {statistics.median(worker) / fefo:5.1f}× a 50-line "
        f"FEFO plan ({fefo:.1f} ms)"
    )
    anchor = figures["anchor"]
    print(
        f"  GUI: console refresh from a snapshot        {statistics.median(gui):7.1f} ms "
        f"median, {max(gui):.1f} max   {statistics.median(gui) / anchor:5.1f}× a bare table of "
        f"{INJECTS} rows reset and repainted ({anchor:.1f} ms)"
    )
    stall = figures["stall"]
    flag = "" if stall <= TARGET_STALL_MS else "   over the target"
    print(
        f"  GUI: longest stall while playing            {stall:7.1f} ms   "
        f"target ≤ {TARGET_STALL_MS} ms{flag}"
    )


if __name__ == "__main__":  # python -m bench.drills [DB]
    from bench.generate import dataset

    report(Path(sys.argv[1]) if len(sys.argv) > 1 else dataset("city"))
