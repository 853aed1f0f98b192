"""The idle connections both hub stores keep (desktop/sync/hub/pool.py)."""

from desktop.sync.hub.pool import Pool


class Conn:
    def __init__(self):
        self.closed = False

    def close(self):
        self.closed = True


def test_a_pool_keeps_at_most_its_share_newest_first_and_closes_the_rest():
    pool: Pool[Conn] = Pool(keep=2)
    a, b, c, broken = Conn(), Conn(), Conn(), Conn()
    for conn in (a, b, c):
        pool.give(conn)
    pool.give(broken, reusable=False)
    assert c.closed and broken.closed and not (a.closed or b.closed)
    assert pool.take() is b and pool.take() is a and pool.take() is None


def test_after_close_the_idle_and_those_given_back_later_are_closed():
    pool: Pool[Conn] = Pool(keep=4)
    idle, busy = Conn(), Conn()
    pool.give(idle)
    pool.close()
    assert idle.closed and pool.take() is None
    pool.give(busy)  # a call that was running when the store closed
    assert busy.closed and pool.take() is None
