"""Idle connections a hub store keeps for its next calls (both stores: SQLite and PostgreSQL).

Requests run in waitress's threads, each call of a store in one of them: a call takes an
idle connection (or opens one), and gives it back after; at most `keep` wait (the server's
threads), newest first. After close() every connection given back is closed.
"""

import queue
from typing import Generic, Protocol, TypeVar


class _Closable(Protocol):
    def close(self) -> None: ...


C = TypeVar("C", bound=_Closable)


class Pool(Generic[C]):
    def __init__(self, keep: int):
        self.keep = keep
        self._idle: queue.LifoQueue[C] = queue.LifoQueue()
        self._closed = False

    def take(self) -> C | None:
        """An idle connection, or None (open one)."""
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            return None

    def give(self, conn: C, reusable: bool = True) -> None:
        """Keep a connection for the next call, unless it may not be reused, enough are
        kept, or the pool is closed: then it is closed."""
        if self._closed or not reusable or self._idle.qsize() >= self.keep:
            conn.close()
        else:
            self._idle.put(conn)

    def close(self) -> None:
        """Close the idle connections; those given back later are closed then."""
        self._closed = True
        while (conn := self.take()) is not None:
            conn.close()
