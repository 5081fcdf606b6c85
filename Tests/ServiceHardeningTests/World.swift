import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import Foundation
import Matching
import MatchingAPI
import NIOCore
import Orders
import OrdersAPI
import RPCCore
import RPCHTTP2
import RPCInProcess
import RPCTestSupport
import Storage
import Testing

/// Ids of the seeded world.
enum Seed {
  static let ninhSo = "ninh-so"
  static let batTrang = "bat-trang"
  /// Producers: A and B in Ninh Sở, C in Bát Tràng.
  static let producerA = "p-a"
  static let producerB = "p-b"
  static let producerC = "p-c"
  /// A's active listing, MOQ 100, USD tiers.
  static let basket = "l-basket"
  /// B's active listing, MOQ 50.
  static let tray = "l-tray"
  /// C's draft listing.
  static let draft = "l-draft"
  /// Buyers of the matching service.
  static let buyer1 = "b-1"
  static let buyer2 = "b-2"
  /// B1's contact, which producers see only after an accepted introduction.
  static let buyer1Email = "buying@b-1.example"

  static let villages = [ninhSo, batTrang]
  static let producers = [producerA, producerB, producerC]
  static let listings = [basket, tray, draft]
  static let buyers = [buyer1, buyer2]
}

/// The three services in one process as `craftd serve` runs them: real SQLite files in a temp
/// directory, one router behind the real ``AuthInterceptor`` with a ``TokenAuthority`` of that
/// directory, the orders service validating against the catalogue over RPC, and matching
/// following the catalogue's change feed. Callers present signed bearer tokens, in process or
/// (``make(overHTTP2:)``) over a real HTTP/2 connection on 127.0.0.1.
final class World: Sendable {
  /// The HTTP/2 server on a loopback port and the client connected to it, when used.
  struct Loopback: Sendable {
    let server: HTTP2ServerTransport
    let serving: Task<Void, any Error>
    let client: HTTP2ClientTransport
  }

  let directory: TemporaryDirectory
  let authority: TokenAuthority
  let catalogue: CatalogueStore
  let orders: OrdersStore
  let matching: MatchingStore
  let router: RPCRouter
  let transport: any ClientTransport
  let loopback: Loopback?
  private let follower: Task<Void, Never>

  /// One valid token per role (producer A, buyer 1), by role name.
  let tokens: [String: String]
  /// Objects the seeding made, by kind: `quote`, `order`, `group`, `rfq`, `introduction`, …
  let made: [String: [String]]

  static func make(overHTTP2: Bool = false) async throws -> World {
    let directory = try TemporaryDirectory()
    let authority = try TokenAuthority(dataDirectory: directory.path)
    let catalogue = try CatalogueStore(path: directory.path + "/catalogue.sqlite")
    try await seedCatalogue(catalogue)
    let orders = try OrdersStore(path: directory.path + "/orders.sqlite")
    let matching = try await MatchingStore(path: directory.path + "/matching.sqlite")

    var catalogueRouter = RPCRouter()
    catalogueRouter.register(CatalogueServiceImpl(store: catalogue))
    let catalogueClient = CatalogueServiceClient(
      RPCClient(transport: InProcessTransport(serving: catalogueRouter).client))

    var router = RPCRouter(interceptors: [AuthInterceptor(authority: authority)])
    router.register(CatalogueServiceImpl(store: catalogue))
    router.register(OrdersServiceImpl(store: orders, catalogue: catalogueClient))
    router.register(MatchingServiceImpl(store: matching))

    let followerToken = authority.mintServiceToken().token
    var follower = matching.catalogueFollower(
      client: CatalogueServiceClient(RPCClient(transport: InProcessTransport(serving: router).client)),
      metadata: { ["authorization": "Bearer \(followerToken)"] })
    follower.retryDelay = .milliseconds(20)
    let task = Task { await follower.run() }

    var tokens: [String: String] = [:]
    for (role, subject) in [
      (Role.producer, Seed.producerA), (.buyer, Seed.buyer1), (.analyst, ""), (.admin, ""), (.system, ""),
    ] {
      tokens[role.displayName] = try await authority.issue(role: role, subject: subject).token
    }
    var loopback: Loopback?
    if overHTTP2 {
      let server = HTTP2ServerTransport(configuration: .init(host: "127.0.0.1", port: 0))
      let serving = Task { try await server.listen(router: router) }
      let port = try await server.listeningAddress.port ?? 0
      loopback = Loopback(server: server, serving: serving, client: HTTP2ClientTransport(host: "127.0.0.1", port: port))
    }
    let world = World(
      directory: directory, authority: authority, catalogue: catalogue, orders: orders,
      matching: matching, router: router, loopback: loopback, follower: task,
      tokens: tokens, made: [:])
    try await world.catchUp()
    let made = try await world.seedMarket()
    return World(
      directory: directory, authority: authority, catalogue: catalogue, orders: orders,
      matching: matching, router: router, loopback: loopback, follower: task,
      tokens: tokens, made: made)
  }

