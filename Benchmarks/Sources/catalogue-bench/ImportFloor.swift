// The import's floor: what SQLite alone needs per row, measured in the same run as the real
// import so the two read as a ratio.
//
// The floor writes what any import the issue describes must write for a new listing, in the
// cheapest shape SQLite offers, through the same `Storage` layer and settings (`craftd`'s
// defaults: WAL, `synchronous=FULL`, checkpoints on their own thread), in the same batches:
// - the listing as one row: an id (unique) and its message; no filter columns, no secondary
//   index;
// - its text in an FTS5 index (five columns, the catalogue's tokenizer, automerge off as the
//   import's re-index runs it), without a content table or triggers;
// - one change event holding the listing.
//
// It starts from an empty file (so every B-tree is shallow and FTS5 has no segments to merge),
// and the text is folded and every message encoded before the clock starts. It bounds the
// catalogue's import from above on this machine, for this FTS5 index (`detail=full` and
// per-column sizes, which bm25 ranking reads; the producer's and village's names in each
// listing's text): none of validation, decoding, the SKU lookup, the filter columns and
// indexes, the in-memory search index or the per-row results.
// Two variants bound other designs: without the FTS5 insert, and with it in a second file
// written at the same time by its own connection (a search index that trails the rows).

import BenchSupport
import Catalogue
import CatalogueAPI
import CommonAPI
import Foundation
import ProtoWire
import Storage

/// One new listing as the floor writes it: everything computed up front.
struct FloorRow: Sendable {
  var id: String
  var message: [UInt8]
  var text: [String]  // title, description, materials, producer, village; folded
  var event: [UInt8]
}

enum ImportFloor {
  static let schema = Migration(
    version: 1,
    sql: """
      CREATE TABLE listing(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data BLOB NOT NULL);
      CREATE VIRTUAL TABLE listing_fts USING fts5(
        title, description, materials, producer, village,
        content = '', tokenize = "unicode61 remove_diacritics 2");
      INSERT INTO listing_fts(listing_fts, rank) VALUES ('automerge', 0);
      CREATE TABLE change_event(
        seq INTEGER PRIMARY KEY AUTOINCREMENT, entity_id TEXT NOT NULL, snapshot BLOB NOT NULL);
      """)

  /// The rows of `listings`, with their producers' and villages' names as search text.
  static func rows(_ listings: [Listing], producers: [Producer], villages: [Village]) -> [FloorRow] {
    let villageText = Dictionary(
      villages.map { ($0.id, ($0.name?.vi ?? "") + " " + ($0.name?.en ?? "")) },
      uniquingKeysWith: { first, _ in first })
    let producerText = Dictionary(
      producers.map { ($0.id, (($0.name?.vi ?? "") + " " + ($0.name?.en ?? ""), $0.villageId)) },
      uniquingKeysWith: { first, _ in first })
    let now = Int64(Date().timeIntervalSince1970 * 1000)
    return listings.map { listing in
      let (producer, village) = producerText[listing.producerId] ?? ("", "")
      let title = listing.title ?? LocalizedText()
      let description = listing.description ?? LocalizedText()
      var event = ChangeEvent()
      event.changeType = .created
      event.snapshot = .listing(listing)
      return FloorRow(
        id: RecordID.make("l", now: now), message: listing.serializedBytes(),
        text: [
          title.vi + " " + title.en, description.vi + " " + description.en,
          listing.materials.joined(separator: " "), producer, villageText[village] ?? "",
        ].map(VietnameseFolding.fold),
        event: event.serializedBytes())
    }
  }

  /// Where the floor puts the FTS5 insert.
  enum Search {
    /// Not at all: the rows and events only.
    case none
    /// In the same transaction as the row (what the catalogue does).
    case sameTransaction
    /// In a file of its own, written by its own connection at the same time as the rows (a
    /// batch's two writes run together; the next batch starts when both are done): a search
    /// index that trails the rows by a batch, filled on the other core. Its rate is the slower
    /// of the two writes, the FTS5 one, which a deeper pipeline would not lift.
    case ownFile
  }

  /// Writes `rows` in batches of `batch` into new files at `path` (and `path.fts`). Returns the
  /// wall-clock time and the process CPU seconds.
  static func run(_ rows: [FloorRow], batch: Int, search: Search, path: String) async throws
    -> (Duration, cpuSeconds: Double)
  {
    let searchPath = path + ".fts"
    func remove() {
      for file in [path, searchPath] {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
      }
    }
    remove()
    defer { remove() }
    let database = try Database(path: path, migrations: [schema])
    let searchDatabase = search == .ownFile ? try Database(path: searchPath, migrations: [schema]) : nil
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = processCPUSeconds()
    for batchStart in stride(from: 0, to: rows.count, by: batch) {
      let slice = Array(rows[batchStart..<min(batchStart + batch, rows.count)])
      let firstRowid = Int64(batchStart + 1)
      async let indexed: Void = {
        guard let searchDatabase else { return }
        try await searchDatabase.write { tx in
          for (offset, row) in slice.enumerated() { try insertText(row, rowid: firstRowid + Int64(offset), tx) }
        }
      }()
      try await database.write { tx in
        for row in slice {
          try tx.execute("INSERT INTO listing(id, data) VALUES (?, ?)", row.id, row.message)
          if search == .sameTransaction { try insertText(row, rowid: tx.lastInsertRowID, tx) }
          try tx.execute(
            "INSERT INTO change_event(entity_id, snapshot) VALUES (?, ?)", row.id, row.event)
        }
      }
      try await indexed
    }
    let elapsed = start.duration(to: clock.now)
    let cpu = processCPUSeconds() - cpuStart
    await database.close()
    await searchDatabase?.close()
    return (elapsed, cpu)
  }

  private static func insertText(_ row: FloorRow, rowid: Int64, _ tx: WriteTransaction) throws {
    try tx.execute(
      """
      INSERT INTO listing_fts(rowid, title, description, materials, producer, village)
      VALUES (?, ?, ?, ?, ?, ?)
      """, rowid, row.text[0], row.text[1], row.text[2], row.text[3], row.text[4])
  }
}
