#!/usr/bin/env python3
"""Soak: craftd under mixed load for MINUTES (default 10), printing its resident memory, open
file descriptors and threads over time (issue 8, item 6). Nothing may crash, and memory and
descriptors must level off: the script ends with each one's growth over the second half of the
run and exits 1 when the server died, answered INTERNAL/UNKNOWN, or kept growing (RSS by more
than 10 % or 32 MiB over the second half, descriptors by more than 16).

The load, all at once, on `craftd serve --demo`:
  search    4 callers of SearchListings (with facets every fourth call)
  read      2 callers of GetListing on ids the searches found
  write     1 producer creating listings and updating each once (durable writes, feed events)
  watch     an admin opening WatchChanges, reading a few events, cancelling, again (stream churn)
  connect   a new connection per call, closed after it, every 50 ms (connection churn)
  garbage   malformed request bytes to SearchListings every 50 ms (must be INVALID_ARGUMENT)

    .venv/bin/python Deploy/bench/soak.py [--minutes 10] [--interval 30]
CRAFTD=.build/release/craftd selects the binary (default .build/debug/craftd).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import grpc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "Tests" / "E2ESupport"))
from craftd_e2e import CRAFTD, Server, bearer, generate_stubs  # noqa: E402

QUERIES = ["basket", "may tre dan", "gom bat trang", "silk scarf", "huong", "son mai", "lamp"]
BAD_STATUSES = {grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN}


def process_figures(pid: int) -> tuple[float, int, int]:
    """RSS in MiB, open descriptors, threads of `pid`."""
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    rss = int(fields["VmRSS"].split()[0]) / 1024
    return rss, len(os.listdir(f"/proc/{pid}/fd")), int(fields["Threads"])


class Load:
    def __init__(self, pb, server: Server, producer_token: str, admin_token: str):
        self.pb, self.server = pb, server
        self.producer = bearer(producer_token)
        self.admin = bearer(admin_token)
        self.calls: dict[str, int] = {}
        self.bad: list[str] = []
        self.listing_ids: list[str] = []
        self.running = True

    def count(self, kind: str):
        self.calls[kind] = self.calls.get(kind, 0) + 1

    def check(self, kind: str, error: grpc.aio.AioRpcError, allowed=()):
        if error.code() in BAD_STATUSES or (allowed and error.code() not in allowed):
            self.bad.append(f"{kind}: {error.code().name} {error.details()}")

    async def search(self, stub, seed: int):
        n = seed
        while self.running:
            n += 1
            request = self.pb.catalogue.SearchListingsRequest(
                query=QUERIES[n % len(QUERIES)], page_size=20, include_facets=n % 4 == 0)
            try:
                found = await stub.SearchListings(request, timeout=30)
                if len(self.listing_ids) < 500:
                    self.listing_ids.extend(hit.listing.id for hit in found.hits)
                self.count("search")
            except grpc.aio.AioRpcError as error:
                self.check("search", error)

    async def read(self, stub):
        while self.running:
            if not self.listing_ids:
                await asyncio.sleep(0.1)
                continue
            try:
                await stub.GetListing(self.pb.catalogue.GetListingRequest(
                    id=random.choice(self.listing_ids)), timeout=30)
                self.count("read")
            except grpc.aio.AioRpcError as error:
                self.check("read", error, allowed={grpc.StatusCode.NOT_FOUND})

    async def write(self, stub):
        c, cat = self.pb.common, self.pb.catalogue
        n = 0
        while self.running:
            n += 1
            listing = cat.Listing(
                sku=f"SOAK-{n}", title=c.LocalizedText(vi=f"Giỏ mây thử tải {n}", en=f"Soak basket {n}"),
                category=c.CRAFT_CATEGORY_RATTAN_BAMBOO, hs_code="4602.12", materials=["mây"],
                unit=c.QUANTITY_UNIT_PIECE, moq=100, lead_time_days=30, monthly_capacity=2000,
                price_tiers=[cat.PriceTier(min_quantity=100, unit_price=c.Money(amount_minor=500, currency_code="USD"))])
            try:
                created = await stub.CreateListing(cat.CreateListingRequest(listing=listing),
                                                   metadata=self.producer, timeout=30)
                created.moq = 120
                await stub.UpdateListing(cat.UpdateListingRequest(listing=created, expected_version=created.version),
                                         metadata=self.producer, timeout=30)
                self.count("write")
            except grpc.aio.AioRpcError as error:
                self.check("write", error)
            await asyncio.sleep(0.05)

    async def watch(self, stub):
        while self.running:
            call = stub.WatchChanges(self.pb.catalogue.WatchChangesRequest(after_seq=0), metadata=self.admin)
            try:
                received = 0
                async for _ in call:
                    received += 1
                    if received >= 20:
                        break
                self.count("watch")
            except grpc.aio.AioRpcError as error:
                self.check("watch", error, allowed={grpc.StatusCode.CANCELLED})
            finally:
                call.cancel()
            await asyncio.sleep(0.2)

    async def connect(self):
        while self.running:
            async with grpc.aio.insecure_channel(self.server.address) as channel:
                stub = self.pb.catalogue_grpc.CatalogueServiceStub(channel)
                try:
                    await stub.ListVillages(self.pb.catalogue.ListVillagesRequest(page_size=5), timeout=30)
                    self.count("connect")
                except grpc.aio.AioRpcError as error:
                    self.check("connect", error)
            await asyncio.sleep(0.05)

    async def garbage(self, channel):
        call = channel.unary_unary("/craft.catalogue.v1.CatalogueService/SearchListings",
                                   request_serializer=None, response_deserializer=None)
        while self.running:
            body = bytes(random.getrandbits(8) for _ in range(random.randint(1, 64)))
            try:
                await call(body, timeout=30)
                self.count("garbage-accepted")  # random bytes can be a valid message
            except grpc.aio.AioRpcError as error:
                self.check("garbage", error, allowed={grpc.StatusCode.INVALID_ARGUMENT})
                self.count("garbage")
            await asyncio.sleep(0.05)


async def soak(pb, server: Server, minutes: float, interval: float) -> list[tuple]:
    load = Load(pb, server, server.token("producer", "p-soak"), server.token("admin"))
    samples = []
    async with grpc.aio.insecure_channel(server.address) as channel:
        stub = pb.catalogue_grpc.CatalogueServiceStub(channel)
        await stub.CreateProducer(pb.catalogue.CreateProducerRequest(producer=pb.catalogue.Producer(
            kind=pb.catalogue.Producer.KIND_HOUSEHOLD, village_id="vlg-ninh-so",
            name=pb.common.LocalizedText(vi="Hộ thử tải", en="Soak household"))), metadata=load.producer)
        tasks = [asyncio.create_task(t) for t in
                 [load.search(stub, i) for i in range(4)] + [load.read(stub) for _ in range(2)]
                 + [load.write(stub), load.watch(stub), load.connect(), load.garbage(channel)]]
        started = time.monotonic()
        print(f"{'minute':>6} {'RSS MiB':>8} {'fds':>5} {'threads':>7}  calls so far")
        while True:
            if server.proc.poll() is not None:
                load.bad.append(f"craftd exited with {server.proc.returncode}")
                break
            rss, fds, threads = process_figures(server.proc.pid)
            elapsed = (time.monotonic() - started) / 60
            samples.append((elapsed, rss, fds, threads))
            print(f"{elapsed:>6.1f} {rss:>8.1f} {fds:>5} {threads:>7}  {dict(sorted(load.calls.items()))}",
                  flush=True)
            if elapsed >= minutes:
                break
            await asyncio.sleep(interval)
        load.running = False
        await asyncio.wait(tasks, timeout=60)
    return samples, load


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--interval", type=float, default=30, help="seconds between samples")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "stubs").mkdir()
        pb = generate_stubs(Path(tmp) / "stubs", ["catalogue"])
        server = Server(Path(tmp) / "data", demo=True)
        server.start()
        print(f"craftd: {CRAFTD} (pid {server.proc.pid}), {args.minutes} minutes of mixed load")
        try:
            samples, load = asyncio.run(soak(pb, server, args.minutes, args.interval))
        finally:
            if server.proc is not None and server.proc.poll() is None:
                server.stop()
    half = [s for s in samples if s[0] >= samples[-1][0] / 2]
    rss_growth = half[-1][1] - half[0][1]
    fd_growth = half[-1][2] - half[0][2]
    print(f"second half: RSS {half[0][1]:.1f} → {half[-1][1]:.1f} MiB ({rss_growth:+.1f}), "
          f"descriptors {half[0][2]} → {half[-1][2]} ({fd_growth:+d}), peak RSS {max(s[1] for s in samples):.1f} MiB")
    failures = list(load.bad[:20])
    if rss_growth > max(32, 0.10 * half[0][1]):
        failures.append(f"RSS kept growing: {rss_growth:+.1f} MiB over the second half")
    if fd_growth > 16:
        failures.append(f"descriptors kept growing: {fd_growth:+d} over the second half")
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures) + (f"\n  … {len(load.bad)} bad answers" if load.bad else ""))
        sys.exit(1)
    print("OK: no crash, no INTERNAL/UNKNOWN, memory and descriptors level")


if __name__ == "__main__":
    main()
