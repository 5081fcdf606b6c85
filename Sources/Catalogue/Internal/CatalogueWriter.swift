internal import Auth
internal import CatalogueAPI
internal import CommonAPI
internal import ProtoWire
internal import Storage

/// The write side of the catalogue inside one transaction: every create, update and delete,
/// each with its change event written in the same transaction.
///
/// Synchronous by design (it runs inside `Database.write`); inputs are already validated by
/// ``CatalogueValidation``. `prefix` is the field-name prefix errors use (`"listing."` for RPCs,
/// `""` for bulk-import rows).
struct CatalogueWriter {
  let tx: WriteTransaction
  let now: Int64
  let actor: CommonAPI.Actor
  /// What listing writes look up about their producer, kept for the rest of the transaction.
  let producers = ProducerLookups()
  /// The rows this transaction changed, for the in-memory search index.
  let touched = SearchIndex.Touched()

  /// A listing's producer as listing writes need it: the row and its village's search text.
  /// Filled by ``createListing`` only; every producer or village write empties it, and so must
  /// a caller that rolls back a savepoint (``CatalogueStore/importRows``).
  final class ProducerLookups {
    var byID: [String: (StoredProducer, villageText: String)] = [:]
    func removeAll() { byID.removeAll(keepingCapacity: true) }
  }

  // MARK: Batches

  /// Runs `body` with the search index updated once at its end rather than per listing row
  /// (see migration 3 in ``CatalogueSchema``): for bulk writes in one transaction. The index
  /// is consistent again when this returns; if `body` throws, the caller's transaction rolls
  /// back (with the flag and the notes).
  func withDeferredIndexing<T>(_ body: () throws -> T) throws -> T {
    try tx.execute("INSERT INTO listing_fts_deferred(one) VALUES (1)")
    let result = try body()
    try tx.execute("DELETE FROM listing_fts_deferred")
    // FTS5 merges segments as it writes them (`automerge`): on a 122,000-listing index, most of
    // a 500-row batch's re-index time (a raw insert: ~98 ms with it, ~14 ms without). A batch
    // skips that work and leaves one more segment; single writes keep merging a little each,
    // and a level that reaches 16 segments is merged at once (`crisismerge`), in a batch.
    let automerge = try tx.fetchOne(
      "SELECT v FROM listing_fts_config WHERE k = 'automerge'") { $0.int64(0) } ?? 4
    // (A failure below rolls the whole transaction back, the setting with it.)
    try tx.execute("INSERT INTO listing_fts(listing_fts, rank) VALUES ('automerge', 0)")
    // The text indexed before the batch, out; then the current text of the touched rows, in.
    // `CROSS JOIN` keeps the batch's notes as the outer loop: left to itself, the planner
    // walked every listing (through `listing_search`) and probed the notes, per batch.
    try tx.execute(
      """
      INSERT INTO listing_fts(listing_fts, rowid, title, description, materials, producer, village)
        SELECT 'delete', rowid, title, description, materials, producer, village
        FROM listing_fts_pending WHERE indexed = 1 ORDER BY rowid
      """)
    try tx.execute(
      """
      INSERT INTO listing_fts(rowid, title, description, materials, producer, village)
        SELECT l.rowid, fold(l.title_vi || ' ' || l.title_en),
          fold(l.description_vi || ' ' || l.description_en), fold(l.materials),
          fold(l.producer_text), fold(l.village_text)
        FROM listing_fts_pending p CROSS JOIN listing l ON l.rowid = p.rowid ORDER BY p.rowid
      """)
    try tx.execute("DELETE FROM listing_fts_pending")
    try tx.execute("INSERT INTO listing_fts(listing_fts, rank) VALUES ('automerge', ?)", automerge)
    return result
  }

  // MARK: Villages

