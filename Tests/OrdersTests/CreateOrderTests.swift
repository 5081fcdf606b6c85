import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import Orders
import OrdersAPI
import RPCCore
import RPCInProcess
import RPCTestSupport
import ServiceTestSupport
import Testing

@Suite("Orders: CreateOrder against the catalogue over RPC, idempotency")
struct CreateOrderTests {
  @Test("lines of two producers of one village → one group, one draft order per producer")
  func groupsByProducer() async throws {
    let h = try await OrdersHarness()
    let response = try await h.buyer.createOrder(
      orderRequest("r-1", [(Seed.basket, 600), (Seed.tray, 50)])).message
    #expect(!response.replayed)
    let group = try #require(response.group)
    #expect(group.orderIds.count == 2)
    #expect(group.orderIds == response.orders.map(\.id))
    #expect(group.buyerId == Seed.buyer && group.requestId == "r-1")
    #expect(group.villageId == Seed.ninhSo)
    let (a, b) = (response.orders[0], response.orders[1])
    #expect(a.producerId == Seed.producerA && b.producerId == Seed.producerB)
    for order in response.orders {
      #expect(order.status == .draft)
      #expect(order.paymentStatus == .unpaid && order.fulfilmentStatus == .unfulfilled)
      #expect(order.currencyCode == "USD" && order.depositPercent == 30 && order.version == 1)
      #expect(order.groupId == group.id && order.buyerId == Seed.buyer)
      #expect(order.history.count == 1 && order.history[0].toStatus == .draft)
      #expect(order.history[0].by == CommonAPI.Actor(role: .buyer, id: Seed.buyer))
    }
    // 600 pieces: the 500+ tier (9.00), not 10.00 or 8.00.
    #expect(a.lines[0].unitPrice == Money(amountMinor: 900, currencyCode: "USD"))
    #expect(a.lines[0].lineTotal == Money(amountMinor: 540_000, currencyCode: "USD"))
    #expect(a.lines[0].sku == "L-BASKET" && a.lines[0].hsCode == "4602.12")  // as the catalogue normalized it
    #expect(a.subtotal?.amountMinor == 540_000)
    #expect(a.depositAmount?.amountMinor == 162_000 && a.balanceAmount?.amountMinor == 378_000)
    #expect(b.subtotal?.amountMinor == 22_500)
    #expect(group.total == Money(amountMinor: 562_500, currencyCode: "USD"))
    await h.close()
  }

  @Test("the price tier for the quantity", arguments: [
    (Int64(100), Int64(1_000)), (499, 1_000), (500, 900), (999, 900), (1_000, 800), (50_000, 800),
  ])
  func priceTier(quantity: Int64, unitPrice: Int64) async throws {
    let h = try await OrdersHarness()
    let order = try await h.buyer.createOrder(orderRequest("r-\(quantity)", [(Seed.basket, quantity)]))
      .message.orders[0]
    #expect(order.lines[0].unitPrice?.amountMinor == unitPrice)
    #expect(order.subtotal?.amountMinor == unitPrice * quantity)
    await h.close()
  }

  static let invalidRequests: [(String, [(String, Int64)], String, RPCStatus.Code)] = [
    ("missing listing", [("l-nope", 100)], "", .notFound),
    ("draft listing (invisible)", [(Seed.draft, 100)], "", .notFound),
    ("deleted listing", [(Seed.gone, 100)], "", .failedPrecondition),
    ("below MOQ", [(Seed.basket, 99)], "", .invalidArgument),
    ("mixed currency", [(Seed.basket, 100), (Seed.vase, 100)], "", .invalidArgument),
    ("currency not priced", [(Seed.basket, 100)], "EUR", .invalidArgument),
    ("ambiguous currency", [(Seed.lamp, 10)], "", .invalidArgument),
    ("duplicate line", [(Seed.basket, 100), (Seed.basket, 200)], "", .invalidArgument),
    ("zero quantity", [(Seed.basket, 0)], "", .invalidArgument),
    ("no lines", [], "", .invalidArgument),
  ]

  @Test("catalogue validation failures", arguments: invalidRequests)
  func validation(
    _ name: String, items: [(String, Int64)], currency: String, code: RPCStatus.Code
  ) async throws {
    let h = try await OrdersHarness()
    let error = await rpcError {
      _ = try await h.buyer.createOrder(orderRequest("r-bad", items, currency: currency))
    }
    #expect(error?.code == code, "\(name): \(String(describing: error))")
    // Nothing was stored, and the request id is still free.
    #expect(try await h.admin.listOrders(ListOrdersRequest()).message.orders.isEmpty)
    #expect(try await h.store.newestSeq() == 0)
    await h.close()
  }

  @Test("a currency that every listing is priced in is taken when asked for")
  func explicitCurrency() async throws {
    let h = try await OrdersHarness()
    let order = try await h.buyer.createOrder(orderRequest("r-vnd", [(Seed.lamp, 10)], currency: "vnd"))
      .message.orders[0]
    #expect(order.currencyCode == "VND")
    #expect(order.lines[0].unitPrice == Money(amountMinor: 50_000_000, currencyCode: "VND"))
    await h.close()
  }

