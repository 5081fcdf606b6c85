import Auth
import CommonAPI
import Foundation
import MatchingAPI
import OrdersAPI
import RPCCore
import RPCTestSupport
import Testing

/// Issue 8 item 4: every method against missing, tampered, expired, revoked and wrong-role
/// tokens. Methods are enumerated from the router; each must be classified below, so a new
/// method fails this suite until someone decides who may call it, and any method that is not a
/// public read must refuse a call without a token.
@Suite("Tokens and roles on every method", .serialized)
struct AuthMatrixTests {
  /// Catalogue reads anyone may make without a token.
  static let publicReads: Set<String> = [
    "CatalogueService/GetVillage", "CatalogueService/ListVillages", "CatalogueService/GetProducer",
    "CatalogueService/ListProducers", "CatalogueService/GetListing",
    "CatalogueService/BatchGetListings", "CatalogueService/ListListings",
    "CatalogueService/SearchListings",
  ]

  /// Reads that need a token; what they show depends on who asks (tested further below).
  static let readsWithToken: Set<String> = [
    "OrdersService/GetQuote", "OrdersService/ListQuotes", "OrdersService/GetOrder",
    "OrdersService/GetOrderGroup", "OrdersService/ListOrders", "OrdersService/WatchOrderEvents",
    "OrdersService/WatchOrder", "MatchingService/GetBuyer", "MatchingService/ListBuyers",
    "MatchingService/GetRfq", "MatchingService/ListRfqs", "MatchingService/GetIntroduction",
    "MatchingService/ListIntroductions",
  ]

  /// Protected methods and the roles they must refuse with PERMISSION_DENIED (the producer
  /// token is producer A's, the buyer token buyer 1's; the seeded quote, order and
  /// introduction are between buyer 1 and producers A and B).
  static let refusedRoles: [String: Set<String>] = [
    "CatalogueService/CreateProducer": ["buyer", "analyst"],
    "CatalogueService/UpdateProducer": ["buyer", "analyst"],
    "CatalogueService/DeleteProducer": ["buyer", "analyst"],
    "CatalogueService/CreateListing": ["buyer", "analyst"],
    "CatalogueService/UpdateListing": ["buyer", "analyst"],
    "CatalogueService/DeleteListing": ["buyer", "analyst"],
    "CatalogueService/BulkImport": ["buyer", "analyst"],
    "CatalogueService/WatchChanges": ["producer", "buyer"],
    "OrdersService/RequestQuote": ["producer", "analyst"],
    "OrdersService/CreateQuote": ["buyer", "analyst"],
    "OrdersService/CounterQuote": ["analyst"],
    "OrdersService/AcceptQuote": ["analyst"],
    "OrdersService/RejectQuote": ["analyst"],
    "OrdersService/WithdrawQuote": ["analyst"],
    "OrdersService/CreateOrder": ["producer", "analyst"],
    "OrdersService/TransitionOrder": ["analyst"],
    "OrdersService/RecordPayment": ["analyst"],
    "OrdersService/ConfirmDelivery": ["analyst"],
    "OrdersService/CancelOrder": ["analyst"],
    "OrdersService/OpenDispute": ["analyst"],
    "OrdersService/ResolveDispute": ["analyst"],
    "MatchingService/CreateBuyer": ["producer", "analyst"],
    "MatchingService/UpdateBuyer": ["producer", "analyst"],
    "MatchingService/CreateRfq": ["producer", "analyst"],
    "MatchingService/CloseRfq": ["producer", "analyst"],
    "MatchingService/MatchProducersForRfq": ["producer"],
    "MatchingService/MatchProducersForBuyer": ["producer"],
    "MatchingService/MatchBuyersForProducer": ["buyer"],
    "MatchingService/RequestIntroduction": ["analyst"],
    "MatchingService/RespondToIntroduction": ["analyst"],
    "MatchingService/WithdrawIntroduction": ["analyst"],
    "MatchingService/StreamPartnerReport": ["buyer"],
  ]

  /// `Service/Method` without the package.
  static func key(_ method: MethodDescriptor) -> String {
    "\(method.service.split(separator: ".").last ?? "")/\(method.method)"
  }

  /// Plausible requests for `method`: every field set, ids of the seeded world.
  static func requests(_ method: MethodDescriptor, _ world: World, count: Int, seed: UInt64) -> [[UInt8]] {
    var ids = world.made
    ids["village"] = Seed.villages
    ids["producer"] = Seed.producers
    ids["listing"] = Seed.listings
    ids["buyer"] = Seed.buyers
    var generator = RequestGenerator(contract: .shared, ids: ids, rng: SeededGenerator(seed: seed))
    generator.fieldChance = 1
    generator.nestedFieldChance = 1
    generator.knownIDChance = 1
    let input = Contract.shared.methods[method.path]?.input ?? ""
    return (0..<count).map { _ in generator.message(input) }
  }

