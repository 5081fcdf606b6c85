"""INVALID_ARGUMENT carries gRPC's rich error model: `grpc-status-details-bin` holds a
google.rpc.Status with the call's code and message and a google.rpc.BadRequest naming the bad
field, read here the stock way, with grpcio-status (`grpc_status.rpc_status.from_call`) and the
upstream googleapis messages — one method per service."""

from __future__ import annotations

import grpc
import pytest
from google.rpc import code_pb2, error_details_pb2
from grpc_status import rpc_status

from conftest import bearer


def field_violations(error: grpc.RpcError) -> list[tuple[str, str]]:
    """The BadRequest field violations of a failed call, after checking the status matches."""
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT, error
    status = rpc_status.from_call(error)  # raises ValueError if code or message differ
    assert status is not None, "no grpc-status-details-bin trailer"
    assert status.code == code_pb2.INVALID_ARGUMENT
    assert status.message == error.details()
    violations = []
    for detail in status.details:
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            violations += [(v.field, v.description) for v in bad.field_violations]
    return violations


def test_catalogue_create_listing_names_listing_moq(server, pb):
    with grpc.insecure_channel(server.address) as channel:
        catalogue = pb.catalogue_grpc.CatalogueServiceStub(channel)
        producer = catalogue.ListProducers(pb.catalogue.ListProducersRequest(page_size=1)).producers[0]
        token = server.token("producer", producer.id)
        listing = pb.catalogue.Listing(
            producer_id=producer.id, sku="BAD-MOQ", moq=-5, category=1, hs_code="4602.12",
            title=pb.common.LocalizedText(vi="Giỏ mây", en="Rattan basket"))
        with pytest.raises(grpc.RpcError) as caught:
            catalogue.CreateListing(pb.catalogue.CreateListingRequest(listing=listing),
                                    metadata=bearer(token), timeout=10)
        violations = field_violations(caught.value)
        assert [field for field, _ in violations] == ["listing.moq"], violations
        assert "at least 1" in violations[0][1]
        assert caught.value.details().startswith("listing.moq: ")


def test_orders_request_quote_names_quantity(server, pb):
    with grpc.insecure_channel(server.address) as channel:
        orders = pb.orders_grpc.OrdersServiceStub(channel)
        token = server.token("buyer", "b-error-details")
        with pytest.raises(grpc.RpcError) as caught:
            orders.RequestQuote(pb.orders.RequestQuoteRequest(listing_id="lst-00001", quantity=0),
                                metadata=bearer(token), timeout=10)
        assert field_violations(caught.value) == [("quantity", "must be positive")]


def test_matching_get_buyer_names_buyer_id(server, pb):
    with grpc.insecure_channel(server.address) as channel:
        matching = pb.matching_grpc.MatchingServiceStub(channel)
        token = server.token("analyst")
        with pytest.raises(grpc.RpcError) as caught:
            matching.GetBuyer(pb.matching.GetBuyerRequest(buyer_id=""), metadata=bearer(token), timeout=10)
        assert field_violations(caught.value) == [("buyer_id", "required")]


def test_other_errors_carry_no_bad_request(server, pb):
    """NOT_FOUND is not a field problem: no details trailer, as before."""
    with grpc.insecure_channel(server.address) as channel:
        catalogue = pb.catalogue_grpc.CatalogueServiceStub(channel)
        with pytest.raises(grpc.RpcError) as caught:
            catalogue.GetListing(pb.catalogue.GetListingRequest(id="lst-does-not-exist"), timeout=10)
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert rpc_status.from_call(caught.value) is None
