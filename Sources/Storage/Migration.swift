/// One step of a schema's history. Versions are positive and strictly increasing; the version
/// a database has reached is kept in `PRAGMA user_version` (an integer in the file header, so
/// no bookkeeping table is needed and the version changes atomically with the schema).
///
/// Ship migrations forever and never edit one that has run anywhere; add a new one instead.
public struct Migration: Sendable {
  /// The `user_version` this migration brings the database to.
  public let version: Int
  let apply: @Sendable (WriteTransaction) throws -> Void

  /// A migration written as SQL (several statements allowed, no `BEGIN`/`COMMIT`).
  public init(version: Int, sql: SQL) {
    self.version = version
    self.apply = { try $0.executeScript(sql) }
  }

  /// A migration that needs code (for example back-filling a new column from existing rows).
  public init(version: Int, _ body: @escaping @Sendable (WriteTransaction) throws -> Void) {
    self.version = version
    self.apply = body
  }
}

enum Migrator {
  /// Brings `connection` up to the last migration, one `BEGIN IMMEDIATE` transaction per
  /// migration, so a failure leaves the database at the last complete version. Refuses a file
  /// whose version is newer than the code knows.
  static func migrate(_ connection: Connection, _ migrations: [Migration]) throws {
    for (previous, next) in zip(migrations, migrations.dropFirst())
    where next.version <= previous.version {
      throw StorageError.misuse(
        "migration versions must increase: \(previous.version) then \(next.version)")
    }
    if let first = migrations.first, first.version <= 0 {
      throw StorageError.misuse("migration versions start at 1, not \(first.version)")
    }
    let supported = migrations.last?.version ?? 0
    let found = try connection.read { try userVersion($0) }
    guard found <= supported else {
      throw StorageError.schemaTooNew(found: found, supported: supported)
    }
    for migration in migrations where migration.version > found {
      try connection.write { transaction in
        // Read again under the write lock: another process may have migrated meanwhile.
        let current = try userVersion(transaction)
        guard current < migration.version else { return }
        try migration.apply(transaction)
        // The version is an integer from the code, never input; pragmas cannot take parameters.
        try transaction.executeScript(SQL(unchecked: "PRAGMA user_version = \(migration.version)"))
      }
    }
  }

  static func userVersion(_ transaction: some SQLQuerying) throws -> Int {
    try transaction.fetchOne("PRAGMA user_version") { $0.int(0) } ?? 0
  }
}
