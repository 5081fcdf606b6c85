"""grpc/grpc doc/interop-test-descriptions.md, client side, every case that applies to plaintext.

Each test is one case of that document, with its procedure and "Client asserts" carried out as
written. Where grpcio cannot observe something the case asserts (the per-message compressed flag of
responses, per-message compression of requests), the test additionally drives the same call through
the raw HTTP/2 client in h2client.py, which sees the 5-byte message prefix.
"""

from __future__ import annotations

import queue
import time

import grpc
import pytest

import h2client

ECHO_INITIAL_KEY = "x-grpc-test-echo-initial"
ECHO_INITIAL_VALUE = "test_initial_metadata_value"
ECHO_TRAILING_KEY = "x-grpc-test-echo-trailing-bin"
ECHO_TRAILING_VALUE = b"\xab\xab\xab"

SPECIAL_STATUS_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n"

TIMEOUT = 20  # seconds; a per-call deadline so a broken server fails a test instead of hanging it

# grpcio (and grpc-go, grpc-java) send this; a server may only compress with an algorithm listed.
ACCEPT_ENCODING = ("grpc-accept-encoding", "identity,deflate,gzip")


def zeros(n: int) -> bytes:
    return b"\0" * n


class Pipe:
    """A blocking request iterator for streaming calls (as grpc/grpc's Python interop client)."""

    _CLOSE = object()

    def __init__(self):
        self._q: queue.Queue = queue.Queue()

    def add(self, item):
        self._q.put(item)

    def close(self):
        self._q.put(self._CLOSE)

    def __iter__(self):
        return self

    def __next__(self):
        item = self._q.get()
        if item is self._CLOSE:
            raise StopIteration
        return item

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def assert_zero_body(payload, size: int):
    assert len(payload.body) == size
    assert payload.body == zeros(size), "response payload body must be zeros"


def raw_unary(h2, path: str, request, headers=(), compressed=False):
    """One unary/client-streaming call through the raw HTTP/2 client; returns the Response."""
    msgs = request if isinstance(request, list) else [(request, compressed)]
    framed = [h2client.frame(m.SerializeToString(), c) for m, c in msgs]
    extra = [ACCEPT_ENCODING, *headers]
    if any(c for _, c in msgs):
        extra.append(("grpc-encoding", "gzip"))
    sid = h2.grpc_call(path, framed, extra)
    r = h2.wait(sid, TIMEOUT)
    assert r.reset_code is None, f"stream reset with error code {r.reset_code}"
    assert r.status == 200, f":status {r.status}"
    return r


def decoded_messages(r, cls):
    enc = r.header("grpc-encoding")
    return [(flag, cls.FromString(h2client.decode_payload(flag, body, enc)))
            for flag, body in r.messages()]


# --- empty_unary ----------------------------------------------------------------------------------

def test_empty_unary(pb, stub):
    response, call = stub.EmptyCall.with_call(pb.empty.Empty(), timeout=TIMEOUT)
    assert call.code() == grpc.StatusCode.OK
    assert response is not None
    assert isinstance(response, pb.empty.Empty)
    assert response.ByteSize() == 0


# --- large_unary ----------------------------------------------------------------------------------

def large_unary_request(pb, **extra):
    m = pb.messages
    return m.SimpleRequest(response_size=314159, payload=m.Payload(body=zeros(271828)), **extra)


def test_large_unary(pb, stub):
    response, call = stub.UnaryCall.with_call(large_unary_request(pb), timeout=TIMEOUT)
    assert call.code() == grpc.StatusCode.OK
    assert_zero_body(response.payload, 314159)
    assert response.payload.type == pb.messages.COMPRESSABLE


# --- client_compressed_unary ----------------------------------------------------------------------

def test_client_compressed_unary(pb, stub):
    m = pb.messages
    # 1. Feature probe: *uncompressed* request that claims it is compressed -> INVALID_ARGUMENT.
    with pytest.raises(grpc.RpcError) as probe:
        stub.UnaryCall(large_unary_request(pb, expect_compressed=m.BoolValue(value=True)),
                       timeout=TIMEOUT)
    assert probe.value.code() == grpc.StatusCode.INVALID_ARGUMENT, probe.value.details()

    # 2. Compressed request, expect_compressed=true -> success.
    response, call = stub.UnaryCall.with_call(
        large_unary_request(pb, expect_compressed=m.BoolValue(value=True)),
        compression=grpc.Compression.Gzip, timeout=TIMEOUT)
    assert call.code() == grpc.StatusCode.OK
    assert_zero_body(response.payload, 314159)

    # 3. Uncompressed request, expect_compressed=false -> success.
    response, call = stub.UnaryCall.with_call(
        large_unary_request(pb, expect_compressed=m.BoolValue(value=False)),
        compression=grpc.Compression.NoCompression, timeout=TIMEOUT)
    assert call.code() == grpc.StatusCode.OK
    assert_zero_body(response.payload, 314159)


