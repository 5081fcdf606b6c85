#!/usr/bin/env python3
"""Overload: what happens when more calls arrive than craftd can serve (issue 8, item 5).

Runs one workload — catalogue SearchListings with facets on the demo data, a call that costs
the server real work — against two craftd processes started here: one with a call limit
(--max-concurrent-calls, default 16) and one without (limit 1,000,000). For each:

  1. calm      CALM concurrent callers, CALM_SECONDS: the baseline p50/p99
  2. overload  STORM concurrent callers, STORM_SECONDS: far more than the server can serve
  3. calm      again: does it recover?

and prints, per phase, calls answered OK, calls shed (RESOURCE_EXHAUSTED), other errors, OK
calls per second and the p50/p99 latency of OK calls, with the overload p99 as a ratio of the
calm p99 measured in the same run. With shedding, admitted calls keep a bounded latency
(about limit ÷ throughput); without it, every call waits behind all the others.

A shed caller backs off 20 ms before its next call, as the status message asks; a client that
retried at once would only burn both sides' CPU.

    .venv/bin/python Deploy/bench/overload.py [--limit 16] [--storm 300]
CRAFTD=.build/release/craftd selects the binary (default .build/debug/craftd).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

import grpc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "Tests" / "E2ESupport"))
from craftd_e2e import CRAFTD, Server, generate_stubs  # noqa: E402

QUERIES = ["basket", "may tre dan", "ceramic vase", "silk scarf", "incense", "lacquer", "bamboo"]


async def phase(stub, pb, callers: int, seconds: float) -> dict:
    latencies: list[float] = []
    counts = {"ok": 0, "shed": 0, "other": 0}
    others: dict[str, int] = {}
    stop = time.monotonic() + seconds

    async def caller(index: int):
        n = index
        while time.monotonic() < stop:
            request = pb.catalogue.SearchListingsRequest(
                query=QUERIES[n % len(QUERIES)], page_size=20, include_facets=True)
            n += 1
            started = time.monotonic()
            try:
                await stub.SearchListings(request, timeout=30)
                latencies.append(time.monotonic() - started)
                counts["ok"] += 1
            except grpc.aio.AioRpcError as error:
                if error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED:
                    counts["shed"] += 1
                    await asyncio.sleep(0.02)
                else:
                    counts["other"] += 1
                    others[error.code().name] = others.get(error.code().name, 0) + 1

    started = time.monotonic()
    await asyncio.gather(*(caller(i) for i in range(callers)))
    elapsed = time.monotonic() - started
    latencies.sort()

    def quantile(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")

    return {**counts, "others": others, "rate": counts["ok"] / elapsed,
            "p50": quantile(0.50), "p99": quantile(0.99)}


async def run_server(pb, data_dir: Path, limit: int, args) -> list[tuple[str, dict]]:
    server = Server(data_dir, demo=True, extra=["--max-concurrent-calls", str(limit)])
    server.start()
    try:
        async with grpc.aio.insecure_channel(server.address) as channel:
            stub = pb.catalogue_grpc.CatalogueServiceStub(channel)
            await phase(stub, pb, 2, 2)  # warm the caches
            results = [("calm", await phase(stub, pb, args.calm, args.calm_seconds)),
                       ("overload", await phase(stub, pb, args.storm, args.storm_seconds)),
                       ("calm again", await phase(stub, pb, args.calm, args.calm_seconds))]
    finally:
        server.stop()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=16, help="--max-concurrent-calls of the shedding server")
    parser.add_argument("--calm", type=int, default=2, help="callers in the calm phases")
    parser.add_argument("--storm", type=int, default=300, help="callers in the overload phase")
    parser.add_argument("--calm-seconds", type=float, default=10)
    parser.add_argument("--storm-seconds", type=float, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "stubs").mkdir()
        pb = generate_stubs(Path(tmp) / "stubs", ["catalogue"])
        print(f"craftd: {CRAFTD}; SearchListings with facets on the demo catalogue; "
              f"calm {args.calm} callers, overload {args.storm} callers")
        print(f"{'server':<22} {'phase':<11} {'ok':>7} {'shed':>7} {'other':>6} {'ok/s':>8} "
              f"{'p50 ms':>8} {'p99 ms':>9} {'p99 ÷ calm':>10}")
        for label, limit in [(f"limit {args.limit}", args.limit), ("no limit", 1_000_000)]:
            results = asyncio.run(run_server(pb, Path(tmp) / label.replace(" ", "-"), limit, args))
            calm_p99 = results[0][1]["p99"]
            for name, r in results:
                print(f"{label:<22} {name:<11} {r['ok']:>7} {r['shed']:>7} {r['other']:>6} "
                      f"{r['rate']:>8.1f} {r['p50']:>8.1f} {r['p99']:>9.1f} {r['p99'] / calm_p99:>10.1f}"
                      + (f"  {r['others']}" if r["others"] else ""))


if __name__ == "__main__":
    main()
