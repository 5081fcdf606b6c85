"""Issue 8, item 1: HTTP/2 abuse over raw sockets. After each attack the server must be alive,
answer a well-behaved grpcio client, and have kept its memory (RSS) and file descriptors bounded.
"""

from __future__ import annotations

import socket
import struct
import threading
import time

import pytest

from frames import (CONTINUATION, ENHANCE_YOUR_CALM, END_HEADERS, FLOW_CONTROL_ERROR, GOAWAY,
                    HEADERS, PREFACE, PROTOCOL_ERROR, RST_STREAM, RawPeer, frame, goaway_code,
                    grpc_message, grpc_request_headers, ping, rst_stream, settings, window_update)

RSS_GROWTH_LIMIT_MIB = 64


def test_rapid_reset_is_cut_off(target, pb):
    """CVE-2023-44487: open streams and reset them at once, as fast as possible."""
    before = target.rss_mib()
    peer = RawPeer(target.address)
    sent = 0
    for batch in range(200):
        data = b""
        for i in range(50):
            stream = 1 + 2 * (batch * 50 + i)
            data += peer.headers(stream, grpc_request_headers()) + rst_stream(stream)
        if not peer.send(data):
            break
        sent += 50
    closed, code = peer.wait_closed(10)
    peer.close()
    print(f"rapid reset: {sent} streams sent, closed={closed}, GOAWAY={code}")
    assert closed, f"the server still talks to a peer that reset {sent} streams"
    assert code in (ENHANCE_YOUR_CALM, None), f"GOAWAY {code}"
    assert sent < 10_000, "the server did not stop reading the flood"
    target.assert_serves(pb)
    assert target.rss_mib() - before < RSS_GROWTH_LIMIT_MIB


def test_continuation_flood_is_cut_off(target, pb):
    """CVE-2024-27316 class: a header block that never ends, one CONTINUATION after another."""
    before = target.rss_mib()
    peer = RawPeer(target.address)
    block = peer.encoder.encode(grpc_request_headers())
    peer.send(frame(HEADERS, 0, 1, block))  # no END_HEADERS
    junk = peer.encoder.encode([("x-junk", "a" * 4000)])
    sent = 0
    while sent < 10_000 and peer.send(frame(CONTINUATION, 0, 1, junk)):
        sent += 1
    closed, code = peer.wait_closed(10)
    peer.close()
    print(f"continuation: {sent} frames sent, closed={closed}, GOAWAY={code}")
    assert closed, f"the server kept reading after {sent} CONTINUATION frames"
    assert sent < 10_000
    target.assert_serves(pb)
    assert target.rss_mib() - before < RSS_GROWTH_LIMIT_MIB


@pytest.mark.parametrize("flood", ["ping", "settings"])
def test_ping_and_settings_floods_that_never_read_acks_are_cut_off(target, pb, flood):
    """Each PING and SETTINGS makes the server queue an ACK; a peer that sends them without
    reading must not make the server queue without bound."""
    before = target.rss_mib()
    peer = RawPeer(target.address)
    peer.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    one = ping() if flood == "ping" else settings(initial_window_size=65535)
    sent = 0
    peer.sock.settimeout(5)
    while sent < 1_000_000 and peer.send(one * 1000):
        sent += 1000
    closed, code = peer.wait_closed(10)
    peer.close()
    print(f"{flood} flood: {sent} sent, closed={closed}, GOAWAY={code}, rss +{target.rss_mib() - before:.1f} MiB")
    # Either the server closes the connection (nghttp2's outbound-ack limit) or it stops reading
    # (TCP back-pressure made our send time out); both bound what it buffers.
    assert closed or sent < 1_000_000
    target.assert_serves(pb)
    assert target.rss_mib() - before < RSS_GROWTH_LIMIT_MIB


def test_huge_header_list_is_refused(target, pb):
    """A request whose header list is far over SETTINGS_MAX_HEADER_LIST_SIZE."""
    peer = RawPeer(target.address)
    headers = grpc_request_headers(extra=[(f"x-big-{i}", "v" * 1000) for i in range(512)])  # ~0.5 MiB
    block = peer.encoder.encode(headers)
    first, rest = block[:16384], block[16384:]
    data = frame(HEADERS, 0, 1, first)
    chunks = [rest[i:i + 16384] for i in range(0, len(rest), 16384)]
    for i, chunk in enumerate(chunks):
        data += frame(CONTINUATION, END_HEADERS if i == len(chunks) - 1 else 0, 1, chunk)
    peer.send(data + grpc_message())
    frames = peer.read_frames(5, until=lambda f: f[0] in (GOAWAY, RST_STREAM) or (f[0] == HEADERS and f[2] == 1))
    peer.close()
    kinds = {f[0] for f in frames}
    print(f"huge headers: frames {[(f[0], f[2]) for f in frames]}, closed={peer.closed}")
    # Refused: the stream reset, the connection closed, or (if the server answered) not with 200 OK
    # gRPC success: a huge header list must never reach the handler.
    assert RST_STREAM in kinds or GOAWAY in kinds or peer.closed, kinds
    target.assert_serves(pb)


