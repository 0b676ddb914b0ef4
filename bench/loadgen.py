"""`townsquare serve` as a subprocess on loopback, and an open-loop HTTP/1.1 load generator.

The generator schedules request i at ``start + i / rate`` whatever happened before, and
measures each latency from that scheduled time: a slow response delays the requests
behind it, and that delay is counted (no coordinated omission). It is one asyncio loop
(uvloop when installed) writing pre-built request bytes to a small pool of keep-alive
connections and reading each response by its Content-Length, so it costs the server's
2-core machine little CPU; its own CPU time and its dispatch lag are reported beside
every figure.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"  # loopback only
READY_TIMEOUT_S = 90.0
DRAIN_TIMEOUT_S = 5.0  # after the last scheduled send, wait at most this long for answers
CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def request_bytes(port: int, path: str, token: str, body: bytes) -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """(status, body) of one HTTP/1.1 response with a Content-Length."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    lower = head.lower()
    at = lower.find(b"\r\ncontent-length:")
    if at < 0:
        raise RuntimeError(f"response without Content-Length: {head[:200]!r}")
    end = lower.index(b"\r\n", at + 2)
    body = await reader.readexactly(int(lower[at + 17 : end]))
    return status, body


# --- the server ------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        for child in _children(todo.pop()):
            out.append(child)
            todo.append(child)
    return out


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


def _socket_inodes(pid: int) -> set[int]:
    out = set()
    with contextlib.suppress(OSError):
        for fd in os.listdir(f"/proc/{pid}/fd"):
            with contextlib.suppress(OSError):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    out.add(int(target[8:-1]))
    return out


def _server_side_inode(server_port: int, client_port: int) -> int | None:
    """The inode of the server's end of the loopback connection from `client_port`."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        parts = line.split()
        local, remote = parts[1].split(":"), parts[2].split(":")
        if int(local[1], 16) == server_port and int(remote[1], 16) == client_port:
            return int(parts[9])
    return None


@dataclass
class Server:
    """A running `townsquare serve` (started and stopped by this module)."""

    exe: str
    data_dir: Path
    workers: int
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TOWNSQUARE_")}
        env["TOWNSQUARE_DATA_DIR"] = str(self.data_dir)
        return env

    def start(self) -> Server:
        self.port = free_port()
        self.log_path = self.data_dir.parent / f"serve-{self.workers}w-{self.port}.log"
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [self.exe, "serve", "--host", HOST, "--port", str(self.port),
                 "--workers", str(self.workers)],
                env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )
        return self

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGINT)  # uvicorn shuts its workers down on SIGINT
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # its own session: only what it started
            process.wait(timeout=5)

    def pids(self) -> list[int]:
        """The processes answering requests: the workers, or the one process with --workers 1."""
        assert self.process is not None
        if self.workers == 1:
            return [self.process.pid]
        return [p for p in _children(self.process.pid) if self.owns_listener(p)]

    def owns_listener(self, pid: int) -> bool:
        # A worker holds the listening socket; multiprocessing's helpers do not.
        return bool(_socket_inodes(pid))

    def cpu_seconds(self) -> float:
        assert self.process is not None
        pids = [self.process.pid, *_descendants(self.process.pid)]
        return sum(_cpu_seconds(p) for p in pids)

    def worker_of(self, client_port: int) -> int | None:
        """Which server process accepted the connection from `client_port`."""
        inode = _server_side_inode(self.port, client_port)
        if inode is None:
            return None
        for pid in self.pids():
            if inode in _socket_inodes(pid):
                return pid
        return None

    def wait_ready(self, token: str | None = None) -> None:
        """Until every worker answers /api/v1/health (each worker loads its cache first)."""
        deadline = time.monotonic() + READY_TIMEOUT_S
        seen: set[int] = set()
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"townsquare serve exited: {self.tail_log()}")
            with contextlib.suppress(OSError), socket.create_connection((HOST, self.port), 2) as s:
                s.sendall(f"GET /api/v1/health HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
                s.settimeout(10)
                if s.recv(12).endswith(b"200"):
                    pid = self.worker_of(s.getsockname()[1])
                    if pid is not None:
                        seen.add(pid)
            if len(seen) >= self.workers:
                return
            time.sleep(0.1)
        raise RuntimeError(f"townsquare serve not ready after {READY_TIMEOUT_S:.0f} s "
                           f"({len(seen)} of {self.workers} workers answered): {self.tail_log()}")

    def tail_log(self) -> str:
        return self.log_path.read_text(errors="replace")[-2000:] if self.log_path else ""


@contextlib.contextmanager
def serving(exe: str, data_dir: Path, workers: int) -> Iterator[Server]:
    server = Server(exe, data_dir, workers).start()
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


# --- the open-loop load generator -------------------------------------------------------


@dataclass
class Phase:
    """One fixed-rate run: latencies (s) from each request's scheduled send time."""

    rate: float
    duration: float
    sent: int = 0
    ok: int = 0
    errors: int = 0
    unfinished: int = 0
    latencies: list[float] = field(default_factory=list)
    service: list[float] = field(default_factory=list)  # from the actual write, for contrast
    lags: list[float] = field(default_factory=list)  # generator timer: queued - scheduled
    span_s: float = 0.0  # first scheduled send to last answer of the measured window
    client_cpu: float = 0.0  # the generator's CPU, as a share of one core (whole run)
    server_cpu: float = 0.0  # every server process's CPU, as a share of one core (whole run)
    per_worker: dict[int, int] = field(default_factory=dict)
    loadavg: float = 0.0  # the machine's 1-minute load average at the end of the run

    def pct(self, q: float, values: Sequence[float] | None = None) -> float:
        data = sorted(self.latencies if values is None else values)
        if not data:
            return float("nan")
        return data[min(len(data) - 1, max(0, round(q / 100 * len(data)) - 1))]

    @property
    def achieved(self) -> float:
        return self.ok / self.span_s if self.span_s else 0.0

    def summary(self) -> str:
        ms = 1e3
        return (
            f"p50 {self.pct(50) * ms:.1f} / p99 {self.pct(99) * ms:.1f} / "
            f"max {max(self.latencies, default=float('nan')) * ms:.1f} ms, "
            f"{self.achieved:,.0f} req/s achieved, {self.ok:,}/{self.sent:,} ok"
            + (f", {self.errors} errors" if self.errors else "")
            + (f", {self.unfinished} unanswered" if self.unfinished else "")
            + f"; from actual send p99 {self.pct(99, self.service) * ms:.1f} ms, "
            f"generator timer lag p99 {self.pct(99, self.lags) * ms:.2f} ms; CPU: server "
            f"{self.server_cpu:.0%}, generator {self.client_cpu:.0%} of one core; "
            f"load average {self.loadavg:.1f}"
        )


