internal import CommonAPI
public import OrdersAPI
internal import Storage

/// The trade read model: what the orders service's event feed says about who trades with whom.
/// It feeds "already trades" (novelty, the flag, the exclusion) and the order figures of the
/// partner-matching reports.
extension MatchingStore {
  /// The seq of the last orders event stored (0: none yet).
  public func lastAppliedOrderSeq() async throws -> UInt64 {
    try await database.read { tx in
      UInt64(try tx.fetchOne("SELECT last_seq FROM orders_feed WHERE id = 1") { $0.int64(0) } ?? 0)
    }
  }

  /// How many orders events have been applied over the database's life (each exactly once).
  public func appliedOrderEventCount() async throws -> Int64 {
    try await database.read { tx in
      try tx.fetchOne("SELECT applied_events FROM orders_feed WHERE id = 1") { $0.int64(0) } ?? 0
    }
  }

  /// Stores `events` (in seq order) and the new position in one transaction. Events at or below
  /// the stored position are skipped, so a replay after a reconnect never applies one twice.
  public func applyOrderEvents(_ events: [OrderEvent]) async throws {
    guard !events.isEmpty else { return }
    try await database.write { tx in
      var last = UInt64(try tx.fetchOne("SELECT last_seq FROM orders_feed WHERE id = 1") { $0.int64(0) } ?? 0)
      var applied: Int64 = 0
      for event in events where event.seq > last {
        switch event.snapshot {
        case .order(let order):
          let firstOfPair =
            try tx.fetchOne(
              "SELECT 1 FROM trade_order WHERE buyer_id = ? AND producer_id = ? AND id != ? LIMIT 1",
              order.buyerId, order.producerId, order.id, map: { $0.int64(0) }) == nil
          try tx.execute(
            """
            INSERT INTO trade_order(id, buyer_id, producer_id, status, created_ms, currency,
              subtotal_minor, first_of_pair) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET status = excluded.status,
              subtotal_minor = excluded.subtotal_minor
            """, order.id, order.buyerId, order.producerId, Int64(order.status.rawValue),
            Time.milliseconds(order.createdAt), order.currencyCode, order.subtotal?.amountMinor ?? 0,
            firstOfPair ? Int64(1) : 0)
        case .quote(let quote):
          try tx.execute(
            "INSERT OR IGNORE INTO trade_quote(id, buyer_id, producer_id, created_ms) VALUES (?, ?, ?, ?)",
            quote.id, quote.buyerId, quote.producerId, Time.milliseconds(quote.createdAt))
        case nil:
          break
        }
        last = event.seq
        applied += 1
      }
      try tx.execute(
        "UPDATE orders_feed SET last_seq = ?, applied_events = applied_events + ? WHERE id = 1",
        Int64(clamping: last), applied)
    }
  }

  /// Orders that are not cancelled, per pair with `buyerID` (keyed by producer id) or with
  /// `producerID` (keyed by buyer id).
  func tradeCounts(buyerID: String? = nil, producerID: String? = nil) async throws -> [String: Int] {
    let byBuyer = buyerID != nil
    let sql: SQL =
      byBuyer
      ? "SELECT producer_id, count(*) FROM trade_order WHERE buyer_id = ? AND status != ? GROUP BY 1"
      : "SELECT buyer_id, count(*) FROM trade_order WHERE producer_id = ? AND status != ? GROUP BY 1"
    return try await database.read { tx in
      var counts: [String: Int] = [:]
      try tx.forEach(sql, buyerID ?? producerID ?? "", Int64(OrderStatus.cancelled.rawValue)) { row in
        counts[row.string(0)] = Int(row.int64(1))
      }
      return counts
    }
  }
}
