public import Auth
public import CatalogueAPI
internal import CommonAPI
internal import ProtoWire
public import Storage
internal import Synchronization

/// The catalogue's data: one SQLite file (one writer, N readers) with villages, producers,
/// listings, the search index and the change feed, and the operations on them.
///
/// Every write is one `BEGIN IMMEDIATE` transaction that also appends its change events, then
/// wakes the change-feed streams. Reads run on reader connections, each in one snapshot.
/// The RPC layer (``CatalogueServiceImpl``) validates requests and calls these methods;
/// tools (`craftd --demo`, benchmarks) may call them directly.
public final class CatalogueStore: Sendable {
  /// The database file.
  public let database: Database
  let notifier = CommitNotifier()
  let clock: @Sendable () -> Int64
  /// Answers `SearchListings` in memory; see ``SearchIndex``.
  let searchIndex = SearchIndex()
  let importReruns = Atomic<Int>(0)

  /// Import batches that ran again with a savepoint per row, because a row failed after it
  /// had written (see ``importRows(_:caller:)``): each costs the batch's writes once more.
  public var importBatchReruns: Int { importReruns.load(ordering: .relaxed) }

  /// Opens (creating and migrating) the catalogue database at `path`.
  ///
  /// - Parameter clock: milliseconds since the epoch; tests may pin it.
  public init(
    path: String, configuration: Database.Configuration = .defaults,
    clock: (@Sendable () -> Int64)? = nil
  ) throws {
    self.database = try Database(
      path: path, configuration: configuration, migrations: CatalogueSchema.migrations)
    self.clock = clock ?? { WallClock.nowMilliseconds() }
    // Before the store is handed out, so no write can land between the load and the first
    // write's update of the index. On a connection of its own: `Database` reads only async.
    let loader = try Connection(
      path: path,
      options: Connection.Options(
        mode: .readOnly, busyTimeout: configuration.busyTimeout, statementCacheCapacity: 16,
        pageCacheKiB: configuration.pageCacheKiB, mmapBytes: configuration.mmapBytes))
    defer { loader.close() }
    try loader.read { try searchIndex.load(from: $0) }
  }

  /// Ends the change-feed streams (their clients resubscribe where they got to), so a server
  /// shutting down does not wait for followers that never hang up.
  public func endFeeds() { notifier.finishAll() }

  /// Ends the change-feed streams and closes the database.
  public func close() async {
    notifier.finishAll()
    await database.close()
  }

  /// Runs `body` in a write transaction with a writer for `caller`, then wakes the feed.
  func write<T: Sendable>(
    caller: Caller, _ body: @escaping @Sendable (CatalogueWriter) throws -> T
  ) async throws -> T {
    let now = clock()
    let actor = caller.actor
    let index = searchIndex
    let result = try await database.write(
      { tx in
        let writer = CatalogueWriter(tx: tx, now: now, actor: actor)
        let result = try body(writer)
        return WriteOutcome(result: result, delta: try index.capture(writer.touched, in: tx))
      }, afterCommit: { index.apply($0.delta) })
    notifier.notify()
    return result.result
  }

  /// A write's result and the rows it changed, handed from its transaction to the index.
  private struct WriteOutcome<T: Sendable>: Sendable {
    var result: T
    var delta: SearchIndex.Delta
  }

  /// Today's date in Vietnam, as yyyymmdd.
  var today: Int64 { WallClock.dayInVietnam(milliseconds: clock()).dayNumber }

  // MARK: Villages

  /// Inserts or replaces a village (admin and seeding only; there is no RPC for it).
  @discardableResult
  public func upsertVillage(_ village: Village, caller: Caller = .system) async throws -> Village {
    let valid = try CatalogueValidation.village(village)
    return try await write(caller: caller) { try $0.upsertVillage(valid).0 }
  }

  /// One village with its counts; `NOT_FOUND` when unknown.
  public func village(id: String) async throws -> Village {
    guard let village = try await database.read({ try StoredVillage.find(id: id, in: $0) }) else {
      throw CatalogueError.notFound("village \(id) not found")
    }
    return village
  }

