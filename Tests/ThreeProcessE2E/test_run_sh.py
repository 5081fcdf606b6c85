"""Deploy/local/run.sh: starts the three services apart, reports ready only once each answers
SERVING to grpc.health.v1, prints working token commands, and stops every process cleanly —
on SIGTERM to the script (as Ctrl-C does) and with `run.sh stop`."""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import time

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from conftest import ROOT, bearer

RUN_SH = ROOT / "Deploy/local/run.sh"


def free_base() -> int:
    """A port p with p, p+1 and p+2 free on 127.0.0.1."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            base = s.getsockname()[1]
        if base > 65000:
            continue
        try:
            for port in (base + 1, base + 2):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
    pytest.fail("no three consecutive free ports")


def start(directory, base):
    """run.sh in the foreground; returns the process and its output up to the ready banner."""
    proc = subprocess.Popen([str(RUN_SH), "--dir", str(directory), "--port", str(base)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    deadline = time.monotonic() + 180
    for line in proc.stdout:
        lines.append(line)
        if line.startswith("Ctrl-C"):
            return proc, "".join(lines)
        if time.monotonic() > deadline:
            break
    proc.kill()
    pytest.fail("run.sh did not get ready:\n" + "".join(lines))


def pids(directory):
    return {f.stem: int(f.read_text()) for f in (directory / "run").glob("*.pid")}


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def serving(address):
    with grpc.insecure_channel(address) as channel:
        return health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=5).status \
            == health_pb2.HealthCheckResponse.SERVING


@pytest.mark.parametrize("how", ["sigterm", "stop"])
def test_run_sh_starts_three_healthy_processes_and_stops_them(pb, tmp_path, how):
    base = free_base()
    proc, banner = start(tmp_path, base)
    try:
        started = pids(tmp_path)
        assert set(started) == {"catalogue", "orders", "matching"}
        assert len(set(started.values())) == 3 and all(alive(p) for p in started.values())
        addresses = {name: f"127.0.0.1:{base + i}" for i, name in enumerate(["catalogue", "orders", "matching"])}
        for name, address in addresses.items():
            assert address in banner
            assert serving(address), name
        # Each process serves its own service only.
        with grpc.insecure_channel(addresses["orders"]) as channel:
            with pytest.raises(grpc.RpcError) as info:
                pb.catalogue_grpc.CatalogueServiceStub(channel).ListVillages(pb.catalogue.ListVillagesRequest())
            assert info.value.code() == grpc.StatusCode.UNIMPLEMENTED
        # The printed admin token command works, and its token is accepted by every service.
        command = next(line.split("=", 1)[1].strip() for line in banner.splitlines() if "ADMIN=" in line)
        token = subprocess.run(shlex.split(re.sub(r"^\$\((.*)\)$", r"\1", command)), cwd=ROOT, check=True,
                               capture_output=True, text=True).stdout.strip()
        with grpc.insecure_channel(addresses["matching"]) as channel:
            pb.matching_grpc.MatchingServiceStub(channel).ListBuyers(
                pb.matching.ListBuyersRequest(), metadata=bearer(token))
        with grpc.insecure_channel(addresses["orders"]) as channel:
            pb.orders_grpc.OrdersServiceStub(channel).ListOrders(pb.orders.ListOrdersRequest(), metadata=bearer(token))

        if how == "sigterm":
            proc.send_signal(signal.SIGTERM)
        else:
            subprocess.run([str(RUN_SH), "stop", "--dir", str(tmp_path)], cwd=ROOT, check=True, timeout=90)
        assert proc.wait(timeout=90) == 0
        assert not any(alive(p) for p in started.values())
        assert not list((tmp_path / "run").glob("*.pid"))
        for name in started:
            log = (tmp_path / f"{name}.log").read_text()
            assert "stopped" in log, log
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid in pids(tmp_path).values():
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
