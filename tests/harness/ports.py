"""TCP ports for what the tests start, each pytest-xdist worker in a range of its own.

Two workers asking the system for "any free port" at once can be handed the same one, and a port above 32768
(Linux's default range for outgoing connections) can be taken by any client socket between the moment it is
picked and the moment a kernel binds it: a kernel then dies before it replies ("Kernel died before replying to
kernel_info", zmq "Address already in use"). Here each worker walks its own slice of 20000-32000 instead, so no
two workers, and no outgoing connection, ever reach for the same port.
"""

from __future__ import annotations

import itertools
import os
import socket
from collections.abc import Iterator

FIRST, LAST = 20000, 32000


def worker_range(worker: str | None, workers: int) -> range:
    """The ports of one worker ("gw0", "gw1"..., or None when pytest runs in one process)."""
    index = int(worker[2:]) if worker and worker.startswith("gw") else 0
    size = (LAST - FIRST) // max(workers, 1)
    return range(FIRST + index * size, FIRST + (index + 1) * size)


_RANGE = worker_range(
    os.environ.get("PYTEST_XDIST_WORKER"), int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
)
_cycle: Iterator[int] = itertools.cycle(_RANGE)


def free_port(ip: str = "127.0.0.1", taken: set[int] | frozenset[int] = frozenset()) -> int:
    """The next port of this worker's range that nothing listens on now and that is not in ``taken``."""
    return free_port_block((0,), ip, taken)


def free_port_block(
    offsets: tuple[int, ...], ip: str = "127.0.0.1", taken: set[int] | frozenset[int] = frozenset()
) -> int:
    """The next port P of this worker's range such that every P + offset is in the range, free, not in ``taken``
    (a hub needs P, P + 1 and P + 81, say)."""
    for _ in range(len(_RANGE)):
        port = next(_cycle)
        block = [port + offset for offset in offsets]
        if (
            max(block) < _RANGE.stop
            and not taken.intersection(block)
            and all(_bindable(ip, p) for p in block)
        ):
            return port
    raise RuntimeError(f"no free block of ports {offsets} left in {_RANGE.start}-{_RANGE.stop - 1} on {ip}")


def _bindable(ip: str, port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((ip, port))
        except OSError:
            return False
    return True


def give_kernels_worker_ports() -> None:
    """Make jupyter_client pick the ports of every kernel this process starts (nbval, nbgrader's Validator and
    Execute, nbclient) from this worker's range; it keeps its own record of the ports its kernels hold."""
    from jupyter_client.connect import LocalPortCache

    def find_available_port(cache: LocalPortCache, ip: str) -> int:
        port = free_port(ip, cache.currently_used_ports)
        cache.currently_used_ports.add(port)
        return port

    LocalPortCache.find_available_port = find_available_port
