"""End-to-end tests of the orders service: a stock Python grpcio client (stubs generated at run
time from this repository's Protos/ with grpc_tools.protoc) against `craftd serve --demo` over
real HTTP/2 on 127.0.0.1, with real tokens from `craftd token` and real SQLite files in a temp
data directory. (The server fixture is the catalogue suite's, Tests/CatalogueE2E/conftest.py,
plus extra craftd arguments, e.g. `--services orders --catalogue-address …`.)

The server binary is .build/debug/craftd (override with CRAFTD=path); craftctl likewise
(CRAFTCTL=path). Each test module gets its own data directory and server.
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

import grpc
import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CRAFTD = os.environ.get("CRAFTD", str(ROOT / ".build/debug/craftd"))
CRAFTCTL = os.environ.get("CRAFTCTL", str(ROOT / ".build/debug/craftctl"))


@pytest.fixture(scope="session")
def pb(tmp_path_factory):
    """Modules generated from Protos/: pb.common, pb.catalogue(_grpc), pb.orders(_grpc)."""
    from grpc_tools import protoc

    out = tmp_path_factory.mktemp("stubs")
    import grpc_tools
    include = Path(grpc_tools.__file__).parent / "_proto"
    protos = ["craft/common/v1/common.proto", "craft/catalogue/v1/catalogue.proto",
              "craft/orders/v1/orders.proto"]
    code = protoc.main(["protoc", f"-I{ROOT / 'Protos'}", f"-I{include}", f"--python_out={out}",
                        f"--grpc_python_out={out}", *protos])
    assert code == 0, "protoc failed"
    sys.path.insert(0, str(out))

    class Modules:
        common = importlib.import_module("craft.common.v1.common_pb2")
        catalogue = importlib.import_module("craft.catalogue.v1.catalogue_pb2")
        catalogue_grpc = importlib.import_module("craft.catalogue.v1.catalogue_pb2_grpc")
        orders = importlib.import_module("craft.orders.v1.orders_pb2")
        orders_grpc = importlib.import_module("craft.orders.v1.orders_pb2_grpc")
    return Modules


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One `craftd serve` process on a data directory; can be stopped, killed and restarted."""

    def __init__(self, data_dir: Path, demo: bool, extra: list[str] | None = None):
        self.extra = extra or []
        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.demo = demo
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.log = data_dir / "craftd.log"

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self):
        args = [CRAFTD, "serve", "--data-dir", str(self.data_dir), "--host", "127.0.0.1",
                "--port", str(self.port)]
        if self.demo:
            args.append("--demo")
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
        if subject:
            args += ["--subject", subject]
        out = subprocess.run(args, check=True, capture_output=True, text=True, cwd=ROOT)
        return out.stdout.strip()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A demo server (catalogue seeded, orders empty) for the module."""
    srv = Server(tmp_path_factory.mktemp("craftd"), demo=True)
    srv.start()
    yield srv
    srv.stop()


def bearer(token: str):
    return (("authorization", f"Bearer {token}"),)
