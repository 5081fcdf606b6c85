public import CatalogueAPI
internal import CommonAPI
public import MatchingAPI
internal import ProtoWire
public import Storage
internal import Synchronization

/// The matching service's data: one SQLite file with buyers, RFQs, introductions, recorded
/// proposals and the catalogue read model, plus the in-memory index built from that model.
///
/// Every write is one `BEGIN IMMEDIATE` transaction. The RPC layer (``MatchingServiceImpl``)
/// authorizes and validates; tools (`craftd --demo`, tests) may call these methods directly.
public final class MatchingStore: Sendable {
  /// The database file.
  public let database: Database
  /// The catalogue index the engine ranks over.
  public let catalogue: CatalogueReadModel
  let clock: @Sendable () -> Int64
  private let ordersFollowed = Atomic(false)
  /// The orders feed's position (seen and stored), for the feed-lag metric.
  public let ordersFeed = FeedProgress()
  /// Open RFQs and buyer profiles prepared for ranking; every buyer or RFQ write invalidates it.
  let market = MarketNeedsCache()
  /// Every producer's introduction statistics; every introduction write invalidates them.
  let responses = ResponseStatsCache()

  /// Whether an orders follower feeds this store (``ordersFollower(client:metadata:)``): only
  /// then are order figures known rather than missing.
  public internal(set) var followsOrders: Bool {
    get { ordersFollowed.load(ordering: .relaxed) }
    set { ordersFollowed.store(newValue, ordering: .relaxed) }
  }

  /// How long a REQUESTED introduction waits for an answer before it expires.
  public static let introductionLifetimeMilliseconds: Int64 = 14 * 86_400_000
  /// How long an RFQ stays open when it names no expiry.
  public static let defaultRfqLifetimeMilliseconds: Int64 = 30 * 86_400_000

  /// Opens (creating and migrating) the matching database at `path` and loads the stored
  /// catalogue read model into memory.
  ///
  /// - Parameter clock: milliseconds since the epoch; tests may pin it.
  public init(
    path: String, configuration: Database.Configuration = .defaults,
    clock: (@Sendable () -> Int64)? = nil
  ) async throws {
    self.database = try Database(
      path: path, configuration: configuration, migrations: MatchingSchema.migrations)
    self.clock = clock ?? { Time.nowMilliseconds() }
    self.catalogue = CatalogueReadModel()
    let (index, seq) = try await database.read { tx in
      var index = CatalogueIndex()
      try tx.forEach("SELECT entity_type, id, data FROM catalogue_object ORDER BY seq") { row in
        let type = ChangeEvent.EntityType(rawValue: Int32(truncatingIfNeeded: row.int64(0)))
        let bytes = row.blob(2)
        switch type {
        case .village: index.apply(.village(try Village(serializedBytes: bytes)))
        case .producer: index.apply(.producer(try Producer(serializedBytes: bytes)))
        case .listing: index.apply(.listing(try Listing(serializedBytes: bytes)))
        default: break
        }
      }
      let seq = try tx.fetchOne("SELECT last_seq FROM catalogue_feed WHERE id = 1") { $0.int64(0) }
      return (index, UInt64(seq ?? 0))
    }
    catalogue.load(index, lastSeq: seq)
  }

  /// Closes the database.
  public func close() async { await database.close() }

  /// Now, by the store's clock (milliseconds since the epoch).
  public var now: Int64 { clock() }

  // MARK: Catalogue feed

  /// The seq of the last catalogue event stored (0: none yet).
  public func lastAppliedSeq() async throws -> UInt64 {
    try await database.read { tx in
      UInt64(try tx.fetchOne("SELECT last_seq FROM catalogue_feed WHERE id = 1") { $0.int64(0) } ?? 0)
    }
  }

  /// How many catalogue events have been applied over the database's life (each exactly once).
  public func appliedEventCount() async throws -> Int64 {
    try await database.read { tx in
      try tx.fetchOne("SELECT applied_events FROM catalogue_feed WHERE id = 1") { $0.int64(0) } ?? 0
    }
  }

