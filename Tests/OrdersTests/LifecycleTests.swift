import Auth
import CommonAPI
import Orders
import OrdersAPI
import ProtoWire
import RPCCore
import RPCTestSupport
import ServiceTestSupport
import Testing

@Suite("Orders: quotes, the order lifecycle, concurrency, permissions and feeds over RPC")
struct LifecycleTests {
  /// Buyer asks, producer prices, buyer counters, producer accepts, buyer orders.
  func acceptedQuoteOrder(_ h: OrdersHarness) async throws -> (Quote, Order) {
    var ask = RequestQuoteRequest()
    ask.listingId = Seed.basket
    ask.quantity = 300
    ask.targetUnitPrice = Money(amountMinor: 850, currencyCode: "usd")
    ask.note = "Cần 300 giỏ cho mùa xuân"
    var quote = try await h.buyer.requestQuote(ask).message
    #expect(quote.status == .pendingProducer && quote.producerId == Seed.producerA)
    #expect(quote.unitPrice == nil && quote.revisions.count == 1)
    #expect(quote.revisions[0].unitPrice == Money(amountMinor: 850, currencyCode: "USD"))

    // Not the buyer's turn; not the other producer's quote.
    var early = AcceptQuoteRequest()
    early.quoteId = quote.id
    #expect(await rpcError { _ = try await h.buyer.acceptQuote(early) }?.code == .permissionDenied)
    #expect(await rpcError { _ = try await h.producerB.getQuote(GetQuoteRequest(id: quote.id)) }?.code == .permissionDenied)

    var price = CounterQuoteRequest()
    price.quoteId = quote.id
    price.expectedVersion = quote.version
    price.unitPrice = Money(amountMinor: 950, currencyCode: "USD")
    price.leadTimeDays = 50
    quote = try await h.producerA.counterQuote(price).message
    #expect(quote.status == .pendingBuyer && quote.unitPrice?.amountMinor == 950)

    var counter = CounterQuoteRequest()
    counter.quoteId = quote.id
    counter.expectedVersion = quote.version
    counter.unitPrice = Money(amountMinor: 900, currencyCode: "USD")
    counter.quantity = 400
    quote = try await h.buyer.counterQuote(counter).message
    #expect(quote.status == .pendingProducer && quote.quantity == 400)
    #expect(quote.revisions.count == 3)

    var accept = AcceptQuoteRequest()
    accept.quoteId = quote.id
    accept.expectedVersion = quote.version
    quote = try await h.producerA.acceptQuote(accept).message
    #expect(quote.status == .accepted)

    var create = CreateOrderRequest()
    create.requestId = "r-quote"
    create.source = .quoteId(quote.id)
    let response = try await h.buyer.createOrder(create).message
    let order = try #require(response.orders.first)
    #expect(order.status == .confirmed && order.quoteId == quote.id)
    #expect(order.lines[0].quantity == 400 && order.lines[0].unitPrice?.amountMinor == 900)
    #expect(order.leadTimeDays == 50 && order.depositPercent == 30)
    #expect(try await h.buyer.getQuote(GetQuoteRequest(id: quote.id)).message.orderId == order.id)
    // One order per quote.
    create.requestId = "r-quote-again"
    #expect(await rpcError { _ = try await h.buyer.createOrder(create) }?.code == .failedPrecondition)
    return (quote, order)
  }

