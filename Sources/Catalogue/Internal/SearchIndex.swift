internal import Storage
internal import Synchronization

/// `SearchListings` in memory: the catalogue's listings, producers' certificates and village
/// names as ``SearchIndexState``, answering text, filters, sorts, pages and facets in one
/// pass (SQLite needs ~50 ms of CPU for the faceted text search over 100,000
/// listings, most of it in FTS5 and bm25).
///
/// Kept in step with the file by the writer: every write records what it touched
/// (``Touched``); before its transaction ends, ``capture(_:in:)`` reads those rows as they will
/// be committed, and after the commit — on the writer's queue, so in commit order, before the
/// writer's caller resumes — ``apply(_:)`` puts them in. A search takes the current state
/// under the lock (a copy of a value: references to its arrays) and works on it without the
/// lock; a write then copies only the arrays a running search still shares, so no search
/// sees half a write.
///
/// SQLite stays the source of truth and the reference: ``ListingSearch`` runs the same search
/// in SQL, and a test compares both on random searches.
final class SearchIndex: Sendable {
  /// The rows a write touched, recorded by ``CatalogueWriter`` as it goes. A superset is
  /// harmless (rows are re-read as committed), so a rolled-back savepoint needs no undo.
  final class Touched {
    var listings: Set<Int64> = []
    /// Producers whose certificates may have changed.
    var producers: Set<Int64> = []
    /// Producers (by id) whose listings' search text or village changed.
    var listingsOfProducers: Set<String> = []
    var villages: Set<String> = []
    /// Villages whose listings' search text changed.
    var listingsOfVillages: Set<String> = []
  }

  /// The committed rows of one write, to apply after its commit.
  struct Delta: Sendable {
    var listings: [Int64: IndexedListing?] = [:]
    var producers: [Int64: [IndexedCertificate]?] = [:]
    var villages: [String: IndexedVillage?] = [:]
  }

  /// The index, and whether it may be used: not until loaded, and never again once the file
  /// holds what it cannot (a rowid beyond ``SearchIndexState/rowidLimit``); searches then run
  /// in SQL. (Not an optional: a change through `!` could copy the whole state.)
  private struct Guarded {
    var usable = false
    var index = SearchIndexState()
  }

  private let state = Mutex(Guarded())

  init() {}

  /// Builds the index from every row of the file (at open, before any write).
  func load(from tx: some SQLQuerying) throws {
    var loaded = SearchIndexState()
    var counter = TermCounter()
    var usable = true
    try SearchIndexRows.forEachRow(
      in: tx, village: { loaded.setVillage($0, $1) }, producer: { loaded.setProducer($0, $1) },
      listing: { rowid, listing in
        guard usable, rowid > 0, rowid <= SearchIndexState.rowidLimit else {
          usable = false
          return
        }
        loaded.appendLoaded(rowid, listing, counter: &counter)
      })
    loaded.finishLoad()
    let result = usable ? loaded : SearchIndexState()
    state.withLock { $0 = Guarded(usable: usable, index: result) }
  }

  /// The state to search, `nil` when searches must use SQL.
  func snapshot() -> SearchIndexState? {
    state.withLock { $0.usable ? $0.index : nil }
  }

  /// Reads the rows `touched` names as they stand in `tx` (the write's own transaction).
  func capture(_ touched: Touched, in tx: some SQLQuerying) throws -> Delta {
    var delta = Delta()
    guard state.withLock({ $0.usable }) else { return delta }
    for id in touched.villages {
      delta.villages[id] = .some(try SearchIndexRows.village(id: id, in: tx))
    }
    for rowid in touched.producers {
      delta.producers[rowid] = .some(try SearchIndexRows.certificates(producerRowid: rowid, in: tx))
    }
    var rowids = touched.listings
    for id in touched.listingsOfProducers {
      rowids.formUnion(try tx.fetchAll("SELECT rowid FROM listing WHERE producer_id = ?", id) { $0.int64(0) })
    }
    for id in touched.listingsOfVillages {
      rowids.formUnion(try tx.fetchAll("SELECT rowid FROM listing WHERE village_id = ?", id) { $0.int64(0) })
    }
    for rowid in rowids {
      delta.listings[rowid] = .some(try SearchIndexRows.listing(rowid: rowid, in: tx))
    }
    return delta
  }

  /// Applies a committed write's rows (on the writer's queue, in commit order).
  func apply(_ delta: Delta) {
    state.withLock { state in
      guard state.usable else { return }
      if delta.listings.keys.contains(where: { $0 <= 0 || $0 > SearchIndexState.rowidLimit }) {
        state = Guarded()
        return
      }
      for (id, village) in delta.villages { state.index.setVillage(id, village) }
      for (rowid, certificates) in delta.producers { state.index.setProducer(rowid, certificates) }
      if !delta.listings.isEmpty { state.index.setListings(delta.listings.map { ($0.key, $0.value) }) }
    }
  }
}
