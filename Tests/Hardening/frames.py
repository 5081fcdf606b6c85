"""Hand-made HTTP/2 frames (RFC 9113 §4, §6) for peers that break the rules on purpose."""

from __future__ import annotations

import socket
import struct
import time

import hpack

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"

DATA, HEADERS, PRIORITY, RST_STREAM, SETTINGS, PUSH_PROMISE, PING, GOAWAY, WINDOW_UPDATE, CONTINUATION = range(10)
END_STREAM, ACK, END_HEADERS = 0x1, 0x1, 0x4

NO_ERROR, PROTOCOL_ERROR, INTERNAL_ERROR, FLOW_CONTROL_ERROR = 0x0, 0x1, 0x2, 0x3
FRAME_SIZE_ERROR, COMPRESSION_ERROR, ENHANCE_YOUR_CALM = 0x6, 0x9, 0xB


def frame(kind: int, flags: int, stream: int, payload: bytes = b"") -> bytes:
    return struct.pack(">I", len(payload))[1:] + bytes([kind, flags]) + struct.pack(">I", stream) + payload


def settings(**values) -> bytes:
    ids = {"header_table_size": 1, "enable_push": 2, "max_concurrent_streams": 3,
           "initial_window_size": 4, "max_frame_size": 5, "max_header_list_size": 6}
    return frame(SETTINGS, 0, 0, b"".join(struct.pack(">HI", ids[k], v) for k, v in values.items()))


def window_update(stream: int, increment: int) -> bytes:
    return frame(WINDOW_UPDATE, 0, stream, struct.pack(">I", increment))


def rst_stream(stream: int, code: int = 0x8) -> bytes:  # CANCEL
    return frame(RST_STREAM, 0, stream, struct.pack(">I", code))


def ping(data: bytes = b"12345678") -> bytes:
    return frame(PING, 0, 0, data)


def grpc_request_headers(path: str = "/grpc.testing.TestService/EmptyCall", extra=()) -> list:
    return [(":method", "POST"), (":scheme", "http"), (":path", path), (":authority", "localhost"),
            ("content-type", "application/grpc"), ("te", "trailers"), *extra]


def grpc_message(payload: bytes = b"") -> bytes:
    return struct.pack(">BI", 0, len(payload)) + payload


class RawPeer:
    """A TCP connection that writes whatever it is given and parses what comes back."""

    def __init__(self, address, preface: bool = True, timeout: float = 10.0):
        self.sock = socket.create_connection(address, timeout=timeout)
        self.encoder = hpack.Encoder()
        self.buffer = b""
        self.closed = False
        if preface:
            self.send(PREFACE + settings())

    def send(self, data: bytes) -> bool:
        """Sends; False once the server has closed the connection."""
        try:
            self.sock.sendall(data)
            return True
        except (BrokenPipeError, ConnectionResetError, socket.timeout, OSError):
            self.closed = True
            return False

    def headers(self, stream: int, headers: list, end_stream: bool = False, end_headers: bool = True) -> bytes:
        flags = (END_STREAM if end_stream else 0) | (END_HEADERS if end_headers else 0)
        return frame(HEADERS, flags, stream, self.encoder.encode(headers))

    def read_frames(self, seconds: float, until=None) -> list[tuple[int, int, int, bytes]]:
        """Frames received within `seconds` (or until `until(frame)` is true, or EOF)."""
        frames = []
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                chunk = self.sock.recv(1 << 16)
            except socket.timeout:
                break
            except (ConnectionResetError, OSError):
                self.closed = True
                break
            if not chunk:
                self.closed = True
                break
            self.buffer += chunk
            while len(self.buffer) >= 9:
                length = int.from_bytes(self.buffer[:3], "big")
                if len(self.buffer) < 9 + length:
                    break
                kind, flags = self.buffer[3], self.buffer[4]
                stream = int.from_bytes(self.buffer[5:9], "big") & 0x7FFFFFFF
                f = (kind, flags, stream, self.buffer[9:9 + length])
                self.buffer = self.buffer[9 + length:]
                frames.append(f)
                if until is not None and until(f):
                    return frames
        return frames

    def wait_closed(self, seconds: float) -> tuple[bool, int | None]:
        """Reads until EOF or `seconds`; returns (closed, GOAWAY error code if one came)."""
        code = None
        deadline = time.monotonic() + seconds
        while not self.closed and time.monotonic() < deadline:
            for kind, _, _, payload in self.read_frames(deadline - time.monotonic()):
                if kind == GOAWAY:
                    code = struct.unpack(">I", payload[4:8])[0]
        return self.closed, code

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def goaway_code(frames) -> int | None:
    for kind, _, _, payload in frames:
        if kind == GOAWAY:
            return struct.unpack(">I", payload[4:8])[0]
    return None
