import Auth
import Catalogue
import CatalogueAPI
import CommonAPI
import RPCCore
import RPCTestSupport
import Storage
import Testing

@Suite("Catalogue: bulk import and change feed")
struct ImportAndFeedTests {
  @Test("bulk import: valid rows land, bad rows are reported by row number with field and reason")
  func bulkImport() async throws {
    let harness = try Harness()  // import batches of 3 rows: results span batches
    try await harness.seedVillages()
    var rows: [BulkImportRow] = []
    func add(_ number: Int64, _ item: BulkImportRow.Item) {
      rows.append(BulkImportRow(rowNumber: number, item: item))
    }
    add(2, .producer(Fixtures.producer("imp-1", village: "ninh-so", name: "Nhập khẩu 1")))
    add(3, .listing(Fixtures.listing(producer: "imp-1", sku: "A", titleVi: "Giỏ mây")))
    var badMOQ = Fixtures.listing(producer: "imp-1", sku: "B", titleVi: "Khay")
    badMOQ.moq = -5
    add(4, .listing(badMOQ))
    add(5, .listing(Fixtures.listing(producer: "nobody", sku: "C", titleVi: "Đèn")))
    var update = Fixtures.listing(producer: "imp-1", sku: "a", titleVi: "Giỏ mây cập nhật")
    update.moq = 500
    add(6, .listing(update))  // same SKU (case-insensitive): updates row 3's listing
    add(7, .producer(Fixtures.producer("imp-2", village: "atlantis", name: "Không có làng")))
    rows.append(BulkImportRow())  // row 0 with no item
    add(9, .listing(Fixtures.listing(producer: "imp-1", sku: "D", titleVi: "Đèn", hs: "abc")))

    let sent = rows
    let response = try await harness.client.bulkImport { writer in
      try await writer.write(contentsOf: sent)
    }.message
    #expect(response.accepted == 3)
    #expect(response.rejected == 5)
    #expect(response.results.map(\.rowNumber) == [2, 3, 4, 5, 6, 7, 0, 9])
    #expect(response.results.map(\.ok) == [true, true, false, false, true, false, false, false])
    #expect(response.results.map(\.created) == [true, true, false, false, false, false, false, false])
    #expect(response.results.map(\.field) == ["", "", "moq", "producer_id", "", "village_id", "item", "hs_code"])
    #expect(response.results[3].reason.contains("unknown"))
    #expect(response.results[1].listingId == response.results[4].listingId)
    #expect(response.results[1].producerId == "imp-1")
    // Every bad row was refused before it wrote: no batch had to run again with savepoints.
    #expect(harness.store.importBatchReruns == 0)
    // Batches turn FTS5's automerge off for their re-index only: the default stays.
    let automerge = try await harness.store.database.read { tx in
      try tx.fetchOne("SELECT v FROM listing_fts_config WHERE k = 'automerge'") { $0.int64(0) }
    }
    #expect(automerge == 4)

    let listing = try await harness.client.getListing(
      GetListingRequest(id: response.results[1].listingId)
    ).message
    #expect(listing.moq == 500)
    #expect(listing.version == 2)
    #expect(try await harness.client.searchListings(SearchListingsRequest(query: "gio may cap nhat")).message.totalHits == 1)
    let missing = await rpcError {
      _ = try await harness.client.getProducer(GetProducerRequest(id: "imp-2"))
    }
    #expect(missing?.code == .notFound)
  }

