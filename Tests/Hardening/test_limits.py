"""Issue 8, item 1: the limits are configurable from craftd's command line and take effect:
the connection limit closes the connection beyond it, SETTINGS advertise the stream and header
limits given, and the idle and handshake timeouts close connections when told.
"""

from __future__ import annotations

import struct
import time

from conftest import start_target, stop_target
from frames import PREFACE, SETTINGS, RawPeer

SETTINGS_MAX_CONCURRENT_STREAMS = 0x3
SETTINGS_MAX_HEADER_LIST_SIZE = 0x6


def test_connection_beyond_max_connections_is_closed(tmp_path, pb):
    target = start_target(tmp_path, pb, ["--max-connections", "3"])
    try:
        time.sleep(0.5)  # the start-up probe's connection is closed
        peers = [RawPeer(target.address) for _ in range(3)]
        for peer in peers:
            assert any(kind == SETTINGS for kind, *_ in peer.read_frames(5, until=lambda f: f[0] == SETTINGS))
        extra = RawPeer(target.address)
        closed, _ = extra.wait_closed(20)
        extra.close()
        assert closed, "a fourth connection was kept with --max-connections 3"
        for peer in peers:
            peer.read_frames(0.2)
            assert not peer.closed, "an admitted connection was closed"
        peers.pop().close()
        deadline = time.monotonic() + 20
        while True:  # the freed slot serves a newcomer
            try:
                target.assert_serves(pb)
                break
            except Exception:
                assert time.monotonic() < deadline, "no newcomer served after a connection left"
                time.sleep(0.2)
        for peer in peers:
            peer.close()
    finally:
        stop_target(target)


def test_settings_advertise_the_configured_limits(tmp_path, pb):
    target = start_target(tmp_path, pb, ["--max-streams-per-connection", "7",
                                         "--max-header-list-bytes", "4096"])
    try:
        peer = RawPeer(target.address)
        frames = peer.read_frames(5, until=lambda f: f[0] == SETTINGS and not f[1] & 1)
        peer.close()
        payload = next(p for kind, flags, _, p in frames if kind == SETTINGS and not flags & 1)
        values = dict(struct.unpack(">HI", payload[i:i + 6]) for i in range(0, len(payload), 6))
        assert values.get(SETTINGS_MAX_CONCURRENT_STREAMS) == 7, values
        assert values.get(SETTINGS_MAX_HEADER_LIST_SIZE) == 4096, values
    finally:
        stop_target(target)


def test_idle_and_handshake_timeouts_from_the_command_line(tmp_path, pb):
    target = start_target(tmp_path, pb, ["--idle-timeout-seconds", "1", "--handshake-timeout-seconds", "1"])
    try:
        idle = RawPeer(target.address)
        silent = RawPeer(target.address, preface=False, timeout=30)
        silent.send(PREFACE[:10])
        start = time.monotonic()
        idle_closed, code = idle.wait_closed(20)
        silent_closed, _ = silent.wait_closed(20)
        elapsed = time.monotonic() - start
        idle.close()
        silent.close()
        print(f"timeouts: idle closed={idle_closed} (GOAWAY {code}), half preface closed={silent_closed}, "
              f"within {elapsed:.1f} s")
        assert idle_closed, "an idle connection outlived --idle-timeout-seconds 1 by 20 s"
        assert silent_closed, "a half-sent preface outlived --handshake-timeout-seconds 1 by 20 s"
        target.assert_serves(pb)
    finally:
        stop_target(target)