# --- server_compressed_unary ----------------------------------------------------------------------

@pytest.mark.parametrize("compressed", [True, False], ids=["compressed", "uncompressed"])
def test_server_compressed_unary(pb, stub, h2, compressed):
    m = pb.messages
    request = large_unary_request(pb, response_compressed=m.BoolValue(value=compressed))

    # Through grpcio: call successful, payload 314159 bytes.
    response, call = stub.UnaryCall.with_call(request, timeout=TIMEOUT)
    assert call.code() == grpc.StatusCode.OK
    assert_zero_body(response.payload, 314159)

    # Through raw HTTP/2, to see the compressed-message flag grpcio hides.
    r = raw_unary(h2, "/grpc.testing.TestService/UnaryCall", request)
    assert r.grpc_status == 0, r
    msgs = decoded_messages(r, m.SimpleResponse)
    assert len(msgs) == 1
    flag, response = msgs[0]
    if compressed:
        assert flag == 1, "response_compressed=true: the response MUST have the compressed flag set"
        assert r.header("grpc-encoding") == "gzip"
    else:
        assert flag == 0, "response_compressed=false: the response MUST NOT have the compressed flag"
    assert_zero_body(response.payload, 314159)


# --- client_streaming -----------------------------------------------------------------------------

def test_client_streaming(pb, stub):
    m = pb.messages
    requests = [m.StreamingInputCallRequest(payload=m.Payload(body=zeros(n)))
                for n in (27182, 8, 1828, 45904)]
    response, call = stub.StreamingInputCall.with_call(iter(requests), timeout=TIMEOUT)
    assert call.code() == grpc.StatusCode.OK
    assert response.aggregated_payload_size == 74922


# --- client_compressed_streaming ------------------------------------------------------------------

def _compressed_streaming_requests(m):
    return [
        m.StreamingInputCallRequest(expect_compressed=m.BoolValue(value=True),
                                    payload=m.Payload(body=zeros(27182))),
        m.StreamingInputCallRequest(expect_compressed=m.BoolValue(value=False),
                                    payload=m.Payload(body=zeros(45904))),
    ]


def test_client_compressed_streaming(pb, stub, h2):
    m = pb.messages
    # 1. Feature probe: an *uncompressed* message with expect_compressed=true -> INVALID_ARGUMENT.
    probe_request = m.StreamingInputCallRequest(expect_compressed=m.BoolValue(value=True),
                                                payload=m.Payload(body=zeros(27182)))
    with pytest.raises(grpc.RpcError) as probe:
        stub.StreamingInputCall(iter([probe_request]), timeout=TIMEOUT)
    assert probe.value.code() == grpc.StatusCode.INVALID_ARGUMENT, probe.value.details()

    # 2. Second call: first message compressed, the next one *uncompressed*, then half-close.
    # grpcio's Python API cannot switch compression per outgoing message, so this call goes out
    # through the raw HTTP/2 client, which sets the flag per message exactly as the case says.
    first, second = _compressed_streaming_requests(m)
    r = raw_unary(h2, "/grpc.testing.TestService/StreamingInputCall",
                  [(first, True), (second, False)])
    assert r.grpc_status == 0, r
    msgs = decoded_messages(r, m.StreamingInputCallResponse)
    assert len(msgs) == 1
    assert msgs[0][1].aggregated_payload_size == 73086


def test_client_compressed_streaming_grpcio_whole_call(pb, stub):
    """Not an upstream case: the stock grpcio way (whole call gzip, every message compressed)."""
    response, call = stub.StreamingInputCall.with_call(
        iter(_compressed_streaming_requests(pb.messages)), compression=grpc.Compression.Gzip,
        timeout=TIMEOUT)
    assert call.code() == grpc.StatusCode.OK
    assert response.aggregated_payload_size == 73086


# --- server_streaming -----------------------------------------------------------------------------

def test_server_streaming(pb, stub):
    m = pb.messages
    sizes = [31415, 9, 2653, 58979]
    request = m.StreamingOutputCallRequest(
        response_parameters=[m.ResponseParameters(size=n) for n in sizes])
    call = stub.StreamingOutputCall(request, timeout=TIMEOUT)
    responses = list(call)
    assert call.code() == grpc.StatusCode.OK
    assert len(responses) == 4
    assert [len(r.payload.body) for r in responses] == sizes
    for r, n in zip(responses, sizes):
        assert_zero_body(r.payload, n)