  /// Inserts or replaces a village; refreshes the search text of its listings when its
  /// names change.
  @discardableResult
  func upsertVillage(_ village: Village) throws -> (Village, created: Bool) {
    producers.removeAll()
    let existing = try StoredVillage.findWithoutCounts(id: village.id, in: tx)
    let name = village.name ?? LocalizedText()
    var stored = village
    stored.producerCount = 0
    stored.listingCount = 0
    try tx.execute(
      """
      INSERT INTO village(id, name_vi, name_en, district, district_folded, data)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en,
        district = excluded.district, district_folded = excluded.district_folded,
        data = excluded.data
      """,
      village.id, name.vi, name.en, village.district,
      VietnameseFolding.fold(village.district.trimmed), stored.serializedBytes())
    touched.villages.insert(village.id)
    try tx.execute("DELETE FROM village_craft WHERE village_id = ?", village.id)
    for craft in Set(village.crafts.map(\.rawValue)) {
      try tx.execute(
        "INSERT INTO village_craft(village_id, category) VALUES (?, ?)", village.id, craft)
    }
    if let existing, StoredVillage.searchText(existing) != StoredVillage.searchText(village) {
      try tx.execute(
        "UPDATE listing SET village_text = ? WHERE village_id = ?",
        StoredVillage.searchText(village), village.id)
      touched.listingsOfVillages.insert(village.id)
    }
    let result = try StoredVillage.find(id: village.id, in: tx) ?? village  // with counts: a snapshot
    try appendEvent(existing == nil ? .created : .updated, .village(result), id: village.id)
    return (result, existing == nil)
  }

  // MARK: Producers

  /// Creates a producer under `input.id` (or a new id when empty).
  func createProducer(_ input: Producer, prefix: String) throws -> Producer {
    producers.removeAll()
    guard try StoredVillage.findWithoutCounts(id: input.villageId, in: tx) != nil else {
      throw CatalogueError.invalidArgument(field: prefix + "village_id", reason: "unknown village")
    }
    let id = input.id.isEmpty ? RecordID.make("p", now: now) : input.id
    if try StoredProducer.find(id: id, in: tx) != nil {
      throw CatalogueError.alreadyExists("producer \(id) exists")
    }
    let name = input.name ?? LocalizedText()
    var producer = input
    producer.id = id
    try tx.execute(
      """
      INSERT INTO producer(id, village_id, name_vi, name_en, deleted, version, created_ms,
        updated_ms, data)
      VALUES (?, ?, ?, ?, 0, 1, ?, ?, ?)
      """, id, input.villageId, name.vi, name.en, now, now, producer.serializedBytes())
    let rowid = tx.lastInsertRowID
    touched.producers.insert(rowid)
    try replaceCertifications(producerRowid: rowid, producer.certifications)
    let stored = try StoredProducer.find(rowid: rowid, in: tx)!.producer
    try appendEvent(.created, .producer(stored), id: id)
    return stored
  }

  /// Replaces the editable fields of producer `input.id`.
  func updateProducer(_ input: Producer, expectedVersion: Int64, prefix: String) throws
    -> Producer
  {
    producers.removeAll()
    guard let current = try StoredProducer.find(id: input.id, in: tx) else {
      throw CatalogueError.notFound("producer \(input.id) not found")
    }
    if current.producer.deleted {
      throw CatalogueError.failedPrecondition("producer \(input.id) is deleted")
    }
    try checkVersion(expectedVersion, current.producer.version)
    guard let village = try StoredVillage.findWithoutCounts(id: input.villageId, in: tx) else {
      throw CatalogueError.invalidArgument(field: prefix + "village_id", reason: "unknown village")
    }
    let name = input.name ?? LocalizedText()
    try tx.execute(
      """
      UPDATE producer SET village_id = ?, name_vi = ?, name_en = ?, version = version + 1,
        updated_ms = ?, data = ?
      WHERE rowid = ?
      """, input.villageId, name.vi, name.en, now, input.serializedBytes(), current.rowid)
    touched.producers.insert(current.rowid)
    try tx.execute("DELETE FROM certification WHERE producer_rowid = ?", current.rowid)
    try replaceCertifications(producerRowid: current.rowid, input.certifications)
    if StoredProducer.searchText(current.producer) != StoredProducer.searchText(input)
      || current.producer.villageId != input.villageId
    {
      // Listings carry their producer's village and the names search matches.
      try tx.execute(
        """
        UPDATE listing SET village_id = ?, producer_text = ?, village_text = ?
        WHERE producer_id = ?
        """, input.villageId, StoredProducer.searchText(input), StoredVillage.searchText(village),
        current.producer.id)
      touched.listingsOfProducers.insert(current.producer.id)
    }
    let stored = try StoredProducer.find(rowid: current.rowid, in: tx)!.producer
    try appendEvent(.updated, .producer(stored), id: stored.id)
    return stored
  }

