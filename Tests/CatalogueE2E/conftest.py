"""Fixtures of the catalogue end-to-end suite (see Tests/E2ESupport/craftd_e2e.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "E2ESupport"))

from craftd_e2e import CRAFTCTL, ROOT, Server, bearer, drain, generate_stubs  # noqa: E402,F401


@pytest.fixture(scope="session")
def pb(tmp_path_factory):
    """Modules generated from Protos/: pb.common, pb.catalogue, pb.catalogue_grpc."""
    return generate_stubs(tmp_path_factory.mktemp("stubs"), ["catalogue"])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A demo catalogue server for the module."""
    srv = Server(tmp_path_factory.mktemp("craftd"), demo=True)
    srv.start()
    yield srv
    srv.stop()
