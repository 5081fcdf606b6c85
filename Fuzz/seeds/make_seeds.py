#!/usr/bin/env python3
"""Writes the committed seed corpora of the HTTP/2 and framing fuzzers (Fuzz/seeds/http2,
Fuzz/seeds/framing): a few real conversations each, so the fuzzers start from inputs that
reach deep into the server instead of guessing the connection preface and HPACK.

Each seed starts with the fuzzer's control byte (see the targets' comments). Run with the
project's venv (it uses `h2`, the HTTP/2 library the hardening tests use, and protobuf's varint encoder):
    .venv/bin/python Fuzz/seeds/make_seeds.py
"""

import gzip
import os
import struct
import zlib

import h2.config
import h2.connection
import h2.events
import h2.settings
from google.protobuf.internal.encoder import _VarintBytes as varint

HERE = os.path.dirname(os.path.abspath(__file__))
SERVICE = "/grpc.testing.TestService/"


def field(number, wire_type, payload):
    key = varint(number << 3 | wire_type)
    if wire_type == 0:
        return key + varint(payload)
    return key + varint(len(payload)) + payload


def payload(body):
    return field(3, 2, body)  # Payload.body


def simple_request(response_size=0, body=b"", status=None, compressed=None):
    out = b""
    if response_size:
        out += field(2, 0, response_size)
    if body:
        out += field(3, 2, payload(body))
    if compressed is not None:
        out += field(6, 2, field(1, 0, int(compressed)))  # BoolValue
    if status is not None:
        out += field(7, 2, field(1, 0, status[0]) + field(2, 2, status[1].encode()))
    return out


def streaming_output_request(sizes):
    return b"".join(field(2, 2, field(1, 0, size)) for size in sizes)  # ResponseParameters.size


def frame(message, compressed=False, algorithm=None):
    if compressed:
        message = gzip.compress(message, mtime=0) if algorithm == "gzip" else zlib.compress(message)
    return struct.pack(">BI", int(compressed), len(message)) + message


def conversation(calls, extra=None):
    """Client bytes (after the preface, which control bit 0 adds) for `calls`: a list of
    (path, headers, messages, end) tuples, each on its own stream."""
    connection = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True))
    connection.initiate_connection()
    preface_and_settings = connection.data_to_send()
    stream = 1
    for path, headers, messages, end in calls:
        base = [(":method", "POST"), (":scheme", "http"), (":path", path),
                (":authority", "127.0.0.1:50051"), ("content-type", "application/grpc"),
                ("te", "trailers")]
        connection.send_headers(stream, base + headers)
        for index, message in enumerate(messages):
            last = end and index == len(messages) - 1
            connection.send_data(stream, message, end_stream=last)
        if end and not messages:
            connection.end_stream(stream)
        stream += 2
    if extra:
        extra(connection)
    sent = preface_and_settings + connection.data_to_send()
    preface = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
    assert sent.startswith(preface)
    return sent[len(preface):]


def http2_seeds():
    unary = SERVICE + "UnaryCall"
    seeds = {
        "unary": conversation([(unary, [], [frame(simple_request(16, b"hello"))], True)]),
        "unary-metadata": conversation([(unary, [("x-user", "ngoc"), ("trace-bin", "AAEC"),
                                                 ("grpc-timeout", "5S")],
                                         [frame(simple_request(4))], True)]),
        "unary-status": conversation([(unary, [], [frame(simple_request(status=(3, "bad")))], True)]),
        "unary-gzip": conversation([(unary, [("grpc-encoding", "gzip"),
                                             ("grpc-accept-encoding", "gzip")],
                                     [frame(simple_request(64, b"x" * 200, compressed=True),
                                            compressed=True, algorithm="gzip")], True)]),
        "unary-deflate": conversation([(unary, [("grpc-encoding", "deflate")],
                                        [frame(simple_request(8), compressed=True,
                                               algorithm="deflate")], True)]),
        "unary-two-messages": conversation([(unary, [], [frame(b""), frame(b"")], True)]),
        "server-streaming": conversation([(SERVICE + "StreamingOutputCall", [],
                                           [frame(streaming_output_request([1, 100, 3000]))], True)]),
        "client-streaming": conversation([(SERVICE + "StreamingInputCall", [],
                                           [frame(payload(b"a" * 10)), frame(payload(b"b" * 300))],
                                           True)]),
        "bidi": conversation([(SERVICE + "FullDuplexCall", [],
                               [frame(streaming_output_request([5])),
                                frame(streaming_output_request([7, 9]))], True)]),
        "bidi-open": conversation([(SERVICE + "FullDuplexCall", [],
                                    [frame(streaming_output_request([5]))], False)]),
        "many-streams": conversation([(unary, [], [frame(simple_request(1))], True)] * 6),
        "unknown-method": conversation([(SERVICE + "Nope", [], [frame(b"")], True)]),
        "timeout-1ms": conversation([(SERVICE + "FullDuplexCall", [("grpc-timeout", "1m")], [], False)]),
        "ping-settings-window": conversation([], extra=lambda c: (
            c.ping(b"12345678"),
            c.update_settings({h2.settings.SettingCodes.INITIAL_WINDOW_SIZE: 100,
                               h2.settings.SettingCodes.MAX_FRAME_SIZE: 16384}),
            c.increment_flow_control_window(1000))),
        "reset": conversation([(SERVICE + "FullDuplexCall", [], [frame(b"")], False)],
                              extra=lambda c: c.reset_stream(1)),
        "goaway": conversation([(unary, [], [frame(b"")], True)],
                               extra=lambda c: c.close_connection()),
    }
    # A GET and a wrong content type: plain HTTP answers.
    get = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True))
    get.initiate_connection()
    get.send_headers(1, [(":method", "GET"), (":scheme", "http"), (":path", "/"),
                         (":authority", "x")], end_stream=True)
    get.send_headers(3, [(":method", "POST"), (":scheme", "http"), (":path", unary),
                         (":authority", "x"), ("content-type", "text/plain")], end_stream=True)
    seeds["get"] = get.data_to_send()[24:]
    return {name: b"\x01" + data for name, data in seeds.items()}  # control: add the preface


def framing_seeds():
    message = simple_request(16, b"hello")
    return {
        "identity": b"\x00" + frame(message) + frame(b""),
        "gzip": b"\x01" + frame(message, True, "gzip") + frame(message),
        "deflate": b"\x02" + frame(message, True, "deflate"),
        "gzip-bomb": b"\x01" + frame(b"\x00" * (1 << 20), True, "gzip"),
        "split-reads": b"\x08" + frame(b"ab" * 40) * 3,
        "truncated": b"\x00" + frame(message)[:-2],
    }


def write(directory, seeds):
    path = os.path.join(HERE, directory)
    os.makedirs(path, exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(path, name), "wb") as out:
            out.write(data)
    print(f"{directory}: {len(seeds)} seeds")


if __name__ == "__main__":
    write("http2", http2_seeds())
    write("framing", framing_seeds())