# --- server_compressed_streaming ------------------------------------------------------------------

def test_server_compressed_streaming(pb, stub, h2):
    m = pb.messages
    request = m.StreamingOutputCallRequest(response_parameters=[
        m.ResponseParameters(compressed=m.BoolValue(value=True), size=31415),
        m.ResponseParameters(compressed=m.BoolValue(value=False), size=92653),
    ])

    call = stub.StreamingOutputCall(request, timeout=TIMEOUT)
    responses = list(call)
    assert call.code() == grpc.StatusCode.OK
    assert len(responses) == 2
    assert [len(r.payload.body) for r in responses] == [31415, 92653]
    for r in responses:
        assert_zero_body(r.payload, len(r.payload.body))

    r = raw_unary(h2, "/grpc.testing.TestService/StreamingOutputCall", request)
    assert r.grpc_status == 0, r
    msgs = decoded_messages(r, m.StreamingOutputCallResponse)
    assert len(msgs) == 2
    assert msgs[0][0] == 1, "compressed=true: the message MUST have the compressed flag set"
    assert msgs[1][0] == 0, "compressed=false: the message MUST NOT have the compressed flag set"
    assert [len(x.payload.body) for _, x in msgs] == [31415, 92653]


# --- ping_pong ------------------------------------------------------------------------------------

def test_ping_pong(pb, stub):
    m = pb.messages
    request_sizes = [27182, 8, 1828, 45904]
    response_sizes = [31415, 9, 2653, 58979]
    received = []
    with Pipe() as pipe:
        call = stub.FullDuplexCall(pipe, timeout=TIMEOUT)
        for req_n, resp_n in zip(request_sizes, response_sizes):
            pipe.add(m.StreamingOutputCallRequest(
                response_parameters=[m.ResponseParameters(size=resp_n)],
                payload=m.Payload(body=zeros(req_n))))
            response = next(call)  # wait for the reply before sending the next request
            received.append(response)
            assert_zero_body(response.payload, resp_n)
        pipe.close()  # after the last reply: half-close
        rest = list(call)
    assert rest == [], "no responses after the fourth"
    assert call.code() == grpc.StatusCode.OK
    assert len(received) == 4
    assert [len(r.payload.body) for r in received] == response_sizes


# --- empty_stream ---------------------------------------------------------------------------------

def test_empty_stream(stub):
    call = stub.FullDuplexCall(iter([]), timeout=TIMEOUT)
    responses = list(call)
    assert call.code() == grpc.StatusCode.OK
    assert responses == []


# --- cancel_after_begin ---------------------------------------------------------------------------

def test_cancel_after_begin(stub):
    with Pipe() as pipe:
        future = stub.StreamingInputCall.future(pipe, timeout=TIMEOUT)
        assert future.cancel()
        assert future.cancelled()
        assert future.code() == grpc.StatusCode.CANCELLED


# --- cancel_after_first_response ------------------------------------------------------------------

def test_cancel_after_first_response(pb, stub):
    m = pb.messages
    with Pipe() as pipe:
        call = stub.FullDuplexCall(pipe, timeout=TIMEOUT)
        pipe.add(m.StreamingOutputCallRequest(
            response_parameters=[m.ResponseParameters(size=31415)],
            payload=m.Payload(body=zeros(27182))))
        first = next(call)
        assert len(first.payload.body) == 31415
        call.cancel()
        with pytest.raises(grpc.RpcError) as e:
            next(call)
        assert e.value.code() == grpc.StatusCode.CANCELLED
    assert call.code() == grpc.StatusCode.CANCELLED


# --- timeout_on_sleeping_server -------------------------------------------------------------------

def test_timeout_on_sleeping_server(pb, stub):
    m = pb.messages
    with Pipe() as pipe:
        call = stub.FullDuplexCall(pipe, timeout=0.001)
        pipe.add(m.StreamingOutputCallRequest(payload=m.Payload(body=zeros(27182))))
        with pytest.raises(grpc.RpcError) as e:
            next(call)
        assert e.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED


# --- custom_metadata ------------------------------------------------------------------------------

ECHO_METADATA = ((ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE), (ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE))


def assert_echoed(call):
    initial = list(call.initial_metadata())
    trailing = list(call.trailing_metadata())
    assert (ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE) in initial, initial
    assert (ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE) in trailing, trailing


def test_custom_metadata_unary(pb, stub):
    response, call = stub.UnaryCall.with_call(large_unary_request(pb), metadata=ECHO_METADATA,
                                              timeout=TIMEOUT)
    assert call.code() == grpc.StatusCode.OK
    assert_zero_body(response.payload, 314159)
    assert_echoed(call)


