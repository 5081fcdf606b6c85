"""Fixtures of the operations end-to-end suite (backups, logs, health) (see Tests/E2ESupport/craftd_e2e.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "E2ESupport"))

from craftd_e2e import CRAFTD, ROOT, Server, bearer, drain, free_port, generate_stubs  # noqa: E402,F401


@pytest.fixture(scope="session")
def pb(tmp_path_factory):
    """Modules generated from Protos/: pb.common, pb.catalogue(_grpc), pb.orders(_grpc)."""
    return generate_stubs(tmp_path_factory.mktemp("stubs"), ["catalogue", "orders"])
