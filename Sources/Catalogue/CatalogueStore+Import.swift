public import Auth
public import CatalogueAPI
internal import CommonAPI
internal import Storage
internal import Synchronization

extension CatalogueStore {
  /// Imports a batch of rows in one transaction; each row is atomic: a bad row leaves nothing
  /// and is reported, the others land. Returns one result per row, in order.
  ///
  /// A listing row whose producer already has a (not deleted) listing with the same SKU
  /// updates it without a version check; a producer row with a known id updates it, with an
  /// unknown or empty id creates it.
  ///
  /// A producer-role caller imports only its own rows: a row naming no producer is taken as
  /// its own, a row naming another producer is rejected (`producer_id`), alone.
  ///
  /// Why no savepoint per row: a savepoint makes SQLite copy every page the row touches into
  /// its statement journal, and the writers refuse bad rows before they write anything (the
  /// producer, SKU and id checks come first), so a rejected row has nothing to undo. The
  /// batch runs bare and checks that: a row that fails after it changed a row
  /// (`totalChanges` moved) rolls the batch back, and it runs again with a savepoint per row.
  public func importRows(_ rows: [BulkImportRow], caller: Caller) async throws
    -> [BulkImportResponse.RowResult]
  {
    // Validation is pure: do it before taking the write lock.
    let prepared: [(Int64, Result<ImportItem, CatalogueError>)] = rows.map { row in
      let item = Result { () throws(CatalogueError) -> ImportItem in
        switch row.item {
        case .listing(var listing):
          try Self.claim(&listing.producerId, for: caller, field: "producer_id")
          return .listing(try CatalogueValidation.listing(listing, prefix: ""))
        case .producer(var producer):
          try Self.claim(&producer.id, for: caller, field: "id")
          return .producer(try CatalogueValidation.producer(producer, prefix: ""))
        case nil:
          throw .invalidArgument(field: "item", reason: "neither a listing nor a producer")
        }
      }
      return (row.rowNumber, item)
    }
    do {
      return try await write(caller: caller) { writer in
        try writer.withDeferredIndexing { try Self.importBatch(prepared, writer, savepoints: false) }
      }
    } catch is RowLeftChanges {
      importReruns.add(1, ordering: .relaxed)
      return try await write(caller: caller) { writer in
        try writer.withDeferredIndexing { try Self.importBatch(prepared, writer, savepoints: true) }
      }
    }
  }

  /// A validated import row.
  private enum ImportItem: Sendable {
    case listing(Listing)
    case producer(Producer)
  }

  /// A row failed after it had changed rows: the batch must run again with savepoints.
  private struct RowLeftChanges: Error {}

  /// Writes the rows of one batch; a row's error becomes its result. Without `savepoints`, a
  /// row that fails after changing a row throws ``RowLeftChanges`` (the transaction then rolls
  /// back whole).
  private static func importBatch(
    _ prepared: [(Int64, Result<ImportItem, CatalogueError>)], _ writer: CatalogueWriter, savepoints: Bool
  ) throws -> [BulkImportResponse.RowResult] {
    var results: [BulkImportResponse.RowResult] = []
    results.reserveCapacity(prepared.count)
    for (rowNumber, validated) in prepared {
      var result = BulkImportResponse.RowResult()
      result.rowNumber = rowNumber
      let item: ImportItem
      switch validated {
      case .success(let valid): item = valid
      case .failure(let error):
        result.field = error.field
        result.reason = error.reason
        results.append(result)
        continue
      }
      let changesBefore = writer.tx.totalChanges
      do {
        if savepoints {
          try writer.tx.savepoint { _ in try importRow(item, writer, into: &result) }
        } else {
          try importRow(item, writer, into: &result)
        }
      } catch let error as CatalogueError {
        guard writer.tx.isOpen else { throw error }
        try reject(&result, error, writer, changesBefore: changesBefore, savepoints: savepoints)
      } catch let error as StorageError {
        // Not the row's fault (I/O, corruption), or the whole transaction is gone: fail the
        // batch, nothing of it lands.
        guard let mapped = CatalogueError.from(error), writer.tx.isOpen else { throw error }
        try reject(&result, mapped, writer, changesBefore: changesBefore, savepoints: savepoints)
      }
      results.append(result)
    }
    return results
  }

  /// Writes one row and fills in its result.
  private static func importRow(
    _ item: ImportItem, _ writer: CatalogueWriter, into result: inout BulkImportResponse.RowResult
  ) throws {
    switch item {
    case .listing(let listing):
      let stored: Listing
      if let existing = try StoredListing.find(
        producerID: listing.producerId, sku: listing.sku, in: writer.tx)
      {
        stored = try writer.updateListing(
          listing, id: existing.listing.id, expectedVersion: 0, prefix: "", foundBySKU: existing)
      } else {
        stored = try writer.createListing(listing, prefix: "", skuChecked: true)
        result.created = true
      }
      result.listingId = stored.id
      result.producerId = stored.producerId
    case .producer(let producer):
      let stored: Producer
      if !producer.id.isEmpty, try StoredProducer.find(id: producer.id, in: writer.tx) != nil {
        stored = try writer.updateProducer(producer, expectedVersion: 0, prefix: "")
      } else {
        stored = try writer.createProducer(producer, prefix: "")
        result.created = true
      }
      result.producerId = stored.id
    }
    result.ok = true
  }

  /// Turns a row's error into its result, once nothing of the row is left in the transaction.
  private static func reject(
    _ result: inout BulkImportResponse.RowResult, _ error: CatalogueError,
    _ writer: CatalogueWriter, changesBefore: Int64, savepoints: Bool
  ) throws {
    if savepoints {
      writer.producers.removeAll()  // the row's savepoint rolled back what it looked up
    } else if writer.tx.totalChanges != changesBefore {
      throw RowLeftChanges()
    }
    let rowNumber = result.rowNumber
    result = BulkImportResponse.RowResult()
    result.rowNumber = rowNumber
    result.field = error.field
    result.reason = error.reason
  }

  /// Fills an empty producer id with a producer caller's own; refuses another producer's id.
  private static func claim(_ producerID: inout String, for caller: Caller, field: String)
    throws(CatalogueError)
  {
    guard !caller.isPrivileged else { return }
    if producerID.isEmpty && caller.role == .producer { producerID = caller.id }
    guard caller.role == .producer, producerID == caller.id else {
      throw .invalidArgument(
        field: field, reason: "producer \(caller.id) may import only its own rows, not \(producerID)'s")
    }
  }
}