def test_custom_metadata_full_duplex(pb, stub):
    m = pb.messages
    request = m.StreamingOutputCallRequest(
        response_parameters=[m.ResponseParameters(size=314159)],
        payload=m.Payload(body=zeros(271828)))
    call = stub.FullDuplexCall(iter([request]), metadata=ECHO_METADATA, timeout=TIMEOUT)
    responses = list(call)  # iter([...]) half-closes after the one request
    assert call.code() == grpc.StatusCode.OK
    assert len(responses) == 1
    assert_zero_body(responses[0].payload, 314159)
    assert_echoed(call)


# --- status_code_and_message ----------------------------------------------------------------------

def _echo_status_unary(pb, stub, code: int, message: str):
    m = pb.messages
    with pytest.raises(grpc.RpcError) as e:
        stub.UnaryCall(m.SimpleRequest(response_status=m.EchoStatus(code=code, message=message)),
                       timeout=TIMEOUT)
    assert e.value.code().value[0] == code
    assert e.value.details() == message


def test_status_code_and_message_unary(pb, stub):
    _echo_status_unary(pb, stub, 2, "test status message")


def test_status_code_and_message_full_duplex(pb, stub):
    m = pb.messages
    request = m.StreamingOutputCallRequest(
        response_status=m.EchoStatus(code=2, message="test status message"))
    call = stub.FullDuplexCall(iter([request]), timeout=TIMEOUT)  # one request, then half-close
    with pytest.raises(grpc.RpcError) as e:
        list(call)
    assert e.value.code() == grpc.StatusCode.UNKNOWN  # code 2
    assert e.value.code().value[0] == 2
    assert e.value.details() == "test status message"


# --- special_status_message -----------------------------------------------------------------------

def test_special_status_message(pb, stub):
    _echo_status_unary(pb, stub, 2, SPECIAL_STATUS_MESSAGE)


# --- unimplemented_method / unimplemented_service ------------------------------------------------

def test_unimplemented_method(pb, stub):
    with pytest.raises(grpc.RpcError) as e:
        stub.UnimplementedCall(pb.empty.Empty(), timeout=TIMEOUT)
    assert e.value.code() == grpc.StatusCode.UNIMPLEMENTED
    assert e.value.code().value[0] == 12


def test_unimplemented_service(pb, channel):
    stub = pb.test_grpc.UnimplementedServiceStub(channel)
    with pytest.raises(grpc.RpcError) as e:
        stub.UnimplementedCall(pb.empty.Empty(), timeout=TIMEOUT)
    assert e.value.code() == grpc.StatusCode.UNIMPLEMENTED
    assert e.value.code().value[0] == 12


# --- server features the issue names but no upstream client case exercises -------------------------

def test_half_duplex_call(pb, stub):
    """HalfDuplexCall: the server buffers all requests, then answers them in order."""
    m = pb.messages
    sizes = [[31415, 9], [2653], [58979]]
    requests = [m.StreamingOutputCallRequest(response_parameters=[m.ResponseParameters(size=n)
                                                                  for n in group])
                for group in sizes]
    call = stub.HalfDuplexCall(iter(requests), timeout=TIMEOUT)
    responses = list(call)
    assert call.code() == grpc.StatusCode.OK
    assert [len(r.payload.body) for r in responses] == [31415, 9, 2653, 58979]


def test_streaming_output_interval_us(pb, stub):
    """Observe ResponseParameters.interval_us: each is a sleep before its response, accumulating."""
    m = pb.messages
    request = m.StreamingOutputCallRequest(response_parameters=[
        m.ResponseParameters(size=1, interval_us=100_000) for _ in range(3)])
    start = time.monotonic()
    call = stub.StreamingOutputCall(request, timeout=TIMEOUT)
    arrivals = []
    for _ in call:
        arrivals.append(time.monotonic() - start)
    assert call.code() == grpc.StatusCode.OK
    assert len(arrivals) == 3
    assert arrivals[0] >= 0.09 and arrivals[1] >= 0.19 and arrivals[2] >= 0.29, arrivals


def test_concurrent_large_unary(pb, channel):
    """A reduced concurrent_large_unary (the upstream case is "Status: TODO"): 50 in parallel on
    one channel."""
    stub = pb.test_grpc.TestServiceStub(channel)
    futures = [stub.UnaryCall.future(large_unary_request(pb), timeout=TIMEOUT) for _ in range(50)]
    for f in futures:
        assert_zero_body(f.result().payload, 314159)