  @Test("bulk import re-indexes once per batch: creates, updates, a producer rename, a bad row")
  func importIndexesOncePerBatch() async throws {
    let harness = try Harness()
    try await harness.seedVillagesAndProducer(name: "Hoàng Long")
    let old = try await harness.client.createListing(
      CreateListingRequest(listing: Fixtures.listing(producer: "p1", sku: "OLD", titleVi: "Khay cói"))
    ).message
    var rows: [BulkImportRow] = []
    rows.append(BulkImportRow(rowNumber: 2, item: .listing(Fixtures.listing(producer: "p1", sku: "N1", titleVi: "Giỏ mây"))))
    rows.append(BulkImportRow(rowNumber: 3, item: .listing(Fixtures.listing(producer: "p1", sku: "old", titleVi: "Đèn tre"))))
    rows.append(BulkImportRow(rowNumber: 4, item: .listing(Fixtures.listing(producer: "p1", sku: "N1", titleVi: "Giỏ lục bình"))))
    rows.append(BulkImportRow(rowNumber: 5, item: .producer(Fixtures.producer("p1", village: "phu-vinh", name: "Đức Thịnh"))))
    rows.append(BulkImportRow(rowNumber: 6, item: .listing(Fixtures.listing(producer: "nobody", sku: "X", titleVi: "Quạt"))))
    rows.append(BulkImportRow(rowNumber: 7, item: .listing(Fixtures.listing(producer: "p1", sku: "N2", titleVi: "Nón lá"))))
    let results = try await harness.store.importRows(rows, caller: .admin)
    #expect(results.map(\.ok) == [true, true, true, true, false, true])
    #expect(results[1].listingId == old.id)
    func hits(_ query: String) async throws -> Int64 {
      try await harness.client.searchListings(SearchListingsRequest(query: query)).message.totalHits
    }
    #expect(try await hits("khay coi") == 0)  // the old title of the updated listing
    #expect(try await hits("den tre") == 1)
    #expect(try await hits("gio may") == 0)  // N1 was updated again in the same batch
    #expect(try await hits("luc binh") == 1)
    #expect(try await hits("non la") == 1)
    #expect(try await hits("quat") == 0)
    #expect(try await hits("hoang long") == 0)  // renamed within the batch
    #expect(try await hits("duc thinh") == 3)
    #expect(try await hits("phu vinh") == 3)
    let listing = try await harness.client.getListing(GetListingRequest(id: results[5].listingId)).message
    #expect(listing.villageId == "phu-vinh")
    #expect(listing.version == 1)
    try await harness.store.database.write { tx in
      try tx.execute("INSERT INTO listing_fts(listing_fts, rank) VALUES ('integrity-check', 1)")
      #expect(try tx.fetchOne("SELECT count(*) FROM listing_fts_pending") { $0.int64(0) } == 0)
      #expect(try tx.fetchOne("SELECT count(*) FROM listing_fts_deferred") { $0.int64(0) } == 0)
    }
  }

  @Test("bulk import: a row failing after it wrote (a create and an update) leaves nothing of itself; the batch's other rows land with their events")
  func importRowFailingMidWay() async throws {
    let harness = try Harness()
    try await harness.seedVillagesAndProducer(name: "Hoàng Long")
    let old = try await harness.client.createListing(
      CreateListingRequest(listing: Fixtures.listing(producer: "p1", sku: "OLD", titleVi: "Khay cói"))
    ).message
    // A fault after the listing row, its materials and its index notes are written: the
    // second price tier of a listing priced 666 (see Fixtures.listing) cannot be stored.
    try await harness.store.database.write { tx in
      try tx.execute(
        """
        CREATE TRIGGER fail_tier BEFORE INSERT ON price_tier WHEN new.unit_price_minor = 599
        BEGIN SELECT RAISE(ABORT, 'injected fault'); END
        """)
    }
    let seqBefore = try await harness.store.newestSeq()
    let rows = [
      BulkImportRow(rowNumber: 2, item: .listing(Fixtures.listing(producer: "p1", sku: "N1", titleVi: "Giỏ mây"))),
      BulkImportRow(rowNumber: 3, item: .listing(Fixtures.listing(producer: "p1", sku: "N2", titleVi: "Đèn tre", usd: 666))),
      BulkImportRow(rowNumber: 4, item: .listing(Fixtures.listing(producer: "p1", sku: "old", titleVi: "Quạt nan", usd: 666))),
      BulkImportRow(rowNumber: 5, item: .listing(Fixtures.listing(producer: "p1", sku: "N3", titleVi: "Nón lá"))),
    ]
    let results = try await harness.store.importRows(rows, caller: .admin)
    #expect(results.map(\.ok) == [true, false, false, true])
    #expect(results[1].reason.contains("injected fault"))
    #expect(results[2].reason.contains("injected fault"))
    #expect(harness.store.importBatchReruns == 1)  // the fault struck after the rows wrote

    // The update that failed: the old listing as it was, with its old tiers and text.
    let kept = try await harness.client.getListing(GetListingRequest(id: old.id)).message
    #expect(kept == old)
    func hits(_ query: String) async throws -> Int64 {
      try await harness.client.searchListings(SearchListingsRequest(query: query)).message.totalHits
    }
    #expect(try await hits("khay coi") == 1)
    #expect(try await hits("quat nan") == 0)
    #expect(try await hits("den tre") == 0)
    #expect(try await hits("gio may") == 1)
    #expect(try await hits("non la") == 1)
    // One event per landed row, none for the failed ones.
    let landed = try await harness.client.batchGetListings(
      BatchGetListingsRequest(ids: [results[0].listingId, results[3].listingId])
    ).message.listings
    let events = try await harness.store.events(after: seqBefore)
    #expect(events.map(\.snapshot) == landed.map { .listing($0) })
    try await harness.store.database.write { tx in
      // Nothing of the failed create: listings, tiers, materials of p1's three live listings only.
      #expect(try tx.fetchOne("SELECT count(*) FROM listing WHERE producer_id = 'p1'") { $0.int64(0) } == 3)
      #expect(try tx.fetchOne("SELECT count(*) FROM listing WHERE sku_folded = 'n2'") { $0.int64(0) } == 0)
      #expect(try tx.fetchOne("SELECT count(*) FROM price_tier") { $0.int64(0) } == 6)
      #expect(try tx.fetchOne("SELECT count(*) FROM listing_material") { $0.int64(0) } == 3)
      #expect(try tx.fetchOne("SELECT count(*) FROM price_tier WHERE unit_price_minor = 666") { $0.int64(0) } == 0)
      try tx.execute("INSERT INTO listing_fts(listing_fts, rank) VALUES ('integrity-check', 1)")
      #expect(try tx.fetchOne("SELECT count(*) FROM listing_fts_pending") { $0.int64(0) } == 0)
    }
  }

