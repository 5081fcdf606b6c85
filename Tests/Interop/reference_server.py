#!/usr/bin/env python3
"""Reference implementation of grpc.testing.TestService (+ health + reflection) on Python grpcio.

Only for developing and validating the interop suite in this directory before craftd serves the same
thing; it follows grpc/grpc doc/interop-test-descriptions.md ("Server" section). Stubs are compiled
from the upstream protos at start-up (see upstream_protos.py).

    python Tests/Interop/reference_server.py --port 50051 [--host 127.0.0.1]

Runs until SIGTERM/SIGINT, then stops gracefully (in-flight calls get a grace period) and exits 0.

How CompressedRequest (`expect_compressed`) is checked: a grpcio server never sees the per-message
"compressed" flag (C-core decompresses and drops it, and strips `grpc-encoding` from the metadata).
So the public port is a small TCP relay in front of the grpcio server on an internal port; the relay
parses the client's HTTP/2 DATA frames passively (no HPACK needed), records for every request message
its compressed flag, keyed by (relay connection, SHA-256 of the uncompressed message), and the
servicer looks the flag up by re-serialising the message it got. Identical messages on one
connection are matched first-in first-out. The relay forwards bytes unchanged in both directions.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from concurrent import futures
from pathlib import Path

import grpc

sys.path.insert(0, str(Path(__file__).resolve().parent))
import upstream_protos  # noqa: E402

ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"

log = logging.getLogger("reference_server")


# --- compressed-flag sniffing relay ---------------------------------------------------------------

_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
_FRAME_DATA = 0x0
_FLAG_PADDED = 0x8


class FlagLedger:
    """(relay connection port, sha256(uncompressed message)) -> FIFO of compressed flags."""

    def __init__(self):
        self._lock = threading.Lock()
        self._flags: dict[tuple[int, bytes], list[bool]] = {}

    def record(self, conn_port: int, message: bytes, compressed: bool):
        key = (conn_port, hashlib.sha256(message).digest())
        with self._lock:
            self._flags.setdefault(key, []).append(compressed)

    def take(self, conn_port: int, message: bytes) -> bool | None:
        key = (conn_port, hashlib.sha256(message).digest())
        with self._lock:
            q = self._flags.get(key)
            if not q:
                return None
            flag = q.pop(0)
            if not q:
                del self._flags[key]
            return flag

    def forget(self, conn_port: int):
        with self._lock:
            for key in [k for k in self._flags if k[0] == conn_port]:
                del self._flags[key]


class ClientStreamParser:
    """Passive parser of the client->server half of an h2c connection: DATA frames only."""

    def __init__(self, ledger: FlagLedger, conn_port: int):
        self.ledger, self.conn_port = ledger, conn_port
        self.buf = bytearray()
        self.preface_done = False
        self.streams: dict[int, bytearray] = {}
        self.broken = False

    def feed(self, data: bytes):
        if self.broken:
            return
        self.buf += data
        try:
            self._parse()
        except Exception:  # never disturb the relayed bytes; just stop sniffing this connection
            log.exception("sniffer gave up on connection %d", self.conn_port)
            self.broken = True

    def _parse(self):
        if not self.preface_done:
            if len(self.buf) < len(_PREFACE):
                return
            if bytes(self.buf[:len(_PREFACE)]) != _PREFACE:
                raise ValueError("no HTTP/2 preface")
            del self.buf[:len(_PREFACE)]
            self.preface_done = True
        while len(self.buf) >= 9:
            length = int.from_bytes(self.buf[0:3], "big")
            ftype, flags = self.buf[3], self.buf[4]
            sid = int.from_bytes(self.buf[5:9], "big") & 0x7FFFFFFF
            if len(self.buf) < 9 + length:
                return
            payload = bytes(self.buf[9:9 + length])
            del self.buf[:9 + length]
            if ftype != _FRAME_DATA:
                continue
            if flags & _FLAG_PADDED and payload:
                pad = payload[0]
                payload = payload[1:len(payload) - pad]
            sb = self.streams.setdefault(sid, bytearray())
            sb += payload
            while len(sb) >= 5:
                mlen = int.from_bytes(sb[1:5], "big")
                if len(sb) < 5 + mlen:
                    break
                flag, body = sb[0], bytes(sb[5:5 + mlen])
                del sb[:5 + mlen]
                if flag == 1:
                    try:
                        body = gzip.decompress(body)
                    except Exception:
                        continue  # not gzip: the server will reject it anyway
                self.ledger.record(self.conn_port, body, flag == 1)


def run_relay(listen: socket.socket, backend: tuple[str, int], ledger: FlagLedger):
    def pipe(src, dst, parser=None, on_close=None):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if parser is not None:
                    parser.feed(data)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (dst,):
                try:
                    s.shutdown(socket.SHUT_WR)
                except OSError:
                    pass
            if on_close:
                on_close()

    def handle(client: socket.socket):
        try:
            upstream = socket.create_connection(backend)
        except OSError:
            client.close()
            return
        for s in (client, upstream):
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        port = upstream.getsockname()[1]
        parser = ClientStreamParser(ledger, port)
        done = threading.Semaphore(0)
        threading.Thread(target=pipe, args=(client, upstream, parser, done.release),
                         daemon=True).start()
        threading.Thread(target=pipe, args=(upstream, client, None, done.release),
                         daemon=True).start()
        done.acquire()
        done.acquire()
        client.close()
        upstream.close()
        ledger.forget(port)

    while True:
        try:
            client, _ = listen.accept()
        except OSError:
            return
        threading.Thread(target=handle, args=(client,), daemon=True).start()


def build_servicer(empty_pb2, messages_pb2, test_pb2_grpc, ledger: FlagLedger):
    def payload(size: int):
        if size < 0:
            raise ValueError("negative size")
        return messages_pb2.Payload(type=messages_pb2.COMPRESSABLE, body=b"\0" * size)

    def check_response_type(context, response_type):
        if response_type != messages_pb2.COMPRESSABLE:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT,
                          f"unsupported response_type {response_type}")

    def echo_metadata(context):
        md = context.invocation_metadata()
        initial = [(k, v) for k, v in md if k == ECHO_INITIAL]
        trailing = [(k, v) for k, v in md if k == ECHO_TRAILING]
        if initial:
            context.send_initial_metadata(initial)
        if trailing:
            context.set_trailing_metadata(trailing)

    def request_compressed(context, request) -> bool:
        # The relay's record of the compressed flag (see the module docstring).
        peer = context.peer()  # "ipv4:127.0.0.1:PORT" -- PORT is the relay's outbound port
        port = int(peer.rsplit(":", 1)[1])
        flag = ledger.take(port, request.SerializeToString())
        if flag is None:
            log.warning("no compressed-flag record for a message from %s", peer)
            return False
        return flag

    def check_expect_compressed(context, request, expect):
        # Consume the record for every message, so FIFO matching stays in step.
        compressed = request_compressed(context, request)
        if expect.value and not compressed:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT,
                          "expected compressed request but it was not compressed")

    def echo_status(context, request):
        if request.HasField("response_status") and request.response_status.code != 0:
            context.abort(grpc.StatusCode(_code(request.response_status.code)),
                          request.response_status.message)

    def _code(n: int):
        for c in grpc.StatusCode:
            if c.value[0] == n:
                return c.value
        return grpc.StatusCode.UNKNOWN.value

    def stream_responses(context, request):
        """Yields responses for one StreamingOutputCallRequest, honouring interval_us/compressed."""
        for params in request.response_parameters:
            if params.interval_us > 0:
                time.sleep(params.interval_us / 1e6)
            if not params.compressed.value:
                context.disable_next_message_compression()
            yield messages_pb2.StreamingOutputCallResponse(payload=payload(params.size))

    class TestService(test_pb2_grpc.TestServiceServicer):
        def EmptyCall(self, request, context):
            echo_metadata(context)
            return empty_pb2.Empty()

        def UnaryCall(self, request, context):
            echo_metadata(context)
            check_response_type(context, request.response_type)
            check_expect_compressed(context, request, request.expect_compressed)
            echo_status(context, request)
            if request.response_compressed.value:
                context.set_compression(grpc.Compression.Gzip)
            else:
                context.set_compression(grpc.Compression.NoCompression)
            return messages_pb2.SimpleResponse(payload=payload(request.response_size))

        def CacheableUnaryCall(self, request, context):
            echo_metadata(context)
            context.send_initial_metadata([("cache-control", "max-age=60, public")])
            body = str(time.time_ns()).encode()
            return messages_pb2.SimpleResponse(
                payload=messages_pb2.Payload(type=messages_pb2.COMPRESSABLE, body=body))

        def StreamingOutputCall(self, request, context):
            echo_metadata(context)
            check_response_type(context, request.response_type)
            echo_status(context, request)
            if any(p.compressed.value for p in request.response_parameters):
                context.set_compression(grpc.Compression.Gzip)
            yield from stream_responses(context, request)

        def StreamingInputCall(self, request_iterator, context):
            echo_metadata(context)
            total = 0
            for req in request_iterator:
                check_expect_compressed(context, req, req.expect_compressed)
                total += len(req.payload.body)
            return messages_pb2.StreamingInputCallResponse(aggregated_payload_size=total)

        def FullDuplexCall(self, request_iterator, context):
            echo_metadata(context)
            compression_on = False
            for req in request_iterator:
                echo_status(context, req)
                check_response_type(context, req.response_type)
                if not compression_on and any(p.compressed.value for p in req.response_parameters):
                    context.set_compression(grpc.Compression.Gzip)
                    compression_on = True
                yield from stream_responses(context, req)

        def HalfDuplexCall(self, request_iterator, context):
            echo_metadata(context)
            requests = list(request_iterator)
            for req in requests:
                echo_status(context, req)
                check_response_type(context, req.response_type)
            if any(p.compressed.value for r in requests for p in r.response_parameters):
                context.set_compression(grpc.Compression.Gzip)
            for req in requests:
                yield from stream_responses(context, req)

        def UnimplementedCall(self, request, context):
            # "The test server will not implement this method" (test.proto).
            context.abort(grpc.StatusCode.UNIMPLEMENTED, "UnimplementedCall is not implemented")

    return TestService()


def serve(host: str, port: int) -> int:
    from grpc_health.v1 import health, health_pb2, health_pb2_grpc
    from grpc_reflection.v1alpha import reflection
    from grpc_reflection.v1alpha import reflection_pb2

    stubs = tempfile.mkdtemp(prefix="craft-interop-ref-")
    try:
        upstream_protos.generate(stubs)
        empty_pb2, messages_pb2, test_pb2, test_pb2_grpc = upstream_protos.load(stubs)

        ledger = FlagLedger()
        server = grpc.server(futures.ThreadPoolExecutor(max_workers=32),
                             options=[("grpc.max_receive_message_length", 4 * 1024 * 1024)])
        test_pb2_grpc.add_TestServiceServicer_to_server(
            build_servicer(empty_pb2, messages_pb2, test_pb2_grpc, ledger), server)

        health_servicer = health.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
        for name in ("", "grpc.testing.TestService"):
            health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)

        test_service = test_pb2.DESCRIPTOR.services_by_name["TestService"].full_name
        health_service = health_pb2.DESCRIPTOR.services_by_name["Health"].full_name
        names = (test_service, health_service, reflection.SERVICE_NAME,
                 "grpc.reflection.v1.ServerReflection")
        reflection_servicer = reflection.ReflectionServicer(names)
        # grpcio-reflection only registers v1alpha; v1 is wire-identical, so serve it with the same
        # servicer under the v1 method path.
        for svc in ("grpc.reflection.v1alpha.ServerReflection",
                    "grpc.reflection.v1.ServerReflection"):
            handler = grpc.stream_stream_rpc_method_handler(
                reflection_servicer.ServerReflectionInfo,
                request_deserializer=reflection_pb2.ServerReflectionRequest.FromString,
                response_serializer=reflection_pb2.ServerReflectionResponse.SerializeToString)
            server.add_generic_rpc_handlers(
                (grpc.method_handlers_generic_handler(svc, {"ServerReflectionInfo": handler}),))

        backend_port = server.add_insecure_port("127.0.0.1:0")
        if backend_port == 0:
            log.error("could not bind the internal port")
            return 1
        listen = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        listen.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            listen.bind((host, port))
        except OSError as e:
            log.error("could not bind %s:%s: %s", host, port, e)
            return 1
        listen.listen(128)
        bound = listen.getsockname()[1]
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        server.start()
        threading.Thread(target=run_relay, args=(listen, ("127.0.0.1", backend_port), ledger),
                         daemon=True).start()
        log.info("reference interop server listening on %s:%d", host, bound)
        while not stop.wait(0.5):
            pass
        log.info("shutting down")
        health_servicer.enter_graceful_shutdown()
        listen.close()  # no new connections; open ones keep relaying through the grace period
        server.stop(grace=5).wait()
        return 0
    finally:
        shutil.rmtree(stubs, ignore_errors=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    args = ap.parse_args(argv)
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"), stream=sys.stderr,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    return serve(args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())
