#!/usr/bin/env python3
"""Helpers for Deploy/bench/rpc.sh (run with the project's .venv python: grpcio, grpcio-tools).

  grpc_bench.py bodies OUTDIR            write the gRPC-framed request bodies h2load sends
  grpc_bench.py check HOST:PORT OUTDIR   one grpcio call per workload; exit 1 unless status OK
                                         and the response payload has the asked-for size
  grpc_bench.py latency LOGFILE          p50 p99 (ms) from an h2load --log-file
  grpc_bench.py nghttp-check FILE        exit 1 unless an `nghttp -v` transcript shows an HTTP
                                         200 and a trailer grpc-status: 0
The message classes come from /usr/share/grpc-proto/grpc/testing/*.proto, compiled into OUTDIR
with grpcio-tools' protoc, so the bodies are what a real client would send.
"""
import os
import re
import struct
import sys

PROTO_ROOT = "/usr/share/grpc-proto"
# name -> (method path, response_size); payload of the same size goes into the request.
WORKLOADS = {
    "empty": ("/grpc.testing.TestService/EmptyCall", None),
    "unary-100B": ("/grpc.testing.TestService/UnaryCall", 100),
    "unary-4KiB": ("/grpc.testing.TestService/UnaryCall", 4096),
}


def load_protos(outdir):
    from grpc_tools import protoc
    import grpc_tools

    gen = os.path.join(outdir, "py")
    os.makedirs(gen, exist_ok=True)
    include = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    protos = ["grpc/testing/empty.proto", "grpc/testing/messages.proto"]
    if not os.path.exists(os.path.join(gen, "grpc", "testing", "messages_pb2.py")):
        rc = protoc.main(["protoc", f"-I{PROTO_ROOT}", f"-I{include}", f"--python_out={gen}", *protos])
        if rc != 0:
            sys.exit(f"grpc_bench.py: protoc failed ({rc})")
    # Loaded by file path: the package name `grpc` is grpcio's own.
    import importlib.util

    def load(stem):
        path = os.path.join(gen, "grpc", "testing", f"{stem}.py")
        spec = importlib.util.spec_from_file_location(f"bench_{stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load("empty_pb2"), load("messages_pb2")


def request_message(name, empty_pb2, messages_pb2):
    _, size = WORKLOADS[name]
    if size is None:
        return empty_pb2.Empty()
    return messages_pb2.SimpleRequest(
        response_size=size, payload=messages_pb2.Payload(body=bytes(size)))


def frame(message_bytes):
    return struct.pack(">BI", 0, len(message_bytes)) + message_bytes


def cmd_bodies(outdir):
    empty_pb2, messages_pb2 = load_protos(outdir)
    for name in WORKLOADS:
        body = frame(request_message(name, empty_pb2, messages_pb2).SerializeToString())
        with open(os.path.join(outdir, f"{name}.body"), "wb") as f:
            f.write(body)
        print(f"{name}.body {len(body)} bytes", file=sys.stderr)


def cmd_check(target, outdir):
    import grpc

    empty_pb2, messages_pb2 = load_protos(outdir)
    ok = True
    with grpc.insecure_channel(target) as channel:
        for name, (path, size) in WORKLOADS.items():
            response_type = empty_pb2.Empty if size is None else messages_pb2.SimpleResponse
            call = channel.unary_unary(
                path, request_serializer=lambda m: m.SerializeToString(),
                response_deserializer=response_type.FromString)
            try:
                response, rpc = call.with_call(
                    request_message(name, empty_pb2, messages_pb2), timeout=10)
            except grpc.RpcError as error:
                print(f"  {target} {name}: FAILED {error.code()} {error.details()}", file=sys.stderr)
                ok = False
                continue
            got = None if size is None else len(response.payload.body)
            good = rpc.code() == grpc.StatusCode.OK and got == size
            ok &= good
            print(f"  {target} {name}: grpc-status {rpc.code().value[0]}"
                  + ("" if size is None else f", payload {got} B")
                  + ("" if good else "  <-- WRONG"), file=sys.stderr)
    sys.exit(0 if ok else 1)


def cmd_latency(logfile):
    durations = []
    with open(logfile) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3:
                durations.append(int(parts[2]))
    if not durations:
        print("- -")
        return
    durations.sort()

    def pct(p):
        return durations[min(len(durations) - 1, int(p / 100.0 * len(durations)))] / 1000.0

    print(f"{pct(50):.3f} {pct(99):.3f}")


def cmd_nghttp_check(path):
    text = open(path, errors="replace").read()
    status = re.search(r"recv \(stream_id=\d+\) :status: (\d+)", text)
    grpc_status = re.findall(r"recv \(stream_id=\d+\) grpc-status: (\d+)", text)
    ok = status is not None and status.group(1) == "200" and grpc_status == ["0"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    cmd, *args = sys.argv[1:] or ["help"]
    if cmd == "bodies":
        cmd_bodies(*args)
    elif cmd == "check":
        cmd_check(*args)
    elif cmd == "latency":
        cmd_latency(*args)
    elif cmd == "nghttp-check":
        cmd_nghttp_check(*args)
    else:
        sys.exit(__doc__)
