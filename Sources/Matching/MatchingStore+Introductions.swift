public import Auth
internal import CommonAPI
public import MatchingAPI
internal import Storage

extension MatchingStore {
  static let introductionColumns: SQL = """
    id, buyer_id, producer_id, rfq_id, listing_id, match_id, requested_role, requested_id, message,
    status, requested_ms, responded_ms, response_reason, expires_ms
    """

  /// An introduction from its row, a REQUESTED one past its expiry reading as EXPIRED. Cards and
  /// contacts are filled by the service.
  static func decodeIntroduction(_ row: Row, now: Int64) -> Introduction {
    var intro = Introduction()
    intro.id = row.string(0)
    intro.buyerId = row.string(1)
    intro.producerId = row.string(2)
    intro.rfqId = row.string(3)
    intro.listingId = row.string(4)
    intro.matchId = row.string(5)
    intro.requestedBy = CommonAPI.Actor(role: Role(rawValue: Int32(truncatingIfNeeded: row.int64(6))), id: row.string(7))
    intro.message = row.string(8)
    intro.status = IntroductionStatus(rawValue: Int32(truncatingIfNeeded: row.int64(9)))
    let requested = row.int64(10), responded = row.int64(11), expires = row.int64(13)
    intro.requestedAt = Time.timestamp(requested)
    intro.respondedAt = Time.timestamp(responded)
    intro.responseSeconds = responded > 0 ? (responded - requested) / 1000 : 0
    intro.responseReason = row.string(12)
    intro.expiresAt = Time.timestamp(expires)
    if intro.status == .requested && expires <= now { intro.status = .expired }
    return intro
  }

  /// Records a REQUESTED introduction, or returns the REQUESTED one that exists already for the
  /// same pair and subject. The buyer must exist; the producer is checked by the service against
  /// the catalogue index.
  public func requestIntroduction(
    buyerID: String, producerID: String, rfqID: String, listingID: String, matchID: String,
    message: String, requestedBy: Caller
  ) async throws -> Introduction {
    let now = clock()
    let id = newID("int")
    let expires = now + Self.introductionLifetimeMilliseconds
    defer { responses.invalidate() }
    return try await database.write { tx in
      guard try tx.fetchOne("SELECT 1 FROM buyer WHERE id = ?", buyerID, map: { $0.int64(0) }) != nil
      else { throw MatchingError.notFound("buyer \(buyerID) not found") }
      if !rfqID.isEmpty {
        guard
          let owner = try tx.fetchOne("SELECT buyer_id FROM rfq WHERE id = ?", rfqID, map: { $0.string(0) })
        else { throw MatchingError.invalidArgument(field: "rfq_id", reason: "unknown rfq \(rfqID)") }
        guard owner == buyerID else {
          throw MatchingError.invalidArgument(field: "rfq_id", reason: "rfq \(rfqID) is not buyer \(buyerID)'s")
        }
      }
      if let existing = try tx.fetchOne(
        "SELECT " + Self.introductionColumns + """
           FROM introduction WHERE buyer_id = ? AND producer_id = ? AND rfq_id = ? AND listing_id = ?
          AND status = 1 AND expires_ms > ? ORDER BY rowid DESC LIMIT 1
          """, buyerID, producerID, rfqID, listingID, now, map: { Self.decodeIntroduction($0, now: now) })
      {
        return existing
      }
      try tx.execute(
        """
        INSERT INTO introduction(id, buyer_id, producer_id, rfq_id, listing_id, match_id,
          requested_role, requested_id, message, status, requested_ms, expires_ms)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
        """, id, buyerID, producerID, rfqID, listingID, matchID, Int64(requestedBy.role.rawValue),
        requestedBy.id, message, now, expires)
      return try tx.fetchOne(
        "SELECT " + Self.introductionColumns + " FROM introduction WHERE id = ?", id,
        map: { Self.decodeIntroduction($0, now: now) })!
    }
  }

