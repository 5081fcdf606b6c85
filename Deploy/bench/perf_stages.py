#!/usr/bin/env python3
"""Groups the cpu-clock samples of one process (`perf script` output on stdin) by the stage of
a call they were taken in, for Deploy/bench/orders.sh PERF=1.

  perf script -i FILE | perf_stages.py CALLS [HZ]

A sample goes to the stage of the innermost frame of its stack that belongs to one (frames of
libc, the Swift runtime and most of the kernel belong to none), so a malloc is charged to the
code that called it and a socket write to NIO. libsqlite3 and libc have no frame pointers, so
their samples often carry no caller: SQLite still counts by its library; a bare malloc or
memcpy lands in "other". Prints each stage's share and its CPU microseconds per call
(samples / HZ / CALLS; HZ is perf's default 4000).
"""
import re
import sys
from collections import Counter

# (stage, pattern on "symbol (library)" of one frame); the first stage that matches wins.
STAGES = [
    ("writer: fsync (kernel)", r"^\S*(fdatasync|fsync)\b"),
    ("writer: WAL and checkpoint reads/writes (kernel)", r"^\S*(pwrite|pread)"),
    ("SQLite (writer and readers)", r"libsqlite3"),
    ("orders rows: OrdersWriter, OrdersStore", r"^\$s6Orders(0A6Writer|0A5Store|6Stored)"),
    ("catalogue rows: CatalogueStore, listing decode", r"^\$s9Catalogue(0A5Store|13StoredListing)"),
    ("storage: group commit, statements, reader pool", r"^\$s7Storage"),
    ("RPC client: ListingBatcher, client calls and streams",
     r"^\$s(6Orders14ListingBatcher|8RPCHTTP2\d+(GRPCClient|HTTP2Client)|7RPCCore9RPCClient)"),
    ("service code: auth, drafting, messages",
     r"^\$s(6Orders|9OrdersAPI|9Catalogue|12CatalogueAPI|4Auth|9CommonAPI|9ProtoWire)"),
    ("RPC server and HTTP/2: RPCCore, RPCHTTP2, nghttp2", r"^\$s(8RPCHTTP2|7RPCCore)|libnghttp2"),
    ("NIO: sockets, epoll", r"^\$s(8NIOPosix|7NIOCore)"),
    ("Swift concurrency, dispatch", r"swift_job|swift_task|libswift_Concurrency|libdispatch"),
    ("kernel: scheduling", r"^(finish_task_switch|__schedule)"),
]


COMPILED = [(name, re.compile(pattern)) for name, pattern in STAGES]


def main() -> None:
    calls = float(sys.argv[1])
    hz = float(sys.argv[2]) if len(sys.argv) > 2 else 4000.0
    counts: Counter[str] = Counter()
    total = 0
    stack: list[str] = []

    def flush() -> None:
        nonlocal total
        if not stack:
            return
        total += 1
        for frame in stack:
            for name, pattern in COMPILED:
                if pattern.search(frame):
                    counts[name] += 1
                    return
        counts["other (malloc, memcpy, runtime without a caller)"] += 1

    for line in sys.stdin:
        if not line.strip():
            flush()
            stack = []
        elif line[0] in " \t":
            # "ADDRESS SYMBOL+OFFSET (LIBRARY)" -> "SYMBOL (LIBRARY)"
            parts = line.split(None, 1)
            stack.append(re.sub(r"\+0x[0-9a-f]+ ", " ", parts[1] if len(parts) > 1 else ""))
    flush()
    if total == 0:
        print("  no samples")
        return
    print(f"  {total / hz:.2f} s of CPU sampled, {total / hz / calls * 1e6:.0f} us per call")
    for name, n in counts.most_common():
        print(f"  {n / total * 100:5.1f}%  {n / hz / calls * 1e6:6.1f} us  {name}")


if __name__ == "__main__":
    main()
