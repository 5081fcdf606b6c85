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
      from = "FROM listing_fts CROSS JOIN listing l ON l.rowid = listing_fts.rowid"
      conditions.insert("listing_fts MATCH ?", at: 0)
      arguments.append(.text(match))
      terms = FTSQuery.terms(query)
    }

    if !filter.categories.isEmpty {
      let values = Set(filter.categories.map(\.rawValue)).sorted()
      conditions.append("l.category IN (" + SQL.placeholders(values.count) + ")")
      arguments += values.map { .integer(Int64($0)) }
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
    }
    if !filter.villageIds.isEmpty {
      let values = Set(filter.villageIds).sorted()
      guard values.count <= 100 else {
        throw .invalidArgument(field: "filter.village_ids", reason: "at most 100 values")
      }
      conditions.append("l.village_id IN (" + SQL.placeholders(values.count) + ")")
      arguments += values.map { .text($0) }
    }
    if !filter.district.trimmed.isEmpty {
      conditions.append("l.village_id IN (SELECT id FROM village WHERE district_folded = ?)")
      arguments.append(.text(VietnameseFolding.fold(filter.district.trimmed)))
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
    }
    if filter.maxMoq < 0 {
      throw .invalidArgument(field: "filter.max_moq", reason: "must not be negative")
    } else if filter.maxMoq > 0 {
      conditions.append("l.moq <= ?")
      arguments.append(.integer(filter.maxMoq))
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
    }
    if filter.maxLeadTimeDays < 0 {
      throw .invalidArgument(field: "filter.max_lead_time_days", reason: "must not be negative")
    } else if filter.maxLeadTimeDays > 0 {
      conditions.append("l.lead_time_days <= ?")
      arguments.append(.integer(Int64(filter.maxLeadTimeDays)))
    }
    if filter.minMonthlyCapacity < 0 {
      throw .invalidArgument(field: "filter.min_monthly_capacity", reason: "must not be negative")
    } else if filter.minMonthlyCapacity > 0 {
      conditions.append("l.monthly_capacity >= ?")
      arguments.append(.integer(filter.minMonthlyCapacity))
    }
    if !filter.sku.trimmed.isEmpty {
      conditions.append("l.sku_folded = ?")
      arguments.append(.text(filter.sku.trimmed.lowercased()))
    }
    if !filter.producerId.isEmpty {
      conditions.append("l.producer_id = ?")
      arguments.append(.text(filter.producerId))
    }
    if !filter.incoterms.isEmpty {
      let values = Set(filter.incoterms.map(\.rawValue)).sorted()
      conditions.append("l.incoterm IN (" + SQL.placeholders(values.count) + ")")
      arguments += values.map { .integer(Int64($0)) }
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
      }
    case .priceAsc:
      key =
        "coalesce((SELECT min(t.unit_price_minor) FROM price_tier t WHERE t.listing_rowid = l.rowid"
        + " AND t.currency = ?), 9223372036854775807)"
      keyArguments = [.text(currency)]
    case .priceDesc:
      key =
        "coalesce((SELECT min(t.unit_price_minor) FROM price_tier t WHERE t.listing_rowid = l.rowid"
        + " AND t.currency = ?), -1)"
      keyArguments = [.text(currency)]
      descending = true
    case .leadTimeAsc:
      key = "l.lead_time_days"
    case .newest:
      key = "l.created_ms"
      descending = true
    default:
      throw .invalidArgument(field: "sort", reason: "unknown sort order")
    }
  }

  /// `WHERE …` over the base rows, capped at `maxRowid`.
  private var whereClause: SQL {
    "WHERE " + SQL(joining: conditions + ["l.rowid <= ?"], separator: " AND ")
  }

  /// One page of (rowid, id, key) after `after` (key, id), or from the start.
  func page(
    _ tx: ReadTransaction, maxRowid: Int64, after: (SQLValue, String)?, limit: Int
  ) throws -> [(rowid: Int64, id: String, key: SQLValue)] {
    var sql: SQL =
      "SELECT rid, lid, k FROM (SELECT l.rowid AS rid, l.id AS lid, " + key + " AS k " + from + " "
      + whereClause + ")"
    var values = keyArguments + arguments + [.integer(maxRowid)]
    if let (afterKey, afterID) = after {
      sql = sql + (descending ? " WHERE (k < ? OR (k = ? AND lid > ?))" : " WHERE (k > ? OR (k = ? AND lid > ?))")
      values += [afterKey, afterKey, .text(afterID)]
    }
    sql = sql + (descending ? " ORDER BY k DESC, lid LIMIT ?" : " ORDER BY k, lid LIMIT ?")
    values.append(.integer(Int64(limit)))
    return try tx.fetchAll(sql, arguments: values) { row in
      (rowid: row.int64(0), id: row.string(1), key: row.value(2))
    }
  }

  /// All listings matching, under the cap.
  func total(_ tx: ReadTransaction, maxRowid: Int64) throws -> Int64 {
    try tx.fetchOne(
      "SELECT count(*) " + from + " " + whereClause, arguments: arguments + [.integer(maxRowid)]
    ) { $0.int64(0) } ?? 0
  }

  /// Counts by category, village and certification (valid on the filter's day).
  func facets(_ tx: ReadTransaction, maxRowid: Int64) throws -> [Facet] {
    let base = arguments + [.integer(maxRowid)]
    var categoryFacet = Facet()
    categoryFacet.field = .category
    categoryFacet.values = try tx.fetchAll(
      "SELECT l.category, count(*) " + from + " " + whereClause
        + " GROUP BY l.category ORDER BY 2 DESC, 1", arguments: base
    ) { row in
      let category = CraftCategory(rawValue: Int32(truncatingIfNeeded: row.int64(0)))
      var value = FacetValue()
      value.key = .category(category)
      value.label = category.label
      value.count = row.int64(1)
      return value
    }
    var villageFacet = Facet()
    villageFacet.field = .village
    villageFacet.values = try tx.fetchAll(
      "SELECT l.village_id, count(*), v.name_vi, v.name_en " + from
        + " LEFT JOIN village v ON v.id = l.village_id " + whereClause
        + " GROUP BY l.village_id ORDER BY 2 DESC, 1", arguments: base
    ) { row in
      var value = FacetValue()
      value.key = .villageId(row.string(0))
      value.count = row.int64(1)
      value.label = LocalizedText(vi: row.string(2), en: row.string(3))
      return value
    }
    var certificationFacet = Facet()
    certificationFacet.field = .certification
    certificationFacet.values = try tx.fetchAll(
      "SELECT c.type, count(DISTINCT l.rowid) " + from
        + " JOIN certification c ON c.producer_rowid = l.producer_rowid"
        + " AND c.valid_from <= ? AND c.valid_to >= ? " + whereClause
        + " GROUP BY c.type ORDER BY 2 DESC, 1",
      arguments: [.integer(day), .integer(day)] + base
    ) { row in
      var value = FacetValue()
      value.key = .certification(CertificationType(rawValue: Int32(truncatingIfNeeded: row.int64(0))))
      value.count = row.int64(1)
      return value
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