  /// One introduction; `NOT_FOUND` when unknown.
  public func introduction(id: String) async throws -> Introduction {
    let now = clock()
    guard
      let intro = try await database.read({ tx in
        try tx.fetchOne(
          "SELECT " + Self.introductionColumns + " FROM introduction WHERE id = ?", id,
          map: { Self.decodeIntroduction($0, now: now) })
      })
    else { throw MatchingError.notFound("introduction \(id) not found") }
    return intro
  }

  /// Moves a REQUESTED introduction to `status` (accepted, declined, withdrawn) after
  /// `authorize` approved the caller against the stored row, inside the write transaction.
  public func transitionIntroduction(
    id: String, to status: IntroductionStatus, reason: String,
    authorize: @escaping @Sendable (Introduction) throws -> Void
  ) async throws -> Introduction {
    let now = clock()
    defer { responses.invalidate() }
    return try await database.write { tx in
      guard
        let intro = try tx.fetchOne(
          "SELECT " + Self.introductionColumns + " FROM introduction WHERE id = ?", id,
          map: { Self.decodeIntroduction($0, now: now) })
      else { throw MatchingError.notFound("introduction \(id) not found") }
      try authorize(intro)
      guard intro.status == .requested else {
        throw MatchingError.failedPrecondition(
          "introduction \(id) is \(MatchEngine.statusName(intro.status)), not requested")
      }
      let answered = status == .accepted || status == .declined
      try tx.execute(
        "UPDATE introduction SET status = ?, responded_ms = ?, response_reason = ? WHERE id = ?",
        Int64(status.rawValue), answered ? now : 0, reason, id)
      return try tx.fetchOne(
        "SELECT " + Self.introductionColumns + " FROM introduction WHERE id = ?", id,
        map: { Self.decodeIntroduction($0, now: now) })!
    }
  }

  /// Introductions, newest first, with optional filters (the service scopes them to the caller).
  public func listIntroductions(_ request: ListIntroductionsRequest) async throws
    -> ListIntroductionsResponse
  {
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
    for (column, value) in [("buyer_id", request.buyerId), ("producer_id", request.producerId), ("rfq_id", request.rfqId)]
    where !value.isEmpty {
      conditions.append(SQL(unchecked: column + " = ?"))
      arguments.append(.text(value))
    }
    switch request.status {
    case .unspecified: break
    case .requested:
      conditions.append("status = 1 AND expires_ms > ?")
      arguments.append(.integer(now))
    case .expired:
      conditions.append("(status = 4 OR (status = 1 AND expires_ms <= ?))")
      arguments.append(.integer(now))
    default:
      conditions.append("status = ?")
      arguments.append(.integer(Int64(request.status.rawValue)))
    }
    let sql: SQL =
      "SELECT " + Self.introductionColumns + ", rowid FROM introduction WHERE "
      + SQL(joining: conditions, separator: " AND ") + " ORDER BY rowid DESC LIMIT ?"
    let bound = arguments + [.integer(Int64(size + 1))]
    let rows = try await database.read { tx in
      try tx.fetchAll(sql, arguments: bound) { row in (row.int64(14), Self.decodeIntroduction(row, now: now)) }
    }
    var response = ListIntroductionsResponse()
    response.introductions = rows.prefix(size).map(\.1)
    if rows.count > size, let last = rows.prefix(size).last {
      response.nextPageToken = PageToken(fingerprint: fingerprint, position: String(last.0)).encoded()
    }
    return response
  }

  /// Whether an ACCEPTED introduction joins the pair (contacts may be shown).
  public func hasAcceptedIntroduction(buyerID: String, producerID: String) async throws -> Bool {
    try await database.read { tx in
      try tx.fetchOne(
        "SELECT 1 FROM introduction WHERE buyer_id = ? AND producer_id = ? AND status = 2 LIMIT 1",
        buyerID, producerID, map: { $0.int64(0) }) != nil
    }
  }

