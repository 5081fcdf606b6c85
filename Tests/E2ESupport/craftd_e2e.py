"""Shared pieces of the end-to-end suites (Tests/*E2E): a stock Python grpcio client with stubs
generated at run time from this repository's Protos/ (grpc_tools.protoc), against `craftd serve`
over real HTTP/2 on 127.0.0.1, with real tokens from `craftd token` and real SQLite files in a
temp data directory.

The server binary is .build/debug/craftd (override with CRAFTD=path); craftctl likewise
(CRAFTCTL=path).
"""

from __future__ import annotations

import importlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import grpc
import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CRAFTD = os.environ.get("CRAFTD", str(ROOT / ".build/debug/craftd"))
CRAFTCTL = os.environ.get("CRAFTCTL", str(ROOT / ".build/debug/craftctl"))


def generate_stubs(out: Path, services: list[str]) -> SimpleNamespace:
    """Compiles craft/common/v1 and craft/<service>/v1 for each service into `out` and imports
    them: ns.common, and ns.<service>, ns.<service>_grpc for each."""
    from grpc_tools import protoc
    import grpc_tools

    include = Path(grpc_tools.__file__).parent / "_proto"
    protos = ["craft/common/v1/common.proto"] + [f"craft/{s}/v1/{s}.proto" for s in services]
    code = protoc.main(["protoc", f"-I{ROOT / 'Protos'}", f"-I{include}", f"--python_out={out}",
                        f"--grpc_python_out={out}", *protos])
    assert code == 0, "protoc failed"
    sys.path.insert(0, str(out))
    modules = {"common": importlib.import_module("craft.common.v1.common_pb2")}
    for s in services:
        modules[s] = importlib.import_module(f"craft.{s}.v1.{s}_pb2")
        modules[f"{s}_grpc"] = importlib.import_module(f"craft.{s}.v1.{s}_pb2_grpc")
    return SimpleNamespace(**modules)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def drain(call, idle: float, until=None, timeout: float = 60.0) -> list:
    """Every message of a live server stream `call` until it has been idle for `idle` seconds
    and `until(messages)` (if given) holds, or `timeout` seconds have passed; then it is
    cancelled (any other error is raised). `until` keeps a stalled, loaded machine from ending
    the drain before the messages a test knows must come have arrived."""
    import threading

    messages, last = [], [time.monotonic()]
    give_up = time.monotonic() + timeout

    def cancel_when_idle():
        while time.monotonic() < give_up and (
                time.monotonic() - last[0] < idle or (until is not None and not until(list(messages)))):
            time.sleep(0.05)
        call.cancel()

    threading.Thread(target=cancel_when_idle, daemon=True).start()
    try:
        for message in call:
            messages.append(message)
            last[0] = time.monotonic()
    except grpc.RpcError as error:
        assert error.code() == grpc.StatusCode.CANCELLED, error
    return messages


def bearer(token: str):
    return (("authorization", f"Bearer {token}"),)


class Server:
    """One `craftd serve` process on a data directory; can be stopped, killed and restarted."""

    def __init__(self, data_dir: Path, demo: bool, extra: list[str] | None = None,
                 auth_dir: Path | None = None):
        self.extra = extra or []  # more craftd arguments, e.g. --services orders
        self.data_dir = data_dir
        # The deployment's shared auth directory (--auth-dir); None: the data directory.
        self.auth_dir = auth_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.demo = demo
        self.port = free_port()
        self.metrics_port = free_port()
        self.proc: subprocess.Popen | None = None
        self.log = data_dir / "craftd.log"

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self):
        args = [CRAFTD, "serve", "--data-dir", str(self.data_dir), "--host", "127.0.0.1",
                "--port", str(self.port), "--metrics-port", str(self.metrics_port)]
        if self.demo:
            args.append("--demo")
        if self.auth_dir is not None:
            args += ["--auth-dir", str(self.auth_dir)]
        args += self.extra
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL,
                                     stderr=open(self.log, "ab"), cwd=ROOT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"craftd exited with {self.proc.returncode}:\n{self.log.read_text()}")
            try:
                with grpc.insecure_channel(self.address) as channel:
                    grpc.channel_ready_future(channel).result(timeout=1)
                    from grpc_health.v1 import health_pb2, health_pb2_grpc
                    status = health_pb2_grpc.HealthStub(channel).Check(
                        health_pb2.HealthCheckRequest(), timeout=2).status
                    if status == health_pb2.HealthCheckResponse.SERVING:
                        return
            except grpc.FutureTimeoutError:
                pass
            except grpc.RpcError:
                pass
            time.sleep(0.1)
        pytest.fail(f"craftd did not become ready:\n{self.log.read_text()}")

    def stop(self, sig=signal.SIGTERM):
        if self.proc is None:
            return
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout=30)
        if sig == signal.SIGTERM:
            assert code == 0, f"craftd exited with {code} after SIGTERM:\n{self.log.read_text()}"
        self.proc = None

    def restart(self, sig=signal.SIGTERM):
        self.stop(sig)
        self.start()

    def token(self, role: str, subject: str = "") -> str:
        args = [CRAFTD, "token", "--data-dir", str(self.data_dir), "--role", role]
        if self.auth_dir is not None:
            args += ["--auth-dir", str(self.auth_dir)]
        if subject:
            args += ["--subject", subject]
        out = subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT)
        return out.stdout.strip()
