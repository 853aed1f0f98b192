"""Database work runs on one background thread; results come back on the GUI thread."""

import threading

from desktop.core import overview
from desktop.core.errors import BioError


def test_a_job_runs_off_the_gui_thread_and_its_result_arrives_on_it(qtbot, worker):
    seen = {}

    def job(db):
        seen["thread"] = threading.current_thread().name
        return overview.figures(db)

    def done(result):
        seen["result"] = result
        seen["callback_thread"] = threading.current_thread()

    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.run(job, done)
    assert seen["thread"].startswith("bioreserve-db")
    assert seen["callback_thread"] is threading.main_thread()
    assert seen["result"]["items"] >= 90


def test_jobs_run_one_at_a_time_in_order(qtbot, worker):
    order = []
    with qtbot.waitSignals([worker.finished] * 3, timeout=5000):
        for n in range(3):
            worker.run(lambda db, n=n: n, order.append)
    assert order == [0, 1, 2]


def test_a_failing_job_reports_its_error(qtbot, worker):
    errors = []

    def job(db):
        raise BioError("仓库不存在")

    with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
        worker.run(job, on_error=errors.append)
    assert isinstance(blocker.args[0], BioError)
    assert str(errors[0]) == "仓库不存在"
