import Catalogue
import CatalogueAPI
import CommonAPI
import Dispatch
import Foundation
import RPCTestSupport
import Storage
import Testing

/// An acknowledged write survives `kill -9`: a child process (`catalogue-crash-writer`) writes
/// listings as fast as it can and prints each write the store acknowledged; the test kills it
/// with SIGKILL mid-burst, reopens the file and checks that every acknowledged listing is
/// there, that nothing is half-written, and that SQLite and FTS5 find the file intact.
@Suite("Durability")
struct DurabilityTests {
  /// Acknowledged lines to wait for before the kill: enough that writes are queued and in
  /// flight, few enough to stay well under the time box on a busy CI host.
  static let killAfter = 120

  @Test("every acknowledged write survives SIGKILL, and no write is half there")
  func acknowledgedWritesSurviveKill() async throws {
    let directory = try TemporaryDirectory()
    let producerID = "prd-durable"
    do {
      let store = try CatalogueStore(path: directory.databasePath)
      try await store.seed(
        villages: [Fixtures.villages[1]],
        producers: [Fixtures.producer(producerID, village: "phu-vinh", name: "HTX Phú Vinh")],
        listings: [])
      await store.close()
    }

    let process = try ChildProcess(
      executable: try Self.helperURL().path, arguments: [directory.databasePath, producerID],
      standardOutput: .pipe)

    // A watchdog: a child that never gets going is killed too, and the test then fails below.
    let watchdog = DispatchWorkItem { process.send(SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: watchdog)
    let output = FileHandle(fileDescriptor: process.standardOutput, closeOnDealloc: true)
    let lines = await Self.readLines(output) { count in
      if count == Self.killAfter { process.send(SIGKILL) }
    }
    watchdog.cancel()
    #expect(process.wait() == .signalled(SIGKILL))
    try #require(lines.count >= Self.killAfter, "the helper acknowledged only \(lines.count) writes")

    var acknowledged: [String] = []
    var batches: [(number: Int, ids: [String])] = []
    for line in lines {
      let fields = line.split(separator: " ").map(String.init)
      switch fields.first {
      case "L" where fields.count == 2: acknowledged.append(fields[1])
      case "B" where fields.count == 12:
        batches.append((Int(fields[1]) ?? -1, Array(fields[2...])))
        acknowledged += fields[2...]
      default: Issue.record("unexpected line from the helper: \(line)")
      }
    }
    #expect(!batches.isEmpty, "no import batch was acknowledged before the kill")

    // Reopen: SQLite recovers from the WAL the killed process left behind.
    let store = try CatalogueStore(path: directory.databasePath)
    let listingType = Int64(ChangeEvent.EntityType.listing.rawValue)
    let created = Int64(ChangeEvent.ChangeType.created.rawValue)
    let check = try await store.database.read { tx in
      let present = Set(try tx.fetchAll("SELECT id FROM listing") { $0.string(0) })
      let integrity = try tx.fetchAll("PRAGMA integrity_check") { $0.string(0) }
      let listings = try tx.fetchOne("SELECT count(*) FROM listing") { $0.int64(0) } ?? -1
      let events = try tx.fetchOne(
        "SELECT count(*) FROM change_event WHERE entity_type = ? AND change_type = ?",
        listingType, created
      ) { $0.int64(0) } ?? -1
      // Each listing has its own created event and each event its listing.
      let unmatched = try tx.fetchOne(
        """
        SELECT (SELECT count(*) FROM listing l WHERE NOT EXISTS (
            SELECT 1 FROM change_event e WHERE e.entity_type = ? AND e.entity_id = l.id))
          + (SELECT count(*) FROM change_event e WHERE e.entity_type = ? AND NOT EXISTS (
            SELECT 1 FROM listing l WHERE l.id = e.entity_id))
        """, listingType, listingType
      ) { $0.int64(0) } ?? -1
      // A listing without its price tier or materials, or details without their listing.
      let partial = try tx.fetchOne(
        """
        SELECT (SELECT count(*) FROM listing l
            WHERE NOT EXISTS (SELECT 1 FROM price_tier t WHERE t.listing_rowid = l.rowid)
              OR (SELECT count(*) FROM listing_material m WHERE m.listing_rowid = l.rowid) != 2)
          + (SELECT count(*) FROM price_tier t
            WHERE NOT EXISTS (SELECT 1 FROM listing l WHERE l.rowid = t.listing_rowid))
          + (SELECT count(*) FROM listing_material m
            WHERE NOT EXISTS (SELECT 1 FROM listing l WHERE l.rowid = m.listing_rowid))
        """
      ) { $0.int64(0) } ?? -1
      // Import batches land whole or not at all: 10 rows each.
      let batchSizes = try tx.fetchAll(
        """
        SELECT substr(sku, 1, instr(sku, '-') - 1), count(*) FROM listing
        WHERE sku GLOB 'B*' GROUP BY 1
        """
      ) { ($0.string(0), $0.int64(1)) }
      let indexed = try tx.fetchOne(
        "SELECT count(*) FROM listing_fts WHERE listing_fts MATCH 'rattan'"
      ) { $0.int64(0) } ?? -1
      return (present, integrity, listings, events, unmatched, partial, batchSizes, indexed)
    }
    let (present, integrity, listings, events, unmatched, partial, batchSizes, indexed) = check
    let missing = acknowledged.filter { !present.contains($0) }
    #expect(missing.isEmpty, "acknowledged but lost: \(missing.prefix(10))")
    #expect(present.count >= acknowledged.count)
    #expect(integrity == ["ok"])
    #expect(listings == events)
    #expect(unmatched == 0)
    #expect(partial == 0)
    #expect(batchSizes.allSatisfy { $0.1 == 10 }, "partial import batches: \(batchSizes.filter { $0.1 != 10 })")
    #expect(indexed == listings, "the search index does not hold every listing")
    // FTS5's own check of the index against its content; throws when they disagree.
    try await store.database.write { tx in
      try tx.execute("INSERT INTO listing_fts(listing_fts) VALUES ('integrity-check')")
    }
    await store.close()
  }

  /// The helper executable, built next to the test bundle (`swift build`/`swift test` build
  /// every target of the package).
  static func helperURL() throws -> URL {
    let name = "catalogue-crash-writer"
    var directory = Bundle.main.executableURL?.deletingLastPathComponent()
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {  // macOS: .build/debug/X.xctest/Contents/MacOS/X
      let candidate = directory.appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    throw HelperNotFound(name: name)
  }

  struct HelperNotFound: Error, CustomStringConvertible {
    let name: String
    var description: String { "\(name) not found next to the test bundle; run swift build first" }
  }

  /// Reads complete lines until end of file on a Dispatch thread (reads block), calling
  /// `onLine` with the running count after each one. A partial last line (the kill cut it) is
  /// not an acknowledgement and is dropped.
  static func readLines(_ handle: FileHandle, onLine: @escaping @Sendable (Int) -> Void) async
    -> [String]
  {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        var lines: [String] = []
        var pending: [UInt8] = []
        while true {
          let data = handle.availableData
          if data.isEmpty { break }
          pending += data
          while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: pending[..<newline], as: UTF8.self))
            pending.removeSubrange(...newline)
            onLine(lines.count)
          }
        }
        continuation.resume(returning: lines)
      }
    }
  }
}