  @Test("every method is classified: public read, read with a token, or protected with its refused roles")
  func everyMethodIsClassified() async throws {
    let world = try await World.make()
    for method in world.methods where method.service.hasPrefix("craft.") {
      let key = Self.key(method)
      let classes = [Self.publicReads.contains(key), Self.readsWithToken.contains(key), Self.refusedRoles[key] != nil]
      #expect(classes.filter { $0 }.count == 1, "\(key) must be in exactly one of the tables")
    }
    await world.shutdown()
  }

  @Test("no token: every method but the public reads is UNAUTHENTICATED")
  func noToken() async throws {
    let world = try await World.make()
    for method in world.methods where !Self.publicReads.contains(Self.key(method)) {
      for (index, request) in Self.requests(method, world, count: 3, seed: 1).enumerated() {
        let outcome = await world.call(method, [request], metadata: [:])
        #expect(outcome.status.code == .unauthenticated, "\(method.path) #\(index): \(outcome.status)")
      }
    }
    await world.shutdown()
  }

  @Test("a tampered, expired, revoked or malformed token is UNAUTHENTICATED on every method")
  func badTokens() async throws {
    let world = try await World.make()
    let admin = try #require(world.tokens["admin"])
    var tampered = Array(admin.utf8)
    tampered[tampered.count - 3] = tampered[tampered.count - 3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    let expired = try await world.authority.issue(role: .admin, lifetime: .seconds(-60)).token
    let (revoked, claims) = try await world.authority.issue(role: .admin)
    #expect(try await world.authority.revoke(id: claims.id))
    // A token signed for a producer, with its role claim edited to admin.
    let producerToken = try #require(world.tokens["producer"])
    let forgedRole = producerToken.split(separator: ".").count == 3 ? forgeRole(producerToken) : producerToken + "x"
    let headers: [(String, String)] = [
      ("tampered", "Bearer " + String(decoding: tampered, as: UTF8.self)),
      ("expired", "Bearer \(expired)"),
      ("revoked", "Bearer \(revoked)"),
      ("forged role", "Bearer \(forgedRole)"),
      ("not bearer", "Basic \(admin)"),
      ("empty bearer", "Bearer "),
    ]
    for method in world.methods where method.service.hasPrefix("craft.") {
      let request = Self.requests(method, world, count: 1, seed: 2)[0]
      for (name, header) in headers {
        let outcome = await world.call(method, [request], metadata: ["authorization": "\(header)"])
        #expect(outcome.status.code == .unauthenticated, "\(method.path) with a \(name) token: \(outcome.status)")
      }
    }
    await world.shutdown()
  }

  @Test("wrong role: each protected method refuses the roles it does not serve, and never succeeds for them")
  func wrongRole() async throws {
    let world = try await World.make()
    for method in world.methods {
      guard let refused = Self.refusedRoles[Self.key(method)] else { continue }
      for role in refused.sorted() {
        let outcomes = await Self.requests(method, world, count: 4, seed: 3).asyncMap {
          await world.call(method, [$0], metadata: world.bearer(role))
        }
        let codes = outcomes.map(\.status.code)
        #expect(!codes.contains(.ok), "\(method.path) as \(role) succeeded: \(codes)")
        #expect(codes.contains(.permissionDenied), "\(method.path) as \(role): \(outcomes.map(\.status))")
      }
    }
    await world.shutdown()
  }

  @Test("a producer cannot read another producer's orders and quotes")
  func producersSeeOnlyTheirOrders() async throws {
    let world = try await World.make()
    let other = try await world.authority.issue(role: .producer, subject: Seed.producerB).token
    let client = OrdersServiceClient(
      RPCClient(transport: world.transport, interceptors: [BearerInterceptor(metadata: ["authorization": "Bearer \(other)"])]))
    let order = try #require(world.made["order"]?.first)
    let group = try #require(world.made["group"]?.first)
    let quote = try #require(world.made["quote"]?.first)

    #expect(await rpcError { _ = try await client.getOrder(GetOrderRequest(id: order)) }?.code == .permissionDenied)
    #expect(await rpcError { _ = try await client.getOrderGroup(GetOrderGroupRequest(id: group)) }?.code == .permissionDenied)
    #expect(await rpcError { _ = try await client.getQuote(GetQuoteRequest(id: quote)) }?.code == .permissionDenied)
    var byProducer = ListOrdersRequest()
    byProducer.producerId = Seed.producerA
    #expect(await rpcError { _ = try await client.listOrders(byProducer) }?.code == .permissionDenied)
    let own = try await client.listOrders(ListOrdersRequest()).message
    #expect(own.orders.isEmpty, "producer B listed \(own.orders.map(\.id))")
    let quotes = try await client.listQuotes(ListQuotesRequest()).message
    #expect(quotes.quotes.isEmpty, "producer B listed \(quotes.quotes.map(\.id))")
    var watch = WatchOrderEventsRequest()
    watch.producerId = Seed.producerA
    watch.untilCaughtUp = true
    let feed = await rpcError { try await client.watchOrderEvents(watch) { stream in for try await _ in stream {} } }
    #expect(feed?.code == .permissionDenied)
    var watchOwn = WatchOrderEventsRequest()
    watchOwn.untilCaughtUp = true
    let seen = try await client.watchOrderEvents(watchOwn) { stream in
      var producers: [String] = []
      for try await event in stream { producers.append(event.producerId) }
      return producers
    }
    #expect(seen.allSatisfy { $0 == Seed.producerB }, "producer B's feed carried \(seen)")
    var watchOne = WatchOrderRequest()
    watchOne.orderId = order
    let single = await rpcError {
      try await client.watchOrder(watchOne) { stream in for try await _ in stream {} }
    }
    #expect(single?.code == .permissionDenied)

    // Producer A, the order's producer, does see it.
    let owner = OrdersServiceClient(world.client("producer"))
    #expect(try await owner.getOrder(GetOrderRequest(id: order)).message.producerId == Seed.producerA)
    await world.shutdown()
  }

  @Test("a buyer's contact is hidden from producers until an introduction between them is accepted")
  func contactOnlyAfterAcceptedIntroduction() async throws {
    let world = try await World.make()
    let introduction = try #require(world.made["introduction"]?.first)
    func matching(_ subject: String) async throws -> MatchingServiceClient {
      let token = try await world.authority.issue(role: .producer, subject: subject).token
      return MatchingServiceClient(
        RPCClient(transport: world.transport, interceptors: [BearerInterceptor(metadata: ["authorization": "Bearer \(token)"])]))
    }
    let party = try await matching(Seed.producerB)
    let stranger = try await matching(Seed.producerC)

    // Pending: neither the invited producer nor a stranger sees the contact.
    for client in [party, stranger] {
      #expect(try await client.getBuyer(GetBuyerRequest(buyerId: Seed.buyer1)).message.contact == nil)
      let listed = try await client.listBuyers(ListBuyersRequest()).message.buyers
      #expect(listed.allSatisfy { $0.contact == nil }, "\(listed.map(\.id))")
    }
    var get = GetIntroductionRequest()
    get.introductionId = introduction
    let pending = try await party.getIntroduction(get).message
    #expect(pending.status == .requested)
    #expect(pending.buyerContact == nil)
    #expect(await rpcError { _ = try await stranger.getIntroduction(get) }?.code == .permissionDenied)
    let listedIntros = try await party.listIntroductions(ListIntroductionsRequest()).message.introductions
    #expect(listedIntros.allSatisfy { $0.buyerContact == nil })
    // The buyer requested it, so it cannot answer it itself.
    var accept = RespondToIntroductionRequest()
    accept.introductionId = introduction
    accept.accept = true
    let buyer = MatchingServiceClient(world.client("buyer"))
    #expect(await rpcError { _ = try await buyer.respondToIntroduction(accept) }?.code == .permissionDenied)

    // Accepted by the invited producer: it sees the contact; the stranger still does not.
    let accepted = try await party.respondToIntroduction(accept).message
    #expect(accepted.status == .accepted)
    #expect(accepted.buyerContact?.email == Seed.buyer1Email)
    #expect(try await party.getBuyer(GetBuyerRequest(buyerId: Seed.buyer1)).message.contact?.email == Seed.buyer1Email)
    #expect(try await stranger.getBuyer(GetBuyerRequest(buyerId: Seed.buyer1)).message.contact == nil)
    // Buyer 2 never met producer B: still hidden.
    #expect(try await party.getBuyer(GetBuyerRequest(buyerId: Seed.buyer2)).message.contact == nil)
    await world.shutdown()
  }
}

/// `token` (header.claims.signature, base64url) with its role claim rewritten to admin and the
/// signature kept: the signature no longer matches.
func forgeRole(_ token: String) -> String {
  let parts = token.split(separator: ".").map(String.init)
  var claims = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
  while claims.count % 4 != 0 { claims += "=" }
  guard let data = Data(base64Encoded: claims), var text = String(data: data, encoding: .utf8) else {
    return token + "x"
  }
  text = text.replacingOccurrences(of: "\"producer\"", with: "\"admin\"")
  let edited = Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
    .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  return [parts[0], edited, parts[2]].joined(separator: ".")
}

extension Array {
  /// `transform` applied to each element in order, awaiting each.
  func asyncMap<T>(_ transform: (Element) async -> T) async -> [T] {
    var results: [T] = []
    for element in self { results.append(await transform(element)) }
    return results
  }
}
