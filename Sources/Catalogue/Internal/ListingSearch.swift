internal import CatalogueAPI
internal import CommonAPI
internal import Storage

/// `SearchListings` as SQL: a plan of static fragments chosen by which filters are set, with
/// every value bound — no request text ever becomes SQL text.
///
/// Shape of the page query:
///
///     SELECT rid, lid, k FROM (
///       SELECT l.rowid AS rid, l.id AS lid, <sort key> AS k
///       FROM listing_fts CROSS JOIN listing l ON l.rowid = listing_fts.rowid  -- or FROM listing l
///       WHERE listing_fts MATCH ? AND l.status = 1 AND <filters> AND l.rowid <= ?)
///     WHERE (k > ? OR (k = ? AND lid > ?))                               -- keyset, pages 2…
///     ORDER BY k, lid LIMIT ?
///
/// Pagination is keyset-based on (sort key, listing id), and the first page fixes a row cap
/// (the largest listing rowid then): listings inserted later never shift or enter a paged
/// result. Relevance keys are bm25 scores, which depend on corpus statistics; a page boundary
/// can therefore move slightly if many listings are inserted between pages (documented limit).
/// What a search finds: the page's rows (rowid, listing id, sort key) in order, the total
/// and the facets (empty unless asked for).
typealias SearchFound = (
  rows: [(rowid: Int64, id: String, key: SQLValue)], total: Int64, facets: [Facet]
)

struct ListingSearch {
  /// bm25 column weights: title, description, materials, producer, village.
  static let rankExpression: SQL = "bm25(listing_fts, 10.0, 1.0, 4.0, 2.0, 2.0)"

  var from: SQL = "FROM listing l"
  var conditions: [SQL] = ["l.status = 1"]
  var arguments: [SQLValue] = []
  var key: SQL = "0"
  var keyArguments: [SQLValue] = []
  var descending = false
  var keyIsRelevance = false
  /// The day certifications must be valid on (yyyymmdd).
  var day: Int64
  /// Terms of the text query (folded), for snippets.
  var terms: [String] = []
  /// The same plan as typed values, for ``SearchIndex``.
  var criteria = SearchCriteria()