  @Test("a retry with the same request id returns the same orders and creates nothing")
  func idempotentRetry() async throws {
    let h = try await OrdersHarness()
    let request = orderRequest("r-same", [(Seed.basket, 100), (Seed.tray, 50)])
    let first = try await h.buyer.createOrder(request).message
    let second = try await h.buyer.createOrder(request).message
    #expect(!first.replayed && second.replayed)
    #expect(second.group == first.group)
    #expect(second.orders == first.orders)
    #expect(try await h.admin.listOrders(ListOrdersRequest()).message.orders.count == 2)
    // The same id with another body is refused; another buyer's same id is its own.
    let changed = orderRequest("r-same", [(Seed.basket, 200)])
    let clash = await rpcError { _ = try await h.buyer.createOrder(changed) }
    #expect(clash?.code == .alreadyExists)
    let other = try await h.client(.buyer(Seed.otherBuyer)).createOrder(request).message
    #expect(!other.replayed && other.group?.id != first.group?.id)
    await h.close()
  }

  @Test("a retry is answered from storage even when the catalogue changed meanwhile")
  func retryIndependentOfCatalogue() async throws {
    let h = try await OrdersHarness()
    let request = orderRequest("r-then", [(Seed.tray, 50)])
    let first = try await h.buyer.createOrder(request).message
    _ = try await h.catalogueStore.deleteListing(id: Seed.tray, expectedVersion: 0, caller: .system)
    let retry = try await h.buyer.createOrder(request).message
    #expect(retry.replayed && retry.orders == first.orders)
    await h.close()
  }

  @Test("a retry is answered from storage when the catalogue cannot be reached; a new id is refused")
  func retryWithoutCatalogue() async throws {
    let h = try await OrdersHarness()
    let request = orderRequest("r-down", [(Seed.tray, 50)])
    let first = try await h.buyer.createOrder(request).message
    // A catalogue client whose server serves nothing: every look-up fails.
    let unreachable = CatalogueServiceClient(
      RPCClient(transport: InProcessTransport(serving: RPCRouter()).client))
    var router = RPCRouter(interceptors: [FixedCallerInterceptor(caller: .buyer(Seed.buyer))])
    router.register(OrdersServiceImpl(store: h.store, catalogue: unreachable))
    let buyer = OrdersServiceClient(RPCClient(transport: InProcessTransport(serving: router).client))
    let retry = try await buyer.createOrder(request).message
    #expect(retry.replayed && retry.orders == first.orders)
    let fresh = await rpcError { _ = try await buyer.createOrder(orderRequest("r-new", [(Seed.tray, 50)])) }
    #expect(fresh?.code == .internal)
    await h.close()
  }

  @Test("concurrent calls with one request id create exactly one purchase")
  func concurrentIdempotency() async throws {
    let h = try await OrdersHarness()
    let request = orderRequest("r-burst", [(Seed.basket, 100), (Seed.tray, 60)])
    let client = h.buyer
    let groups = try await withThrowingTaskGroup(of: CreateOrderResponse.self) { group in
      for _ in 0..<24 {
        group.addTask { try await client.createOrder(request).message }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(Set(groups.compactMap(\.group?.id)).count == 1)
    #expect(groups.filter { !$0.replayed }.count == 1)
    #expect(Set(groups.map(\.orders)).count == 1)
    #expect(try await h.admin.listOrders(ListOrdersRequest()).message.orders.count == 2)
    let created = try await h.store.events(after: 0, types: [.orderCreated])
    #expect(created.count == 2)
    await h.close()
  }

  @Test("a retry after a restart finds the committed purchase")
  func retryAcrossRestart() async throws {
    let directory = try TemporaryDirectory()
    let request = orderRequest("r-restart", [(Seed.basket, 100)])
    let first: CreateOrderResponse
    do {
      let h = try await OrdersHarness(directory: directory)
      first = try await h.buyer.createOrder(request).message
      await h.close()
    }
    let h = try await OrdersHarness(directory: directory, seed: false)
    let retry = try await h.buyer.createOrder(request).message
    #expect(retry.replayed && retry.orders == first.orders)
    await h.close()
  }

  @Test("who may create orders")
  func permissions() async throws {
    let h = try await OrdersHarness()
    let request = orderRequest("r-p", [(Seed.basket, 100)])
    #expect(await rpcError { _ = try await h.client(nil).createOrder(request) }?.code == .unauthenticated)
    #expect(await rpcError { _ = try await h.producerA.createOrder(request) }?.code == .permissionDenied)
    #expect(await rpcError { _ = try await h.client(Caller(role: .analyst)).createOrder(request) }?.code == .permissionDenied)
    var onBehalf = request
    onBehalf.buyerId = Seed.otherBuyer
    #expect(await rpcError { _ = try await h.buyer.createOrder(onBehalf) }?.code == .permissionDenied)
    #expect(await rpcError { _ = try await h.admin.createOrder(request) }?.code == .invalidArgument)
    let byAdmin = try await h.admin.createOrder(onBehalf).message
    #expect(byAdmin.orders[0].buyerId == Seed.otherBuyer)
    await h.close()
  }
}
