"""grpc.health.v1.Health, per grpc/grpc doc/health-checking.md and the upstream health.proto comments,
with grpcio-health-checking's client (and once with messages from the upstream proto)."""

from __future__ import annotations

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

TIMEOUT = 10
SERVING = health_pb2.HealthCheckResponse.SERVING


@pytest.fixture
def health(channel):
    return health_pb2_grpc.HealthStub(channel)


@pytest.mark.parametrize("service", ["", "grpc.testing.TestService"],
                         ids=["whole-server", "TestService"])
def test_check_serving(health, service):
    response = health.Check(health_pb2.HealthCheckRequest(service=service), timeout=TIMEOUT)
    assert response.status == SERVING


def test_check_unknown_service_is_not_found(health):
    with pytest.raises(grpc.RpcError) as e:
        health.Check(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=TIMEOUT)
    assert e.value.code() == grpc.StatusCode.NOT_FOUND


def test_watch_whole_server_sends_serving_first(health):
    call = health.Watch(health_pb2.HealthCheckRequest(service=""), timeout=TIMEOUT)
    try:
        first = next(call)
        assert first.status == SERVING
    finally:
        call.cancel()


def test_watch_unknown_service_sends_service_unknown_and_stays_open(health):
    """health.proto: an unknown service gets SERVICE_UNKNOWN and the call is *not* terminated."""
    call = health.Watch(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=TIMEOUT)
    try:
        first = next(call)
        assert first.status == health_pb2.HealthCheckResponse.SERVICE_UNKNOWN
        assert call.is_active(), "Watch must stay open for an unknown service"
    finally:
        call.cancel()


def test_check_with_upstream_proto_messages(pb, channel):
    """The same Check through messages built from /usr/share/grpc-proto's health.proto."""
    req_cls = pb.pool.message("grpc.health.v1.HealthCheckRequest")
    resp_cls = pb.pool.message("grpc.health.v1.HealthCheckResponse")
    check = channel.unary_unary("/grpc.health.v1.Health/Check",
                                request_serializer=req_cls.SerializeToString,
                                response_deserializer=resp_cls.FromString)
    response = check(req_cls(service=""), timeout=TIMEOUT)
    serving = resp_cls.DESCRIPTOR.enum_types_by_name["ServingStatus"].values_by_name["SERVING"]
    assert response.status == serving.number
