#!/usr/bin/env python3
"""Summarises a callgrind profile of craftd (Deploy/bench/profile.sh) by where the time goes.

  callgrind_groups.py CALLGRIND_OUT [REQUESTS] [TOP]

Reads `callgrind_annotate` (self and inclusive) for CALLGRIND_OUT, demangles Swift names with
`swift demangle`, and prints:
  * self cost (instructions) per group -- nghttp2, SwiftNIO, Swift concurrency / task hops,
    our RPCHTTP2 / RPCCore / service code, allocation, reference counting, other Swift runtime,
    memcpy & co., other libc, the rest -- with instructions per request when REQUESTS is given;
  * the TOP functions by self cost and by inclusive cost, each tagged with its group.
"""
import re
import subprocess
import sys

GROUPS = [
    ("nghttp2", lambda f, o: "nghttp2" in f or "libnghttp2" in o),
    ("allocation (malloc/free, swift_alloc/dealloc)", lambda f, o: re.search(
        r"(^|[^a-z])(malloc|free|calloc|realloc|_int_malloc|_int_free|_int_realloc|"
        r"malloc_consolidate|tcache_\w+|unlink_chunk|swift_allocObject|swift_deallocObject|"
        r"swift_slowAlloc|swift_slowDealloc|swift_deallocClassInstance|swift_allocBox|"
        r"swift_deallocBox|swift_task_alloc\w*|swift_task_dealloc\w*|_swift_stdlib_malloc_size|"
        r"malloc_usable_size|swift_deallocUninitializedObject|cfree)\b", f) is not None),
    ("refcounting (swift_retain/release, ARC)", lambda f, o: re.search(
        r"RefCounts|swift_(non)?atomic_?\w*(retain|release)|swift_(retain|release|bridgeObjectRetain|"
        r"bridgeObjectRelease|unknownObjectRetain|unknownObjectRelease|weak\w*|unownedRetain\w*|"
        r"unownedRelease\w*|isUniquelyReferenced\w*)|_swift_release_dealloc|outlined (copy|destroy|"
        r"retain|release|consume)", f) is not None),
    ("exclusivity checks (swift_beginAccess/endAccess)", lambda f, o: re.search(
        r"swift_beginAccess|swift_endAccess|AccessSet|SwiftTLSContext|__tls_get_addr", f) is not None),
    ("Swift runtime: generic metadata / casts / witness lookups", lambda f, o: re.search(
        r"swift_getGenericMetadata|_swift_getGenericMetadata|MetadataCacheKey|swift_getWitnessTable|"
        r"swift_conformsToProtocol|swift_dynamicCast|swift_getTypeByMangledName|"
        r"__swift_instantiateConcreteTypeFromMangledName|swift_checkMetadataState|getCache|"
        r"swift_getAssociatedTypeWitness|swift_getAssociatedConformanceWitness|"
        r"ConcurrentReadableHashMap|swift_getTupleTypeMetadata|swift_getFunctionTypeMetadata", f) is not None),
    ("Swift concurrency / task hops", lambda f, o: "libswift_Concurrency" in o or "libdispatch" in o
     or re.search(r"swift_task_|swift_job_|swift_continuation_|swift::|dispatch_|_dispatch_|"
                  r"swift_asyncLet|swift_taskGroup|swift_defaultActor|(Checked|Unsafe)Continuation|"
                  r"AsyncStream|withTaskGroup|withThrowingTaskGroup|Task\.|TaskGroup", f) is not None),
    ("SwiftNIO", lambda f, o: re.search(
        r"^\$s\d+_?NIO|\bNIO\w*\.|\b_NIO\w*\.|CNIOLinux|CNIOPosix|CNIOAtomics|c_nio_", f) is not None),
    ("ours: RPCHTTP2", lambda f, o: re.search(r"^\$s8RPCHTTP2|RPCHTTP2\.", f) is not None),
    ("ours: RPCCore", lambda f, o: re.search(r"^\$s7RPCCore|RPCCore\.", f) is not None),
    ("ours: services / ProtoWire / craftd", lambda f, o: re.search(
        r"^\$s(14InteropService|10InteropAPI|9ProtoWire|19RPCStandardServices|6craftd)|"
        r"\b(InteropService|InteropAPI|ProtoWire|RPCStandardServices|craftd)\.", f) is not None),
    ("memcpy / memmove / memset", lambda f, o: re.search(
        r"mem(cpy|move|set|cmp)|__memcpy|__memmove|__memset|__memcmp", f) is not None),
    ("Swift runtime (metadata, casts, generics)", lambda f, o: "libswiftCore" in o
     or f.startswith("swift_") or "Swift." in f),
    ("Foundation", lambda f, o: "Foundation" in o or "Foundation." in f),
    ("libc / kernel entry (syscall wrappers, locks)", lambda f, o: "libc.so" in o
     or "ld-linux" in o or "libpthread" in o),
]


def classify(function, obj):
    for name, test in GROUPS:
        if test(function, obj):
            return name
    return "other"


LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*?)(?:\s+\[(.*)\])?\s*$")


