import Auth
import CommonAPI
import CraftCLI
import Foundation
import Matching
import MatchingAPI
import Orders
import OrdersAPI
import RPCCore
import RPCInProcess
import RPCTestSupport
import ServiceTestSupport
import Testing

/// A real orders service beside the harness: its own SQLite file, validating against the
/// harness's catalogue, and a matching follower of its event feed (as craftd wires them).
final class TradeWorld: @unchecked Sendable {
  let harness: Harness
  private(set) var orders: OrdersStore
  private var follower: Task<Void, Never>?

  init() async throws {
    harness = try await Harness()
    try await harness.seedCatalogue()
    let clock = harness.clock
    orders = try OrdersStore(path: harness.directory.path + "/orders.sqlite", clock: { clock.now })
    startFollowing()
  }

  /// An orders client calling as `caller`.
  func ordersClient(as caller: Caller) -> OrdersServiceClient {
    var router = RPCRouter(interceptors: [FixedCallerInterceptor(caller: caller)])
    router.register(OrdersServiceImpl(store: orders, catalogue: harness.catalogueClient))
    return OrdersServiceClient(RPCClient(transport: InProcessTransport(serving: router).client))
  }

  func startFollowing() {
    var follower = harness.store.ordersFollower(client: ordersClient(as: .system))
    follower.retryDelay = .milliseconds(20)
    self.follower = Task { [follower] in await follower.run() }
  }

  func stopFollowing() async {
    follower?.cancel()
    await follower?.value
    follower = nil
  }

  /// Waits until matching has stored every orders event committed so far.
  func catchUp() async throws {
    let newest = try await orders.newestSeq()
    let deadline = ContinuousClock.now + .seconds(30)
    while try await harness.store.lastAppliedOrderSeq() < newest {
      guard ContinuousClock.now < deadline else {
        Issue.record("matching did not catch up with orders seq \(newest)")
        return
      }
      try await Task.sleep(for: .milliseconds(10))
    }
  }

  /// `quantity` pieces of `listing`, bought by `buyer` straight from the listing.
  func order(_ buyer: String, listing: String, quantity: Int64 = 1_000, requestID: String) async throws -> Order {
    var request = CreateOrderRequest()
    request.requestId = requestID
    request.currencyCode = "USD"
    var item = OrderItem()
    item.listingId = listing
    item.quantity = quantity
    request.source = .items(OrderItems(items: [item]))
    return try await ordersClient(as: .buyer(buyer)).createOrder(request).message.orders[0]
  }

  func shutdown() async {
    await stopFollowing()
    await orders.close()
    await harness.shutdown()
  }
}

@Suite struct TradeFeedTests {
  func novelty(_ match: Match) -> ScoreComponent? { match.components.first { $0.factor == .novelty } }

  @Test("an order flags the pair as already trading, drops its novelty and excludes it on request")
  func ordersMakeKnownPartners() async throws {
    let world = try await TradeWorld()
    let rfq = try await world.harness.seedBuyerAndRfq()
    try await world.harness.catchUp()
    let buyer = world.harness.client(as: .buyer("B1"))
    let before = try await buyer.matchProducersForRfq(MatchProducersForRfqRequest(rfqId: rfq.id)).message
    #expect(before.matches.map(\.producerID) == ["p-good", "p-good2"])
    for match in before.matches {
      #expect(!match.alreadyTrades)
      #expect(novelty(match)?.value == 1)
      // Orders are followed: "no orders" is known, not assumed.
      #expect(novelty(match)?.reason?.en == "Never introduced and no orders between them: a new partner")
    }

    // B1 buys from p-good2 without any introduction.
    _ = try await world.order("B1", listing: "l-good2", requestID: "direct-1")
    try await world.catchUp()
    let after = try await buyer.matchProducersForRfq(MatchProducersForRfqRequest(rfqId: rfq.id)).message
    let trading = try #require(after.matches.first { $0.producerID == "p-good2" })
    #expect(trading.alreadyTrades)
    #expect(trading.introductionId.isEmpty)
    #expect(novelty(trading)?.value == 0)
    #expect(novelty(trading)?.reason?.en == "Already trades: 1 order(s) between them")
    #expect(after.matches.first { $0.producerID == "p-good" }?.alreadyTrades == false)
    var options = MatchOptions()
    options.excludeExistingPartners = true
    let excluding = try await buyer.matchProducersForRfq(
      MatchProducersForRfqRequest(rfqId: rfq.id, options: options)).message
    #expect(excluding.matches.map(\.producerID) == ["p-good"])
    #expect(excluding.excluded.contains(FilterCount(filter: .existingPartner, excluded: 1)))
    // The other direction: p-good2 asking for buyers sees B1 flagged.
    let buyers = try await world.harness.client(as: .producer("p-good2")).matchBuyersForProducer(
      MatchBuyersForProducerRequest()).message.matches
    #expect(buyers.contains { $0.alreadyTrades })

    // A cancelled order is not trade.
    let cancelled = try await world.order("B2", listing: "l-good", requestID: "direct-2")
    var cancel = CancelOrderRequest()
    cancel.orderId = cancelled.id
    cancel.expectedVersion = cancelled.version
    cancel.reason = "changed plans"
    _ = try await world.ordersClient(as: .buyer("B2")).cancelOrder(cancel)
    try await world.catchUp()
    let forB2 = try await world.harness.client(as: .producer("p-good")).matchBuyersForProducer(
      MatchBuyersForProducerRequest()).message.matches
    #expect(!forB2.contains { $0.alreadyTrades })
    await world.shutdown()
  }

