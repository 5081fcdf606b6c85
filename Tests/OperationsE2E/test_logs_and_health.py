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
    assert calls[1]["status"] == "OK" and "parent-id" not in calls[1]
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


def test_a_trace_crosses_from_orders_to_a_catalogue_in_another_process(pb, tmp_path):
    """Orders in one process validates a CreateOrder against the catalogue of another over
    HTTP/2: the catalogue's log line for that call names the buyer's trace id, with the orders
    call's span as its parent (the orders process logged that span)."""
    auth = tmp_path / "auth"
    json_logs = ["--log-format", "json", "--log-level", "debug"]
    catalogue = Server(tmp_path / "catalogue", demo=True, extra=["--services", "catalogue", *json_logs],
                       auth_dir=auth)
    catalogue.start()
    orders = Server(tmp_path / "orders", demo=False, auth_dir=auth,
                    extra=["--services", "orders", "--catalogue-addr", catalogue.address, *json_logs])
    try:
        orders.start()
        page = pb.catalogue_grpc.CatalogueServiceStub(grpc.insecure_channel(catalogue.address)).ListListings(
            pb.catalogue.ListListingsRequest(page_size=50))
        listing = next(x for x in page.listings if any(t.unit_price.currency_code == "USD" for t in x.price_tiers))
        o = pb.orders
        buyer = (("authorization", f"Bearer {orders.token('buyer', 'b-trace')}"),
                 ("traceparent", f"00-{TRACE}-00f067aa0ba902b7-01"))
        pb.orders_grpc.OrdersServiceStub(grpc.insecure_channel(orders.address)).CreateOrder(
            o.CreateOrderRequest(request_id="trace-1", items=o.OrderItems(
                items=[o.OrderItem(listing_id=listing.id, quantity=max(listing.moq, 1))])), metadata=buyer)
    finally:
        orders.stop()
        catalogue.stop()
    created = [r["metadata"] for r in lines(orders) if r["message"] == "call"
               and r["metadata"].get("method") == "/craft.orders.v1.OrdersService/CreateOrder"]
    assert len(created) == 1 and created[0]["trace-id"] == TRACE, created
    validated = [r["metadata"] for r in lines(catalogue) if r["message"] == "call"
                 and r["metadata"].get("trace-id") == TRACE]
    assert validated, "the catalogue logged no call of the buyer's trace"
    assert {m["method"] for m in validated} <= {"/craft.catalogue.v1.CatalogueService/BatchGetListings",
                                                "/craft.catalogue.v1.CatalogueService/GetListing"}
    assert created[0]["parent-id"] == "00f067aa0ba902b7"
    assert all(m["parent-id"] == created[0]["span-id"] for m in validated), (validated, created)
    assert all(m["span-id"] != created[0]["span-id"] for m in validated), "each call has its own span"
