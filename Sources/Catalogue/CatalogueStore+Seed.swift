public import Auth
public import CatalogueAPI

extension CatalogueStore {
  /// How many objects ``seed(villages:producers:listings:batchSize:)`` stored.
  public struct SeedSummary: Sendable, Hashable {
    /// Villages inserted or replaced.
    public var villages = 0
    /// Producers created.
    public var producers = 0
    /// Listings created.
    public var listings = 0

    /// A summary with the given counts.
    public init(villages: Int = 0, producers: Int = 0, listings: Int = 0) {
      self.villages = villages
      self.producers = producers
      self.listings = listings
    }
  }

  /// Stores demo or reference data (the `craftd --demo` generator's output) fast: validated
  /// like RPC input, written in transactions of `batchSize` objects, each with its change
  /// event so feed consumers (matching) see the seeded catalogue too.
  ///
  /// Given ids are kept (deterministic demo data); empty ids get fresh ones. Villages are
  /// upserted; a producer or listing id that exists already fails the seed with
  /// `ALREADY_EXISTS` (seed an empty database). Listings must name a seeded producer. The
  /// first invalid object throws `INVALID_ARGUMENT` naming it; batches before it stay stored.
  @discardableResult
  public func seed(
    villages: [Village], producers: [Producer], listings: [Listing], batchSize: Int = 2_000,
    caller: Caller = .system
  ) async throws -> SeedSummary {
    precondition(batchSize > 0, "batchSize must be positive")
    func located(_ kind: String, _ index: Int, _ id: String, _ error: CatalogueError)
      -> CatalogueError
    {
      .invalidArgument(
        field: "\(kind)[\(index)]\(id.isEmpty ? "" : " (\(id))").\(error.field)",
        reason: error.reason)
    }
    var summary = SeedSummary()
    let validVillages = try villages.enumerated().map { (index, village) throws -> Village in
      do throws(CatalogueError) { return try CatalogueValidation.village(village) } catch {
        throw located("villages", index, village.id, error)
      }
    }
    for batch in validVillages.chunked(batchSize) {
      try await write(caller: caller) { writer in
        for village in batch { try writer.upsertVillage(village) }
      }
      summary.villages += batch.count
    }
    let validProducers = try producers.enumerated().map { (index, producer) throws -> Producer in
      do throws(CatalogueError) {
        return try CatalogueValidation.producer(producer, prefix: "")
      } catch {
        throw located("producers", index, producer.id, error)
      }
    }
    for batch in validProducers.chunked(batchSize) {
      try await write(caller: caller) { writer in
        for producer in batch { _ = try writer.createProducer(producer, prefix: "") }
      }
      summary.producers += batch.count
    }
    let validListings = try listings.enumerated().map {
      (index, listing) throws -> (String, Listing) in
      do throws(CatalogueError) {
        return (listing.id, try CatalogueValidation.listing(listing, prefix: ""))
      } catch {
        throw located("listings", index, listing.id, error)
      }
    }
    for batch in validListings.chunked(batchSize) {
      try await write(caller: caller) { writer in
        try writer.withDeferredIndexing {
          for (id, listing) in batch { _ = try writer.createListing(listing, id: id, prefix: "") }
        }
      }
      summary.listings += batch.count
    }
    return summary
  }
}

extension Array {
  /// Consecutive slices of at most `size` elements.
  func chunked(_ size: Int) -> [[Element]] {
    stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
  }
}
