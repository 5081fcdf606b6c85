public import Auth
public import CatalogueAPI
internal import CommonAPI
internal import Storage

extension CatalogueStore {
  /// Imports a batch of rows in one transaction, each row in its own savepoint: a bad row is
  /// rolled back alone and reported; the others land. Returns one result per row, in order.
  ///
  /// A listing row whose producer already has a (not deleted) listing with the same SKU
  /// updates it without a version check; a producer row with a known id updates it, with an
  /// unknown or empty id creates it.
  ///
  /// A producer-role caller imports only its own rows: a row naming no producer is taken as
  /// its own, a row naming another producer is rejected (`producer_id`), alone.
  public func importRows(_ rows: [BulkImportRow], caller: Caller) async throws
    -> [BulkImportResponse.RowResult]
  {
    // Validation is pure: do it before taking the write lock.
    enum Prepared: Sendable {
      case listing(Listing)
      case producer(Producer)
      case rejected(field: String, reason: String)
    }
    let prepared: [(Int64, Prepared)] = rows.map { row in
      do throws(CatalogueError) {
        switch row.item {
        case .listing(var listing):
          try Self.claim(&listing.producerId, for: caller, field: "producer_id")
          return (row.rowNumber, .listing(try CatalogueValidation.listing(listing, prefix: "")))
        case .producer(var producer):
          try Self.claim(&producer.id, for: caller, field: "id")
          return (row.rowNumber, .producer(try CatalogueValidation.producer(producer, prefix: "")))
        case nil:
          return (row.rowNumber, .rejected(field: "item", reason: "neither a listing nor a producer"))
        }
      } catch {
        return (row.rowNumber, .rejected(field: error.field, reason: error.reason))
      }
    }
    return try await write(caller: caller) { writer in try writer.withDeferredIndexing {
      var results: [BulkImportResponse.RowResult] = []
      results.reserveCapacity(prepared.count)
      for (rowNumber, item) in prepared {
        var result = BulkImportResponse.RowResult()
        result.rowNumber = rowNumber
        do {
          switch item {
          case .rejected(let field, let reason):
            result.field = field
            result.reason = reason
          case .listing(let listing):
            let (stored, created) = try writer.tx.savepoint { _ in
              if let existing = try StoredListing.find(
                producerID: listing.producerId, sku: listing.sku, in: writer.tx)
              {
                return (
                  try writer.updateListing(
                    listing, id: existing.listing.id, expectedVersion: 0, prefix: "",
                    foundBySKU: existing), false
                )
              }
              return (try writer.createListing(listing, prefix: "", skuChecked: true), true)
            }
            result.ok = true
            result.created = created
            result.listingId = stored.id
            result.producerId = stored.producerId
          case .producer(let producer):
            let (stored, created) = try writer.tx.savepoint { _ in
              if !producer.id.isEmpty,
                try StoredProducer.find(id: producer.id, in: writer.tx) != nil
              {
                return (try writer.updateProducer(producer, expectedVersion: 0, prefix: ""), false)
              }
              return (try writer.createProducer(producer, prefix: ""), true)
            }
            result.ok = true
            result.created = created
            result.producerId = stored.id
          }
        } catch let error as CatalogueError {
          writer.producers.removeAll()  // the row's savepoint rolled back what it looked up
          result.field = error.field
          result.reason = error.reason
        } catch let error as StorageError {
          // Not the row's fault (I/O, corruption): fail the batch, nothing of it lands.
          guard let mapped = CatalogueError.from(error) else { throw error }
          writer.producers.removeAll()
          result.field = mapped.field
          result.reason = mapped.reason
        }
        results.append(result)
      }
      return results
    } }
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