  /// Soft-deletes a producer and each of its listings (one event each). Deleting a deleted
  /// producer returns it unchanged.
  func deleteProducer(id: String, expectedVersion: Int64) throws -> Producer {
    producers.removeAll()
    guard let current = try StoredProducer.find(id: id, in: tx) else {
      throw CatalogueError.notFound("producer \(id) not found")
    }
    try checkVersion(expectedVersion, current.producer.version)
    if current.producer.deleted { return current.producer }
    let listingRowids = try tx.fetchAll(
      "SELECT rowid FROM listing WHERE producer_id = ? AND status != 3 ORDER BY rowid", id
    ) { $0.int64(0) }
    for rowid in listingRowids {
      try markListingDeleted(rowid: rowid)
    }
    try tx.execute(
      "UPDATE producer SET deleted = 1, version = version + 1, updated_ms = ? WHERE rowid = ?",
      now, current.rowid)
    let stored = try StoredProducer.find(rowid: current.rowid, in: tx)!.producer
    try appendEvent(.deleted, .producer(stored), id: id)
    return stored
  }

  private func replaceCertifications(producerRowid: Int64, _ certifications: [Certification])
    throws
  {
    for certification in certifications {
      try tx.execute(
        "INSERT INTO certification(producer_rowid, type, valid_from, valid_to) VALUES (?, ?, ?, ?)",
        producerRowid, certification.type.rawValue,
        certification.valid?.start?.dayNumber ?? 0,
        certification.valid?.end?.dayNumber ?? 9999_12_31)
    }
  }

  // MARK: Listings

  /// Creates a listing under `id` (or a new id when empty) for `input.producerId`.
  ///
  /// `skuChecked`: the caller has just found no live listing of the producer with this SKU.
  func createListing(
    _ input: Listing, id givenID: String = "", prefix: String, skuChecked: Bool = false
  ) throws -> Listing {
    let producer: StoredProducer
    let villageText: String
    if let known = producers.byID[input.producerId] {
      (producer, villageText) = known
    } else if let found = try StoredProducer.find(id: input.producerId, in: tx) {
      let village = try StoredVillage.findWithoutCounts(id: found.producer.villageId, in: tx) ?? Village()
      (producer, villageText) = (found, StoredVillage.searchText(village))
      producers.byID[input.producerId] = (producer, villageText)
    } else {
      throw CatalogueError.invalidArgument(
        field: prefix + "producer_id", reason: "unknown or deleted producer")
    }
    guard !producer.producer.deleted else {
      throw CatalogueError.invalidArgument(
        field: prefix + "producer_id", reason: "unknown or deleted producer")
    }
    if !skuChecked,
      let clash = try StoredListing.find(producerID: input.producerId, sku: input.sku, in: tx)
    {
      throw CatalogueError.alreadyExists(
        "producer \(input.producerId) already has listing \(clash.listing.id) with SKU \(input.sku)")
    }
    // A fresh id has 55 random bits after the time: only a given one can already exist.
    let id = givenID.isEmpty ? RecordID.make("l", now: now) : givenID
    if !givenID.isEmpty, try StoredListing.find(id: id, in: tx) != nil {
      throw CatalogueError.alreadyExists("listing \(id) exists")
    }
    var arguments = columnValues(input)
    arguments += [
      .text(id), .integer(producer.rowid), .text(input.producerId),
      .text(producer.producer.villageId), .text(StoredProducer.searchText(producer.producer)),
      .text(villageText), .integer(now), .integer(now),
    ]
    try tx.execute(
      """
      INSERT INTO listing(sku, sku_folded, status, category, hs_digits, moq, lead_time_days,
        monthly_capacity, incoterm, title_vi, title_en, description_vi, description_en,
        materials, data, id, producer_rowid, producer_id, village_id, producer_text,
        village_text, created_ms, updated_ms, version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
      """, arguments: arguments)
    let rowid = tx.lastInsertRowID
    touched.listings.insert(rowid)
    try replaceListingDetails(rowid: rowid, input)
    // What `StoredListing.find(rowid:)` would read back (the blob is `input` without its
    // server-set fields, which come from the columns just written), without the read and decode.
    var stored = input
    stored.id = id
    stored.villageId = producer.producer.villageId
    stored.version = 1
    stored.createdAt = WallClock.timestamp(milliseconds: now)
    stored.updatedAt = stored.createdAt
    try appendEvent(.created, .listing(stored), id: id)
    return stored
  }

