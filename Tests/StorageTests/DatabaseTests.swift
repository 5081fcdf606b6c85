import Foundation
import RPCTestSupport
import Storage
import Testing

@Suite("Database: writer, readers, WAL, durability, backup")
struct DatabaseTests {
  static let migrations = [
    Migration(version: 1, sql: "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
  ]

  static func count(_ db: Database) async throws -> Int {
    try await db.read { try $0.fetchOne("SELECT count(*) FROM t") { $0.int(0) } } ?? -1
  }

  @Test("WAL mode, synchronous=FULL on the writer, foreign keys on, temporary storage in memory")
  func pragmas() async throws {
    let directory = try TemporaryDirectory()
    let db = try Database(path: directory.file("db.sqlite"), migrations: Self.migrations)
    let writer = try await db.write { tx in
      try tx.fetchOne(
        "SELECT * FROM pragma_journal_mode, pragma_synchronous, pragma_foreign_keys, pragma_temp_store"
      ) {
        [$0.string(0), $0.string(1), $0.string(2), $0.string(3)]
      }
    }
    #expect(writer == ["wal", "2", "1", "2"])  // temp_store 2: MEMORY
    let reader = try await db.read { tx in
      try tx.fetchOne("SELECT * FROM pragma_journal_mode, pragma_foreign_keys, pragma_temp_store") {
        [$0.string(0), $0.string(1), $0.string(2)]
      }
    }
    #expect(reader == ["wal", "1", "2"])
    #expect(FileManager.default.fileExists(atPath: directory.file("db.sqlite-wal")))
    await db.close()
  }

  @Test("checkpoints run off the writer once the WAL grows by the configured pages; the log stays bounded and nothing is lost")
  func backgroundCheckpoints() async throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("db.sqlite")
    var configuration = Database.Configuration.defaults
    configuration.walCheckpointPages = 50
    let db = try Database(path: path, configuration: configuration, migrations: Self.migrations)
    let row = String(repeating: "x", count: 3_000)  // about a page of log per write
    for index in 0..<600 {
      try await db.write { try $0.execute("INSERT INTO t(v) VALUES (?)", "\(index) \(row)") }
    }
    // The writer does not wait for them: give the checkpoint thread a moment.
    for _ in 0..<200 where db.backgroundCheckpoints == 0 { try await Task.sleep(for: .milliseconds(50)) }
    #expect(db.backgroundCheckpoints > 0)
    func size(_ file: String) throws -> Int {
      (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    }
    // ~1.8 MiB written: it reached the main file while open, and the log restarted instead
    // of holding all of it (the writer checkpoints itself at 2 × 50 pages; frames that come
    // in while a background pass holds the checkpoint lock add to that, so the bound is loose).
    #expect(try size(path) > 1_500_000)
    #expect(try size(path + "-wal") < 400 * 4_096)
    #expect(try await Self.count(db) == 600)
    await db.close()
    let reopened = try Database(path: path, migrations: Self.migrations)
    #expect(try await Self.count(reopened) == 600)
    await reopened.close()
  }

  @Test("a reader keeps its snapshot while the writer commits")
  func snapshotIsolation() async throws {
    let directory = try TemporaryDirectory()
    let db = try Database(path: directory.file("db.sqlite"), migrations: Self.migrations)
    try await db.write { try $0.execute("INSERT INTO t(v) VALUES ('first')") }

    let readerHasSnapshot = DispatchSemaphore(value: 0)
    let writerCommitted = DispatchSemaphore(value: 0)
    async let seen: [Int] = db.read { tx in
      let before = try tx.fetchOne("SELECT count(*) FROM t") { $0.int(0) } ?? -1
      readerHasSnapshot.signal()
      writerCommitted.wait()
      let after = try tx.fetchOne("SELECT count(*) FROM t") { $0.int(0) } ?? -1
      let maxID = try tx.fetchOne("SELECT max(id) FROM t") { $0.int(0) } ?? -1
      return [before, after, maxID]
    }
    await waitOffPool(readerHasSnapshot)
    // The writer is not blocked by the open read transaction.
    try await db.write { tx in
      for index in 0..<100 { try tx.execute("INSERT INTO t(v) VALUES (?)", "row \(index)") }
    }
    writerCommitted.signal()
    #expect(try await seen == [1, 1, 1])
    #expect(try await Self.count(db) == 101)
    await db.close()
  }

  @Test("many concurrent readers and writers all complete with consistent results")
  func concurrency() async throws {
    let directory = try TemporaryDirectory()
    let db = try Database(
      path: directory.file("db.sqlite"), configuration: .init(readerCount: 3),
      migrations: Self.migrations)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for writer in 0..<10 {
        group.addTask {
          try await db.write { tx in
            for index in 0..<10 {
              try tx.execute("INSERT INTO t(v) VALUES (?)", "w\(writer)-\(index)")
            }
          }
        }
      }
      for _ in 0..<40 {
        group.addTask {
          // Whole transactions only: the count is always a multiple of 10.
          let count = try await Self.count(db)
          #expect(count % 10 == 0)
        }
      }
      try await group.waitForAll()
    }
    #expect(try await Self.count(db) == 100)
    await db.close()
  }

