"""The three services as separate processes (issue 7, item 1): a buyer posts an RFQ in matching,
matching proposes producers it learnt from the catalogue in another process, the buyer asks for
an introduction, the producer accepts, they agree a quote and an order in the orders process,
and the order is completed — over real HTTP/2 between three craftd processes, with tokens from
the one shared auth directory. On the way each service is killed or stopped and started again on
its port, and the flow carries on: clients reconnect, and matching's followers resume from the
seqs they stored, so a listing created while matching or its upstream was down is matched
afterwards, and the completed order shows in matching as "already trades" and in the report's
conversion."""

from __future__ import annotations

import datetime
import signal
import subprocess
import time
from types import SimpleNamespace

import grpc
import pytest

from conftest import ROOT, Server, bearer
from craftd_e2e import CRAFTD


def wait_for(predicate, timeout=90.0, interval=0.25):
    """Polls `predicate` until it returns something truthy; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail("condition not met in time")
        time.sleep(interval)


def retry_unavailable(call, timeout=60.0):
    """`call()`, retried while it fails with UNAVAILABLE (a peer that is restarting)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return call()
        except grpc.RpcError as error:
            if error.code() != grpc.StatusCode.UNAVAILABLE or time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def day(offset):
    d = datetime.date.today() + datetime.timedelta(days=offset)
    return d


class Clients:
    """Fresh stubs for each service (after a restart the old channels would reconnect too; fresh
    ones keep the test's own client out of what is tested)."""

    def __init__(self, pb, deployment):
        self.pb, self.d = pb, deployment

    @property
    def catalogue(self):
        return self.pb.catalogue_grpc.CatalogueServiceStub(grpc.insecure_channel(self.d.catalogue.address))

    @property
    def orders(self):
        return self.pb.orders_grpc.OrdersServiceStub(grpc.insecure_channel(self.d.orders.address))

    @property
    def matching(self):
        return self.pb.matching_grpc.MatchingServiceStub(grpc.insecure_channel(self.d.matching.address))


def matches(clients, rfq_id, who, **options):
    m = clients.pb.matching
    request = m.MatchProducersForRfqRequest(rfq_id=rfq_id, page_size=10)
    if options:
        request.options.CopyFrom(m.MatchOptions(**options))
    return retry_unavailable(lambda: clients.matching.MatchProducersForRfq(request, metadata=who))


def new_listing(clients, producer_id, producer, sku, words):
    """A seagrass listing of `producer_id` whose title carries `words` (to find it by text)."""
    c, cat = clients.pb.common, clients.pb.catalogue
    listing = cat.Listing(
        producer_id=producer_id, sku=sku, status=cat.Listing.STATUS_ACTIVE,
        title=c.LocalizedText(vi=f"Giỏ cói {words}", en=f"Seagrass basket {words}"),
        description=c.LocalizedText(vi="Đan tay", en=f"Hand-woven seagrass storage basket {words}"),
        category=c.CRAFT_CATEGORY_SEAGRASS_SEDGE, hs_code="4602.19", materials=["seagrass"],
        unit=c.QUANTITY_UNIT_PIECE, moq=100,
        price_tiers=[cat.PriceTier(min_quantity=100, unit_price=c.Money(amount_minor=850, currency_code="USD"))],
        incoterm=c.INCOTERM_FOB, incoterm_place="Hải Phòng", lead_time_days=30, monthly_capacity=20000)
    return retry_unavailable(lambda: clients.catalogue.CreateListing(
        cat.CreateListingRequest(listing=listing), metadata=producer))


def rfq_for(clients, buyer, request_id, text):
    m, c = clients.pb.matching, clients.pb.common
    d = day(120)
    return clients.matching.CreateRfq(m.CreateRfqRequest(request_id=request_id, rfq=m.Rfq(
        title=text, description=f"Hand-woven seagrass storage basket, {text}",
        category=c.CRAFT_CATEGORY_SEAGRASS_SEDGE, materials=["seagrass"], quantity=600,
        quantity_unit=c.QUANTITY_UNIT_PIECE, target_unit_price=c.Money(amount_minor=900, currency_code="USD"),
        deadline=c.CalendarDate(year=d.year, month=d.month, day=d.day), incoterm=c.INCOTERM_FOB,
        port="Hải Phòng", max_proposals=10)), metadata=buyer)