  /// Villages by id, optionally of one craft or district.
  public func listVillages(_ request: ListVillagesRequest) async throws -> ListVillagesResponse {
    let size = try effectivePageSize(request.pageSize, default: 100)
    var unpaged = request
    unpaged.pageToken = ""
    unpaged.pageSize = 0
    let fingerprint = PageToken.fingerprint(unpaged)
    let after = try PageToken.lastID(request.pageToken, fingerprint: fingerprint)
    var conditions: [SQL] = ["v.id > ?"]
    var arguments: [SQLValue] = [.text(after)]
    if request.craft != .unspecified {
      conditions.append("v.id IN (SELECT village_id FROM village_craft WHERE category = ?)")
      arguments.append(.integer(Int64(request.craft.rawValue)))
    }
    if !request.district.trimmed.isEmpty {
      conditions.append("v.district_folded = ?")
      arguments.append(.text(VietnameseFolding.fold(request.district.trimmed)))
    }
    let sql: SQL =
      """
      SELECT v.id, v.data,
        (SELECT count(*) FROM producer p WHERE p.village_id = v.id AND p.deleted = 0),
        (SELECT count(*) FROM listing l WHERE l.village_id = v.id AND l.status = 1)
      FROM village v WHERE
      """ + " " + SQL(joining: conditions, separator: " AND ") + " ORDER BY v.id LIMIT ?"
    let bound = arguments + [.integer(Int64(size + 1))]
    let villages = try await database.read { tx in
      try tx.fetchAll(sql, arguments: bound) {
        try StoredVillage.decodeWithCounts($0)
      }
    }
    var response = ListVillagesResponse()
    response.villages = Array(villages.prefix(size))
    if villages.count > size, let last = response.villages.last {
      response.nextPageToken = PageToken(fingerprint: fingerprint, values: [.text(last.id)])
        .encoded()
    }
    return response
  }

  // MARK: Producers

  /// Creates a producer (validated here); returns it as stored.
  public func createProducer(_ producer: Producer, caller: Caller) async throws -> Producer {
    let valid = try CatalogueValidation.producer(producer)
    return try await write(caller: caller) { try $0.createProducer(valid, prefix: "producer.") }
  }

  /// Replaces a producer's editable fields; `expectedVersion` 0 skips the version check.
  public func updateProducer(_ producer: Producer, expectedVersion: Int64, caller: Caller)
    async throws -> Producer
  {
    let valid = try CatalogueValidation.producer(producer)
    if valid.id.isEmpty {
      throw CatalogueError.invalidArgument(field: "producer.id", reason: "required")
    }
    return try await write(caller: caller) {
      try $0.updateProducer(valid, expectedVersion: expectedVersion, prefix: "producer.")
    }
  }

  /// Soft-deletes a producer and its listings.
  public func deleteProducer(id: String, expectedVersion: Int64, caller: Caller) async throws
    -> Producer
  {
    if id.isEmpty { throw CatalogueError.invalidArgument(field: "id", reason: "required") }
    return try await write(caller: caller) {
      try $0.deleteProducer(id: id, expectedVersion: expectedVersion)
    }
  }

  /// One producer, also when deleted; the contact only for those allowed to see it.
  public func producer(id: String, caller: Caller) async throws -> Producer {
    if id.isEmpty { throw CatalogueError.invalidArgument(field: "id", reason: "required") }
    guard let stored = try await database.read({ try StoredProducer.find(id: id, in: $0) }) else {
      throw CatalogueError.notFound("producer \(id) not found")
    }
    return Self.redacted(stored.producer, for: caller)
  }

  /// Producers by id.
  public func listProducers(_ request: ListProducersRequest, caller: Caller) async throws
    -> ListProducersResponse
  {
    let size = try effectivePageSize(request.pageSize)
    var unpaged = request
    unpaged.pageToken = ""
    unpaged.pageSize = 0
    let fingerprint = PageToken.fingerprint(unpaged)
    let after = try PageToken.lastID(request.pageToken, fingerprint: fingerprint)
    var conditions: [SQL] = ["p.id > ?"]
    var arguments: [SQLValue] = [.text(after)]
    if !request.villageId.isEmpty {
      conditions.append("p.village_id = ?")
      arguments.append(.text(request.villageId))
    }
    if !request.showDeleted { conditions.append("p.deleted = 0") }
    let sql: SQL =
      "SELECT " + StoredProducer.columns + " FROM producer p WHERE "
      + SQL(joining: conditions, separator: " AND ") + " ORDER BY p.id LIMIT ?"
    let bound = arguments + [.integer(Int64(size + 1))]
    let producers = try await database.read { tx in
      try tx.fetchAll(sql, arguments: bound) {
        try StoredProducer.decode($0).producer
      }
    }
    var response = ListProducersResponse()
    response.producers = producers.prefix(size).map { Self.redacted($0, for: caller) }
    if producers.count > size, let last = response.producers.last {
      response.nextPageToken = PageToken(fingerprint: fingerprint, values: [.text(last.id)])
        .encoded()
    }
    return response
  }