  @Test("readerCount 0 runs reads on the writer (needed for :memory:)")
  func noReaders() async throws {
    let db = try Database(
      path: ":memory:", configuration: .init(readerCount: 0), migrations: Self.migrations)
    try await db.write { try $0.execute("INSERT INTO t(v) VALUES ('x')") }
    #expect(try await Self.count(db) == 1)
    await db.close()
  }

  @Test("write errors propagate typed, and a rolled-back write leaves nothing")
  func asyncRollback() async throws {
    let directory = try TemporaryDirectory()
    let db = try Database(path: directory.file("db.sqlite"), migrations: Self.migrations)
    await #expect(throws: Boom.self) {
      try await db.write { tx in
        try tx.execute("INSERT INTO t(v) VALUES ('x')")
        throw Boom()
      }
    }
    await #expect {
      try await db.write { try $0.execute("INSERT INTO t(v) VALUES (NULL)") }
    } throws: { error in
      guard case .constraint(.notNull, _) = error as? StorageError else { return false }
      return true
    }
    #expect(try await Self.count(db) == 0)
    await db.close()
  }

  @Test("after close, calls throw .closed")
  func closed() async throws {
    let directory = try TemporaryDirectory()
    let db = try Database(path: directory.file("db.sqlite"), migrations: Self.migrations)
    await db.close()
    await #expect(throws: StorageError.closed) { try await Self.count(db) }
    await #expect(throws: StorageError.closed) { try await db.write { _ in } }
    // The last close checkpointed the log into the main file and removed it.
    #expect(!FileManager.default.fileExists(atPath: directory.file("db.sqlite-wal")))
  }

  @Test("a committed write survives the process dying without closing")
  func durability() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("durable.sqlite")
    let writer = try Connection(path: path)
    try writer.write { try $0.executeScript("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)") }
    try writer.write { try $0.execute("INSERT INTO t(v) VALUES (?)", "Chuôn Ngọ khảm trai") }
    // "Crash": take the files exactly as they are on disk now, with the writer still open and
    // nothing checkpointed, as after kill -9; the -shm index is not needed (it is rebuilt).
    let crashed = try TemporaryDirectory()
    for suffix in ["", "-wal"] {
      try FileManager.default.copyItem(
        atPath: path + suffix, toPath: crashed.file("durable.sqlite") + suffix)
    }
    let walSize =
      try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
    #expect(walSize > 0, "the commit should still live in the log")
    let recovered = try Connection(path: crashed.file("durable.sqlite"))
    let value = try recovered.read { try $0.fetchOne("SELECT v FROM t") { $0.string(0) } }
    #expect(value == "Chuôn Ngọ khảm trai")
    // And a second connection to the live file sees it too.
    let second = try Connection(path: path, options: .init(mode: .readOnly))
    #expect(try second.read { try $0.fetchOne("SELECT count(*) FROM t") { $0.int(0) } } == 1)
    withExtendedLifetime(writer) {}
  }

  @Test("backup copies every row into a database that passes integrity_check")
  func backup() async throws {
    let directory = try TemporaryDirectory()
    let db = try Database(path: directory.file("db.sqlite"), migrations: Self.migrations)
    try await db.write { tx in
      for index in 0..<2_000 {
        try tx.execute("INSERT INTO t(v) VALUES (?)", "Sơn Đồng tượng gỗ \(index)")
      }
    }
    let destination = directory.file("backup.sqlite")
    try await db.backup(to: destination)
    // A write after the backup is not in it; a second backup replaces the first.
    try await db.write { try $0.execute("INSERT INTO t(v) VALUES ('later')") }
    #expect(!FileManager.default.fileExists(atPath: destination + ".partial"))

    let copy = try Connection(path: destination)
    let (count, checksum, integrity, version) = try copy.read { tx in
      (
        try tx.fetchOne("SELECT count(*) FROM t") { $0.int(0) },
        try tx.fetchOne("SELECT sum(length(v)) FROM t") { $0.int(0) },
        try tx.fetchOne("PRAGMA integrity_check") { $0.string(0) },
        try tx.fetchOne("PRAGMA user_version") { $0.int(0) }
      )
    }
    #expect(count == 2_000)
    let expected = try await db.read {
      try $0.fetchOne("SELECT sum(length(v)) FROM t WHERE v <> 'later'") { $0.int(0) }
    }
    #expect(checksum == expected)
    #expect(integrity == "ok")
    #expect(version == 1)
    copy.close()
    try await db.backup(to: destination)
    let second = try Connection(path: destination)
    #expect(try second.read { try $0.fetchOne("SELECT count(*) FROM t") { $0.int(0) } } == 2_001)
    await db.close()
  }
}
