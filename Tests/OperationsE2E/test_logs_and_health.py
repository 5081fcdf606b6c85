"""A real craftd with `--log-format json`: every line is a JSON object with time, level, label,
message and metadata; a call sent with a W3C traceparent is logged with the caller's trace id
(one that is invalid gets a fresh one, and the call still succeeds); `craftd health` exits 0
for a serving service and 1 for an unknown one or an unreachable address."""

from __future__ import annotations

import json
import re
import subprocess

import grpc

from conftest import CRAFTD, ROOT, Server, free_port

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"


def lines(server):
    return [json.loads(line) for line in server.log.read_text().splitlines() if line.strip()]


def test_json_logs_carry_the_callers_trace_id(pb, tmp_path):
    srv = Server(tmp_path / "logs", demo=False, extra=["--log-format", "json", "--log-level", "debug"])
    srv.start()
    try:
        api = pb.catalogue_grpc.CatalogueServiceStub(grpc.insecure_channel(srv.address))
        api.ListVillages(pb.catalogue.ListVillagesRequest(), metadata=(("traceparent", f"00-{TRACE}-00f067aa0ba902b7-01"),))
        invalid = "00-" + "0" * 32 + "-00f067aa0ba902b7-01"
        api.ListVillages(pb.catalogue.ListVillagesRequest(), metadata=(("traceparent", invalid),))
    finally:
        srv.stop()
    records = lines(srv)
    for record in records:
        assert set(record) >= {"time", "level", "label", "message", "metadata"}, record
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", record["time"])
    calls = [r["metadata"] for r in records if r["message"] == "call"
             and r["metadata"].get("method") == "/craft.catalogue.v1.CatalogueService/ListVillages"]
    assert len(calls) == 2, records
    assert calls[0]["trace-id"] == TRACE and calls[0]["status"] == "OK"
    assert calls[1]["trace-id"] not in (TRACE, "0" * 32) and re.fullmatch(r"[0-9a-f]{32}", calls[1]["trace-id"])
    assert calls[1]["status"] == "OK"
    assert all(re.fullmatch(r"[0-9a-f]{16}", c["span-id"]) for c in calls)


def test_craftd_health_exit_status(tmp_path):
    srv = Server(tmp_path / "health", demo=False, extra=["--services", "catalogue"])
    srv.start()
    try:
        def health(*args):
            return subprocess.run([CRAFTD, "health", *args], capture_output=True, text=True, cwd=ROOT, timeout=60)

        ok = health("--addr", srv.address, "--service", "craft.catalogue.v1.CatalogueService")
        assert ok.returncode == 0 and "SERVING" in ok.stdout, ok.stdout + ok.stderr
        assert health("--addr", srv.address).returncode == 0
        # A service this process does not run, and an address nobody listens on.
        assert health("--addr", srv.address, "--service", "craft.orders.v1.OrdersService").returncode == 1
        assert health("--addr", f"127.0.0.1:{free_port()}", "--timeout", "2").returncode == 1
    finally:
        srv.stop()