  @Test("quote → order → completed, every move recorded, payment and fulfilment apart")
  func fullWalk() async throws {
    let h = try await OrdersHarness()
    var (_, order) = try await acceptedQuoteOrder(h)
    let producer = h.producerA
    order = try await producer.transitionOrder(transition(order, to: .depositPending, note: "PI-7 sent")).message

    // Production waits for the deposit; the buyer cannot move the order; the deposit is the
    // producer's to record.
    let early = await rpcError { _ = try await producer.transitionOrder(transition(order, to: .inProduction)) }
    #expect(early?.code == .failedPrecondition)
    #expect(early?.message.contains("ORDER_STATUS_DEPOSIT_PENDING") == true)
    #expect(await rpcError { _ = try await h.buyer.transitionOrder(transition(order, to: .inProduction)) }?.code == .permissionDenied)
    #expect(await rpcError { _ = try await h.buyer.recordPayment(payment(order, .deposit, 108_000)) }?.code == .permissionDenied)

    order = try await producer.recordPayment(payment(order, .deposit, 108_000)).message
    #expect(order.paymentStatus == .depositPaid && order.status == .depositPending)
    order = try await producer.transitionOrder(transition(order, to: .inProduction)).message
    #expect(order.fulfilmentStatus == .inProduction)
    order = try await producer.transitionOrder(transition(order, to: .readyToShip)).message
    let noBill = await rpcError { _ = try await producer.transitionOrder(transition(order, to: .shipped)) }
    #expect(noBill?.code == .invalidArgument)
    order = try await producer.transitionOrder(transition(order, to: .shipped, bol: "HPH-2026-0042")).message
    #expect(order.billOfLadingNumber == "HPH-2026-0042" && order.fulfilmentStatus == .shipped)
    order = try await producer.transitionOrder(transition(order, to: .balancePending)).message
    let unpaid = await rpcError { _ = try await producer.transitionOrder(transition(order, to: .completed)) }
    #expect(unpaid?.code == .failedPrecondition)
    order = try await producer.recordPayment(payment(order, .balance, 252_000)).message
    #expect(order.paymentStatus == .paidInFull && order.paidAmount?.amountMinor == 360_000)

    var delivered = ConfirmDeliveryRequest()
    delivered.orderId = order.id
    delivered.expectedVersion = order.version
    #expect(await rpcError { _ = try await producer.confirmDelivery(delivered) }?.code == .permissionDenied)
    order = try await h.buyer.confirmDelivery(delivered).message
    #expect(order.fulfilmentStatus == .delivered && order.status == .balancePending)

    order = try await producer.transitionOrder(transition(order, to: .completed, note: "cảm ơn")).message
    #expect(order.status == .completed)
    let after = await rpcError { _ = try await producer.transitionOrder(transition(order, to: .balancePending)) }
    #expect(after?.code == .failedPrecondition)
    #expect(after?.message.contains("ORDER_STATUS_COMPLETED") == true)

    let stored = try await h.buyer.getOrder(GetOrderRequest(id: order.id)).message
    #expect(stored == order)
    let path: [OrderStatus] = [
      .confirmed, .depositPending, .inProduction, .readyToShip, .shipped, .balancePending, .completed,
    ]
    #expect(stored.history.map(\.toStatus) == path)
    #expect(stored.history.map(\.fromStatus) == [.unspecified] + path.dropLast())
    #expect(stored.history[1].note == "PI-7 sent")
    #expect(stored.history[1].by == CommonAPI.Actor(role: .producer, id: Seed.producerA))
    #expect(stored.history.allSatisfy { $0.at != nil })
    #expect(stored.payments.map(\.kind) == [.deposit, .balance])
    await h.close()
  }

