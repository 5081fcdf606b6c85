"""Fixtures of the orders end-to-end suite (see Tests/E2ESupport/craftd_e2e.py); the server
runs with the demo catalogue, plus extra craftd arguments where a test needs them (e.g.
`--services orders --catalogue-addr …`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "E2ESupport"))

from craftd_e2e import ROOT, Server, bearer, generate_stubs  # noqa: E402,F401


@pytest.fixture(scope="session")
def pb(tmp_path_factory):
    """Modules generated from Protos/: pb.common, pb.catalogue(_grpc), pb.orders(_grpc)."""
    return generate_stubs(tmp_path_factory.mktemp("stubs"), ["catalogue", "orders"])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A demo server (catalogue seeded, orders empty) for the module."""
    srv = Server(tmp_path_factory.mktemp("craftd"), demo=True)
    srv.start()
    yield srv
    srv.stop()
