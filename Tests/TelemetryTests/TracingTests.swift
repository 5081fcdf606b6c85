import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import Foundation
import Logging
import Orders
import OrdersAPI
import RPCCore
import RPCInProcess
import RPCTestSupport
import Synchronization
import Testing

@testable import Telemetry

/// Records the `traceparent` every call arrives with.
final class TraceparentRecorder: ServerInterceptor {
  private let seen = Mutex<[String?]>([])
  var headers: [String?] { seen.withLock { $0 } }

  func intercept<Result>(
    context: ServerContext, next: (ServerContext) async throws -> Result
  ) async throws -> Result {
    seen.withLock { $0.append(context.metadata[TraceContext.headerName]) }
    return try await next(context)
  }
}

/// A catalogue client through ``TracePropagationInterceptor``, into `router`.
func tracedCatalogueClient(_ router: RPCRouter) -> CatalogueServiceClient {
  CatalogueServiceClient(
    RPCClient(
      transport: InProcessTransport(serving: router).client,
      interceptors: [TracePropagationInterceptor()]))
}

/// The orders service validating against the catalogue over RPC, as craftd wires them (with
/// real tokens): the trace a buyer's call carries reaches the catalogue call the orders
/// service makes for it.
@Suite struct TracingTests {
  static let callerTrace = "0af7651916cd43dd8448eb211c80319c"
  static let callerSpan = "b7ad6b7169203331"

  struct World {
    let directory: TemporaryDirectory
    let authority: TokenAuthority
    let buyer: Metadata
    let catalogueStore: CatalogueStore
    let ordersStore: OrdersStore
    let recorder = TraceparentRecorder()
    let lines = LineSink()
    let orders: OrdersServiceClient

    init() async throws {
      directory = try TemporaryDirectory()
      authority = try TokenAuthority(dataDirectory: directory.path)
      let (token, _) = try await authority.issue(role: .buyer, subject: "b-trace")
      buyer = ["authorization": "Bearer \(token)"]
      catalogueStore = try CatalogueStore(path: directory.path + "/catalogue.sqlite")
      ordersStore = try OrdersStore(path: directory.path + "/orders.sqlite")
      try await Self.seed(catalogueStore)
      var catalogueRouter = RPCRouter(interceptors: [recorder])
      catalogueRouter.register(CatalogueServiceImpl(store: catalogueStore))
      let catalogue = tracedCatalogueClient(catalogueRouter)
      let lines = lines
      var logger = Logger(label: "craftd") {
        JSONLogHandler(label: $0, metadataProvider: .trace, sink: lines.append)
      }
      logger.logLevel = .debug
      var ordersRouter = RPCRouter(interceptors: [
        TracingInterceptor(logger: logger), AuthInterceptor(authority: authority),
      ])
      ordersRouter.register(OrdersServiceImpl(store: ordersStore, catalogue: catalogue))
      orders = OrdersServiceClient(RPCClient(transport: InProcessTransport(serving: ordersRouter).client))
    }

    func close() async {
      await ordersStore.close()
      await catalogueStore.close()
      await authority.close()
    }

    func createOrder(_ requestID: String, traceparent: String?) async throws {
      var request = CreateOrderRequest()
      request.requestId = requestID
      request.source = .items(OrderItems(items: [OrderItem(listingId: "l-trace", quantity: 100)]))
      var metadata = buyer
      if let traceparent { metadata.addString(traceparent, forKey: TraceContext.headerName) }
      _ = try await orders.createOrder(request, metadata: metadata)
    }

    /// The `call` lines of the orders service, as JSON objects' metadata.
    func callLines() throws -> [[String: String]] {
      try lines.objects().filter { $0["message"] as? String == "call" }.map {
        try #require($0["metadata"] as? [String: String])
      }
    }

    static func seed(_ store: CatalogueStore) async throws {
      var village = Village()
      village.id = "v-trace"
      village.name = LocalizedText(vi: "Phú Vinh", en: "Phu Vinh")
      village.crafts = [.rattanBamboo]
      var producer = Producer()
      producer.id = "p-trace"
      producer.villageId = village.id
      producer.kind = .cooperative
      producer.name = LocalizedText(vi: "HTX Phú Vinh", en: "")
      var listing = Listing()
      listing.id = "l-trace"
      listing.producerId = producer.id
      listing.sku = "TRACE-1"
      listing.title = LocalizedText(vi: "Giỏ mây", en: "Rattan basket")
      listing.category = .rattanBamboo
      listing.hsCode = "460212"
      listing.unit = .piece
      listing.moq = 100
      listing.priceTiers = [PriceTier(minQuantity: 100, unitPrice: Money(amountMinor: 900, currencyCode: "USD"))]
      listing.incoterm = .fob
      listing.leadTimeDays = 30
      listing.monthlyCapacity = 1_000
      listing.status = .active
      _ = try await store.seed(villages: [village], producers: [producer], listings: [listing])
    }
  }

  @Test func theCatalogueCallOfAnOrderCarriesTheCallersTraceWithTheOrdersSpanAsParent() async throws {
    let world = try await World()
    try await world.createOrder("trace-1", traceparent: "00-\(Self.callerTrace)-\(Self.callerSpan)-01")
    await world.close()

    let outgoing = try #require(world.recorder.headers.first ?? nil, "the catalogue saw no traceparent")
    let parsed = try #require(TraceParent.parse(outgoing), "\(outgoing)")
    #expect(parsed.traceID == Self.callerTrace)
    #expect(parsed.flags == 1)
    // The parent is the orders call's own span, which its log line names.
    let line = try #require(try world.callLines().first)
    #expect(line["trace-id"] == Self.callerTrace)
    #expect(line["span-id"] == parsed.parentID)
    #expect(parsed.parentID != Self.callerSpan)
    #expect(line["parent-id"] == Self.callerSpan)
    #expect(line["method"] == "/craft.orders.v1.OrdersService/CreateOrder")
    #expect(line["status"] == "OK")
  }

  @Test func anInvalidTraceparentStartsAFreshTraceAndTheCallSucceeds() async throws {
    let world = try await World()
    try await world.createOrder("trace-2", traceparent: "00-\(String(repeating: "0", count: 32))-\(Self.callerSpan)-01")
    try await world.createOrder("trace-3", traceparent: nil)
    await world.close()

    let headers = world.recorder.headers.map { $0.flatMap(TraceParent.parse) }
    #expect(headers.count == 2)
    let lines = try world.callLines()
    #expect(lines.count == 2)
    for (header, line) in zip(headers, lines) {
      let header = try #require(header, "each catalogue call carries a valid traceparent")
      #expect(header.traceID == line["trace-id"])
      #expect(header.parentID == line["span-id"])
    }
    #expect(Set(lines.compactMap { $0["trace-id"] }).count == 2, "two calls, two fresh traces")
  }

  @Test func outsideACallNothingIsSent() async throws {
    let directory = try TemporaryDirectory()
    let store = try CatalogueStore(path: directory.path + "/catalogue.sqlite")
    let recorder = TraceparentRecorder()
    var router = RPCRouter(interceptors: [recorder])
    router.register(CatalogueServiceImpl(store: store))
    let client = tracedCatalogueClient(router)
    _ = try? await client.getListing(GetListingRequest(id: "none"))
    await store.close()
    #expect(recorder.headers == [nil])
  }
}