  /// Stores `events` (in seq order) and the new position in one transaction, then updates the
  /// in-memory index. Events at or below the stored position are skipped, so a replay after a
  /// reconnect never applies an event twice.
  public func applyCatalogueEvents(_ events: [ChangeEvent]) async throws {
    guard !events.isEmpty else { return }
    let applied = try await database.write { tx -> [ChangeEvent] in
      var last = UInt64(
        try tx.fetchOne("SELECT last_seq FROM catalogue_feed WHERE id = 1") { $0.int64(0) } ?? 0)
      var applied: [ChangeEvent] = []
      for event in events where event.seq > last {
        if let snapshot = event.snapshot {
          let (type, id, bytes): (ChangeEvent.EntityType, String, [UInt8]) =
            switch snapshot {
            case .village(let v): (.village, v.id, v.serializedBytes())
            case .producer(let p): (.producer, p.id, p.serializedBytes())
            case .listing(let l): (.listing, l.id, l.serializedBytes())
            }
          try tx.execute(
            """
            INSERT INTO catalogue_object(entity_type, id, seq, data) VALUES (?, ?, ?, ?)
            ON CONFLICT(entity_type, id) DO UPDATE SET seq = excluded.seq, data = excluded.data
            """, Int64(type.rawValue), id, Int64(clamping: event.seq), bytes)
        }
        last = event.seq
        applied.append(event)
      }
      try tx.execute(
        "UPDATE catalogue_feed SET last_seq = ?, applied_events = applied_events + ? WHERE id = 1",
        Int64(clamping: last), Int64(applied.count))
      return applied
    }
    catalogue.apply(applied)
  }

  // MARK: Buyers

  /// Creates a buyer; `buyer.id` must be set (the service assigns it).
  public func createBuyer(_ buyer: Buyer) async throws -> Buyer {
    var valid = try MatchingValidation.buyer(buyer)
    guard !valid.id.isEmpty else { throw MatchingError.invalidArgument(field: "buyer.id", reason: "required") }
    let now = clock()
    valid.createdAt = Time.timestamp(now)
    valid.updatedAt = Time.timestamp(now)
    let stored = valid
    try await database.write { tx in
      if try tx.fetchOne("SELECT 1 FROM buyer WHERE id = ?", stored.id, map: { $0.int64(0) }) != nil {
        throw MatchingError.alreadyExists("buyer \(stored.id) exists already")
      }
      try Self.writeBuyer(stored, created: now, updated: now, in: tx)
    }
    market.invalidate()
    return stored
  }

  /// Replaces a buyer's editable fields.
  public func updateBuyer(_ buyer: Buyer) async throws -> Buyer {
    var valid = try MatchingValidation.buyer(buyer)
    let now = clock()
    let updated = valid
    let created = try await database.write { tx -> Int64 in
      guard
        let created = try tx.fetchOne(
          "SELECT created_ms FROM buyer WHERE id = ?", updated.id, map: { $0.int64(0) })
      else { throw MatchingError.notFound("buyer \(updated.id) not found") }
      try Self.writeBuyer(updated, created: created, updated: now, in: tx)
      return created
    }
    market.invalidate()
    valid.createdAt = Time.timestamp(created)
    valid.updatedAt = Time.timestamp(now)
    return valid
  }

  private static func writeBuyer(_ buyer: Buyer, created: Int64, updated: Int64, in tx: WriteTransaction) throws {
    var blob = buyer
    blob.createdAt = nil
    blob.updatedAt = nil
    try tx.execute(
      """
      INSERT INTO buyer(id, country_code, buyer_type, created_ms, updated_ms, data)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET country_code = excluded.country_code,
        buyer_type = excluded.buyer_type, updated_ms = excluded.updated_ms, data = excluded.data
      """, buyer.id, buyer.countryCode, Int64(buyer.buyerType.rawValue), created, updated,
      blob.serializedBytes())
    try tx.execute("DELETE FROM buyer_category WHERE buyer_id = ?", buyer.id)
    for category in Set(buyer.categories.map(\.rawValue)).sorted() {
      try tx.execute(
        "INSERT INTO buyer_category(buyer_id, category) VALUES (?, ?)", buyer.id, Int64(category))
    }
  }