def annotate(path, inclusive):
    args = ["callgrind_annotate", "--threshold=100", f"--inclusive={'yes' if inclusive else 'no'}", path]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    try:
        text = subprocess.run(["swift", "demangle", "--simplified"], input=text,
                              capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pass
    total = None
    rows = []
    for line in text.splitlines():
        m = re.match(r"^\s*([\d,]+).*PROGRAM TOTALS", line)
        if m:
            total = int(m.group(1).replace(",", ""))
            continue
        m = LINE.match(line)
        if not m or ":" not in m.group(2):
            continue
        cost = int(m.group(1).replace(",", ""))
        location = m.group(2)
        function = location.split(":", 1)[1] if location.startswith(("???:", "/")) or ":" in location[:200] else location
        rows.append((cost, function.strip(), m.group(3) or ""))
    return total, rows


CALLS = {}  # callee -> number of calls, filled by self_costs
COUNTED = ["malloc", "free", "swift_allocObject", "swift_retain", "swift_release",
           "swift_beginAccess", "swift_task_alloc", "swift_task_switch", "swift_task_create",
           "swift_task_enqueueGlobal", "swift_continuation_init", "swift_continuation_resume",
           "$ss6HasherV5_hash4seed5bytes5countS2i_SVSitFZ",
           "nghttp2_session_mem_recv", "nghttp2_session_mem_send", "nghttp2_submit_response",
           "nghttp2_submit_trailer", "nghttp2_submit_headers", "nghttp2_submit_data"]


def self_costs(path):
    """Self cost per (mangled function, object), parsed from the callgrind file itself:
    callgrind_annotate 3.19 printed inclusive-looking figures for a callgrind_control dump."""
    names = {"fn": {}, "ob": {}}
    costs = {}
    fn = ob = cfn = None
    after_calls = False
    ref = re.compile(r"^(fn|cfn|ob|cob|fl|fi|fe|cfi|cfl)=\((\d+)\)(?: (.*))?$")
    with open(path, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            m = ref.match(line)
            if m:
                kind, ident, name = m.groups()
                space = "fn" if kind in ("fn", "cfn") else "ob" if kind in ("ob", "cob") else None
                if space and name is not None:
                    names[space][ident] = name
                if kind == "fn":
                    fn = names["fn"].get(ident, ident)
                elif kind == "cfn":
                    cfn = names["fn"].get(ident, ident)
                elif kind == "ob":
                    ob = names["ob"].get(ident, ident)
                continue
            if line.startswith("calls="):
                after_calls = True
                CALLS[cfn] = CALLS.get(cfn, 0) + int(line[6:].split()[0])
                continue
            if line and (line[0].isdigit() or line[0] in "+-*"):
                if after_calls:
                    after_calls = False
                    continue
                parts = line.split()
                if len(parts) >= 2 and fn is not None:
                    key = (fn, ob or "")
                    costs[key] = costs.get(key, 0) + int(parts[-1])
    return costs


def demangle(names):
    try:
        out = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(names),
                             capture_output=True, text=True, check=True).stdout.splitlines()
        if len(out) == len(names):
            return dict(zip(names, out))
    except (OSError, subprocess.CalledProcessError):
        pass
    return {n: n for n in names}


def short(name, width=110):
    return name if len(name) <= width else name[: width - 1] + "…"


def main():
    path = sys.argv[1]
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    costs = self_costs(path)
    total = sum(costs.values())
    readable = demangle(sorted({fn for fn, _ in costs}))
    # Classify on the mangled name (its module prefix: $s8RPCHTTP2..., $s7NIOCore...) and on the
    # demangled one; show the demangled one.
    self_rows = sorted(((c, fn, ob) for (fn, ob), c in costs.items()), reverse=True)
    _, incl_rows = annotate(path, inclusive=True)

    groups = {}
    for cost, function, obj in self_rows:
        g = classify(function + " " + readable.get(function, ""), obj)
        groups[g] = groups.get(g, 0) + cost
    print(f"Total: {total:,} instructions" + (f" for {requests:,} requests = {total / requests:,.0f} per request" if requests else ""))
    print()
    print(f"| {'group (self cost)':<46} | {'instructions':>14} | {'share':>6} |" + (f" {'per request':>11} |" if requests else ""))
    print(f"|{'-' * 48}|{'-' * 16}|{'-' * 8}|" + (f"{'-' * 13}|" if requests else ""))
    for g, cost in sorted(groups.items(), key=lambda kv: -kv[1]):
        row = f"| {g:<46} | {cost:>14,} | {100 * cost / total:5.1f}% |"
        if requests:
            row += f" {cost / requests:>11,.0f} |"
        print(row)
    if requests:
        print()
        print("Calls per request (runtime entry points; a function's own recursion counted once):")
        for name in COUNTED:
            count = sum(v for k, v in CALLS.items() if k == name or k.startswith(name + "'"))
            if count:
                print(f"  {readable.get(name, name) if name.startswith('$') else name:<32} {count / requests:8.1f}")
    print()
    print(f"Top {top} by self cost:")
    for cost, function, obj in self_rows[:top]:
        name = readable.get(function, function)
        print(f"  {100 * cost / total:5.1f}%  {short(name)}  [{classify(function + ' ' + name, obj)}]")
    print()
    print(f"Top {top} by inclusive cost (async frames make callers' inclusive costs approximate):")
    for cost, function, obj in incl_rows[:top]:
        print(f"  {100 * cost / total:5.1f}%  {short(function)}")


if __name__ == "__main__":
    main()