def proposes(clients, rfq_id, who, listing_id):
    """The match list of `rfq_id` shows `listing_id` as some producer's best listing."""
    return any(x.producer.listing.listing_id == listing_id for x in matches(clients, rfq_id, who).matches)


def test_rfq_to_completed_order_across_three_processes_with_restarts(pb, deployment):
    d = deployment
    clients = Clients(pb, d)
    m, o, c = pb.matching, pb.orders, pb.common
    # One auth directory: tokens from it work on every process.
    buyer_id = "b-3p-osaka"
    buyer = bearer(d.matching.token("buyer", buyer_id))
    analyst = bearer(d.orders.token("analyst"))

    me = clients.matching.CreateBuyer(m.CreateBuyerRequest(buyer=m.Buyer(
        company_name="Osaka Kago Trading K.K.", country_code="JP", buyer_type=m.BUYER_TYPE_IMPORTER,
        categories=[c.CRAFT_CATEGORY_SEAGRASS_SEDGE], materials=["seagrass"],
        contact=c.Contact(person_name="Aiko Mori", email="aiko@osaka-kago.example.jp"))), metadata=buyer)
    assert me.id == buyer_id
    rfq = rfq_for(clients, buyer, "3p-1", "Seagrass storage baskets")

    # Matching learns the demo catalogue from the other process's change feed.
    ranked = wait_for(lambda: (r := matches(clients, rfq.id, buyer)).total_matches >= 2 and r)
    top = ranked.matches[0]
    # The producer the buyer will order from directly: one priced in USD, like the order.
    second = next(x for x in ranked.matches[1:] if x.producer.listing.unit_price.currency_code == "USD")
    producer_id, listing_id = top.producer.producer.producer_id, top.producer.listing.listing_id
    assert producer_id and second.producer.producer.producer_id != producer_id
    assert not top.already_trades
    novelty = next(x for x in top.components if x.factor == m.SCORE_FACTOR_NOVELTY)
    assert novelty.reason.en == "Never introduced and no orders between them: a new partner"
    producer = bearer(d.catalogue.token("producer", producer_id))

    intro = clients.matching.RequestIntroduction(m.RequestIntroductionRequest(
        producer_id=producer_id, rfq_id=rfq.id, listing_id=listing_id, match_id=top.match_id,
        message="Samples, please"), metadata=buyer)
    accepted = clients.matching.RespondToIntroduction(
        m.RespondToIntroductionRequest(introduction_id=intro.id, accept=True), metadata=producer)
    assert accepted.status == m.INTRODUCTION_STATUS_ACCEPTED
    assert accepted.buyer_contact.email == "aiko@osaka-kago.example.jp"

    # Matching dies; a listing is created meanwhile; matching resumes from its stored seq.
    d.matching.stop(signal.SIGKILL)
    while_down = new_listing(clients, producer_id, producer, "3P-DOWN-1", "kagoshimazu")
    d.matching.start()
    rfq_down = rfq_for(clients, buyer, "3p-2", "kagoshimazu")
    wait_for(lambda: proposes(clients, rfq_down.id, buyer, while_down.id))

    # The catalogue dies mid-flow and comes back on its port: matching's follower and the
    # orders service's catalogue client reconnect.
    d.catalogue.stop(signal.SIGKILL)
    d.catalogue.start()
    after_restart = new_listing(clients, producer_id, producer, "3P-DOWN-2", "tottorigusa")
    rfq_after = rfq_for(clients, buyer, "3p-3", "tottorigusa")
    wait_for(lambda: proposes(clients, rfq_after.id, buyer, after_restart.id))

    # Quote → order, validated by the orders process against the restarted catalogue.
    quote = retry_unavailable(lambda: clients.orders.RequestQuote(o.RequestQuoteRequest(
        listing_id=listing_id, quantity=600, note="For the RFQ"), metadata=buyer))
    assert quote.producer_id == producer_id
    quote = clients.orders.CounterQuote(o.CounterQuoteRequest(
        quote_id=quote.id, expected_version=quote.version,
        unit_price=c.Money(amount_minor=880, currency_code="USD")), metadata=producer)
    quote = clients.orders.AcceptQuote(o.AcceptQuoteRequest(quote_id=quote.id, expected_version=quote.version),
                                       metadata=buyer)
    order = clients.orders.CreateOrder(o.CreateOrderRequest(request_id="3p-order", quote_id=quote.id),
                                       metadata=buyer).orders[0]
    assert order.status == o.ORDER_STATUS_CONFIRMED

    # The orders service restarts (SIGTERM, drained) mid-order; matching's orders follower resumes.
    d.orders.restart(signal.SIGTERM)
    api = clients.orders

    def move(target, **extra):
        nonlocal order
        order = api.TransitionOrder(o.TransitionOrderRequest(
            order_id=order.id, expected_version=order.version, target_status=target, **extra), metadata=producer)

    def pay(kind, amount):
        nonlocal order
        order = api.RecordPayment(o.RecordPaymentRequest(
            order_id=order.id, expected_version=order.version, kind=kind,
            amount=c.Money(amount_minor=amount, currency_code="USD"), reference="VCB-3P"), metadata=producer)

    move(o.ORDER_STATUS_DEPOSIT_PENDING)
    pay(o.PAYMENT_KIND_DEPOSIT, order.deposit_amount.amount_minor)
    move(o.ORDER_STATUS_IN_PRODUCTION)
    move(o.ORDER_STATUS_READY_TO_SHIP)
    move(o.ORDER_STATUS_SHIPPED, bill_of_lading_number="HPH-3P-1")
    move(o.ORDER_STATUS_BALANCE_PENDING)
    pay(o.PAYMENT_KIND_BALANCE, order.balance_amount.amount_minor)
    order = api.ConfirmDelivery(o.ConfirmDeliveryRequest(order_id=order.id, expected_version=order.version),
                                metadata=buyer)
    move(o.ORDER_STATUS_COMPLETED)
    assert order.status == o.ORDER_STATUS_COMPLETED

    # A direct order with the second producer, never introduced: only the orders feed can tell
    # matching that this pair trades.
    other_id, other_listing = second.producer.producer.producer_id, second.producer.listing
    api.CreateOrder(o.CreateOrderRequest(request_id="3p-direct", currency_code="USD", items=o.OrderItems(
        items=[o.OrderItem(listing_id=other_listing.listing_id, quantity=max(other_listing.moq, 600))])),
        metadata=buyer)

    def trading():
        found = {x.producer.producer.producer_id: x for x in matches(clients, rfq.id, buyer).matches}
        known = found.get(producer_id)
        direct = found.get(other_id)
        if not (known and direct and direct.already_trades):
            return None
        return known, direct

    known, direct = wait_for(trading)
    assert known.already_trades and direct.already_trades and direct.introduction_id == ""
    for match in (known, direct):
        reason = next(x for x in match.components if x.factor == m.SCORE_FACTOR_NOVELTY)
        assert reason.value == 0 and reason.reason.en == "Already trades: 1 order(s) between them"
    fresh = matches(clients, rfq.id, buyer, exclude_existing_partners=True)
    assert {producer_id, other_id}.isdisjoint(x.producer.producer.producer_id for x in fresh.matches)

    # The producer's report converts the introduction into the completed order.
    today = datetime.date.today()
    # Days are Vietnam's (UTC+7): a day either side covers today wherever the test runs.
    first, last = today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)
    period = c.DateRange(start=c.CalendarDate(year=first.year, month=first.month, day=first.day),
                         end=c.CalendarDate(year=last.year, month=last.month, day=last.day))

    def report():
        sections = list(clients.matching.StreamPartnerReport(m.StreamPartnerReportRequest(
            producer_id=producer_id, period=period, language="en"), metadata=analyst))
        summary = next(s.summary for s in sections if s.WhichOneof("content") == "summary")
        funnel = next(s.funnel for s in sections if s.WhichOneof("content") == "funnel")
        steps = {step.stage: step.count for step in funnel.steps}
        return (summary, steps) if steps.get(m.FUNNEL_STAGE_ORDERS_COMPLETED) == 1 else None

    summary, steps = wait_for(report)
    assert summary.orders_available and summary.orders == 1
    assert summary.introductions_accepted == 1 and summary.conversion_to_orders == 1.0
    assert [(x.currency_code, x.amount_minor) for x in summary.order_value] == [("USD", 880 * 600)]
    assert steps[m.FUNNEL_STAGE_QUOTES] == 1 and steps[m.FUNNEL_STAGE_ORDERS] == 1