  /// The history of every pair with `buyerID` (keyed by producer id) or with `producerID`
  /// (keyed by buyer id): introductions, and orders when the orders feed is followed.
  func pairHistory(buyerID: String? = nil, producerID: String? = nil) async throws -> PairHistories {
    let now = clock()
    let key = buyerID ?? producerID ?? ""
    let byBuyer = buyerID != nil
    let column: SQL = byBuyer ? "buyer_id" : "producer_id"
    let sql: SQL =
      "SELECT " + Self.introductionColumns + " FROM introduction WHERE " + column + " = ? ORDER BY rowid"
    let rows = try await database.read { tx in
      try tx.fetchAll(sql, key, map: { Self.decodeIntroduction($0, now: now) })
    }
    let followsOrders = followsOrders
    var histories = PairHistories(ordersFollowed: followsOrders)
    for intro in rows {
      let other = byBuyer ? intro.producerId : intro.buyerId
      let known = (histories.entries[other]?.known ?? false) || intro.status == .accepted
      histories.entries[other] = PairHistory(
        latestIntroductionID: intro.id, latestStatus: intro.status, known: known,
        orders: followsOrders ? 0 : nil)
    }
    if followsOrders {
      for (other, orders) in try await tradeCounts(buyerID: buyerID, producerID: producerID) {
        var history = histories.entries[other] ?? PairHistory(orders: 0)
        history.orders = orders
        history.known = true
        histories.entries[other] = history
      }
    }
    return histories
  }

  /// Each producer's answers to introductions buyers requested. An introduction counts once it
  /// was answered or has waited 24 h, so a fresh request does not lower the rate.
  func responseStats(producerID: String? = nil) async throws -> [String: ResponseStats] {
    let now = clock()
    guard producerID == nil else { return try await loadResponseStats(producerID: producerID, now: now).stats }
    return try await responses.stats(now: now) { try await loadResponseStats(producerID: nil, now: now) }
  }

  /// ``responseStats(producerID:)`` read from the table, and the first moment after `now` an
  /// unanswered introduction turns 24 hours old (`.max` without one): they hold until then.
  private func loadResponseStats(producerID: String?, now: Int64) async throws
    -> (stats: [String: ResponseStats], until: Int64)
  {
    let day: Int64 = 86_400_000
    let rows = try await database.read { tx in
      try tx.fetchAll(
        """
        SELECT producer_id, requested_ms, responded_ms FROM introduction
        WHERE requested_role = ? AND (? = '' OR producer_id = ?) ORDER BY producer_id, rowid
        """, Int64(Role.buyer.rawValue), producerID ?? "", producerID ?? "",
        map: { ($0.string(0), $0.int64(1), $0.int64(2)) })
    }
    var seconds: [String: [Int64]] = [:]
    var stats: [String: ResponseStats] = [:]
    var until = Int64.max
    for (producer, requested, responded) in rows {
      guard responded > 0 || now - requested >= day else {
        until = min(until, requested + day)
        continue
      }
      stats[producer, default: ResponseStats()].requested += 1
      if responded > 0 {
        stats[producer]!.answered += 1
        if responded - requested <= day { stats[producer]!.answeredWithin24h += 1 }
        seconds[producer, default: []].append((responded - requested) / 1000)
      }
    }
    for (producer, values) in seconds {
      let sorted = values.sorted()
      stats[producer]!.medianSeconds = sorted[sorted.count / 2]
    }
    return (stats, until)
  }
}

/// The pair histories of one buyer or producer. A partner without an entry has no history; when
/// orders are followed that is known for sure, so it reads as an empty history (no orders) rather
/// than as unknown.
struct PairHistories: Sendable {
  var ordersFollowed: Bool
  var entries: [String: PairHistory] = [:]

  subscript(partner: String) -> PairHistory? {
    entries[partner] ?? (ordersFollowed ? PairHistory(orders: 0) : nil)
  }
}