  /// Replaces the editable fields of listing `id`. `expectedVersion` 0 skips the check.
  ///
  /// `foundBySKU`: the live listing `id` as the caller has just read it by `input`'s producer
  /// and SKU (bulk import), so neither the lookup nor the SKU clash check is repeated.
  func updateListing(
    _ input: Listing, id: String, expectedVersion: Int64, prefix: String,
    foundBySKU: StoredListing? = nil
  ) throws -> Listing {
    guard let current = try foundBySKU ?? StoredListing.find(id: id, in: tx) else {
      throw CatalogueError.notFound("listing \(id) not found")
    }
    try requireEditor(ofProducer: current.listing.producerId)
    if current.listing.status == .deleted {
      throw CatalogueError.failedPrecondition("listing \(id) is deleted")
    }
    if input.producerId != current.listing.producerId {
      throw CatalogueError.invalidArgument(
        field: prefix + "producer_id", reason: "a listing cannot move to another producer")
    }
    try checkVersion(expectedVersion, current.listing.version)
    if foundBySKU == nil,
      let clash = try StoredListing.find(producerID: input.producerId, sku: input.sku, in: tx),
      clash.rowid != current.rowid
    {
      throw CatalogueError.alreadyExists(
        "producer \(input.producerId) already has listing \(clash.listing.id) with SKU \(input.sku)")
    }
    try tx.execute(
      """
      UPDATE listing SET sku = ?, sku_folded = ?, status = ?, category = ?, hs_digits = ?,
        moq = ?, lead_time_days = ?, monthly_capacity = ?, incoterm = ?, title_vi = ?,
        title_en = ?, description_vi = ?, description_en = ?, materials = ?, data = ?,
        version = version + 1, updated_ms = ?
      WHERE rowid = ?
      """, arguments: columnValues(input) + [.integer(now), .integer(current.rowid)])
    touched.listings.insert(current.rowid)
    try tx.execute("DELETE FROM listing_material WHERE listing_rowid = ?", current.rowid)
    try tx.execute("DELETE FROM price_tier WHERE listing_rowid = ?", current.rowid)
    try replaceListingDetails(rowid: current.rowid, input)
    // As read back: the new editable fields; id, producer, village and created from the row.
    var stored = input
    stored.id = current.listing.id
    stored.producerId = current.listing.producerId
    stored.villageId = current.listing.villageId
    stored.version = current.listing.version + 1
    stored.createdAt = current.listing.createdAt
    stored.updatedAt = WallClock.timestamp(milliseconds: now)
    try appendEvent(.updated, .listing(stored), id: id)
    return stored
  }