@pytest.mark.parametrize("args, message", [
    (["--services", "matching"], "--services matching needs the catalogue"),
    (["--services", "orders,matching"], "--services orders needs the catalogue"),
    (["--services", "catalogue", "--catalogue-addr", "127.0.0.1:50061"], "--catalogue-addr names a service this process runs"),
    (["--services", "orders", "--catalogue-addr", "localhost"], "--catalogue-addr must be host:port"),
    (["--services", "matching", "--catalogue-addr", "127.0.0.1:1", "--orders-addr", "h:0"], "--orders-addr must be host:port"),
    (["--services", "catalogue", "--service-token", "not-a-token"], "--service-token"),
])
def test_serve_refuses_missing_or_wrong_addresses(tmp_path, args, message):
    """A service that needs another one names the flag to give; nothing starts serving."""
    run = subprocess.run([CRAFTD, "serve", "--data-dir", str(tmp_path), "--port", "0", *args], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0
    assert message in run.stderr, run.stderr


def test_a_given_service_token_is_used_and_its_revocation_stops_the_feed(pb, tmp_path):
    """`--service-token`: matching follows the remote catalogue with a registered system token
    instead of minted ones; once it is revoked, the catalogue refuses the next subscription
    (UNAUTHENTICATED), so new listings stop reaching matching."""
    auth = tmp_path / "auth"
    catalogue = Server(tmp_path / "catalogue", demo=True, extra=["--services", "catalogue"], auth_dir=auth)
    catalogue.start()
    issued = subprocess.run([CRAFTD, "token", "--auth-dir", str(auth), "--role", "system", "--days", "1"],
                            cwd=ROOT, check=True, capture_output=True, text=True)
    token, token_id = issued.stdout.strip(), issued.stderr.split()[1]
    matching = Server(tmp_path / "matching", demo=False, auth_dir=auth, extra=[
        "--services", "matching", "--catalogue-addr", catalogue.address, "--service-token", token])
    try:
        matching.start()
        clients = Clients(pb, SimpleNamespace(catalogue=catalogue, matching=matching, orders=None))
        m, c = pb.matching, pb.common
        buyer = bearer(matching.token("buyer", "b-3p-token"))
        clients.matching.CreateBuyer(m.CreateBuyerRequest(buyer=m.Buyer(
            company_name="Token Test GmbH", country_code="DE", buyer_type=m.BUYER_TYPE_IMPORTER,
            categories=[c.CRAFT_CATEGORY_SEAGRASS_SEDGE])), metadata=buyer)
        rfq = rfq_for(clients, buyer, "tok-1", "Seagrass storage baskets")
        top = wait_for(lambda: matches(clients, rfq.id, buyer).matches)[0]
        producer_id = top.producer.producer.producer_id
        producer = bearer(catalogue.token("producer", producer_id))

        subprocess.run([CRAFTD, "token", "revoke", "--auth-dir", str(auth), token_id], cwd=ROOT, check=True,
                       capture_output=True)
        catalogue.restart(signal.SIGTERM)  # ends the feed stream: matching subscribes again
        wait_for(lambda: "the bearer token has been revoked" in matching.log.read_text())
        refused = new_listing(clients, producer_id, producer, "TOK-1", "revokedgrass")
        probe = rfq_for(clients, buyer, "tok-2", "revokedgrass")
        time.sleep(3)  # several resubscription attempts, each refused
        assert not proposes(clients, probe.id, buyer, refused.id)
    finally:
        matching.stop()
        catalogue.stop()