  private init(
    directory: TemporaryDirectory, authority: TokenAuthority, catalogue: CatalogueStore,
    orders: OrdersStore, matching: MatchingStore, router: RPCRouter, loopback: Loopback?,
    follower: Task<Void, Never>, tokens: [String: String], made: [String: [String]]
  ) {
    self.directory = directory
    self.authority = authority
    self.catalogue = catalogue
    self.orders = orders
    self.matching = matching
    self.router = router
    self.loopback = loopback
    self.transport = loopback?.client ?? InProcessTransport(serving: router).client
    self.follower = follower
    self.tokens = tokens
    self.made = made
  }

  func shutdown() async {
    if let loopback {
      await loopback.client.close()
      loopback.server.beginGracefulShutdown()
      _ = try? await loopback.serving.value
    }
    follower.cancel()
    await follower.value
    await matching.close()
    await orders.close()
    await catalogue.close()
    await authority.close()
  }

  /// Waits until the matching read model has applied every catalogue event committed so far,
  /// so a data digest taken next is not changed by the follower afterwards.
  func catchUp() async throws {
    let newest = try await catalogue.newestSeq()
    let reached = await matching.catalogue.waitUntilApplied(newest, timeout: .seconds(60))
    precondition(reached, "the matching read model did not catch up with seq \(newest)")
  }

  /// `authorization` metadata for a role's seeded token (nil: no token).
  func bearer(_ role: String?) -> Metadata {
    guard let role, let token = tokens[role] else { return [:] }
    return ["authorization": "Bearer \(token)"]
  }

  /// A typed client for seeding, calling with `role`'s token.
  func client(_ role: String) -> RPCClient {
    RPCClient(transport: transport, interceptors: [BearerInterceptor(metadata: bearer(role))])
  }

  // MARK: Seeding