  @Test("bulk import: a row whose error rolls back the whole transaction (a trigger's RAISE(ROLLBACK)) fails its batch; no row of it lands, none after it is committed on its own")
  func importRowRollingBackTheTransaction() async throws {
    let harness = try Harness()
    try await harness.seedVillagesAndProducer(name: "Hoàng Long")
    try await harness.store.database.write { tx in
      try tx.execute(
        """
        CREATE TRIGGER roll_back BEFORE INSERT ON listing WHEN new.sku = 'BAD'
        BEGIN SELECT RAISE(ROLLBACK, 'injected rollback'); END
        """)
    }
    let seqBefore = try await harness.store.newestSeq()
    let rows = ["N1", "BAD", "N2"].enumerated().map { index, sku in
      BulkImportRow(rowNumber: Int64(index + 2), item: .listing(Fixtures.listing(producer: "p1", sku: sku, titleVi: "Giỏ \(sku)")))
    }
    await #expect(throws: StorageError.self) { try await harness.store.importRows(rows, caller: .admin) }
    let listings = try await harness.store.database.read { tx in
      try tx.fetchOne("SELECT count(*) FROM listing") { $0.int64(0) }
    }
    #expect(listings == 0)
    #expect(try await harness.store.events(after: seqBefore).isEmpty)
    // The store still writes.
    let results = try await harness.store.importRows([rows[0], rows[2]], caller: .admin)
    #expect(results.map(\.ok) == [true, true])
  }

  static func collect(
    _ client: CatalogueServiceClient, after: UInt64, count: Int,
    types: [ChangeEvent.EntityType] = [],
    whileWatching: @Sendable () async throws -> Void = {}
  ) async throws -> [ChangeEvent] {
    try await client.watchChanges(WatchChangesRequest(afterSeq: after, entityTypes: types)) {
      stream in
      var iterator = stream.makeAsyncIterator()
      var events: [ChangeEvent] = []
      try await whileWatching()
      while events.count < count, let event = try await iterator.next() {
        events.append(event)
      }
      return events
    }
  }

  @Test("WatchChanges: backlog, then live events, strictly increasing, no gaps or duplicates")
  func backlogAndLive() async throws {
    let harness = try Harness()
    try await harness.seedVillages()  // 3 village events
    _ = try await harness.client.createProducer(
      CreateProducerRequest(producer: Fixtures.producer("p1", village: "ninh-so", name: "X")))
    let listing = try await harness.client.createListing(
      CreateListingRequest(listing: Fixtures.listing(producer: "p1", sku: "A", titleVi: "Giỏ"))
    ).message

    let backlog = try await Self.collect(harness.client, after: 0, count: 5)
    #expect(backlog.map(\.seq) == [1, 2, 3, 4, 5])
    #expect(backlog.map(\.changeType) == [.created, .created, .created, .created, .created])
    guard case .listing(let snapshot)? = backlog.last?.snapshot else {
      Issue.record("no listing snapshot")
      return
    }
    #expect(snapshot == listing)
    #expect(backlog.last?.actor == CommonAPI.Actor(role: .admin))
    #expect(backlog.last?.time != nil)

    // Live: the stream is caught up, then writes happen while it waits.
    let client = harness.client
    let live = try await Self.collect(client, after: 5, count: 3) {
      var changed = listing
      changed.moq = 999
      _ = try await client.updateListing(UpdateListingRequest(listing: changed, expectedVersion: 1))
      _ = try await client.deleteListing(DeleteListingRequest(id: listing.id))
      _ = try await client.createListing(
        CreateListingRequest(listing: Fixtures.listing(producer: "p1", sku: "B", titleVi: "Khay")))
    }
    #expect(live.map(\.seq) == [6, 7, 8])
    #expect(live.map(\.changeType) == [.updated, .deleted, .created])

    // A waiting stream is woken by a later commit.
    let woken = try await Self.collect(client, after: 8, count: 1) {
      Task {
        try await Task.sleep(for: .milliseconds(50))
        _ = try await client.deleteProducer(DeleteProducerRequest(id: "p1"))
      }
    }
    // Deleting the producer deletes its active listing first, then the producer.
    #expect(woken.map(\.seq) == [9])
    #expect(woken.first?.changeType == .deleted)

    // Filtered by entity type; seqs are not contiguous then.
    let producers = try await Self.collect(client, after: 0, count: 2, types: [.producer])
    #expect(producers.map(\.seq) == [4, 10])

    let beyond = await rpcError { _ = try await Self.collect(client, after: 99, count: 1) }
    #expect(beyond?.code == .outOfRange)
  }