  /// Builds the plan; throws `INVALID_ARGUMENT` naming a malformed filter.
  init(_ request: SearchListingsRequest, today: Int64) throws(CatalogueError) {
    let filter = request.filter ?? ListingFilter()
    if let date = filter.certifiedOn {
      guard date.isValidDate else {
        throw .invalidArgument(field: "filter.certified_on", reason: "not a calendar date")
      }
      day = date.dayNumber
    } else {
      day = today
    }

    // Text, or an HS code typed into the search box ("4602.12" finds by code prefix).
    var hsPrefix = filter.hsPrefix
    let query = request.query.trimmed
    if let digits = CatalogueValidation.hsDigits(query), digits.count >= 4 {
      hsPrefix = hsPrefix.isEmpty ? digits : hsPrefix
    } else if let match = FTSQuery.match(query) {
      // CROSS JOIN pins the join order: the index finds the matches, then their rows are
      // filtered. The other order would run the MATCH once per listing row.
      // `listing_search` covers every column the query reads (migration 4).
      from =
        "FROM listing_fts CROSS JOIN listing l INDEXED BY listing_search ON l.rowid = listing_fts.rowid"
      conditions.insert("listing_fts MATCH ?", at: 0)
      arguments.append(.text(match))
      terms = FTSQuery.terms(query)
      criteria.terms = terms
    }

    if !filter.categories.isEmpty {
      let values = Set(filter.categories.map(\.rawValue)).sorted()
      conditions.append("l.category IN (" + SQL.placeholders(values.count) + ")")
      arguments += values.map { .integer(Int64($0)) }
      criteria.categories = Set(values)
    }
    if !filter.materials.isEmpty {
      let values = Set(filter.materials.map { VietnameseFolding.fold($0.trimmed) }).sorted()
      guard values.count <= 20 else {
        throw .invalidArgument(field: "filter.materials", reason: "at most 20 values")
      }
      conditions.append(
        "l.rowid IN (SELECT listing_rowid FROM listing_material WHERE material IN ("
          + SQL.placeholders(values.count) + "))")
      arguments += values.map { .text($0) }
      criteria.materials = values
    }
    if !hsPrefix.isEmpty {
      guard let digits = CatalogueValidation.hsDigits(hsPrefix), !digits.isEmpty,
        digits.count <= 10
      else {
        throw .invalidArgument(field: "filter.hs_prefix", reason: "digits and dots only, e.g. 4602")
      }
      // Digits only, so the GLOB pattern holds no metacharacters but the final `*`.
      conditions.append("l.hs_digits GLOB ?")
      arguments.append(.text(digits + "*"))
      criteria.hsPrefix = digits
      if terms.isEmpty {
        // Without statistics the planner guesses that `status = 1` is selective and walks
        // `listing_status_id` (every active listing); it is not — nearly all listings are
        // active. `+` hides the status column from index selection, so the code range of
        // `listing_hs_status` (which covers status and id) does the work.
        conditions[0] = "+l.status = 1"
      }
    }
    if !filter.villageIds.isEmpty {
      let values = Set(filter.villageIds).sorted()
      guard values.count <= 100 else {
        throw .invalidArgument(field: "filter.village_ids", reason: "at most 100 values")
      }
      conditions.append("l.village_id IN (" + SQL.placeholders(values.count) + ")")
      arguments += values.map { .text($0) }
      criteria.villageIDs = Set(values)
    }
    if !filter.district.trimmed.isEmpty {
      conditions.append("l.village_id IN (SELECT id FROM village WHERE district_folded = ?)")
      arguments.append(.text(VietnameseFolding.fold(filter.district.trimmed)))
      criteria.district = VietnameseFolding.fold(filter.district.trimmed)
    }
    if !filter.certifications.isEmpty {
      let values = Set(filter.certifications.map(\.rawValue)).sorted()
      conditions.append(
        "(SELECT count(DISTINCT c.type) FROM certification c WHERE c.producer_rowid = l.producer_rowid"
          + " AND c.valid_from <= ? AND c.valid_to >= ? AND c.type IN ("
          + SQL.placeholders(values.count) + ")) = ?")
      arguments += [.integer(day), .integer(day)]
      arguments += values.map { .integer(Int64($0)) }
      arguments.append(.integer(Int64(values.count)))
      criteria.certifications = values
    }
    if filter.maxMoq < 0 {
      throw .invalidArgument(field: "filter.max_moq", reason: "must not be negative")
    } else if filter.maxMoq > 0 {
      conditions.append("l.moq <= ?")
      arguments.append(.integer(filter.maxMoq))
      criteria.maxMoq = filter.maxMoq
    }
    if let price = filter.price {
      let currency = price.currencyCode.trimmed.uppercased()
      guard CatalogueValidation.isCurrencyCode(currency) else {
        throw .invalidArgument(
          field: "filter.price.currency_code", reason: "an ISO 4217 code is required")
      }
      guard price.minMinor >= 0, price.maxMinor >= 0,
        price.maxMinor == 0 || price.minMinor <= price.maxMinor
      else {
        throw .invalidArgument(field: "filter.price", reason: "bounds must be 0 ≤ min ≤ max")
      }
      conditions.append(
        "EXISTS (SELECT 1 FROM price_tier t WHERE t.listing_rowid = l.rowid AND t.currency = ?"
          + " AND t.unit_price_minor BETWEEN ? AND ?)")
      arguments += [
        .text(currency), .integer(price.minMinor),
        .integer(price.maxMinor == 0 ? Int64.max : price.maxMinor),
      ]
      criteria.price = (currency, price.minMinor, price.maxMinor == 0 ? Int64.max : price.maxMinor)
    }
    if filter.maxLeadTimeDays < 0 {
      throw .invalidArgument(field: "filter.max_lead_time_days", reason: "must not be negative")
    } else if filter.maxLeadTimeDays > 0 {
      conditions.append("l.lead_time_days <= ?")
      arguments.append(.integer(Int64(filter.maxLeadTimeDays)))
      criteria.maxLeadTimeDays = Int64(filter.maxLeadTimeDays)
    }
    if filter.minMonthlyCapacity < 0 {
      throw .invalidArgument(field: "filter.min_monthly_capacity", reason: "must not be negative")
    } else if filter.minMonthlyCapacity > 0 {
      conditions.append("l.monthly_capacity >= ?")
      arguments.append(.integer(filter.minMonthlyCapacity))
      criteria.minMonthlyCapacity = filter.minMonthlyCapacity
    }
    if !filter.sku.trimmed.isEmpty {
      conditions.append("l.sku_folded = ?")
      arguments.append(.text(filter.sku.trimmed.lowercased()))
      criteria.sku = filter.sku.trimmed.lowercased()
    }
    if !filter.producerId.isEmpty {
      conditions.append("l.producer_id = ?")
      arguments.append(.text(filter.producerId))
      criteria.producerID = filter.producerId
    }
    if !filter.incoterms.isEmpty {
      let values = Set(filter.incoterms.map(\.rawValue)).sorted()
      conditions.append("l.incoterm IN (" + SQL.placeholders(values.count) + ")")
      arguments += values.map { .integer(Int64($0)) }
      criteria.incoterms = Set(values)
    }

    // The sort key.
    var currency = request.sortCurrency.trimmed.uppercased()
    if currency.isEmpty { currency = filter.price?.currencyCode.trimmed.uppercased() ?? "" }
    if currency.isEmpty { currency = "USD" }
    switch request.sort {
    case .unspecified, .relevance:
      if !terms.isEmpty {
        key = Self.rankExpression
        keyIsRelevance = true
        criteria.sort = .relevance
      }
    case .priceAsc:
      key =
        "coalesce((SELECT min(t.unit_price_minor) FROM price_tier t WHERE t.listing_rowid = l.rowid"
        + " AND t.currency = ?), 9223372036854775807)"
      keyArguments = [.text(currency)]
      criteria.sort = .priceAscending(currency: currency)
    case .priceDesc:
      key =
        "coalesce((SELECT min(t.unit_price_minor) FROM price_tier t WHERE t.listing_rowid = l.rowid"
        + " AND t.currency = ?), -1)"
      keyArguments = [.text(currency)]
      descending = true
      criteria.sort = .priceDescending(currency: currency)
    case .leadTimeAsc:
      key = "l.lead_time_days"
      criteria.sort = .leadTime
    case .newest:
      key = "l.created_ms"
      descending = true
      criteria.sort = .newest
    default:
      throw .invalidArgument(field: "sort", reason: "unknown sort order")
    }
  }