  static func seedCatalogue(_ store: CatalogueStore) async throws {
    func village(_ id: String, _ name: String) -> Village {
      var village = Village()
      village.id = id
      village.name = LocalizedText(vi: name, en: name)
      village.district = "Thường Tín"
      village.province = "Hà Nội"
      village.crafts = [.rattanBamboo]
      return village
    }
    func producer(_ id: String, _ village: String) -> Producer {
      var producer = Producer()
      producer.id = id
      producer.villageId = village
      producer.kind = .cooperative
      producer.name = LocalizedText(vi: "HTX \(id)", en: "\(id) Cooperative")
      producer.exportMarkets = ["US", "DE"]
      var contact = Contact()
      contact.email = "sales@\(id).vn"
      producer.contact = contact
      return producer
    }
    func listing(_ id: String, _ producer: String, moq: Int64, status: Listing.Status = .active) -> Listing {
      var listing = Listing()
      listing.id = id
      listing.producerId = producer
      listing.sku = id.uppercased()
      listing.title = LocalizedText(vi: "Giỏ mây \(id)", en: "Rattan basket \(id)")
      listing.category = .rattanBamboo
      listing.hsCode = "460212"
      listing.materials = ["rattan"]
      listing.unit = .piece
      listing.moq = moq
      listing.priceTiers = [
        PriceTier(minQuantity: moq, unitPrice: Money(amountMinor: 1_000, currencyCode: "USD")),
        PriceTier(minQuantity: moq * 10, unitPrice: Money(amountMinor: 800, currencyCode: "USD")),
      ]
      listing.incoterm = .fob
      listing.incotermPlace = "Hải Phòng"
      listing.leadTimeDays = 45
      listing.monthlyCapacity = 50_000
      listing.status = status
      return listing
    }
    try await store.seed(
      villages: [village(Seed.ninhSo, "Ninh Sở"), village(Seed.batTrang, "Bát Tràng")],
      producers: [
        producer(Seed.producerA, Seed.ninhSo), producer(Seed.producerB, Seed.ninhSo),
        producer(Seed.producerC, Seed.batTrang),
      ],
      listings: [
        listing(Seed.basket, Seed.producerA, moq: 100), listing(Seed.tray, Seed.producerB, moq: 50),
        listing(Seed.draft, Seed.producerC, moq: 10, status: .draft),
      ])
  }

  /// Buyers, an RFQ, introductions, a quote and an order, made through the services.
  private func seedMarket() async throws -> [String: [String]] {
    let buyer1 = MatchingServiceClient(client("buyer"))
    let admin = MatchingServiceClient(client("admin"))
    for id in Seed.buyers {
      var buyer = Buyer()
      buyer.id = id
      buyer.companyName = "\(id) Home Goods"
      buyer.countryCode = "US"
      buyer.buyerType = .importer
      buyer.categories = [.rattanBamboo]
      buyer.hsCodePrefixes = ["4602"]
      var contact = Contact()
      contact.email = "buying@\(id).example"
      buyer.contact = contact
      _ = try await (id == Seed.buyer1 ? buyer1 : admin).createBuyer(CreateBuyerRequest(buyer: buyer))
    }
    var rfq = Rfq()
    rfq.title = "Rattan storage baskets"
    rfq.category = .rattanBamboo
    rfq.hsCode = "4602"
    rfq.quantity = 1_000
    rfq.quantityUnit = .piece
    rfq.deadline = CalendarDate(year: 2030, month: 1, day: 15)
    let rfqID = try await buyer1.createRfq(CreateRfqRequest(rfq: rfq, requestId: "seed")).message.id
    var ask = RequestIntroductionRequest()
    ask.producerId = Seed.producerB
    ask.message = "Xin chào"
    let introduction = try await buyer1.requestIntroduction(ask).message.id

    let orders = OrdersServiceClient(client("buyer"))
    var quoteRequest = RequestQuoteRequest()
    quoteRequest.listingId = Seed.basket
    quoteRequest.quantity = 500
    let quote = try await orders.requestQuote(quoteRequest).message.id
    var orderRequest = CreateOrderRequest()
    orderRequest.requestId = "seed-order"
    orderRequest.source = .items(OrderItems(items: [OrderItem(listingId: Seed.basket, quantity: 200)]))
    let order = try #require(try await orders.createOrder(orderRequest).message.orders.first)
    return [
      "rfq": [rfqID], "introduction": [introduction], "quote": [quote], "order": [order.id],
      "group": [order.groupId],
    ]
  }
}

/// Adds fixed metadata (a bearer token) to every call of a client.
struct BearerInterceptor: ClientInterceptor {
  let metadata: Metadata

  func intercept<Result>(
    context: ClientContext, next: (ClientContext) async throws -> Result
  ) async throws -> Result {
    var context = context
    context.metadata.add(contentsOf: metadata)
    return try await next(context)
  }
}
