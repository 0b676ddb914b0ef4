"""The open-loop load generator counts a server stall in every request scheduled during it.

A closed-loop client would wait out a stall and send nothing meanwhile, recording one
slow request per connection (coordinated omission); bench/loadgen.py measures each
latency from the request's scheduled send time, so the requests that fell due during
the stall all show it. This checks the accounting, not anyone's speed: the stall is
far longer than any threshold asserted.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from bench.loadgen import HOST, Server, free_port, request_bytes, run_phase

STALL_S = 0.3
RATE = 100
BODY = b'{"ok":true}'


class LocalServer(Server):
    """A Server whose `process` is this test's own thread: one worker, this process."""

    def pids(self) -> list[int]:
        return [0]

    def cpu_seconds(self) -> float:
        return 0.0


@pytest.fixture
def stalling_server(tmp_path: Path) -> Iterator[LocalServer]:
    """A keep-alive HTTP/1.1 server on loopback whose event loop blocks once, 0.6 s in."""
    port = free_port()
    started = threading.Event()
    control: dict[str, Any] = {}  # the server's loop and its stop event
    marks: list[float] = []  # when the first request came, then when the stall began

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
                await reader.readexactly(length)
                now = time.perf_counter()
                if not marks:
                    marks.append(now)
                elif len(marks) == 1 and now - marks[0] > 0.6:
                    marks.append(now)
                    time.sleep(STALL_S)  # blocks the whole loop: every connection stalls
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s"
                             % (len(BODY), BODY))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def serve() -> None:
        control["loop"], control["stop"] = asyncio.get_running_loop(), asyncio.Event()
        async with await asyncio.start_server(handle, HOST, port):
            started.set()
            await control["stop"].wait()

    thread = threading.Thread(target=asyncio.run, args=(serve(),), daemon=True)
    thread.start()
    assert started.wait(5)
    try:
        yield LocalServer("unused", tmp_path, workers=1, port=port)
    finally:
        control["loop"].call_soon_threadsafe(control["stop"].set)
        thread.join(timeout=5)


def test_a_stall_delays_every_request_scheduled_during_it(stalling_server: LocalServer) -> None:
    request = request_bytes(stalling_server.port, "/x", "token", b"{}")
    # In a thread of its own: run_phase calls asyncio.run, which refuses to start where an
    # event loop already runs (Playwright's, when a browser test shared this worker).
    with ThreadPoolExecutor(1) as pool:
        phase = pool.submit(run_phase, stalling_server, [request], RATE, warmup=0.2,
                            duration=1.5, connections=4).result()

    assert phase.ok == phase.sent == int(1.5 * RATE)
    # About STALL_S * RATE = 30 requests fell due during the stall; a closed-loop client
    # with 4 connections would have recorded at most 4 slow ones.
    slow = [x for x in phase.latencies if x > STALL_S / 3]
    assert len(slow) >= 10
    assert max(phase.latencies) >= STALL_S * 0.8
    # Measured from the actual write instead, the queued requests look fast.
    assert sum(x > STALL_S / 3 for x in phase.service) <= 4