  static func redacted(_ producer: Producer, for caller: Caller) -> Producer {
    guard !caller.canSeePrivateData(ofProducer: producer.id) else { return producer }
    var copy = producer
    copy.contact = nil
    return copy
  }

  // MARK: Listings

  /// Creates a listing (validated here).
  public func createListing(_ listing: Listing, caller: Caller) async throws -> Listing {
    let valid = try CatalogueValidation.listing(listing)
    return try await write(caller: caller) { try $0.createListing(valid, prefix: "listing.") }
  }

  /// Replaces a listing's editable fields; `expectedVersion` 0 skips the version check.
  public func updateListing(_ listing: Listing, expectedVersion: Int64, caller: Caller)
    async throws -> Listing
  {
    let id = listing.id.trimmed
    if id.isEmpty { throw CatalogueError.invalidArgument(field: "listing.id", reason: "required") }
    let valid = try CatalogueValidation.listing(listing)
    return try await write(caller: caller) {
      try $0.updateListing(valid, id: id, expectedVersion: expectedVersion, prefix: "listing.")
    }
  }

  /// Soft-deletes a listing.
  public func deleteListing(id: String, expectedVersion: Int64, caller: Caller) async throws
    -> Listing
  {
    if id.isEmpty { throw CatalogueError.invalidArgument(field: "id", reason: "required") }
    return try await write(caller: caller) {
      try $0.deleteListing(id: id, expectedVersion: expectedVersion)
    }
  }

  /// One listing, also when deleted; a draft only for its owner and admins (others:
  /// `NOT_FOUND`).
  public func listing(id: String, caller: Caller) async throws -> Listing {
    if id.isEmpty { throw CatalogueError.invalidArgument(field: "id", reason: "required") }
    let stored = try await database.read { try StoredListing.find(id: id, in: $0) }
    guard let listing = stored?.listing, Self.isVisible(listing, to: caller) else {
      throw CatalogueError.notFound("listing \(id) not found")
    }
    return listing
  }

  /// Several listings by id, in request order; missing or invisible ids reported.
  public func listings(ids: [String], caller: Caller) async throws -> BatchGetListingsResponse {
    if ids.count > 1000 {
      throw CatalogueError.invalidArgument(field: "ids", reason: "at most 1,000 ids")
    }
    let found = try await database.read { tx in
      try ids.map { try StoredListing.find(id: $0, in: tx)?.listing }
    }
    var response = BatchGetListingsResponse()
    for (id, listing) in zip(ids, found) {
      if let listing, Self.isVisible(listing, to: caller) {
        response.listings.append(listing)
      } else {
        response.missingIds.append(id)
      }
    }
    return response
  }

  static func isVisible(_ listing: Listing, to caller: Caller) -> Bool {
    listing.status != .draft || caller.canSeePrivateData(ofProducer: listing.producerId)
  }