  @Test("reports: orders after an accepted introduction fill the summary, the funnel and the countries")
  func reportConversion() async throws {
    let world = try await TradeWorld()
    let rfq = try await world.harness.seedBuyerAndRfq()
    try await world.harness.catchUp()
    let buyer = world.harness.client(as: .buyer("B1"))
    _ = try await buyer.matchProducersForRfq(MatchProducersForRfqRequest(rfqId: rfq.id))
    // An order before any introduction: counted among all orders (a new partner), not converted.
    _ = try await world.order("B1", listing: "l-good2", requestID: "early")
    var ask = RequestIntroductionRequest()
    ask.producerId = "p-good"
    ask.rfqId = rfq.id
    let intro = try await buyer.requestIntroduction(ask).message
    world.harness.clock.advance(seconds: 3_600)
    _ = try await world.harness.client(as: .producer("p-good")).respondToIntroduction(
      RespondToIntroductionRequest(introductionId: intro.id, accept: true))
    world.harness.clock.advance(seconds: 3_600)
    let first = try await world.order("B1", listing: "l-good", requestID: "after-1")
    _ = try await world.order("B1", listing: "l-good", requestID: "after-2")
    try await world.catchUp()

    var request = StreamPartnerReportRequest()
    request.scope = .city(true)
    request.period = ReportWorld.november
    request.language = "en"
    let sections = try await world.harness.client(as: Caller(role: .analyst)).streamPartnerReport(request) {
      stream in
      var sections: [ReportSection] = []
      for try await section in stream { sections.append(section) }
      return sections
    }
    let report = PartnerReportDocument(sections: sections)
    let summary = try #require(report.summary)
    #expect(summary.value.ordersAvailable)
    #expect(summary.note.isEmpty)
    #expect(summary.value.orders == 2)
    #expect(summary.value.conversionToOrders == 2)  // two orders per accepted introduction
    #expect(abs(summary.value.newPartnerOrderShare - 2.0 / 3.0) < 1e-9)  // l-good2's, and l-good's first
    let value = first.subtotal?.amountMinor ?? 0
    #expect(value > 0)
    #expect(summary.value.orderValue == [Money(amountMinor: 2 * value, currencyCode: "USD")])
    let funnel = try #require(report.funnel)
    #expect(
      funnel.value.steps.map(\.stage) == [
        .matchesProposed, .introductionsRequested, .introductionsAccepted, .quotes, .orders, .ordersCompleted,
      ])
    #expect(funnel.value.steps.map(\.count).suffix(3) == [0, 2, 0])
    #expect(funnel.note.isEmpty)
    #expect(report.countries?.value.rows.first { $0.countryCode == "US" }?.orders == 2)
    // The HTML shows the order stages the server sent instead of "not available".
    #expect(!report.html.contains("not available yet"))
    await world.shutdown()
  }

  @Test("the trade read model resumes after a restart of matching with every event applied exactly once")
  func resumesExactlyOnce() async throws {
    let world = try await TradeWorld()
    _ = try await world.harness.seedBuyerAndRfq()
    _ = try await world.order("B1", listing: "l-good", requestID: "r-1")
    try await world.catchUp()
    await world.stopFollowing()
    await world.harness.stopMatching()
    // Written while matching is down.
    let second = try await world.order("B2", listing: "l-good2", requestID: "r-2")
    var cancel = CancelOrderRequest()
    cancel.orderId = second.id
    cancel.expectedVersion = second.version
    _ = try await world.ordersClient(as: .buyer("B2")).cancelOrder(cancel)
    try await world.harness.restartMatching()
    world.startFollowing()
    try await world.catchUp()
    let newest = try await world.orders.newestSeq()
    #expect(try await world.harness.store.appliedOrderEventCount() == Int64(newest))
    #expect(try await world.harness.store.lastAppliedOrderSeq() == newest)
    await world.shutdown()
  }
}