  @Test("a stale expected version → ABORTED, and nothing changes")
  func optimisticConcurrency() async throws {
    let h = try await OrdersHarness()
    let order = try await h.buyer.createOrder(orderRequest("r-v", [(Seed.basket, 100)])).message.orders[0]
    let moved = try await h.producerA.transitionOrder(transition(order, to: .confirmed)).message
    #expect(moved.version == order.version + 1)
    // The second writer read version 1 too.
    let stale = await rpcError { _ = try await h.producerA.cancelOrder({
      var cancel = CancelOrderRequest()
      cancel.orderId = order.id
      cancel.expectedVersion = order.version
      return cancel
    }()) }
    #expect(stale?.code == .aborted)
    #expect(try await h.buyer.getOrder(GetOrderRequest(id: order.id)).message == moved)

    // Two concurrent moves from the same version: exactly one wins.
    let client = h.producerA
    let outcomes = await withTaskGroup(of: RPCStatus.Code?.self) { group in
      for _ in 0..<3 {
        group.addTask {
          await rpcError {
            _ = try await client.transitionOrder(transition(moved, to: .depositPending))
          }?.code
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(outcomes.filter { $0 == nil }.count == 1)
    #expect(outcomes.filter { $0 == .aborted }.count == 2)
    await h.close()
  }

  @Test("cancellation and disputes over RPC")
  func cancelAndDispute() async throws {
    let h = try await OrdersHarness()
    var order = try await h.buyer.createOrder(orderRequest("r-c", [(Seed.basket, 100), (Seed.tray, 50)])).message.orders[0]
    var cancel = CancelOrderRequest()
    cancel.orderId = order.id
    cancel.expectedVersion = order.version
    cancel.reason = "đổi mẫu"
    #expect(await rpcError { _ = try await h.producerB.cancelOrder(cancel) }?.code == .permissionDenied)
    order = try await h.buyer.cancelOrder(cancel).message
    #expect(order.status == .cancelled && order.history.last?.note == "đổi mẫu")

    var other = try await h.buyer.createOrder(orderRequest("r-d", [(Seed.basket, 100)])).message.orders[0]
    other = try await h.producerA.transitionOrder(transition(other, to: .confirmed)).message
    other = try await h.producerA.transitionOrder(transition(other, to: .depositPending)).message
    other = try await h.producerA.recordPayment(payment(other, .deposit, 30_000)).message
    other = try await h.producerA.transitionOrder(transition(other, to: .inProduction)).message
    cancel.orderId = other.id
    cancel.expectedVersion = other.version
    #expect(await rpcError { _ = try await h.buyer.cancelOrder(cancel) }?.code == .permissionDenied)
    var dispute = OpenDisputeRequest()
    dispute.orderId = other.id
    dispute.expectedVersion = other.version
    dispute.reason = "mẫu sai màu"
    other = try await h.buyer.openDispute(dispute).message
    #expect(other.status == .disputed && other.dispute?.statusBefore == .inProduction)
    var resolve = ResolveDisputeRequest()
    resolve.orderId = other.id
    resolve.expectedVersion = other.version
    resolve.resumeStatus = .inProduction
    resolve.resolution = "làm lại"
    #expect(await rpcError { _ = try await h.buyer.resolveDispute(resolve) }?.code == .permissionDenied)
    other = try await h.admin.resolveDispute(resolve).message
    #expect(other.status == .inProduction && other.dispute?.resolution == "làm lại")
    await h.close()
  }

  @Test("reads: parties and admins; anonymous UNAUTHENTICATED; lists scoped to the caller")
  func readPermissions() async throws {
    let h = try await OrdersHarness()
    let response = try await h.buyer.createOrder(orderRequest("r-r", [(Seed.basket, 100), (Seed.tray, 50)])).message
    let order = response.orders[0]
    #expect(await rpcError { _ = try await h.client(nil).getOrder(GetOrderRequest(id: order.id)) }?.code == .unauthenticated)
    #expect(await rpcError { _ = try await h.client(nil).listOrders(ListOrdersRequest()) }?.code == .unauthenticated)
    #expect(await rpcError { _ = try await h.client(.buyer(Seed.otherBuyer)).getOrder(GetOrderRequest(id: order.id)) }?.code == .permissionDenied)
    #expect(await rpcError { _ = try await h.producerB.getOrder(GetOrderRequest(id: order.id)) }?.code == .permissionDenied)
    #expect(await rpcError { _ = try await h.client(Caller(role: .analyst)).getOrder(GetOrderRequest(id: order.id)) }?.code == .permissionDenied)
    #expect(try await h.producerA.getOrder(GetOrderRequest(id: order.id)).message == order)
    #expect(await rpcError { _ = try await h.buyer.getOrder(GetOrderRequest(id: "o-none")) }?.code == .notFound)

    // The group shows each producer only its own order.
    let groupID = try #require(response.group?.id)
    #expect(try await h.producerB.getOrderGroup(GetOrderGroupRequest(id: groupID)).message.orders.map(\.producerId) == [Seed.producerB])
    #expect(try await h.buyer.getOrderGroup(GetOrderGroupRequest(id: groupID)).message.orders.count == 2)

    #expect(try await h.producerA.listOrders(ListOrdersRequest()).message.orders.map(\.id) == [order.id])
    #expect(try await h.client(.buyer(Seed.otherBuyer)).listOrders(ListOrdersRequest()).message.orders.isEmpty)
    var foreign = ListOrdersRequest()
    foreign.buyerId = Seed.buyer
    #expect(await rpcError { _ = try await h.client(.buyer(Seed.otherBuyer)).listOrders(foreign) }?.code == .permissionDenied)

    // Paging, newest first.
    for index in 0..<4 { _ = try await h.buyer.createOrder(orderRequest("r-page-\(index)", [(Seed.tray, 50)])) }
    var page = ListOrdersRequest()
    page.pageSize = 4
    let first = try await h.buyer.listOrders(page).message
    page.pageToken = first.nextPageToken
    let second = try await h.buyer.listOrders(page).message
    #expect(first.orders.count == 4 && second.orders.count == 2 && second.nextPageToken.isEmpty)
    #expect(Set((first.orders + second.orders).map(\.id)).count == 6)
    await h.close()
  }

  @Test("an open quote past valid_until expires, with a system event")
  func quoteExpiry() async throws {
    let h = try await OrdersHarness()
    var ask = RequestQuoteRequest()
    ask.listingId = Seed.tray
    ask.quantity = 80
    let quote = try await h.buyer.requestQuote(ask).message
    h.clock.advance(days: 15)
    #expect(try await h.buyer.getQuote(GetQuoteRequest(id: quote.id)).message.status == .expired)
    var price = CounterQuoteRequest()
    price.quoteId = quote.id
    price.unitPrice = Money(amountMinor: 400, currencyCode: "USD")
    let late = await rpcError { _ = try await h.producerB.counterQuote(price) }
    #expect(late?.code == .failedPrecondition)
    let events = try await h.store.events(after: 0)
    #expect(events.map(\.type) == [.quoteRequested, .quoteExpired])
    #expect(events[1].actor?.role == .system)
    await h.close()
  }

  @Test("WatchOrderEvents: stored events in seq order, resumable, scoped to the caller")
  func eventFeed() async throws {
    let h = try await OrdersHarness()
    let order = try await h.buyer.createOrder(orderRequest("r-f", [(Seed.basket, 100), (Seed.tray, 50)])).message.orders[0]
    _ = try await h.producerA.transitionOrder(transition(order, to: .confirmed))
    _ = try await h.client(.buyer(Seed.otherBuyer)).createOrder(orderRequest("r-g", [(Seed.tray, 50)]))

    func collect(_ client: OrdersServiceClient, _ request: WatchOrderEventsRequest) async throws -> [OrderEvent] {
      var request = request
      request.untilCaughtUp = true
      return try await client.watchOrderEvents(request) { stream in
        try await stream.reduce(into: []) { $0.append($1) }
      }
    }
    let all = try await collect(h.client(Caller(role: .analyst)), WatchOrderEventsRequest())
    #expect(all.map(\.type) == [.orderCreated, .orderCreated, .orderStatusChanged, .orderCreated])
    #expect(all.map(\.seq) == [1, 2, 3, 4])
    #expect(all[2].fromStatus == .draft && all[2].toStatus == .confirmed)
    var resume = WatchOrderEventsRequest()
    resume.afterSeq = 2
    #expect(try await collect(h.admin, resume).map(\.seq) == [3, 4])
    #expect(try await collect(h.buyer, WatchOrderEventsRequest()).map(\.seq) == [1, 2, 3])
    #expect(try await collect(h.producerB, WatchOrderEventsRequest()).map(\.seq) == [2, 4])
    var types = WatchOrderEventsRequest()
    types.types = [.orderStatusChanged]
    #expect(try await collect(h.admin, types).map(\.seq) == [3])
    var beyond = WatchOrderEventsRequest()
    beyond.afterSeq = 99
    #expect(await rpcError { _ = try await collect(h.admin, beyond) }?.code == .outOfRange)
    #expect(await rpcError { _ = try await collect(h.client(nil), WatchOrderEventsRequest()) }?.code == .unauthenticated)
    await h.close()
  }

  @Test("WatchOrder follows one order live and ends when it completes")
  func watchOneOrder() async throws {
    let h = try await OrdersHarness()
    var order = try await h.buyer.createOrder(orderRequest("r-w", [(Seed.basket, 100)])).message.orders[0]
    var watch = WatchOrderRequest()
    watch.orderId = order.id
    #expect(await rpcError {
      _ = try await h.producerB.watchOrder(watch) { try await $0.reduce(0) { n, _ in n + 1 } }
    }?.code == .permissionDenied)
    let buyer = h.buyer
    let follower = Task {
      try await buyer.watchOrder(watch) { stream in
        try await stream.reduce(into: [OrderEvent]()) { $0.append($1) }
      }
    }
    let producer = h.producerA
    order = try await producer.transitionOrder(transition(order, to: .confirmed)).message
    var cancel = CancelOrderRequest()
    cancel.orderId = order.id
    cancel.expectedVersion = order.version
    _ = try await h.buyer.cancelOrder(cancel)
    let events = try await follower.value
    #expect(events.map(\.toStatus) == [.draft, .confirmed, .cancelled])
    await h.close()
  }
}