  /// `WHERE …` over the base rows, capped at `maxRowid`.
  private var whereClause: SQL {
    "WHERE " + SQL(joining: conditions + ["l.rowid <= ?"], separator: " AND ")
  }

  /// One page of (rowid, id, key) after `after` (key, id), or from the start, with the total
  /// and (when asked) the facets: all from **one** statement, so the full-text match, the
  /// join to `listing` and bm25 run once per search, not once per figure.
  ///
  ///     WITH m AS MATERIALIZED (SELECT rid, lid, k [, category, village, producer] … WHERE …)
  ///     SELECT 0, rid, lid, k, NULL FROM (SELECT … FROM m WHERE <keyset> ORDER BY k, lid LIMIT ?)
  ///     UNION ALL SELECT 1, count(*), … FROM m                        -- total
  ///     UNION ALL SELECT 2, category, NULL, count(*), NULL FROM m GROUP BY …       -- facets
  ///     UNION ALL SELECT 3, village, name_vi, count(*), name_en …
  ///     UNION ALL SELECT 4, type, NULL, listings, NULL …  -- per producer, then per type
  ///     ORDER BY 1, 4, 3                                  -- the page in (k, lid) order
  ///
  /// The certification facet counts each listing once per certificate type its producer
  /// holds on `day`: the sum, over producers holding the type, of their matching listings.
  func run(
    _ tx: ReadTransaction, maxRowid: Int64, after: (SQLValue, String)?, limit: Int,
    includeFacets: Bool
  ) throws -> SearchFound {
    let facetColumns: SQL =
      includeFacets ? ", l.category AS cat, l.village_id AS vid, l.producer_rowid AS prid" : ""
    var sql: SQL =
      "WITH m AS MATERIALIZED (SELECT l.rowid AS rid, l.id AS lid, " + key + " AS k"
      + facetColumns + " " + from + " " + whereClause + ")"
      + " SELECT 0, rid, lid, k, NULL FROM (SELECT rid, lid, k FROM m"
    var values = keyArguments + arguments + [.integer(maxRowid)]
    if let (afterKey, afterID) = after {
      sql = sql + (descending ? " WHERE (k < ? OR (k = ? AND lid > ?))" : " WHERE (k > ? OR (k = ? AND lid > ?))")
      values += [afterKey, afterKey, .text(afterID)]
    }
    sql = sql + (descending ? " ORDER BY k DESC, lid LIMIT ?)" : " ORDER BY k, lid LIMIT ?)")
    values.append(.integer(Int64(limit)))
    sql = sql + " UNION ALL SELECT 1, count(*), NULL, NULL, NULL FROM m"
    if includeFacets {
      sql =
        sql
        + " UNION ALL SELECT 2, cat, NULL, count(*), NULL FROM m GROUP BY cat"
        + " UNION ALL SELECT 3, g.vid, v.name_vi, g.n, v.name_en"
        + " FROM (SELECT vid, count(*) AS n FROM m GROUP BY vid) g LEFT JOIN village v ON v.id = g.vid"
        + " UNION ALL SELECT 4, t.type, NULL, sum(t.n), NULL FROM (SELECT DISTINCT p.prid, c.type, p.n"
        + " FROM (SELECT prid, count(*) AS n FROM m GROUP BY prid) p"
        + " JOIN certification c ON c.producer_rowid = p.prid AND c.valid_from <= ? AND c.valid_to >= ?"
        + ") t GROUP BY t.type"
      values += [.integer(day), .integer(day)]
    }
    sql = sql + (descending ? " ORDER BY 1, 4 DESC, 3" : " ORDER BY 1, 4, 3")

    var rows: [(rowid: Int64, id: String, key: SQLValue)] = []
    var total: Int64 = 0
    var categories: [(Int32, Int64)] = []
    var villages: [(id: String, vi: String, en: String, count: Int64)] = []
    var certifications: [(Int32, Int64)] = []
    try tx.withStatement(sql) { statement in
      try statement.bind(values: values)
      try statement.forEach { row in
        switch row.int64(0) {
        case 0:
          rows.append((rowid: row.int64(1), id: row.string(2), key: row.value(3)))
        case 1:
          total = row.int64(1)
        case 2:
          categories.append((Int32(truncatingIfNeeded: row.int64(1)), row.int64(3)))
        case 3:
          villages.append((row.string(1), row.string(2), row.string(4), row.int64(3)))
        default:
          certifications.append((Int32(truncatingIfNeeded: row.int64(1)), row.int64(3)))
        }
      }
    }
    guard includeFacets else { return (rows, total, []) }
    return (
      rows, total,
      Self.facets(categories: categories, villages: villages, certifications: certifications)
    )
  }