  /// Listings of a producer or village (or all), newest first.
  public func listListings(_ request: ListListingsRequest, caller: Caller) async throws
    -> ListListingsResponse
  {
    let size = try effectivePageSize(request.pageSize)
    var unpaged = request
    unpaged.pageToken = ""
    unpaged.pageSize = 0
    let fingerprint = PageToken.fingerprint(unpaged)
    var before = Int64.max
    if !request.pageToken.isEmpty {
      let token = try PageToken.decode(request.pageToken, fingerprint: fingerprint, count: 1)
      guard case .integer(let rowid) = token.values[0] else {
        throw CatalogueError.invalidArgument(field: "page_token", reason: "malformed")
      }
      before = rowid
    }
    var conditions: [SQL] = ["l.rowid < ?"]
    var arguments: [SQLValue] = [.integer(before)]
    if !request.producerId.isEmpty {
      conditions.append("l.producer_id = ?")
      arguments.append(.text(request.producerId))
    }
    if !request.villageId.isEmpty {
      conditions.append("l.village_id = ?")
      arguments.append(.text(request.villageId))
    }
    // Active always; deleted on request; drafts on request, and only those the caller may see.
    conditions.append(
      "(l.status = 1 OR (? AND l.status = 3) OR (? AND l.status = 2 AND (? OR l.producer_id = ?)))")
    arguments += [
      .integer(request.showDeleted ? 1 : 0), .integer(request.showDrafts ? 1 : 0),
      .integer(caller.isPrivileged ? 1 : 0),
      .text(caller.role == .producer && !caller.id.isEmpty ? caller.id : "\u{0}"),
    ]
    let sql: SQL =
      StoredListing.columns + " WHERE " + SQL(joining: conditions, separator: " AND ")
      + " ORDER BY l.rowid DESC LIMIT ?"
    let bound = arguments + [.integer(Int64(size + 1))]
    let rows = try await database.read { tx in
      try tx.fetchAll(sql, arguments: bound) {
        try StoredListing.decode($0)
      }
    }
    var response = ListListingsResponse()
    response.listings = rows.prefix(size).map(\.listing)
    if rows.count > size, let last = rows.prefix(size).last {
      response.nextPageToken = PageToken(fingerprint: fingerprint, values: [.integer(last.rowid)])
        .encoded()
    }
    return response
  }

  // MARK: Search

  /// Where ``search(_:caller:engine:)`` finds the page, total and facets.
  public enum SearchEngine: Sendable, Hashable {
    /// The in-memory index (``SearchIndex``); SQL when the index is not available.
    case index
    /// SQLite (FTS5 and the plan of `ListingSearch`): the reference the index is tested
    /// against, kept for benchmarks and comparisons.
    case sql
  }

