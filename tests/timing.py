"""Time tests without absolute times: a ratio against a baseline measured in the same run, and
a limit that ends a runaway call in seconds instead of letting a regression hang the suite."""

from __future__ import annotations

import gc
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class TooSlow(Exception):
    """Raised inside the call that ran past its ``time_limit``."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block with TooSlow after ``seconds`` of wall time (main thread, POSIX)."""
    def stop(signum: int, frame: object) -> None:
        raise TooSlow(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def best_cpu(*calls: Callable[[], object], rounds: int = 3) -> list[float]:
    """Fastest CPU time of each call over ``rounds`` rounds, the calls taking turns within a
    round: other processes' load only ever adds to a time, and a busy spell then slows a
    baseline and the call compared with it alike instead of one of them."""
    best = [float("inf")] * len(calls)
    for _ in range(rounds):
        for index, call in enumerate(calls):
            gc.collect()
            start = time.process_time()
            call()
            best[index] = min(best[index], time.process_time() - start)
    return best