  static func decodeBuyer(_ row: Row) throws -> Buyer {
    var buyer = try Buyer(serializedBytes: row.blob(3))
    buyer.id = row.string(0)
    buyer.createdAt = Time.timestamp(row.int64(1))
    buyer.updatedAt = Time.timestamp(row.int64(2))
    return buyer
  }

  /// One buyer, with its contact; `NOT_FOUND` when unknown.
  public func buyer(id: String) async throws -> Buyer {
    guard
      let buyer = try await database.read({ tx in
        try tx.fetchOne(
          "SELECT id, created_ms, updated_ms, data FROM buyer WHERE id = ?", id, map: Self.decodeBuyer)
      })
    else { throw MatchingError.notFound("buyer \(id) not found") }
    return buyer
  }

  /// Buyers by id with optional filters; contacts included (the service redacts them).
  public func listBuyers(_ request: ListBuyersRequest) async throws -> ListBuyersResponse {
    let size = try effectivePageSize(request.pageSize)
    var unpaged = request
    unpaged.pageToken = ""
    unpaged.pageSize = 0
    let fingerprint = PageToken.fingerprint(unpaged)
    let after = try PageToken.position(request.pageToken, fingerprint: fingerprint) ?? ""
    var conditions: [SQL] = ["b.id > ?"]
    var arguments: [SQLValue] = [.text(after)]
    if !request.countryCode.isEmpty {
      conditions.append("b.country_code = ?")
      arguments.append(.text(request.countryCode.uppercased()))
    }
    if request.buyerType != .unspecified {
      conditions.append("b.buyer_type = ?")
      arguments.append(.integer(Int64(request.buyerType.rawValue)))
    }
    if request.category != .unspecified {
      conditions.append("b.id IN (SELECT buyer_id FROM buyer_category WHERE category = ?)")
      arguments.append(.integer(Int64(request.category.rawValue)))
    }
    let sql: SQL =
      "SELECT b.id, b.created_ms, b.updated_ms, b.data FROM buyer b WHERE "
      + SQL(joining: conditions, separator: " AND ") + " ORDER BY b.id LIMIT ?"
    let bound = arguments + [.integer(Int64(size + 1))]
    let buyers = try await database.read { tx in
      try tx.fetchAll(sql, arguments: bound, map: Self.decodeBuyer)
    }
    var response = ListBuyersResponse()
    response.buyers = Array(buyers.prefix(size))
    if buyers.count > size, let last = response.buyers.last {
      response.nextPageToken = PageToken(fingerprint: fingerprint, position: last.id).encoded()
    }
    return response
  }

  // MARK: RFQs