async def _open_pool(server: Server, connections: int) -> list[tuple[asyncio.StreamReader,
                                                                     asyncio.StreamWriter, int]]:
    """`connections` keep-alive connections, split evenly across the workers.

    Which worker accepts a connection is the kernel's choice; connections to a worker
    that already has its share are closed and opened again (bounded), so that an
    uneven accept does not leave one worker with all the load.
    """
    share = -(-connections // server.workers)
    pool: list[tuple[asyncio.StreamReader, asyncio.StreamWriter, int]] = []
    count: dict[int, int] = {}
    for _ in range(connections * 20):
        if len(pool) >= connections:
            break
        reader, writer = await asyncio.open_connection(HOST, server.port)
        pid = await _accepted_by(server, writer.get_extra_info("sockname")[1])
        if server.workers > 1 and count.get(pid, 0) >= share:
            writer.close()
            continue
        count[pid] = count.get(pid, 0) + 1
        pool.append((reader, writer, pid))
    if len(pool) < connections:
        raise RuntimeError(f"could not spread {connections} connections over the workers: {count}")
    return pool


async def _accepted_by(server: Server, client_port: int) -> int:
    """The worker that accepted the connection (-1 if none did within a second)."""
    if server.workers == 1:
        return server.pids()[0]
    for _ in range(200):
        await asyncio.sleep(0.005)
        pid = server.worker_of(client_port)
        if pid is not None:
            return pid
    return -1


async def _phase(server: Server, requests: Sequence[bytes], rate: float, warmup: float,
                 duration: float, connections: int) -> Phase:
    pool = await _open_pool(server, connections)
    n_warm, n = int(warmup * rate), int((warmup + duration) * rate)
    queue: asyncio.Queue[int | None] = asyncio.Queue()
    start = time.perf_counter() + 0.05
    queued_at = [0.0] * n
    sent_at = [0.0] * n
    done_at = [0.0] * n
    status = [0] * n
    served_by = [0] * n

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                         pid: int) -> None:
        while (i := await queue.get()) is not None:
            sent_at[i] = time.perf_counter()
            writer.write(requests[i % len(requests)])
            try:
                code, _ = await read_response(reader)
            except (OSError, asyncio.IncompleteReadError, RuntimeError, ValueError):
                status[i], done_at[i] = -1, time.perf_counter()
                return
            done_at[i], status[i], served_by[i] = time.perf_counter(), code, pid

    async def dispatch() -> None:
        for i in range(n):
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            queued_at[i] = time.perf_counter()
            queue.put_nowait(i)

    tasks = [asyncio.create_task(connection(*c)) for c in pool]
    cpu0, server0 = time.process_time(), server.cpu_seconds()
    measured_from = start + n_warm / rate
    await dispatch()
    last = start + (n - 1) / rate
    while any(d == 0.0 for d in done_at[n_warm:]) and time.perf_counter() < last + DRAIN_TIMEOUT_S:
        if all(t.done() for t in tasks):
            break
        await asyncio.sleep(0.01)
    finished = time.perf_counter()
    cpu1, server1 = time.process_time(), server.cpu_seconds()
    for _ in tasks:
        queue.put_nowait(None)
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    for _, writer, _ in pool:
        writer.close()

    phase = Phase(rate, duration, loadavg=os.getloadavg()[0])
    window = range(n_warm, n)
    phase.sent = len(window)
    last_answer = max((done_at[i] for i in window if done_at[i]), default=finished)
    phase.span_s = max(duration, last_answer - measured_from)
    whole = finished - start
    phase.client_cpu, phase.server_cpu = (cpu1 - cpu0) / whole, (server1 - server0) / whole
    for i in window:
        scheduled = start + i / rate
        if status[i] == 200:
            phase.ok += 1
            phase.latencies.append(done_at[i] - scheduled)
            phase.service.append(done_at[i] - sent_at[i])
            phase.lags.append(queued_at[i] - scheduled)
            phase.per_worker[served_by[i]] = phase.per_worker.get(served_by[i], 0) + 1
        elif status[i] == 0:
            phase.unfinished += 1
        else:
            phase.errors += 1
    return phase


def run_phase(server: Server, requests: Sequence[bytes], rate: float, *, warmup: float,
              duration: float, connections: int) -> Phase:
    """Send `requests` (cycled) at `rate` per second for `warmup` + `duration` seconds."""
    phase = _phase(server, requests, rate, warmup, duration, connections)
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvicorn[standard] brings uvloop
        return asyncio.run(phase)
    return uvloop.run(phase)
