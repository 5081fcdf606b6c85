"""End-to-end tests of matching: a stock Python grpcio client (stubs generated at run time from
this repository's Protos/) against `craftd serve --demo` over real HTTP/2 on 127.0.0.1, with real
tokens from `craftd token`. The server process handling (start, readiness, tokens) is the
catalogue suite's (Tests/CatalogueE2E/conftest.py), loaded under another module name.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import time
from pathlib import Path

import grpc
import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

_spec = importlib.util.spec_from_file_location("catalogue_e2e_conftest", HERE.parent / "CatalogueE2E" / "conftest.py")
catalogue_e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(catalogue_e2e)
Server = catalogue_e2e.Server
bearer = catalogue_e2e.bearer
CRAFTCTL = catalogue_e2e.CRAFTCTL


@pytest.fixture(scope="session")
def pb(tmp_path_factory):
    """Modules generated from Protos/: pb.common, pb.matching, pb.matching_grpc."""
    from grpc_tools import protoc
    import grpc_tools

    out = tmp_path_factory.mktemp("stubs")
    include = Path(grpc_tools.__file__).parent / "_proto"
    protos = ["craft/common/v1/common.proto", "craft/matching/v1/matching.proto"]
    code = protoc.main(["protoc", f"-I{ROOT / 'Protos'}", f"-I{include}", f"--python_out={out}",
                        f"--grpc_python_out={out}", *protos])
    assert code == 0, "protoc failed"
    sys.path.insert(0, str(out))

    class Modules:
        common = importlib.import_module("craft.common.v1.common_pb2")
        matching = importlib.import_module("craft.matching.v1.matching_pb2")
        matching_grpc = importlib.import_module("craft.matching.v1.matching_pb2_grpc")
    return Modules


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A demo server (catalogue and market) for the module."""
    srv = Server(tmp_path_factory.mktemp("craftd"), demo=True)
    srv.start()
    yield srv
    srv.stop()


def wait_for(predicate, timeout=60.0, interval=0.2):
    """Polls `predicate` until it returns something truthy; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail("condition not met in time")
        time.sleep(interval)


@pytest.fixture(scope="module")
def ready(pb, server):
    """Waits until matching's read model has caught up with the demo catalogue: some demo RFQ
    has matches, and its number of matches stays the same for two seconds."""
    api = pb.matching_grpc.MatchingServiceStub(grpc.insecure_channel(server.address))
    m = pb.matching
    analyst = bearer(server.token("analyst"))

    def first_matching():
        rfqs = api.ListRfqs(m.ListRfqsRequest(status=m.RFQ_STATUS_OPEN, page_size=30), metadata=analyst).rfqs
        for rfq in rfqs:
            if api.MatchProducersForRfq(m.MatchProducersForRfqRequest(rfq_id=rfq.id, page_size=1),
                                        metadata=analyst).matches:
                return rfq.id
        return None

    rfq_id = wait_for(first_matching, timeout=90, interval=0.5)
    last, stable_since = -1, time.monotonic()
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        total = api.MatchProducersForRfq(m.MatchProducersForRfqRequest(rfq_id=rfq_id, page_size=1),
                                         metadata=analyst).total_matches
        if total != last:
            last, stable_since = total, time.monotonic()
        elif time.monotonic() - stable_since >= 2:
            return
        time.sleep(0.25)
    pytest.fail("the matching read model did not settle")