  /// Creates an OPEN RFQ for `rfq.buyerId` (which must exist). A non-empty `requestID` makes it
  /// idempotent: the same buyer and key return the RFQ created the first time.
  public func createRfq(_ rfq: Rfq, requestID: String, id: String? = nil) async throws -> Rfq {
    let now = clock()
    var valid = try MatchingValidation.rfq(rfq, today: Time.dayInVietnam(now))
    valid.id = id ?? newID("rfq")
    valid.status = .open
    if valid.expiresAt == nil { valid.expiresAt = Time.timestamp(now + Self.defaultRfqLifetimeMilliseconds) }
    valid.createdAt = Time.timestamp(now)
    valid.updatedAt = Time.timestamp(now)
    valid.closedAt = nil
    let stored = valid
    let existing = try await database.write { tx -> Rfq? in
      guard
        try tx.fetchOne("SELECT 1 FROM buyer WHERE id = ?", stored.buyerId, map: { $0.int64(0) }) != nil
      else { throw MatchingError.invalidArgument(field: "rfq.buyer_id", reason: "unknown buyer \(stored.buyerId)") }
      if !requestID.isEmpty,
        let existing = try tx.fetchOne(
          "SELECT " + Self.rfqColumns + " FROM rfq WHERE buyer_id = ? AND request_id = ?",
          stored.buyerId, requestID, map: Self.decodeRfq)
      {
        return existing
      }
      var blob = stored
      blob.id = ""
      blob.status = .unspecified
      blob.createdAt = nil
      blob.updatedAt = nil
      try tx.execute(
        """
        INSERT INTO rfq(id, buyer_id, request_id, status, category, expires_ms, created_ms,
          updated_ms, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, stored.id, stored.buyerId, requestID, Int64(RfqStatus.open.rawValue),
        Int64(stored.category.rawValue), Time.milliseconds(stored.expiresAt), now, now,
        blob.serializedBytes())
      return nil
    }
    market.invalidate()
    return existing.map { Self.withLazyStatus($0, now: now) } ?? stored
  }

  static let rfqColumns: SQL = "id, status, created_ms, updated_ms, closed_ms, data"

  static func decodeRfq(_ row: Row) throws -> Rfq {
    var rfq = try Rfq(serializedBytes: row.blob(5))
    rfq.id = row.string(0)
    rfq.status = RfqStatus(rawValue: Int32(truncatingIfNeeded: row.int64(1)))
    rfq.createdAt = Time.timestamp(row.int64(2))
    rfq.updatedAt = Time.timestamp(row.int64(3))
    rfq.closedAt = Time.timestamp(row.int64(4))
    return rfq
  }

  /// An OPEN RFQ whose expiry passed reads as EXPIRED (computed on read, never stored).
  static func withLazyStatus(_ rfq: Rfq, now: Int64) -> Rfq {
    guard rfq.status == .open, let expires = rfq.expiresAt, Time.milliseconds(expires) <= now else {
      return rfq
    }
    var copy = rfq
    copy.status = .expired
    copy.closedAt = expires
    return copy
  }

  /// One RFQ; `NOT_FOUND` when unknown.
  public func rfq(id: String) async throws -> Rfq {
    guard
      let rfq = try await database.read({ tx in
        try tx.fetchOne("SELECT " + Self.rfqColumns + " FROM rfq WHERE id = ?", id, map: Self.decodeRfq)
      })
    else { throw MatchingError.notFound("rfq \(id) not found") }
    return Self.withLazyStatus(rfq, now: clock())
  }

  /// RFQs, newest first, with optional filters.
  public func listRfqs(_ request: ListRfqsRequest) async throws -> ListRfqsResponse {
    let size = try effectivePageSize(request.pageSize)
    var unpaged = request
    unpaged.pageToken = ""
    unpaged.pageSize = 0
    let fingerprint = PageToken.fingerprint(unpaged)
    var before = Int64.max
    if let position = try PageToken.position(request.pageToken, fingerprint: fingerprint) {
      guard let rowid = Int64(position) else {
        throw MatchingError.invalidArgument(field: "page_token", reason: "malformed")
      }
      before = rowid
    }
    let now = clock()
    var conditions: [SQL] = ["rowid < ?"]
    var arguments: [SQLValue] = [.integer(before)]
    if !request.buyerId.isEmpty {
      conditions.append("buyer_id = ?")
      arguments.append(.text(request.buyerId))
    }
    if request.category != .unspecified {
      conditions.append("category = ?")
      arguments.append(.integer(Int64(request.category.rawValue)))
    }
    switch request.status {
    case .unspecified: break
    case .open:
      conditions.append("status = 1 AND expires_ms > ?")
      arguments.append(.integer(now))
    case .expired:
      conditions.append("status = 1 AND expires_ms <= ?")
      arguments.append(.integer(now))
    default:
      conditions.append("status = ?")
      arguments.append(.integer(Int64(request.status.rawValue)))
    }
    let sql: SQL =
      "SELECT rowid, " + Self.rfqColumns + " FROM rfq WHERE "
      + SQL(joining: conditions, separator: " AND ") + " ORDER BY rowid DESC LIMIT ?"
    let bound = arguments + [.integer(Int64(size + 1))]
    let rows = try await database.read { tx in
      try tx.fetchAll(sql, arguments: bound) { row -> (Int64, Rfq) in
        var rfq = try Rfq(serializedBytes: row.blob(6))
        rfq.id = row.string(1)
        rfq.status = RfqStatus(rawValue: Int32(truncatingIfNeeded: row.int64(2)))
        rfq.createdAt = Time.timestamp(row.int64(3))
        rfq.updatedAt = Time.timestamp(row.int64(4))
        rfq.closedAt = Time.timestamp(row.int64(5))
        return (row.int64(0), rfq)
      }
    }
    var response = ListRfqsResponse()
    response.rfqs = rows.prefix(size).map { Self.withLazyStatus($0.1, now: now) }
    if rows.count > size, let last = rows.prefix(size).last {
      response.nextPageToken = PageToken(fingerprint: fingerprint, position: String(last.0)).encoded()
    }
    return response
  }

  /// Every buyer's profile and every open RFQ with its buyer, prepared and compiled for
  /// ranking against `index` (cached until a buyer or RFQ changes), RFQs by id, then profiles
  /// by buyer id.
  func marketNeeds(index: CatalogueIndex) async throws -> [MarketNeed] {
    let now = clock()
    let needs = try await market.needs(index: index, today: Time.dayInVietnam(now)) {
      try await database.read { tx in
        let buyers = try tx.fetchAll(
          "SELECT id, created_ms, updated_ms, data FROM buyer ORDER BY id", map: Self.decodeBuyer)
        let byID = Dictionary(uniqueKeysWithValues: buyers.map { ($0.id, $0) })
        let rfqs = try tx.fetchAll(
          "SELECT " + Self.rfqColumns + ", expires_ms FROM rfq WHERE status = 1 ORDER BY id",
          map: { row in (try Self.decodeRfq(row), row.int64(6)) })
        return (
          rfqs.compactMap { rfq, expires in byID[rfq.buyerId].map { (rfq, $0, expires) } },
          buyers)
      }
    }
    return needs.filter { $0.expiresMs > now }
  }


  /// Closes an OPEN RFQ; anything else → `FAILED_PRECONDITION`.
  public func closeRfq(id: String, fulfilled: Bool) async throws -> Rfq {
    let now = clock()
    try await database.write { tx in
      guard
        let rfq = try tx.fetchOne(
          "SELECT " + Self.rfqColumns + " FROM rfq WHERE id = ?", id, map: Self.decodeRfq)
      else { throw MatchingError.notFound("rfq \(id) not found") }
      let current = Self.withLazyStatus(rfq, now: now).status
      guard current == .open else {
        throw MatchingError.failedPrecondition("rfq \(id) is \(current), not open")
      }
      try tx.execute(
        "UPDATE rfq SET status = ?, updated_ms = ?, closed_ms = ? WHERE id = ?",
        Int64((fulfilled ? RfqStatus.fulfilled : .closed).rawValue), now, now, id)
    }
    market.invalidate()
    return try await rfq(id: id)
  }

  // MARK: Proposals

  /// Records proposals (one row per pair and subject; the id is stable, the score the latest).
  func recordProposals(_ proposals: [ProposalRecord]) async throws {
    guard !proposals.isEmpty else { return }
    let now = clock()
    try await database.write { tx in
      for p in proposals {
        try tx.execute(
          """
          INSERT INTO proposal(id, buyer_id, producer_id, rfq_id, listing_id, first_ms, last_ms, score)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT(id) DO UPDATE SET last_ms = excluded.last_ms, score = excluded.score,
            listing_id = excluded.listing_id
          """, p.id, p.buyerID, p.producerID, p.rfqID, p.listingID, now, now, p.score)
      }
    }
  }

  /// How many distinct proposals were ever recorded.
  public func proposalCount() async throws -> Int64 {
    try await database.read { tx in try tx.fetchOne("SELECT count(*) FROM proposal") { $0.int64(0) } ?? 0 }
  }
}

/// One proposal shown to a caller, as ``MatchingStore/recordProposals(_:)`` stores it.
struct ProposalRecord: Sendable {
  var id: String
  var buyerID: String
  var producerID: String
  var rfqID: String
  var listingID: String
  var score: Double
}
