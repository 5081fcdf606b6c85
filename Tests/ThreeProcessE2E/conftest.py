"""Fixtures of the three-process suite (see Tests/E2ESupport/craftd_e2e.py): the catalogue, the
orders service and matching, each a `craftd serve --services X` process with its own data
directory on its own loopback port, all sharing one auth directory — the shape
Deploy/local/run.sh starts."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "E2ESupport"))

from craftd_e2e import ROOT, Server, bearer, generate_stubs  # noqa: E402,F401


@pytest.fixture(scope="session")
def pb(tmp_path_factory):
    """Modules generated from Protos/: pb.common, pb.catalogue, pb.orders, pb.matching (+ _grpc)."""
    return generate_stubs(tmp_path_factory.mktemp("stubs"), ["catalogue", "orders", "matching"])


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """The three services apart: the catalogue with the demo data, orders validating against
    it, matching following both feeds over HTTP/2."""
    root = tmp_path_factory.mktemp("deployment")
    auth = root / "auth"
    catalogue = Server(root / "catalogue", demo=True, extra=["--services", "catalogue"], auth_dir=auth)
    catalogue.start()
    orders = Server(root / "orders", demo=False, auth_dir=auth,
                    extra=["--services", "orders", "--catalogue-addr", catalogue.address])
    matching = Server(root / "matching", demo=False, auth_dir=auth,
                      extra=["--services", "matching", "--catalogue-addr", catalogue.address])
    try:
        orders.start()
        matching.extra += ["--orders-addr", orders.address]
        matching.start()
        yield SimpleNamespace(catalogue=catalogue, orders=orders, matching=matching, auth=auth)
    finally:
        for server in (matching, orders, catalogue):
            server.stop()