  /// Full-text search with filters, sort, facets and keyset pagination over active listings.
  ///
  /// Both engines give the same hits in the same order, totals, facets and page tokens (a
  /// token of one pages on in the other); the page's listings are read from SQLite either way.
  public func search(
    _ request: SearchListingsRequest, caller: Caller, engine: SearchEngine = .index
  ) async throws -> SearchListingsResponse {
    let size = try effectivePageSize(request.pageSize, default: 20, maximum: 100)
    let plan = try ListingSearch(request, today: today)
    var unpaged = request
    unpaged.pageToken = ""
    unpaged.pageSize = 0
    unpaged.includeFacets = false
    let fingerprint = PageToken.fingerprint(unpaged)
    // Token: row cap, day, last key, last id.
    var position: (cap: Int64, day: Int64, after: (SQLValue, String))?
    if !request.pageToken.isEmpty {
      let token = try PageToken.decode(request.pageToken, fingerprint: fingerprint, count: 4)
      // The key is a double (bm25) for relevance, an integer for every other order.
      let keyFits: Bool
      switch token.values[2] {
      case .real: keyFits = plan.keyIsRelevance
      case .integer: keyFits = !plan.keyIsRelevance
      default: keyFits = false
      }
      guard case .integer(let cap) = token.values[0], case .integer(let day) = token.values[1],
        case .text(let id) = token.values[3], keyFits
      else { throw CatalogueError.invalidArgument(field: "page_token", reason: "malformed") }
      position = (cap, day, (token.values[2], id))
    }
    var fixedPlan = plan
    if let position, request.filter?.certifiedOn == nil {
      fixedPlan.day = position.day  // pages of one search agree on "today"
    }
    let searchPlan = fixedPlan
    let start = position
    let includeFacets = request.includeFacets
    // The index's answer comes first; the page's rows are then read in a snapshot at least
    // as new (the index applies a write after its commit).
    var indexed: (cap: Int64, found: SearchFound)?
    if engine == .index, let index = searchIndex.snapshot() {
      let cap = start?.cap ?? index.maxRowid
      indexed = (
        cap,
        try index.search(
          searchPlan.criteria, day: searchPlan.day, maxRowid: cap, after: start?.after,
          limit: size + 1, includeFacets: includeFacets)
      )
    }
    let fromIndex = indexed
    return try await database.read { tx in
      let cap =
        try fromIndex?.cap ?? start?.cap ?? tx.fetchOne("SELECT coalesce(max(rowid), 0) FROM listing") {
          $0.int64(0)
        } ?? 0
      let (rows, total, facets) =
        try fromIndex?.found
        ?? searchPlan.run(
          tx, maxRowid: cap, after: start?.after, limit: size + 1, includeFacets: includeFacets)
      var response = SearchListingsResponse()
      response.totalHits = total
      response.facets = facets
      var producers: [Int64: (StoredProducer, [CertificationType])] = [:]
      var villages: [String: Village] = [:]
      for row in rows.prefix(size) {
        guard let stored = try StoredListing.find(rowid: row.rowid, in: tx) else { continue }
        if producers[stored.producerRowid] == nil, let producer = try StoredProducer.find(
          rowid: stored.producerRowid, in: tx)
        {
          let certifications = try tx.fetchAll(
            """
            SELECT DISTINCT type FROM certification
            WHERE producer_rowid = ? AND valid_from <= ? AND valid_to >= ? ORDER BY type
            """, stored.producerRowid, searchPlan.day, searchPlan.day
          ) { CertificationType(rawValue: Int32(truncatingIfNeeded: $0.int64(0))) }
          producers[stored.producerRowid] = (producer, certifications)
        }
        let villageID = stored.listing.villageId
        if villages[villageID] == nil {
          villages[villageID] = try tx.fetchOne(
            "SELECT data FROM village WHERE id = ?", villageID
          ) { try decodeStored(Village.self, $0.blob(0), table: "village", id: villageID) }
        }
        var hit = SearchHit()
        hit.listing = stored.listing
        if let (producer, certifications) = producers[stored.producerRowid] {
          var summary = ProducerSummary()
          summary.id = producer.producer.id
          summary.name = producer.producer.name
          summary.kind = producer.producer.kind
          summary.verificationTier = producer.producer.verificationTier
          summary.certifications = certifications
          summary.exportMarkets = producer.producer.exportMarkets
          summary.responseStats = producer.producer.responseStats
          hit.producer = summary
        }
        let village = villages[villageID]
        hit.villageName = village?.name
        hit.district = village?.district ?? ""
        if searchPlan.keyIsRelevance, case .real(let rank) = row.key {
          hit.score = -rank  // bm25 is lower-is-better
        }
        hit.snippet = SnippetBuilder.snippet(
          terms: searchPlan.terms, listing: stored.listing, producerName: hit.producer?.name,
          villageName: village?.name)
        response.hits.append(hit)
      }
      if rows.count > size, let last = rows.prefix(size).last {
        response.nextPageToken = PageToken(
          fingerprint: fingerprint,
          values: [.integer(cap), .integer(searchPlan.day), last.key, .text(last.id)]
        ).encoded()
      }
      return response
    }
  }

  // MARK: Change feed

  /// The newest seq in the feed, 0 when empty.
  public func newestSeq() async throws -> UInt64 {
    try await database.read { tx in
      UInt64(
        try tx.fetchOne("SELECT coalesce(max(seq), 0) FROM change_event") { $0.int64(0) } ?? 0)
    }
  }

  /// Up to `limit` events after `afterSeq`, in seq order, of the given kinds (empty → all).
  public func events(
    after afterSeq: UInt64, entityTypes: [ChangeEvent.EntityType] = [], limit: Int = 256
  ) async throws -> [ChangeEvent] {
    let types = Set(entityTypes.map(\.rawValue)).sorted()
    var sql: SQL = "SELECT seq, snapshot FROM change_event WHERE seq > ?"
    var arguments: [SQLValue] = [.integer(Int64(clamping: afterSeq))]
    if !types.isEmpty {
      sql = sql + " AND entity_type IN (" + SQL.placeholders(types.count) + ")"
      arguments += types.map { .integer(Int64($0)) }
    }
    let query = sql + " ORDER BY seq LIMIT ?"
    arguments.append(.integer(Int64(limit)))
    let bound = arguments
    return try await database.read { tx in
      try tx.fetchAll(query, arguments: bound) { row in
        let seq = row.int64(0)
        var event = try decodeStored(
          ChangeEvent.self, row.blob(1), table: "change_event", id: String(seq))
        event.seq = UInt64(seq)
        return event
      }
    }
  }

  /// Wake-ups after each committed write; see ``CommitNotifier``.
  func changeSignals() -> AsyncStream<Void> { notifier.subscribe() }
}