  @Test("WatchChanges resumes after reopening the database: every later change exactly once")
  func resumeAcrossRestart() async throws {
    let directory = try TemporaryDirectory()
    var lastSeen: UInt64 = 0
    do {
      let harness = try Harness(directory: directory)
      try await harness.seedVillages()
      _ = try await harness.client.createProducer(
        CreateProducerRequest(producer: Fixtures.producer("p1", village: "ninh-so", name: "X")))
      let events = try await Self.collect(harness.client, after: 0, count: 4)
      lastSeen = try #require(events.last?.seq)
      // Written after the client's last event, before the "crash".
      _ = try await harness.client.createListing(
        CreateListingRequest(listing: Fixtures.listing(producer: "p1", sku: "A", titleVi: "Giỏ")))
      await harness.store.close()
    }
    #expect(lastSeen == 4)

    let reopened = try Harness(directory: directory)
    let client = reopened.client
    let resumed = try await Self.collect(client, after: lastSeen, count: 2) {
      _ = try await client.createListing(
        CreateListingRequest(listing: Fixtures.listing(producer: "p1", sku: "B", titleVi: "Khay")))
    }
    #expect(resumed.map(\.seq) == [5, 6])
    let skus = resumed.compactMap { event -> String? in
      if case .listing(let listing)? = event.snapshot { return listing.sku }
      return nil
    }
    #expect(skus == ["A", "B"])
    #expect(try await reopened.store.newestSeq() == 6)
    await reopened.store.close()
  }

  @Test("seed stores villages, producers and listings with their events")
  func seed() async throws {
    let harness = try Harness()
    let producers = (0..<20).map {
      Fixtures.producer("seed-\($0)", village: $0 % 2 == 0 ? "ninh-so" : "phu-vinh", name: "Cơ sở \($0)")
    }
    let listings = (0..<200).map {
      var listing = Fixtures.listing(
        producer: "seed-\($0 % 20)", sku: "S\($0)", titleVi: "Giỏ mây tre đan mẫu \($0)")
      if $0 < 10 { listing.id = "demo-listing-\($0)" }
      return listing
    }
    let summary = try await harness.store.seed(
      villages: Fixtures.villages, producers: producers, listings: listings, batchSize: 64)
    #expect(summary == CatalogueStore.SeedSummary(villages: 3, producers: 20, listings: 200))
    #expect(try await harness.store.newestSeq() == 223)
    #expect(try await harness.client.getListing(GetListingRequest(id: "demo-listing-3")).message.sku == "S3")
    var filter = ListingFilter()
    filter.villageIds = ["ninh-so"]
    var request = SearchListingsRequest(query: "may tre dan", filter: filter)
    request.includeFacets = true
    let response = try await harness.client.searchListings(request).message
    #expect(response.totalHits == 100)

    var invalid = Fixtures.listing(producer: "seed-1", sku: "X", titleVi: "")
    invalid.title = nil
    await #expect(throws: CatalogueError.self) {
      try await harness.store.seed(villages: [], producers: [], listings: [invalid])
    }
    do {
      try await harness.store.seed(villages: [], producers: [], listings: [invalid])
    } catch let error as CatalogueError {
      #expect(error.rpcError.code == .invalidArgument)
      #expect(error.field.hasPrefix("listings[0]"))
    }
  }
}