def test_window_update_abuse_is_a_flow_control_error(target, pb):
    # Overflowing the connection window past 2^31-1 → connection error FLOW_CONTROL_ERROR.
    peer = RawPeer(target.address)
    peer.send(window_update(0, 0x7FFFFFFF) + window_update(0, 0x7FFFFFFF))
    closed, code = peer.wait_closed(5)
    peer.close()
    assert code == FLOW_CONTROL_ERROR, code
    # A zero increment on the connection → PROTOCOL_ERROR.
    peer = RawPeer(target.address)
    peer.send(window_update(0, 0))
    closed, code = peer.wait_closed(5)
    peer.close()
    assert code == PROTOCOL_ERROR, code
    target.assert_serves(pb)


def test_slowloris_preface_is_closed_after_the_handshake_timeout(target, pb):
    """A client that sends half the connection preface and then nothing."""
    peer = RawPeer(target.address, preface=False, timeout=30)
    peer.send(PREFACE[:10])
    start = time.monotonic()
    # Meanwhile others are served.
    target.assert_serves(pb)
    closed, _ = peer.wait_closed(60)
    elapsed = time.monotonic() - start
    peer.close()
    print(f"slowloris: closed={closed} after {elapsed:.1f} s")
    # Generous upper bound: a loaded 2-core machine fires timers seconds late.
    assert closed, "a half-sent preface held the connection for 60 s (handshake timeout is 10 s)"
    assert elapsed > 5, f"closed after {elapsed:.1f} s, before the 10 s handshake timeout"


def test_thousands_of_idle_connections(target, pb):
    """2,000 connections that complete the handshake and then idle: the server keeps serving,
    with bounded memory per connection, and frees them when they go."""
    before_rss, before_fds = target.rss_mib(), target.open_fds()
    peers = []
    for _ in range(2000):
        peers.append(RawPeer(target.address))
    time.sleep(1)
    first = target.assert_serves(pb)
    latency = min(target.assert_serves(pb) for _ in range(3))
    print(f"idle: first EmptyCall {first*1000:.0f} ms (new channel each)")
    rss = target.rss_mib()
    fds = target.open_fds()
    for p in peers:
        p.close()
    assert fds - before_fds >= 1900, f"only {fds - before_fds} connections open at the server"
    per_connection_kib = (rss - before_rss) * 1024 / 2000
    print(f"idle: {fds - before_fds} fds, {per_connection_kib:.1f} KiB/connection, EmptyCall {latency*1000:.1f} ms")
    assert per_connection_kib < 64, f"{per_connection_kib:.1f} KiB per idle connection"
    assert latency < 10, f"EmptyCall took {latency:.2f} s beside 2,000 idle connections"
    deadline = time.monotonic() + 30
    while target.open_fds() > before_fds + 10:
        assert time.monotonic() < deadline, f"{target.open_fds()} fds still open after the peers left"
        time.sleep(0.1)


def test_client_that_opens_streams_and_never_reads(target, pb):
    """Server-streaming calls asking for 64 MiB each, on a connection that never reads nor sends
    WINDOW_UPDATE: the server must stop producing at the flow-control window, not buffer it all."""
    before = target.rss_mib()
    peer = RawPeer(target.address)
    peer.send(settings(initial_window_size=65535))
    request = pb.messages.StreamingOutputCallRequest(
        response_parameters=[pb.messages.ResponseParameters(size=1 << 20) for _ in range(64)])
    body = grpc_message(request.SerializeToString())
    data = b""
    for i in range(8):
        stream = 1 + 2 * i
        data += peer.headers(stream, grpc_request_headers("/grpc.testing.TestService/StreamingOutputCall"))
        data += frame(0, 1, stream, body)  # DATA, END_STREAM
    peer.send(data)
    time.sleep(3)
    growth = target.rss_mib() - before
    print(f"never reads: RSS +{growth:.1f} MiB")
    served = target.assert_serves(pb)
    peer.close()
    assert growth < RSS_GROWTH_LIMIT_MIB, f"RSS grew {growth:.0f} MiB for 8 × 64 MiB unread responses"
    assert served < 10, f"an EmptyCall took {served:.1f} s beside the unread streams"
