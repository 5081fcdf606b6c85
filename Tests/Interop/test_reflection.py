"""Server reflection: grpcio-reflection's client (v1alpha) and raw grpc.reflection.v1 calls with
messages from the upstream reflection.proto."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf import descriptor_pb2, descriptor_pool
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
    ProtoReflectionDescriptorDatabase,
)

TIMEOUT = 10
NOT_FOUND = grpc.StatusCode.NOT_FOUND.value[0]  # 5

EXPECTED_SERVICES = {
    "grpc.testing.TestService",
    "grpc.health.v1.Health",
    "grpc.reflection.v1.ServerReflection",
    "grpc.reflection.v1alpha.ServerReflection",
}


def assert_test_service_matches_upstream(service, pb):
    """`service` (a resolved ServiceDescriptor) has upstream's TestService methods and types."""
    upstream = pb.test.DESCRIPTOR.services_by_name["TestService"]
    got = {m.name: (m.input_type.full_name, m.output_type.full_name,
                    m.client_streaming, m.server_streaming) for m in service.methods}
    want = {m.name: (m.input_type.full_name, m.output_type.full_name,
                     m.client_streaming, m.server_streaming) for m in upstream.methods}
    assert got == want


# --- grpcio-reflection client (v1alpha) -----------------------------------------------------------

@pytest.fixture
def reflection_db(channel):
    return ProtoReflectionDescriptorDatabase(channel)


def test_v1alpha_list_services(reflection_db):
    services = set(reflection_db.get_services())
    missing = EXPECTED_SERVICES - services
    assert not missing, f"not listed: {sorted(missing)} (got {sorted(services)})"


def test_v1alpha_file_containing_symbol_defines_service_and_dependencies_resolve(reflection_db, pb):
    fdp = reflection_db.FindFileContainingSymbol("grpc.testing.TestService")
    assert isinstance(fdp, descriptor_pb2.FileDescriptorProto)
    assert fdp.package == "grpc.testing"
    assert "TestService" in [s.name for s in fdp.service]
    # A pool backed by the reflection database resolves every dependency through the server.
    pool = descriptor_pool.DescriptorPool(reflection_db)
    service = pool.FindServiceByName("grpc.testing.TestService")
    assert service.file.name == fdp.name
    for dep in fdp.dependency:
        assert pool.FindFileByName(dep).name == dep
    assert_test_service_matches_upstream(service, pb)
    # The message types the methods use are complete (fields resolved) as upstream defines them.
    req = pool.FindMessageTypeByName("grpc.testing.SimpleRequest")
    upstream_req = pb.messages.SimpleRequest.DESCRIPTOR
    assert {(f.name, f.number) for f in req.fields} == \
        {(f.name, f.number) for f in upstream_req.fields}


def test_v1alpha_unknown_symbol_not_found(reflection_db):
    with pytest.raises(KeyError):
        reflection_db.FindFileContainingSymbol("no.such.Symbol")


# --- raw grpc.reflection.v1 ---------------------------------------------------------------------

class V1:
    def __init__(self, pb, channel):
        self.req = pb.pool.message("grpc.reflection.v1.ServerReflectionRequest")
        self.resp = pb.pool.message("grpc.reflection.v1.ServerReflectionResponse")
        self.call = channel.stream_stream(
            "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
            request_serializer=self.req.SerializeToString,
            response_deserializer=self.resp.FromString)

    def ask(self, **kw):
        """One request on a fresh stream; returns the one response."""
        responses = list(self.call(iter([self.req(**kw)]), timeout=TIMEOUT))
        assert len(responses) == 1
        return responses[0]


@pytest.fixture
def v1(pb, channel):
    return V1(pb, channel)


def test_v1_list_services(v1):
    r = v1.ask(list_services="")
    assert r.WhichOneof("message_response") == "list_services_response", r
    services = {s.name for s in r.list_services_response.service}
    missing = EXPECTED_SERVICES - services
    assert not missing, f"not listed: {sorted(missing)} (got {sorted(services)})"


def test_v1_file_containing_symbol_and_dependencies(v1, pb):
    r = v1.ask(file_containing_symbol="grpc.testing.TestService")
    assert r.WhichOneof("message_response") == "file_descriptor_response", r
    assert r.original_request.file_containing_symbol == "grpc.testing.TestService"
    files = {}
    for raw in r.file_descriptor_response.file_descriptor_proto:
        fdp = descriptor_pb2.FileDescriptorProto.FromString(raw)
        files[fdp.name] = fdp
    defining = [f for f in files.values()
                if f.package == "grpc.testing" and "TestService" in [s.name for s in f.service]]
    assert len(defining) == 1, f"no file defining grpc.testing.TestService in {sorted(files)}"

    # Fetch whatever dependency did not come along, by file name, transitively.
    todo = [d for f in list(files.values()) for d in f.dependency if d not in files]
    while todo:
        name = todo.pop()
        if name in files:
            continue
        dr = v1.ask(file_by_filename=name)
        assert dr.WhichOneof("message_response") == "file_descriptor_response", \
            f"dependency {name!r} did not resolve: {dr}"
        for raw in dr.file_descriptor_response.file_descriptor_proto:
            fdp = descriptor_pb2.FileDescriptorProto.FromString(raw)
            files.setdefault(fdp.name, fdp)
            todo.extend(d for d in fdp.dependency if d not in files)
        assert name in files, f"file_by_filename {name!r} did not return that file"

    # All of it builds in an empty pool: every dependency resolved.
    pool = descriptor_pool.DescriptorPool()
    added: set[str] = set()

    def add(name):
        if name in added:
            return
        for d in files[name].dependency:
            add(d)
        pool.Add(files[name])
        added.add(name)

    for name in files:
        add(name)
    assert_test_service_matches_upstream(pool.FindServiceByName("grpc.testing.TestService"), pb)


def test_v1_unknown_symbol_not_found(v1):
    r = v1.ask(file_containing_symbol="no.such.Symbol")
    assert r.WhichOneof("message_response") == "error_response", r
    assert r.error_response.error_code == NOT_FOUND


def test_v1_unknown_file_not_found(v1):
    r = v1.ask(file_by_filename="no/such/file.proto")
    assert r.WhichOneof("message_response") == "error_response", r
    assert r.error_response.error_code == NOT_FOUND


def test_v1_several_requests_on_one_stream(v1):
    """ServerReflectionInfo is bidirectional: one response per request, in order."""
    reqs = [v1.req(list_services=""), v1.req(file_containing_symbol="no.such.Symbol"),
            v1.req(file_containing_symbol="grpc.health.v1.Health")]
    responses = list(v1.call(iter(reqs), timeout=TIMEOUT))
    assert [r.WhichOneof("message_response") for r in responses] == [
        "list_services_response", "error_response", "file_descriptor_response"]
