"""Fixtures of the rich-error suite (see Tests/E2ESupport/craftd_e2e.py): `craftd serve --demo`
over real HTTP/2 on 127.0.0.1, stock grpcio stubs generated from Protos/ for all three services."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "E2ESupport"))

from craftd_e2e import Server, bearer, generate_stubs  # noqa: E402,F401


@pytest.fixture(scope="session")
def pb(tmp_path_factory):
    """pb.common and pb.<service>(_grpc) for catalogue, orders and matching."""
    return generate_stubs(tmp_path_factory.mktemp("stubs"), ["catalogue", "orders", "matching"])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A demo server for the module."""
    srv = Server(tmp_path_factory.mktemp("craftd"), demo=True)
    srv.start()
    yield srv
    srv.stop()
