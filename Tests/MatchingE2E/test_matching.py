"""Matching end to end, as issue 5 describes it: a buyer posts an RFQ and gets ranked producers
with reasons; it asks for an introduction to the best one; contacts stay hidden until the
producer accepts, and are revealed to both sides after; a producer asks who to talk to next and
gets buyers. Plus the demo market (`--demo`) and `craftctl match`."""

from __future__ import annotations

import datetime
import json
import subprocess

import grpc
import pytest

from conftest import CRAFTCTL, ROOT, bearer

DEMO_MARKETS = {"US", "JP", "GB", "ES", "IN", "DE", "KR", "AU"}


def stub(pb, server):
    return pb.matching_grpc.MatchingServiceStub(grpc.insecure_channel(server.address))


def day(offset_days):
    d = datetime.date.today() + datetime.timedelta(days=offset_days)
    return d


def code_of(call):
    with pytest.raises(grpc.RpcError) as info:
        call()
    return info.value.code()


def producer_ids(response):
    return [m.producer.producer.producer_id for m in response.matches]


def test_demo_market_buyers_in_real_markets_and_open_rfqs(pb, server, ready):
    api = stub(pb, server)
    m = pb.matching
    analyst = bearer(server.token("analyst"))
    buyers, token = [], ""
    while True:
        page = api.ListBuyers(m.ListBuyersRequest(page_size=100, page_token=token), metadata=analyst)
        buyers += page.buyers
        token = page.next_page_token
        if not token:
            break
    demo = [b for b in buyers if b.id.startswith("byr-")]
    assert len(demo) == 200
    assert DEMO_MARKETS <= {b.country_code for b in demo}
    us = sum(b.country_code == "US" for b in demo)
    assert us == max(sum(b.country_code == c for b in demo) for c in DEMO_MARKETS), "the US is the largest market"
    # Analysts do not see contacts.
    assert all(not b.HasField("contact") for b in demo)
    assert all(b.categories and b.typical_order_quantity.max_quantity > 0 for b in demo)

    rfqs, token = [], ""
    while True:
        page = api.ListRfqs(m.ListRfqsRequest(status=m.RFQ_STATUS_OPEN, page_size=200, page_token=token),
                            metadata=analyst)
        rfqs += page.rfqs
        token = page.next_page_token
        if not token:
            break
    demo_rfqs = [r for r in rfqs if r.id.startswith("rfq-demo-")]
    assert len(demo_rfqs) >= 480
    today = datetime.date.today()
    for rfq in demo_rfqs:
        deadline = datetime.date(rfq.deadline.year, rfq.deadline.month, rfq.deadline.day)
        assert deadline > today + datetime.timedelta(days=40)
        assert rfq.buyer_id.startswith("byr-") and rfq.quantity > 0 and rfq.target_unit_price.currency_code == "USD"


