internal import CommonAPI
internal import MatchingAPI
internal import OrdersAPI
internal import ProtoWire
internal import Storage

/// Which producers' activity a report counts: all of them (the city) or a set.
struct ReportProducers: Sendable {
  /// `nil`: every producer.
  var ids: Set<String>?

  /// The two arguments of ``clause``: 1 for "every producer", and the ids as a JSON array for
  /// `json_each` (one bound parameter, however many producers a district has).
  var arguments: (all: Int64, json: String) {
    guard let ids else { return (1, "[]") }
    return (0, "[" + ids.sorted().map(Self.jsonString).joined(separator: ",") + "]")
  }

  static func jsonString(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

/// What a report reads from the matching database, in one read transaction (one snapshot).
struct ReportActivity: Sendable {
  /// Proposals first made in the period to producers in scope.
  var matchesProposed: Int64 = 0
  /// Introductions requested in the period with producers in scope.
  var introductionsRequested: Int64 = 0
  var introductionsAccepted: Int64 = 0
  var introductionsDeclined: Int64 = 0
  /// Expired ones, including REQUESTED ones past their expiry.
  var introductionsExpired: Int64 = 0
  /// Answered (accepted or declined) within 24 h of the request.
  var answeredWithin24h: Int64 = 0
  /// Response times of the answered ones, in seconds, ascending.
  var responseSeconds: [Int64] = []
  /// Per buyer country, as SQL grouped them.
  var countries: [CountryActivity] = []
  /// RFQs posted in the period (every RFQ; the report picks those relevant to its scope), by id.
  var rfqs: [(rfq: Rfq, buyer: Buyer)] = []
  /// Proposals in scope and period per RFQ id.
  var proposalsByRfq: [String: Int64] = [:]
  /// Buyer profiles seeking each category.
  var buyersByCategory: [CraftCategory: Int64] = [:]
  /// What the trade read model says; `nil` when the orders feed is not followed (unknown).
  var orders: OrderActivity?
}

/// Quotes and orders with the producers in scope, created in the period. One *follows an
/// introduction* when an introduction between the same buyer and producer was accepted before it
/// was created: that is the introduction → order conversion the funnel shows.
struct OrderActivity: Sendable {
  /// Quotes that follow an introduction.
  var quotesAfterIntroduction: Int64 = 0
  /// Orders that follow an introduction, and how many of them are completed.
  var ordersAfterIntroduction: Int64 = 0
  var completedAfterIntroduction: Int64 = 0
  /// The subtotals of the orders that follow an introduction, per currency (ascending code).
  var valueAfterIntroduction: [Money] = []
  /// Orders that follow an introduction, per buyer country.
  var ordersByCountry: [String: Int64] = [:]
  /// Every order, and those that were the first between their buyer and producer.
  var orders: Int64 = 0
  var newPartnerOrders: Int64 = 0
}

/// One buyer country's activity with the producers in scope.
struct CountryActivity: Sendable, Hashable {
  var countryCode: String
  var buyers: Int64
  var matchesProposed: Int64
  var introductionsRequested: Int64
  var introductionsAccepted: Int64
}

extension MatchingStore {
  /// The activity of `producers` between `start` (inclusive) and `end` (exclusive), in
  /// milliseconds since the epoch: counts and groupings done by SQLite, in one snapshot.
  func reportActivity(producers: ReportProducers, start: Int64, end: Int64) async throws
    -> ReportActivity
  {
    let now = clock()
    let (all, ids) = producers.arguments
    let followsOrders = followsOrders
    return try await database.read { tx in
      var activity = ReportActivity()
      activity.matchesProposed =
        try tx.fetchOne(
          """
          SELECT count(*) FROM proposal WHERE first_ms >= ? AND first_ms < ?
            AND (? = 1 OR producer_id IN (SELECT value FROM json_each(?)))
          """, start, end, all, ids, map: { $0.int64(0) }) ?? 0

      let day: Int64 = 86_400_000
      if let counts = try tx.fetchOne(
        """
        SELECT count(*), total(status = 2), total(status = 3),
          total(status = 4 OR (status = 1 AND expires_ms <= ?)),
          total(status IN (2, 3) AND responded_ms > 0 AND responded_ms - requested_ms <= ?)
        FROM introduction WHERE requested_ms >= ? AND requested_ms < ?
          AND (? = 1 OR producer_id IN (SELECT value FROM json_each(?)))
        """, now, day, start, end, all, ids,
        map: { row in (row.int64(0), row.int64(1), row.int64(2), row.int64(3), row.int64(4)) })
      {
        activity.introductionsRequested = counts.0
        activity.introductionsAccepted = counts.1
        activity.introductionsDeclined = counts.2
        activity.introductionsExpired = counts.3
        activity.answeredWithin24h = counts.4
      }

      activity.responseSeconds = try tx.fetchAll(
        """
        SELECT (responded_ms - requested_ms) / 1000 FROM introduction
        WHERE requested_ms >= ? AND requested_ms < ? AND status IN (2, 3) AND responded_ms > 0
          AND (? = 1 OR producer_id IN (SELECT value FROM json_each(?)))
        ORDER BY 1
        """, start, end, all, ids, map: { $0.int64(0) })

      activity.countries = try tx.fetchAll(
        """
        SELECT b.country_code, count(DISTINCT x.buyer_id), total(x.kind = 0), total(x.kind = 1),
          total(x.kind = 1 AND x.status = 2)
        FROM (
          SELECT buyer_id, 0 AS kind, 0 AS status FROM proposal
          WHERE first_ms >= ? AND first_ms < ?
            AND (? = 1 OR producer_id IN (SELECT value FROM json_each(?)))
          UNION ALL
          SELECT buyer_id, 1, status FROM introduction
          WHERE requested_ms >= ? AND requested_ms < ?
            AND (? = 1 OR producer_id IN (SELECT value FROM json_each(?)))
        ) AS x JOIN buyer b ON b.id = x.buyer_id
        GROUP BY b.country_code
        ORDER BY 3 DESC, 4 DESC, 1
        """, start, end, all, ids, start, end, all, ids,
        map: { row in
          CountryActivity(
            countryCode: row.string(0), buyers: row.int64(1), matchesProposed: row.int64(2),
            introductionsRequested: row.int64(3), introductionsAccepted: row.int64(4))
        })

      activity.rfqs = try tx.fetchAll(
        """
        SELECT r.id, r.status, r.created_ms, r.updated_ms, r.closed_ms, r.data,
          b.id, b.created_ms, b.updated_ms, b.data
        FROM rfq r JOIN buyer b ON b.id = r.buyer_id
        WHERE r.created_ms >= ? AND r.created_ms < ? ORDER BY r.id
        """, start, end,
        map: { row in
          var rfq = try Rfq(serializedBytes: row.blob(5))
          rfq.id = row.string(0)
          rfq.buyerId = row.string(6)
          rfq.status = RfqStatus(rawValue: Int32(truncatingIfNeeded: row.int64(1)))
          rfq.createdAt = Time.timestamp(row.int64(2))
          var buyer = try Buyer(serializedBytes: row.blob(9))
          buyer.id = row.string(6)
          return (rfq, buyer)
        })

      try tx.forEach(
        """
        SELECT rfq_id, count(*) FROM proposal
        WHERE rfq_id != '' AND first_ms >= ? AND first_ms < ?
          AND (? = 1 OR producer_id IN (SELECT value FROM json_each(?)))
        GROUP BY rfq_id
        """, start, end, all, ids
      ) { row in activity.proposalsByRfq[row.string(0)] = row.int64(1) }

      try tx.forEach("SELECT category, count(*) FROM buyer_category GROUP BY category") { row in
        activity.buyersByCategory[CraftCategory(rawValue: Int32(truncatingIfNeeded: row.int64(0)))] =
          row.int64(1)
      }
      if followsOrders {
        activity.orders = try Self.orderActivity(tx, all: all, ids: ids, start: start, end: end)
      }
      return activity
    }
  }

  /// The ``OrderActivity`` of the scope (`all`, `ids` as in ``ReportProducers/arguments``).
  private static func orderActivity(_ tx: ReadTransaction, all: Int64, ids: String, start: Int64, end: Int64)
    throws -> OrderActivity
  {
    let inScope: SQL = "(? = 1 OR producer_id IN (SELECT value FROM json_each(?)))"
    let afterIntroduction: SQL = """
      EXISTS (SELECT 1 FROM introduction i WHERE i.buyer_id = x.buyer_id
        AND i.producer_id = x.producer_id AND i.status = 2 AND i.responded_ms <= x.created_ms)
      """
    let orders: SQL = "FROM trade_order x WHERE created_ms >= ? AND created_ms < ? AND " + inScope
    var activity = OrderActivity()
    activity.quotesAfterIntroduction =
      try tx.fetchOne(
        "SELECT count(*) FROM trade_quote x WHERE created_ms >= ? AND created_ms < ? AND " + inScope
          + " AND " + afterIntroduction, start, end, all, ids, map: { $0.int64(0) }) ?? 0
    if let counts = try tx.fetchOne(
      "SELECT count(*), total(status = ?) " + orders + " AND " + afterIntroduction,
      Int64(OrderStatus.completed.rawValue), start, end, all, ids, map: { ($0.int64(0), $0.int64(1)) })
    {
      activity.ordersAfterIntroduction = counts.0
      activity.completedAfterIntroduction = counts.1
    }
    activity.valueAfterIntroduction = try tx.fetchAll(
      "SELECT currency, sum(subtotal_minor) " + orders + " AND " + afterIntroduction
        + " GROUP BY currency ORDER BY currency", start, end, all, ids,
      map: { Money(amountMinor: $0.int64(1), currencyCode: $0.string(0)) })
    try tx.forEach(
      "SELECT b.country_code, count(*) FROM (SELECT buyer_id " + orders + " AND " + afterIntroduction
        + ") AS o JOIN buyer b ON b.id = o.buyer_id GROUP BY 1", start, end, all, ids
    ) { row in activity.ordersByCountry[row.string(0)] = row.int64(1) }
    if let counts = try tx.fetchOne(
      "SELECT count(*), total(first_of_pair) " + orders, start, end, all, ids,
      map: { ($0.int64(0), $0.int64(1)) })
    {
      activity.orders = counts.0
      activity.newPartnerOrders = counts.1
    }
    return activity
  }
}
