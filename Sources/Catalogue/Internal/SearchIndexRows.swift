internal import Storage

/// One listing as ``SearchIndex`` holds it: the columns search filters, sorts and counts on,
/// and the folded text of the five FTS5 columns (as the triggers of ``CatalogueSchema`` index
/// them).
struct IndexedListing: Sendable {
  var id: String
  var producerRowid: Int64
  var producerID: String
  var villageID: String
  var status: Int64
  var category: Int32
  var hsDigits: String
  var moq: Int64
  var leadTimeDays: Int64
  var monthlyCapacity: Int64
  var incoterm: Int32
  var createdMs: Int64
  var skuFolded: String
  /// title, description, materials, producer, village: folded, in `listing_fts` column order.
  var fields: [String]
  /// Folded materials (`listing_material`).
  var materials: [String] = []
  /// Unit prices (`price_tier`).
  var prices: [IndexedPrice] = []
}

/// One price tier of a listing.
struct IndexedPrice: Sendable {
  var currency: String
  var minor: Int64
}

/// A certificate of a producer, dates as yyyymmdd.
struct IndexedCertificate: Sendable {
  var type: Int32
  var validFrom: Int64
  var validTo: Int64
}

/// What the index keeps of a village: the facet's label and the district filter's key.
struct IndexedVillage: Sendable {
  var nameVi: String
  var nameEn: String
  var districtFolded: String
}

/// Reads the rows the index is built from, for the load at open and for each write's changes.
enum SearchIndexRows {
  /// The listing columns ``listing(_:)`` decodes, in order; the table is aliased `l`.
  static let listingColumns: SQL = """
    SELECT l.rowid, l.id, l.producer_rowid, l.producer_id, l.village_id, l.status, l.category,
      l.hs_digits, l.moq, l.lead_time_days, l.monthly_capacity, l.incoterm, l.created_ms,
      l.sku_folded, l.title_vi, l.title_en, l.description_vi, l.description_en, l.materials,
      l.producer_text, l.village_text
    FROM listing l
    """

  /// A row of ``listingColumns``: its rowid and the listing without materials and prices.
  static func listing(_ row: Row) -> (Int64, IndexedListing) {
    // The same text the FTS5 triggers index: `fold(vi || ' ' || en)` and so on.
    let fields = [
      VietnameseFolding.fold(row.string(14) + " " + row.string(15)),
      VietnameseFolding.fold(row.string(16) + " " + row.string(17)),
      VietnameseFolding.fold(row.string(18)), VietnameseFolding.fold(row.string(19)),
      VietnameseFolding.fold(row.string(20)),
    ]
    let listing = IndexedListing(
      id: row.string(1), producerRowid: row.int64(2), producerID: row.string(3),
      villageID: row.string(4), status: row.int64(5),
      category: Int32(truncatingIfNeeded: row.int64(6)), hsDigits: row.string(7), moq: row.int64(8),
      leadTimeDays: row.int64(9), monthlyCapacity: row.int64(10),
      incoterm: Int32(truncatingIfNeeded: row.int64(11)), createdMs: row.int64(12),
      skuFolded: row.string(13), fields: fields)
    return (row.int64(0), listing)
  }

  /// Reads every village, producer (with its certificates) and listing, in that order, into
  /// the callbacks: the whole index's input, listings streamed in rowid order so their text is
  /// never all in memory at once.
  static func forEachRow(
    in tx: some SQLQuerying, village: (String, IndexedVillage) -> Void,
    producer: (Int64, [IndexedCertificate]) -> Void, listing: (Int64, IndexedListing) -> Void
  ) throws {
    try tx.forEach("SELECT id, name_vi, name_en, district_folded FROM village") { row in
      village(
        row.string(0),
        IndexedVillage(nameVi: row.string(1), nameEn: row.string(2), districtFolded: row.string(3)))
    }
    var certificates: [Int64: [IndexedCertificate]] = [:]
    try tx.forEach("SELECT rowid FROM producer") { certificates[$0.int64(0)] = [] }
    try tx.forEach("SELECT producer_rowid, type, valid_from, valid_to FROM certification") { row in
      certificates[row.int64(0), default: []].append(certificate(row))
    }
    for (rowid, list) in certificates { producer(rowid, list) }
    var materials: [Int64: [String]] = [:]
    try tx.forEach("SELECT listing_rowid, material FROM listing_material") { row in
      materials[row.int64(0), default: []].append(row.string(1))
    }
    var prices: [Int64: [IndexedPrice]] = [:]
    try tx.forEach("SELECT listing_rowid, currency, unit_price_minor FROM price_tier") { row in
      prices[row.int64(0), default: []].append(IndexedPrice(currency: row.string(1), minor: row.int64(2)))
    }
    try tx.forEach(listingColumns + " ORDER BY l.rowid") { row in
      var (rowid, indexed) = Self.listing(row)
      indexed.materials = materials[rowid] ?? []
      indexed.prices = prices[rowid] ?? []
      listing(rowid, indexed)
    }
  }

  /// Listing `rowid` as it is now, `nil` when there is no such row.
  static func listing(rowid: Int64, in tx: some SQLQuerying) throws -> IndexedListing? {
    guard var listing = try tx.fetchOne(listingColumns + " WHERE l.rowid = ?", rowid, map: listing)?.1
    else { return nil }
    listing.materials = try tx.fetchAll(
      "SELECT material FROM listing_material WHERE listing_rowid = ?", rowid
    ) { $0.string(0) }
    listing.prices = try tx.fetchAll(
      "SELECT currency, unit_price_minor FROM price_tier WHERE listing_rowid = ?", rowid
    ) { IndexedPrice(currency: $0.string(0), minor: $0.int64(1)) }
    return listing
  }

  /// The certificates of producer `rowid`; `nil` when there is no such producer.
  static func certificates(producerRowid rowid: Int64, in tx: some SQLQuerying) throws
    -> [IndexedCertificate]?
  {
    guard try tx.fetchOne("SELECT 1 FROM producer WHERE rowid = ?", rowid, map: { _ in true }) != nil
    else { return nil }
    return try tx.fetchAll(
      "SELECT producer_rowid, type, valid_from, valid_to FROM certification WHERE producer_rowid = ?",
      rowid, map: certificate)
  }

  static func village(id: String, in tx: some SQLQuerying) throws -> IndexedVillage? {
    try tx.fetchOne("SELECT name_vi, name_en, district_folded FROM village WHERE id = ?", id) {
      IndexedVillage(nameVi: $0.string(0), nameEn: $0.string(1), districtFolded: $0.string(2))
    }
  }

  private static func certificate(_ row: Row) -> IndexedCertificate {
    IndexedCertificate(
      type: Int32(truncatingIfNeeded: row.int64(1)), validFrom: row.int64(2), validTo: row.int64(3))
  }
}
