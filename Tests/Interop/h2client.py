"""A minimal raw HTTP/2 (h2c, prior knowledge) client on the `h2` package, for what grpcio cannot show:
HTTP status codes of non-gRPC answers, trailers-only responses, and the per-message "compressed"
flag of the 5-byte gRPC message prefix (grpcio decompresses silently and never exposes the flag).
"""

from __future__ import annotations

import gzip
import socket
import struct
import time
from dataclasses import dataclass, field

import h2.config
import h2.connection
import h2.events


def frame(payload: bytes, compressed: bool = False) -> bytes:
    """One gRPC length-prefixed message; with compressed=True the payload is gzipped here."""
    if compressed:
        payload = gzip.compress(payload)
    return struct.pack(">BI", 1 if compressed else 0, len(payload)) + payload


def unframe(data: bytes) -> list[tuple[int, bytes]]:
    """Splits a response body into (flag, payload-as-sent) pairs; raises on a torn frame."""
    out = []
    i = 0
    while i < len(data):
        if len(data) - i < 5:
            raise ValueError(f"truncated gRPC message prefix at offset {i}")
        flag, length = struct.unpack_from(">BI", data, i)
        i += 5
        if len(data) - i < length:
            raise ValueError(f"truncated gRPC message at offset {i}: want {length}")
        out.append((flag, data[i:i + length]))
        i += length
    return out


def decode_payload(flag: int, payload: bytes, encoding: str | None) -> bytes:
    if flag == 0:
        return payload
    if flag == 1:
        if encoding != "gzip":
            raise ValueError(f"compressed message but grpc-encoding is {encoding!r}")
        return gzip.decompress(payload)
    raise ValueError(f"invalid compressed-flag byte {flag}")


@dataclass
class Response:
    headers: list[tuple[str, str]] = field(default_factory=list)
    trailers: list[tuple[str, str]] | None = None
    body: bytes = b""
    reset_code: int | None = None  # RST_STREAM error code, if the server reset an unfinished stream
    reset_after_end: int | None = None  # RST_STREAM after END_STREAM (e.g. NO_ERROR): harmless
    ended: bool = False
    headers_ended_stream: bool = False  # True for a trailers-only response

    def header(self, name: str) -> str | None:
        for k, v in self.headers:
            if k == name:
                return v
        return None

    def trailer(self, name: str) -> str | None:
        for k, v in self.trailers or []:
            if k == name:
                return v
        return None

    @property
    def status(self) -> int | None:
        s = self.header(":status")
        return int(s) if s is not None else None

    @property
    def grpc_status(self) -> int | None:
        """grpc-status from the trailers, or from the headers of a trailers-only response."""
        v = self.trailer("grpc-status")
        if v is None and self.headers_ended_stream:
            v = self.header("grpc-status")
        return int(v) if v is not None else None

    def messages(self) -> list[tuple[int, bytes]]:
        return unframe(self.body)


def _decode(pairs) -> list[tuple[str, str]]:
    return [(k.decode() if isinstance(k, bytes) else k, v.decode() if isinstance(v, bytes) else v)
            for k, v in pairs]


class H2Client:
    def __init__(self, address: str, timeout: float = 10.0):
        host, port = address.rsplit(":", 1)
        self.authority = address
        self.sock = socket.create_connection((host, int(port)), timeout=timeout)
        self.timeout = timeout
        self.conn = h2.connection.H2Connection(
            config=h2.config.H2Configuration(client_side=True, header_encoding=None))
        self.conn.initiate_connection()
        # Large windows, so big responses never stall on us.
        self.conn.increment_flow_control_window(2**24)
        self.conn.update_settings({h2.settings.SettingCodes.INITIAL_WINDOW_SIZE: 2**24})
        self._flush()
        self.responses: dict[int, Response] = {}
        self.goaway = None

    def close(self):
        try:
            self.conn.close_connection()
            self._flush()
        except Exception:
            pass
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _flush(self):
        data = self.conn.data_to_send()
        if data:
            self.sock.sendall(data)

    def request(self, method: str, path: str, headers: list[tuple[str, str]] = (),
                body: bytes | None = None, end_stream: bool = True) -> int:
        """Sends one request; body None with end_stream=True ends the stream on the HEADERS frame."""
        sid = self.conn.get_next_available_stream_id()
        hdrs = [(":method", method), (":scheme", "http"), (":path", path),
                (":authority", self.authority), *headers]
        self.responses[sid] = Response()
        self.conn.send_headers(sid, hdrs, end_stream=end_stream and body is None)
        self._flush()
        if body is not None:
            self._send_body(sid, body, end_stream)
        return sid

    def _send_body(self, sid: int, body: bytes, end_stream: bool):
        view = memoryview(body)
        while True:
            window = min(self.conn.local_flow_control_window(sid), self.conn.max_outbound_frame_size)
            if window <= 0 and len(view) > 0:
                self._pump_once(deadline=time.monotonic() + self.timeout)
                continue
            chunk = view[:window]
            view = view[len(chunk):]
            last = len(view) == 0
            self.conn.send_data(sid, bytes(chunk), end_stream=end_stream and last)
            self._flush()
            if last:
                return

    def grpc_call(self, path: str, messages: list[bytes], headers: list[tuple[str, str]] = (),
                  end_stream: bool = True) -> int:
        """A gRPC POST; `messages` are already framed (see `frame`)."""
        h = [("content-type", "application/grpc"), ("te", "trailers"), *headers]
        return self.request("POST", path, h, b"".join(messages), end_stream=end_stream)

    def _pump_once(self, deadline: float):
        self.sock.settimeout(max(0.01, deadline - time.monotonic()))
        data = self.sock.recv(1 << 20)
        if not data:
            raise ConnectionError("server closed the connection")
        for ev in self.conn.receive_data(data):
            self._handle(ev)
        self._flush()

    def _handle(self, ev):
        sid = getattr(ev, "stream_id", None)
        r = self.responses.get(sid) if sid is not None else None
        if isinstance(ev, h2.events.ResponseReceived) and r is not None:
            r.headers = _decode(ev.headers)
            if ev.stream_ended is not None:
                r.headers_ended_stream = True
        elif isinstance(ev, h2.events.TrailersReceived) and r is not None:
            r.trailers = _decode(ev.headers)
        elif isinstance(ev, h2.events.DataReceived) and r is not None:
            r.body += ev.data
            self.conn.acknowledge_received_data(ev.flow_controlled_length, sid)
        elif isinstance(ev, h2.events.StreamEnded) and r is not None:
            r.ended = True
        elif isinstance(ev, h2.events.StreamReset) and r is not None:
            if r.ended:
                r.reset_after_end = int(ev.error_code)
            else:
                r.reset_code = int(ev.error_code)
                r.ended = True
        elif isinstance(ev, h2.events.ConnectionTerminated):
            self.goaway = ev

    def wait(self, sid: int, timeout: float | None = None) -> Response:
        """Reads until stream `sid` has ended (END_STREAM or RST_STREAM)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        r = self.responses[sid]
        while not r.ended:
            if time.monotonic() > deadline:
                raise TimeoutError(f"stream {sid} did not end in time: {r}")
            if self.goaway is not None:
                raise ConnectionError(f"GOAWAY before stream {sid} ended: {self.goaway}")
            self._pump_once(deadline)
        return r


# h2.settings is a submodule; make sure it is loaded for H2Client.__init__.
import h2.settings  # noqa: E402