  /// The category, village and certification facets from their counts, each sorted most
  /// listings first, ties by key (raw value; village id as UTF-8 bytes): the order the facets
  /// always had, whichever engine counted them.
  static func facets(
    categories: [(Int32, Int64)], villages: [(id: String, vi: String, en: String, count: Int64)],
    certifications: [(Int32, Int64)]
  ) -> [Facet] {
    func ranked<K>(_ values: [(K, Int64)], _ before: (K, K) -> Bool) -> [(K, Int64)] {
      values.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : before($0.0, $1.0) }
    }
    var categoryFacet = Facet()
    categoryFacet.field = .category
    for (raw, count) in ranked(categories, <) {
      let category = CraftCategory(rawValue: raw)
      var value = FacetValue()
      value.key = .category(category)
      value.label = category.label
      value.count = count
      categoryFacet.values.append(value)
    }
    var villageFacet = Facet()
    villageFacet.field = .village
    let villageRows = villages.map { (($0.id, $0.vi, $0.en), $0.count) }
    for ((id, vi, en), count) in ranked(villageRows, { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
      var value = FacetValue()
      value.key = .villageId(id)
      value.count = count
      value.label = LocalizedText(vi: vi, en: en)
      villageFacet.values.append(value)
    }
    var certificationFacet = Facet()
    certificationFacet.field = .certification
    for (raw, count) in ranked(certifications, <) {
      var value = FacetValue()
      value.key = .certification(CertificationType(rawValue: raw))
      value.count = count
      certificationFacet.values.append(value)
    }
    return [categoryFacet, villageFacet, certificationFacet]
  }
}

extension CraftCategory {
  /// The display name of a category, in Vietnamese and English.
  var label: LocalizedText {
    let names: [Int32: (String, String)] = [
      1: ("Mây tre đan", "Rattan and bamboo"), 2: ("Cói, cỏ tế, bèo", "Seagrass and sedge"),
      3: ("Gốm sứ", "Ceramics"), 4: ("Dệt lụa", "Silk and textiles"), 5: ("Thêu", "Embroidery"),
      6: ("Sơn mài", "Lacquer"), 7: ("Khảm trai", "Mother-of-pearl inlay"),
      8: ("Tượng gỗ, đồ gỗ mỹ nghệ", "Wood carving"), 9: ("Mộc", "Furniture"),
      10: ("Nón lá", "Conical hats"), 11: ("Quạt", "Fans"),
      12: ("Dát vàng bạc quỳ", "Gold and silver leaf"), 13: ("Đúc đồng", "Bronze casting"),
      14: ("Tăm hương", "Incense"), 15: ("Đặc sản làng nghề", "Food specialties"),
      16: ("Cây cảnh", "Bonsai and plants"), 17: ("Khác", "Other"),
    ]
    let (vi, en) = names[rawValue] ?? ("", "")
    return LocalizedText(vi: vi, en: en)
  }
}
