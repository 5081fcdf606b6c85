import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import RPCCore
import RPCInProcess
import RPCTestSupport
import Testing

/// The catalogue behind the real ``AuthInterceptor`` and a ``TokenAuthority`` in the test's
/// data directory: callers present signed bearer tokens, as over the network.
struct AuthorizedHarness {
  let harness: Harness
  let authority: TokenAuthority
  let client: CatalogueServiceClient

  init() async throws {
    harness = try Harness()
    authority = try TokenAuthority(dataDirectory: harness.directory.path)
    var router = RPCRouter(interceptors: [AuthInterceptor(authority: authority)])
    router.register(CatalogueServiceImpl(store: harness.store))
    client = CatalogueServiceClient(
      RPCClient(transport: InProcessTransport(serving: router).client))
    try await harness.seedVillages()
  }

  /// `authorization` metadata with a fresh token for `role`/`subject`.
  func bearer(_ role: Role, _ subject: String = "") async throws -> Metadata {
    let (token, _) = try await authority.issue(role: role, subject: subject)
    return ["authorization": "Bearer \(token)"]
  }
}

@Suite("Catalogue: authorization with bearer tokens")
struct AuthorizationTests {
  @Test("a producer registers itself and edits only its own listings")
  func producerOwnsItsData() async throws {
    let h = try await AuthorizedHarness()
    let ninhSo = try await h.bearer(.producer, "p-ninh-so")
    let phuVinh = try await h.bearer(.producer, "p-phu-vinh")

    // Self-registration: an empty id becomes the token's subject.
    var me = Fixtures.producer("", village: "ninh-so", name: "HTX Mây tre Ninh Sở")
    let created = try await h.client.createProducer(CreateProducerRequest(producer: me), metadata: ninhSo).message
    #expect(created.id == "p-ninh-so")
    me.id = "p-other"
    let foreign = await rpcError {
      _ = try await h.client.createProducer(CreateProducerRequest(producer: me), metadata: ninhSo)
    }
    #expect(foreign?.code == .permissionDenied)

    // A listing without producer id is the caller's own.
    var listing = Fixtures.listing(producer: "", sku: "NS-1", titleVi: "Giỏ mây đan tay")
    let stored = try await h.client.createListing(CreateListingRequest(listing: listing), metadata: ninhSo).message
    #expect(stored.producerId == "p-ninh-so")

    // Another producer can neither update nor delete it, whatever producer id it claims.
    listing = stored
    listing.moq = 1
    for claimed in ["p-ninh-so", "p-phu-vinh"] {
      listing.producerId = claimed
      let update = await rpcError {
        _ = try await h.client.updateListing(
          UpdateListingRequest(listing: listing, expectedVersion: stored.version), metadata: phuVinh)
      }
      #expect(update?.code == .permissionDenied, "claimed \(claimed)")
    }
    let delete = await rpcError {
      _ = try await h.client.deleteListing(DeleteListingRequest(id: stored.id), metadata: phuVinh)
    }
    #expect(delete?.code == .permissionDenied)
    #expect(try await h.client.getListing(GetListingRequest(id: stored.id)).message.version == stored.version)

    // The owner can; an admin can.
    listing.producerId = "p-ninh-so"
    let updated = try await h.client.updateListing(
      UpdateListingRequest(listing: listing, expectedVersion: stored.version), metadata: ninhSo).message
    #expect(updated.moq == 1)
    let admin = try await h.bearer(.admin)
    let deleted = try await h.client.deleteListing(DeleteListingRequest(id: stored.id), metadata: admin).message
    #expect(deleted.status == .deleted)
  }

  @Test("writes without a token are UNAUTHENTICATED; buyers and analysts may not write")
  func rolesAndAnonymous() async throws {
    let h = try await AuthorizedHarness()
    let producer = Fixtures.producer("p-1", village: "ninh-so", name: "Cơ sở 1")
    let anonymous = await rpcError {
      _ = try await h.client.createProducer(CreateProducerRequest(producer: producer))
    }
    #expect(anonymous?.code == .unauthenticated)
    for (role, subject) in [(Role.buyer, "b-1"), (.analyst, "")] {
      let metadata = try await h.bearer(role, subject)
      let error = await rpcError {
        _ = try await h.client.createProducer(CreateProducerRequest(producer: producer), metadata: metadata)
      }
      #expect(error?.code == .permissionDenied, "\(role)")
      let importError = await rpcError {
        _ = try await h.client.bulkImport(metadata: metadata) { _ in }
      }
      #expect(importError?.code == .permissionDenied, "\(role)")
    }
    // Public reads need no token; a bad token is refused even there.
    #expect(try await h.client.listVillages(ListVillagesRequest()).message.villages.count == 3)
    let badToken = await rpcError {
      _ = try await h.client.listVillages(ListVillagesRequest(), metadata: ["authorization": "Bearer x.y.z"])
    }
    #expect(badToken?.code == .unauthenticated)
    // The change feed is for analysts, admins and services.
    let feed = await rpcError {
      try await h.client.watchChanges(WatchChangesRequest(afterSeq: 0, entityTypes: [])) { stream in
        for try await _ in stream {}
      }
    }
    #expect(feed?.code == .unauthenticated)
    let analyst = try await h.bearer(.analyst)
    let events = try await h.client.watchChanges(
      WatchChangesRequest(afterSeq: 0, entityTypes: []), metadata: analyst
    ) { stream in
      var first: [ChangeEvent] = []
      for try await event in stream {
        first.append(event)
        if first.count == 3 { break }
      }
      return first
    }
    #expect(events.count == 3)  // the three seeded villages
  }

  @Test("a producer's bulk import lands its own rows and rejects another producer's, row by row")
  func importOwnRowsOnly() async throws {
    let h = try await AuthorizedHarness()
    let admin = try await h.bearer(.admin)
    _ = try await h.client.createProducer(
      CreateProducerRequest(producer: Fixtures.producer("p-2", village: "bat-trang", name: "Gốm 2")),
      metadata: admin)
    let mine = try await h.bearer(.producer, "p-1")
    let rows = [
      BulkImportRow(rowNumber: 2, item: .producer(Fixtures.producer("", village: "ninh-so", name: "Mây 1"))),
      BulkImportRow(rowNumber: 3, item: .listing(Fixtures.listing(producer: "", sku: "A", titleVi: "Giỏ"))),
      BulkImportRow(rowNumber: 4, item: .listing(Fixtures.listing(producer: "p-2", sku: "B", titleVi: "Bình"))),
      BulkImportRow(rowNumber: 5, item: .producer(Fixtures.producer("p-2", village: "bat-trang", name: "Chiếm"))),
      BulkImportRow(rowNumber: 6, item: .listing(Fixtures.listing(producer: "p-1", sku: "C", titleVi: "Khay"))),
    ]
    let response = try await h.client.bulkImport(metadata: mine) { try await $0.write(contentsOf: rows) }.message
    #expect(response.results.map(\.ok) == [true, true, false, false, true])
    #expect(response.results.map(\.field) == ["", "", "producer_id", "id", ""])
    #expect(response.results[1].producerId == "p-1")
    let p2 = try await h.client.getProducer(GetProducerRequest(id: "p-2")).message
    #expect(p2.name?.vi == "Gốm 2")
  }
}
