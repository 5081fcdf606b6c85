import RPCTestSupport
import Storage
import Testing

@Suite("Migrations")
struct MigrationTests {
  static let v1 = Migration(
    version: 1, sql: "CREATE TABLE village(id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
  static let v2 = Migration(
    version: 2,
    sql: """
      ALTER TABLE village ADD COLUMN name_folded TEXT;
      CREATE INDEX village_name_folded ON village(name_folded);
      """)
  static let v3 = Migration(version: 3) { tx in
    try tx.execute("UPDATE village SET name_folded = fold(name)")
  }

  static func userVersion(_ db: Database) async throws -> Int {
    try await db.read { try $0.fetchOne("PRAGMA user_version") { $0.int(0) } } ?? -1
  }

  @Test("a fresh database gets every migration")
  func fresh() async throws {
    let directory = try TemporaryDirectory()
    let db = try Database(
      path: directory.file("m.sqlite"), migrations: [Self.v1, Self.v2, Self.v3])
    #expect(try await Self.userVersion(db) == 3)
    try await db.write {
      try $0.execute(
        "INSERT INTO village(name, name_folded) VALUES (?, fold(?))", "Vạn Phúc", "Vạn Phúc")
    }
    let folded = try await db.read {
      try $0.fetchOne("SELECT name_folded FROM village") { $0.string(0) }
    }
    #expect(folded == "van phuc")
    await db.close()
  }

  @Test("an existing database gets only the new migrations, which see its data")
  func incremental() async throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("m.sqlite")
    do {
      let db = try Database(path: path, migrations: [Self.v1])
      try await db.write { try $0.execute("INSERT INTO village(name) VALUES (?)", "Bát Tràng") }
      #expect(try await Self.userVersion(db) == 1)
      await db.close()
    }
    // Re-running v1 would fail (table exists), so this also proves it is skipped.
    let db = try Database(path: path, migrations: [Self.v1, Self.v2, Self.v3])
    #expect(try await Self.userVersion(db) == 3)
    let folded = try await db.read {
      try $0.fetchOne("SELECT name_folded FROM village") { $0.string(0) }
    }
    #expect(folded == "bat trang")
    await db.close()
  }

  @Test("a database newer than the code is refused")
  func newerRefused() async throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("m.sqlite")
    let newer = try Database(path: path, migrations: [Self.v1, Self.v2, Self.v3])
    await newer.close()
    #expect(throws: StorageError.schemaTooNew(found: 3, supported: 2)) {
      _ = try Database(path: path, migrations: [Self.v1, Self.v2])
    }
  }

  @Test("a failing migration leaves the database at the last complete version")
  func failingMigration() async throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("m.sqlite")
    let broken = Migration(version: 2, sql: "CREATE TABLE half(x); CREATE TABLE village(x)")
    #expect(throws: StorageError.self) {
      _ = try Database(path: path, migrations: [Self.v1, broken])
    }
    let db = try Database(path: path, migrations: [Self.v1])
    #expect(try await Self.userVersion(db) == 1)
    let halfExists = try await db.read {
      try $0.fetchOne("SELECT count(*) FROM sqlite_schema WHERE name = 'half'") { $0.int(0) }
    }
    #expect(halfExists == 0)
    await db.close()
  }

  @Test("versions must be positive and increasing")
  func badVersions() throws {
    let directory = try TemporaryDirectory()
    #expect(throws: StorageError.self) {
      _ = try Database(path: directory.file("a.sqlite"), migrations: [Self.v2, Self.v1])
    }
    #expect(throws: StorageError.self) {
      _ = try Database(
        path: directory.file("b.sqlite"), migrations: [Migration(version: 0, sql: "SELECT 1")])
    }
  }
}