def test_buyer_rfq_ranked_producers_introduction_contacts_after_accept(pb, server, ready):
    api = stub(pb, server)
    m, c = pb.matching, pb.common
    buyer = bearer(server.token("buyer", "e2e-buyer-kobe"))

    me = api.CreateBuyer(m.CreateBuyerRequest(buyer=m.Buyer(
        company_name="Kobe Zakka Trading K.K.", country_code="jp", buyer_type=m.BUYER_TYPE_IMPORTER,
        categories=[c.CRAFT_CATEGORY_SEAGRASS_SEDGE], materials=["seagrass"],
        contact=c.Contact(person_name="Yuki Tanaka", email="yuki@kobe-zakka.example.jp"))), metadata=buyer)
    assert me.id == "e2e-buyer-kobe" and me.country_code == "JP"

    d = day(120)
    rfq = api.CreateRfq(m.CreateRfqRequest(request_id="e2e-1", rfq=m.Rfq(
        title="Seagrass storage baskets", description="Hand-woven seagrass storage basket, natural colour",
        category=c.CRAFT_CATEGORY_SEAGRASS_SEDGE, materials=["seagrass"], quantity=600,
        quantity_unit=c.QUANTITY_UNIT_PIECE, target_unit_price=c.Money(amount_minor=900, currency_code="USD"),
        deadline=c.CalendarDate(year=d.year, month=d.month, day=d.day), incoterm=c.INCOTERM_FOB,
        port="Hải Phòng", max_proposals=10)), metadata=buyer)
    assert rfq.status == m.RFQ_STATUS_OPEN

    # The read model follows the catalogue's feed after start-up: wait until it has producers.
    ranked = api.MatchProducersForRfq(m.MatchProducersForRfqRequest(rfq_id=rfq.id, page_size=10), metadata=buyer)
    assert 1 <= len(ranked.matches) <= 10
    assert [x.rank for x in ranked.matches] == list(range(1, len(ranked.matches) + 1))
    scores = [x.score for x in ranked.matches]
    assert scores == sorted(scores, reverse=True)
    for match in ranked.matches:
        card = match.producer
        assert card.listing.category == c.CRAFT_CATEGORY_SEAGRASS_SEDGE
        assert card.listing.moq <= 600
        assert len(match.components) == 9
        assert abs(sum(x.contribution for x in match.components) - match.score) < 1e-9
        assert all(x.reason.vi and x.reason.en for x in match.components)
        assert not match.already_trades
    assert ranked.total_matches >= len(ranked.matches)
    assert any(f.excluded > 0 for f in ranked.excluded), "hard filters removed someone"

    top = ranked.matches[0]
    producer_id = top.producer.producer.producer_id
    producer = bearer(server.token("producer", producer_id))

    # Before the introduction: the producer cannot see the buyer's contact.
    assert not api.GetBuyer(m.GetBuyerRequest(buyer_id=me.id), metadata=producer).HasField("contact")

    intro = api.RequestIntroduction(m.RequestIntroductionRequest(
        producer_id=producer_id, rfq_id=rfq.id, listing_id=top.producer.listing.listing_id,
        match_id=top.match_id, message="We would like samples."), metadata=buyer)
    assert intro.status == m.INTRODUCTION_STATUS_REQUESTED
    assert not intro.HasField("buyer_contact") and not intro.HasField("producer_contact")
    seen = api.GetIntroduction(m.GetIntroductionRequest(introduction_id=intro.id), metadata=producer)
    assert not seen.HasField("buyer_contact") and not seen.HasField("producer_contact")
    # The requester cannot answer its own request; a stranger cannot see it.
    assert code_of(lambda: api.RespondToIntroduction(
        m.RespondToIntroductionRequest(introduction_id=intro.id, accept=True), metadata=buyer)
    ) == grpc.StatusCode.PERMISSION_DENIED
    other = bearer(server.token("producer", "prd-not-a-party"))
    assert code_of(lambda: api.GetIntroduction(
        m.GetIntroductionRequest(introduction_id=intro.id), metadata=other)) == grpc.StatusCode.PERMISSION_DENIED

    accepted = api.RespondToIntroduction(
        m.RespondToIntroductionRequest(introduction_id=intro.id, accept=True), metadata=producer)
    assert accepted.status == m.INTRODUCTION_STATUS_ACCEPTED
    assert accepted.buyer_contact.email == "yuki@kobe-zakka.example.jp"
    assert accepted.producer_contact.email.endswith(".example.vn")
    assert accepted.response_seconds >= 0
    as_buyer = api.GetIntroduction(m.GetIntroductionRequest(introduction_id=intro.id), metadata=buyer)
    assert as_buyer.producer_contact.email == accepted.producer_contact.email
    assert api.GetBuyer(m.GetBuyerRequest(buyer_id=me.id), metadata=producer).contact.email == \
        "yuki@kobe-zakka.example.jp"

    # The pair is now known: flagged, and left out on request.
    again = api.MatchProducersForRfq(m.MatchProducersForRfqRequest(rfq_id=rfq.id, page_size=10), metadata=buyer)
    known = [x for x in again.matches if x.producer.producer.producer_id == producer_id]
    assert known and known[0].already_trades and known[0].introduction_id == intro.id
    fresh = api.MatchProducersForRfq(m.MatchProducersForRfqRequest(
        rfq_id=rfq.id, page_size=10, options=m.MatchOptions(exclude_existing_partners=True)), metadata=buyer)
    assert producer_id not in producer_ids(fresh)


