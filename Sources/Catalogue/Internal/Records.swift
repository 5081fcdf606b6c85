internal import CatalogueAPI
internal import CommonAPI
internal import ProtoWire
internal import Storage

/// A stored message whose blob did not decode: a server fault (`INTERNAL`), never the caller's
/// invalid argument, so it must not surface as the `ProtoDecodingError` it wraps.
struct StoredDataCorrupt: Error, CustomStringConvertible {
  let table: String
  let id: String
  let cause: ProtoDecodingError
  var description: String { "stored \(table) \(id) does not decode: \(cause)" }
}

func decodeStored<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8], table: String, id: String)
  throws -> M
{
  do {
    return try M(serializedBytes: bytes)
  } catch {
    throw StoredDataCorrupt(table: table, id: id, cause: error)
  }
}

/// A producer row: its rowid (the key listings and certificates reference) and the message
/// with server-set fields patched in from their columns.
struct StoredProducer {
  var rowid: Int64
  var producer: Producer

  /// The columns `decode` reads, in order; the table is aliased `p`.
  static let columns: SQL =
    "p.rowid, p.id, p.village_id, p.deleted, p.version, p.created_ms, p.updated_ms, p.data"

  static func decode(_ row: Row) throws -> StoredProducer {
    let id = row.string(1)
    var producer = try decodeStored(Producer.self, row.blob(7), table: "producer", id: id)
    producer.id = id
    producer.villageId = row.string(2)
    producer.deleted = row.bool(3)
    producer.version = row.int64(4)
    producer.createdAt = WallClock.timestamp(milliseconds: row.int64(5))
    producer.updatedAt = WallClock.timestamp(milliseconds: row.int64(6))
    return StoredProducer(rowid: row.int64(0), producer: producer)
  }

  static func find(id: String, in tx: some SQLQuerying) throws -> StoredProducer? {
    try tx.fetchOne(
      """
      SELECT p.rowid, p.id, p.village_id, p.deleted, p.version, p.created_ms, p.updated_ms, p.data
      FROM producer p WHERE p.id = ?
      """, id, map: decode)
  }

  static func find(rowid: Int64, in tx: some SQLQuerying) throws -> StoredProducer? {
    try tx.fetchOne(
      """
      SELECT p.rowid, p.id, p.village_id, p.deleted, p.version, p.created_ms, p.updated_ms, p.data
      FROM producer p WHERE p.rowid = ?
      """, rowid, map: decode)
  }

  /// The text the search index holds for a producer: both names.
  static func searchText(_ producer: Producer) -> String {
    let name = producer.name ?? LocalizedText()
    return name.vi + " " + name.en
  }
}

/// A listing row with the message patched from its columns.
struct StoredListing {
  var rowid: Int64
  var producerRowid: Int64
  var listing: Listing

  /// The columns ``decode(_:)`` reads, in order, from `listing` aliased `l`.
  static let columns: SQL = """
    SELECT l.rowid, l.producer_rowid, l.id, l.producer_id, l.village_id, l.status, l.version,
      l.created_ms, l.updated_ms, l.data, l.title_vi, l.title_en, l.description_vi,
      l.description_en
    FROM listing l
    """

  static func decode(_ row: Row) throws -> StoredListing {
    let id = row.string(2)
    var listing = try decodeStored(Listing.self, row.blob(9), table: "listing", id: id)
    // The texts come from their columns (see `blob(_:)`); a row written before the blob
    // left them out holds the same texts in both places.
    if listing.title != nil {
      listing.title!.vi = row.string(10)
      listing.title!.en = row.string(11)
    }
    if listing.description != nil {
      listing.description!.vi = row.string(12)
      listing.description!.en = row.string(13)
    }
    listing.id = id
    listing.producerId = row.string(3)
    listing.villageId = row.string(4)
    listing.status = Listing.Status(rawValue: Int32(truncatingIfNeeded: row.int64(5)))
    listing.version = row.int64(6)
    listing.createdAt = WallClock.timestamp(milliseconds: row.int64(7))
    listing.updatedAt = WallClock.timestamp(milliseconds: row.int64(8))
    return StoredListing(rowid: row.int64(0), producerRowid: row.int64(1), listing: listing)
  }

  static func find(id: String, in tx: some SQLQuerying) throws -> StoredListing? {
    try tx.fetchOne(columns + " WHERE l.id = ?", id, map: decode)
  }

  static func find(rowid: Int64, in tx: some SQLQuerying) throws -> StoredListing? {
    try tx.fetchOne(columns + " WHERE l.rowid = ?", rowid, map: decode)
  }

  /// The listing of `producerID` with `sku` (case-insensitive) that is not deleted.
  static func find(producerID: String, sku: String, in tx: some SQLQuerying) throws
    -> StoredListing?
  {
    try tx.fetchOne(
      columns + " WHERE l.producer_id = ? AND l.sku_folded = ? AND l.status != 3", producerID,
      sku.lowercased(), map: decode)
  }

  /// The blob stored for a listing: its editable fields only (server-set ones live in columns),
  /// without the texts of its title and description, which have columns of their own (for the
  /// search index's triggers) and are most of a listing's bytes: a row written once is ~1 KiB
  /// narrower, and a bulk import writes that much less per row. The title and description stay
  /// in the blob as present-but-empty messages, so whether they were set, and any fields of
  /// them this build does not know, survive.
  static func blob(_ listing: Listing) -> [UInt8] {
    var editable = listing
    if editable.title != nil {
      editable.title!.vi = ""
      editable.title!.en = ""
    }
    if editable.description != nil {
      editable.description!.vi = ""
      editable.description!.en = ""
    }
    editable.id = ""
    editable.producerId = ""
    editable.villageId = ""
    editable.status = .unspecified
    editable.version = 0
    editable.createdAt = nil
    editable.updatedAt = nil
    return editable.serializedBytes()
  }
}

/// A village row.
struct StoredVillage {
  var village: Village

  static func find(id: String, in tx: some SQLQuerying) throws -> Village? {
    try tx.fetchOne(
      """
      SELECT v.id, v.data,
        (SELECT count(*) FROM producer p WHERE p.village_id = v.id AND p.deleted = 0),
        (SELECT count(*) FROM listing l WHERE l.village_id = v.id AND l.status = 1)
      FROM village v WHERE v.id = ?
      """, id, map: decodeWithCounts)
  }

  /// The village without its counts (which scan its producers and listings): for writes.
  static func findWithoutCounts(id: String, in tx: some SQLQuerying) throws -> Village? {
    try tx.fetchOne("SELECT v.id, v.data, 0, 0 FROM village v WHERE v.id = ?", id, map: decodeWithCounts)
  }

  static func decodeWithCounts(_ row: Row) throws -> Village {
    let id = row.string(0)
    var village = try decodeStored(Village.self, row.blob(1), table: "village", id: id)
    village.id = id
    village.producerCount = Int32(truncatingIfNeeded: row.int64(2))
    village.listingCount = Int32(truncatingIfNeeded: row.int64(3))
    return village
  }

  /// The text the search index holds for a village: names, commune and district, so
  /// "may tre dan Thuong Tin" finds the district's listings.
  static func searchText(_ village: Village) -> String {
    let name = village.name ?? LocalizedText()
    return [name.vi, name.en, village.commune, village.district].joined(separator: " ")
  }
}
