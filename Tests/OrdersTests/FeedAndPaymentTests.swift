import Auth
import CommonAPI
import Orders
import OrdersAPI
import RPCCore
import RPCTestSupport
import ServiceTestSupport
import Testing

@Suite("Orders: expiry sweeps, payments, the live feed across a restart")
struct FeedAndPaymentTests {
  @Test("the sweep expires exactly the open quotes past valid_until, once")
  func expirySweep() async throws {
    let h = try await OrdersHarness()
    var ask = RequestQuoteRequest()
    ask.listingId = Seed.tray
    ask.quantity = 80
    let early = try await h.buyer.requestQuote(ask).message
    let other = try await h.client(.buyer(Seed.otherBuyer)).requestQuote(ask).message
    h.clock.advance(days: 10)
    let late = try await h.buyer.requestQuote(ask).message
    h.clock.advance(days: 5)
    #expect(try await h.store.expireDueQuotes() == 2)
    #expect(try await h.store.expireDueQuotes() == 0)
    let expired = try await h.store.events(after: 0, types: [.quoteExpired])
    #expect(Set(expired.map(\.quoteId)) == [early.id, other.id])
    #expect(expired.allSatisfy { $0.actor?.role == .system })
    #expect(try await h.buyer.getQuote(GetQuoteRequest(id: late.id)).message.status == .pendingProducer)
    var statuses = ListQuotesRequest()
    statuses.statuses = [.expired]
    #expect(try await h.buyer.listQuotes(statuses).message.quotes.map(\.id) == [early.id])
    await h.close()
  }

  @Test("payments: producer or admin, the order's currency, never beyond the subtotal or what was paid")
  func payments() async throws {
    let h = try await OrdersHarness()
    var order = try await h.buyer.createOrder(orderRequest("r-pay", [(Seed.basket, 100)])).message.orders[0]
    // Nothing is paid on a draft.
    #expect(await rpcError { _ = try await h.producerA.recordPayment(payment(order, .deposit, 30_000)) }?.code == .failedPrecondition)
    order = try await h.producerA.transitionOrder(transition(order, to: .confirmed)).message
    var wrongCurrency = payment(order, .deposit, 30_000)
    wrongCurrency.amount?.currencyCode = "EUR"
    #expect(await rpcError { _ = try await h.producerA.recordPayment(wrongCurrency) }?.code == .invalidArgument)
    #expect(await rpcError { _ = try await h.producerA.recordPayment(payment(order, .deposit, 0)) }?.code == .invalidArgument)
    #expect(await rpcError { _ = try await h.producerA.recordPayment(payment(order, .balance, 100_001)) }?.code == .failedPrecondition)
    #expect(await rpcError { _ = try await h.producerA.recordPayment(payment(order, .refund, 1)) }?.code == .failedPrecondition)
    order = try await h.admin.recordPayment(payment(order, .deposit, 30_000)).message
    #expect(order.paymentStatus == .depositPaid && order.status == .confirmed)
    order = try await h.producerA.recordPayment(payment(order, .refund, 10_000)).message
    #expect(order.paymentStatus == .partiallyRefunded && order.paidAmount?.amountMinor == 20_000)
    #expect(order.payments.map(\.id) == ["pay-1", "pay-2"])
    #expect(order.payments[0].recordedBy == CommonAPI.Actor(role: .admin))
    // Delivery is confirmed only once shipped.
    var delivered = ConfirmDeliveryRequest()
    delivered.orderId = order.id
    #expect(await rpcError { _ = try await h.buyer.confirmDelivery(delivered) }?.code == .failedPrecondition)
    let events = try await h.store.events(after: 0, orderID: order.id)
    #expect(events.map(\.type) == [.orderCreated, .orderStatusChanged, .paymentRecorded, .paymentRecorded])
    await h.close()
  }

  @Test("WatchOrderEvents delivers live events, and resumes by seq after a restart")
  func liveFeedAcrossRestart() async throws {
    let directory = try TemporaryDirectory()
    var lastSeen: UInt64 = 0
    do {
      let h = try await OrdersHarness(directory: directory)
      let analyst = h.client(Caller(role: .analyst))
      let watcher = Task {
        try await analyst.watchOrderEvents(WatchOrderEventsRequest()) { stream in
          var seen: [OrderEvent] = []
          for try await event in stream {
            seen.append(event)
            if seen.count == 3 { break }
          }
          return seen
        }
      }
      for index in 0..<3 {
        _ = try await h.buyer.createOrder(orderRequest("r-live-\(index)", [(Seed.tray, 50)]))
      }
      let seen = try await watcher.value
      #expect(seen.map(\.seq) == [1, 2, 3])
      #expect(seen.allSatisfy { $0.type == .orderCreated })
      lastSeen = seen[1].seq
      await h.close()
    }
    let h = try await OrdersHarness(directory: directory, seed: false)
    _ = try await h.buyer.createOrder(orderRequest("r-live-3", [(Seed.tray, 50)]))
    var resume = WatchOrderEventsRequest()
    resume.afterSeq = lastSeen
    resume.untilCaughtUp = true
    let rest = try await h.admin.watchOrderEvents(resume) { stream in
      try await stream.reduce(into: [OrderEvent]()) { $0.append($1) }
    }
    #expect(rest.map(\.seq) == [3, 4])
    await h.close()
  }
}
