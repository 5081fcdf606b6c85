"""Hostile-peer tests: each attack runs against its own `craftd interop` process (so one attack
cannot hide another's damage), then the test checks that the server is alive, still answers a
well-behaved grpcio client, and kept its memory bounded.

Server: .build/debug/craftd (override with CRAFTD=path).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import grpc
import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent / "Interop"))  # upstream_protos (stubs from /usr/share/grpc-proto)

import upstream_protos  # noqa: E402

CRAFTD = os.environ.get("CRAFTD", str(ROOT / ".build/debug/craftd"))


@pytest.fixture(scope="session")
def pb(tmp_path_factory):
    dest = tmp_path_factory.mktemp("upstream_stubs")
    upstream_protos.generate(dest)
    empty_pb2, messages_pb2, test_pb2, test_pb2_grpc = upstream_protos.load(dest)

    class Modules:
        empty = empty_pb2
        messages = messages_pb2
        test_grpc = test_pb2_grpc
    return Modules


class Target:
    """A running `craftd interop` and what the tests measure of it."""

    def __init__(self, proc: subprocess.Popen, port: int, log: Path):
        self.proc, self.port, self.log = proc, port, log

    @property
    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self.port)

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise AssertionError("no VmRSS")

    def open_fds(self) -> int:
        return len(os.listdir(f"/proc/{self.proc.pid}/fd"))

    def assert_alive(self):
        assert self.proc.poll() is None, f"server died ({self.proc.returncode}):\n{self.log.read_text()[-4000:]}"

    def assert_serves(self, pb, timeout=5.0):
        """A well-behaved client gets an answer promptly."""
        self.assert_alive()
        with grpc.insecure_channel(f"127.0.0.1:{self.port}") as channel:
            stub = pb.test_grpc.TestServiceStub(channel)
            start = time.monotonic()
            stub.EmptyCall(pb.empty.Empty(), timeout=timeout)
            return time.monotonic() - start


def start_target(tmp_path, pb, extra=()):
    """`craftd interop` on a free port with `extra` flags, once it answers; stop with stop_target."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "craftd.log"
    proc = subprocess.Popen([CRAFTD, "interop", "--host", "127.0.0.1", "--port", str(port), *extra],
                            stdout=subprocess.DEVNULL, stderr=open(log, "wb"), cwd=ROOT)
    t = Target(proc, port, log)
    deadline = time.monotonic() + 30
    while True:
        try:
            t.assert_serves(pb, timeout=1)
            break
        except grpc.RpcError:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)
    return t


def stop_target(t):
    t.assert_alive()
    t.proc.send_signal(signal.SIGTERM)
    try:
        assert t.proc.wait(15) == 0, f"exit status after SIGTERM:\n{t.log.read_text()[-4000:]}"
    finally:
        if t.proc.poll() is None:
            t.proc.kill()


@pytest.fixture
def target(tmp_path, pb):
    t = start_target(tmp_path, pb)
    yield t
    stop_target(t)
