from hypothesis import given
from hypothesis import strategies as st

from desktop.core.store.hlc import COUNTER_MAX, Clock, pack, unpack


class FakeWall:
    def __init__(self, ms):
        self.ms = ms

    def __call__(self):
        return self.ms


def test_stamps_follow_the_wall_clock_when_it_moves_forward():
    wall = FakeWall(1_000)
    clock = Clock(wall=wall)
    first = clock.now()
    wall.ms = 2_000
    assert unpack(clock.now()) == (2_000, 0)
    assert clock.last > first


def test_stamps_stay_monotonic_when_the_wall_clock_goes_backwards():
    wall = FakeWall(10_000)
    clock = Clock(wall=wall)
    before = clock.now()
    wall.ms = 5_000  # someone set the clock back
    after = [clock.now() for _ in range(3)]
    assert before < after[0] < after[1] < after[2]
    assert unpack(after[2]) == (10_000, 3)


def test_receiving_a_stamp_from_a_fast_station_moves_the_clock_past_it():
    clock = Clock(wall=FakeWall(1_000))
    remote = pack(9_000, 7)
    assert clock.receive(remote) > remote
    assert clock.now() > remote


def test_counter_overflow_borrows_the_next_millisecond():
    clock = Clock(last=pack(1_000, COUNTER_MAX), wall=FakeWall(1_000))
    assert unpack(clock.now()) == (1_001, 0)


@given(st.lists(st.tuples(st.integers(0, 10**12), st.integers(0, 10**12 << 16)), max_size=50))
def test_any_sequence_of_events_gives_strictly_increasing_stamps(events):
    wall = FakeWall(0)
    clock = Clock(wall=wall)
    seen = []
    for wall_ms, remote in events:
        wall.ms = wall_ms
        seen.append(clock.now())
        seen.append(clock.receive(remote))
        assert seen[-1] > remote
    assert seen == sorted(seen) and len(set(seen)) == len(seen)