  /// Soft-deletes listing `id`; deleting a deleted listing returns it unchanged.
  func deleteListing(id: String, expectedVersion: Int64) throws -> Listing {
    guard let current = try StoredListing.find(id: id, in: tx) else {
      throw CatalogueError.notFound("listing \(id) not found")
    }
    try requireEditor(ofProducer: current.listing.producerId)
    try checkVersion(expectedVersion, current.listing.version)
    if current.listing.status == .deleted { return current.listing }
    return try markListingDeleted(rowid: current.rowid)
  }

  @discardableResult
  private func markListingDeleted(rowid: Int64) throws -> Listing {
    try tx.execute(
      "UPDATE listing SET status = 3, version = version + 1, updated_ms = ? WHERE rowid = ?",
      now, rowid)
    touched.listings.insert(rowid)
    let stored = try StoredListing.find(rowid: rowid, in: tx)!.listing
    try appendEvent(.deleted, .listing(stored), id: stored.id)
    return stored
  }

  /// The values of the columns a listing's editable fields fill, in the order the INSERT and
  /// UPDATE statements list them (sku … data).
  private func columnValues(_ listing: Listing) -> [SQLValue] {
    let title = listing.title ?? LocalizedText()
    let description = listing.description ?? LocalizedText()
    return [
      .text(listing.sku), .text(listing.sku.lowercased()), .integer(Int64(listing.status.rawValue)),
      .integer(Int64(listing.category.rawValue)),
      .text(CatalogueValidation.hsDigits(listing.hsCode) ?? ""), .integer(listing.moq),
      .integer(Int64(listing.leadTimeDays)), .integer(listing.monthlyCapacity),
      .integer(Int64(listing.incoterm.rawValue)), .text(title.vi), .text(title.en),
      .text(description.vi), .text(description.en), .text(listing.materials.joined(separator: " ")),
      .blob(StoredListing.blob(listing)),
    ]
  }

  private func replaceListingDetails(rowid: Int64, _ listing: Listing) throws {
    for material in Set(listing.materials.map(VietnameseFolding.fold)) {
      try tx.execute(
        "INSERT INTO listing_material(listing_rowid, material) VALUES (?, ?)", rowid, material)
    }
    for tier in listing.priceTiers {
      guard let price = tier.unitPrice else { continue }
      try tx.execute(
        """
        INSERT INTO price_tier(listing_rowid, currency, min_quantity, unit_price_minor)
        VALUES (?, ?, ?, ?)
        """, rowid, price.currencyCode, tier.minQuantity, price.amountMinor)
    }
  }

  // MARK: Events and helpers

  /// Refuses (`PERMISSION_DENIED`) a change to `producerID`'s data by anyone but that
  /// producer, an admin or the platform. Checked on the stored row, inside the transaction.
  private func requireEditor(ofProducer producerID: String) throws {
    try Caller(role: actor.role, id: actor.id).requireEditor(ofProducer: producerID)
  }

  private func checkVersion(_ expected: Int64, _ actual: Int64) throws {
    if expected != 0 && expected != actual {
      throw CatalogueError.versionMismatch(expected: expected, actual: actual)
    }
  }

  /// Appends one change event; its seq comes from `AUTOINCREMENT` inside this transaction.
  private func appendEvent(
    _ type: ChangeEvent.ChangeType, _ snapshot: ChangeEvent.Snapshot, id: String
  ) throws {
    var event = ChangeEvent()
    event.time = WallClock.timestamp(milliseconds: now)
    event.changeType = type
    event.actor = actor
    event.snapshot = snapshot
    let entity: ChangeEvent.EntityType =
      switch snapshot {
      case .village: .village
      case .producer: .producer
      case .listing: .listing
      }
    try tx.execute(
      """
      INSERT INTO change_event(time_ms, change_type, entity_type, entity_id, actor_role,
        actor_id, snapshot)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """, now, type.rawValue, entity.rawValue, id, actor.role.rawValue, actor.id,
      event.serializedBytes())
  }
}
