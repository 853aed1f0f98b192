"""Hybrid logical clock: stamps that order operations across stations.

A stamp is one integer, wall-clock milliseconds shifted left 16 bits plus a
counter, so it compares as a number and stays monotonic when the wall clock
goes backwards (the counter advances instead). Stations that merge each
other's operations also move their clock past every stamp they receive, so an
edit made after seeing another always sorts after it.
"""

import time
from collections.abc import Callable

COUNTER_BITS = 16
COUNTER_MAX = (1 << COUNTER_BITS) - 1
# A stamp further ahead of the local wall clock than this is not adopted: one station
# with a wrong date must not drag every other station's clock into the future. The
# merge flags its station instead (clock_flag), and an edit made here after seeing it
# is still stamped after it (writepath), so it never freezes a row.
MAX_AHEAD_MS = 10 * 60 * 1000
# A stamp further ahead than this is refused outright (store/payloads.py): no clock is a
# year wrong, and stamps near 2^63 would leave no room for the edits stamped after them.
MAX_STAMP_AHEAD_MS = 366 * 24 * 3600 * 1000


def pack(ms: int, counter: int) -> int:
    return ms << COUNTER_BITS | counter


def unpack(stamp: int) -> tuple[int, int]:
    return stamp >> COUNTER_BITS, stamp & COUNTER_MAX


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


class Clock:
    """The station's clock; `last` is persisted by the write path."""

    def __init__(self, last: int = 0, wall: Callable[[], int] = wall_ms):
        self.last = last
        self._wall = wall

    def now(self) -> int:
        """A stamp greater than every stamp issued or received before."""
        return self._advance(0)

    def receive(self, remote: int) -> int:
        """Account for a stamp from another station."""
        return self._advance(remote)

    def wall(self) -> int:
        """This station's wall clock, in milliseconds (simulated in tests)."""
        return self._wall()

    def last_adoptable(self) -> int:
        """The greatest stamp receive() may adopt now (MAX_AHEAD_MS past the wall clock)."""
        return pack(self._wall() + MAX_AHEAD_MS, COUNTER_MAX)

    def ahead_ms(self, remote: int) -> int:
        """How far a stamp is ahead of the local wall clock, in milliseconds."""
        return unpack(remote)[0] - self._wall()

    def _advance(self, remote: int) -> int:
        wall = self._wall()
        last_ms, last_c = unpack(self.last)
        remote_ms, remote_c = unpack(remote)
        ms = max(wall, last_ms, remote_ms)
        if ms == last_ms == remote_ms:
            counter = max(last_c, remote_c) + 1
        elif ms == last_ms:
            counter = last_c + 1
        elif ms == remote_ms:
            counter = remote_c + 1
        else:
            counter = 0
        if counter > COUNTER_MAX:  # 65,536 stamps in one millisecond: borrow the next one
            ms, counter = ms + 1, 0
        self.last = pack(ms, counter)
        return self.last