def test_producer_asks_for_new_buyers_and_gets_them(pb, server, ready):
    api = stub(pb, server)
    m, c = pb.matching, pb.common
    analyst = bearer(server.token("analyst"))
    # A demo producer of a category demo buyers ask for: the first producer of a demo RFQ's match.
    rfqs = api.ListRfqs(m.ListRfqsRequest(status=m.RFQ_STATUS_OPEN, page_size=50), metadata=analyst).rfqs
    producer_id = ""
    for rfq in rfqs:
        ranked = api.MatchProducersForRfq(m.MatchProducersForRfqRequest(rfq_id=rfq.id, page_size=3), metadata=analyst)
        if ranked.matches:
            producer_id = ranked.matches[0].producer.producer.producer_id
            break
    assert producer_id, "some demo RFQ has a fitting producer"
    producer = bearer(server.token("producer", producer_id))
    response = api.MatchBuyersForProducer(m.MatchBuyersForProducerRequest(page_size=20), metadata=producer)
    assert response.total_matches >= 1 and response.matches
    for match in response.matches:
        assert match.WhichOneof("candidate") == "buyer"
        assert match.buyer.buyer.buyer_id and match.buyer.buyer.country_code
        assert len(match.components) == 9 and all(x.reason.en for x in match.components)
    assert any(x.buyer.HasField("rfq") for x in response.matches), "open RFQs are proposed"
    # New partners: nobody proposed here has an accepted introduction with this producer yet.
    assert not any(x.already_trades for x in response.matches)
    # Another producer's token cannot ask on its behalf.
    other = bearer(server.token("producer", "prd-someone-else"))
    assert code_of(lambda: api.MatchBuyersForProducer(
        m.MatchBuyersForProducerRequest(producer_id=producer_id), metadata=other)) == grpc.StatusCode.PERMISSION_DENIED


def test_craftctl_match_rfq_table_and_json(pb, server, ready):
    analyst = server.token("analyst")
    api = stub(pb, server)
    m = pb.matching
    rfqs = api.ListRfqs(m.ListRfqsRequest(status=m.RFQ_STATUS_OPEN, page_size=50),
                        metadata=bearer(analyst)).rfqs
    rfq_id = next(r.id for r in rfqs if api.MatchProducersForRfq(
        m.MatchProducersForRfqRequest(rfq_id=r.id, page_size=1), metadata=bearer(analyst)).matches)
    base = [CRAFTCTL, "--addr", server.address, "--token", analyst]
    table = subprocess.run(base + ["match", "rfq", rfq_id, "--lang", "en"], check=True, capture_output=True,
                           text=True, cwd=ROOT).stdout
    lines = table.splitlines()
    assert lines[0].split()[:5] == ["RANK", "PRODUCER", "NAME", "VILLAGE", "SCORE"]
    assert lines[1].split()[0] == "1"
    assert "producers pass the hard filters" in table
    out = subprocess.run(base + ["--json", "match", "rfq", rfq_id], check=True, capture_output=True, text=True,
                         cwd=ROOT).stdout
    data = json.loads(out)
    assert data["matches"][0]["rank"] == 1
    assert len(data["matches"][0]["components"]) == 9
    assert data["matches"][0]["producer"]["producer"]["producer_id"] == lines[1].split()[1]
